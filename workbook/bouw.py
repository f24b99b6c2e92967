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
from . import stijl, teksten, totaal, verhuis, zorgaanbieders
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
    DOELGROEP,
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
    CG_CONTROLE,
    STATUS_CEL,
    STATUS_RIJ,
    heeft_lvhc,
    invoer,
    ondertekening,
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
    lijsten = fm.lijst_kolommen(p)
    for naam, (kol, kop, waarden) in lijsten.items():
        ws[f"{kol}1"] = kop
        for i, w in enumerate(waarden, start=2):
            ws[f"{kol}{i}"] = w
    za = zorgaanbieders.laad(p.jaar)
    if za is not None:  # nr, zorgaanbieder, number of its zorgkantoor in the list beside it (mzp_zk)
        kantoren = za.zorgkantoren
        nummer = {k: i for i, k in enumerate(kantoren, start=1)}
        ws[f"{fm.LIJST_KOL_NZA}1"] = "NZa-registraties (nr, zorgaanbieder, zorgkantoor). Bron: " + za.bron
        for i, r in enumerate(za.registraties, start=2):
            ws[f"{fm.LIJST_KOL_NZA}{i}"] = r.nza_nummer
            ws[f"{fm.kolom_plus(fm.LIJST_KOL_NZA, 1)}{i}"] = r.zorgaanbieder
            ws[f"{fm.kolom_plus(fm.LIJST_KOL_NZA, 2)}{i}"] = nummer[(r.zorgkantoor, r.verzekeraar)]
        ws[f"{fm.LIJST_KOL_ZK}1"] = "zorgkantoren (regio, verzekeraar)"
        for i, (kantoor, verzekeraar) in enumerate(kantoren, start=2):
            ws[f"{fm.LIJST_KOL_ZK}{i}"] = kantoor
            ws[f"{fm.kolom_plus(fm.LIJST_KOL_ZK, 1)}{i}"] = verzekeraar
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
    _voorblad(wb[VOORBLAD], p)

    cg = wb[CLIENTGEGEVENS]
    stijl.titel(cg["B1"], "Cliëntgegevens")
    cg["D2"] = "Overzicht cliënt(en)"
    cg["D2"].font = stijl.VET
    cg["D3"] = "Individuele of preventieve aanvraag: vul alleen regel 1 in. Groepsmeerzorg: één regel per cliënt (2 tot 17). Datums als dd-mm-jjjj."
    koppen = [("B", "Nr."), ("D", "Naam cliënt"), ("F", "Geboorte-\ndatum"), ("H", "BSN"), ("J", "Zorgzwaarte-\npakket"),
              ("L", "Dagbesteding\nvan toepassing?\nJa/Nee"), ("N", "Behandeling\nvan toepassing?\nJa/Nee"), ("P", "Prestatie-\ncode\nNZa"),
              ("R", "Datum\nopname"), ("T", "Beoogde\ningang"), ("V", "Is het CCE de afgelopen 3 jaar betrokken geweest bij deze cliënt?")]  # fmt: skip
    if heeft_lvhc(p.jaar):
        koppen += [("X", "Is LVHC van toepassing?"), ("Z", "Zo ja, welke doelgroep betreft het?")]
    koppen.append((CG_CONTROLE, "Controle"))
    for col, kop in koppen:
        stijl.kolomkop(cg[f"{col}6"], kop)
    cg.row_dimensions[6].height = 90
    for r in CLIENT_RIJEN:
        cg[f"B{r}"] = r - 6
        cg[f"{CG_CONTROLE}{r}"].alignment = stijl.WRAP
    # the official widths (spacer columns between the fields), Controle wide
    for col, w in (("A", 0.9), ("B", 4.4), ("C", 1.0), ("D", 40), ("E", 0.9), ("F", 14.4), ("G", 0.9), ("H", 13.4), ("I", 0.9), ("J", 12.4),
                   ("K", 0.9), ("L", 14.0), ("M", 0.9), ("N", 14.0), ("O", 0.9), ("P", 10.4), ("Q", 0.9), ("R", 12.4), ("S", 0.9), ("T", 12.4),
                   ("U", 0.9), ("V", 16.4), ("W", 1.4), ("X", 12.9), ("Y", 1.1), ("Z", 26), ("AA", 1.4), (CG_CONTROLE, 60)):  # fmt: skip
        cg.column_dimensions[col].width = w
    _verberg(cg, VERBORGEN[CLIENTGEGEVENS])

    _aanvraag_individueel(wb[AANVRAAG_IND])

    _overzicht_individueel(wb[OVERZICHT_IND])

    _groep(wb[GROEP])


