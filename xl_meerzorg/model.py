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
    """A validation message: niveau ("fout"/"waarschuwing"), the field, Dutch text.

    ``veld`` is the engine path of the field ("clienten[0].nachtzorg") or, for input read
    from a form, the cell that holds it ("Aanvraag individueel!I5"). ``onvolledig`` marks
    a required field of the form that is empty: the aanvraag is then not complete.
    """

    niveau: str
    veld: str
    tekst: str
    onvolledig: bool = False

    def als_dict(self) -> dict[str, object]:
        d: dict[str, object] = {"niveau": self.niveau, "veld": self.veld, "tekst": self.tekst}
        if self.onvolledig:
            d["onvolledig"] = True
        return d


_STUURTEKENS = {i: f"\\x{i:02x}" for i in [*range(0x20), 0x7F]}


def toon_tekst(text: str) -> str:
    """Text for a message or a terminal: control characters (ANSI escapes, newlines) shown
    escaped, never executed."""
    return text.translate(_STUURTEKENS)


def getal_nl(value: float, decimalen: int | None = None) -> str:
    """A number the Dutch way: 0,95; 1.234,5 (no thousands separator below 10.000)."""
    if decimalen is None:
        text = f"{value:.10g}"
        if "e" in text:
            return text.replace(".", ",")
    else:
        text = f"{value:.{decimalen}f}"
    whole, _, frac = text.partition(".")
    neg = whole.startswith("-")
    digits = whole.lstrip("-")
    if len(digits) > 4:
        groups = []
        while digits:
            groups.insert(0, digits[-3:])
            digits = digits[:-3]
        digits = ".".join(groups)
    return ("-" if neg else "") + digits + ("," + frac if frac else "")


def procent_nl(fractie: float) -> str:
    """1.05 -> '105%', 0.955 -> '95,5%'."""
    return getal_nl(round(fractie * 100, 6)) + "%"


def toon(value: object, lengte: int = 40) -> str:
    """A value as a Dutch message shows it: text between ‘ ’ (control characters escaped),
    numbers with a decimal comma, Ja/Nee for booleans, 'leeg' for no value; at most
    ``lengte`` characters."""
    if value is None:
        text = "leeg"
    elif isinstance(value, bool):
        text = "Ja" if value else "Nee"
    elif isinstance(value, int):
        try:
            text = getal_nl(float(value)) if abs(value) < 10**15 else str(value)
        except (ValueError, OverflowError):  # an int with more digits than Python converts
            text = "<te lang getal>"
    elif isinstance(value, float):
        text = getal_nl(value)
    elif isinstance(value, str):
        text = "‘" + toon_tekst(value) + "’"
    else:
        text = toon_tekst(str(value))
    return text if len(text) <= lengte else text[: lengte - 1] + "…"


@dataclass(slots=True)
class Slot:
    """One row of the day programme: from, to (clock, days), functie, 1 begeleider op ... cliënt(en).

    A row without functie and ratio is a pause (time without care, 0 hours). ``regel`` is
    the row number shown in messages (1 = the first row of the form's day programme);
    ``cellen`` names the cells of tot, functie and ratio when the row comes from a form."""

    van: float | None
    tot: float | None
    functie: str | None
    begeleider_op: float | None
    regel: int | None = None
    cellen: tuple[str, str, str] | None = None


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
    cce: bool | None = None  # CCE involved in the last 3 years (Clientgegevens V)
    lvhc: bool | None = None  # "Is LVHC van toepassing?" (2026, Clientgegevens X)
    doelgroep: str | None = None  # LVHC doelgroep (2026, Clientgegevens Z)


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
    # Voorblad fields (optional in JSON; on a form an empty one makes the aanvraag incomplete)
    nieuw_her: str | None = None  # "Nieuwe aanvraag" / "Heraanvraag"
    sector: str | None = None  # GHZ / VVT / GGZ
    nza_categorie: int | None = None  # 300
    nza_nummer: str | None = None
    agb_code: str | None = None
    ondertekenaar: str | None = None
    datum_ondertekening: dt.date | None = None
    # Engine path -> where the source holds it ("Voorblad!C20"): messages name that place.
    # A path listed here is asked by the source, so an empty value is "missing".
    velden: dict[str, str] = field(default_factory=dict)
    # The date "in the future" is measured from (None: today).
    peildatum: dt.date | None = None

    def plek(self, pad: str) -> str:
        """Where a field is: the form's cell if the source named one, else the engine path."""
        return self.velden.get(pad, pad)


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

    @property
    def onvolledig(self) -> bool:
        """A required field of the form is empty (the official Voorblad: "niet volledig gevuld")."""
        return any(m.onvolledig for m in self.meldingen)
