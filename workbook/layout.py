"""The one layout definition of this project's yearly form (both variants).

Every input and output keeps the cell position of the official ZN form (see
``xl_meerzorg.workbook.officieel``) so providers find their fields and ``lees_officieel(get, jaar,
bladen=EIGEN_BLADEN)`` reads this form. Helper cells (the calculation in steps, checks)
live in columns right of the official ones.
"""

from __future__ import annotations

from dataclasses import dataclass

from openpyxl.utils import column_index_from_string, get_column_letter

from .officieel import CLIENT_RIJEN, DAG_RIJEN, EIGEN_BLADEN, GROEP_RIJ_OFFSET

HANDLEIDING = "Handleiding"
VOORBLAD = EIGEN_BLADEN["voorblad"]
CLIENTGEGEVENS = EIGEN_BLADEN["clientgegevens"]
AANVRAAG_IND = EIGEN_BLADEN["aanvraag_individueel"]
OVERZICHT_IND = EIGEN_BLADEN["overzicht_individueel"]
GROEP = EIGEN_BLADEN["groep"]
VERHUISFORMULIER = "Verhuisformulier"
TOTAAL_OVERZICHT = "Totaal overzicht meerzorg"
VRAGENLIJST = "Vragenlijst"
PARAMETERS = "Parameters"
PARAMETEROVERZICHT = "Parameteroverzicht"
VERSIEBEHEER = "Versiebeheer"
VERHUIS = VERHUISFORMULIER  # workbook/verhuis.py
TOTAAL = TOTAAL_OVERZICHT  # workbook/totaal.py

# The official sheet order (its hidden "Data en informatie" is our Parameters), then our additions
BLADEN = (
    HANDLEIDING, VOORBLAD, CLIENTGEGEVENS, AANVRAAG_IND, OVERZICHT_IND, GROEP,
    VERHUISFORMULIER, TOTAAL_OVERZICHT, VERSIEBEHEER, VRAGENLIJST, PARAMETEROVERZICHT, PARAMETERS,
)  # fmt: skip

AANBIEDER = "aanbieder"
ZORGKANTOOR_UDF = "zorgkantoor-udf"
VARIANTEN = (AANBIEDER, ZORGKANTOOR_UDF)

TYPE_PREVENTIEF = "Preventieve Meerzorg"
TYPE_INDIVIDUEEL = "Enkelvoudige aanvraag (individueel)"
TYPE_GROEP = "Meervoudige aanvraag (groepsmeerzorg)"
TYPES = (TYPE_PREVENTIEF, TYPE_INDIVIDUEEL, TYPE_GROEP)
SECTOREN = ("GHZ", "VVT", "GGZ")  # as in the official list (Data en informatie Z26:Z28)
NIEUW_HER = ("Nieuwe aanvraag", "Heraanvraag")

# Kinds of input (number format + data validation)
TEKST = "tekst"
TARIEF = "tarief"
KEUZE = "keuze"  # list validation, options given
DATUM = "datum"
MAANDEN = "maanden"
DUUR = "duur"  # [h]:mm duration >= 0
TIJDSTIP = "tijdstip"  # 07:00..23:00, quarter hours (list)
RATIO = "ratio"  # 1 begeleider op ... (list)
EURO = "euro"
ZORGPROFIEL = "zorgprofiel"
JA_NEE = "ja_nee"
FUNCTIE = "functie"
DOELGROEP = "doelgroep"  # list of the year (Parameters: mzp_doelgroepen)


@dataclass(frozen=True)
class Invoer:
    blad: str
    cel: str
    naam: str  # defined name
    soort: str
    label: str
    opties: tuple[str, ...] = ()


def ondertekening(jaar: int) -> tuple[str, str, str]:
    """(name cell, date cell, signature box) of the signer on the Voorblad: one row higher in 2025."""
    return ("C39", "C40", "B34:E37") if jaar <= 2025 else ("C40", "C41", "B35:E38")


def heeft_lvhc(jaar: int) -> bool:
    """2026 added "Is LVHC van toepassing?" (Clientgegevens X) and the doelgroep (Z)."""
    return jaar >= 2026