def _aanvraag_individueel(ai) -> None:
    """As the official sheet: the week totals and hours at the top, the context euros on the
    right, the two day programmes below (official column widths)."""
    stijl.titel(ai["A1"], "Aanvraag meerzorg individueel")
    ai.row_dimensions[1].height = 34
    stijl.subtitel(ai["B2"], "Totaal uren (per week):")
    stijl.subtitel(ai["I2"], "Uren:minuten")
    stijl.subtitel(ai["N2"], "Extra contextgebonden middelen in euro's")
    ai["N3"] = "(middelen die niet in uren zijn uit te drukken)"
    ai["N3"].font = stijl.KOP
    for r in (5, 6):  # room to type the subject of the context euros
        ai.merge_cells(f"N{r}:U{r}")
    stijl.kolomkop(ai["N4"], "Onderwerp (a. en b.)")
    ai.merge_cells("N4:U4")
    stijl.kolomkop(ai["V4"], "Bedrag per jaar")
    for cel, tekst in (("B3", "Wonen (uit het dagprogramma)"), ("B4", "Dagbesteding (uit het dagprogramma)"), ("B5", "Nachtzorg"),
                       ("B6", "Inzet behandelaren"), ("B7", "Min-uren"), ("B8", "Extra uren contextgebonden middelen op jaarbasis"),
                       ("B12", "Totaal uren wonen ma-vr (per dag)"), ("B13", "Totaal uren dagbesteding ma-vr (per dag)"),
                       ("N12", "Totaal uren wonen za-zo (per dag)"), ("N13", "Totaal uren dagbesteding za-zo (per dag)"),
                       ("B11", "In te vullen per individuele cliënt"), ("N11", "In te vullen per individuele cliënt")):  # fmt: skip
        ai[cel] = tekst
    stijl.subtitel(ai["B10"], "Dagprogramma maandag-vrijdag")
    stijl.subtitel(ai["N10"], "Dagprogramma zaterdag-zondag")
    for cel in ("I3", "I4", "G12", "G13", "T12", "T13"):
        stijl.uitvoer(ai[cel])
    for col, kop in (("B", "Tijd van"), ("D", "Tijd tot"), ("F", "Uren"), ("H", "Functie"), ("J", "1 begeleider op … cliënt(en)"), ("L", "Formatie-uren"),
                     ("N", "Tijd van"), ("P", "Tijd tot"), ("R", "Uren"), ("T", "Functie"), ("V", "1 begeleider op … cliënt(en)"), ("X", "Formatie-uren")):  # fmt: skip
        stijl.kolomkop(ai[f"{col}15"], kop)
    ai.row_dimensions[15].height = 30
    for col, kop in (("Z", "Controle ma-vr"), ("AA", "Controle za-zo")):
        stijl.kolomkop(ai[f"{col}15"], kop)
    ai["Z4"] = "Controle uren"
    ai["Z4"].font = stijl.VET
    for col, w in (("A", 2.9), ("B", 9.1), ("C", 2.4), ("D", 9.1), ("E", 1.9), ("F", 9.1), ("G", 7), ("H", 14.9), ("I", 8), ("J", 19.1),
                   ("K", 1.9), ("L", 13.4), ("M", 1.9), ("N", 8.9), ("O", 2.0), ("P", 8.4), ("Q", 1.4), ("R", 9.1), ("S", 1.4), ("T", 14.9),
                   ("U", 6), ("V", 19.1), ("W", 1.4), ("X", 17.0), ("Y", 1.9), ("Z", 40), ("AA", 40)):  # fmt: skip
        ai.column_dimensions[col].width = w
    _verberg(ai, VERBORGEN[AANVRAAG_IND])


