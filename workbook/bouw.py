"""Build the yearly form in two variants from one layout and one parameter set.

- ``aanvraagformulier-meerzorg-<jaar>.xlsx`` (variant "aanbieder"): plain Excel formulas
  (``xl_meerzorg.workbook.formules``) over the hidden, protected sheet *Parameters*;
- ``aanvraagformulier-meerzorg-<jaar>-udf.xlsx`` (variant "zorgkantoor-udf"): the same
  layout, the result cells call the xlwings UDFs of ``xl_meerzorg.udfs.meerzorg`` (sheet
  *xlwings.conf*), with cached values computed by the engine.

The output is deterministic: fixed document dates (1 January of the year) and fixed zip
member dates, so the same input gives byte-identical files.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import re
import zipfile
from pathlib import Path

from openpyxl import Workbook
from openpyxl.packaging.custom import CustomPropertyList, StringProperty
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation

import xl_meerzorg
from xl_meerzorg.parameters import Parameters, laad_parameters

from . import formules as fm
from . import stijl, teksten, totaal, verhuis
from .layout import (
    AANBIEDER,
    AANVRAAG_IND,
    BLADEN,
    CLIENTGEGEVENS,
    DATUM,
    DUUR,
    EURO,
    FUNCTIE,
    GROEP,
    HANDLEIDING,
    INVOER,
    JA_NEE,
    KEUZE,
    MAANDEN,
    OVERZICHT_IND,
    PARAMETEROVERZICHT,
    PARAMETERS,
    RATIO,
    TARIEF,
    TIJDSTIP,
    UITVOER,
    VARIANTEN,
    VERBORGEN,
    VERSIEBEHEER,
    VOORBLAD,
    VRAGENLIJST,
    ZORGKANTOOR_UDF,
    ZORGPROFIEL,
)
from .officieel import CLIENT_RIJEN, DAG_RIJEN, GROEP_RIJ_OFFSET

FMT_DUUR = "[h]:mm"
FMT_TIJD = "hh:mm"
FMT_EURO = '"€" #,##0.00'
FMT_DATUM = "dd-mm-yyyy"
FMT_PCT = "0%"
FMT_GETAL = "0.00"

# every style comes from the one style table (workbook/stijl.py)
BOLD = stijl.VET
TITEL = stijl.TITEL
INVOER_VUL = stijl.INVOER_VUL
UITVOER_VUL = stijl.UITVOER_VUL
RAND = stijl.RAND
WRAP = stijl.WRAP
ONTGRENDELD = Protection(locked=False)


def bestandsnaam(jaar: int, variant: str) -> str:
    return f"aanvraagformulier-meerzorg-{jaar}.xlsx" if variant == AANBIEDER else f"aanvraagformulier-meerzorg-{jaar}-udf.xlsx"


def formules(jaar: int, variant: str) -> dict[tuple[str, str], str]:
    """(sheet, cell) -> formula text of every formula cell of the variant."""
    return fm.formules(laad_parameters(jaar), variant)


# --------------------------------------------------------------------------- sheets


def _parameters(ws, p: Parameters) -> None:
    ws["A1"] = f"Parameters meerzorg {p.jaar} (versie {p.versie}) — niet wijzigen"
    ws["A1"].font = BOLD
    rows = [
        ("jaar", p.jaar), ("versie", p.versie), ("maximum_etmaalbedrag", p.maximum_etmaalbedrag.waarde),
        ("behandelfactor", p.behandelfactor.waarde), ("context_drempel_fractie", p.context_drempel_fractie.waarde),
        ("dag_begin", p.dag_begin), ("dag_eind", p.dag_eind), ("stap_minuten", p.stap_minuten),
        ("max_maanden", int(p.max_maanden.waarde)),
    ]  # fmt: skip
    for i, (k, v) in enumerate(rows, start=3):
        ws.cell(i, 1, k)
        ws.cell(i, 2, v)
    nb = fm.max_banden(p)
    kop = ["zorgprofiel", "uren_per_week", "indirect_fractie", "indirecte_uren", "maatwerk_uurbudget", "max_maanden", "aantal_banden"]
    for j, k in enumerate(kop, start=1):
        ws.cell(fm.ZP_START - 1, j, k)
    for k, naam in enumerate(("van", "label", "uitkomst", "bedrag")):
        for b in range(nb):
            ws.cell(fm.ZP_START - 1, fm.BAND_KOL + k * nb + b, f"band{b + 1}_{naam}")
    for i, z in enumerate(p.zorgprofielen.values()):
        r = fm.ZP_START + i
        ws.cell(r, 1, z.naam)
        ws.cell(r, 2, z.uren_per_week)
        ws.cell(r, 3, z.indirect_fractie)
        ws.cell(r, 4, z.indirecte_uren)  # the engine's own product, stored as a value
        ws.cell(r, 5, z.maatwerk_uurbudget)
        if z.naam in p.max_maanden_per_zorgprofiel:
            ws.cell(r, 6, p.max_maanden_per_zorgprofiel[z.naam])
        ws.cell(r, 7, len(z.banden))
        for b in range(nb):
            band = z.banden[b] if b < len(z.banden) else None
            ws.cell(r, fm.BAND_KOL + b, band.van if band else 1e300)
            ws.cell(r, fm.BAND_KOL + nb + b, band.label if band else "")
            ws.cell(r, fm.BAND_KOL + 2 * nb + b, band.uitkomst if band else "")
            if band and band.bedrag is not None:
                ws.cell(r, fm.BAND_KOL + 3 * nb + b, band.bedrag)
    ws.cell(fm.PC_START - 1, 1, "sleutel (zorgprofiel|behandeling|dagbesteding)")
    ws.cell(fm.PC_START - 1, 2, "prestatiecode")
    ws.cell(fm.PC_START - 1, 3, "uren_per_week")
    ws.cell(fm.PC_START - 1, 4, "omschrijving")
    for i, (key, pc) in enumerate(fm.pc_rijen(p)):
        r = fm.PC_START + i
        ws.cell(r, 1, key)
        ws.cell(r, 2, pc.code)
        ws.cell(r, 3, pc.uren_per_week)
        ws.cell(r, 4, pc.omschrijving)
    ws[f"{fm.LIJST_KOL_RATIO}1"] = "begeleider_ratios"
    for i, r in enumerate(p.begeleider_ratios, start=2):
        ws[f"{fm.LIJST_KOL_RATIO}{i}"] = r
    ws[f"{fm.LIJST_KOL_TEKST}1"] = "teksten (code, tekst)"
    for i, (code, tekst) in enumerate(fm.TEKSTEN.items(), start=2):
        ws[f"{fm.LIJST_KOL_TEKST}{i}"] = code
        ws[f"{fm.kolom_plus(fm.LIJST_KOL_TEKST, 1)}{i}"] = tekst
    ws[f"{fm.LIJST_KOL_TIJD}1"] = "tijden"
    for i, t in enumerate(fm.tijden(p), start=2):
        c = ws[f"{fm.LIJST_KOL_TIJD}{i}"]
        c.value = t
        c.number_format = FMT_TIJD


def _tekst_blad(ws, regels: list[str], breedte: int = 110) -> None:
    ws.column_dimensions["A"].width = 3
    ws.column_dimensions["B"].width = breedte
    for i, regel in enumerate(regels, start=1):
        c = ws.cell(i, 2, regel)
        c.alignment = Alignment(wrap_text=True, vertical="top")
        if i == 1:
            c.font = TITEL
        elif regel and not regel.startswith(("-", " ")) and len(regel) < 60 and regel.endswith(":") is False and regel[0].isupper() and regel == regel.strip() and i > 1 and regels[i - 2] == "":
            c.font = BOLD


def _parameteroverzicht(ws, p: Parameters) -> None:
    from xl_meerzorg.tijd import format_duur

    ws["A1"] = f"Parameters meerzorg {p.jaar} (parameterset {p.versie})"
    ws["A1"].font = TITEL
    ws["A2"] = "Deze waarden gebruikt het formulier. Bron: " + p.bron
    rij = 4
    for label, w, fmt in (
        ("Maximaal etmaalbedrag", p.maximum_etmaalbedrag, FMT_EURO),
        ("Factor inzet behandelaren", p.behandelfactor, "0.0000"),
        ("Drempel contextgebonden middelen (fractie van het budget)", p.context_drempel_fractie, "0.00%"),
        ("Maximale termijn (maanden)", p.max_maanden, "0"),
    ):
        ws.cell(rij, 1, label)
        c = ws.cell(rij, 2, w.waarde)
        c.number_format = fmt
        ws.cell(rij, 3, w.bron)
        rij += 1
    rij += 1
    for j, k in enumerate(("Zorgprofiel", "Uren per week", "Indirecte uren", "Maatwerk uurbudget", "Band", "Vanaf meerzorguren", "Uitkomst", "Bedrag (100%)"), start=1):
        ws.cell(rij, j, k).font = BOLD
    rij += 1
    for z in p.zorgprofielen.values():
        for b, band in enumerate(z.banden):
            if b == 0:
                ws.cell(rij, 1, z.naam)
                ws.cell(rij, 2, format_duur(z.uren_per_week))
                ws.cell(rij, 3, format_duur(z.indirecte_uren))
                ws.cell(rij, 4, z.maatwerk_uurbudget).number_format = FMT_EURO
            ws.cell(rij, 5, band.label)
            ws.cell(rij, 6, format_duur(band.van))
            ws.cell(rij, 7, band.uitkomst)
            if band.bedrag is not None:
                ws.cell(rij, 8, band.bedrag).number_format = FMT_EURO
            rij += 1
    rij += 1
    for j, k in enumerate(("Prestatiecode", "Zorgprofiel", "Behandeling", "Dagbesteding", "Uren per week (ZZP)", "Omschrijving"), start=1):
        ws.cell(rij, j, k).font = BOLD
    rij += 1
    for _key, pc in fm.pc_rijen(p):
        for j, v in enumerate((pc.code, pc.zorgprofiel, "Ja" if pc.behandeling else "Nee", "Ja" if pc.dagbesteding else "Nee",
                               format_duur(pc.uren_per_week), pc.omschrijving), start=1):  # fmt: skip
            ws.cell(rij, j, v)
        rij += 1
    for col, w in zip("ABCDEFGH", (34, 16, 16, 20, 22, 20, 24, 16)):
        ws.column_dimensions[col].width = w


def _labels(wb, p: Parameters, variant: str) -> None:
    vb = wb[VOORBLAD]
    vb["B1"] = f"Aanvraagformulier meerzorg {p.jaar}"
    vb["B1"].font = TITEL
    vb["G6"] = f"Versie {p.versie}"
    vb["B2"] = "Gele velden vult u in; blauwe velden rekent het formulier uit."
    for inv in INVOER:
        if inv.blad == VOORBLAD:
            col = "B" if inv.cel[0] in "CE" else "F"
            vb[f"{col}{inv.cel[1:]}"] = inv.label
    vb["B9"] = "Gegevens zorgaanbieder"
    vb["B9"].font = BOLD
    vb["B16"] = "Tarief en sector"
    vb["B16"].font = BOLD
    vb["B19"] = "Aanvraag"
    vb["B19"].font = BOLD
    vb["F19"] = "Zorgkantoor"
    vb["F19"].font = BOLD
    vb["B27"] = "Controle van het formulier"
    vb["B27"].font = BOLD
    vb["G36"] = f"Totaal jaarbedrag meerzorg {p.jaar}"
    vb["G38"] = "Berekend etmaalbedrag"
    vb["B36"] = "Ondertekening"
    vb["B36"].font = BOLD
    vb["B38"] = "(handtekening)"
    vb["L22"] = "Hulpcellen (niet wijzigen)"
    for col, w in zip("ABCDEFGH", (2, 30, 26, 4, 18, 28, 30, 2)):
        vb.column_dimensions[col].width = w
    for r in range(28, 36):
        vb.merge_cells(f"B{r}:G{r}")
        vb[f"B{r}"].alignment = WRAP
        vb.row_dimensions[r].height = 30
    _verberg(vb, *VERBORGEN[VOORBLAD])

    cg = wb[CLIENTGEGEVENS]
    cg["B1"] = "Cliëntgegevens"
    cg["B1"].font = TITEL
    cg["B3"] = "Individuele of preventieve aanvraag: vul alleen regel 1 in. Groepsmeerzorg: één regel per cliënt (2 tot 17)."
    for col, kop in (("B", "Nr."), ("D", "Naam cliënt"), ("F", "Geboortedatum"), ("H", "BSN"), ("J", "Zorgprofiel"), ("L", "Dagbesteding"),
                     ("N", "Behandeling"), ("P", "Prestatiecode"), ("R", "Datum opname"), ("T", "Beoogde ingang"), ("V", "CCE"), ("X", "Controle")):  # fmt: skip
        cg[f"{col}6"] = kop
        cg[f"{col}6"].font = BOLD
    for r in CLIENT_RIJEN:
        cg[f"B{r}"] = r - 6
    for col, w in (("D", 24), ("F", 14), ("H", 12), ("J", 11), ("L", 12), ("N", 12), ("P", 12), ("R", 14), ("T", 14), ("V", 8), ("X", 60)):
        cg.column_dimensions[col].width = w
    _verberg(cg, *VERBORGEN[CLIENTGEGEVENS])

    ai = wb[AANVRAAG_IND]
    ai["B1"] = "Aanvraag individueel: dagprogramma en uren"
    for r in (5, 6):  # room to type the subject of the context euros
        ai.merge_cells(f"N{r}:U{r}")
    ai["B1"].font = TITEL
    for cel, tekst in (("B3", "Wonen (uren per week, uit het dagprogramma)"), ("B4", "Dagbesteding (uren per week, uit het dagprogramma)"),
                       ("B5", "Nachtzorg (uren per week)"), ("B6", "Inzet behandelaren (uren per week)"), ("B7", "Min-uren (uren per week)"),
                       ("B8", "Contextgebonden uren per jaar"), ("N3", "Extra contextgebonden middelen in euro's (niet in uren uit te drukken)"),
                       ("N4", "Onderwerp (a. en b.)"), ("V4", "Bedrag per jaar"), ("B11", "Maandag t/m vrijdag (per dag)"), ("N11", "Zaterdag en zondag (per dag)"),
                       ("E12", "Wonen"), ("E13", "Dagbesteding"), ("R12", "Wonen"), ("R13", "Dagbesteding")):  # fmt: skip
        ai[cel] = tekst
    for col, kop in (("B", "Tijd van"), ("D", "Tijd tot"), ("F", "Uren"), ("H", "Functie"), ("J", "1 begeleider op … cliënt(en)"), ("L", "Formatie-uren"),
                     ("N", "Tijd van"), ("P", "Tijd tot"), ("R", "Uren"), ("T", "Functie"), ("V", "1 begeleider op … cliënt(en)"), ("X", "Formatie-uren"),
                     ("Z", "Controle ma-vr"), ("AA", "Controle za-zo")):  # fmt: skip
        ai[f"{col}15"] = kop
        ai[f"{col}15"].font = BOLD
    ai["Z4"] = "Controle uren"
    _verberg(ai, *VERBORGEN[AANVRAAG_IND])

    oi = wb[OVERZICHT_IND]
    oi["B1"] = "Overzicht individueel"
    oi["B1"].font = TITEL
    oi["B3"] = "Uitkomst van de individuele of preventieve aanvraag. Rechts staat de berekening in stappen."
    for cel, tekst in (("B37", "Reguliere zorgzwaartepakket uren:minuten (week)"), ("B38", "Totale meerzorguren uren:minuten (weekbasis)"),
                       ("B39", "Berekend meerzorgprofiel"), ("B40", "Berekend maatwerkbudget (jaar)"), ("B41", "Berekend etmaalbedrag"),
                       ("B42", "Uitkomst volgens beleid (Meerzorgprofiel n / Maatwerk / ...)")):  # fmt: skip
        oi[cel] = tekst
    oi["E39"].number_format = FMT_EURO
    labels_k = {
        7: "Berekening in stappen", 8: "Zorgprofiel", 9: "Rij in parametertabel", 10: "Dagbesteding", 11: "Behandeling",
        12: "Prestatiecode", 13: "ZZP-uren (week)", 14: "Wonen (week)", 15: "Dagbesteding (week)", 16: "Nachtzorg (week)",
        17: "Behandeling gewogen (week)", 18: "Min-uren (week)", 19: "Indirecte uren (week)", 20: "Context-uren (week)",
        21: "Totaal uren (week)", 22: "Meerzorguren (week)", 23: "Band", 24: "Label", 25: "Uitkomst", 26: "Budget 100%",
        27: "Contextgebonden middelen", 28: "Basis drempel", 29: "Drempel", 30: "Boven de drempel",
        31: "Valt binnen profiel", 32: "Etmaalbedrag 100%", 33: "Na maximum", 34: "Jaarbedrag", 35: "Etmaalbedrag",
    }  # fmt: skip
    for r, t in labels_k.items():
        oi[f"J{r}"] = t
    oi["J7"].font = BOLD
    oi.column_dimensions["B"].width = 52
    oi.column_dimensions["C"].width = 22
    oi.column_dimensions["E"].width = 20
    oi.column_dimensions["J"].width = 28
    oi.column_dimensions["K"].width = 22

    gr = wb[GROEP]
    gr["B1"] = "Aanvraag-overzicht groep"
    gr["B1"].font = TITEL
    gr["B3"] = "Per cliënt de uren per week; de cliënten staan op het blad Clientgegevens."
    gr["B8"] = "Contextgebonden uren groep per jaar"
    gr["B10"] = "Extra contextgebonden middelen groep in euro's: onderwerp (a. en b.) en bedrag per jaar"
    for r, t in ((5, "Aantal cliënten"), (6, "Aantal cliënten met budget"), (7, "Context-uren per cliënt (week)"), (8, "Totaal budget 100% (drempelbasis)"),
                 (9, "Contextgebonden middelen groep"), (10, "Drempel"), (11, "Boven de drempel"), (12, "Valt binnen profiel"),
                 (13, "Boven de drempel per cliënt met budget"), (15, "Controle")):  # fmt: skip
        gr[f"L{r}"] = t
    koppen = {"B": "Cliënt", "C": "Zorgprofiel", "D": "Wonen", "E": "Dagbesteding", "F": "Nachtzorg", "G": "Behandeling gewogen", "H": "Inzet behandelaren",
              "J": "Min-uren", "K": "Context-uren", "L": "Indirecte uren", "M": "Totaal uren", "N": "ZZP-uren", "O": "Meerzorguren",
              "P": "Meerzorgprofiel", "Q": "Jaarbedrag", "R": "Budget profiel 100%", "S": "Maatwerk jaarbedrag", "T": "Uitkomst",
              "U": "Drempelbasis maatwerk", "V": "Etmaalbedrag", "W": "Etmaal 100%", "X": "Na maximum"}  # fmt: skip
    for col, t in koppen.items():
        gr[f"{col}18"] = t
        gr[f"{col}18"].font = BOLD
        gr[f"{col}18"].alignment = WRAP
    gr["B36"] = "Totaal"
    gr["B36"].font = BOLD
    _verberg(gr, *VERBORGEN[GROEP])
    gr.column_dimensions["L"].width = 30
    gr.column_dimensions["B"].width = 22


def _verberg(ws, van: str, tot: str) -> None:
    """Hide the helper columns ``van``..``tot``."""
    for k in range(column_index_from_string(van), column_index_from_string(tot) + 1):
        ws.column_dimensions[get_column_letter(k)].hidden = True


def _invoer_opmaak(wb, p: Parameters) -> None:
    zp_lijst = "mzp_zp"
    validaties: dict[tuple[str, str, str], DataValidation] = {}

    def dv(blad: str, sleutel: str, maak) -> DataValidation:
        k = (blad, sleutel, "")
        if k not in validaties:
            v = maak()
            v.showErrorMessage = True
            v.errorTitle = "Ongeldige invoer"
            v.showInputMessage = False
            wb[blad].add_data_validation(v)
            validaties[k] = v
        return validaties[k]

    for inv in INVOER:
        ws = wb[inv.blad]
        c = ws[inv.cel]
        c.protection = ONTGRENDELD
        stijl.invoer(c, inv.blad)
        s = inv.soort
        v = None
        if s == TARIEF:
            c.number_format = FMT_PCT
            v = dv(inv.blad, s, lambda: DataValidation(type="decimal", operator="between", formula1="0", formula2="1",
                                                     error="Vul een percentage tussen 0% en 100% in."))  # fmt: skip
        elif s == KEUZE:
            opties = ",".join(inv.opties)
            v = dv(inv.blad, opties, lambda: DataValidation(type="list", formula1=f'"{opties}"', allow_blank=True, error="Kies een waarde uit de lijst."))
        elif s == DATUM:
            c.number_format = FMT_DATUM
            v = dv(inv.blad, s, lambda: DataValidation(type="date", operator="between", formula1="1", formula2="73051",
                                                     error="Vul een datum in (dd-mm-jjjj)."))  # fmt: skip
        elif s == MAANDEN:
            c.number_format = "0"
            v = dv(inv.blad, s, lambda: DataValidation(type="whole", operator="between", formula1="1", formula2="48",
                                                     error="Vul een aantal maanden in (1 tot en met 48)."))  # fmt: skip
        elif s == DUUR:
            c.number_format = FMT_DUUR
            v = dv(inv.blad, s, lambda: DataValidation(type="decimal", operator="between", formula1="0", formula2="10000",
                                                     error="Vul een tijdsduur in als uren:minuten, bijvoorbeeld 4:30."))  # fmt: skip
        elif s == EURO:
            c.number_format = FMT_EURO
            v = dv(inv.blad, s, lambda: DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0",
                                                     error="Vul een bedrag van 0 of meer in."))  # fmt: skip
        elif s == TIJDSTIP:
            c.number_format = FMT_TIJD
            v = dv(inv.blad, s, lambda: DataValidation(type="list", formula1="mzp_tijden", allow_blank=True,
                                                     error="Kies een tijd tussen 07:00 en 23:00 in stappen van 15 minuten."))  # fmt: skip
        elif s == RATIO:
            v = dv(inv.blad, s, lambda: DataValidation(type="list", formula1="mzp_ratios", allow_blank=True, error="Kies een waarde uit de lijst."))
        elif s == ZORGPROFIEL:
            v = dv(inv.blad, s, lambda: DataValidation(type="list", formula1=zp_lijst, allow_blank=True, error="Kies een zorgprofiel uit de lijst."))
        elif s == JA_NEE:
            v = dv(inv.blad, s, lambda: DataValidation(type="list", formula1='"Ja,Nee"', allow_blank=True, error="Kies Ja of Nee."))
        elif s == FUNCTIE:
            v = dv(inv.blad, s, lambda: DataValidation(type="list", formula1='"Wonen,Dagbesteding"', allow_blank=True, error="Kies Wonen of Dagbesteding."))
        else:
            v = dv(inv.blad, "tekst", lambda: DataValidation(type="textLength", operator="lessThanOrEqual", formula1="255",
                                                           error="Maximaal 255 tekens."))  # fmt: skip
        v.add(inv.cel)


def _uitvoer_opmaak(wb) -> None:
    fmt = {
        (OVERZICHT_IND, "E37"): FMT_DUUR, (OVERZICHT_IND, "E38"): FMT_DUUR, (OVERZICHT_IND, "E39"): FMT_EURO,
        (OVERZICHT_IND, "E40"): FMT_EURO, (OVERZICHT_IND, "E41"): FMT_EURO, (VOORBLAD, "G37"): FMT_EURO, (VOORBLAD, "G39"): FMT_EURO,
    }  # fmt: skip
    for (blad, cel), f in fmt.items():
        wb[blad][cel].number_format = f
    for _naam, (blad, cel) in UITVOER.items():
        c = wb[blad][cel]
        c.fill = UITVOER_VUL
        c.border = RAND
        col = cel.rstrip("0123456789")
        if blad == GROEP:
            c.number_format = {"O": FMT_DUUR, "Q": FMT_EURO, "S": FMT_EURO, "V": FMT_EURO}.get(col, "General")
    gr = wb[GROEP]
    for g in (r + GROEP_RIJ_OFFSET for r in CLIENT_RIJEN):
        for col in ("G", "K", "L", "M", "N", "AC"):
            gr[f"{col}{g}"].number_format = FMT_DUUR
        for col in ("R", "U", "W", "X", "AE", "AF"):
            gr[f"{col}{g}"].number_format = FMT_EURO
    for col in ("Q", "S", "V"):
        gr[f"{col}36"].number_format = FMT_EURO
    gr["M7"].number_format = FMT_DUUR
    for r in (8, 9, 10, 11, 13):
        gr[f"M{r}"].number_format = FMT_EURO
    ai = wb[AANVRAAG_IND]
    for r in DAG_RIJEN:
        for col in ("B", "N"):
            ai[f"{col}{r}"].number_format = FMT_TIJD
        for col in ("F", "L", "R", "X"):
            ai[f"{col}{r}"].number_format = FMT_DUUR
    for cel in ("I3", "I4", "G12", "G13", "T12", "T13"):
        ai[cel].number_format = FMT_DUUR
    oi = wb[OVERZICHT_IND]
    for r in (13, 14, 15, 16, 17, 18, 19, 20, 21, 22):
        oi[f"K{r}"].number_format = FMT_DUUR
    for r in (26, 27, 28, 29, 30, 32, 33, 34, 35):
        oi[f"K{r}"].number_format = FMT_EURO


def _namen(wb, p: Parameters) -> None:
    refs: dict[str, str] = {}
    for inv in INVOER:
        refs[inv.naam] = f"'{inv.blad}'!${inv.cel[0] if inv.cel[1].isdigit() else inv.cel[:2]}${inv.cel.lstrip('ABCDEFGHIJKLMNOPQRSTUVWXYZ')}"
    for naam, (blad, cel) in UITVOER.items():
        col = cel.rstrip("0123456789")
        refs[naam] = f"'{blad}'!${col}${cel[len(col):]}"
    refs.update(fm.parameter_namen(p))
    for naam in sorted(refs):
        wb.defined_names[naam] = DefinedName(naam, attr_text=refs[naam])


def _bescherm(wb) -> None:
    for ws in wb.worksheets:
        ws.protection.sheet = True
        ws.protection.formatCells = False
        ws.protection.formatColumns = False
        ws.protection.formatRows = False
        ws.protection.selectLockedCells = False
        ws.protection.selectUnlockedCells = False
    wb.security = WorkbookProtection(lockStructure=True)


def _kleuren(wb) -> None:
    """Voorblad status in colour: red with a fout (no amounts), amber when incomplete, green
    when complete; the "Let op" lines amber."""
    vb = wb[VOORBLAD]
    rood, oranje, groen = (PatternFill("solid", fgColor=k, bgColor=k) for k in ("FFC7CE", "FFEB9C", "C6EFCE"))
    vb.conditional_formatting.add("B28:G28", FormulaRule(formula=["$L$30=1"], fill=rood, stopIfTrue=True))
    vb.conditional_formatting.add("B28:G28", FormulaRule(formula=['$L$80<>""'], fill=oranje, stopIfTrue=True))
    vb.conditional_formatting.add("B28:G28", FormulaRule(formula=["$L$30=0"], fill=groen))
    vb.conditional_formatting.add("B29:G35", FormulaRule(formula=['$B29<>""'], fill=oranje))


def _print(wb) -> None:
    vb = wb[VOORBLAD]
    vb.print_area = "A1:H42"
    vb.page_setup.paperSize = vb.PAPERSIZE_A4
    vb.page_setup.orientation = "portrait"
    vb.page_setup.fitToWidth = 1
    vb.page_setup.fitToHeight = 1
    vb.sheet_properties.pageSetUpPr.fitToPage = True


def maak_werkboek(p: Parameters, variant: str) -> Workbook:
    wb = Workbook()
    stijl.standaard(wb)
    wb.remove(wb.active)
    for naam in BLADEN:
        wb.create_sheet(naam)
    _parameters(wb[PARAMETERS], p)
    wb[PARAMETERS].sheet_state = "veryHidden"
    _parameteroverzicht(wb[PARAMETEROVERZICHT], p)
    _tekst_blad(wb[HANDLEIDING], teksten.handleiding(p, variant))
    _tekst_blad(wb[VERSIEBEHEER], teksten.versiebeheer(p, variant, xl_meerzorg.__version__))
    teksten.vragenlijst(wb[VRAGENLIJST], INVOER_VUL, RAND)
    _labels(wb, p, variant)
    for (blad, cel), formule in fm.formules(p, variant).items():
        wb[blad][cel] = formule
    _invoer_opmaak(wb, p)
    _uitvoer_opmaak(wb)
    _kleuren(wb)
    _namen(wb, p)
    _print(wb)
    verhuis.voeg_toe(wb, p, variant)
    totaal.voeg_toe(wb, p, variant)
    if variant == ZORGKANTOOR_UDF:
        ws = wb.create_sheet("xlwings.conf")
        ws["A1"] = "UDF Modules"
        ws["B1"] = "xl_meerzorg.udfs.meerzorg"
    _bescherm(wb)
    wb.active = 1
    _eigenschappen(wb, p, variant)
    return wb


def _eigenschappen(wb, p: Parameters, variant: str) -> None:
    moment = dt.datetime(p.jaar, 1, 1)
    props = wb.properties
    props.creator = "xl-meerzorg"
    props.lastModifiedBy = "xl-meerzorg"
    props.title = f"Aanvraagformulier meerzorg {p.jaar}"
    props.subject = "Wlz meerzorg"
    props.created = moment
    props.modified = moment
    custom = CustomPropertyList()
    for naam, waarde in (
        ("xl_meerzorg_jaar", str(p.jaar)),
        ("xl_meerzorg_parameterset", p.versie),
        ("xl_meerzorg_engine", xl_meerzorg.__version__),
        ("xl_meerzorg_variant", variant),
    ):
        custom.append(StringProperty(name=naam, value=waarde))
    wb.custom_doc_props = custom


@contextlib.contextmanager
def exacte_getallen():
    """openpyxl writes floats with "%.16g", which loses the last bit of some doubles (band
    bounds, day fractions). While saving, write the shortest exact repr instead."""
    from openpyxl.cell import _writer
    from openpyxl.compat import safe_string

    def exact(value):
        if isinstance(value, float) and value == value and value not in (float("inf"), float("-inf")):
            return repr(value)
        return safe_string(value)

    origineel = _writer.safe_string
    _writer.safe_string = exact
    try:
        yield
    finally:
        _writer.safe_string = origineel


_CORE_DATUM = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")


def _vast_zip(data: bytes, jaar: int, cache: dict[str, dict[str, object]] | None = None) -> bytes:
    """Rewrite the zip with fixed member dates and fixed document dates."""
    stempel = f"{jaar}-01-01T00:00:00Z".encode()
    uit = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            inhoud = zin.read(info.filename)
            if info.filename == "docProps/core.xml":
                inhoud = _CORE_DATUM.sub(lambda m: m.group(1) + stempel + m.group(3), inhoud)
            if cache and info.filename in cache:
                inhoud = _zet_cache(inhoud, cache[info.filename])
            nieuw = zipfile.ZipInfo(info.filename, date_time=(jaar, 1, 1, 0, 0, 0))
            nieuw.compress_type = zipfile.ZIP_DEFLATED
            nieuw.external_attr = 0o600 << 16
            zout.writestr(nieuw, inhoud)
    return uit.getvalue()


def _zet_cache(xml: bytes, waarden: dict[str, object]) -> bytes:
    """Put cached values into formula cells (openpyxl writes formulas without values)."""
    from xml.sax.saxutils import escape

    def vervang(m: re.Match) -> bytes:
        ref = m.group(2).decode()
        if ref not in waarden:
            return m.group(0)
        w = waarden[ref]
        attrs, formule = m.group(1), m.group(3)
        attrs = re.sub(rb'\s+t="[^"]*"', b"", attrs)
        if isinstance(w, bool) or w is None:
            w = "" if w is None else ("WAAR" if w else "ONWAAR")
        if isinstance(w, (int, float)):
            return attrs + b"><f>" + formule + b"</f><v>" + repr(float(w)).encode() + b"</v></c>"
        return attrs + b' t="str"><f>' + formule + b"</f><v>" + escape(str(w)).encode() + b"</v></c>"

    return re.sub(rb'(<c r="([A-Z]+[0-9]+)"[^>]*?)><f>(.*?)</f><v\s*/?>(?:</v>)?</c>', vervang, xml)


def _udf_cache(p: Parameters, wb: Workbook) -> dict[str, dict[str, object]]:
    """Cached values of the UDF cells of the empty form (what Excel shows before recalculation)."""
    # The empty form is not yet an individual or group request: every UDF cell is guarded
    # by the type (Voorblad C23) and shows "", as the engine gives "not applicable".
    volgorde = [ws.title for ws in wb.worksheets]
    out: dict[str, dict[str, object]] = {}
    for (blad, cel), formule in fm.formules(p, ZORGKANTOOR_UDF).items():
        if "MZ_" in formule:
            out.setdefault(f"xl/worksheets/sheet{volgorde.index(blad) + 1}.xml", {})[cel] = ""
    return out


def bouw_variant(jaar: int, variant: str, uit: Path) -> Path:
    if variant not in VARIANTEN:
        raise ValueError(f"Onbekende variant {variant!r}")
    p = laad_parameters(jaar)
    wb = maak_werkboek(p, variant)
    buf = io.BytesIO()
    with exacte_getallen():
        wb.save(buf)
    cache = _udf_cache(p, wb) if variant == ZORGKANTOOR_UDF else None
    data = _vast_zip(buf.getvalue(), jaar, cache)
    uit = Path(uit)
    uit.mkdir(parents=True, exist_ok=True)
    pad = uit / bestandsnaam(jaar, variant)
    pad.write_bytes(data)
    return pad


def bouw(jaar: int, uit: Path) -> list[Path]:
    """Build both variants of ``jaar`` into the folder ``uit``; returns the paths."""
    return [bouw_variant(jaar, v, uit) for v in VARIANTEN]
