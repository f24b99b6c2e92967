"""The checker against filled official forms recalculated by LibreOffice."""

from __future__ import annotations

import json
import os

import pytest

from tests.controle.formulieren import zonder_nachtzorg

from xl_meerzorg.workbook.controle.cli import verzamel
from xl_meerzorg.workbook.controle.controleer import controleer_bestand
from xl_meerzorg.cli import main

OK_FORMULIEREN = ["individueel-2025", "preventief-2025", "groep-2025", "individueel-2026", "preventief-2026", "groep-2026"]


def bevindingen(u, niveau=None):
    return [(f["niveau"], f["soort"], f["cel"]) for f in u["bevindingen"] if niveau is None or f["niveau"] == niveau]


@pytest.mark.parametrize("naam", OK_FORMULIEREN)
def test_correct_formulier_is_ok(formulieren, naam):
    u = controleer_bestand(formulieren[naam])
    assert u["status"] == "OK", u["bevindingen"]
    assert u["formulier"] == "officieel"
    assert u["versie"] == f"{naam[-4:]}.01"
    assert u["zorgaanbieder"] == "Woonzorgcentrum Het Hooge Heem"
    assert u["nza"] == "4"
    # Only the policy note on nachtzorg above the standard 2:00 per week (toetsingskader), on its cell
    nacht = ["Aanvraag-overzicht groep!F19", "Aanvraag-overzicht groep!F20", "Aanvraag-overzicht groep!F21"] if naam.startswith("groep") else ["Aanvraag individueel!I5"]
    assert bevindingen(u) == [("waarschuwing", "validatie", cel) for cel in nacht]


# Expected per-client results (engine == the official form's cached values, checked above)
VERWACHT = {
    "individueel-2026": [("Meerzorgprofiel 6", "79:56", 175187.37, 479.97)],
    "individueel-2025": [("Meerzorgprofiel 6", "79:56", 166746.77, 456.84)],
    "preventief-2026": [("Meerzorgprofiel 3", "36:33", 73252.07, None)],
    "groep-2026": [("Meerzorgprofiel 6", "71:07", 165966.98, 454.70), ("Meerzorgprofiel 4", "53:48", 97864.25, 268.12), ("Meerzorgprofiel 4", "55:39", 100483.60, None)],
}


@pytest.mark.parametrize("naam", sorted(VERWACHT))
def test_resultaten_per_client(formulieren, naam):
    u = controleer_bestand(formulieren[naam])
    got = [(c["uitkomst_label"], c["meerzorguren_tekst"], round(c["jaarbedrag"], 2), None if e is None else round(c["etmaalbedrag"], 2))
           for c, (*_, e) in zip(u["clienten"], VERWACHT[naam])]
    assert got == VERWACHT[naam]


def test_zonder_herberekening(formulieren):
    u = controleer_bestand(formulieren["zonder-herberekening"])
    assert u["status"] == "afwijkingen"
    assert [f["soort"] for f in zonder_nachtzorg(u)] == ["herberekening"]
    assert "zonder opgeslagen uitkomst" in zonder_nachtzorg(u)[0]["tekst"]
    assert zonder_nachtzorg(u)[0]["tekst"].endswith("het formulier is opgeslagen zonder herberekening.")


def test_verouderd_formulier(formulieren):
    """Tarief changed in the XML after the last calculation: amounts differ, formulas do not."""
    u = controleer_bestand(formulieren["verouderd-2026"])
    assert u["status"] == "afwijkingen"
    assert bevindingen(u, "afwijking") == [
        ("afwijking", "vergelijking", "Overzicht individueel !E39"),
        ("afwijking", "vergelijking", "Overzicht individueel !E41"),
        ("afwijking", "vergelijking", "Voorblad!G37"),
        ("afwijking", "vergelijking", "Voorblad!G39"),
        ("afwijking", "herberekening", None),
    ]
    e39 = zonder_nachtzorg(u)[0]
    assert e39["formulier"] == "€ 175.187,37"
    assert e39["motor"] == "€ 92.203,88"
    assert e39["tekst"] == "Cliënt 1 (Jan Jansen): het jaarbedrag op het formulier wijkt af van de herberekening."
    assert "waarschijnlijk gewijzigd zonder herberekening" in u["bevindingen"][-1]["tekst"]


def test_gewijzigde_formule(formulieren):
    u = controleer_bestand(formulieren["formule-2026"])
    assert u["status"] == "afwijkingen"
    assert bevindingen({"bevindingen": zonder_nachtzorg(u)}) == [("afwijking", "formule", "Overzicht individueel !E41")]
    f = zonder_nachtzorg(u)[0]
    assert f["formulier"] == "=E39/300"
    assert f["tekst"] == "De formule wijkt af van de officiële rekentool (2026.01)."


def test_macro_wordt_gemeld_niet_uitgevoerd(formulieren):
    u = controleer_bestand(formulieren["macro-2026"])
    assert u["status"] == "OK"
    assert bevindingen({"bevindingen": zonder_nachtzorg(u)}) == [("waarschuwing", "macro", None)]