def _groep(gr) -> None:
    stijl.titel(gr["B2"], "Aanvraag groepsmeerzorg")
    gr.row_dimensions[2].height = 34
    gr["B3"] = "Per cliënt de uren per week; de cliënten staan op het blad Clientgegevens."
    stijl.kopbalk(gr, "B7:C7", "Extra contextgebonden middelen in uren")
    gr["B8"] = "Extra uren contextgebonden middelen op jaarbasis (groep)"
    stijl.kopbalk(gr, "B10:C10", "Extra contextgebonden middelen in euro's: onderwerp (a. en b.) en bedrag per jaar")
    stijl.kopbalk(gr, "L4:M4", "Berekening van de groep")
    for r, t in ((5, "Aantal cliënten"), (6, "Aantal cliënten met een budget"), (7, "Context-uren per cliënt (week)"), (8, "Totaal budget 100% (basis drempel)"),
                 (9, "Contextgebonden middelen groep"), (10, "Drempel contextgebonden middelen"), (11, "Boven de drempel"), (12, "Valt binnen het profiel"),
                 (13, "Boven de drempel per cliënt met een budget"), (15, "Controle")):  # fmt: skip
        gr[f"L{r}"] = t
    for r in range(5, 14):
        stijl.uitvoer(gr[f"M{r}"])
    koppen = {"B": "Cliënt", "C": "Zorgzwaarte-pakket", "D": "Woonzorg", "E": "Dagbesteding", "F": "Nachtzorg", "G": "Behandeling gewogen", "H": "Inzet behandelaren",
              "J": "Min-uren", "K": "Context-uren", "L": "Indirecte basisuren", "M": "Totale uren", "N": "Aftrek zorgzwaarte-pakket", "O": "Meerzorguren",
              "P": "Meerzorgprofiel", "Q": "Meerzorgbudget", "R": "100% meerzorg-budget", "S": "Maatwerkbudget (indien van toepassing)", "T": "Uitkomst",
              "U": "100% maatwerk (basis drempel)", "V": "Berekend etmaalbedrag", "W": "100% etmaal-bedrag", "X": "Na maximum etmaalbedrag"}  # fmt: skip
    stijl.kopbalk(gr, "D16:H16", "Uren per week")
    for col, t in koppen.items():
        stijl.kolomkop(gr[f"{col}18"], t)
    gr.row_dimensions[18].height = 48
    gr["B36"] = "Totaal"
    gr["B36"].font = stijl.VET
    for col in ("Q", "S", "V"):
        stijl.uitvoer(gr[f"{col}36"], vet=True)
    for col, w in (("A", 1.4), ("B", 30), ("C", 13), ("D", 11), ("E", 12.5), ("F", 11), ("G", 12), ("H", 12), ("I", 2), ("J", 10), ("K", 10),
                   ("L", 34), ("M", 15), ("N", 13), ("O", 13), ("P", 22), ("Q", 15), ("R", 15), ("S", 16), ("T", 22), ("U", 15), ("V", 14),
                   ("W", 14), ("X", 15)):  # fmt: skip
        gr.column_dimensions[col].width = w
    _verberg(gr, VERBORGEN[GROEP])


STAPPEN = {
    8: "Zorgprofiel", 9: "Volgnummer van het zorgprofiel", 10: "Dagbesteding van toepassing", 11: "Behandeling van toepassing",
    12: "Prestatiecode", 13: "Uren zorgprofiel per week (ZZP)", 14: "Wonen per week", 15: "Dagbesteding per week",
    16: "Nachtzorg per week", 17: "Inzet behandelaren × factor, per week", 18: "Min-uren per week", 19: "Indirecte uren per week",
    20: "Contextgebonden uren per week", 21: "Totaal uren per week", 22: "Meerzorguren per week", 23: "Volgnummer meerzorgprofiel",
    24: "Meerzorgprofiel", 25: "Uitkomst", 26: "Budget 100% per jaar", 27: "Contextgebonden middelen (euro per jaar)",
    28: "Budget voor de drempel", 29: "Drempel contextgebonden middelen", 30: "Contextgebonden middelen boven de drempel",
    31: "Contextgebonden middelen vallen binnen het profiel", 32: "Etmaalbedrag 100%", 33: "Jaarbedrag na maximum etmaalbedrag",
    34: "Jaarbedrag na tariefpercentage", 35: "Etmaalbedrag na tariefpercentage",
}  # fmt: skip


