"""koppel and the file system: never overwrite a file that is not koppel's own copy,
distinct names for clashing outputs, outputs that are never an input, non-regular files
skipped before opening, interrupted and impossible writes."""

from __future__ import annotations

import errno
import os
import shutil

import pytest

from xl_meerzorg.cli import main
from xl_meerzorg.workbook.koppel import doelpad, is_koppel_kopie, koppel_bestand

posix = pytest.mark.skipif(os.name != "posix", reason="FIFOs and links are POSIX")
NIET_OVER = "bestaat al; niet overschreven (gebruik --overschrijf om een eerdere kopie van koppel te vervangen)"


@pytest.fixture(scope="module")
def formulier(eigen_formulier_2026):
    return eigen_formulier_2026


def _regel(bron, doel) -> str:
    return f"{bron} -> {doel} (formulier xl-meerzorg 2026; type aanvraag nog niet gekozen)"


def test_zelfde_naam_twee_invoeren_twee_kopieen(formulier, tmp_path, capsys):
    """Two inputs that map to one output name (--uit): both get a copy, with distinct names."""
    for m in ("a", "b"):
        (tmp_path / m).mkdir()
        shutil.copy(formulier, tmp_path / m / "Form.xlsx")
    uit = tmp_path / "uit"
    assert main(["koppel", str(tmp_path / "a" / "Form.xlsx"), str(tmp_path / "b" / "Form.xlsx"), "--uit", str(uit)]) == 0
    assert capsys.readouterr().out == (
        _regel(tmp_path / "a" / "Form.xlsx", uit / "Form-python.xlsx") + "\n" + _regel(tmp_path / "b" / "Form.xlsx", uit / "Form-python-2.xlsx") + "\n"
    )
    assert sorted(p.name for p in uit.iterdir()) == ["Form-python-2.xlsx", "Form-python.xlsx"]
    assert all(is_koppel_kopie(p) for p in uit.iterdir())


def test_hoofdletters_botsen_ook(formulier, tmp_path, capsys):
    """form.xlsx and FORM.xlsx: one name on Windows and macOS, so two distinct copies."""
    shutil.copy(formulier, tmp_path / "form.xlsx")
    shutil.copy(formulier, tmp_path / "FORM.xlsx")
    assert main(["koppel", str(tmp_path / "FORM.xlsx"), str(tmp_path / "form.xlsx"), "--uit", str(tmp_path / "uit")]) == 0
    assert sorted(p.name for p in (tmp_path / "uit").iterdir()) == ["FORM-python.xlsx", "form-python-2.xlsx"]


def test_ontvangen_bestand_met_kopienaam_nooit_overschreven(formulier, tmp_path, capsys):
    """A received file called <naam>-python.xlsx is not koppel's: refused with and without
    --overschrijf, byte-identical afterwards."""
    bron = tmp_path / "aanvraag.xlsx"
    shutil.copy(formulier, bron)
    ontvangen = tmp_path / "aanvraag-python.xlsx"
    shutil.copy(formulier, ontvangen)  # a form, but not a koppel copy
    voor = ontvangen.read_bytes()
    assert main(["koppel", str(bron)]) == 2
    assert capsys.readouterr().err == f"{bron}: {ontvangen} {NIET_OVER}\n"
    assert main(["koppel", str(bron), "--overschrijf"]) == 2
    assert capsys.readouterr().err == f"{bron}: {ontvangen} bestaat al en is geen kopie van koppel; niet overschreven\n"
    assert ontvangen.read_bytes() == voor
    assert not is_koppel_kopie(ontvangen)


def test_overschrijf_vervangt_alleen_eigen_kopie(formulier, tmp_path, capsys):
    bron = tmp_path / "aanvraag.xlsx"
    shutil.copy(formulier, bron)
    assert main(["koppel", str(bron)]) == 0
    kopie = tmp_path / "aanvraag-python.xlsx"
    assert is_koppel_kopie(kopie)
    inode = kopie.stat().st_ino
    assert main(["koppel", str(bron)]) == 2
    assert capsys.readouterr().err == f"{bron}: {kopie} {NIET_OVER}\n"
    assert kopie.stat().st_ino == inode
    assert main(["koppel", str(bron), "--overschrijf"]) == 0
    assert kopie.stat().st_ino != inode and is_koppel_kopie(kopie)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["aanvraag-python.xlsx", "aanvraag.xlsx"]


@posix
def test_kopie_via_link_naar_invoer_geweigerd(formulier, tmp_path, capsys):
    """The output name is a hard or symbolic link to an input: refused, even with --overschrijf."""
    bron = tmp_path / "aanvraag.xlsx"
    shutil.copy(formulier, bron)
    voor = bron.read_bytes()
    for soort in ("hard", "zacht"):
        kopie = tmp_path / "aanvraag-python.xlsx"
        kopie.unlink(missing_ok=True)
        os.link(bron, kopie) if soort == "hard" else os.symlink("aanvraag.xlsx", kopie)
        assert main(["koppel", str(bron), "--overschrijf"]) == 2
        assert capsys.readouterr().err == (
            f"{bron}: de kopie {kopie} is (een koppeling naar) het invoerbestand {bron}; dat wordt nooit overschreven. Kies een andere naam.\n"
        )
        assert bron.read_bytes() == voor


