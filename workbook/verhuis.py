"""Sheet *Verhuisformulier*: a client with an award moves to another location or provider.

The inputs are at the official addresses (``layout._verhuis_invoer``): NZa numbers E6/E8,
the new provider C20:C24 and zorgkantoor G20:G24 (name and zorgkantoor looked up from E8 until
typed over, ``voorgevuld``), the BSN C28, the toeslag C36 and the date C38; the four signature
boxes are unlocked and empty (``HANDTEKENINGEN``). The client is found by BSN among all 17 rows of
Clientgegevens (the BSN read as the Clientgegevens check reads it, 9 digits); the old
provider and zorgkantoor come from the Voorblad.

The numbers follow ``xl_meerzorg.regels.verhuis.verhuis`` step by step (``regel``), on the
outcome, meerzorguren and label of that client from the form's own result cells (via the
hidden columns of *Totaal overzicht meerzorg*), so both variants of the form get them.
"""

from __future__ import annotations

from openpyxl.styles import Alignment, Font, Protection
from openpyxl.workbook.defined_name import DefinedName

from xl_meerzorg.model import VALT_BINNEN
from xl_meerzorg.parameters import Parameters
from xl_meerzorg.parameters.laden import UITKOMST_MAATWERK, UITKOMST_NMW

from . import formules as fm
from . import stijl
from . import totaal
from .layout import CLIENTGEGEVENS, VERHUIS, VOORBLAD
from .officieel import CLIENT_RIJEN

BLAD = VERHUIS
V = VOORBLAD
CG = f"'{CLIENTGEGEVENS}'"
TO = f"'{totaal.BLAD}'"

# hidden helper cells (column L, outside the print area)
BSN = "$L$28"  # the BSN as 9-digit text
NR = "$L$29"  # client number 1..17 (0: not found)
TELT = "$L$30"  # 1 when that client counts for this request
TOON = "$L$31"  # 1 when the numbers are shown (found, counts, no fout)
UITKOMST, LABEL, MEERZORGUREN, ZP = "$L$33", "$L$34", "$L$35", "$L$36"
PROFIELBEDRAG, UURBUDGET = "$L$38", "$L$39"
# the steps of regels.verhuis.verhuis
BUDGET, NA_MAXIMUM, GEMAXIMEERD, ETMAAL_100, JAARBEDRAG, ETMAALBEDRAG = "$L$41", "$L$42", "$L$43", "$L$44", "$L$45", "$L$46"
HULP_KOLOMMEN = ("L",)
PRINT = "A1:H66"

STATUS = "E28"  # the message next to the BSN
# defined names of the results (like layout.UITVOER)
NAMEN = {
    "mz_verhuis_naam": "C30", "mz_verhuis_uitkomst": "C40", "mz_verhuis_jaar_100": "C42", "mz_verhuis_meerzorguren": "C43",
    "mz_verhuis_etmaal_100": "C44", "mz_verhuis_tariefpercentage": "G40", "mz_verhuis_jaarbedrag": "G42",
    "mz_verhuis_etmaalbedrag": "G44", "mz_verhuis_melding": STATUS,
}  # fmt: skip
# the signature boxes (merged, unlocked, no fill, as in the official form)
HANDTEKENINGEN = {"B55": "B55:C59", "F55": "F55:G59", "B61": "B61:C65", "F61": "F61:G65"}


def regel(uitkomst: str, meerzorguren: str, profielbedrag: str, uurbudget: str, maximum: str, tarief: str) -> dict[str, str]:
    """The formulas of ``regels.verhuis.verhuis`` over the given cell references, in the
    rule's operation order: budget (``budget.maatwerk_budget`` or the profile amount),
    ``maximum.na_maximum(budget, 0.0, max)``, ``maximum.etmaal_100(na_maximum, 0.0)``,
    ``jaarbedrag.jaarbedrag`` and ``jaarbedrag.etmaalbedrag``. "" where the rule gives None."""
    b, m = BUDGET, NA_MAXIMUM
    return {
        BUDGET: (
            f'=IF({uitkomst}={fm.q(UITKOMST_MAATWERK)},IF(ISNUMBER({meerzorguren}),({meerzorguren}*24)/7*365*{uurbudget},""),'
            f'IF(ISNUMBER({profielbedrag}),{profielbedrag},""))'
        ),
        NA_MAXIMUM: f'=IF({b}="","",IF(({b}+0)/365>={maximum},{maximum}*365,{b}+0))',
        GEMAXIMEERD: f'=IF({b}="","",IF(({b}+0)/365>={maximum},1,0))',
        ETMAAL_100: f'=IF({m}="","",({m}+0)/365)',
        JAARBEDRAG: f'=IF({m}="","",{m}*{tarief})',
        ETMAALBEDRAG: f'=IF({JAARBEDRAG}="","",{JAARBEDRAG}/365)',
    }


