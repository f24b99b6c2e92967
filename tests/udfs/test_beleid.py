"""The UDFs take LVHC, doelgroep, CCE and nieuw/heraanvraag like the form, and give the engine's messages."""

from __future__ import annotations

from xl_meerzorg.udfs import meerzorg as mz

from .voorbeelden import groep, kolom, tijd, vv8


def test_lvhc_en_doelgroep():
    """VV8 (a profile the 2026 form asks LVHC for): Ja with a doelgroep is complete; Ja without is not."""
    assert [m for m in mz.MZ_MELDINGEN(**vv8(lvhc="Ja", doelgroep="Huntington geleverd in REC")) if m[0] != "Geen meldingen"] == []
    assert mz.MZ_MELDINGEN(**vv8(lvhc="Ja")) == [
        ["waarschuwing", "clienten[0].doelgroep", "Cliënt 1: LVHC is van toepassing, maar de doelgroep ontbreekt."],
    ]
    assert mz.MZ_JAARBEDRAG(**vv8(lvhc="Ja")) == mz.MZ_JAARBEDRAG(**vv8())  # computed all the same


def test_cce_nee_en_heraanvraag():
    meldingen = mz.MZ_MELDINGEN(**vv8(cce="Nee", nieuw_her="Heraanvraag", zorgprofiel="VG7+", dagbesteding="Ja", behandeling="Ja"))
    assert [(m[0], m[1]) for m in meldingen] == [("waarschuwing", "clienten[0].cce"), ("waarschuwing", "clienten[0].zorgprofiel")]


def test_pauze_in_het_dagprogramma():
    """A row with only "Tijd tot" (a pause) counts 0 hours and gives no message."""
    met_pauze = vv8(dag_tot=kolom(tijd(10), tijd(12), tijd(23)), dag_functie=kolom("Wonen", None, "Wonen"), dag_ratio=kolom(2.0, None, 3.0))
    assert mz.MZ_MELDINGEN(**met_pauze) == [["Geen meldingen", "", ""]]
    zonder = vv8(dag_tot=kolom(tijd(10), tijd(12), tijd(23)), dag_functie=kolom("Wonen", "Wonen", "Wonen"), dag_ratio=kolom(2.0, 2.0, 3.0))
    # 10:00-12:00 at 1 on 2 = 1:00 a weekday, 5:00 a week
    assert round((mz.MZ_MEERZORGUREN(**zonder) - mz.MZ_MEERZORGUREN(**met_pauze)) * 24, 9) == 5.0


def test_groep_met_lvhc_kolommen():
    a = groep(lvhcs=[["Nee"]] * 17, cces=[["Ja"]] * 17)
    assert mz.MZ_GROEP("totaal_jaarbedrag", None, **a) == mz.MZ_GROEP("totaal_jaarbedrag", None, **groep())
    meldingen = mz.MZ_GROEP_MELDINGEN(**groep(cces=[["Nee"]] + [[None]] * 16))
    assert ["waarschuwing", "clienten[0].cce"] in [m[:2] for m in meldingen]