def _overzicht_individueel(oi) -> None:
    """As the official sheet: client and zorgprofiel at the top, the blocks (zorg, behandeling,
    min-uren, indirecte uren, context) with subtotals, the outcome at the bottom. The
    calculation in steps for the zorgkantoor in columns J:K, a collapsed group."""
    stijl.titel(oi["B2"], "Overzicht meerzorgaanvraag individueel")
    oi.merge_cells("B2:E2")
    oi.row_dimensions[2].height = 34
    for r, t in ((4, "Naam cliënt"), (5, "Zorgzwaartepakket")):
        stijl.kopbalk(oi, f"B{r}:B{r}", t)
        stijl.uitvoer(oi[f"C{r}"], vet=True)
        oi.merge_cells(f"C{r}:E{r}")
    blokken = [
        (7, "Zorg", "Uren:minuten per week", "Voor de berekening"),
        (13, "Behandeling", "Uren:minuten per week", "Gewogen (× factor)"),
        (17, "Min-uren", "Uren:minuten per week", ""),
        (20, "Indirecte basisuren zorgzwaartepakket", "Uren:minuten per week", ""),
        (23, "Extra contextgebonden middelen in uren", "Uren:minuten (jaarbasis)", "Uren:minuten (weekbasis)"),
        (27, "Totale uren zorg, behandeling en context", "Werkelijk (weekbasis)", "Berekend (weekbasis)"),
        (30, "Extra contextgebonden middelen in euro's", "Bedrag per jaar", ""),
        (36, "Uitkomst", "", ""),
    ]
    for r, kop, c, e in blokken:
        stijl.kopbalk(oi, f"B{r}:E{r}", kop)
        oi[f"C{r}"], oi[f"E{r}"] = c or None, e or None
    regels = {8: "Woonzorg", 9: "Dagbesteding", 10: "Nachtzorg", 14: "Inzet behandelaren", 18: "Min-uren",
              21: "Indirecte basisuren zorgzwaartepakket", 24: "Extra uren contextgebonden middelen"}  # fmt: skip
    for r, t in regels.items():
        oi[f"B{r}"] = t
    for r, t in ((11, "Subtotaal uren:minuten zorg"), (15, "Subtotaal inzet behandelaren"), (25, "Subtotaal contextgebonden middelen in uren"),
                 (33, "Subtotaal contextgebonden middelen"), (34, "Contextgebonden middelen vallen binnen het meerzorgprofiel")):  # fmt: skip
        oi[f"B{r}"] = t
        oi[f"B{r}"].font = stijl.VET
    for cel in ("C8", "E8", "C9", "E9", "C10", "E10", "E11", "C14", "E14", "E15", "C18", "E18", "C21", "E21", "C24", "E24", "E25", "C28", "E28"):
        stijl.uitvoer(oi[cel], vet=cel in ("E11", "E15", "E25", "E28"))
        oi[cel].number_format = FMT_DUUR
    for cel in ("C31", "C32", "C33"):
        stijl.uitvoer(oi[cel], vet=cel == "C33")
        oi[cel].number_format = FMT_EURO
    stijl.uitvoer(oi["C34"])
    for cel, tekst in (("B37", "Reguliere zorgzwaartepakket uren:minuten (week)"), ("B38", "Totale meerzorguren uren:minuten (weekbasis)"),
                       ("B39", "Berekend meerzorgprofiel"), ("B40", "Berekend maatwerkbudget (jaar)"), ("B41", "Berekend etmaalbedrag"),
                       ("B42", "Uitkomst volgens het beleid")):  # fmt: skip
        oi[cel] = tekst
        oi[cel].font = stijl.VET
    oi["E39"].number_format = FMT_EURO
    # the calculation in steps (staff): a labelled, collapsed group J:K
    stijl.kopbalk(oi, "J6:K6", "Berekening in stappen (voor het zorgkantoor)")
    for r, t in STAPPEN.items():
        oi[f"J{r}"] = t
    for col, w in (("A", 2.9), ("B", 52), ("C", 24), ("D", 2), ("E", 24), ("F", 2), ("J", 44), ("K", 22)):
        oi.column_dimensions[col].width = w
    oi.column_dimensions.group("J", "K", hidden=True, outline_level=1)
    oi.sheet_properties.outlinePr.summaryRight = False


