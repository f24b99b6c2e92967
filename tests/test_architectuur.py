"""The engine stays free of Excel libraries."""

from __future__ import annotations

import subprocess
import sys


def test_engine_importeert_geen_excel_bibliotheken():
    """Importing and running the engine loads neither openpyxl, calamine nor xlwings."""
    code = (
        "import sys, json, xl_meerzorg, xl_meerzorg.cli, xl_meerzorg.formulier, xl_meerzorg.excelwaarden\n"
        "from xl_meerzorg import bereken, lees_aanvraag\n"
        "bereken(lees_aanvraag(json.load(open('examples/individueel-vg7.json'))))\n"
        "bad = [m for m in ('openpyxl', 'python_calamine', 'xlwings', 'formulas') if m in sys.modules]\n"
        "print(bad)\n"
    )
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=root, check=True).stdout
    assert out.strip() == "[]"
