"""Sheet *Totaal overzicht meerzorg*: one row per client (rows 2-18 for Clientgegevens rows
7-23) with the columns of the official sheet (2025.01, 2026.01: A-AD), filled by formulas
from the form itself, for the individual, preventive and group request alike; column AE
(this form's) gives the outcome by the policy (*Maatwerk*, *Meerzorgprofiel n*, ...).

Every value is taken from a cell of the form that already holds it (the inputs as read,
the calculation in steps, the result cells), never computed again; with a fout on the
Voorblad the calculated columns stay empty. Hours are decimal hours per week, as in the
official sheet. Hidden columns AG:AK hold per client what the Verhuisformulier needs.
"""

from __future__ import annotations

from openpyxl.styles import Alignment

from xl_meerzorg.parameters import Parameters

from . import formules as fm
from . import stijl
from .layout import (
    AANVRAAG_IND,
    CLIENTGEGEVENS,
    GROEP,
    INVOER,
    OVERZICHT_IND,
    TOTAAL,
    TYPE_GROEP,
    TYPE_INDIVIDUEEL,
    TYPE_PREVENTIEF,
    UITVOER,
    VOORBLAD,
)
from .officieel import CLIENT_RIJEN, GROEP_RIJ_OFFSET

BLAD = TOTAAL
EERSTE_RIJ = 2  # row of client 1 (Clientgegevens row 7)
RIJEN = range(EERSTE_RIJ, EERSTE_RIJ + len(CLIENT_RIJEN))

KOPPEN = {
    "A": "NZa code", "B": "Sector", "C": "Regio", "D": "Naam aanbieder", "E": "Individueel/Groep/Preventief",
    "F": "Groepsnaam", "G": "Naam cliënt", "H": "BSN", "I": "Geb.dat.", "J": "ZZP", "K": "Ingangsdatum",
    "L": "Uren woonzorg per week", "M": "Uren dagbesteding per week", "N": "Uren nachtzorg per week",
    "O": "Uren behandeling per week", "P": "Uren context gebonden middelen per week", "Q": "Aftrek ZZP uren",
    "R": "Totale meerzorguren", "S": "Bedrag context gebonden middelen",
    "T": "Subtotaal context gebonden middelen vallen in het meerzorgprofiel",
    "U": "Context gebonden middelen boven het profiel (bedrag dat bovenop je beschikking wordt geteld)",
    "V": "Aantal clienten bij groepsaanvraag", "W": "Bedrag per etmaal direct + indirect aangevraagd",
    "X": "Onderwerp overige contextgebonden middelen (euro's) 1", "Y": "Bedrag overige contextgebonden middelen (euro's) 1",
    "Z": "Onderwerp overige contextgebonden middelen (euro's) 2", "AA": "Bedrag overige contextgebonden middelen (euro's) 2",
    "AB": "Berekend Meerzorgprofiel", "AC": "Meerzorgbedrag", "AD": "Versie aanvraagformulier",
    "AE": "Uitkomst (beleid)",
}  # fmt: skip
BREEDTE = {
    "A": 11, "B": 13, "C": 17, "D": 21, "E": 33, "F": 21, "G": 21, "H": 12, "I": 12, "J": 9, "K": 13,
    "L": 11, "M": 11, "N": 11, "O": 11, "P": 12, "Q": 11, "R": 12, "S": 15, "T": 17, "U": 17, "V": 11,
    "W": 15, "X": 18, "Y": 15, "Z": 18, "AA": 15, "AB": 20, "AC": 16, "AD": 13, "AE": 24,
}  # fmt: skip
UREN = tuple("LMNOPQR")  # decimal hours per week
EURO = ("S", "U", "W", "Y", "AA", "AC")
DATUMS = ("I", "K")

# hidden helpers per client (read by the Verhuisformulier)
TELT = "AG"  # 1 when the client row counts for this request
UITKOMST = "AH"  # outcome by the policy
LABEL = "AI"  # the official band label
MEERZORGUREN = "AJ"  # days per week, or "" (valt binnen / no result)
ZP_RIJ = "AK"  # row of the zorgprofiel in mzp_zp (0 unknown)
VERBORGEN = (TELT, UITKOMST, LABEL, MEERZORGUREN, ZP_RIJ)
LAATSTE_KOLOM = "AE"

V = VOORBLAD
CG = f"'{CLIENTGEGEVENS}'"
OI = f"'{OVERZICHT_IND}'"
AI = f"'{AANVRAAG_IND}'"
GR = f"'{GROEP}'"


# the form has a fout (no amounts): a general message, or a fout of the individual / group calculation
FOUT = (
    f'OR({fm.FOUT_ALG}<>"",IF(OR({fm.SOORT}="individueel",{fm.SOORT}="preventief"),{fm.FOUT_IND},{fm.FOUT_GRP})=1)'
)


def rij(k: int) -> int:
    """Row of client ``k`` (1..17)."""
    return EERSTE_RIJ + k - 1


