"""The numbers of the *Verhuisformulier*: the awarded outcome of a client who moves to
another location or provider, without the context-bound means (they belong to the old
location), at 100% and at the agreed tariff.

The official sheet (2025.01, 2026.01) shows the 100% profile amount (C42) or, for maatwerk,
MIN((E38*24)/7*uurbudget, maximum) per etmaal (C44), never the amounts at the tariff. This
rule builds on the engine's own rules (budget, maximum, jaarbedrag) in their order, so the
numbers of a client without context euros are the award's jaarbedrag and etmaalbedrag.
"""

from __future__ import annotations

from typing import NamedTuple

from ..parameters.laden import UITKOMST_MAATWERK
from . import budget as r_budget
from . import jaarbedrag as r_jaar
from . import maximum as r_max


class Verhuisbedragen(NamedTuple):
    budget_100: float  # profile amount or maatwerk budget per year, 100%, without context
    jaar_100: float  # per year, 100%, after the maximum etmaalbedrag
    etmaal_100: float  # per etmaal, 100%, after the maximum etmaalbedrag
    gemaximeerd: bool  # the maximum etmaalbedrag applies
    jaarbedrag: float  # per year at the tariff
    etmaalbedrag: float  # per etmaal at the tariff


def verhuis(
    uitkomst: str | None,
    meerzorguren: float | None,
    profielbedrag: float | None,
    uurbudget: float,
    maximum_etmaalbedrag: float,
    tariefpercentage: float,
) -> Verhuisbedragen | None:
    """The amounts that move with the client (no context euros).

    ``uitkomst`` is the engine's outcome (*Maatwerk*, *Meerzorgprofiel n*, ...),
    ``profielbedrag`` the 100% amount of the band (None for maatwerk and *Niet meerzorg
    waardig*), ``uurbudget`` the zorgprofiel's maatwerk rate. Without a budget (valt binnen
    het zzp, niet meerzorg waardig) there is nothing to move: None.

    Steps: maatwerk budget (E38*24)/7*365*uurbudget or the profile amount; per etmaal
    budget/365; at or above the maximum the year amount is maximum*365; times the tariff;
    per etmaal /365."""
    if uitkomst == UITKOMST_MAATWERK:
        if meerzorguren is None:
            return None
        budget = r_budget.maatwerk_budget(meerzorguren, uurbudget)
    elif profielbedrag is None:
        return None
    else:
        budget = profielbedrag
    na_maximum, gemaximeerd = r_max.na_maximum(budget, 0.0, maximum_etmaalbedrag)
    etmaal_100 = r_max.etmaal_100(na_maximum, 0.0)
    jaar = r_jaar.jaarbedrag(na_maximum, tariefpercentage)
    return Verhuisbedragen(budget, na_maximum, etmaal_100, gemaximeerd, jaar, r_jaar.etmaalbedrag(jaar))
