"""Cell map of the official ZN *aanvraagformulier meerzorg* rekentool (2025.01, 2026.01).

Both versions share one layout for everything the calculation needs; they differ in
Clientgegevens helper columns and the signature block. ``lees_officieel`` turns the cells
of a filled official form (through any cell getter) into the engine's form fields, and
``UITVOER`` names the cells that show the official results.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from xl_meerzorg.formulier import ClientVelden, Veld, aanvraag_uit_velden
from xl_meerzorg.model import Aanvraag

VOORBLAD = "Voorblad"
CLIENTGEGEVENS = "Clientgegevens"
AANVRAAG_IND = "Aanvraag individueel"
OVERZICHT_IND = "Overzicht individueel "  # sic: the official sheet name ends with a space
GROEP = "Aanvraag-overzicht groep"
DATA = "Data en informatie"

SHEETS = (
    "Handleiding", VOORBLAD, CLIENTGEGEVENS, AANVRAAG_IND, OVERZICHT_IND, GROEP,
    "Verhuisformulier", DATA, "Totaal overzicht meerzorg", "Versiebeheer",
)  # fmt: skip

CLIENT_RIJEN = range(7, 24)  # Clientgegevens rows 7..23 (17 clients)
GROEP_RIJ_OFFSET = 12  # Clientgegevens row 7 <-> Aanvraag-overzicht groep row 19
DAG_RIJEN = range(16, 75)  # day programme rows 16..74

# Voorblad inputs
VOORBLAD_VELDEN = {
    "nza_nummer": "E4",
    "agb_code": "E6",
    "zorgaanbieder": "C10",
    "plaats": "C11",
    "coordinator": "C12",
    "telefoon": "C13",
    "email": "C14",
    "tariefpercentage": "C17",
    "sector": "G17",
    "nieuw_her": "C20",
    "type": "C23",
    "locatie": "C24",
    "maanden": "G41",
    "nza_categorie": "D4",
}
# The signature block moved one row down in 2026 (the declaration got a fifth point).
ONDERTEKENING = {2025: {"ondertekenaar": "C39", "datum_ondertekening": "C40"}}
ONDERTEKENING_VANAF_2026 = {"ondertekenaar": "C40", "datum_ondertekening": "C41"}


def ondertekening_cellen(jaar: int) -> dict[str, str]:
    return ONDERTEKENING.get(jaar, ONDERTEKENING_VANAF_2026)

VERSIE_CEL = "G6"
TITEL_CEL = "B1"

# Clientgegevens columns
CLIENT_KOLOMMEN = {
    "naam": "D",
    "geboortedatum": "F",
    "bsn": "H",
    "zorgprofiel": "J",
    "dagbesteding": "L",
    "behandeling": "N",
    "prestatiecode": "P",  # formula
    "opname": "R",
    "ingang": "T",
    "cce": "V",
    "lvhc": "X",  # 2026 on
    "doelgroep": "Z",  # 2026 on
}
LVHC_VANAF = 2026

# Aanvraag individueel
IND_NACHTZORG = "I5"
IND_BEHANDELAREN = "I6"
IND_MIN_UREN = "I7"
IND_CONTEXT_UREN = "I8"
IND_CONTEXT_EUROS = ("V5", "V6")
DAG_MA_VR = ("D", "H", "J")  # tot, functie, 1 begeleider op ...
DAG_ZA_ZO = ("P", "T", "V")

# Aanvraag-overzicht groep
GROEP_KOLOMMEN = {"wonen": "D", "dagbesteding_uren": "E", "nachtzorg": "F", "behandelaren": "H", "min_uren": "J"}
GROEP_CONTEXT_UREN = "C8"
GROEP_CONTEXT_EUROS = ("C11", "C12")


@dataclass(frozen=True)
class Uitvoer:
    """Where the official form shows its results."""

    # individual (Overzicht individueel)
    meerzorguren: str = "E38"
    label: str = "C39"
    jaarbedrag_profiel: str = "E39"  # number, or the text "Maatwerk"
    jaarbedrag_maatwerk: str = "E40"
    etmaalbedrag: str = "E41"
    # Voorblad totals
    totaal_jaarbedrag: str = "G37"
    totaal_etmaalbedrag: str = "G39"
    # group columns (rows 19..35)
    groep_meerzorguren: str = "O"
    groep_label: str = "P"
    groep_jaarbedrag_profiel: str = "Q"
    groep_jaarbedrag_maatwerk: str = "S"
    groep_etmaalbedrag: str = "V"


UITVOER = Uitvoer()

Getter = Callable[[str, str], object]

# Logical sheet -> sheet name. This project's own form keeps the official cell positions
# (providers fill the fields they know) and names its sheets as in EIGEN_BLADEN: the official
# names, except "Overzicht individueel" without the official trailing space (docs/werkboek.md).
OFFICIELE_BLADEN = {
    "voorblad": VOORBLAD,
    "clientgegevens": CLIENTGEGEVENS,
    "aanvraag_individueel": AANVRAAG_IND,
    "overzicht_individueel": OVERZICHT_IND,
    "groep": GROEP,
}
EIGEN_BLADEN = {
    "voorblad": "Voorblad",
    "clientgegevens": "Clientgegevens",
    "aanvraag_individueel": "Aanvraag individueel",
    "overzicht_individueel": "Overzicht individueel",
    "groep": "Aanvraag-overzicht groep",
}


def _v(get: Getter, sheet: str, ref: str) -> Veld:
    return Veld(get(sheet, ref), f"{sheet.strip()}!{ref}")


def jaar_uit_versie(versie: object) -> int | None:
    """2026 from "Versie 2026.01"."""
    if not isinstance(versie, str):
        return None
    import re

    m = re.search(r"(20\d\d)\.\d+", versie)
    return int(m.group(1)) if m else None


def client_rij_gevuld(get: Getter, rij: int, clientgegevens: str = CLIENTGEGEVENS) -> bool:
    return any(get(clientgegevens, f"{col}{rij}") not in (None, "") for col in ("D", "F", "H", "J", "L", "N", "R", "T"))


def lees_officieel(get: Getter, jaar: int, bladen: dict[str, str] | None = None) -> tuple[Aanvraag, list[int]]:
    """The engine Aanvraag of an official form (or of this project's form, with
    ``bladen=EIGEN_BLADEN``) and the Clientgegevens rows it used.

    Individual/preventief: client row 7 with the day programme of *Aanvraag individueel*.
    Group: every filled Clientgegevens row with its hours on *Aanvraag-overzicht groep*.
    """
    b = bladen or OFFICIELE_BLADEN
    VOORBLAD, CLIENTGEGEVENS, AANVRAAG_IND, GROEP = b["voorblad"], b["clientgegevens"], b["aanvraag_individueel"], b["groep"]
    type_ = _v(get, VOORBLAD, VOORBLAD_VELDEN["type"])
    groep = isinstance(type_.waarde, str) and "groep" in type_.waarde.lower()
    maanden = _v(get, VOORBLAD, VOORBLAD_VELDEN["maanden"])
    rijen = [r for r in CLIENT_RIJEN if client_rij_gevuld(get, r, CLIENTGEGEVENS)] if groep else [7]
    # The LVHC columns (2026 on), recognised by their header "Zo ja, welke doelgroep ..."
    heeft_lvhc = jaar >= LVHC_VANAF and "doelgroep" in str(get(CLIENTGEGEVENS, "Z6") or "").lower()
    clienten = []
    for rij in rijen:
        cv = ClientVelden(
            naam=_v(get, CLIENTGEGEVENS, f"D{rij}"),
            geboortedatum=_v(get, CLIENTGEGEVENS, f"F{rij}"),
            bsn=_v(get, CLIENTGEGEVENS, f"H{rij}"),
            zorgprofiel=_v(get, CLIENTGEGEVENS, f"J{rij}"),
            dagbesteding=_v(get, CLIENTGEGEVENS, f"L{rij}"),
            behandeling=_v(get, CLIENTGEGEVENS, f"N{rij}"),
            opname=_v(get, CLIENTGEGEVENS, f"R{rij}"),
            ingang=_v(get, CLIENTGEGEVENS, f"T{rij}"),
            maanden=maanden,
            cce=_v(get, CLIENTGEGEVENS, f"V{rij}"),
        )
        if heeft_lvhc:
            cv.lvhc = _v(get, CLIENTGEGEVENS, f"X{rij}")
            cv.doelgroep = _v(get, CLIENTGEGEVENS, f"Z{rij}")
        if groep:
            g = rij + GROEP_RIJ_OFFSET
            for key, col in GROEP_KOLOMMEN.items():
                setattr(cv, key, _v(get, GROEP, f"{col}{g}"))
        else:
            cv.ma_vr = tuple([_v(get, AANVRAAG_IND, f"{c}{r}") for r in DAG_RIJEN] for c in DAG_MA_VR)  # type: ignore[assignment]
            cv.za_zo = tuple([_v(get, AANVRAAG_IND, f"{c}{r}") for r in DAG_RIJEN] for c in DAG_ZA_ZO)  # type: ignore[assignment]
            cv.nachtzorg = _v(get, AANVRAAG_IND, IND_NACHTZORG)
            cv.behandelaren = _v(get, AANVRAAG_IND, IND_BEHANDELAREN)
            cv.min_uren = _v(get, AANVRAAG_IND, IND_MIN_UREN)
            cv.context_uren_jaar = _v(get, AANVRAAG_IND, IND_CONTEXT_UREN)
            cv.context_euros = [_v(get, AANVRAAG_IND, ref) for ref in IND_CONTEXT_EUROS]
        clienten.append(cv)
    aanvraag = aanvraag_uit_velden(
        jaar,
        type_,
        _v(get, VOORBLAD, VOORBLAD_VELDEN["tariefpercentage"]),
        clienten,
        _v(get, GROEP, GROEP_CONTEXT_UREN) if groep else None,
        [_v(get, GROEP, ref) for ref in GROEP_CONTEXT_EUROS] if groep else (),
        nieuw_her=_v(get, VOORBLAD, VOORBLAD_VELDEN["nieuw_her"]),
        sector=_v(get, VOORBLAD, VOORBLAD_VELDEN["sector"]),
        nza_categorie=_v(get, VOORBLAD, VOORBLAD_VELDEN["nza_categorie"]),
        nza_nummer=_v(get, VOORBLAD, VOORBLAD_VELDEN["nza_nummer"]),
        agb_code=_v(get, VOORBLAD, VOORBLAD_VELDEN["agb_code"]),
        **{key: _v(get, VOORBLAD, ref) for key, ref in ondertekening_cellen(jaar).items()},
    )
    return aanvraag, rijen
