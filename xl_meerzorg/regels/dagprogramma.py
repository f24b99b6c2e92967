"""Day programme -> weekly formatie-uren (sheet *Aanvraag individueel*)."""

from __future__ import annotations

from collections.abc import Iterable

WONEN = "Wonen"
DAGBESTEDING = "Dagbesteding"
WERKDAGEN = 5
WEEKENDDAGEN = 2


def slot_uren(van: float | None, tot: float | None) -> float:
    """Clock hours of one slot: F16 = IF(D16="",0,D16-B16)."""
    if tot is None:
        return 0.0
    return tot - (van or 0.0)


def formatie_uren(uren: float, begeleider_op: float | None) -> float:
    """Staff hours of one slot: L16 = IFERROR(F16/J16,0) (no ratio or ratio 0 gives 0)."""
    if not begeleider_op:
        return 0.0
    return uren / begeleider_op


def som_per_functie(rijen: Iterable[tuple[float | None, float | None, str | None, float | None]], functie: str) -> float:
    """G12 = SUMIF(H16:H74, functie, L16:L74) over (van, tot, functie, begeleider_op) rows."""
    totaal = 0.0
    wanted = functie.lower()
    for van, tot, f, ratio in rijen:
        if f is not None and f.lower() == wanted:
            totaal += formatie_uren(slot_uren(van, tot), ratio)
    return totaal


def weekuren(werkdag: float, weekenddag: float) -> float:
    """I3 = (G12*5)+(T12*2): a week of five weekdays and two weekend days."""
    return (werkdag * WERKDAGEN) + (weekenddag * WEEKENDDAGEN)
