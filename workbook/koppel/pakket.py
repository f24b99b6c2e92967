"""Zip-level surgery: add the two new sheets, keep every other part byte-identical.

Only xl/workbook.xml, xl/_rels/workbook.xml.rels, [Content_Types].xml and
docProps/app.xml change, by inserting text into the original XML (so namespaces, prefixes
and everything else stay as they are). The XML is parsed with defusedxml only to read it.
"""

from __future__ import annotations

import io
import re
import zipfile
from xml.sax.saxutils import escape, quoteattr

from defusedxml import ElementTree as DET

WORKBOOK = "xl/workbook.xml"
RELS = "xl/_rels/workbook.xml.rels"
TYPES = "[Content_Types].xml"
APP = "docProps/app.xml"
GEWIJZIGD = (WORKBOOK, RELS, TYPES, APP)
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet"
WS_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"


class PakketFout(ValueError):
    pass


def _unescape_attr(s: str) -> str:
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'").replace("&amp;", "&")


def _prefix(tekst: str, ns: str) -> str:
    """The prefix a document binds to ``ns`` ('' for the default namespace)."""
    m = re.search(r'xmlns(?::([A-Za-z_][\w.-]*))?="' + re.escape(ns) + '"', tekst)
    if not m:
        raise PakketFout(f"namespace {ns} niet gevonden")
    return m.group(1) or ""


def nieuwe_bladen_in_workbook(tekst: str, na_blad: str, nieuw: list[tuple[str, str, bool]]) -> tuple[str, int]:
    """Insert ``nieuw`` = [(name, rId, hidden)]: the first right after ``na_blad``, the rest at the end.

    Returns the new text and the insert position (tab index) of the first new sheet."""
    main = _prefix(tekst, "http://schemas.openxmlformats.org/spreadsheetml/2006/main")
    p = f"{main}:" if main else ""
    r = _prefix(tekst, NS_R)
    sheet_re = re.compile(rf"<{re.escape(p)}sheet\b[^>]*?/>")
    sheets_m = re.search(rf"<{re.escape(p)}sheets>(.*?)</{re.escape(p)}sheets>", tekst, re.S)
    if not sheets_m:
        raise PakketFout("geen <sheets> in workbook.xml")
    items = sheet_re.findall(sheets_m.group(1))
    namen = [_unescape_attr(re.search(r'\bname="([^"]*)"', s).group(1)) for s in items]
    ids = [int(re.search(r'\bsheetId="(\d+)"', s).group(1)) for s in items]
    if na_blad not in namen:
        raise PakketFout(f"blad {na_blad!r} niet gevonden")
    pos = namen.index(na_blad) + 1
    volgende_id = max(ids, default=0) + 1
    nieuwe_xml = []
    for naam, rid, verborgen in nieuw:
        state = ' state="hidden"' if verborgen else ""
        nieuwe_xml.append(f"<{p}sheet name={quoteattr(naam)} sheetId=\"{volgende_id}\"{state} {r}:id=\"{rid}\"/>")
        volgende_id += 1
    items = items[:pos] + [nieuwe_xml[0]] + items[pos:] + nieuwe_xml[1:]
    start, eind = sheets_m.span(1)
    tekst = tekst[:start] + "".join(items) + tekst[eind:]

    def schuif(m: re.Match) -> str:
        n = int(m.group(2))
        return f'{m.group(1)}"{n + 1 if n >= pos else n}"'

    # definedName localSheetId and workbookView activeTab/firstSheet count tabs: shift them.
    tekst = re.sub(r"(<(?:\w+:)?definedName\b[^>]*?\blocalSheetId=)\"(\d+)\"", schuif, tekst)
    for attr in ("activeTab", "firstSheet"):
        tekst = re.sub(rf"(<(?:\w+:)?workbookView\b[^>]*?\b{attr}=)\"(\d+)\"", schuif, tekst)
    return tekst, pos


def nieuwe_relaties(tekst: str, doelen: list[str]) -> tuple[str, list[str]]:
    """Add worksheet relationships to ``doelen`` (targets relative to xl/); returns the new rIds."""
    bestaand = set(re.findall(r'\bId="([^"]*)"', tekst))
    n = 1
    rids = []
    extra = []
    for doel in doelen:
        while f"rId{n}" in bestaand:
            n += 1
        rid = f"rId{n}"
        bestaand.add(rid)
        rids.append(rid)
        extra.append(f'<Relationship Id="{rid}" Type="{WS_TYPE}" Target="{escape(doel)}"/>')
    i = tekst.rindex("</Relationships>")
    return tekst[:i] + "".join(extra) + tekst[i:], rids


def nieuwe_types(tekst: str, delen: list[str]) -> str:
    extra = "".join(f'<Override PartName="/{d}" ContentType="{WS_CT}"/>' for d in delen)
    i = tekst.rindex("</Types>")
    return tekst[:i] + extra + tekst[i:]


