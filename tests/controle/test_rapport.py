"""The xlsx report: values from received forms never become formulas."""

from __future__ import annotations

import zipfile

import pytest

from openpyxl import load_workbook

from xl_meerzorg.bestanden import toon
from xl_meerzorg.workbook.controle.rapport import schrijf_rapport

GEVAARLIJK = ["=HYPERLINK(\"http://x\",\"klik\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1", "=cmd|' /C calc'!A0"]


def uitslag(naam: str) -> dict:
    return {
        "bestand": "=1+1.xlsx", "status": "afwijkingen", "zorgaanbieder": "+31 Zorg", "nza": "-1",
        "clienten": [{"naam": naam, "bsn": "@123", "zorgprofiel": "VG7", "prestatiecode": "Z473", "uitkomst": "Maatwerk",
                      "uitkomst_label": "Meerzorgprofiel 7", "meerzorguren": 30.5, "jaarbedrag": 1234.5, "etmaalbedrag": 3.38,
                      "maanden": 12, "ingang": "2026-02-01"}],
        "totaal": {"jaarbedrag": 1234.5, "etmaalbedrag": 3.38},
        "bevindingen": [{"niveau": "afwijking", "soort": "vergelijking", "cel": "Voorblad!G37", "tekst": naam, "formulier": naam, "motor": "=2"}],
    }  # fmt: skip


def test_geen_formules_in_rapport(tmp_path):
    doel = schrijf_rapport([uitslag(n) for n in GEVAARLIJK] + [uitslag("bel\x07l")], tmp_path / "r.xlsx")
    with zipfile.ZipFile(doel) as z:
        for naam in z.namelist():
            if naam.startswith("xl/worksheets/"):
                assert b"<f>" not in z.read(naam) and b"<f " not in z.read(naam)
    wb = load_workbook(doel)
    assert wb.sheetnames == ["Samenvatting", "Totaal overzicht meerzorg", "Bevindingen"]
    ws = wb["Totaal overzicht meerzorg"]
    rijen = list(ws.iter_rows(min_row=2))
    # Control characters (tab, CR, BEL) are shown escaped: the cell text starts with a backslash
    assert [r[4].value for r in rijen] == [toon(g) for g in GEVAARLIJK] + ["bel\\x07l"]
    assert [r[4].value for r in rijen][4:6] == ["\\t=1+1", "\\r=1"]
    assert all(r[4].data_type == "s" and r[0].data_type == "s" for r in rijen)
    eerste = rijen[0]
    assert eerste[9].value.total_seconds() == 30.5 * 3600 and eerste[9].number_format == "[h]:mm"
    assert eerste[10].value == 1234.5
    b = list(wb["Bevindingen"].iter_rows(min_row=2, values_only=True))
    assert b[0] == ("=1+1.xlsx", None, "afwijkingen", "afwijking", "vergelijking", "Voorblad!G37", GEVAARLIJK[0], GEVAARLIJK[0], "=2")


def _lang_rapport(tmp_path):
    from tests.controle.test_bestanden import _uitslag

    lang = "beschadigd of onvolledig bestand (het zip-archief is niet leesbaar) " * 3
    uitslagen = [_uitslag("b.xlsx", 2026, "afwijkingen"), {"bestand": "kapot.xlsx", "status": "onleesbaar", "jaar": None, "clienten": [],
                 "bevindingen": [{"niveau": "fout", "soort": "onleesbaar", "cel": None, "tekst": lang, "formulier": None, "motor": None}]}]  # fmt: skip
    return schrijf_rapport(uitslagen, tmp_path / "r.xlsx")


def test_rapport_rijhoogte_en_uitlijning(tmp_path):
    """Every cell is aligned at the top; a row with wrapped text is as high as its lines
    (the header row of Samenvatting: two lines; a 207-character message in the 90 wide
    Melding column: two lines of about 104 characters), other rows keep the default."""
    wb = load_workbook(_lang_rapport(tmp_path))
    s, b = wb["Samenvatting"], wb["Bevindingen"]
    assert s.row_dimensions[1].height == 30 and s.row_dimensions[2].height is None
    assert b.row_dimensions[5].height == 30 and b.row_dimensions[2].height is None
    assert all(c.alignment.vertical == "top" for ws in wb for r in ws.iter_rows() for c in r if c.value is not None)
    assert b["G5"].alignment.wrap_text and not b["A5"].alignment.wrap_text


@pytest.mark.libreoffice
def test_rapport_opent_in_libreoffice(tmp_path):
    """LibreOffice reads the report: its sheets, values, number formats and filter."""
    from tests.support.libreoffice import recalculate, soffice

    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is niet geïnstalleerd")
    [terug] = recalculate([_lang_rapport(tmp_path)], tmp_path / "lo")
    wb = load_workbook(terug)
    assert wb.sheetnames == ["Samenvatting", "Totaal overzicht meerzorg", "Bevindingen"]
    o = wb["Totaal overzicht meerzorg"]
    assert [c.value for c in o[2]][:6] == ["b.xlsx", 2026, "Zorg\\x1b[31m BV", "300-1234", "Jan\\nOK", "123456782"]
    assert o["K2"].value == 22790.56  # LibreOffice writes the format as '"€ "#,##0.00;"€ -"#,##0.00'
    assert o["K2"].number_format.replace('"', "").replace(" ", "") == "€#,##0.00;€-#,##0.00"
    assert o.auto_filter.ref == "A1:W2"  # (headless LibreOffice saves no panes: no view)
    assert wb["Bevindingen"]["G5"].value.startswith("beschadigd of onvolledig bestand")
