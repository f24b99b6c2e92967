"""controleer and the file system: FIFOs, devices, links, duplicates, odd names, reports
that cannot be written, interrupted saves, --anoniem with status-word names, the
report's layout. The forms are built by ``bouw`` (no LibreOffice needed)."""

from __future__ import annotations

import errno
import json
import os
import shutil
import warnings

import pytest

from xl_meerzorg.cli import main
from xl_meerzorg.workbook.controle.anoniem import anonimiseer
from xl_meerzorg.workbook.controle.cli import Voortgang, verzamel_alle
from xl_meerzorg.workbook.controle.rapport import EURO, UREN, nza_volledig, schrijf_rapport

posix = pytest.mark.skipif(os.name != "posix", reason="FIFOs and links are POSIX")
KOP = "Formulieren gecontroleerd"


@pytest.fixture(scope="module")
def formulier(eigen_formulier_2026):
    return eigen_formulier_2026


def _met_naam(formulier, doel, naam, bsn="123456789"):
    import openpyxl

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(formulier)
    wb["Clientgegevens"]["D7"] = naam
    wb["Clientgegevens"]["H7"] = bsn
    wb.save(doel)
    return doel


@posix
def test_map_met_vreemde_bestanden(formulier, tmp_path, capsys, wekker):
    """FIFO, directory and symlink loop named .xlsx, a hard link and a symlink to the same
    form, an ANSI escape and a non-UTF-8 byte in a name: no hang, every case named, each
    form checked once, paths relative to the folder given."""
    inbox = tmp_path / "inbox"
    (inbox / "sub").mkdir(parents=True)
    shutil.copy(formulier, inbox / "a.xlsx")
    os.link(inbox / "a.xlsx", inbox / "hard.xlsx")
    os.symlink("a.xlsx", inbox / "zacht.xlsx")
    os.mkfifo(inbox / "pijp.xlsx")
    (inbox / "map.xlsx").mkdir()
    os.symlink("lus.xlsx", inbox / "lus.xlsx")
    raar = os.path.join(os.fsencode(inbox / "sub"), b"x\x1b[2J\nOK \xff.xlsx")
    shutil.copy(formulier, os.fsdecode(raar))
    voor = (inbox / "a.xlsx").read_bytes()
    assert main(["controleer", str(inbox)]) == 2
    uit = capsys.readouterr()
    assert uit.err == "hard.xlsx: overgeslagen: hetzelfde bestand als a.xlsx\nzacht.xlsx: overgeslagen: hetzelfde bestand als a.xlsx\n"
    koppen = [r for r in uit.out.splitlines() if r and not r.startswith("  ")]
    assert koppen == [
        "a.xlsx: afwijkingen (eigen 2026, ?, 1 cliënt(en))",
        "lus.xlsx: onleesbaar – symbolische koppeling in een lus; niet geopend",
        "pijp.xlsx: onleesbaar – is een named pipe (FIFO), geen gewoon bestand; niet geopend",
        "sub/x\\x1b[2J\\nOK \\xff.xlsx: afwijkingen (eigen 2026, ?, 1 cliënt(en))",
        "4 bestand(en): 0 OK, 2 met afwijkingen, 0 met fouten, 2 onleesbaar",
    ]
    assert "\x1b" not in uit.out
    assert (inbox / "a.xlsx").read_bytes() == voor
    # JSON: the same relative names (an undecodable byte escaped, JSON escapes the rest)
    assert main(["controleer", "--json", str(inbox)]) == 2
    doc = json.loads(capsys.readouterr().out)
    assert [u["bestand"] for u in doc["bestanden"]] == ["a.xlsx", "lus.xlsx", "pijp.xlsx", "sub/x\x1b[2J\nOK \\xff.xlsx"]


def test_meerdere_paden_houden_de_mapnaam(formulier, tmp_path):
    for m in ("een", "twee"):
        (tmp_path / m).mkdir()
        shutil.copy(formulier, tmp_path / m / "f.xlsx")
    v = verzamel_alle([str(tmp_path / "een"), str(tmp_path / "twee")])
    assert [t.weergave for t in v.bestanden] == [str(tmp_path / "een" / "f.xlsx"), str(tmp_path / "twee" / "f.xlsx")]
    assert [t.weergave for t in verzamel_alle([str(tmp_path / "een")]).bestanden] == ["f.xlsx"]