def _invoer(jaar: int) -> list[Invoer]:
    naam_cel, datum_cel, _box = ondertekening(jaar)
    v = [
        Invoer(VOORBLAD, "E4", "mz_nza_nummer", TEKST, "Registratienummer NZa (nr.)"),
        Invoer(VOORBLAD, "E6", "mz_agb_code", TEKST, "AGB-code"),
        # C10 and G10:G11 show the names looked up from the NZa number; the provider may overwrite them
        Invoer(VOORBLAD, "C10", "mz_zorgaanbieder", TEKST, "Naam"),
        Invoer(VOORBLAD, "C11", "mz_plaats", TEKST, "Plaats"),
        Invoer(VOORBLAD, "C12", "mz_coordinator", TEKST, "Coördinator meerzorg"),
        Invoer(VOORBLAD, "C13", "mz_telefoon", TEKST, "Telefoon"),
        Invoer(VOORBLAD, "C14", "mz_email", TEKST, "E-mail"),
        Invoer(VOORBLAD, "G10", "mz_zorgkantoor", TEKST, "Naam zorgkantoor"),
        Invoer(VOORBLAD, "G11", "mz_zorgkantoor_regio", TEKST, "Zorgkantoorregio"),
        Invoer(VOORBLAD, "G12", "mz_zorgkantoor_contactpersoon", TEKST, "Contactpersoon"),
        Invoer(VOORBLAD, "G13", "mz_zorgkantoor_telefoon", TEKST, "Telefoon"),
        Invoer(VOORBLAD, "G14", "mz_zorgkantoor_email", TEKST, "E-mail"),
        Invoer(VOORBLAD, "C17", "mz_tariefpercentage", TARIEF, "Afgesproken tariefpercentage zorgkantoor"),
        Invoer(VOORBLAD, "G17", "mz_sector", KEUZE, "Sector", SECTOREN),
        Invoer(VOORBLAD, "C20", "mz_nieuw_her", KEUZE, "Nieuwe aanvraag of heraanvraag", NIEUW_HER),
        Invoer(VOORBLAD, "C23", "mz_type", KEUZE, "Type aanvraag", TYPES),
        Invoer(VOORBLAD, "C24", "mz_locatie", TEKST, "Locatie / groep"),
        Invoer(VOORBLAD, "C28", "mz_groep_aantal", TEKST, "Totaal aantal cliënten in de groep"),
        Invoer(VOORBLAD, "G41", "mz_maanden", MAANDEN, "Aangevraagde periode in maanden"),
        Invoer(VOORBLAD, naam_cel, "mz_ondertekening_naam", TEKST, "Naam"),
        Invoer(VOORBLAD, datum_cel, "mz_ondertekening_datum", DATUM, "Datum"),
    ]
    kolommen = [
        ("D", "naam", TEKST, "Naam cliënt"),
        ("F", "geboortedatum", DATUM, "Geboortedatum"),
        ("H", "bsn", TEKST, "BSN"),
        ("J", "zorgprofiel", ZORGPROFIEL, "Zorgprofiel (ZZP)"),
        ("L", "dagbesteding", JA_NEE, "Dagbesteding van toepassing"),
        ("N", "behandeling", JA_NEE, "Behandeling van toepassing"),
        ("R", "opname", DATUM, "Datum opname"),
        ("T", "ingang", DATUM, "Beoogde ingangsdatum meerzorg"),
        ("V", "cce", JA_NEE, "CCE betrokken"),
    ]
    if heeft_lvhc(jaar):
        kolommen += [("X", "lvhc", JA_NEE, "Is LVHC van toepassing?"), ("Z", "doelgroep", DOELGROEP, "Zo ja, welke doelgroep")]
    for i, rij in enumerate(CLIENT_RIJEN, start=1):
        for col, key, soort, label in kolommen:
            v.append(Invoer(CLIENTGEGEVENS, f"{col}{rij}", f"mz_c{i:02d}_{key}", soort, f"Cliënt {i}: {label}"))
    for dag, (tot, functie, ratio) in (("mavr", ("D", "H", "J")), ("zazo", ("P", "T", "V"))):
        for i, rij in enumerate(DAG_RIJEN, start=1):
            v.append(Invoer(AANVRAAG_IND, f"{tot}{rij}", f"mz_{dag}_{i:02d}_tot", TIJDSTIP, f"Dagprogramma {dag} regel {i}: tijd tot"))
            v.append(Invoer(AANVRAAG_IND, f"{functie}{rij}", f"mz_{dag}_{i:02d}_functie", FUNCTIE, f"Dagprogramma {dag} regel {i}: functie"))
            v.append(Invoer(AANVRAAG_IND, f"{ratio}{rij}", f"mz_{dag}_{i:02d}_ratio", RATIO, f"Dagprogramma {dag} regel {i}: 1 begeleider op … cliënt(en)"))
    v += [
        Invoer(AANVRAAG_IND, "I5", "mz_ind_nachtzorg", DUUR, "Nachtzorg (uren per week)"),
        Invoer(AANVRAAG_IND, "I6", "mz_ind_behandelaren", DUUR, "Inzet behandelaren (uren per week)"),
        Invoer(AANVRAAG_IND, "I7", "mz_ind_min_uren", DUUR, "Min-uren (uren per week)"),
        Invoer(AANVRAAG_IND, "I8", "mz_ind_context_uren", DUUR, "Contextgebonden uren per jaar"),
        Invoer(AANVRAAG_IND, "N5", "mz_ind_context_onderwerp_1", TEKST, "Contextgebonden middelen a: onderwerp"),
        Invoer(AANVRAAG_IND, "N6", "mz_ind_context_onderwerp_2", TEKST, "Contextgebonden middelen b: onderwerp"),
        Invoer(AANVRAAG_IND, "V5", "mz_ind_context_euro_1", EURO, "Contextgebonden middelen 1 (euro per jaar)"),
        Invoer(AANVRAAG_IND, "V6", "mz_ind_context_euro_2", EURO, "Contextgebonden middelen 2 (euro per jaar)"),
        Invoer(GROEP, "C8", "mz_groep_context_uren", DUUR, "Contextgebonden uren groep per jaar"),
        Invoer(GROEP, "B11", "mz_groep_context_onderwerp_1", TEKST, "Contextgebonden middelen groep a: onderwerp"),
        Invoer(GROEP, "B12", "mz_groep_context_onderwerp_2", TEKST, "Contextgebonden middelen groep b: onderwerp"),
        Invoer(GROEP, "C11", "mz_groep_context_euro_1", EURO, "Contextgebonden middelen groep 1"),
        Invoer(GROEP, "C12", "mz_groep_context_euro_2", EURO, "Contextgebonden middelen groep 2"),
    ]
    for i, rij in enumerate(CLIENT_RIJEN, start=1):
        g = rij + GROEP_RIJ_OFFSET
        for col, key, label in (("D", "wonen", "Wonen"), ("E", "dagbesteding_uren", "Dagbesteding"), ("F", "nachtzorg", "Nachtzorg"),
                                ("H", "behandelaren", "Inzet behandelaren"), ("J", "min_uren", "Min-uren")):  # fmt: skip
            v.append(Invoer(GROEP, f"{col}{g}", f"mz_g{i:02d}_{key}", DUUR, f"Groep cliënt {i}: {label} (uren per week)"))
    return v + _verhuis_invoer()


