"""The cap on the day amount (*Overzicht individueel* H40, H42; group W, Y)."""

from __future__ import annotations

from .uren import DAGEN_PER_JAAR


def etmaal_100(budget: float, context_boven: float) -> float:
    """H40 = (budget + H39)/365."""
    return (budget + context_boven) / DAGEN_PER_JAAR


def na_maximum(budget: float, context_boven: float, maximum_etmaalbedrag: float) -> tuple[float, bool]:
    """H42: if the 100% day amount reaches the maximum, the year amount is max * 365.
    Returns (amount, capped)."""
    if etmaal_100(budget, context_boven) >= maximum_etmaalbedrag:
        return maximum_etmaalbedrag * DAGEN_PER_JAAR, True
    return budget + context_boven, False
