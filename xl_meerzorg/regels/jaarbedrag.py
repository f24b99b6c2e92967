"""Year and day amounts at the agreed tariff (*Overzicht individueel* E39:E41)."""

from __future__ import annotations

from .uren import DAGEN_PER_JAAR


def jaarbedrag(na_maximum: float, tariefpercentage: float) -> float:
    """E39/E40 = H42 * tariefpercentage."""
    return na_maximum * tariefpercentage


def etmaalbedrag(jaarbedrag_: float) -> float:
    """E41 = jaarbedrag/365."""
    return jaarbedrag_ / DAGEN_PER_JAAR
