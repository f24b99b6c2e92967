"""Input and output of a calculation. Durations are Excel day fractions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

INDIVIDUEEL = "individueel"
PREVENTIEF = "preventief"
GROEP = "groep"
SOORTEN = (INDIVIDUEEL, PREVENTIEF, GROEP)

FOUT = "fout"
WAARSCHUWING = "waarschuwing"

VALT_BINNEN = "Valt binnen het reguliere zorgzwaartepakket"


@dataclass(frozen=True, slots=True)
class Melding:
    """A validation message: niveau ("fout"/"waarschuwing"), the field, Dutch text."""

    niveau: str
    veld: str
    tekst: str

    def als_dict(self) -> dict[str, str]:
        return {"niveau": self.niveau, "veld": self.veld, "tekst": self.tekst}


def toon(value: object, lengte: int = 40) -> str:
    """``repr(value)`` for a message, shortened to ``lengte`` characters."""
    try:
        text = repr(value)
    except ValueError:  # an int with more digits than Python converts
        text = "<te lang getal>"
    return text if len(text) <= lengte else text[: lengte - 1] + "…"


@dataclass(slots=True)
class Slot:
    """One row of the day programme: from, to (clock, days), functie, 1 begeleider op ... cliënt(en)."""

    van: float | None
    tot: float | None
    functie: str | None
    begeleider_op: float | None


@dataclass(slots=True)
class Dagprogramma:
    ma_vr: list[Slot] = field(default_factory=list)
    za_zo: list[Slot] = field(default_factory=list)


@dataclass(slots=True)
class Client:
    zorgprofiel: str | None = None
    dagbesteding: bool | None = None
    behandeling: bool | None = None
    dagprogramma: Dagprogramma | None = None
    wonen: float = 0.0
    dagbesteding_uren: float = 0.0
    nachtzorg: float = 0.0
    behandelaren: float = 0.0
    min_uren: float = 0.0
    context_uren_jaar: float = 0.0
    context_euros: tuple[float, ...] = ()
    naam: str | None = None
    bsn: str | None = None
    geboortedatum: dt.date | None = None
    opname: dt.date | None = None
    ingang: dt.date | None = None
    maanden: int | None = None


@dataclass(slots=True)
class Aanvraag:
    jaar: int
    soort: str
    tariefpercentage: float | None
    clienten: list[Client]
    groep_context_uren_jaar: float = 0.0
    groep_context_euros: tuple[float, ...] = ()
    # Meldingen found while reading the input (text in number fields, ...).
    invoer_meldingen: list[Melding] = field(default_factory=list)
    # Engine paths ("clienten[0].dagbesteding") of values that could not be read; the
    # reading message already names them, so validation does not report them again.
    onleesbaar: frozenset[str] = frozenset()


@dataclass(slots=True)
class ClientResultaat:
    zorgprofiel: str | None
    prestatiecode: str | None
    wonen: float | None = None  # all durations in days per week
    dagbesteding: float | None = None
    nachtzorg: float | None = None
    behandeling: float | None = None
    min_uren: float | None = None
    indirecte_uren: float | None = None
    context_uren: float | None = None
    totaal_uren: float | None = None
    zzp_uren: float | None = None
    meerzorguren: float | None = None
    uitkomst: str | None = None
    uitkomst_label: str | None = None  # the official band label
    budget_100: float | None = None  # profile amount or maatwerk budget (100%)
    context_euros: float | None = None
    context_drempel: float | None = None
    context_boven_drempel: float | None = None
    context_binnen_profiel: str | None = None
    etmaal_100: float | None = None
    budget_na_maximum: float | None = None
    gemaximeerd: bool | None = None
    jaarbedrag: float | None = None
    etmaalbedrag: float | None = None


@dataclass(slots=True)
class Resultaat:
    jaar: int
    soort: str
    clienten: list[ClientResultaat]
    totaal_jaarbedrag: float | None
    totaal_etmaalbedrag: float | None
    meldingen: list[Melding]
    # Group level (None for an individual request)
    groep_context_drempel: float | None = None
    groep_context_boven_drempel: float | None = None
    groep_context_binnen_profiel: str | None = None
    groep_totaal_budget_100: float | None = None
    aantal_met_budget: int | None = None

    @property
    def heeft_fout(self) -> bool:
        return any(m.niveau == FOUT for m in self.meldingen)
