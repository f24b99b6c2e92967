"""Yearly parameter sets: one TOML file per year, validated on load, cached per process."""

from .laden import (
    Band,
    OnbekendJaar,
    OngeldigeParameters,
    Parameters,
    Prestatiecode,
    Zorgprofiel,
    beschikbare_jaren,
    laad_parameters,
)

__all__ = [
    "Band",
    "OnbekendJaar",
    "OngeldigeParameters",
    "Parameters",
    "Prestatiecode",
    "Zorgprofiel",
    "beschikbare_jaren",
    "laad_parameters",
]