def voorgevuld(p: Parameters) -> dict[tuple[str, str], str]:
    """Input cells with a formula until the provider types over it (as in the official form):
    the provider's name and its zorgkantoor looked up from the NZa number (E4) in the year's
    list of NZa registrations. Not part of ``formules()``: overwriting them is allowed."""
    if zorgaanbieders.laad(p.jaar) is None:
        return {}
    nr = 'IF(ISNUMBER($E$4),$E$4,IFERROR(VALUE(TRIM($E$4)),-1))'
    zk = f"VLOOKUP({nr},mzp_nza,3,FALSE)"
    return {
        (VOORBLAD, "C10"): f'=IFERROR(VLOOKUP({nr},mzp_nza,2,FALSE),"")',
        (VOORBLAD, "G10"): f'=IFERROR(INDEX(mzp_zk,{zk},2),"")',  # as the official form: the insurer ("Menzis")
        (VOORBLAD, "G11"): f'=IFERROR(INDEX(mzp_zk,{zk},1),"")',  # the zorgkantoor region
        **verhuis.voorgevuld(p),  # the new provider on the Verhuisformulier (C20, G20, G21)
    }


def verklaring(jaar: int) -> list[str]:
    """What the signer declares (in our words; the same points as the official form, 2026 with
    the client's written authorisation)."""
    punten = [
        "de opgegeven uren en de inzet reëel zijn en passen bij de zorg die de cliënt(en) nodig heeft of hebben;",
        "het meerzorgbudget alleen wordt gebruikt voor de zorg aan de cliënt(en) van deze aanvraag en niet voor andere doelen;",
        "de cliënt of zijn vertegenwoordiger het meerzorgplan heeft ondertekend en dat deze getekende versie in het zorgdossier zit;",
        "de gegevens in dit formulier naar waarheid zijn ingevuld, en dat de zorgaanbieder wijzigingen (zoals verhuizing, overlijden of afbouw van de zorg) direct aan het zorgkantoor meldt;",
    ]
    if jaar >= 2026:
        punten.append("de cliënt of zijn vertegenwoordiger de zorgaanbieder schriftelijk heeft gemachtigd om deze meerzorgaanvraag in te dienen, en dat de zorgaanbieder die machtiging bewaart.")
    return punten


