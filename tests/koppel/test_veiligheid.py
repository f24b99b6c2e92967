"""koppel refuses what the batch checker refuses (zip bombs, DTDs/entities, huge sheets)
and forms with malformed XML; the copy gets a normal file mode. Generated fixtures only:
this project's own form (xl_meerzorg.workbook.bouw) with parts changed at zip level."""

from __future__ import annotations

import argparse
import os
import random
import re
import stat
import warnings
import zipfile
from pathlib import Path

import pytest

from xl_meerzorg.workbook import veilig
from xl_meerzorg.workbook.koppel import GeenFormulier, OnveiligFormulier, koppel_bestand, koppel_bytes

LOL = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n'
)


@pytest.fixture(scope="module")
def formulier(tmp_path_factory) -> Path:
    from xl_meerzorg.workbook.bouw import bouw

    return bouw(2026, tmp_path_factory.mktemp("bouw"))[0]


@pytest.fixture(scope="module")
def bladen(formulier) -> dict[str, str]:
    """Sheet name -> part of the generated form."""
    return veilig.werkbladen(veilig.open_xlsx(formulier))


def variant(bron: Path, doel: Path, wijzig: dict[str, object]) -> Path:
    """A copy of ``bron`` with members replaced (bytes or a function of the old bytes) or added."""
    with zipfile.ZipFile(bron) as zin, zipfile.ZipFile(doel, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            w = wijzig.get(info.filename)
            zout.writestr(info.filename, w(data) if callable(w) else w if w is not None else data)
        for naam, w in wijzig.items():
            if naam not in zin.namelist():
                zout.writestr(naam, w)
    return doel


def zonder_prolog(data: bytes) -> bytes:
    return re.sub(rb"^\s*<\?xml[^>]*\?>\s*", b"", data)


def _run(argv: list[str]) -> int:
    from xl_meerzorg.workbook.koppel.cli import SUBCOMMANDS

    _help, configure, run = SUBCOMMANDS["koppel"]
    p = argparse.ArgumentParser()
    configure(p)
    return run(p.parse_args(argv))


def weigert(pad: Path, tmp_path: Path, patroon: str) -> str:
    """koppel refuses ``pad`` with a message matching ``patroon``; no copy is written."""
    uit = tmp_path / "uit"
    with pytest.raises(OnveiligFormulier, match=patroon) as exc:
        koppel_bestand(pad, uit)
    assert not list(uit.glob("*")) if uit.exists() else True
    with pytest.raises(OnveiligFormulier, match=patroon):
        koppel_bytes(pad.read_bytes())
    return str(exc.value)


# --------------------------------------------------------------------------- zip limits


def test_zip_bom_sterk_gecomprimeerd(formulier, tmp_path):
    pad = variant(formulier, tmp_path / "bom.xlsx", {"xl/media/bom.bin": bytes(2 * 1024 * 1024)})
    melding = weigert(pad, tmp_path, r"^niet gekoppeld: verdacht sterk gecomprimeerd onderdeel xl/media/bom\.bin \(zip-bom\?\)$")
    assert "bom.bin" in melding


def test_onderdeel_te_groot_uitgepakt(formulier, tmp_path, monkeypatch):
    import zipfile

    with zipfile.ZipFile(formulier) as zf:
        grootste = max(i.file_size for i in zf.infolist())
    monkeypatch.setattr(veilig, "MAX_LID", grootste + 1)  # every part of the form itself passes
    ruis = random.Random(1).randbytes(grootste + 100_000)  # incompressible: only the size limit applies
    pad = variant(formulier, tmp_path / "groot.xlsx", {"xl/media/ruis.bin": ruis})
    weigert(pad, tmp_path, r"^niet gekoppeld: onderdeel xl/media/ruis\.bin is te groot uitgepakt")


def test_werkblad_te_groot_in_bytes(formulier, bladen, tmp_path, monkeypatch):
    monkeypatch.setattr(veilig, "MAX_BLAD", 1000)
    weigert(formulier, tmp_path, r"^niet gekoppeld: werkblad .+ is te groot")


def test_dimension_te_groot(formulier, bladen, tmp_path):
    deel = bladen["Clientgegevens"]
    pad = variant(
        formulier, tmp_path / "dim.xlsx",
        {deel: lambda d: re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', d, count=1)},
    )  # fmt: skip
    melding = weigert(pad, tmp_path, r"^niet gekoppeld: werkblad .* is te groot \(1048576 rijen, 16384 kolommen")
    assert "Clientgegevens" in melding


# --------------------------------------------------------------------------- DTD / entities


@pytest.mark.parametrize("deel", ["Clientgegevens", "xl/workbook.xml", "xl/styles.xml", "xl/theme/theme1.xml", "docProps/custom.xml"])
def test_dtd_in_elk_xml_onderdeel(formulier, bladen, tmp_path, deel):
    deel = bladen.get(deel, deel)
    pad = variant(formulier, tmp_path / "dtd.xlsx", {deel: lambda d: LOL + zonder_prolog(d)})
    weigert(pad, tmp_path, rf"^niet gekoppeld: onveilige XML in {re.escape(deel)} \(DTD of entiteiten zijn niet toegestaan\)")


def test_gebruikte_externe_entiteit(formulier, bladen, tmp_path):
    """XXE: an entity that is actually used in a cell (before: "kan het formulier niet lezen (XmlError)")."""
    deel = bladen["Clientgegevens"]

    def xxe(d: bytes) -> bytes:
        d = zonder_prolog(d)
        d = d.replace(b"</sheetData>", b'<row r="200"><c r="D200" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData>', 1)
        return b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>' + d

    pad = variant(formulier, tmp_path / "xxe.xlsx", {deel: xxe})
    melding = weigert(pad, tmp_path, r"^niet gekoppeld: onveilige XML in .*DTD of entiteiten zijn niet toegestaan")
    assert "werkblad 'Clientgegevens'" in melding


def test_onbekende_entiteit_zonder_dtd(formulier, bladen, tmp_path):
    deel = bladen["Clientgegevens"]
    pad = variant(
        formulier, tmp_path / "ent.xlsx",
        {deel: lambda d: d.replace(b"</sheetData>", b'<row r="200"><c r="D200" t="inlineStr"><is><t>&foo;</t></is></c></row></sheetData>', 1)},
    )  # fmt: skip
    weigert(pad, tmp_path, r"^niet gekoppeld: beschadigd bestand: ongeldige XML in .*werkblad 'Clientgegevens'.*onbekende entiteit")


# --------------------------------------------------------------------------- malformed XML


@pytest.mark.parametrize(
    ("wijziging", "fout"),
    [
        ((rb"<dimension ", rb'<dimension ref="A1" '), "dubbel attribuut"),  # like QA's x09_textname_eq
        ((rb"</sheetData>", rb"<row r='300'><c r='A300'><v>1</v></row></sheetData>"), "eindtag past niet bij de begintag"),
        ((rb"</sheetData>", rb'<row r="300"><x:c r="A300"/></row></sheetData>'), "voorvoegsel zonder naamruimte-declaratie"),
    ],
)
def test_ongeldige_xml_wordt_geweigerd(formulier, bladen, tmp_path, wijziging, fout):
    deel = bladen["Clientgegevens"]
    oud, nieuw = wijziging
    pad = variant(formulier, tmp_path / "kapot.xlsx", {deel: lambda d: d.replace(oud, nieuw, 1)})
    with zipfile.ZipFile(pad) as z:
        assert z.read(deel) != zipfile.ZipFile(formulier).read(deel)
    melding = weigert(pad, tmp_path, rf"ongeldige XML in {re.escape(deel)} \(werkblad 'Clientgegevens', regel \d+, kolom \d+: {fout}\)")
    assert melding.startswith("niet gekoppeld: beschadigd bestand: ")


def test_ongeldige_xml_buiten_de_werkbladen(formulier, tmp_path):
    pad = variant(formulier, tmp_path / "app.xlsx", {"docProps/app.xml": lambda d: d[: len(d) // 2]})
    weigert(pad, tmp_path, r"^niet gekoppeld: beschadigd bestand: ongeldige XML in docProps/app\.xml \(regel")


# --------------------------------------------------------------------------- CLI and the good form


def test_cli_map_weigert_en_gaat_door(formulier, bladen, tmp_path, capsys):
    """A folder: the unsafe and broken files are errors (exit 2), the good form is still coupled."""
    map_ = tmp_path / "in"
    map_.mkdir()
    goed = map_ / "a_goed.xlsx"
    goed.write_bytes(formulier.read_bytes())
    deel = bladen["Clientgegevens"]
    variant(formulier, map_ / "b_bom.xlsx", {"xl/media/bom.bin": bytes(2 * 1024 * 1024)})
    variant(formulier, map_ / "c_dtd.xlsx", {deel: lambda d: LOL + zonder_prolog(d)})
    variant(formulier, map_ / "d_kapot.xlsx", {deel: lambda d: d.replace(b"<dimension ", b'<dimension ref="A1" ', 1)})
    (map_ / "e_geen_zip.xlsx").write_bytes(b"geen zip")  # not a workbook at all: skipped, as before
    assert _run([str(map_), "--uit", str(tmp_path / "uit")]) == 2
    uit = capsys.readouterr()
    assert sorted(p.name for p in (tmp_path / "uit").iterdir()) == ["a_goed-python.xlsx"]
    assert "a_goed.xlsx -> " in uit.out
    err = uit.err.splitlines()
    assert any(r.endswith("b_bom.xlsx: niet gekoppeld: verdacht sterk gecomprimeerd onderdeel xl/media/bom.bin (zip-bom?)") for r in err)
    assert any("c_dtd.xlsx: niet gekoppeld: onveilige XML in " in r for r in err)
    assert any("d_kapot.xlsx: niet gekoppeld: beschadigd bestand: ongeldige XML" in r and "dubbel attribuut" in r for r in err)
    assert any(r.endswith("e_geen_zip.xlsx: overgeslagen: geen Excel-bestand (.xlsx/.xlsm)") for r in err)


def test_goede_kopie_opent_in_openpyxl(formulier, tmp_path):
    import openpyxl

    g = koppel_bestand(formulier, tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(g.doel)
    assert "Python-controle" in wb.sheetnames


def test_geen_excel_bestand_is_geen_formulier(tmp_path):
    pad = tmp_path / "tekst.xlsx"
    pad.write_text("hallo", encoding="utf-8")
    with pytest.raises(GeenFormulier, match="geen Excel-bestand") as exc:
        koppel_bestand(pad, tmp_path)
    assert not isinstance(exc.value, OnveiligFormulier)


# --------------------------------------------------------------------------- file mode


@pytest.mark.skipif(os.name != "posix", reason="file modes and umask are POSIX")
@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002])
def test_kopie_heeft_normale_bestandsrechten(formulier, tmp_path, umask):
    oud = os.umask(umask)
    try:
        doel = koppel_bestand(formulier, tmp_path).doel
        doel.chmod(0o600)  # a second run (--overschrijf) replaces the file and again gets the normal mode
        doel = koppel_bestand(formulier, tmp_path, overschrijf=True).doel
    finally:
        os.umask(oud)
    assert stat.S_IMODE(doel.stat().st_mode) == 0o666 & ~umask
    assert sorted(p.name for p in tmp_path.iterdir()) == [doel.name]  # no temporary file left


def test_mislukte_schrijfactie_laat_niets_achter(formulier, tmp_path, monkeypatch):
    import errno

    import xl_meerzorg.bestanden as bestanden

    def kapot(*_a, **_k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(bestanden.os, "replace", kapot)
    monkeypatch.setattr(bestanden.os, "link", kapot)
    doel = tmp_path / f"{formulier.stem}-python.xlsx"
    with pytest.raises(bestanden.BestandFout, match=f"^kan {doel} niet schrijven: de schijf is vol$"):
        koppel_bestand(formulier, tmp_path)
    assert list(tmp_path.iterdir()) == []
