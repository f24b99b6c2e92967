"""The Voorblad prints on one A4 page (print area, fit to page)."""

from __future__ import annotations

import re

import openpyxl
import pytest

from tests.support.libreoffice import recalculate, soffice
from xl_meerzorg.workbook.bouw import bouw
from xl_meerzorg.workbook.layout import VOORBLAD
from xl_meerzorg import beschikbare_jaren

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is niet geïnstalleerd"),
]


def test_voorblad_is_een_a4(tmp_path):
    jaar = beschikbare_jaren()[-1]
    pad = bouw(jaar, tmp_path / "bouw")[0]
    wb = openpyxl.load_workbook(pad)
    vb = wb[VOORBLAD]
    assert vb.print_area == [f"'{VOORBLAD}'!$A$1:$H$42"] or str(vb.print_area).endswith("$A$1:$H$42")
    assert int(vb.page_setup.paperSize) == 9 and vb.sheet_properties.pageSetUpPr.fitToPage
    # print only the Voorblad: hide the other sheets of a copy (LibreOffice skips hidden sheets)
    wb.security.lockStructure = False
    for ws in wb.worksheets:
        if ws.title != VOORBLAD and ws.sheet_state == "visible":
            ws.sheet_state = "hidden"
    wb.active = wb.sheetnames.index(VOORBLAD)
    kopie = tmp_path / "voorblad.xlsx"
    wb.save(kopie)
    pdf = recalculate([kopie], tmp_path / "pdf", fmt="pdf")[0].read_bytes()
    paginas = re.findall(rb"/Type\s*/Page(?![s\w])", pdf)
    assert len(paginas) == 1
    media = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    assert media is not None
    assert (round(float(media.group(1))), round(float(media.group(2)))) == (595, 842)