def test_kopienaam_is_een_andere_invoer(formulier, tmp_path, capsys):
    """koppel a.xlsx b.xlsx --uit where a's copy name is input b: b is never overwritten."""
    a = tmp_path / "a.xlsx"
    shutil.copy(formulier, a)
    b = tmp_path / "uit" / "a-python.xlsx"
    b.parent.mkdir()
    shutil.copy(formulier, b)
    voor = b.read_bytes()
    assert main(["koppel", str(a), str(b), "--uit", str(tmp_path / "uit"), "--overschrijf"]) == 2
    err = capsys.readouterr().err
    assert f"{a}: de kopie {b} is (een koppeling naar) het invoerbestand {b}; dat wordt nooit overschreven. Kies een andere naam.\n" in err
    assert b.read_bytes() == voor


@posix
def test_niet_gewone_bestanden(formulier, tmp_path, capsys, wekker):
    """A FIFO and a symlink loop named .xlsx, a folder named x.xlsx: skipped in a folder
    with a message before opening; named directly an error. No hang."""
    map_ = tmp_path / "in"
    map_.mkdir()
    shutil.copy(formulier, map_ / "echt.xlsx")
    os.mkfifo(map_ / "pijp.xlsx")
    os.symlink("lus.xlsx", map_ / "lus.xlsx")
    (map_ / "map.xlsx").mkdir()
    assert main(["koppel", str(map_)]) == 0
    uit = capsys.readouterr()
    assert uit.err == (
        f"{map_ / 'lus.xlsx'}: overgeslagen: symbolische koppeling in een lus; niet geopend\n"
        f"{map_ / 'pijp.xlsx'}: overgeslagen: is een named pipe (FIFO), geen gewoon bestand; niet geopend\n"
    )
    assert uit.out == _regel(map_ / "echt.xlsx", map_ / "echt-python.xlsx") + "\n"
    assert main(["koppel", str(map_ / "pijp.xlsx")]) == 2
    assert capsys.readouterr().err == f"{map_ / 'pijp.xlsx'}: is een named pipe (FIFO), geen gewoon bestand; niet geopend\n"


def test_lege_map_exit_2_als_controleer(tmp_path, capsys):
    (tmp_path / "leeg").mkdir()
    assert main(["koppel", str(tmp_path / "leeg")]) == 2
    assert capsys.readouterr().err == f"geen formulieren gevonden in {tmp_path / 'leeg'}\n"
    assert main(["controleer", str(tmp_path / "leeg")]) == 2
    assert capsys.readouterr().err == f"geen formulieren gevonden in {tmp_path / 'leeg'}\n"


def test_xlsm_blijft_xlsm(tmp_path):
    from pathlib import Path

    assert doelpad(Path("in/a.xlsm")) == Path("in/a-python.xlsm")
    assert doelpad(Path("in/a.XLSX"), Path("uit")) == Path("uit/a-python.xlsx")


def test_niet_utf8_naam(formulier, tmp_path, capsys):
    raar = os.fsdecode(os.path.join(os.fsencode(tmp_path), b"aanvraag-\xff\x1b.xlsx"))
    shutil.copy(formulier, raar)
    assert main(["koppel", raar]) == 0
    assert capsys.readouterr().out == _regel(f"{tmp_path}/aanvraag-\\xff\\x1b.xlsx", f"{tmp_path}/aanvraag-\\xff\\x1b-python.xlsx") + "\n"
    assert os.path.exists(os.fsdecode(os.path.join(os.fsencode(tmp_path), b"aanvraag-\xff\x1b-python.xlsx")))


def test_alleen_lezen_map(formulier, tmp_path, capsys, monkeypatch):
    """A folder without write permission (simulated: the tests may run as root)."""
    import xl_meerzorg.bestanden as bestanden

    bron = tmp_path / "aanvraag.xlsx"
    shutil.copy(formulier, bron)
    echt_open = os.open

    def geweigerd(pad, vlaggen, *a):
        if vlaggen & os.O_CREAT:
            raise PermissionError(errno.EACCES, "Permission denied", pad)
        return echt_open(pad, vlaggen, *a)

    monkeypatch.setattr(bestanden.os, "open", geweigerd)
    assert main(["koppel", str(bron)]) == 2
    assert capsys.readouterr().err == f"{bron}: kan {tmp_path / 'aanvraag-python.xlsx'} niet schrijven: geen schrijfrechten in {tmp_path}\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["aanvraag.xlsx"]


@pytest.mark.parametrize("fout", ["schijf-vol", "ctrl-c"])
def test_onderbroken_kopie_laat_niets_half_achter(formulier, tmp_path, capsys, monkeypatch, fout):
    """Ctrl-C or a full disk while the copy is written: the earlier copy stays, no
    temporary file, Ctrl-C ends with one Dutch line (exit 130)."""
    import xl_meerzorg.bestanden as bestanden

    bron = tmp_path / "aanvraag.xlsx"
    shutil.copy(formulier, bron)
    g = koppel_bestand(bron)
    voor = g.doel.read_bytes()

    def kapot(_fd):
        if fout == "ctrl-c":
            raise KeyboardInterrupt
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(bestanden.os, "fsync", kapot)
    code = main(["koppel", str(bron), "--overschrijf"])
    err = capsys.readouterr().err
    if fout == "ctrl-c":
        assert (code, err) == (130, "xl-meerzorg: afgebroken (Ctrl-C); er is niets half geschreven.\n")
    else:
        assert (code, err) == (2, f"{bron}: kan {g.doel} niet schrijven: de schijf is vol\n")
    assert g.doel.read_bytes() == voor
    assert sorted(p.name for p in tmp_path.iterdir()) == ["aanvraag-python.xlsx", "aanvraag.xlsx"]
