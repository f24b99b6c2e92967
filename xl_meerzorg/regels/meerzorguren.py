"""Meerzorguren (*Overzicht individueel* E38, group column O)."""

from __future__ import annotations


def meerzorguren(totaal: float, zzp_uren: float) -> float | None:
    """E38: total minus the ZZP hours of the prestatiecode; None when the total stays below
    them (*Valt binnen het reguliere zorgzwaartepakket*)."""
    if totaal < zzp_uren:
        return None
    return totaal - zzp_uren
