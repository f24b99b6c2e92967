"""Builders for test files: zip-level edits of recalculated forms and hostile files."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from xl_meerzorg.workbook.veilig import open_xlsx, werkbladen


def deel_van(pad: Path, blad: str) -> str:
    return werkbladen(open_xlsx(pad))[blad]


def herschrijf(bron: Path, doel: Path, wijzig: dict[str, callable], extra: dict[str, bytes] | None = None) -> Path:
    """Copy a zip, passing the named members through ``wijzig[naam](bytes) -> bytes``."""
    with zipfile.ZipFile(bron) as zin, zipfile.ZipFile(doel, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename in wijzig:
                nieuw = wijzig[info.filename](data)
                assert nieuw != data, f"{info.filename}: niets gewijzigd"
                data = nieuw
            zout.writestr(info.filename, data)
        for naam, data in (extra or {}).items():
            zout.writestr(naam, data)
    return doel


def zet_waarde(cel: str, waarde: str):
    """Replace the cached value of ``cel`` (a plain number/value cell) without recalculating."""
    patroon = re.compile(rb'(<c r="' + cel.encode() + rb'"[^>]*>)<v>[^<]*</v>')

    def f(data: bytes) -> bytes:
        return patroon.sub(lambda m: m.group(1) + b"<v>" + waarde.encode() + b"</v>", data, count=1)

    return f


def zet_formule(cel: str, formule: str):
    patroon = re.compile(rb'(<c r="' + cel.encode() + rb'"[^>]*><f[^>]*>)[^<]*(</f>)')

    def f(data: bytes) -> bytes:
        return patroon.sub(lambda m: m.group(1) + formule.encode() + m.group(2), data, count=1)

    return f


# ------------------------------------------------------------------------ hostile files

CT = b"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"""
RELS = b"""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"""
WB = b"""<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>"""
WB_RELS = b"""<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"""
SHEET = b"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1"/><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>"""

LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol4;</t></is></c></row></sheetData></worksheet>"""
XXE = b"""<?xml version="1.0"?>
<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="&xxe;" sheetId="1" r:id="rId1"/></sheets></workbook>"""


def xlsx_bytes(onderdelen: dict[str, bytes] | None = None, methode=zipfile.ZIP_DEFLATED) -> bytes:
    delen = {"[Content_Types].xml": CT, "_rels/.rels": RELS, "xl/workbook.xml": WB, "xl/_rels/workbook.xml.rels": WB_RELS, "xl/worksheets/sheet1.xml": SHEET}
    delen.update(onderdelen or {})
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", methode) as z:
        for naam, data in delen.items():
            z.writestr(naam, data)
    return buf.getvalue()


def groot_blad(rijen: int) -> bytes:
    body = b"".join(b'<row r="%d"><c r="A%d"><v>1</v></c></row>' % (i, i) for i in range(1, rijen + 1))
    return (b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            b'<dimension ref="A1:A%d"/><sheetData>' % rijen + body + b"</sheetData></worksheet>")


def vijandige_bestanden(map_: Path) -> dict[str, tuple[Path, str]]:
    """name -> (path, expected Dutch reason, as a substring)."""
    map_.mkdir(parents=True, exist_ok=True)
    uit: dict[str, tuple[Path, str]] = {}

    def schrijf(naam: str, data: bytes, reden: str) -> None:
        p = map_ / naam
        p.write_bytes(data)
        uit[naam] = (p, reden)

    bom = b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + b" " * (20 * 1024 * 1024) + b"</sheetData></worksheet>"
    schrijf("zipbom.xlsx", xlsx_bytes({"xl/worksheets/sheet1.xml": bom}), "verdacht sterk gecomprimeerd onderdeel xl/worksheets/sheet1.xml (zip-bom?)")
    schrijf("lachsalvo.xlsx", xlsx_bytes({"xl/worksheets/sheet1.xml": LAUGHS}), "onveilige XML in xl/worksheets/sheet1.xml (DTD of entiteiten zijn niet toegestaan)")
    schrijf("xxe.xlsx", xlsx_bytes({"xl/workbook.xml": XXE}), "onveilige XML in xl/workbook.xml (DTD of entiteiten zijn niet toegestaan)")
    heel = xlsx_bytes()
    schrijf("afgebroken.xlsx", heel[: len(heel) // 2], "beschadigd of onvolledig bestand (het zip-archief is niet leesbaar)")
    schrijf("versleuteld.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4000, "versleuteld (met wachtwoord beveiligd) of een oud Excel-formaat (.xls)")
    schrijf("tekst.xlsx", "Dit is geen Excel-bestand maar platte tekst.\n".encode() * 20, "geen Excel-bestand (.xlsx/.xlsm)")
    schrijf("groot-blad.xlsx", xlsx_bytes({"xl/worksheets/sheet1.xml": groot_blad(150_000)}), "werkblad xl/worksheets/sheet1.xml is te groot (150000 rijen, 1 kolommen")
    schrijf("geen-werkmap.xlsx", xlsx_bytes({"xl/workbook.xml": b""}) and _zonder("xl/workbook.xml"), "geen Excel-werkmap (xl/workbook.xml ontbreekt)")
    schrijf("onbekend.xlsx", xlsx_bytes(), "onbekend formulier")
    return uit


def _zonder(naam: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("docProps/app.xml", b"<Properties/>")
    return buf.getvalue()


def zet_uitkomst(cel: str, tekst: str):
    """Replace the cached result of the formula cell ``cel`` by the text ``tekst`` ("" is an
    empty result), as if the form had calculated that (no recalculation)."""
    from xml.sax.saxutils import escape

    patroon = re.compile(rb'(<c r="' + cel.encode() + rb'"[^>]*?)(?: t="[^"]*")?(>(?:<f[^>]*>[^<]*</f>|<f[^>]*/>))<v>[^<]*</v>')

    def f(data: bytes) -> bytes:
        nieuw = escape(tekst).encode()
        return patroon.sub(lambda m: m.group(1) + b' t="str"' + m.group(2) + b"<v>" + nieuw + b"</v>", data, count=1)

    return f


def reeks(*wijzigingen):
    """Several edits of one part, in order."""

    def f(data: bytes) -> bytes:
        for w in wijzigingen:
            nieuw = w(data)
            assert nieuw != data, "niets gewijzigd"
            data = nieuw
        return data

    return f
