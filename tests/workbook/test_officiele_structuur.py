"""Structure of the built form against the official rekentool of the same year (the
addresses and lists below were read with openpyxl from the official workbooks
2025.01 and 2026.01, including their x14 data validations): every official input at the
same sheet and cell, unlocked, with the official dropdown list; the official fills of the
input cells and the header bars; Corbel; the official sheet order."""

from __future__ import annotations

import openpyxl
import pytest

from xl_meerzorg.workbook.bouw import bouw
from xl_meerzorg.workbook.officieel import CLIENT_RIJEN, DAG_RIJEN, GROEP_RIJ_OFFSET

JAREN = (2025, 2026)
OFFICIEEL_OVERZICHT = "Overzicht individueel "  # the official name; ours without the trailing space
OFFICIELE_BLADEN = ["Handleiding", "Voorblad", "Clientgegevens", "Aanvraag individueel", OFFICIEEL_OVERZICHT,
                    "Aanvraag-overzicht groep", "Verhuisformulier", "Totaal overzicht meerzorg", "Versiebeheer"]  # fmt: skip
# the official lists (Data en informatie Z2:Z4, Z22:Z23, Z26:Z28, A2:A19 / A2:A18, A46:A59, AB2:AB66, AC2:AC43)
TYPES = ["Preventieve Meerzorg", "Enkelvoudige aanvraag (individueel)", "Meervoudige aanvraag (groepsmeerzorg)"]
NIEUW_HER = ["Nieuwe aanvraag", "Heraanvraag"]
SECTOREN = ["GHZ", "VVT", "GGZ"]
ZORGPROFIELEN = {
    2025: ["VG5", "VG7", "VG8", "VV7", "VV8", "LVG4", "LVG5", "SGLVG1", "LG5", "LG6", "LG7", "ZG3AUD", "ZG5VIS", "GGZ6B", "GGZ7B", "GGZ4W", "GGZ5W"],
    2026: ["VG5", "VG7", "VG7+", "VG8", "VV7", "VV8", "LVG4", "LVG5", "SGLVG1", "LG5", "LG6", "LG7", "ZG3AUD", "ZG5VIS", "GGZ6B", "GGZ7B", "GGZ4W", "GGZ5W"],
}  # fmt: skip
DOELGROEPEN = [f"{d} geleverd in {w}" for d in ("Korsakov", "Huntington", "LBS", "GP+", "D-zep", "MS+", "NAH+") for w in ("DEC", "REC")]
RATIOS = [0, 0.2, 0.25, 0.33, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.9, 1, 1.11, 1.33, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6, 6.5, 7, 7.5, 8,
          8.5, 9, 9.5, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]  # fmt: skip
PERZIK, LICHTBLAUW = (5, 0.5999938962981048), (8, 0.7999816888943144)


def officiele_invoer(jaar: int) -> dict[tuple[str, str], object]:
    """(sheet, cell) -> the official list of that input (None: no list), the official form of ``jaar``."""
    naam, datum = ("C39", "C40") if jaar == 2025 else ("C40", "C41")
    v = {("Voorblad", c): None for c in ("E4", "E6", "C10", "C11", "C12", "C13", "C14", "G10", "G11", "G12", "G13", "G14", "C17", "C24", "C28",
                                          "G41", naam, datum)}  # fmt: skip
    v.update({("Voorblad", "C23"): TYPES, ("Voorblad", "C20"): NIEUW_HER, ("Voorblad", "G17"): SECTOREN})
    for r in CLIENT_RIJEN:
        for col in "DFHRT":
            v[("Clientgegevens", f"{col}{r}")] = None
        v[("Clientgegevens", f"J{r}")] = ZORGPROFIELEN[jaar]
        for col in ("L", "N", "V") + (("X",) if jaar >= 2026 else ()):
            v[("Clientgegevens", f"{col}{r}")] = ["Ja", "Nee"]
        if jaar >= 2026:
            v[("Clientgegevens", f"Z{r}")] = DOELGROEPEN
        g = r + GROEP_RIJ_OFFSET
        for col in "DEFHJ":
            v[("Aanvraag-overzicht groep", f"{col}{g}")] = None
    for r in DAG_RIJEN:
        for tot, functie, ratio in (("D", "H", "J"), ("P", "T", "V")):
            v[("Aanvraag individueel", f"{tot}{r}")] = "tijden"
            v[("Aanvraag individueel", f"{functie}{r}")] = ["Wonen", "Dagbesteding"]
            v[("Aanvraag individueel", f"{ratio}{r}")] = RATIOS
    for c in ("I5", "I6", "I7", "I8", "N5", "N6", "V5", "V6"):
        v[("Aanvraag individueel", c)] = None
    for c in ("C8", "B11", "B12", "C11", "C12"):
        v[("Aanvraag-overzicht groep", c)] = None
    return v