def _voorblad(vb, p: Parameters) -> None:
    """The Voorblad as the official one: NZa cat./nr., AGB, provider and zorgkantoor, tariff and
    sector, new/repeat request and type, the block of flags, the declaration, the signature
    box, the totals; then this form's own check (status and messages)."""
    naam_cel, datum_cel, box = ondertekening(p.jaar)
    stijl.titel(vb["B1"], f"Aanvraagformulier (preventieve) meerzorg {p.jaar}")
    vb.row_dimensions[1].height = 34
    vb["B2"] = "Wlz-zorgaanbieder"
    vb["B2"].font = stijl.WLZ
    vb["D3"], vb["E3"] = "cat.", "nr."
    for c in ("D3", "E3"):
        vb[c].alignment = stijl.MIDDEN
    stijl.kopbalk(vb, "B4:C4", "Registratienummer NZa")
    vb["D4"] = 300
    vb["D4"].alignment = stijl.MIDDEN
    stijl.kopbalk(vb, "B6:C6", "AGB-code")
    vb["G5"] = "Naar het formulier van Zorgverzekeraars Nederland"
    vb["G5"].font = stijl.KLEIN
    vb["G5"].alignment = Alignment(horizontal="right")
    vb["G6"] = f"Versie {p.versie}"
    vb["G6"].alignment = Alignment(horizontal="right")
    stijl.kopbalk(vb, "B8:C8", "Zorgaanbieder")
    stijl.kopbalk(vb, "F8:G8", "Zorgkantoor")
    for r, t in zip(range(10, 15), ("Naam", "Plaats", "Coördinator meerzorg", "Telefoon", "E-mail")):
        vb[f"B{r}"] = t
    for r, t in zip(range(10, 15), ("Naam zorgkantoor", "Zorgkantoorregio", "Contactpersoon", "Telefoon", "E-mail")):
        vb[f"F{r}"] = t
    stijl.kopbalk(vb, "B16:C16", "Afgesproken tariefpercentage zorgkantoor")
    stijl.kopbalk(vb, "F16:G16", "Voor welke sector vraagt de Wlz-aanbieder meerzorg aan?")
    stijl.kopbalk(vb, "B19:C19", "Geef aan of het een nieuwe aanvraag is of een heraanvraag")
    stijl.kopbalk(vb, "B22:C22", "Geef aan om welk type aanvraag het gaat")
    for r, t in ((19, "Er is betrokkenheid van het CCE"), (21, "Aanvraag betreft profiel exclusief dagbesteding"),
                 (23, "Aanvraag betreft profiel exclusief behandeling"), (25, "Contextgebonden middelen hoger dan 7,1% van het meerzorgbudget")):  # fmt: skip
        vb[f"F{r}"] = t
        vb[f"F{r}"].font = stijl.VET
    for r in (20, 22, 24, 26, 28):
        stijl.uitvoer(vb[f"G{r}"])
    vb["B29"] = "Door ondertekening van dit formulier verklaart de zorgaanbieder dat:"
    vb["B29"].font = stijl.VET
    for k, punt in enumerate(verklaring(p.jaar)):
        r = 30 + k
        vb[f"B{r}"] = f"{k + 1}."
        vb[f"B{r}"].alignment = Alignment(horizontal="right", vertical="top")
        vb[f"C{r}"] = punt
        vb.merge_cells(f"C{r}:G{r}")
        vb[f"C{r}"].alignment = stijl.WRAP
        vb.row_dimensions[r].height = 30
    # the signature box (unlocked, as in the official form) and the signer
    vb.merge_cells(box)
    eerste, laatste = box.split(":")
    for rij in vb[box]:
        for c in rij:
            c.protection = ONTGRENDELD
            c.border = stijl.RAND
    onder = int(laatste[1:]) + 1
    vb[f"B{onder}"] = "(handtekening)"
    vb[f"B{onder}"].font = stijl.KLEIN
    vb[f"B{naam_cel[1:]}"] = "Naam"
    vb[f"B{datum_cel[1:]}"] = "Datum"
    vb["G36"] = f"Totaal jaarbedrag meerzorg {p.jaar}"
    vb["G38"] = "Berekend etmaalbedrag"
    vb["G40"] = "Aangevraagde periode in maanden"
    for c in ("G36", "G38", "G40"):
        vb[c].font = stijl.VET
    for c in ("G37", "G39"):
        stijl.uitvoer(vb[c], vet=True)
        vb[c].alignment = Alignment(horizontal="center")
    # this form's own check
    s0 = STATUS_RIJ
    stijl.kopbalk(vb, f"B{s0 - 1}:G{s0 - 1}", "Controle van het formulier")
    for r in range(s0, s0 + 8):
        vb.merge_cells(f"B{r}:G{r}")
        vb[f"B{r}"].alignment = stijl.WRAP
        vb.row_dimensions[r].height = 30
    vb[STATUS_CEL].font = stijl.VET
    vb["L22"] = "Hulpcellen (niet wijzigen)"
    # the official column widths
    for col, w in zip("ABCDEFGH", (2.9, 22, 49.4, 9.1, 12, 24, 51.9, 2)):
        vb.column_dimensions[col].width = w
    _verberg(vb, VERBORGEN[VOORBLAD])


def _verberg(ws, bereiken) -> None:
    """Hide the helper columns of each (van, tot) range."""
    for van, tot in bereiken:
        for k in range(column_index_from_string(van), column_index_from_string(tot) + 1):
            ws.column_dimensions[get_column_letter(k)].hidden = True


