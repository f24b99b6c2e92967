"""The package reader's building blocks (workbook/ooxml.py), without the official workbooks."""

from __future__ import annotations

import pytest

from xl_meerzorg.workbook import ooxml
from xl_meerzorg.workbook.veilig import OnveiligBestand, open_xlsx


@pytest.mark.parametrize(
    "bron, target, deel",
    [
        ("xl/workbook.xml", "worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"),
        ("xl/workbook.xml", "../xl/worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"),
        ("xl/workbook.xml", "/xl/worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"),
        ("xl/workbook.xml", "./worksheets/Blad%201.xml", "xl/worksheets/Blad 1.xml"),
        ("", "xl/workbook.xml", "xl/workbook.xml"),
        ("xl/workbook.xml", "../../buiten.xml", None),
    ],
)
def test_los_op(bron, target, deel):
    assert ooxml.los_op(bron, target) == deel


def test_utf16_als_utf8():
    tekst = '<?xml version="1.0" encoding="UTF-16"?><a>é</a>'
    assert ooxml.als_utf8(tekst.encode("utf-16")) == '<?xml version="1.0" encoding="UTF-8"?><a>é</a>'.encode()
    assert ooxml.als_utf8(tekst.encode("utf-16-be")) == '<?xml version="1.0" encoding="UTF-8"?><a>é</a>'.encode()
    with pytest.raises(OnveiligBestand, match="onbekende tekenset ISO-8859-1 in x"):
        ooxml.als_utf8(b'<?xml version="1.0" encoding="ISO-8859-1"?><a/>', "x")


def test_ooxml_tekst():
    assert ooxml.ooxml_tekst("Jan\x1bJansen") == "Jan_x001B_Jansen"
    assert ooxml.ooxml_tekst("a\x00b") == "a_x0000_b"
    assert ooxml.ooxml_tekst("a_x0000_b") == "a_x005F_x0000_b"
    assert ooxml.ontsnap_terug(ooxml.ooxml_tekst("a_x0000_b\x1b")) == "a_x0000_b\x1b"


@pytest.mark.parametrize("v, verwacht", [(b"1", False), (b"0.375", False), (b"1E+300", True), (b"INF", True), (b"NaN", True), (b"1e-5", False), (b"12345678901", True)])
def test_bijzonder(v, verwacht):
    blad = b'<worksheet xmlns="m"><sheetData><row><c r="A1"><v>' + v + b"</v></c></row></sheetData></worksheet>"
    assert ooxml.bijzonder(blad) is verwacht
    assert ooxml.bijzonder(blad.replace(b"<v>", b"<x:v>").replace(b"</v>", b"</x:v>").replace(b"<worksheet", b"<x:worksheet")) is verwacht


def test_werkmap_met_andere_naam_en_hoofdletters(tmp_path):
    import zipfile

    from tests.controle.maak import CT, SHEET, WB, WB_RELS

    rels = b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="/XL/Map.xml"/></Relationships>'
    p = tmp_path / "a.xlsx"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("_rels/.rels", rels)
        z.writestr("xl/map.xml", WB.replace(b'name="Blad1"', b"name='VOORBLAD'"))
        z.writestr("xl/_rels/map.xml.rels", WB_RELS.replace(b"worksheets/sheet1.xml", b"../xl/Worksheets/SHEET1.xml"))
        z.writestr("xl/worksheets/sheet1.xml", SHEET)
    pk = ooxml.open_pakket(p)
    assert pk.workbook == "xl/map.xml"
    assert pk.werkbladen() == {"VOORBLAD": "xl/worksheets/sheet1.xml"}
    assert pk.blad("Voorblad") == "VOORBLAD" and pk.blad("Blad2") is None
    assert not pk.gewoon


def test_dubbel_onderdeel(tmp_path):
    import zipfile

    p = tmp_path / "d.xlsx"
    with zipfile.ZipFile(p, "w") as z:
        for n, d in [("[Content_Types].xml", b"<Types/>"), ("xl/workbook.xml", b"<w/>"), ("XL/Workbook.xml", b"<w/>")]:
            z.writestr(n, d)
    with pytest.raises(OnveiligBestand, match="verschillen alleen in hoofdletters"):
        open_xlsx(p)