def _bsn(ref: str) -> str:
    """The BSN as Clientgegevens column AF reads it: text of 9 digits (a number or fewer
    digits get leading zeros)."""
    h = f"TRIM({ref})"
    return (
        f'IF(ISNUMBER({ref}),IF(MOD({ref},1)=0,TEXT({ref},"000000000"),"x"),'
        f'IF(AND(LEN({h})<9,LEN({h})>0,{fm._zonder_cijfers(h)}=""),REPT("0",9-LEN({h}))&{h},{h}))'
    )


def _cel(ref: str) -> str:
    return ref.replace("$", "")


def _per_client(kolom: str) -> str:
    """Column ``kolom`` of Totaal overzicht for the client found."""
    return f"INDEX({TO}!${kolom}${totaal.RIJEN[0]}:${kolom}${totaal.RIJEN[-1]},{NR})"


def voorgevuld(p: Parameters) -> dict[tuple[str, str], str]:
    """Input cells with a formula until typed over, as in the official form: the new
    provider's name (C20) and its zorgkantoor (G20: the insurer, G21: the region) looked up
    from its NZa number (E8) in the year's list of NZa registrations (as ``bouw.voorgevuld``
    does on the Voorblad)."""
    from . import zorgaanbieders

    if zorgaanbieders.laad(p.jaar) is None:
        return {}
    nr = "IF(ISNUMBER($E$8),$E$8,IFERROR(VALUE(TRIM($E$8)),-1))"
    zk = f"VLOOKUP({nr},mzp_nza,3,FALSE)"
    return {
        (BLAD, "C20"): f'=IFERROR(VLOOKUP({nr},mzp_nza,2,FALSE),"")',
        (BLAD, "G20"): f'=IFERROR(INDEX(mzp_zk,{zk},2),"")',
        (BLAD, "G21"): f'=IFERROR(INDEX(mzp_zk,{zk},1),"")',
    }


def formules(p: Parameters, variant: str) -> dict[tuple[str, str], str]:
    del p, variant
    f: dict[tuple[str, str], str] = {}

    def zet(cel: str, formule: str) -> None:
        f[(BLAD, _cel(cel))] = formule

    n = len(CLIENT_RIJEN)
    zet(BSN, "=" + _bsn("$C$28"))
    zet(NR, f'=IF({BSN}="",0,IFERROR(MATCH({BSN},{CG}!$AF$7:$AF${6 + n},0),0))')
    zet(TELT, f"=IF({NR}=0,0,{_per_client(totaal.TELT)})")
    zet(TOON, f"=IF(AND({TELT}=1,NOT({totaal.FOUT})),1,0)")
    zet(UITKOMST, f'=IF({TOON}=0,"",{_per_client(totaal.UITKOMST)})')
    zet(LABEL, f'=IF({TOON}=0,"",{_per_client(totaal.LABEL)})')
    zet(MEERZORGUREN, f'=IF({TOON}=0,"",{_per_client(totaal.MEERZORGUREN)})')
    zet(ZP, f"=IF({NR}=0,0,{_per_client(totaal.ZP_RIJ)})")
    geen = ",".join(f"{UITKOMST}={fm.q(u)}" for u in ("", UITKOMST_MAATWERK, UITKOMST_NMW, VALT_BINNEN))
    zet(PROFIELBEDRAG, f'=IF(OR({geen},{ZP}=0,{LABEL}=""),"",IFERROR(INDEX(mzp_band_bedrag,{ZP},MATCH({LABEL},INDEX(mzp_band_label,{ZP},0),0)),""))')
    zet(UURBUDGET, f"=IF({ZP}=0,0,INDEX(mzp_zp_uurbudget,{ZP}))")
    for cel, formule in regel(UITKOMST, MEERZORGUREN, PROFIELBEDRAG, UURBUDGET, "mzp_max", f"N({fm.TARIEF})").items():
        zet(cel, formule)
    # the old provider and zorgkantoor: the Voorblad
    for r, naam in zip(range(12, 17), ("mz_zorgaanbieder", "mz_plaats", "mz_coordinator", "mz_telefoon", "mz_email")):
        zet(f"C{r}", f'=IF(TRIM({totaal.invoer(naam)})="","",{totaal.invoer(naam)})')
    zk = ("mz_zorgkantoor", "mz_zorgkantoor_regio", "mz_zorgkantoor_contactpersoon", "mz_zorgkantoor_telefoon", "mz_zorgkantoor_email")
    for r, naam in zip(range(12, 17), zk):
        zet(f"G{r}", f'=IF(TRIM({totaal.invoer(naam)})="","",{totaal.invoer(naam)})')
    # the client
    zet("C30", f'=IF({NR}=0,"",{_per_client("G")})')
    zet("C32", f'=IF({NR}=0,"",{_per_client("I")})')
    zet("C34", f'=IF({NR}=0,"",{_per_client("J")})')
    zet(STATUS, (
        f'=IF(TRIM($C$28)="","Vul het BSN in van de cliënt die verhuist (een BSN van het blad Clientgegevens).",'
        f'IF({NR}=0,"Er staat geen cliënt met BSN "&TRIM($C$28)&" op het blad Clientgegevens (rij 7 tot en met {6 + n}).",'
        f'IF({TELT}=0,"De cliënt met dit BSN (Clientgegevens rij "&(6+{NR})&") telt bij deze aanvraag niet mee; bij een individuele aanvraag telt alleen rij 7.",'
        f'IF({totaal.FOUT},"Het formulier bevat nog een fout (zie het Voorblad); er worden geen bedragen berekend.",'
        f'IF({ETMAAL_100}="","Deze cliënt heeft geen meerzorgbudget ("&{UITKOMST}&"); er is niets over te dragen.","")))))'
    ))  # fmt: skip
    zet("C40", f'=IF({TOON}=0,"",{UITKOMST})')
    zet("C42", f"={NA_MAXIMUM}")
    zet("C43", f'=IF({BUDGET}="","",{MEERZORGUREN})')
    zet("C44", f"={ETMAAL_100}")
    zet("G40", f'=IF({TOON}=0,"",N({fm.TARIEF}))')
    zet("G42", f"={JAARBEDRAG}")
    zet("G44", f"={ETMAALBEDRAG}")
    zet("E45", f'=IF({GEMAXIMEERD}=1,"Het maximum etmaalbedrag is toegepast.","")')
    return f


