"""One reader for untrusted OOXML packages (xlsx/xlsm): used by controleer, koppel and the
formula fingerprints.

``open_pakket(pad)`` (or ``Pakket(veilig.open_xlsx(pad))``) reads the package the way a
namespace-aware OPC reader (Excel) does, on top of the safety limits of ``veilig``:

- XML parts are parsed with defusedxml (no DTD, no entities) and compared by namespace
  URI and local name, never by prefix: any prefix or none, declarations on the root or on
  inner elements, single or double quotes; Transitional and Strict Open XML namespaces are
  the same to every caller (``lokaal``, ``is_main``);
- parts in UTF-16 are read as text like UTF-8 parts (``als_utf8``);
- part names are compared without case (OPC) and relationship targets are resolved
  relative to their source part (``../``, absolute ``/xl/...``, percent-encoding), so the
  workbook part and the sheets may have any name; the workbook is found through the
  package relationship ``officeDocument``;
- duplicate zip entries (also names differing only in case) are refused in
  ``veilig.open_xlsx``;
- sheet names are looked up without case, as Excel does (``blad``).

Cell values: python-calamine reads the usual serialisation fast. ``calamine_bytes()``
gives it the original file when calamine reads it as a namespace-aware reader would, or
a normalised package (canonical part names, UTF-8) otherwise. Where calamine cannot give
the value of a cell (a number that does not fit a date or duration: 1E+300, INF, NaN,
which calamine reads as 0 or refuses with an OverflowError for the whole sheet),
``lees_rijen`` reads the sheet itself, in the same shape and types as calamine.
"""

from __future__ import annotations

import codecs
import datetime as dt
import io
import math
import posixpath
import re
import zipfile
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import unquote

from . import veilig
from .veilig import OnveiligBestand, Xlsx, parse_xml

MAIN_T = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
MAIN_S = "http://purl.oclc.org/ooxml/spreadsheetml/main"
REL_T = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL_S = "http://purl.oclc.org/ooxml/officeDocument/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
MAIN = (MAIN_T, MAIN_S)
RELS = (REL_T, REL_S)
# Relationship types: the last segment after one of these bases ("worksheet", "styles")
TYPE_BASES = (REL_T + "/", REL_S + "/")
# other Strict namespaces that mean the same as a Transitional one
STRICT_NAAR_T = {
    MAIN_S: MAIN_T,
    REL_S: REL_T,
    "http://purl.oclc.org/ooxml/drawingml/main": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "http://purl.oclc.org/ooxml/officeDocument/extendedProperties": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
    "http://purl.oclc.org/ooxml/officeDocument/customProperties": "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties",
    "http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes": "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
}


# --------------------------------------------------------------------------- names


def splits(tag: str) -> tuple[str, str]:
    """'{uri}local' -> (uri with Strict mapped to Transitional, local)."""
    if tag[:1] == "{":
        uri, local = tag[1:].split("}", 1)
        return STRICT_NAAR_T.get(uri, uri), local
    return "", tag


