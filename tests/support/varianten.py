"""Re-serialise a filled xlsx in the legal (and some illegal) ways other programs write it.

Every transformation parses the XML parts (no string surgery) and writes them again with
its own small serializer, so the result is well-formed XML that a namespace-aware reader
(Excel, LibreOffice, openpyxl) reads as the same workbook:

- ``prefix``: the SpreadsheetML main namespace bound to a prefix (``<x:worksheet>``,
  ``<x:c>``), as the Open XML SDK writes it;
- ``lokaal``: no prefix for the main namespace, every other namespace declared locally on
  the element that uses it, and the default namespace declared again on inner elements;
- ``enkel``: attribute values in single quotes;
- ``pakket_prefix``: ``<pr:Relationship>``, ``</pr:Relationships >``, ``<ct:Override>``;
- ``strict``: Strict Open XML namespaces and relationship types (Excel "Strict Open XML");
- ``utf16``: every XML part encoded as UTF-16 (with BOM and declaration);
- ``omhoog``: relationship targets with ``../`` and absolute ``/xl/...`` part names;
- ``hernoemd``: other part names (``xl/Map.xml``, ``xl/bladen/Blad3.XML``) and a relationship
  target that differs from the zip entry only in case;
- ``hoofdletters``: the sheet names in upper case ("VOORBLAD");
- ``lege_v``: every empty cached value written as ``<v/>``;
- ``zonder_r``: cells without ``r=`` wherever the position follows the previous cell.

Broken ways (``dubbel``, ``dubbel_hoofdletters``, ``ongebonden``) give files that must be
refused.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Callable
from xml.etree import ElementTree as ET

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"
XMLNS = "http://www.w3.org/XML/1998/namespace"
STRICT = {
    MAIN: "http://purl.oclc.org/ooxml/spreadsheetml/main",
    R: "http://purl.oclc.org/ooxml/officeDocument/relationships",
    "http://schemas.openxmlformats.org/drawingml/2006/main": "http://purl.oclc.org/ooxml/drawingml/main",
}
STRICT_TYPE = "http://purl.oclc.org/ooxml/officeDocument/relationships/"
TRANS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def ontleed(data: bytes) -> tuple[ET.Element, dict[str, str]]:
    """The tree and the prefixes of the document (uri -> prefix, first declaration wins)."""
    ns: dict[str, str] = {}
    it = ET.iterparse(io.BytesIO(data), events=("start-ns",))
    for _ev, (prefix, uri) in it:
        ns.setdefault(uri, prefix)
    return it.root, ns  # type: ignore[attr-defined]


def _split(naam: str) -> tuple[str, str]:
    if naam.startswith("{"):
        uri, local = naam[1:].split("}", 1)
        return uri, local
    return "", naam


def _esc(s: str, quote: str) -> str:
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    s = s.replace("\r", "&#13;").replace("\n", "&#10;").replace("\t", "&#9;")
    return s.replace('"', "&quot;") if quote == '"' else s.replace("'", "&apos;")


def _tekst(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def schrijf(root: ET.Element, ns: dict[str, str], quote: str = '"', lokaal: bool = False, encoding: str = "utf-8", herhaal_default: bool = False) -> bytes:
    """Serialise ``root`` with the prefixes ``ns`` (uri -> prefix, "" = default)."""
    ns = {u: p for u, p in ns.items() if u != XMLNS}
    extra = iter(range(10_000))
    out: list[str] = []

    def prefix_voor(uri: str, attr: bool, scope: dict[str, str], decl: dict[str, str]) -> str:
        p = ns.get(uri)
        if p is None or (attr and p == ""):
            p = next((q for q, u in scope.items() if u == uri and q), None) or f"ns{next(extra)}"
            ns.setdefault(uri, p) if not attr else None
        if scope.get(p) != uri:
            decl[p] = uri
            scope[p] = uri
        return p

    def element(e: ET.Element, scope: dict[str, str], diepte: int) -> None:
        scope = dict(scope)
        decl: dict[str, str] = {}
        if diepte == 0 and not lokaal:
            for u, p in ns.items():
                decl[p] = u
                scope[p] = u
        uri, local = _split(e.tag)
        if uri:
            p = prefix_voor(uri, False, scope, decl)
            naam = f"{p}:{local}" if p else local
        else:
            if scope.get("", "") != "":
                decl[""] = ""
                scope[""] = ""
            naam = local
        if herhaal_default and diepte in (1, 2) and uri and ns.get(uri) == "" and "" not in decl:
            decl[""] = uri
        attrs = []
        for k, v in e.attrib.items():
            au, al = _split(k)
            if au == XMLNS:
                attrs.append((f"xml:{al}", v))
            elif au:
                attrs.append((f"{prefix_voor(au, True, scope, decl)}:{al}", v))
            else:
                attrs.append((al, v))
        q = quote
        s = "<" + naam
        for p, u in decl.items():
            s += f" xmlns{':' + p if p else ''}={q}{_esc(u, q)}{q}"
        for k, v in attrs:
            s += f" {k}={q}{_esc(v, q)}{q}"
        if len(e) == 0 and not e.text:
            out.append(s + "/>")
        else:
            out.append(s + ">")
            if e.text:
                out.append(_tekst(e.text))
            for kind in e:
                element(kind, scope, diepte + 1)
                if kind.tail:
                    out.append(_tekst(kind.tail))
            out.append(f"</{naam}>")

    element(root, {"": ""}, 0)
    q = quote
    kop = f"<?xml version={q}1.0{q} encoding={q}{'UTF-16' if encoding.startswith('utf-16') else 'UTF-8'}{q} standalone={q}yes{q}?>\n"
    tekst = kop + "".join(out)
    if encoding.startswith("utf-16"):
        return tekst.encode("utf-16")  # with BOM
    return tekst.encode("utf-8")


# ------------------------------------------------------------------------ the package


def leden(data: bytes) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return [(i, z.read(i)) for i in z.infolist()]


def inpakken(delen: list[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for naam, data in delen:
            z.writestr(zipfile.ZipInfo(naam, date_time=(2026, 1, 1, 0, 0, 0)), data, compress_type=zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def _is_xml(naam: str) -> bool:
    return naam.lower().endswith((".xml", ".rels", ".vml"))


def per_deel(data: bytes, f: Callable[[str, ET.Element, dict[str, str]], bytes | None]) -> bytes:
    """Pass every XML part through ``f(name, tree, prefixes)`` (None: unchanged)."""
    uit = []
    for info, d in leden(data):
        if _is_xml(info.filename) and not info.filename.lower().endswith(".vml"):
            root, ns = ontleed(d)
            nieuw = f(info.filename, root, ns)
            uit.append((info.filename, d if nieuw is None else nieuw))
        else:
            uit.append((info.filename, d))
    return inpakken(uit)


def _is_main(root: ET.Element) -> bool:
    return _split(root.tag)[0] == MAIN


def prefix(data: bytes, p: str = "x") -> bytes:
    def f(naam, root, ns):
        if not _is_main(root):
            return None
        ns = {u: q for u, q in ns.items() if q != p}
        ns[MAIN] = p
        return schrijf(root, ns)

    return per_deel(data, f)


CT = "http://schemas.openxmlformats.org/package/2006/content-types"


def pakket_prefix(data: bytes) -> bytes:
    """Relationships as ``<pr:Relationship>`` (closed by ``</pr:Relationships >``), content
    types as ``<ct:Override>``, attribute values in single quotes."""

    def f(naam, root, ns):
        uri = _split(root.tag)[0]
        if uri == PR:
            uit = schrijf(root, {PR: "pr"}, quote="'")
            return uit.replace(b"</pr:Relationships>", b"</pr:Relationships >")
        if uri == CT:
            return schrijf(root, {CT: "ct"}, quote="'")
        return None

    return per_deel(data, f)


def lokaal(data: bytes) -> bytes:
    def f(naam, root, ns):
        return schrijf(root, ns, lokaal=True, herhaal_default=True)

    return per_deel(data, f)


def enkel(data: bytes) -> bytes:
    return per_deel(data, lambda naam, root, ns: schrijf(root, ns, quote="'"))


def utf16(data: bytes) -> bytes:
    return per_deel(data, lambda naam, root, ns: schrijf(root, ns, encoding="utf-16"))


def _hernoem_ns(e: ET.Element, kaart: dict[str, str]) -> None:
    for el in e.iter():
        uri, local = _split(el.tag)
        if uri in kaart:
            el.tag = f"{{{kaart[uri]}}}{local}"
        for k in list(el.attrib):
            au, al = _split(k)
            if au in kaart:
                el.attrib[f"{{{kaart[au]}}}{al}"] = el.attrib.pop(k)


def strict(data: bytes) -> bytes:
    def f(naam, root, ns):
        _hernoem_ns(root, STRICT)
        for el in root.iter(f"{{{PR}}}Relationship"):
            t = el.get("Type", "")
            if t.startswith(TRANS_TYPE):
                el.set("Type", STRICT_TYPE + t[len(TRANS_TYPE):])
        if _split(root.tag) == (STRICT[MAIN], "workbook"):
            root.set("conformance", "strict")
        return schrijf(root, {STRICT.get(u, u): p for u, p in ns.items()})

    return per_deel(data, f)


def _rels_van(deel: str) -> str:
    d, n = posixpath.split(deel)
    return posixpath.join(d, "_rels", n + ".rels")


def _doel(bron: str, target: str) -> str:
    if target.startswith("/"):
        return target[1:]
    return posixpath.normpath(posixpath.join(posixpath.dirname(bron), target))


def _relatief(bron: str, deel: str) -> str:
    return posixpath.relpath(deel, posixpath.dirname(bron) or ".")


def hernoem_delen(data: bytes, kaart: Callable[[str], str], target: Callable[[str, str], str] | None = None) -> bytes:
    """Rename parts (``kaart(old) -> new``) and rewrite every relationship target and
    content-type override; ``target(source part, new part) -> Target`` spells the target."""
    delen = leden(data)
    namen = [i.filename for i, _ in delen]
    nieuw = {n: kaart(n) for n in namen}
    bron_van_rels = {}
    for n in namen:
        if n.endswith(".rels"):
            d, f = posixpath.split(n)
            bron_van_rels[n] = posixpath.join(posixpath.dirname(d), f[: -len(".rels")])
    uit = []
    for info, d in delen:
        n = info.filename
        if n == "[Content_Types].xml":
            root, ns = ontleed(d)
            for el in root:
                pn = el.get("PartName")
                if pn and pn[1:] in nieuw:
                    el.set("PartName", "/" + nieuw[pn[1:]])
            d = schrijf(root, ns)
            uit.append((n, d))
            continue
        if n in bron_van_rels:
            bron = bron_van_rels[n]
            root, ns = ontleed(d)
            for el in root:
                if el.get("TargetMode") == "External":
                    continue
                oud = _doel(bron, el.get("Target", ""))
                if oud in nieuw:
                    nb = nieuw.get(bron, bron)
                    el.set("Target", target(nb, nieuw[oud]) if target else _relatief(nb, nieuw[oud]))
            d = schrijf(root, ns)
            nb = nieuw.get(bron, bron)
            uit.append((_rels_van(nb) if bron else n, d))
            continue
        uit.append((nieuw[n], d))
    return inpakken(uit)


def omhoog(data: bytes) -> bytes:
    """Targets like ``../xl/worksheets/sheet1.xml`` and ``/xl/workbook.xml``."""

    def target(bron: str, deel: str) -> str:
        if not bron:
            return "/" + deel
        rel = _relatief(bron, deel)
        return "../" + posixpath.basename(posixpath.dirname(bron)) + "/" + rel if posixpath.dirname(bron) else rel

    return hernoem_delen(data, lambda n: n, target)


def hernoemd(data: bytes) -> bytes:
    """xl/workbook.xml -> xl/Map.xml, sheets -> xl/bladen/BladN.XML (target in lower case)."""

    def kaart(n: str) -> str:
        if n == "xl/workbook.xml":
            return "xl/Map.xml"
        m = re.fullmatch(r"xl/worksheets/sheet(\d+)\.xml", n)
        if m:
            return f"xl/bladen/Blad{m.group(1)}.XML"
        if n == "xl/sharedStrings.xml":
            return "xl/Teksten.xml"
        m = re.fullmatch(r"xl/worksheets/_rels/sheet(\d+)\.xml\.rels", n)
        if m:
            return n
        return n

    def target(bron: str, deel: str) -> str:
        rel = _relatief(bron, deel) if bron else deel
        return rel.lower() if "bladen/" in rel else rel  # differs from the entry in case only

    return hernoem_delen(data, kaart, target)


def hoofdletters(data: bytes, bladen: tuple[str, ...] = ("Voorblad",)) -> bytes:
    """The given sheets renamed in upper case in workbook.xml (formulas keep their case)."""

    def f(naam, root, ns):
        uri, local = _split(root.tag)
        if local != "workbook":
            return None
        for el in root.iter(f"{{{uri}}}sheet"):
            if el.get("name") in bladen:
                el.set("name", el.get("name").upper())
        return schrijf(root, ns)

    return per_deel(data, f)


def lege_v(data: bytes) -> bytes:
    """Every empty cached value as ``<v/>`` (re-serialised: an element without text)."""

    def f(naam, root, ns):
        if _split(root.tag)[1] != "worksheet":
            return None
        return schrijf(root, ns)  # schrijf writes an empty element as <v/>

    return per_deel(data, f)


def _kolom(ref: str) -> int:
    n = 0
    for ch in re.match(r"[A-Z]+", ref).group(0):
        n = n * 26 + ord(ch) - 64
    return n


def zonder_r(data: bytes) -> bytes:
    def f(naam, root, ns):
        uri, local = _split(root.tag)
        if local != "worksheet":
            return None
        for row in root.iter(f"{{{uri}}}row"):
            vorige = 0
            for c in row.findall(f"{{{uri}}}c"):
                ref = c.get("r")
                if ref is None:
                    vorige += 1
                    continue
                k = _kolom(ref)
                if k == vorige + 1:
                    del c.attrib["r"]
                vorige = k
        return schrijf(root, ns)

    return per_deel(data, f)


# ------------------------------------------------------------------------ broken ways


def dubbel(data: bytes, naam: str = "xl/workbook.xml", hoofdletters: bool = False) -> bytes:
    """A second zip entry with the name of an existing one (or that name in other case)."""
    delen = [(i.filename, d) for i, d in leden(data)]
    kopie = dict(delen)[naam]
    buf = io.BytesIO()
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            for n, d in delen:
                z.writestr(n, d)
            z.writestr(naam.upper() if hoofdletters else naam, kopie)
    return buf.getvalue()


def ongebonden(data: bytes) -> bytes:
    """workbook.xml with a prefix that is used but never declared (not well-formed)."""
    uit = []
    for info, d in leden(data):
        if info.filename == "xl/workbook.xml":
            d = d.replace(b"<sheets>", b"<sheets><q:extra/>", 1)
        uit.append((info.filename, d))
    return inpakken(uit)


LEGAAL: dict[str, Callable[[bytes], bytes]] = {
    "prefix": prefix,
    "pakket_prefix": pakket_prefix,
    "lokaal": lokaal,
    "enkel": enkel,
    "strict": strict,
    "utf16": utf16,
    "omhoog": omhoog,
    "hernoemd": hernoemd,
    "hoofdletters": lambda d: hoofdletters(d, ("Voorblad", "Clientgegevens", "Aanvraag individueel", "Aanvraag-overzicht groep")),
    "lege_v": lege_v,
    "zonder_r": zonder_r,
}