def _abs(blad: str, cel: str) -> str:
    col = cel.rstrip("0123456789")
    return f"'{blad}'!${col}${cel[len(col):]}" if blad != V else f"{V}!${col}${cel[len(col):]}"


def invoer(naam: str) -> str:
    """Absolute reference of the input with the defined name ``naam``."""
    inv = next(i for i in INVOER if i.naam == naam)
    return _abs(inv.blad, inv.cel)


def uitvoer(naam: str) -> str:
    blad, cel = UITVOER[naam]
    return _abs(blad, cel)


def _lezer(blad: str, cel: str) -> str:
    """The input as read (number), or the raw input when it cannot be read."""
    return f"IF(ISNUMBER({fm.waarde(blad, cel)}),{fm.waarde(blad, cel)},{_abs(blad, cel)})"


def _uren(x: str) -> str:
    return f'IF(ISNUMBER({x}),{x}*24,"")'


def bronnen(k: int) -> dict[str, tuple[str, str]]:
    """Column -> (individual/preventive, group) expression of client ``k``; one expression
    means both. The sources are cells of the form (see ``test_verhuis_totaal``)."""
    r = CLIENT_RIJEN[k - 1]
    g = r + GROEP_RIJ_OFFSET
    nr = f"{k:02d}"
    gw = {col: f"N({fm.waarde(GROEP, f'{col}{g}')})" for col in "DEF"}
    ind = {
        "L": f"{OI}!$K$14", "M": f"{OI}!$K$15", "N": f"{OI}!$K$16", "O": f"{OI}!$K$17", "P": f"{OI}!$K$20",
        "Q": uitvoer("mz_ind_zzp_uren"), "R": uitvoer("mz_ind_meerzorguren"),
    }  # fmt: skip
    grp = {
        "L": gw["D"], "M": gw["E"], "N": gw["F"], "O": f"{GR}!$G${g}", "P": f"{GR}!$K${g}",
        "Q": f"{GR}!$N${g}", "R": uitvoer(f"mz_g{nr}_meerzorguren"),
    }  # fmt: skip
    out: dict[str, tuple[str, str]] = {col: (_uren(ind[col]), _uren(grp[col])) for col in UREN}
    out["S"] = (f"{OI}!$K$27", f"{GR}!$M$9")
    out["T"] = (f"{OI}!$K$31", f"{GR}!$M$12")
    out["U"] = (f"{OI}!$K$30", f'IF({GR}!$AE${g}="","",{GR}!$M$13)')
    out["V"] = ('"N.V.T."', f"{GR}!$M$5")
    out["W"] = (uitvoer("mz_ind_etmaalbedrag"), uitvoer(f"mz_g{nr}_etmaalbedrag"))
    for col, (ai, gr) in (("X", ("N5", "B11")), ("Z", ("N6", "B12"))):
        out[col] = (f'IF(TRIM({_abs(AANVRAAG_IND, ai)})="","",{_abs(AANVRAAG_IND, ai)})', f'IF(TRIM({_abs(GROEP, gr)})="","",{_abs(GROEP, gr)})')
    for col, (ai, gr) in (("Y", ("V5", "C11")), ("AA", ("V6", "C12"))):
        out[col] = (f'IF({_abs(AANVRAAG_IND, ai)}="","",{_lezer(AANVRAAG_IND, ai)})', f'IF({_abs(GROEP, gr)}="","",{_lezer(GROEP, gr)})')
    out[UITKOMST] = (uitvoer("mz_ind_uitkomst"), uitvoer(f"mz_g{nr}_uitkomst"))
    out[LABEL] = (uitvoer("mz_ind_label"), uitvoer(f"mz_g{nr}_label"))
    i_mz, g_mz = uitvoer("mz_ind_meerzorguren"), uitvoer(f"mz_g{nr}_meerzorguren")
    out[MEERZORGUREN] = (f'IF(ISNUMBER({i_mz}),{i_mz},"")', f'IF(ISNUMBER({g_mz}),{g_mz},"")')
    i_j, i_mw = uitvoer("mz_ind_jaarbedrag"), uitvoer("mz_ind_maatwerk_jaarbedrag")
    g_j, g_mw = uitvoer(f"mz_g{nr}_jaarbedrag"), uitvoer(f"mz_g{nr}_maatwerk_jaarbedrag")
    out["AC"] = (f'IF({i_j}="Maatwerk",{i_mw},{i_j})', f'IF({g_j}="Maatwerk",{g_mw},{g_j})')
    return out


