"""The 100% budget: profile amount or maatwerk (*Overzicht individueel* H37, H38)."""

from __future__ import annotations

from .uren import DAGEN_PER_JAAR, DAGEN_PER_WEEK

UREN_PER_DAG = 24


def maatwerk_budget(meerzorguren: float, uurbudget: float) -> float:
    """H38 = (E38*24)/7*365*H6: meerzorguren per week (days) to a yearly maatwerk budget."""
    return (meerzorguren * UREN_PER_DAG) / DAGEN_PER_WEEK * DAGEN_PER_JAAR * uurbudget