def _verhuis_invoer() -> list[Invoer]:
    """Inputs of the Verhuisformulier at the official addresses (2025.01, 2026.01); the AGB
    codes (F6:G8) and the new zorgkantoor's name and region (G20:G21, official: a lookup) are
    this form's; the signature boxes are no inputs (``verhuis.HANDTEKENINGEN``). The old provider and zorgkantoor come from the Voorblad."""
    w = [
        ("E6", "nza_oud", TEKST, "Registratienummer NZa oude zorgaanbieder"),
        ("E8", "nza_nieuw", TEKST, "Registratienummer NZa nieuwe zorgaanbieder"),
        ("G6", "agb_oud", TEKST, "AGB-code (uitvoerder) oude locatie"),
        ("G8", "agb_nieuw", TEKST, "AGB-code (uitvoerder) nieuwe locatie"),
        ("C20", "nieuw_naam", TEKST, "Naam nieuwe zorgaanbieder"),
        ("C21", "nieuw_plaats", TEKST, "Plaats nieuwe zorgaanbieder"),
        ("C22", "nieuw_coordinator", TEKST, "Coördinator meerzorg nieuwe zorgaanbieder"),
        ("C23", "nieuw_telefoon", TEKST, "Telefoon nieuwe zorgaanbieder"),
        ("C24", "nieuw_email", TEKST, "E-mail nieuwe zorgaanbieder"),
        ("G20", "nieuw_zorgkantoor", TEKST, "Rechtspersoon nieuw zorgkantoor"),
        ("G21", "nieuw_zorgkantoor_regio", TEKST, "Nieuw zorgkantoor (regio)"),
        ("G22", "nieuw_zorgkantoor_contactpersoon", TEKST, "Contactpersoon nieuw zorgkantoor"),
        ("G23", "nieuw_zorgkantoor_telefoon", TEKST, "Telefoon nieuw zorgkantoor"),
        ("G24", "nieuw_zorgkantoor_email", TEKST, "E-mail nieuw zorgkantoor"),
        ("C28", "bsn", TEKST, "BSN van de cliënt die verhuist"),
        ("C36", "toeslag", EURO, "Hoogte toeslag (volgens de beschikking)"),
        ("C38", "datum", DATUM, "Verhuisdatum"),
    ]  # the four signature boxes (B55, F55, B61, F61) are unlocked, empty and white: verhuis.HANDTEKENINGEN
    return [Invoer(VERHUIS, cel, f"mz_verhuis_{key}", soort, label) for cel, key, soort, label in w]


