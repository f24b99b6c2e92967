"""Inputs the engine reads but the official rekentool cannot use: named as fouten, never
reported as a form saved without recalculation (QA: x01 text nachtzorg, x04 "vg7 ")."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from tests.controle.formulieren import zonder_nachtzorg

from xl_meerzorg.workbook.controle.controleer import HERBEREKEND, controleer_bestand
from xl_meerzorg.workbook.controle.invoer import controleer_invoer
from xl_meerzorg.workbook.officieel import OFFICIELE_BLADEN
from xl_meerzorg.parameters import laad_parameters

UREN = "de rekentool rekent niet betrouwbaar met tekst (een som telt tekst niet mee). Typ de tijdsduur als tijd, bijvoorbeeld 4:00, niet als tekst."
OMZETTEN = "de rekentool rekent niet betrouwbaar met tekst (Excel rekent er alleen mee als het de tekst herkent, en dat hangt af van de taalinstellingen)."
BEDRAG = "de rekentool telt tekst hier niet mee. Typ het bedrag als getal, niet als tekst."


def meldingen(u, niveau=None):
    return [(f["niveau"], f["soort"], f["cel"], f["tekst"]) for f in zonder_nachtzorg(u) if niveau is None or f["niveau"] == niveau]


def geen_herberekening_geclaimd(u):
    assert not [f for f in zonder_nachtzorg(u) if f["soort"] in ("herberekening", "vergelijking")], u["bevindingen"]


@pytest.mark.libreoffice
@pytest.mark.officieel
def test_tekst_in_urenveld_is_fout_niet_verouderd(formulieren):
    """I5 holds the text "10:30": the official form leaves it out of its sum (E11) and shows
    69:26 meerzorguren, the engine reads 10:30 (79:56). Before: "opgeslagen zonder
    herberekening"."""
    u = controleer_bestand(formulieren["tekst-nachtzorg-2026"])
    assert u["status"] == "fouten"
    assert meldingen(u) == [("fout", "invoer", "Aanvraag individueel!I5", f"Tekst ‘10:30’ in een urenveld: {UREN}")]
    assert zonder_nachtzorg(u)[0]["formulier"] == "10:30"
    geen_herberekening_geclaimd(u)
    (c,) = u["clienten"]
    assert all(c[k] is None for k in HERBEREKEND)  # a fout: nothing calculated
    assert u["totaal"] == {"jaarbedrag": None, "etmaalbedrag": None}
    # what the form itself shows, labelled as such
    assert c["formulier"]["meerzorguren_tekst"] == "69:26"
    assert c["formulier"]["uitkomst"] == "Meerzorgprofiel 6"
    assert c["formulier"]["prestatiecode"] == "Z473"
    assert round(c["formulier"]["jaarbedrag"], 2) == 175187.37


@pytest.mark.libreoffice
@pytest.mark.officieel
def test_tekst_in_getal_tijd_en_datumvelden(formulieren):
    u = controleer_bestand(formulieren["tekst-velden-2026"])
    assert u["status"] == "fouten"
    assert meldingen(u) == [
        ("fout", "invoer", "Voorblad!C17", "Tekst ‘95%’ in het tariefpercentage: de rekentool meldt het formulier dan als niet volledig gevuld. Typ het percentage als getal, bijvoorbeeld 95%, niet als tekst."),
        ("waarschuwing", "invoer", "Voorblad!G41", "Tekst ‘12’ in het veld maanden; de rekentool rekent niet met dit veld, maar typ het aantal maanden als getal, niet als tekst."),
        ("waarschuwing", "invoer", "Clientgegevens!F7", "Tekst ‘01-05-1960’ in een datumveld; de rekentool rekent niet met dit veld, maar typ de datum als datum, bijvoorbeeld 1-2-2026, niet als tekst."),
        ("fout", "invoer", "Aanvraag individueel!I7", f"Tekst ‘ ’ in een urenveld: {UREN}"),
        ("fout", "invoer", "Aanvraag individueel!V6", f"Tekst ‘250’ in een bedragveld: {BEDRAG}"),
        ("fout", "invoer", "Aanvraag individueel!J16", f"Tekst ‘1’ in het veld '1 begeleider op … cliënt(en)': {OMZETTEN} Typ het aantal als getal, niet als tekst."),
        ("fout", "invoer", "Aanvraag individueel!D17", f"Tekst ‘16:00’ in een tijdveld van het dagprogramma: {OMZETTEN} Typ de tijd als tijd, bijvoorbeeld 16:00, niet als tekst."),
    ]  # fmt: skip
    # R7 holds only a space: a date the rekentool does not use, so not reported
    geen_herberekening_geclaimd(u)