def _datumvenster(p: Parameters, inv) -> tuple[int, int]:
    """The dates a date cell accepts: the official form's window for the signature date and
    the beoogde ingangsdatum (xl_meerzorg.parameters: formulier), otherwise any date."""
    import datetime as dt

    f = p.formulier
    nul = dt.date(1899, 12, 30)
    if f is not None and inv.naam == "mz_ondertekening_datum" and f.ondertekening_van is not None:
        return (f.ondertekening_van - nul).days, (f.ondertekening_tot - nul).days
    if f is not None and inv.naam.endswith("_ingang") and f.ingang_van is not None:
        return (f.ingang_van - nul).days, (f.ingang_tot - nul).days
    return 1, 73051


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

    for inv in invoer(p.jaar):
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
            van, tot = _datumvenster(p, inv)
            v = dv(inv.blad, f"{s}:{van}:{tot}", lambda: DataValidation(type="date", operator="between", formula1=str(van), formula2=str(tot),
                                                     error="Vul een datum in (dd-mm-jjjj)." if (van, tot) == (1, 73051) else
                                                     "Vul een datum in (dd-mm-jjjj) binnen de periode die het formulier toestaat."))  # fmt: skip
        elif s == MAANDEN:
            c.number_format = "0"
            f = p.formulier
            if f is not None and f.maanden_min is not None:  # as the official form of the year (2026: 1-48)
                lo, hi = f.maanden_min, f.maanden_max
                v = dv(inv.blad, s, lambda: DataValidation(type="whole", operator="between", formula1=str(lo), formula2=str(hi),
                                                         error=f"Vul een aantal maanden in ({lo} tot en met {hi})."))  # fmt: skip
            else:  # the official form of 2025 does not limit the period: a whole number
                v = dv(inv.blad, s, lambda: DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0",
                                                         error="Vul een aantal maanden in (een geheel getal)."))  # fmt: skip
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
        elif s == DOELGROEP:
            v = dv(inv.blad, s, lambda: DataValidation(type="list", formula1="mzp_doelgroepen", allow_blank=True, error="Kies een doelgroep uit de lijst."))
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
    for inv in invoer(p.jaar):
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
    s0 = STATUS_RIJ
    vb.conditional_formatting.add(f"B{s0}:G{s0}", FormulaRule(formula=["$L$95=1"], fill=rood, stopIfTrue=True))
    vb.conditional_formatting.add(f"B{s0}:G{s0}", FormulaRule(formula=['$L$80<>""'], fill=oranje, stopIfTrue=True))
    vb.conditional_formatting.add(f"B{s0}:G{s0}", FormulaRule(formula=["$L$95=0"], fill=groen))
    vb.conditional_formatting.add(f"B{s0 + 1}:G{s0 + 7}", FormulaRule(formula=[f'$B{s0 + 1}<>""'], fill=oranje))


# Print setup per sheet: (print area, orientation, rows repeated on every page, fit to one page high)
AFDRUK = {
    VOORBLAD: (f"A1:H{STATUS_RIJ + 7}", "portrait", None, True),
    CLIENTGEGEVENS: (f"A1:{CG_CONTROLE}23", "landscape", "6:6", True),
    AANVRAAG_IND: ("A1:X74", "portrait", "15:15", False),
    OVERZICHT_IND: ("A1:F42", "portrait", None, True),
    GROEP: ("A1:X36", "landscape", "18:18", True),
    HANDLEIDING: (None, "portrait", None, False),
    VERSIEBEHEER: (None, "portrait", None, False),
    VRAGENLIJST: (None, "landscape", "4:4", False),
    PARAMETEROVERZICHT: (None, "landscape", None, False),
}


def _print(wb) -> None:
    """A4, fit to the page width, the official blocks kept together: print areas, repeated
    header rows, page breaks only at block boundaries (Aanvraag individueel: the day
    programme on its own page, under its header row)."""
    from openpyxl.worksheet.pagebreak import Break

    for naam, (gebied, richting, titels, een_pagina) in AFDRUK.items():
        ws = wb[naam]
        if gebied is None:
            gebied = f"A1:{get_column_letter(max(ws.max_column, 1))}{max(ws.max_row, 1)}"
        ws.print_area = gebied
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.orientation = richting
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 1 if een_pagina else 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_options.horizontalCentered = True
        ws.page_margins.left = ws.page_margins.right = 0.4
        ws.page_margins.top = ws.page_margins.bottom = 0.5
        if titels:
            ws.print_title_rows = titels
    # LibreOffice draws a number of a hidden column next to a merged cell as "###" in the print:
    # the Voorblad helpers (hidden columns I:Q) get a format that shows nothing
    vb = wb[VOORBLAD]
    for rij in vb.iter_rows(min_col=9, max_col=17):
        for c in rij:
            if c.value is not None:
                c.number_format = ";;;"
    # Aanvraag individueel: the totals and hours (rows 1-9) on page 1, the day programmes (from row 10) on the next
    wb[AANVRAAG_IND].row_breaks.append(Break(id=9))


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
    for (blad, cel), formule in voorgevuld(p).items():
        wb[blad][cel] = formule
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
    from .ooxml import xml_escape

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
        return attrs + b' t="str"><f>' + formule + b"</f><v>" + xml_escape(str(w)).encode() + b"</v></c>"

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
    from xl_meerzorg.bestanden import schrijf_atomair

    pad = Path(uit) / bestandsnaam(jaar, variant)
    schrijf_atomair(pad, data)  # temporary file + rename: never a half-written form
    return pad


def bouw(jaar: int, uit: Path) -> list[Path]:
    """Build both variants of ``jaar`` into the folder ``uit``; returns the paths."""
    return [bouw_variant(jaar, v, uit) for v in VARIANTEN]