TEKST = [
    (46, "Door ondertekening van dit formulier verklaren alle partijen:", False),
    (47, "     - dat de bovengenoemde cliënt op de vermelde datum is verhuisd naar de nieuwe zorgaanbieder of locatie;", False),
    (48, "     - dat de nieuwe zorgaanbieder het zorgplan van de oude zorgaanbieder volledig heeft overgenomen.", False),
    (49, "Is dat niet zo, dan kan dit formulier niet worden gebruikt en doet de nieuwe zorgaanbieder een nieuwe aanvraag meerzorg.", False),
    (51, "Let op:", True),
    (52, "Een toeslag gaat alleen naar de nieuwe zorgaanbieder over als het bedrag nog in de rekenstaat van de oude zorgaanbieder staat.", False),
    (53, "Is dat niet meer zo, dan doet de nieuwe zorgaanbieder een nieuwe aanvraag meerzorg. De bedragen zijn zonder contextgebonden middelen.", False),
]
UITVOER_CELLEN = {
    "C12": None, "C13": None, "C14": None, "C15": None, "C16": None, "G12": None, "G13": None, "G14": None, "G15": None,
    "G16": None, "C30": None, "C32": "datum", "C34": None, "C40": None, "C42": "euro", "C43": "duur", "C44": "euro",
    "G40": "pct", "G42": "euro", "G44": "euro",
}  # fmt: skip