def nieuwe_titels(tekst: str, na_blad: str, titels: list[str]) -> str:
    """docProps/app.xml: sheet count and TitlesOfParts (first title after ``na_blad``, rest after the sheets).

    Returns the text unchanged when the layout is not the usual one (the part is informative)."""
    try:
        root = DET.fromstring(tekst.encode("utf-8"))
    except DET.ParseError:
        return tekst
    ns_ep = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
    ns_vt = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
    hp = root.find(f"{{{ns_ep}}}HeadingPairs")
    top = root.find(f"{{{ns_ep}}}TitlesOfParts")
    if hp is None or top is None:
        return tekst
    vt = _prefix(tekst, ns_vt)
    vp = f"{vt}:" if vt else ""
    # The first heading pair must be the worksheets; its count is the first i4.
    m_i4 = re.search(rf"(<{vp}i4>)(\d+)(</{vp}i4>)", tekst)
    lp_titels = re.search(rf"(<TitlesOfParts>\s*<{vp}vector\b[^>]*\bsize=\")(\d+)(\"[^>]*>)(.*?)(</{vp}vector>)", tekst, re.S)
    if not m_i4 or not lp_titels:
        return tekst
    aantal = int(m_i4.group(2))
    items = re.findall(rf"<{vp}lpstr>.*?</{vp}lpstr>|<{vp}lpstr/>", lp_titels.group(4), re.S)
    if len(items) != int(lp_titels.group(2)) or aantal > len(items):
        return tekst
    namen = [_unescape_attr(re.sub(r"<[^>]*>", "", x)) for x in items[:aantal]]
    if na_blad not in namen:
        return tekst
    pos = namen.index(na_blad) + 1
    nieuw = [f"<{vp}lpstr>{escape(t)}</{vp}lpstr>" for t in titels]
    items = items[:pos] + nieuw[:1] + items[pos:aantal] + nieuw[1:] + items[aantal:]
    start, eind = lp_titels.span()
    vervanging = lp_titels.group(1) + str(len(items)) + lp_titels.group(3) + "".join(items) + lp_titels.group(5)
    tekst = tekst[:start] + vervanging + tekst[eind:]
    s, e = m_i4.span(2)
    return tekst[:s] + str(aantal + len(titels)) + tekst[e:]


def schrijf_kopie(
    data: bytes, na_blad: str, nieuwe: list[tuple[str, bytes, bool]], inhoud: dict[str, bytes] | None = None
) -> bytes:
    """The xlsx ``data`` with the sheets ``nieuwe`` = [(name, sheet xml, hidden)] added.

    Every other member is copied with its name, order and decompressed bytes unchanged.
    ``inhoud`` (name -> unpacked bytes, e.g. from ``veiligheid.onderdelen``) saves
    unpacking the members again; members missing from it are read from ``data``."""
    zin = zipfile.ZipFile(io.BytesIO(data))
    namen = zin.namelist()
    inhoud = inhoud or {}

    def lees(naam: str) -> bytes:
        return inhoud[naam] if naam in inhoud else zin.read(naam)

    for deel in (WORKBOOK, RELS, TYPES):
        if deel not in namen:
            raise PakketFout(f"onderdeel {deel} ontbreekt")
    bestaande_nummers = [int(m.group(1)) for n in namen if (m := re.fullmatch(r"xl/worksheets/sheet(\d+)\.xml", n))]
    nr = max(bestaande_nummers, default=0)
    delen = []
    for _ in nieuwe:
        nr += 1
        while f"xl/worksheets/sheet{nr}.xml" in namen:
            nr += 1
        delen.append(f"xl/worksheets/sheet{nr}.xml")
    rels, rids = nieuwe_relaties(lees(RELS).decode("utf-8"), [d[len("xl/"):] for d in delen])
    wb, _pos = nieuwe_bladen_in_workbook(
        lees(WORKBOOK).decode("utf-8"), na_blad, [(naam, rid, verborgen) for (naam, _x, verborgen), rid in zip(nieuwe, rids)]
    )
    types = nieuwe_types(lees(TYPES).decode("utf-8"), delen)
    vervangen = {WORKBOOK: wb.encode("utf-8"), RELS: rels.encode("utf-8"), TYPES: types.encode("utf-8")}
    if APP in namen:
        app = lees(APP).decode("utf-8")
        vervangen[APP] = nieuwe_titels(app, na_blad, [n for n, _x, _v in nieuwe]).encode("utf-8")
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            nieuw = vervangen.get(info.filename)
            if nieuw is None:
                nieuw = lees(info.filename)
            nieuw_info = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            nieuw_info.compress_type = info.compress_type
            nieuw_info.external_attr = info.external_attr
            zout.writestr(nieuw_info, nieuw)
        for deel, (_naam, xml, _v) in zip(delen, nieuwe):
            zout.writestr(zipfile.ZipInfo(deel, date_time=(1980, 1, 1, 0, 0, 0)), xml, compress_type=zipfile.ZIP_DEFLATED)
    return uit.getvalue()