def test_lege_map_exit_2(tmp_path, capsys):
    (tmp_path / "leeg").mkdir()
    assert main(["controleer", str(tmp_path / "leeg")]) == 2
    uit = capsys.readouterr()
    assert (uit.out, uit.err) == ("", f"geen formulieren gevonden in {tmp_path / 'leeg'}\n")


@posix
def test_rapport_via_harde_link_naar_formulier_geweigerd(formulier, tmp_path, capsys):
    bron = tmp_path / "ontvangen.xlsx"
    shutil.copy(formulier, bron)
    os.link(bron, tmp_path / "rapport.xlsx")
    voor = bron.read_bytes()
    assert main(["controleer", str(bron), "--rapport", str(tmp_path / "rapport.xlsx")]) == 2
    uit = capsys.readouterr()
    assert uit.out == ""
    assert uit.err == (
        f"Rapport niet geschreven: het rapport {tmp_path / 'rapport.xlsx'} is (een koppeling naar) het invoerbestand {bron}; "
        "dat wordt nooit overschreven. Kies een andere naam.\n"
    )
    assert bron.read_bytes() == voor


@pytest.mark.parametrize("soort", ["map", "onder-bestand"])
def test_rapport_onschrijfbaar_resultaten_blijven(formulier, tmp_path, capsys, soort):
    """A report path that is a folder or lies under a file: a Dutch message, exit 2, and
    the results are still printed."""
    (tmp_path / "map").mkdir()
    (tmp_path / "bestand").write_bytes(b"x")
    doel = tmp_path / "map" if soort == "map" else tmp_path / "bestand" / "r.xlsx"
    assert main(["controleer", str(formulier), "--rapport", str(doel)]) == 2
    uit = capsys.readouterr()
    assert uit.out.splitlines()[-1] == "1 bestand(en): 0 OK, 1 met afwijkingen, 0 met fouten, 0 onleesbaar"
    reden = "dat is een map; geef een bestandsnaam op" if soort == "map" else f"{tmp_path / 'bestand'} is een bestand, geen map"
    assert uit.err == f"Rapport niet geschreven: kan {doel} niet schrijven: {reden}\n"
    assert (tmp_path / "bestand").read_bytes() == b"x"


@pytest.mark.parametrize("fout", ["schijf-vol", "ctrl-c"])
def test_onderbroken_rapport_vorige_blijft(formulier, tmp_path, capsys, monkeypatch, fout):
    """A full disk or Ctrl-C while the report is saved: the previous report survives, no
    temporary file is left; a full disk still prints the results (exit 2), Ctrl-C ends
    with one Dutch line (exit 130)."""
    import xl_meerzorg.bestanden as bestanden

    rapport = tmp_path / "rapport.xlsx"
    rapport.write_bytes(b"vorig rapport")

    def kapot(_fd):
        if fout == "ctrl-c":
            raise KeyboardInterrupt
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(bestanden.os, "fsync", kapot)
    code = main(["controleer", str(formulier), "--rapport", str(rapport)])
    uit = capsys.readouterr()
    assert rapport.read_bytes() == b"vorig rapport"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rapport.xlsx"]
    if fout == "ctrl-c":
        assert code == 130
        assert uit.err == "xl-meerzorg: afgebroken (Ctrl-C); er is niets half geschreven.\n"
    else:
        assert code == 2
        assert uit.out.splitlines()[-1] == "1 bestand(en): 0 OK, 1 met afwijkingen, 0 met fouten, 0 onleesbaar"
        assert uit.err == f"Rapport niet geschreven: kan {rapport} niet schrijven: de schijf is vol\n"


@pytest.mark.parametrize("naam", ["OK", "e", "fouten", "afwijking", "Cliënt 1"])
def test_anoniem_met_statuswoord_als_naam(formulier, tmp_path, capsys, naam):
    """A client named like a status word: only the name is replaced, as a value; the
    messages read "Cliënt 1", never "Cliënt 1 (Cliënt 1)", and nothing else changes."""
    pad = _met_naam(formulier, tmp_path / "f.xlsx", naam)
    assert main(["controleer", "--json", str(pad)]) == 1
    gewoon = json.loads(capsys.readouterr().out)["bestanden"][0]
    assert main(["controleer", "--json", "--anoniem", str(pad)]) == 1
    anon = json.loads(capsys.readouterr().out)["bestanden"][0]
    assert anon["status"] == gewoon["status"] == "afwijkingen"
    assert anon["clienten"][0]["naam"] == "Cliënt 1" and anon["clienten"][0]["bsn"] == "******789"
    verwacht = [
        {**f, "tekst": f["tekst"].replace(f"Cliënt 1 ({naam})", "Cliënt 1").replace("123456789", "******789")}
        for f in gewoon["bevindingen"]
    ]
    assert anon["bevindingen"] == verwacht
    assert any("Cliënt 1: BSN ******789 is ongeldig" in f["tekst"] for f in anon["bevindingen"])
    assert not any("Cliënt 1 (" in f["tekst"] for f in anon["bevindingen"])