@pytest.mark.libreoffice
@pytest.mark.officieel
def test_niet_herkende_tekst(formulieren):
    """Excel matches text exactly except for case: "vg7 " and " Ja" and "Wonen " are not
    recognised (the form shows prestatiecode "Niet geldig"), "ja" and "wonen" are."""
    u = controleer_bestand(formulieren["herkenning-2026"])
    assert u["status"] == "fouten"
    assert meldingen(u) == [
        ("fout", "invoer", "Clientgegevens!J7", "Zorgprofiel ‘vg7 ’ wordt door de rekentool niet herkend (spatie); vul VG7 in."),
        ("fout", "invoer", "Clientgegevens!L7", "Dagbesteding van toepassing: ‘ Ja’ wordt door de rekentool niet herkend (spatie); vul Ja of Nee in."),
        ("fout", "invoer", "Aanvraag individueel!H16", "Functie ‘Wonen ’ wordt door de rekentool niet herkend (spatie): de uren van deze regel tellen daar niet mee. Kies Wonen of Dagbesteding."),
    ]  # fmt: skip
    geen_herberekening_geclaimd(u)
    assert u["clienten"][0]["formulier"]["prestatiecode"] == "Niet geldig"


@pytest.mark.libreoffice
@pytest.mark.officieel
def test_groep_type_en_tekst(formulieren):
    u = controleer_bestand(formulieren["groep-tekst-2026"])
    assert u["status"] == "fouten"
    assert meldingen(u) == [
        ("waarschuwing", "invoer", "Clientgegevens!T9", "Tekst ‘1-2-2026’ in een datumveld; de rekentool rekent niet met dit veld, maar typ de datum als datum, bijvoorbeeld 1-2-2026, niet als tekst."),
        ("fout", "invoer", "Aanvraag-overzicht groep!D20", f"Tekst ‘55:30’ in een urenveld: {UREN}"),
        ("fout", "invoer", "Aanvraag-overzicht groep!C11", f"Tekst ‘20000’ in een bedragveld: {BEDRAG}"),
        ("fout", "invoer", "Voorblad!C23", "Type aanvraag ‘groep’ wordt door de rekentool niet herkend; kies in de lijst: Preventieve Meerzorg, Enkelvoudige aanvraag (individueel) of Meervoudige aanvraag (groepsmeerzorg)."),
    ]  # fmt: skip
    geen_herberekening_geclaimd(u)
    assert [c["jaarbedrag"] for c in u["clienten"]] == [None, None, None]


@pytest.mark.libreoffice
@pytest.mark.officieel
def test_fout_van_rekenkern_niet_dubbel(formulieren):
    """Text the engine cannot read either: only the engine's message for that cell."""
    u = controleer_bestand(formulieren["tekst-2026"])
    assert [f["soort"] for f in zonder_nachtzorg(u)] == ["validatie", "validatie"]


