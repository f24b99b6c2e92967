"""The xlsx report: values from received forms never become formulas."""

from __future__ import annotations

import zipfile

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