def test_anonimiseer_als_waarde():
    u = {
        "bestand": "e.xlsx", "status": "OK", "reden": None, "formulier": "officieel",
        "clienten": [{"naam": "e", "bsn": "123456782"}, {"naam": "OK", "bsn": None}],
        "bevindingen": [
            {"niveau": "fout", "soort": "validatie", "cel": "Clientgegevens!D8", "tekst": "Cliënt 2 (OK): de naam 'OK' is te kort; OK?",
             "formulier": "OK", "motor": None},
            {"niveau": "waarschuwing", "soort": "e", "cel": "X!A1", "tekst": "Cliënt 1 (e): BSN 123456782 en 1234567820 en (e)",
             "formulier": " e ", "motor": "de e-mail"},
        ],
    }  # fmt: skip
    anonimiseer(u)
    assert u["bestand"] == "e.xlsx" and u["status"] == "OK" and u["formulier"] == "officieel"
    assert u["clienten"] == [{"naam": "Cliënt 1", "bsn": "******782"}, {"naam": "Cliënt 2", "bsn": None}]
    assert u["bevindingen"] == [
        {"niveau": "fout", "soort": "validatie", "cel": "Clientgegevens!D8", "tekst": "Cliënt 2: de naam 'Cliënt 2' is te kort; OK?",
         "formulier": "Cliënt 2", "motor": None},
        {"niveau": "waarschuwing", "soort": "e", "cel": "X!A1", "tekst": "Cliënt 1: BSN ******782 en 1234567820 en (Cliënt 1)",
         "formulier": "Cliënt 1", "motor": "de e-mail"},
    ]  # fmt: skip
    assert u["anoniem"] is True


def test_voortgang_zegt_wat_hij_telt_en_wordt_gewist():
    import io

    s = io.StringIO()
    v = Voortgang(s)
    v(1, 4)
    v(4, 4)
    v.wis()
    regel = f"{KOP}: 4 van 4 [{'#' * 30}]"
    assert s.getvalue() == f"\r{KOP}: 1 van 4 [{'#' * 7}{'.' * 23}]\r{regel}\r{' ' * len(regel)}\r"


# ------------------------------------------------------------------------ the report


def _uitslag(bestand, jaar, status, formulier="officieel"):
    return {
        "bestand": bestand, "status": status, "jaar": jaar, "formulier": formulier, "zorgaanbieder": "Zorg\x1b[31m BV",
        "nza": "1234", "clienten": [{"naam": "Jan\nOK", "bsn": "123456782", "zorgprofiel": "VG7", "prestatiecode": "Z473",
        "uitkomst": "Meerzorgprofiel 6", "meerzorguren": 73.95, "jaarbedrag": 22790.56, "etmaalbedrag": 62.44,
        "maanden": 12, "ingang": "2026-01-01", "cce": "Ja", "lvhc": "Ja", "doelgroep": "Korsakov geleverd in DEC",
        "formulier": {"jaarbedrag": 22790.56}}],
        "totaal": {"jaarbedrag": 22790.56, "etmaalbedrag": 62.44},
        "bevindingen": [{"niveau": "afwijking", "soort": "vergelijking", "cel": "Overzicht individueel!E39",
                         "tekst": "Cliënt 1: het jaarbedrag wijkt af.", "formulier": "€ 22.790,56", "motor": "€ 1.234.567,00"},
                        {"niveau": "afwijking", "soort": "vergelijking", "cel": "Overzicht individueel!E38",
                         "tekst": "de meerzorguren", "formulier": "73:57", "motor": "-1:05"},
                        {"niveau": "afwijking", "soort": "formule", "cel": "X!A1", "tekst": "formule", "formulier": "=A1", "motor": "€ 5,00"}],
    }  # fmt: skip