def invoer(jaar: int) -> tuple[Invoer, ...]:
    """Every input cell of the form of ``jaar``, at the official address of that year."""
    return _INVOER.setdefault(jaar, tuple(_invoer(jaar)))


_INVOER: dict[int, tuple[Invoer, ...]] = {}


INVOER: tuple[Invoer, ...] = invoer(2026)  # the latest year's (use invoer(jaar))

# Outputs (defined name -> (sheet, cell))
UITVOER: dict[str, tuple[str, str]] = {
    "mz_ind_zzp_uren": (OVERZICHT_IND, "E37"),
    "mz_ind_meerzorguren": (OVERZICHT_IND, "E38"),
    "mz_ind_label": (OVERZICHT_IND, "C39"),
    "mz_ind_jaarbedrag": (OVERZICHT_IND, "E39"),
    "mz_ind_maatwerk_jaarbedrag": (OVERZICHT_IND, "E40"),
    "mz_ind_etmaalbedrag": (OVERZICHT_IND, "E41"),
    "mz_ind_uitkomst": (OVERZICHT_IND, "E42"),
    "mz_totaal_jaarbedrag": (VOORBLAD, "G37"),
    "mz_totaal_etmaalbedrag": (VOORBLAD, "G39"),
    "mz_status": (VOORBLAD, "B44"),
}
for _i, _rij in enumerate(CLIENT_RIJEN, start=1):
    _g = _rij + GROEP_RIJ_OFFSET
    UITVOER[f"mz_c{_i:02d}_prestatiecode"] = (CLIENTGEGEVENS, f"P{_rij}")
    for _col, _key in (("O", "meerzorguren"), ("P", "label"), ("Q", "jaarbedrag"), ("S", "maatwerk_jaarbedrag"),
                       ("T", "uitkomst"), ("V", "etmaalbedrag")):  # fmt: skip
        UITVOER[f"mz_g{_i:02d}_{_key}"] = (GROEP, f"{_col}{_g}")



# How a hidden helper reads an input, exactly as the engine coerces it
# (xl_meerzorg.excelwaarden): the formulas are in xl_meerzorg.workbook.formules (lees_*).
LEES_DUUR = "duur"  # excel_dagen
LEES_TIJDSTIP = "tijdstip"  # excel_tijdstip
LEES_GETAL = "getal"  # excel_getal
LEES_DATUM = "datum"  # excel_datum
HULPCELLEN = {LEES_DUUR: 10, LEES_TIJDSTIP: 7, LEES_GETAL: 6, LEES_DATUM: 4}


@dataclass(frozen=True)
class Lezer:
    """Hidden helper cells (same sheet) that read one input; the value is the last cell:
    a number, "" (empty) or a text code for a value the engine rejects."""

    blad: str
    cel: str
    soort: str
    cellen: tuple[str, ...]

    @property
    def waarde(self) -> str:
        return self.cellen[-1]


def kolom_plus(kolom: str, n: int) -> str:
    return get_column_letter(column_index_from_string(kolom) + n)


def _naast_elkaar(blad: str, rij: int, start: str, invoer: list[tuple[str, str]]) -> list[Lezer]:
    """Readers of the inputs (column, kind) of one row, their helpers side by side from ``start``."""
    out = []
    for col, soort in invoer:
        n = HULPCELLEN[soort]
        out.append(Lezer(blad, f"{col}{rij}", soort, tuple(f"{kolom_plus(start, i)}{rij}" for i in range(n))))
        start = kolom_plus(start, n)
    return out


