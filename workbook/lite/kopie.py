"""koppel --lite: the sheet and the package additions of a -lite copy (IO; called by koppel)."""

from __future__ import annotations

from .blad import blad_bytes
from .genereer import main_py
from .pakket import LiteFout
from .pakket import voeg_lite_toe as _voeg

__all__ = ["LiteFout", "blad_bytes", "voeg_lite_toe"]


def voeg_lite_toe(kopie: bytes) -> bytes:
    """The koppel copy with the xlwings Lite web extension carrying the generated main.py."""
    return _voeg(kopie, main_py())