def test_rapport_opmaak(tmp_path):
    from openpyxl import load_workbook

    uitslagen = [_uitslag("b.xlsx", 2026, "afwijkingen"), _uitslag("a.xlsx", 2025, "OK"),
                 {"bestand": "kapot.xlsx", "status": "onleesbaar", "jaar": None, "clienten": [], "bevindingen": []}]  # fmt: skip
    doel = schrijf_rapport(uitslagen, tmp_path / "r.xlsx", map_="inbox")
    wb = load_workbook(doel)
    assert wb.sheetnames == ["Samenvatting", "Totaal overzicht meerzorg", "Bevindingen"]
    for ws in wb:
        assert ws.freeze_panes == "A2"
        assert ws.print_title_rows == "$1:$1"
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0 and ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.page_setup.orientation == "landscape"
        kop = ws[1]
        assert all(c.font.b and c.alignment.wrap_text for c in kop if c.value is not None)
    assert wb["Totaal overzicht meerzorg"].auto_filter.ref == "A1:W3"  # 23 columns, incl. CCE, LVHC, doelgroep
    t = wb["Totaal overzicht meerzorg"]
    assert [c.value for c in t[1]][14:18] == ["CCE betrokken (3 jaar)", "LVHC", "Doelgroep LVHC", "Status"]
    assert [c.value for c in t[2]][14:17] == ["Ja", "Ja", "Korsakov geleverd in DEC"]
    assert wb["Bevindingen"].auto_filter.ref == "A1:I7"
    s = wb["Samenvatting"]
    assert s.auto_filter.ref == "A1:H4"
    rijen = list(s.iter_rows(values_only=True))
    assert rijen[:5] == [
        ("Jaar", "Bestanden", "OK", "Met afwijkingen", "Met fouten", "Onleesbaar", "Cliënten", "Totaal jaarbedrag (herberekend)"),
        (2025, 1, 1, 0, 0, 0, 1, 22790.56),
        (2026, 1, 0, 1, 0, 0, 1, 22790.56),
        ("onbekend", 1, 0, 0, 0, 1, 0, 0),
        ("Totaal", 3, 1, 1, 0, 1, 2, 45581.12),
    ]
    assert s["H5"].number_format == EURO
    meta = {r[0]: r[1] for r in rijen[6:]}
    assert meta["Map"] == "inbox" and meta["Geanonimiseerd"] == "nee" and meta["Versie"].startswith("xl-meerzorg ")
    o = wb["Totaal overzicht meerzorg"]
    r = [c for c in o[2]]
    assert [c.value for c in r[:6]] == ["b.xlsx", 2026, "Zorg\\x1b[31m BV", "300-1234", "Jan\\nOK", "123456782"]
    assert r[9].number_format == UREN and round(r[9].value.total_seconds()) == round(73.95 * 3600)
    assert (r[10].value, r[10].number_format, r[10].data_type) == (22790.56, EURO, "n")
    b = wb["Bevindingen"]
    e39, e38, formule = b[2], b[3], b[4]
    assert (e39[7].value, e39[7].number_format, e39[8].value) == (22790.56, EURO, 1234567.0)
    assert e38[7].number_format == UREN and e38[7].value.total_seconds() == 73 * 3600 + 57 * 60
    assert e38[8].value.total_seconds() == -(65 * 60)
    assert (formule[7].value, formule[8].value) == ("=A1", "€ 5,00")  # not a comparison: text stays text
    assert formule[7].data_type == "s"
    assert e39[6].alignment.wrap_text and formule[7].alignment.wrap_text  # long texts wrap in their column


def test_nza_volledig():
    assert nza_volledig({"formulier": "officieel", "nza": "1234"}) == "300-1234"
    assert nza_volledig({"formulier": "officieel", "nza": "300-1234"}) == "300-1234"
    assert nza_volledig({"formulier": "eigen", "nza": "300-1234"}) == "300-1234"
    assert nza_volledig({"formulier": "eigen", "nza": "1234"}) == "300-1234"
    assert nza_volledig({"formulier": "officieel", "nza": " "}) is None
    assert nza_volledig({"formulier": "officieel", "nza": "77", "nza_categorie": 300.0}) == "300-77"


@posix
def test_api_opent_geen_fifo(tmp_path, wekker):
    """controleer_bestand itself (not only the CLI) never opens a FIFO: onleesbaar, no hang."""
    from xl_meerzorg.workbook.controle.controleer import controleer_bestand

    os.mkfifo(tmp_path / "pijp.xlsx")
    u = controleer_bestand(tmp_path / "pijp.xlsx")
    assert (u["status"], u["reden"]) == ("onleesbaar", "is een named pipe (FIFO), geen gewoon bestand; niet geopend")