@pytest.fixture(scope="module")
def boeken(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("structuur")
    return {jaar: openpyxl.load_workbook(bouw(jaar, tmp / str(jaar))[0]) for jaar in JAREN}


def _lijst(wb, formule: str) -> list:
    """The values of a list validation: an inline list or a defined name on Parameters."""
    if formule.startswith('"'):
        return formule.strip('"').split(",")
    dn = wb.defined_names[formule]
    ((blad, bereik),) = dn.destinations
    return [c.value for rij in wb[blad][bereik.replace("$", "")] for c in rij]


@pytest.mark.parametrize("jaar", JAREN)
def test_bladen_in_de_officiele_volgorde(boeken, jaar):
    namen = boeken[jaar].sheetnames
    assert namen[: len(OFFICIELE_BLADEN)] == [n.rstrip() for n in OFFICIELE_BLADEN]
    assert namen[len(OFFICIELE_BLADEN):] == ["Vragenlijst", "Parameteroverzicht", "Parameters"]


@pytest.mark.parametrize("jaar", JAREN)
def test_elke_officiele_invoer_op_zijn_plaats_met_de_officiele_lijst(boeken, jaar):
    wb = boeken[jaar]
    tijden = [round(m / 1440, 9) for m in range(7 * 60, 23 * 60 + 1, 15)]
    for (blad, cel), lijst in officiele_invoer(jaar).items():
        ws = wb[blad]
        assert ws[cel].protection.locked is False, (blad, cel)
        dvs = [dv for dv in ws.data_validations.dataValidation if cel in dv.sqref]
        assert len(dvs) == 1, (blad, cel)
        if lijst is None:
            assert dvs[0].type != "list", (blad, cel)
            continue
        assert dvs[0].type == "list", (blad, cel)
        waarden = _lijst(wb, dvs[0].formula1)
        if lijst == "tijden":
            dagdeel = [(w.hour * 60 + w.minute) / 1440 if hasattr(w, "hour") else w for w in waarden]  # openpyxl reads hh:mm as a time
            assert [round(w, 9) for w in dagdeel] == tijden, (blad, cel)
        else:
            assert waarden == lijst, (blad, cel)


@pytest.mark.parametrize("jaar", JAREN)
def test_officiele_kleuren_en_letter(boeken, jaar):
    wb = boeken[jaar]

    def kleur(c):
        k = c.fill.fgColor
        return k.rgb if k.type == "rgb" else (k.theme, round(k.tint, 6))

    vb = wb["Voorblad"]
    assert [kleur(vb[c]) for c in ("E4", "C17", "G17", "C20", "C23", "G41")] == ["FFDEEAF6"] * 6
    assert [kleur(vb[c]) for c in ("E6", "C11", "C14")] == [(5, round(PERZIK[1], 6))] * 3
    assert [kleur(vb[c]) for c in ("C10", "G10", "G14", "B4", "B8", "B16", "B19", "B22")] == ["FFCCF4EE"] * 8  # inputs and header bars
    assert kleur(wb["Clientgegevens"]["D7"]) == kleur(wb["Aanvraag individueel"]["D16"]) == (5, round(PERZIK[1], 6))
    assert kleur(wb["Aanvraag-overzicht groep"]["D19"]) == (8, round(LICHTBLAUW[1], 6))
    assert kleur(wb["Clientgegevens"]["D6"]) == "FFCCF4EE" and wb["Clientgegevens"]["D6"].font.b
    titel = vb["B1"].font
    assert (titel.name, titel.sz, titel.b, titel.color.rgb) == ("Corbel", 26, True, "FF219382")
    assert vb["B10"].font.name == "Corbel" and wb["Clientgegevens"]["D7"].font.name == "Corbel"
    assert vb["B1"].value == f"Aanvraagformulier (preventieve) meerzorg {jaar}"


@pytest.mark.parametrize("jaar", JAREN)
def test_voorblad_verklaring_en_ondertekening(boeken, jaar):
    vb = boeken[jaar]["Voorblad"]
    punten = [vb[f"C{r}"].value for r in range(30, 36) if isinstance(vb[f"C{r}"].value, str)]
    assert len(punten) == (5 if jaar >= 2026 else 4)
    assert vb["B29"].value == "Door ondertekening van dit formulier verklaart de zorgaanbieder dat:"
    assert ("schriftelijk heeft gemachtigd" in punten[-1]) == (jaar >= 2026)
    box = "B35:E38" if jaar >= 2026 else "B34:E37"
    assert box in {str(m) for m in vb.merged_cells.ranges}
    assert vb[box.split(":")[0]].protection.locked is False
    assert (vb["D3"].value, vb["E3"].value, vb["D4"].value) == ("cat.", "nr.", 300)
    # the name and the zorgkantoor looked up from the NZa number in the year's list
    assert vb["C10"].value.startswith("=IFERROR(VLOOKUP(") and "mzp_nza" in vb["C10"].value
    nza = boeken[jaar].defined_names["mzp_nza"]
    ((blad, bereik),) = nza.destinations
    eerste = [c.value for c in boeken[jaar][blad][bereik.replace("$", "")][0]]
    assert eerste[:2] == [1, "Zorgcentrum 'De Blanckenbörg'"]  # the first NZa registration of the official list