@pytest.mark.libreoffice
@pytest.mark.officieel
def test_fout_zonder_bedragen_in_rapport(formulieren, tmp_path):
    """A fout (here: an empty row between group clients): the engine's amounts are empty in
    the report; the form's own values are listed in the columns "volgens formulier"."""
    from openpyxl import load_workbook

    from xl_meerzorg.workbook.controle.rapport import schrijf_rapport

    u = controleer_bestand(formulieren["groep-gat-2026"])
    assert u["status"] == "fouten"
    rapport = schrijf_rapport([u], tmp_path / "r.xlsx")
    ws = load_workbook(rapport)["Totaal overzicht meerzorg"]
    kop = [c.value for c in ws[1]]
    rijen = [dict(zip(kop, (c.value for c in r))) for r in ws.iter_rows(min_row=2)]
    assert len(rijen) == 3
    for r in rijen:
        assert r["Status"] == "fouten"
        for k in ("Prestatiecode", "Uitkomst", "Meerzorguren per week (u:mm)", "Jaarbedrag", "Etmaalbedrag"):
            assert r[k] is None, k
        assert r["Zorgprofiel"] and r["Cliënt"]
    assert [r["Uitkomst volgens formulier"] for r in rijen] == [c["formulier"]["uitkomst"] for c in u["clienten"]]
    assert all(isinstance(r["Jaarbedrag volgens formulier"], float) for r in rijen)
    assert all(isinstance(r["Meerzorguren volgens formulier (u:mm)"], dt.timedelta) for r in rijen)
    samenvatting = dict(load_workbook(rapport)["Samenvatting"].iter_rows(min_row=2, values_only=True))
    assert samenvatting["Totaal jaarbedrag (herberekend)"] == 0


# ------------------------------------------------------------- without LibreOffice


def _controleer(cellen: dict[tuple[str, str], object], soort: str = "individueel", groep: bool = False, al_fout=frozenset()):
    uit = []
    fout = controleer_invoer(
        lambda blad, ref: cellen.get((blad, ref)), OFFICIELE_BLADEN, SimpleNamespace(soort=soort), [7], groep,
        set(al_fout), lambda *a: uit.append(a), laad_parameters(2026).zorgprofiel,
    )  # fmt: skip
    return fout, [(a[0], a[3], a[4]) for a in uit]


def test_excel_herkent_hoofdletters_niet_spaties():
    ok = {("Clientgegevens", "J7"): "vg7+", ("Clientgegevens", "L7"): "JA", ("Clientgegevens", "N7"): "nee",
          ("Voorblad", "C23"): "enkelvoudige aanvraag (INDIVIDUEEL)", ("Aanvraag individueel", "H16"): "DAGBESTEDING"}  # fmt: skip
    assert _controleer(ok) == (False, [])
    fout, uit = _controleer({
        ("Clientgegevens", "J7"): "VG 7", ("Clientgegevens", "L7"): True, ("Clientgegevens", "N7"): "j",
        ("Voorblad", "C23"): "Enkelvoudige aanvraag (individueel) ", ("Aanvraag individueel", "T20"): "Dagbesteding\u00a0",
    })  # fmt: skip
    assert fout
    assert uit == [
        ("fout", "Voorblad!C23", "Enkelvoudige aanvraag (individueel) "),
        ("fout", "Clientgegevens!J7", "VG 7"),
        ("fout", "Clientgegevens!L7", "WAAR"),
        ("fout", "Clientgegevens!N7", "j"),
        ("fout", "Aanvraag individueel!T20", "Dagbesteding\u00a0"),
    ]


def test_geen_melding_bij_fout_van_de_rekenkern_of_onbekend_type():
    cellen = {("Aanvraag individueel", "I5"): "4:00", ("Voorblad", "C23"): "iets"}
    assert _controleer(cellen, soort="", al_fout={"Aanvraag individueel!I5"}) == (False, [])


def test_getallen_en_tijden_als_getal_zijn_goed():
    cellen = {("Voorblad", "C17"): 0.95, ("Voorblad", "G41"): 12.0, ("Aanvraag individueel", "I5"): dt.timedelta(hours=4),
              ("Aanvraag individueel", "D16"): dt.time(9), ("Aanvraag individueel", "J16"): 2.0, ("Clientgegevens", "F7"): dt.datetime(1960, 5, 1),
              ("Aanvraag individueel", "V5"): " ", ("Clientgegevens", "T7"): "  ", ("Voorblad", "C23"): "Preventieve Meerzorg"}  # fmt: skip
    assert _controleer(cellen) == (False, [])