# Hidden helper columns per sheet (readers first, then checks and "Let op" messages)
CG_JA_NEE = ("AZ", "BA")  # Clientgegevens: clean text of L and N (the values are in CG_WAARDE)
CG_WAARDE = ("BB", "BC")  # Clientgegevens: dagbesteding and behandeling as read ("Ja", "Nee", "", "?")
CG_VV = "BD"  # Clientgegevens: "Let op" of VV7/VV8 with a Nee
CG_LVHC = "BE"  # Clientgegevens: "Let op" of LVHC/doelgroep
CG_LVHC_WAARDE = ("BF", "BG")  # Clientgegevens: clean text of X and its value
CG_CCE_WAARDE = ("BI", "BJ")  # Clientgegevens: clean text of V and its value
CG_LET_OP_EXTRA = ("BK", "BL", "BM", "BN", "BO")  # "Let op": CCE Nee, nachtzorg, opname in the future, ingang outside the window, VG7+ heraanvraag
CG_LET_OP = (CG_VV, CG_LVHC, *CG_LET_OP_EXTRA)  # every "Let op" of a client row
CG_CONTROLE = "BH"  # the visible column Controle (right after Z when the helpers are hidden)
AI_DAG_LET_OP = ("BH", "BI")  # Aanvraag individueel: "Let op" of a day row (pause with only a functie or a ratio)
AI_DAG_LET_OP_EERSTE = ("BJ", "BK")  # the first of them from this row down, and (BL, BM) how many
AI_DAG_LET_OP_AANTAL = ("BL", "BM")
AI_DAG_KETEN = ("BD", "BE")  # Aanvraag individueel: message of a day row without its prefix
AI_LET_OP = "BF"  # Aanvraag individueel BF5:BG8: warnings of the individual request
GR_LET_OP = "CG"  # Aanvraag-overzicht groep CG:CI: warnings per client
# hidden column ranges per sheet
VERBORGEN = {
    VOORBLAD: (("I", "Q"),),
    CLIENTGEGEVENS: (("Y", "Y"), ("AB", "BG"), ("BI", "BO")),
    AANVRAAG_IND: (("AB", "BM"),),
    GROEP: (("AA", "CI"),),
}
# The Voorblad's own status (mz_status) and the messages under it (below the official content)
STATUS_RIJ = 44
STATUS_CEL = f"B{STATUS_RIJ}"
MELDING_CELLEN = tuple(f"B{STATUS_RIJ + k}" for k in range(1, 8))  # 4 per part, then 3 "Let op"
LET_OP_CELLEN = MELDING_CELLEN[4:]


def _lezers() -> list[Lezer]:
    out = []
    for cel, rij in (("C17", 17), ("G41", 41)):  # Voorblad: the value in column L, the steps in M:Q
        hulp = tuple(f"{k}{rij}" for k in "MNOPQ") + (f"L{rij}",)
        out.append(Lezer(VOORBLAD, cel, LEES_GETAL, hulp))
    for rij in CLIENT_RIJEN:
        out += _naast_elkaar(CLIENTGEGEVENS, rij, "AL", [("F", LEES_DATUM), ("R", LEES_DATUM), ("T", LEES_DATUM)])
    for rij in (5, 6, 7, 8):
        out += _naast_elkaar(AANVRAAG_IND, rij, "AD", [("I", LEES_DUUR)])
    for rij in (5, 6):
        out += _naast_elkaar(AANVRAAG_IND, rij, "AN", [("V", LEES_GETAL)])
    for rij in DAG_RIJEN:
        out += _naast_elkaar(AANVRAAG_IND, rij, "AD", [("D", LEES_TIJDSTIP), ("J", LEES_GETAL), ("P", LEES_TIJDSTIP), ("V", LEES_GETAL)])
    out += _naast_elkaar(GROEP, 8, "AI", [("C", LEES_DUUR)])
    for rij in (11, 12):
        out += _naast_elkaar(GROEP, rij, "AI", [("C", LEES_GETAL)])
    for rij in CLIENT_RIJEN:
        out += _naast_elkaar(GROEP, rij + GROEP_RIJ_OFFSET, "AI", [(c, LEES_DUUR) for c in "DEFHJ"])
    return out


LEZERS: dict[tuple[str, str], Lezer] = {(lz.blad, lz.cel): lz for lz in _lezers()}