def test_lege_regel_tussen_groepsclienten(formulieren):
    u = controleer_bestand(formulieren["groep-gat-2026"])
    assert u["status"] == "fouten"
    fouten = [f for f in u["bevindingen"] if f["soort"] == "volledigheid"]
    assert [(f["cel"], f["tekst"]) for f in fouten] == [(
        "Clientgegevens!D8",
        "Lege regel tussen de cliënten: rij 8 is leeg, maar rij 10 is ingevuld. Vul de cliënten aaneengesloten in vanaf rij 7; de rekentool telt lege regels niet goed mee.",
    )]


def test_tekst_in_urenvelden(formulieren):
    u = controleer_bestand(formulieren["tekst-2026"])
    assert u["status"] == "fouten"
    assert [(f["cel"], f["tekst"]) for f in u["bevindingen"] if f["niveau"] == "fout"] == [
        ("Aanvraag individueel!I5", "Cliënt 1 (Jan Jansen), nachtzorg: geen geldige tijdsduur ‘vier uur’; gebruik u:mm, bijvoorbeeld 4:30."),
        ("Aanvraag individueel!V5", "Cliënt 1 (Jan Jansen), contextgebonden middelen: geen getal ‘veel’."),
    ]
    assert all(c["jaarbedrag"] is None for c in u["clienten"])


def test_map_recursief(formulieren):
    bestanden = verzamel([str(formulieren["map"])])
    assert [p.name for p in bestanden] == ["preventief.xlsx", "groep.xlsx"]


def test_invoer_blijft_ongewijzigd(formulieren, tmp_path, capsys):
    paden = [formulieren[n] for n in ("individueel-2026", "groep-2025", "macro-2026", "verouderd-2026")]
    voor = {p: (p.read_bytes(), os.stat(p).st_mtime_ns) for p in paden}
    code = main(["controleer", *map(str, paden), "--rapport", str(tmp_path / "r.xlsx")])
    assert code == 1
    assert {p: (p.read_bytes(), os.stat(p).st_mtime_ns) for p in paden} == voor


def test_cli_json_en_exitcodes(formulieren, capsys):
    assert main(["controleer", str(formulieren["individueel-2026"]), str(formulieren["groep-2026"])]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[-1] == "2 bestand(en): 2 OK, 0 met afwijkingen, 0 met fouten, 0 onleesbaar"
    assert main(["controleer", "--json", str(formulieren["verouderd-2026"])]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert doc["aantal"] == 1 and doc["exitcode"] == 1
    assert doc["bestanden"][0]["status"] == "afwijkingen"


def test_anoniem_overal(formulieren, tmp_path, capsys):
    from openpyxl import load_workbook

    rapport = tmp_path / "r.xlsx"
    paden = [str(formulieren["groep-2026"]), str(formulieren["tekst-2026"])]
    main(["controleer", "--json", "--anoniem", "--rapport", str(rapport), *paden])
    out = capsys.readouterr().out
    main(["controleer", "--anoniem", *paden])
    out += capsys.readouterr().out
    wb = load_workbook(rapport)
    cellen = " ".join(str(c) for ws in wb for row in ws.iter_rows(values_only=True) for c in row)
    for geheim in ("Anna Bakker", "Bert Smit", "Carla Visser", "Jan Jansen", "123456782", "111222333", "234567892"):
        assert geheim not in out
        assert geheim not in cellen
    assert "******782" in out and "Cliënt 2" in cellen


def test_parallel_gelijk_aan_serieel(formulieren):
    from xl_meerzorg.workbook.controle.cli import controleer_alle

    paden = [formulieren[n] for n in OK_FORMULIEREN + ["verouderd-2026", "formule-2026"]]
    assert controleer_alle(paden, processen=2) == controleer_alle(paden, processen=1)


def test_celtypen(formulieren):
    """What the package reader gives for the form's cells (python-calamine's types), and
    that excelwaarden reads it."""
    import datetime as dt

    from xl_meerzorg.workbook.controle.controleer import Waarden
    from xl_meerzorg.workbook.ooxml import open_pakket
    from xl_meerzorg.excelwaarden import excel_dagen, excel_datum, excel_tijdstip

    w = Waarden(open_pakket(formulieren["individueel-2026"]))
    nacht = w.get("Aanvraag individueel", "I5")  # [h]:mm
    tot = w.get("Aanvraag individueel", "D16")  # hh:mm
    opname = w.get("Clientgegevens", "R7")
    uren = w.get("Overzicht individueel ", "E38")
    assert nacht == dt.timedelta(hours=10, minutes=30) and excel_dagen(nacht) == 10.5 / 24
    assert tot == dt.time(9, 0) and excel_tijdstip(tot) == 9 / 24
    assert isinstance(opname, dt.date) and excel_datum(opname) == dt.date(2020, 1, 1)
    assert isinstance(uren, dt.timedelta)  # a formula result in [h]:mm, to the millisecond
    assert w.get("Voorblad", "C17") == 0.95
    assert w.get("Voorblad", "ZZ999") is None and w.get("Bestaat niet", "A1") is None
