"""The report's own xlsx writer (workbook/controle/xlsx.py), read back by openpyxl."""

from __future__ import annotations

import datetime as dt

from openpyxl import load_workbook

from xl_meerzorg.workbook.controle.xlsx import Stijl, Werkmap, _regels


def test_waarden_en_typen(tmp_path):
    """Every kind of value comes back with its type, format and style."""
    wb = Werkmap()
    b = wb.blad("Blad 'één'", [10, 20])
    b.rij([("kop", Stijl(vet=True, terugloop=True)), ("=1+1", Stijl())])
    b.rij([(True, Stijl()), (3, Stijl()), (0.1 + 0.2, Stijl("0.00")), (float("nan"), Stijl()), (None, Stijl("0.00")), (None, Stijl())])
    b.rij([(dt.date(2026, 1, 2), Stijl("dd-mm-yyyy")), (dt.datetime(2026, 1, 2, 12, 30), Stijl("dd-mm-yyyy hh:mm")), (dt.timedelta(hours=30, minutes=30), Stijl("[h]:mm"))])
    b.rij([("a\x1bb & <c> \ufffe", Stijl())])
    b.filter = "A1:B4"
    pad = tmp_path / "t.xlsx"
    pad.write_bytes(wb.opslaan(dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc)))
    ws = load_workbook(pad)["Blad 'één'"]
    assert (ws["A1"].value, ws["A1"].font.b, ws["A1"].alignment.wrap_text, ws["A1"].alignment.vertical) == ("kop", True, True, "top")
    assert (ws["B1"].value, ws["B1"].data_type) == ("=1+1", "s")  # text, never a formula
    assert [ws[c].value for c in ("A2", "B2", "C2", "D2", "E2", "F2")] == [True, 3, 0.30000000000000004, None, None, None]
    assert ws["C2"].number_format == ws["E2"].number_format == "0.00"
    assert ws["A3"].value == dt.datetime(2026, 1, 2) and ws["B3"].value == dt.datetime(2026, 1, 2, 12, 30)
    assert ws["C3"].value == dt.timedelta(hours=30, minutes=30) and ws["C3"].number_format == "[h]:mm"
    assert ws["A4"].value == "a\\x1bb & <c> \\ufffe"
    assert (ws.freeze_panes, ws.auto_filter.ref, ws.print_title_rows) == ("A2", "A1:B4", "$1:$1")
    assert (ws.column_dimensions["A"].width, ws.column_dimensions["B"].width) == (10, 20)
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9


def test_regels():
    """Lines of a wrapped text: words are not broken, a word wider than the column is."""
    assert _regels("kort", 10, False) == 1
    assert _regels("een twee drie vier", 10, False) == 2  # 9 / 0.85 = 10.6 characters a line: "een twee", "drie vier"
    assert _regels("x" * 30, 10, False) == 3
    assert _regels("Totaal jaarbedrag (herberekend)", 18, True) == 2


def test_lange_tekst_ingekort(tmp_path):
    """A text beyond Excel's 32 767 characters per cell is cut and says so; one at the
    limit is kept whole."""
    wb = Werkmap()
    b = wb.blad("B", [10])
    b.rij([("a" * 32767, Stijl())])
    b.rij([("b" * 40000, Stijl())])
    pad = tmp_path / "t.xlsx"
    pad.write_bytes(wb.opslaan())
    ws = load_workbook(pad)["B"]
    assert ws["A1"].value == "a" * 32767
    assert len(ws["A2"].value) == 32767 and ws["A2"].value.endswith("b … (ingekort)")
