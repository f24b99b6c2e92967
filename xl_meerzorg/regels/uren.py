"""Hours per week that make up the care need (*Overzicht individueel* E8:E28)."""

from __future__ import annotations

DAGEN_PER_JAAR = 365
DAGEN_PER_WEEK = 7


def behandeling(behandelaren: float, factor: float) -> float:
    """E14 = factor * C14: behandelaren hours weighted with the behandel factor."""
    return factor * behandelaren


def indirecte_uren(zzp_uren: float, indirect_fractie: float) -> float:
    """C21 (via Data en informatie G) = B * E: indirect basis hours of the zorgprofiel."""
    return zzp_uren * indirect_fractie


def context_uren_per_week(uren_per_jaar: float) -> float:
    """E24 = C24/365*7."""
    return uren_per_jaar / DAGEN_PER_JAAR * DAGEN_PER_WEEK


def totaal_uren(
    wonen: float,
    dagbesteding: float,
    nachtzorg: float,
    behandeling_gewogen: float,
    min_uren: float,
    indirect: float,
    context: float,
    met_dagbesteding: bool,
    met_behandeling: bool,
) -> float:
    """E28: Wonen + Nachtzorg - Min-uren + Indirect + Context, plus Dagbesteding only with
    dagbesteding and Behandeling only with behandeling (same operation order as the tool)."""
    if not met_dagbesteding and not met_behandeling:
        return wonen + nachtzorg - min_uren + indirect + context
    if met_dagbesteding and not met_behandeling:
        return ((wonen + dagbesteding) + nachtzorg) - min_uren + indirect + context
    if not met_dagbesteding and met_behandeling:
        return wonen + nachtzorg + behandeling_gewogen - min_uren + indirect + context
    return ((wonen + dagbesteding) + nachtzorg) + behandeling_gewogen - min_uren + indirect + context