def voeg_toe(wb, p: Parameters, variant: str) -> None:
    """Labels, header bars (``stijl``), widths, formats and print layout. Runs after the
    builder wrote the formulas and styled and validated the inputs (``layout.INVOER``)."""
    del variant
    from .bouw import FMT_DATUM, FMT_DUUR, FMT_EURO, FMT_PCT

    ws = wb[BLAD]
    ws.sheet_view.showGridLines = False
    for col, w in zip("ABCDEFGH", (2.9, 50.9, 44.4, 4.1, 13.4, 19.9, 44.4, 2.9)):
        ws.column_dimensions[col].width = w
    for col in HULP_KOLOMMEN:
        ws.column_dimensions[col].hidden = True

    def tekst(cel: str, waarde: str | None, font=stijl.GEWOON) -> None:
        if waarde is not None:
            ws[cel] = waarde
        ws[cel].font = font

    ws.merge_cells("B2:F2")
    stijl.titel(ws["B2"], f"Verhuisformulier meerzorg {p.jaar}")
    ws.row_dimensions[2].height = 33.6
    stijl.kopbalk(ws, "B4:G4", "Registratienummers NZa en AGB-codes van de oude en de nieuwe zorgaanbieder")
    tekst("D5", "cat.")
    tekst("E5", "nr.")
    tekst("G5", "AGB-code (uitvoerder)")
    for r, wie in ((6, "oude"), (8, "nieuwe")):
        tekst(f"B{r}", f"Registratienummer NZa {wie} zorgaanbieder")
        ws[f"D{r}"] = 300
        ws[f"D{r}"].font = stijl.GEWOON
        ws[f"D{r}"].alignment = Alignment(horizontal="center")
        tekst(f"F{r}", "AGB-code")
    for bereik, kop in (("B10:C10", "Gegevens OUDE zorgaanbieder (van het Voorblad)"), ("E10:G10", "Gegevens OUD zorgkantoor (van het Voorblad)"),
                        ("B18:C18", "Gegevens NIEUWE zorgaanbieder"), ("E18:G18", "Gegevens NIEUW zorgkantoor"), ("B26:C26", "Cliëntgegevens")):  # fmt: skip
        stijl.kopbalk(ws, bereik, kop)
    for r0 in (12, 20):
        for r, t in zip(range(r0, r0 + 5), ("Naam", "Plaats", "Coördinator meerzorg", "Telefoon", "E-mail")):
            tekst(f"B{r}", t)
        for r, t in zip(range(r0, r0 + 5), ("Rechtspersoon", "Zorgkantoor", "Contactpersoon", "Telefoon", "E-mail")):
            tekst(f"F{r}", t)
    for r, t in ((28, "BSN"), (30, "Naam"), (32, "Geboortedatum"), (34, "Zorgprofiel"), (36, "Hoogte toeslag (volgens de beschikking)"),
                 (38, "Verhuisdatum"), (40, "Afgegeven meerzorgprofiel (uitkomst)"),
                 (42, "100% meerzorgbudget per jaar (excl. contextgebonden middelen)"), (43, "Meerzorguren per week"),
                 (44, "100% bedrag per etmaal (excl. contextgebonden middelen)")):  # fmt: skip
        tekst(f"B{r}", t)
    for r, t in ((40, "Afgesproken tariefpercentage (Voorblad)"), (42, "Meerzorgbudget per jaar tegen het tariefpercentage"),
                 (44, "Bedrag per etmaal tegen het tariefpercentage")):  # fmt: skip
        ws.merge_cells(f"E{r}:F{r}")
        tekst(f"E{r}", t)
        ws[f"E{r}"].alignment = Alignment(wrap_text=True, vertical="center")
    for r in (40, 42, 44):
        ws.row_dimensions[r].height = 30
        ws[f"B{r}"].alignment = Alignment(wrap_text=True, vertical="center")
    # messages (formula cells): style only
    ws.merge_cells(f"{STATUS}:G28")
    tekst(STATUS, None, Font(name=stijl.FONT, size=11, color="FFC00000"))
    ws[STATUS].alignment = Alignment(wrap_text=True, vertical="center")
    ws.row_dimensions[28].height = 30
    ws["C28"].alignment = Alignment(horizontal="left", vertical="center")
    ws.merge_cells("E45:G45")
    tekst("E45", None, stijl.KLEIN)
    formaat = {"datum": FMT_DATUM, "euro": FMT_EURO, "duur": FMT_DUUR + ":ss", "pct": FMT_PCT}
    for cel, soort in UITVOER_CELLEN.items():
        c = ws[cel]
        stijl.uitvoer(c)
        c.alignment = Alignment(horizontal="left", vertical="center")
        if soort:
            c.number_format = formaat[soort]
    for r, t, vet in TEKST:
        tekst(f"B{r}", t, Font(name=stijl.FONT, size=10, bold=vet))
    for r, links, rechts in ((54, "oude zorgaanbieder", "nieuwe zorgaanbieder"), (60, "oud zorgkantoor", "nieuw zorgkantoor")):
        tekst(f"B{r}", f"Handtekening, naam en datum {links}", Font(name=stijl.FONT, size=10))
        tekst(f"F{r}", f"Handtekening, naam en datum {rechts}", Font(name=stijl.FONT, size=10))
    for cel, bereik in HANDTEKENINGEN.items():
        ws.merge_cells(bereik)
        for row in ws[bereik]:
            for c in row:
                c.border = stijl.RAND
        ws[cel].protection = Protection(locked=False)
        ws[cel].alignment = Alignment(vertical="top", wrap_text=True)
    for naam, cel in NAMEN.items():
        col = cel.rstrip("0123456789")
        wb.defined_names[naam] = DefinedName(naam, attr_text=f"'{BLAD}'!${col}${cel[len(col):]}")
    ws.print_area = PRINT
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1
    ws.sheet_properties.pageSetUpPr.fitToPage = True