def formules(p: Parameters, variant: str) -> dict[tuple[str, str], str]:
    """{(sheet, cell): formula} of the sheet (the same for both variants: the result cells
    it reads are the UDF cells in the staff form)."""
    del p, variant
    f: dict[tuple[str, str], str] = {}
    ind = f'OR({fm.SOORT}="individueel",{fm.SOORT}="preventief")'
    fout = FOUT
    for k in range(1, len(CLIENT_RIJEN) + 1):
        r, t = CLIENT_RIJEN[k - 1], rij(k)
        cg = {col: f"{CG}!${col}${r}" for col in ("D", "H", "J", "Y", "AF", "AE")}
        f[(BLAD, f"{TELT}{t}")] = f"={cg['AE']}"
        leeg = f"${TELT}{t}=0"
        nza = invoer("mz_nza_nummer")
        vast = {
            "A": f'IF(TRIM({nza})="","",IF(LEFT(TRIM({nza}),4)="300-",TRIM({nza}),"300-"&TRIM({nza})))',
            "B": f'IF(TRIM({invoer("mz_sector")})="","",{invoer("mz_sector")})',
            "C": f'IF(TRIM({invoer("mz_zorgkantoor_regio")})="","",{invoer("mz_zorgkantoor_regio")})',
            "D": f'IF(TRIM({invoer("mz_zorgaanbieder")})="","",{invoer("mz_zorgaanbieder")})',
            "E": (f'IF({fm.SOORT}="individueel",{fm.q(TYPE_INDIVIDUEEL)},IF({fm.SOORT}="preventief",{fm.q(TYPE_PREVENTIEF)},'
                  f'IF({fm.SOORT}="groep",{fm.q(TYPE_GROEP)},"")))'),
            "F": f'IF({ind},"N.V.T.",IF(TRIM({invoer("mz_locatie")})="","Onbekend",{invoer("mz_locatie")}))',
            "G": f'IF(TRIM({cg["D"]})="","",{cg["D"]})',
            "H": f'IF(TRIM({cg["H"]})="","",IF(LEN({cg["AF"]})=9,{cg["AF"]},{cg["H"]}))',
            "I": f'IF({CG}!$F${r}="","",{_lezer(CLIENTGEGEVENS, f"F{r}")})',
            "J": f'IF(TRIM({cg["J"]})="","",IF({cg["Y"]}=0,{cg["J"]},INDEX(mzp_zp,{cg["Y"]})))',
            "K": f'IF({CG}!$T${r}="","",{_lezer(CLIENTGEGEVENS, f"T{r}")})',
            "AD": '"Versie "&mzp_versie',
            ZP_RIJ: cg["Y"],
        }  # fmt: skip
        for col, x in vast.items():
            f[(BLAD, f"{col}{t}")] = f'=IF({leeg},"",{x})' if col != ZP_RIJ else f"={x}"
        for col, (a, b) in bronnen(k).items():
            keuze = f"IF({ind},{a},{b})" if k == 1 else b  # only client 1 can be an individual request
            f[(BLAD, f"{col}{t}")] = f'=IF(OR({leeg},{fout}),"",{keuze})'
        u, lab = f"{UITKOMST}{t}", f"{LABEL}{t}"
        f[(BLAD, f"AB{t}")] = f'=IF(OR({leeg},{fout}),"",IF({lab}="",{u},{lab}))'
        f[(BLAD, f"AE{t}")] = f'=IF(OR({leeg},{fout}),"",{u})'
    return f


def voeg_toe(wb, p: Parameters, variant: str) -> None:
    """Headers (``stijl``), widths, number formats, print layout; runs after the builder
    wrote the formulas."""
    del p, variant
    from .bouw import FMT_DATUM, FMT_EURO

    ws = wb[BLAD]
    ws.sheet_view.showGridLines = False
    for col, kop in KOPPEN.items():
        c = ws[f"{col}1"]
        stijl.kolomkop(c, kop)
        c.alignment = Alignment(wrap_text=True, vertical="top")
        langste = max(len(w) for w in kop.split())  # no header breaks inside a word
        breedte = max(BREEDTE[col], round(langste * 1.25 + 2, 1))
        if col in EURO:  # up to € 9.999.999,99 without "###"
            breedte = max(breedte, 16)
        ws.column_dimensions[col].width = breedte
    ws.row_dimensions[1].height = 92.25
    for t in RIJEN:
        for col in KOPPEN:
            c = ws[f"{col}{t}"]
            c.border = stijl.RAND
            c.font = stijl.GEWOON
            if col in UREN:
                c.number_format = "0.00"
            elif col in EURO:
                c.number_format = FMT_EURO
            elif col in DATUMS:
                c.number_format = FMT_DATUM
        ws[f"{MEERZORGUREN}{t}"].number_format = "[h]:mm:ss"
    for col in VERBORGEN:
        ws.column_dimensions[col].hidden = True
    n = RIJEN[-1] + 2
    ws[f"A{n}"] = "Uren per week in decimale uren; bedragen per jaar tegen het afgesproken tariefpercentage (W: per etmaal)."
    ws[f"A{n + 1}"] = "De meerzorgprofielen en hun bedragen staan op het blad Parameteroverzicht."
    for c in (ws[f"A{n}"], ws[f"A{n + 1}"]):
        c.font = stijl.KLEIN
    ws.freeze_panes = "H2"
    ws.print_area = f"A1:{LAATSTE_KOLOM}{n + 1}"
    ws.print_title_rows = "1:1"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
