"""A small, fast xlsx writer for the checker's report.

openpyxl's write-only mode serialises every cell through a pure-Python XML writer
(et_xmlfile): about 1 ms per report row, more than checking a form takes. The report needs
little of what openpyxl offers: rows of numbers, texts and dates, a few cell styles (bold,
wrapped, a number format), column widths, a frozen and printed header row, an autofilter
and the page set-up. This module writes exactly that, as SpreadsheetML text:

* texts as inline strings (``t="inlineStr"``), never as formulas, with ``xml:space``
  preserved and every character XML does not allow shown escaped (``\\x1b``); a text
  longer than Excel's 32 767 characters per cell is cut, ending in "… (ingekort)";
* numbers as shortest round-trip decimals (``repr``), booleans as ``t="b"``, dates and
  times as Excel serial numbers (days since 1899-12-30) and durations in days, with their
  number format;
* per sheet: the header row frozen (pane at A2), printed on every page
  (``_xlnm.Print_Titles``), an autofilter (with its hidden ``_xlnm._FilterDatabase``
  name, as Excel keeps it), landscape A4 fitted to the page width;
* every cell aligned at the top, and a row with wrapped text as high as its lines (an
  estimate: Excel measures rows on opening, a PDF export by LibreOffice does not).

The result is read back by openpyxl and LibreOffice in the tests (values, types, formats,
fonts, alignment, panes, print titles, filters).
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
import zipfile
from typing import NamedTuple

from ..ooxml import xml_escape
from ..vingerafdruk import _kolom_letters as kolom  # column letters of column n (1 = A)

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_ONGELDIG = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_NUL_DATUM = dt.datetime(1899, 12, 30)
_REF = re.compile(r"([A-Z]+)(\d+)")


class Stijl(NamedTuple):
    formaat: str | None = None  # number format code, e.g. "[h]:mm"
    vet: bool = False
    terugloop: bool = False  # wrap the text, aligned at the top


GEWOON = Stijl()


MAX_TEKST = 32767  # characters in one cell (Excel refuses more: the file needs repair)
INGEKORT = " … (ingekort)"


def _tekst(s: str) -> str:
    if len(s) > MAX_TEKST:
        s = s[: MAX_TEKST - len(INGEKORT)] + INGEKORT
    s = _ONGELDIG.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", s)
    return xml_escape(s)


def _serieel(v: dt.date) -> float:
    if isinstance(v, dt.datetime):
        d = v.replace(tzinfo=None) - _NUL_DATUM
        return d.days + d.seconds / 86400 + d.microseconds / 86_400_000_000
    return float((v - _NUL_DATUM.date()).days)


REGEL = 15  # points per line of 11-point text


def _regels(tekst: str, breedte: float, vet: bool) -> int:
    """The lines a wrapped text takes in a column ``breedte`` wide (in widths of the digit
    0; an average character of text is about 0.85 of that, bold 0.95; words not broken)."""
    ruimte = max(breedte - 1, 1) / (0.95 if vet else 0.85)
    n = 0
    for alinea in tekst.split("\n"):
        regel = 0.0
        n += 1
        for woord in alinea.split(" "):
            w = len(woord)
            if regel and regel + 1 + w > ruimte:
                n += 1
                regel = w
            else:
                regel += (1 if regel else 0) + w
            while regel > ruimte:  # a word longer than the column
                n += 1
                regel -= ruimte
    return n


class Blad:
    def __init__(self, werkmap: Werkmap, titel: str, breedtes: list[float]):
        self.werkmap, self.titel, self.breedtes = werkmap, titel, breedtes
        self._rijen: list[str] = []
        self.filter: str | None = None  # autofilter range, e.g. "A1:H4"
        self._breedste = 0

    def rij(self, cellen: list[tuple[object, Stijl]]) -> None:
        """Append a row of (value, style); None is an empty cell."""
        r = len(self._rijen) + 1
        stijl = self.werkmap._stijl
        uit = []
        regels = 1
        for i, (v, st) in enumerate(cellen):
            if st is not None and st.terugloop and isinstance(v, str):
                regels = max(regels, _regels(v, self.breedtes[i] if i < len(self.breedtes) else 8.43, st.vet))
            s = stijl(st)
            ref = f"{kolom(i + 1)}{r}"
            sa = f' s="{s}"' if s else ""
            if v is None or (isinstance(v, float) and not math.isfinite(v)):
                if s:
                    uit.append(f'<c r="{ref}"{sa}/>')
            elif isinstance(v, bool):
                uit.append(f'<c r="{ref}"{sa} t="b"><v>{int(v)}</v></c>')
            elif isinstance(v, (int, float)):
                uit.append(f'<c r="{ref}"{sa}><v>{v!r}</v></c>')
            elif isinstance(v, dt.date):
                uit.append(f'<c r="{ref}"{sa}><v>{_serieel(v)!r}</v></c>')
            elif isinstance(v, dt.timedelta):  # a duration: days, as Excel keeps [h]:mm
                uit.append(f'<c r="{ref}"{sa}><v>{v / dt.timedelta(days=1)!r}</v></c>')
            else:
                uit.append(f'<c r="{ref}"{sa} t="inlineStr"><is><t xml:space="preserve">{_tekst(str(v))}</t></is></c>')
        self._breedste = max(self._breedste, len(cellen))
        # wrapped text: the row as high as its lines (programs do not all measure it on opening)
        hoogte = f' ht="{min(REGEL * regels, 409)}" customHeight="1"' if regels > 1 else ""
        self._rijen.append(f'<row r="{r}"{hoogte}>{"".join(uit)}</row>' if uit else f'<row r="{r}"{hoogte}/>')

    @property
    def aantal_rijen(self) -> int:
        return len(self._rijen)

    def xml(self) -> str:
        breed = max(self._breedste, len(self.breedtes), 1)
        hoog = max(len(self._rijen), 1)
        cols = "".join(f'<col min="{i}" max="{i}" width="{w}" customWidth="1"/>' for i, w in enumerate(self.breedtes, 1))
        return (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{MAIN}" xmlns:r="{REL}">'
            '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>'
            f'<dimension ref="A1:{kolom(breed)}{hoog}"/>'
            '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
            '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>'
            '<sheetFormatPr defaultRowHeight="15"/>'
            + (f"<cols>{cols}</cols>" if cols else "")
            + f'<sheetData>{"".join(self._rijen)}</sheetData>'
            + (f'<autoFilter ref="{self.filter}"/>' if self.filter else "")
            + '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
            '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>'
        )


class Werkmap:
    def __init__(self) -> None:
        self.bladen: list[Blad] = []
        self._stijlen: dict[Stijl, int] = {GEWOON: 0}
        self._formaten: dict[str, int] = {}

    def blad(self, titel: str, breedtes: list[float]) -> Blad:
        b = Blad(self, titel, breedtes)
        self.bladen.append(b)
        return b

    def _stijl(self, st: Stijl | None) -> int:
        if st is None:
            return 0
        i = self._stijlen.get(st)
        if i is None:
            if st.formaat is not None and st.formaat not in self._formaten:
                self._formaten[st.formaat] = 164 + len(self._formaten)
            i = self._stijlen[st] = len(self._stijlen)
        return i

    def _styles_xml(self) -> str:
        fmts = "".join(f'<numFmt numFmtId="{n}" formatCode="{xml_escape(f, True)}"/>' for f, n in self._formaten.items())
        xfs = []
        for st in self._stijlen:
            fmt = self._formaten[st.formaat] if st.formaat is not None else 0
            a = f' numFmtId="{fmt}" fontId="{int(st.vet)}" fillId="0" borderId="0" xfId="0"'
            a += ' applyNumberFormat="1"' if fmt else ""
            a += ' applyFont="1"' if st.vet else ""
            # every cell at the top: a row made high by a wrapped text reads from the top
            wrap = ' wrapText="1"' if st.terugloop else ""
            xfs.append(f'<xf{a} applyAlignment="1"><alignment vertical="top"{wrap}/></xf>')
        return (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="{MAIN}">'
            + (f'<numFmts count="{len(self._formaten)}">{fmts}</numFmts>' if fmts else "")
            + '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
            '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
            '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
            '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"><alignment vertical="top"/></xf></cellStyleXfs>'
            f'<cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>'
        )

    def _workbook_xml(self) -> str:
        bladen = "".join(f'<sheet name="{xml_escape(b.titel, True)}" sheetId="{i}" r:id="rId{i}"/>' for i, b in enumerate(self.bladen, 1))
        namen = []
        for i, b in enumerate(self.bladen):
            q = "'" + b.titel.replace("'", "''") + "'"
            if b.filter:  # "A1:H4" -> $A$1:$H$4
                absoluut = _REF.sub(r"$\1$\2", b.filter)
                namen.append(f'<definedName name="_xlnm._FilterDatabase" localSheetId="{i}" hidden="1">{xml_escape(q)}!{absoluut}</definedName>')
            namen.append(f'<definedName name="_xlnm.Print_Titles" localSheetId="{i}">{xml_escape(q)}!$1:$1</definedName>')
        return (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{MAIN}" xmlns:r="{REL}">'
            f'<bookViews><workbookView activeTab="0"/></bookViews><sheets>{bladen}</sheets>'
            f'<definedNames>{"".join(namen)}</definedNames><calcPr calcId="191029"/></workbook>'
        )

    def opslaan(self, gemaakt: dt.datetime | None = None) -> bytes:
        """The workbook as xlsx bytes."""
        n = len(self.bladen)
        tijd = (gemaakt or dt.datetime.now(dt.timezone.utc)).strftime("%Y-%m-%dT%H:%M:%SZ")
        delen = {
            "[Content_Types].xml": (
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                '<Default Extension="xml" ContentType="application/xml"/>'
                '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                + "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(1, n + 1))
                + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
                '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
                '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
                "</Types>"
            ),
            "_rels/.rels": (
                f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PKG_REL}">'
                f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/>'
                '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
                f'<Relationship Id="rId3" Type="{REL}/extended-properties" Target="docProps/app.xml"/></Relationships>'
            ),
            "docProps/core.xml": (
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
                'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
                'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
                f'<dc:creator>xl-meerzorg</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">{tijd}</dcterms:created>'
                f'<dcterms:modified xsi:type="dcterms:W3CDTF">{tijd}</dcterms:modified></cp:coreProperties>'
            ),
            "docProps/app.xml": (
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
                "<Application>xl-meerzorg</Application></Properties>"
            ),
            "xl/workbook.xml": self._workbook_xml(),
            "xl/_rels/workbook.xml.rels": (
                f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PKG_REL}">'
                + "".join(f'<Relationship Id="rId{i}" Type="{REL}/worksheet" Target="worksheets/sheet{i}.xml"/>' for i in range(1, n + 1))
                + f'<Relationship Id="rId{n + 1}" Type="{REL}/styles" Target="styles.xml"/></Relationships>'
            ),
            **{f"xl/worksheets/sheet{i}.xml": b.xml() for i, b in enumerate(self.bladen, 1)},
            "xl/styles.xml": self._styles_xml(),  # after the sheets: they register the styles
        }
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            for naam, tekst in delen.items():
                z.writestr(naam, tekst.encode("utf-8"))
        return buf.getvalue()