def lokaal(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def is_main(tag: str, local: str | None = None) -> bool:
    uri, l = splits(tag)
    return uri == MAIN_T and (local is None or l == local)


def kinderen(e, local: str):
    """Children of ``e`` with a SpreadsheetML main local name (either namespace)."""
    return [k for k in e if is_main(k.tag, local)]


def alle(e, local: str):
    """Descendants (and ``e``) with a SpreadsheetML main local name."""
    return [k for k in e.iter() if is_main(k.tag, local)]


def attr(e, naam: str, ns: tuple[str, ...] | None = None) -> str | None:
    """An attribute by local name; with ``ns`` only in one of those namespaces."""
    if ns is None:
        return e.get(naam)
    for uri in ns:
        v = e.get(f"{{{uri}}}{naam}")
        if v is not None:
            return v
    return None


def rel_type(t: str | None) -> str:
    """'worksheet' for the Transitional and the Strict worksheet relationship type."""
    t = t or ""
    for base in TYPE_BASES:
        if t.startswith(base):
            return t[len(base):]
    if t.startswith("http://schemas.microsoft.com/office/2006/relationships/"):
        return t.rsplit("/", 1)[1]
    return t


# --------------------------------------------------------------------------- encodings

_DECL = re.compile(rb"^(<\?xml[^>]*?encoding\s*=\s*)([\"'])([^\"']*)\2", re.I)


def encoding_van(data: bytes) -> str:
    """'utf-8', 'utf-16-le' or 'utf-16-be' (by BOM or the first characters)."""
    if data[:2] == codecs.BOM_UTF16_LE or data[:2] == b"<\x00":
        return "utf-16-le"
    if data[:2] == codecs.BOM_UTF16_BE or data[:2] == b"\x00<":
        return "utf-16-be"
    return "utf-8"


def als_utf8(data: bytes, naam: str = "XML") -> bytes:
    """An XML part as UTF-8 bytes: UTF-16 parts are transcoded (and their encoding
    declaration says UTF-8); UTF-8 parts are returned as they are (a BOM removed)."""
    enc = encoding_van(data)
    if enc == "utf-8":
        if data[:3] == codecs.BOM_UTF8:
            data = data[3:]
        m = _DECL.match(data)
        if m and m.group(3).lower().replace(b"_", b"-") not in (b"utf-8", b"utf8", b"us-ascii", b"ascii"):
            raise OnveiligBestand(f"onbekende tekenset {m.group(3).decode('ascii', 'replace')} in {naam}")
        return data
    try:
        tekst = data.decode("utf-16")  # the BOM decides; without one: little-endian
        if enc == "utf-16-be" and data[:2] != codecs.BOM_UTF16_BE:
            tekst = data.decode("utf-16-be")
    except UnicodeDecodeError:
        raise OnveiligBestand(f"ongeldige XML in {naam} (geen geldige UTF-16-tekst)") from None
    uit = tekst.lstrip("\ufeff").encode("utf-8")
    m = _DECL.match(uit)
    if m:
        uit = uit[: m.start(3)] + b"UTF-8" + uit[m.end(3):]
    return uit


# --------------------------------------------------------------------------- part names


def rels_deel(deel: str) -> str:
    """The relationships part of ``deel`` ('' is the package)."""
    d, n = posixpath.split(deel)
    return posixpath.join(d, "_rels", n + ".rels")


def los_op(bron: str, target: str) -> str | None:
    """The part name a relationship target of part ``bron`` points to (None: outside the
    package). Targets are URIs: percent-encoded, relative to the folder of the source part
    or absolute from the package root."""
    t = unquote(target.split("#", 1)[0]).replace("\\", "/")
    if not t:
        return None
    if t.startswith("/"):
        pad = t
    else:
        pad = "/" + posixpath.join(posixpath.dirname(bron), t)
    delen: list[str] = []
    for d in pad.split("/"):
        if d in ("", "."):
            continue
        if d == "..":
            if not delen:
                return None
            delen.pop()
        else:
            delen.append(d)
    return "/".join(delen)


# Values derived from a package part, by (function, stored digest): see Pakket.afgeleid.
_AFGELEID: dict[tuple, object] = {}
MAX_AFGELEID = 256


def _relaties(doc) -> tuple[tuple[str, str, str, bool], ...]:
    """(Id, type, Target, external) of every Relationship of a .rels part."""
    return tuple(
        (r.get("Id") or "", rel_type(r.get("Type")), r.get("Target") or "", (r.get("TargetMode") or "").lower() == "external")
        for r in doc.iter()
        if lokaal(r.tag) == "Relationship"
    )


def _bladen(wb) -> tuple[tuple[str, str, str | None, str | None], ...]:
    """(name, relationship id, sheetId, state) of every <sheet> of the workbook part."""
    return tuple((s.get("name") or "", attr(s, "id", RELS) or "", s.get("sheetId"), s.get("state")) for s in alle(wb, "sheet"))


def _namen(wb) -> tuple[tuple[str, str], ...]:
    return tuple((d.get("name") or "", d.text or "") for d in alle(wb, "definedName"))


def _eigenschappen(doc) -> tuple[tuple[str, str], ...]:
    return tuple((p.get("name"), (p[0].text or "").strip()) for p in doc if p.get("name") and len(p))


@dataclass(frozen=True)
class Relatie:
    id: str
    type: str  # rel_type(): "worksheet", "officeDocument", ...
    target: str
    doel: str | None  # the zip entry (actual name) it resolves to, None when absent or external
    extern: bool


@dataclass(frozen=True)
class Blad:
    naam: str  # as in the workbook
    deel: str | None  # zip entry of the sheet part
    rid: str
    sheet_id: str | None
    state: str | None


class Pakket:
    """An opened package (``veilig.Xlsx``) read as OPC: see the module docstring."""

    def __init__(self, x: Xlsx):
        self.x = x
        self.index: dict[str, str] = {n.casefold(): n for n in x.namen}
        self._xml: dict[str, object] = {}
        self._utf8: dict[str, bytes] = {}
        self._anders: set[str] = set()  # parts that were not UTF-8

    # -- parts
    @property
    def data(self) -> bytes:
        return self.x.data

    def deel(self, naam: str | None) -> str | None:
        """The zip entry of part ``naam`` (compared without case), or None."""
        if naam is None:
            return None
        return self.index.get(naam.lstrip("/").casefold())

    def lees(self, naam: str) -> bytes:
        echt = self.deel(naam)
        if echt is None:
            raise OnveiligBestand(f"onderdeel {naam} ontbreekt")
        return self.x.lees(echt)

    def lees_utf8(self, naam: str) -> bytes:
        """An XML part as UTF-8 (its prolog checked: no DTD)."""
        echt = self.deel(naam) or naam
        if echt not in self._utf8:
            ruw = self.lees(echt)
            data = als_utf8(ruw, echt)
            if encoding_van(ruw[:4]) != "utf-8":
                self._anders.add(echt)
            veilig.controleer_kop(data, echt)
            self._utf8[echt] = data
        return self._utf8[echt]

    def niet_utf8(self, naam: str) -> bool:
        """True for a part read so far that is not stored in UTF-8 (UTF-16)."""
        return (self.deel(naam) or naam) in self._anders

    def xml(self, naam: str):
        echt = self.deel(naam) or naam
        if echt not in self._xml:
            self._xml[echt] = parse_xml(self.lees_utf8(echt), echt)
        return self._xml[echt]

    def afgeleid(self, naam: str, fn):
        """``fn(self.xml(naam))``, an immutable value, kept per process under the part's
        stored digest (``Xlsx.digest``): forms made from one template share their package
        parts (relationships, workbook, properties), which are then not unpacked and
        parsed again. A part first read this way was checked as ``lees_utf8`` checks it;
        a part not stored the usual way or not in UTF-8 is not kept."""
        echt = self.deel(naam) or naam
        sleutel = self.x.digest(echt) if echt in self.x.namen else None
        if sleutel is None:
            return fn(self.xml(echt))
        k = (fn, sleutel)
        w = _AFGELEID.get(k)
        if w is None:
            w = fn(self.xml(echt))
            if not self.niet_utf8(echt):
                if len(_AFGELEID) >= MAX_AFGELEID:
                    del _AFGELEID[next(iter(_AFGELEID))]
                _AFGELEID[k] = w
        return w

    # -- relationships
    def relaties(self, bron: str) -> list[Relatie]:
        """The relationships of part ``bron`` ('' = the package), resolved."""
        rels = self.deel(rels_deel(bron))
        if rels is None:
            return []
        uit = []
        for rid, soort, target, extern in self.afgeleid(rels, _relaties):
            doel = None if extern else self.deel(los_op(bron, target))
            uit.append(Relatie(rid, soort, target, doel, extern))
        return uit

    @cached_property
    def workbook(self) -> str:
        """The zip entry of the workbook part (package relationship officeDocument)."""
        for r in self.relaties(""):
            if r.type == "officeDocument" and r.doel:
                return r.doel
        echt = self.deel("xl/workbook.xml")
        if echt is None:
            raise OnveiligBestand("geen Excel-werkmap (xl/workbook.xml ontbreekt)")
        return echt

    @cached_property
    def workbook_relaties(self) -> dict[str, Relatie]:
        return {r.id: r for r in self.relaties(self.workbook)}

    def deel_van_type(self, soort: str) -> str | None:
        """The first workbook part of relationship type ``soort`` ("sharedStrings")."""
        for r in self.workbook_relaties.values():
            if r.type == soort and r.doel:
                return r.doel
        return None

    @cached_property
    def bladen(self) -> list[Blad]:
        rels = self.workbook_relaties
        uit = []
        for naam, rid, sheet_id, state in self.afgeleid(self.workbook, _bladen):
            r = rels.get(rid)
            uit.append(Blad(naam, r.doel if r else None, rid, sheet_id, state))
        return uit

    def werkbladen(self) -> dict[str, str]:
        """Sheet name (as in the workbook) -> zip entry, for the sheets that have a part."""
        return {b.naam: b.deel for b in self.bladen if b.deel}

    def blad(self, naam: str) -> str | None:
        """The workbook's name of sheet ``naam``, compared without case as Excel does."""
        for b in self.bladen:
            if b.naam == naam:
                return b.naam
        k = naam.casefold()
        for b in self.bladen:
            if b.naam.casefold() == k:
                return b.naam
        return None

    def gedefinieerde_namen(self) -> dict[str, str]:
        return dict(self.afgeleid(self.workbook, _namen))

    def eigenschappen(self) -> dict[str, str]:
        """Custom document properties as text (package relationship custom-properties)."""
        deel = next((r.doel for r in self.relaties("") if r.type == "custom-properties" and r.doel), None) or self.deel("docProps/custom.xml")
        if deel is None:
            return {}
        return dict(self.afgeleid(deel, _eigenschappen))

    # -- values
    @cached_property
    def gewoon(self) -> bool:
        """True when python-calamine reads the file itself as an OPC reader does: the
        usual part names (exact case, no ``../`` or absolute targets) and UTF-8 parts."""
        if self.workbook != "xl/workbook.xml" or self.deel("_rels/.rels") != "_rels/.rels":
            return False
        if self.deel("xl/_rels/workbook.xml.rels") != "xl/_rels/workbook.xml.rels":
            return False
        for r in self.workbook_relaties.values():
            if r.type in ("worksheet", "sharedStrings", "styles"):
                t = r.target
                if r.doel is None or t.startswith(("/", "..", "./")) or "%" in t or "\\" in t or r.doel != "xl/" + t:
                    return False
        for deel in [b.deel for b in self.bladen] + [self.workbook, self.deel_van_type("sharedStrings"), self.deel_van_type("styles")]:
            if deel and encoding_van(self._kop(deel)) != "utf-8":
                return False
        return True

    def _kop(self, deel: str) -> bytes:
        """The first bytes of a part (its encoding), without unpacking all of it."""
        if deel in self._utf8:
            return self._utf8[deel][:4] if deel not in self._anders else b"\xff\xfe"
        try:
            with self.x.zip.open(deel) as fh:
                return fh.read(4)
        except Exception:
            return self.x.lees(deel)[:4]

    def calamine_bytes(self) -> bytes:
        """The file for python-calamine: the original, or a normalised package with the
        same workbook, sheets, shared strings and styles under the usual names in UTF-8."""
        return self.data if self.gewoon else self.genormaliseerd()

    def genormaliseerd(self) -> bytes:
        rels = [f'<Relationship Id="rIdPkg" Type="{REL_T}/officeDocument" Target="xl/workbook.xml"/>']
        ct = [
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
            '<Default Extension="xml" ContentType="application/xml"/>',
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>',
        ]
        delen: dict[str, bytes] = {"xl/workbook.xml": self.lees_utf8(self.workbook)}
        wbrels = []
        n = 0
        for r in self.workbook_relaties.values():
            if r.doel is None or r.type not in ("worksheet", "sharedStrings", "styles"):
                continue
            if r.type == "worksheet":
                n += 1
                naam = f"worksheets/sheet{n}.xml"
                ct.append(f'<Override PartName="/xl/{naam}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>')
            elif r.type == "sharedStrings":
                naam = "sharedStrings.xml"
                ct.append(f'<Override PartName="/xl/{naam}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')
            else:
                naam = "styles.xml"
                ct.append(f'<Override PartName="/xl/{naam}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>')
            delen["xl/" + naam] = self.lees_utf8(r.doel)
            wbrels.append(f'<Relationship Id="{xml_escape(r.id, True)}" Type="{REL_T}/{r.type}" Target="{naam}"/>')
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
            z.writestr("[Content_Types].xml", f'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="{CT_NS}">{"".join(ct)}</Types>')
            z.writestr("_rels/.rels", f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_REL}">{"".join(rels)}</Relationships>')
            z.writestr("xl/_rels/workbook.xml.rels", f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG_REL}">{"".join(wbrels)}</Relationships>')
            for naam, data in delen.items():
                z.writestr(naam, data)
        return buf.getvalue()


def xml_escape(s: str, attr: bool = False) -> str:
    """``&``, ``<`` and ``>`` (in an attribute also ``"``) as entities: what
    ``xml.sax.saxutils.escape`` does, without its import of urllib and email (60 ms at
    every start of the command)."""
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return s.replace('"', "&quot;") if attr else s


def pakket(x: Xlsx) -> Pakket:
    """The Pakket of an opened file (made once per file)."""
    if x._pakket is None:
        x._pakket = Pakket(x)
    return x._pakket  # type: ignore[return-value]


def open_pakket(pad: str | Path) -> Pakket:
    return pakket(veilig.open_xlsx(pad))


# --------------------------------------------------------------------------- own value reader

# A <v> that python-calamine cannot turn into a value of its type (a date or duration far
# outside any calendar, INF) or reads as 0 (NaN): the sheet is read by ``lees_rijen``.
BIJZONDER = re.compile(rb"<(?:[\w.-]+:)?v>\s*[-+]?(?:[iI][nN][fF]|[nN][aA][nN]|[0-9.]*[eE]\+?[0-9]{2,}|[0-9]{10,})")
_BIJZONDER_SNEL = re.compile(rb"<v>\s*[-+]?(?:[iI][nN][fF]|[nN][aA][nN]|[0-9.]*[eE]\+?[0-9]{2,}|[0-9]{10,})")


def bijzonder(data: bytes) -> bool:
    """True when a sheet (UTF-8) has a <v> that python-calamine cannot read (BIJZONDER).
    An unprefixed sheet is searched with a literal-prefix pattern (twice as fast)."""
    if b"<worksheet" in data[:4096]:
        return _BIJZONDER_SNEL.search(data) is not None or (b":v>" in data and BIJZONDER.search(data) is not None)
    return BIJZONDER.search(data) is not None


EPOCH = dt.datetime(1899, 12, 30)
_DATUM_IDS = set(range(14, 23)) | {45, 47} | set(range(27, 37)) | set(range(50, 59))
_DUUR_IDS = {46}
_CEL_REF = re.compile(r"([A-Za-z]{1,3})([0-9]{1,7})$")


def _kolom(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def _soort_opmaak(code: str) -> str | None:
    """'duur' for a duration format ([h]:mm), 'datum' for a date/time format, else None."""
    c = re.sub(r'"[^"]*"|\\.|_.|\*.', "", code)
    if re.search(r"\[(h+|m+|s+)\]", c, re.I):
        return "duur"
    c = re.sub(r"\[[^\]]*\]", "", c).lower()
    if "general" in c:
        c = c.replace("general", "")
    return "datum" if re.search(r"[dmyhs]", c) else None


def soort_van_formaat(i: int, codes: dict[int, str]) -> str | None:
    """'datum', 'duur' or None for number format ``i`` (``codes``: the custom formats)."""
    if i in codes:
        return _soort_opmaak(codes[i])
    return "duur" if i in _DUUR_IDS else "datum" if i in _DATUM_IDS else None


def stijl_soorten(p: Pakket) -> list[str | None]:
    """Per cellXfs index: 'datum', 'duur' or None."""
    deel = p.deel_van_type("styles")
    if deel is None:
        return []
    root = p.xml(deel)
    codes: dict[int, str] = {}
    for nf in alle(root, "numFmt"):
        try:
            codes[int(nf.get("numFmtId") or "")] = nf.get("formatCode") or ""
        except ValueError:
            continue
    uit: list[str | None] = []
    for xfs in alle(root, "cellXfs"):
        for xf in kinderen(xfs, "xf"):
            try:
                i = int(xf.get("numFmtId") or 0)
            except ValueError:
                i = 0
            uit.append(soort_van_formaat(i, codes))
        break
    return uit


def gedeelde_teksten(p: Pakket) -> list[str]:
    deel = p.deel_van_type("sharedStrings")
    if deel is None:
        return []
    return [_rich(si) for si in kinderen(p.xml(deel), "si")]


def _rich(e) -> str:
    """The text of a <si>/<is>: <t> and the <t> of every <r>, no phonetic runs."""
    delen = []
    for k in e:
        if is_main(k.tag, "t"):
            delen.append(k.text or "")
        elif is_main(k.tag, "r"):
            for t in kinderen(k, "t"):
                delen.append(t.text or "")
    return ontsnap_terug("".join(delen))


_XHHHH = re.compile(r"_x([0-9A-Fa-f]{4})_")


def ontsnap_terug(s: str) -> str:
    """OOXML ``_xHHHH_`` escapes decoded (``_x005F_`` is a literal underscore)."""
    return _XHHHH.sub(lambda m: chr(int(m.group(1), 16)), s) if "_x" in s else s


def _getal_waarde(v: float, soort: str | None) -> object:
    """A number as python-calamine gives it, for a cell of style kind ``soort``."""
    if soort is None or not math.isfinite(v):
        return v
    try:
        if soort == "duur":
            return dt.timedelta(days=v)
        if 0 <= v < 1:
            s = round(v * 86400 * 1000) / 1000
            return (dt.datetime.min + dt.timedelta(seconds=s)).time() if s < 86400 else dt.time(0)
        d = EPOCH + dt.timedelta(days=v)
        return d.date() if v == int(v) else d
    except (OverflowError, ValueError):
        return v  # no calendar date: the number itself (the checker reports it)


def lees_rijen(p: Pakket, deel: str) -> tuple[list[list[object]], tuple[int, int]]:
    """The cells of a sheet part as python-calamine's ``to_python()`` and ``start`` give
    them: rows from the first used row/column, '' for empty cells, numbers as float,
    date/time/duration cells as datetime/date/time/timedelta, booleans, text; an error
    value as ''. Numbers that fit no date or duration (INF, NaN, 1E+300) stay floats."""
    soorten = stijl_soorten(p)
    teksten: list[str] | None = None
    cellen: dict[tuple[int, int], object] = {}
    root = parse_xml(p.lees_utf8(deel), deel)
    r = 0
    for rij in alle(root, "row"):
        try:
            r = int(rij.get("r")) if rij.get("r") else r + 1
        except ValueError:
            r += 1
        k = 0
        for c in kinderen(rij, "c"):
            ref = c.get("r")
            m = _CEL_REF.match(ref or "")
            if m:
                k, r_cel = _kolom(m.group(1)), int(m.group(2))
            else:
                k, r_cel = k + 1, r
            t = c.get("t") or "n"
            v_el = next(iter(kinderen(c, "v")), None)
            v = None if v_el is None else (v_el.text or "")
            waarde: object = ""
            if t == "inlineStr":
                is_ = next(iter(kinderen(c, "is")), None)
                waarde = _rich(is_) if is_ is not None else (v or "")
            elif v is None:
                waarde = ""
            elif t == "s":
                if teksten is None:
                    teksten = gedeelde_teksten(p)
                try:
                    i = int(v)
                    waarde = teksten[i] if i >= 0 else ""  # no index from the end
                except (ValueError, IndexError):
                    waarde = ""
            elif t == "str":
                waarde = ontsnap_terug(v)
            elif t == "b":
                waarde = v.strip() in ("1", "true")
            elif t == "e":
                waarde = ""
            elif t == "d":
                try:
                    waarde = dt.datetime.fromisoformat(v.strip())
                except ValueError:
                    waarde = v
            else:
                try:
                    getal = float(v)
                except ValueError:
                    waarde = v
                else:
                    try:
                        s = int(c.get("s") or 0)
                    except ValueError:
                        s = 0
                    waarde = _getal_waarde(getal, soorten[s] if 0 <= s < len(soorten) else None)
            if waarde != "":
                cellen[(r_cel - 1, k - 1)] = waarde
    return als_rijen(cellen)


def als_rijen(cellen: dict[tuple[int, int], object]) -> tuple[list[list[object]], tuple[int, int]]:
    """(row, column) from 0 -> value as python-calamine's ``to_python()`` and ``start``:
    rows from the first used cell, '' for empty cells."""
    if not cellen:
        return [], (0, 0)
    r0 = min(a for a, _ in cellen)
    c0 = min(b for _, b in cellen)
    r1 = max(a for a, _ in cellen)
    c1 = max(b for _, b in cellen)
    rijen = [[""] * (c1 - c0 + 1) for _ in range(r1 - r0 + 1)]
    for (a, b), w in cellen.items():
        rijen[a - r0][b - c0] = w
    return rijen, (r0, c0)


__all__ = ["Blad", "Pakket", "Relatie", "als_utf8", "is_main", "lees_rijen", "lokaal", "los_op", "open_pakket", "splits"]


def transitioneel(root):
    """A copy of a parsed part with Strict namespaces renamed to the Transitional ones
    (for readers that look elements up by Transitional name)."""
    import copy

    root = copy.deepcopy(root)
    for e in root.iter():
        if not isinstance(e.tag, str):
            continue
        uri, local = _rauw(e.tag)
        if uri in STRICT_NAAR_T:
            e.tag = f"{{{STRICT_NAAR_T[uri]}}}{local}"
        for k in list(e.attrib):
            au, al = _rauw(k)
            if au in STRICT_NAAR_T:
                e.attrib[f"{{{STRICT_NAAR_T[au]}}}{al}"] = e.attrib.pop(k)
    return root


# --------------------------------------------------------------------------- writing

XML_NS = "http://www.w3.org/XML/1998/namespace"
_ONGELDIG_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_X_ESC = re.compile(r"_(x[0-9A-Fa-f]{4}_)")


def ooxml_tekst(s: str) -> str:
    """Text for a cell value or shared string: characters XML 1.0 cannot hold (control
    characters) written as OOXML ``_xHHHH_``, and a literal ``_xHHHH_`` in the text
    escaped as ``_x005F_xHHHH_`` so that it reads back as itself."""
    if "_x" in s:
        s = _X_ESC.sub(r"_x005F_\1", s)
    return _ONGELDIG_XML.sub(lambda m: f"_x{ord(m.group(0)):04X}_", s)


def ontleed(data: bytes, naam: str = "XML"):
    """(tree, [(prefix, uri)] in document order) of an XML part, with defusedxml."""
    import defusedxml.ElementTree as DET

    data = als_utf8(data, naam)
    veilig.controleer_kop(data, naam)
    ns: list[tuple[str, str]] = []
    try:
        it = DET.iterparse(io.BytesIO(data), events=("start-ns",), forbid_dtd=True)
        for _ev, paar in it:
            ns.append(paar)
        return it.root, ns
    except OnveiligBestand:
        raise
    except Exception as exc:
        raise OnveiligBestand(f"ongeldige XML in {naam} ({veilig.xml_fout(exc)})") from None


def _xml_esc(s: str, attr: bool) -> str:
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if attr:
        s = s.replace('"', "&quot;").replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;")
    else:
        s = s.replace("\r", "&#13;")
    return s


def schrijf_xml(root, ns: list[tuple[str, str]]) -> bytes:
    """Serialise a parsed part with the document's own prefixes (``ontleed``), every
    namespace declared on the root element, as UTF-8 with an XML declaration. Prefixes
    named in attribute values (mc:Ignorable) stay declared. A namespace the tree uses
    without a prefix in ``ns`` gets a new one."""
    prefix: dict[str, str] = {}  # uri -> prefix ('' = default)
    bezet: dict[str, str] = {}  # prefix -> uri
    for p, u in ns:
        if p in bezet or u == XML_NS:
            continue
        bezet[p] = u
        prefix.setdefault(u, p)
    attr_prefix: dict[str, str] = {}
    nummer = 0

    def nieuw(uri: str) -> str:
        nonlocal nummer
        while f"ns{nummer}" in bezet:
            nummer += 1
        p = f"ns{nummer}"
        bezet[p] = uri
        return p

    geen_ns_onder_default = False
    for e in root.iter():
        if not isinstance(e.tag, str):
            continue
        uri, _ = _rauw(e.tag)
        if uri and uri not in prefix:
            prefix[uri] = nieuw(uri)
        if not uri and "" in bezet:
            geen_ns_onder_default = True
        for k in e.attrib:
            au, _ = _rauw(k)
            if au and au != XML_NS and au not in attr_prefix:
                p = prefix.get(au)
                if not p:  # attributes never take the default namespace
                    p = next((q for q, v in bezet.items() if v == au and q), None) or nieuw(au)
                attr_prefix[au] = p
    if geen_ns_onder_default:  # elements in no namespace under a default: move the default to a prefix
        du = bezet.pop("")
        p = next((q for q, v in bezet.items() if v == du), None) or nieuw(du)
        prefix[du] = p
    out: list[str] = []

    def naam(tag: str, attr: bool) -> str:
        uri, local = _rauw(tag)
        if not uri:
            return local
        if uri == XML_NS:
            return "xml:" + local
        p = attr_prefix[uri] if attr else prefix[uri]
        return f"{p}:{local}" if p else local

    def element(e, eerste: bool) -> None:
        s = "<" + naam(e.tag, False)
        if eerste:
            for p, u in bezet.items():
                s += f' xmlns{":" + p if p else ""}="{_xml_esc(u, True)}"'
        for k, v in e.attrib.items():
            s += f' {naam(k, True)}="{_xml_esc(v, True)}"'
        if len(e) == 0 and not e.text:
            out.append(s + "/>")
            return
        out.append(s + ">")
        if e.text:
            out.append(_xml_esc(e.text, False))
        for k in e:
            if isinstance(k.tag, str):
                element(k, False)
            if k.tail:
                out.append(_xml_esc(k.tail, False))
        out.append(f"</{naam(e.tag, False)}>")

    element(root, True)
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + "".join(out)).encode("utf-8")


def _rauw(tag: str) -> tuple[str, str]:
    if tag[:1] == "{":
        uri, local = tag[1:].split("}", 1)
        return uri, local
    return "", tag
