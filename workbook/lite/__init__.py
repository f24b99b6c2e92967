"""xlwings Lite: the engine inside the workbook (``koppel --lite``, ``bouw --lite``); see docs/lite.md.

IO entry points for koppel (they import openpyxl-free koppel helpers only); the modules that
travel inside main.py (``controle``, ``lader``) use the standard library and the engine only.
"""

from __future__ import annotations


def blad_bytes(f, stijlen, dxf, melding) -> bytes:
    """The sheet Python-controle of a -lite copy (``blad.blad_bytes``)."""
    from .blad import blad_bytes as _blad_bytes

    return _blad_bytes(f, stijlen, dxf, melding)


def voeg_lite_toe(kopie: bytes) -> bytes:
    """The koppel copy with the xlwings Lite web extension carrying the generated main.py."""
    from .genereer import main_py
    from .pakket import voeg_lite_toe as _voeg

    return _voeg(kopie, main_py())
