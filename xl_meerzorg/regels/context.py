"""Context-bound euros (*Overzicht individueel* H35, H36, H39; group H40, H41, H44, H45)."""

from __future__ import annotations

from .uren import DAGEN_PER_JAAR

NIET_VAN_TOEPASSING = "Niet van toepassing"


def drempel_basis_maatwerk(maatwerk_budget: float, maximum_etmaalbedrag: float) -> float:
    """The maatwerk part of H35: MIN(H41*365, H38)."""
    return min(maximum_etmaalbedrag * DAGEN_PER_JAAR, maatwerk_budget)


def drempel(basis: float, fractie: float) -> float:
    """H35 = basis * G35: the context euros that fall within the profile."""
    return basis * fractie


def boven_drempel(euros: float, drempel_bedrag: float) -> float:
    """H39 = IF(C33-H35<0,0,C33-H35): only the part above the threshold is added."""
    if euros - drempel_bedrag < 0:
        return 0.0
    return euros - drempel_bedrag


def binnen_profiel(euros: float, drempel_bedrag: float) -> str:
    """H36: "Niet van toepassing" without context euros, else "Ja"/"Nee"."""
    if euros == 0:
        return NIET_VAN_TOEPASSING
    return "Nee" if euros > drempel_bedrag else "Ja"


def per_client(boven: float, aantal_met_budget: int) -> float:
    """Group H45 = H44/C5: the excess divided equally over the clients with a budget."""
    return boven / aantal_met_budget
