"""Package-level surgery for koppel: add parts, keep every other member byte-identical.

``schrijf_pakket`` is the one function that writes a changed package: it takes the
original members, the parts to replace or add, content-type overrides and relationships
to add; it edits [Content_Types].xml and the relationship parts on parsed XML (read with
the package reader ``xl_meerzorg.workbook.ooxml``, any prefix, quoting or encoding) and
serialises them with the document's own prefixes, parses every changed part back, and
verifies the result as a whole (``verifieer``) before it is returned. ``schrijf_kopie``
uses it to add the sheets Python-controle and xlwings.conf: the workbook part gets the
new ``<sheet>`` elements (in the workbook's own namespace, with its relationships
namespace declared), docProps/app.xml the new titles. Every other member is copied with
its name, order and unpacked bytes unchanged.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass
from pathlib import Path

from xl_meerzorg.workbook import ooxml, veilig

WS_TYPE = "worksheet"
WS_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
NS_EP = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
NS_VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
TYPES = "[Content_Types].xml"


class PakketFout(ValueError):
    pass


@dataclass(frozen=True)
class NieuweRelatie:
    bron: str  # source part ('' = the package)
    type: str  # "worksheet" (a Transitional/Strict relationship type: the package's own base is used) or a full URI
    doel: str  # target part name


def _tree(data: bytes, naam: str):
    try:
        return ooxml.ontleed(data, naam)
    except veilig.OnveiligBestand as exc:
        raise PakketFout(str(exc)) from None


def _xlsx(data: bytes) -> veilig.Xlsx:
    z = zipfile.ZipFile(io.BytesIO(data))
    return veilig.Xlsx(Path("kopie.xlsx"), data, z, frozenset(z.namelist()))


def _type_uri(soort: str, voorbeeld: str | None) -> str:
    if "/" in soort:
        return soort
    for base in ooxml.TYPE_BASES:
        if voorbeeld and voorbeeld.startswith(base):
            return base + soort
    return ooxml.TYPE_BASES[0] + soort


def _nieuwe_rels(data: bytes | None, naam: str, relaties: list[tuple[str, str, str]]) -> bytes:
    """The relationships part with (Id, Type, Target) added."""
    if data is None:
        from xml.etree.ElementTree import Element

        root, ns = Element(f"{{{PKG_REL}}}Relationships"), [("", PKG_REL)]
    else:
        root, ns = _tree(data, naam)
    uri = ooxml._rauw(root.tag)[0] or PKG_REL
    for rid, t, target in relaties:
        e = root.makeelement(f"{{{uri}}}Relationship" if uri else "Relationship", {"Id": rid, "Type": t, "Target": target})
        root.append(e)
    return ooxml.schrijf_xml(root, ns)


def nieuwe_relaties(data: bytes | None, nieuw: list[tuple[str, str]], bron: str = "xl/workbook.xml", naam: str = "xl/_rels/workbook.xml.rels") -> tuple[bytes, list[str]]:
    """The relationships part ``data`` (None: a new one) of part ``bron`` with
    relationships (type, target part) added under free Ids; returns it and the Ids."""
    bestaande_ids: set[str] = set()
    voorbeeld = None
    if data is not None:
        root, _ns = _tree(data, naam)
        for e in root:
            bestaande_ids.add(e.get("Id") or "")
            if ooxml.rel_type(e.get("Type")) == WS_TYPE:
                voorbeeld = e.get("Type")
    toevoegen = []
    ids = []
    n = 1
    for soort, doel in nieuw:
        while f"rId{n}" in bestaande_ids:
            n += 1
        rid = f"rId{n}"
        bestaande_ids.add(rid)
        target = posixpath.relpath(doel, posixpath.dirname(bron) or ".") if bron else doel
        toevoegen.append((rid, _type_uri(soort, voorbeeld), target))
        ids.append(rid)
    return _nieuwe_rels(data, naam, toevoegen), ids


def schrijf_pakket(
    data: bytes,
    inhoud: dict[str, bytes] | None = None,
    vervangen: dict[str, bytes] | None = None,
    nieuw: dict[str, bytes] | None = None,
    overrides: dict[str, str] | None = None,
    relaties: list[NieuweRelatie] | None = None,
) -> tuple[bytes, dict[tuple[str, str], str]]:
    """The package ``data`` with parts replaced (``vervangen``, zip entry -> bytes), parts
    added (``nieuw``), content-type overrides (part -> content type) and relationships
    added. Returns the new package and the Id of each new relationship by (source, target).

    ``inhoud`` (entry -> unpacked bytes, e.g. from ``veiligheid.onderdelen``) saves
    unpacking members again. Every changed XML part is parsed back and the whole copy is
    checked (``verifieer``); problems raise PakketFout with a Dutch reason."""
    zin = zipfile.ZipFile(io.BytesIO(data))
    inhoud = inhoud or {}
    vervangen = dict(vervangen or {})
    nieuw = dict(nieuw or {})
    index = {n.casefold(): n for n in zin.namelist()}

    def lees(naam: str) -> bytes:
        if naam in vervangen:
            return vervangen[naam]
        return inhoud[naam] if naam in inhoud else zin.read(naam)

    for n in nieuw:
        if n.casefold() in index:
            raise PakketFout(f"onderdeel {n} bestaat al")
    # content types
    if overrides:
        ct_naam = index.get(TYPES.casefold())
        if ct_naam is None:
            raise PakketFout(f"onderdeel {TYPES} ontbreekt")
        root, ns = _tree(lees(ct_naam), ct_naam)
        uri = ooxml._rauw(root.tag)[0] or CT_NS
        bestaand = {(e.get("PartName") or "").casefold(): e for e in root if ooxml.lokaal(e.tag) == "Override"}
        for deel, ct in overrides.items():
            e = bestaand.get(("/" + deel).casefold())
            if e is not None:
                e.set("ContentType", ct)
            else:
                root.append(root.makeelement(f"{{{uri}}}Override" if uri else "Override", {"PartName": "/" + deel, "ContentType": ct}))
        vervangen[ct_naam] = ooxml.schrijf_xml(root, ns)
    # relationships, per source part
    ids: dict[tuple[str, str], str] = {}
    per_bron: dict[str, list[NieuweRelatie]] = {}
    for r in relaties or []:
        per_bron.setdefault(r.bron, []).append(r)
    for bron, rels in per_bron.items():
        rels_naam = ooxml.rels_deel(bron)
        echt = index.get(rels_naam.casefold()) or next((n for n in nieuw if n.casefold() == rels_naam.casefold()), None)
        oud = lees(echt) if echt and echt not in nieuw else nieuw.get(echt) if echt else None
        nieuw_rels, nieuwe_ids = nieuwe_relaties(oud, [(r.type, r.doel) for r in rels], bron, rels_naam)
        for r, rid in zip(rels, nieuwe_ids):
            ids[(bron, r.doel)] = rid
        if echt and echt in index.values():
            vervangen[echt] = nieuw_rels
        else:
            nieuw[echt or rels_naam] = nieuw_rels
    # every changed or added XML part parses
    for naam, d in list(vervangen.items()) + list(nieuw.items()):
        if naam.lower().endswith((".xml", ".rels")):
            _tree(d, naam)
    uit = io.BytesIO()
    with zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            inhoud_lid = vervangen.get(info.filename)
            if inhoud_lid is None:
                inhoud_lid = lees(info.filename)
            nieuw_info = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            nieuw_info.compress_type = info.compress_type
            nieuw_info.external_attr = info.external_attr
            zout.writestr(nieuw_info, inhoud_lid)
        for deel, d in nieuw.items():
            zout.writestr(zipfile.ZipInfo(deel, date_time=(1980, 1, 1, 0, 0, 0)), d, compress_type=zipfile.ZIP_DEFLATED)
    return uit.getvalue(), ids


def verifieer(data: bytes, bladen: list[str] | None = None, gewijzigd: list[str] | None = None) -> None:
    """Check a written package as a whole: it opens with the safety checks, every sheet
    of the workbook has its part, sheet names are unique without case, every internal
    relationship of the package and the workbook resolves, the workbook, its sheets and
    related parts have a content type, and the ``gewijzigd`` parts parse. ``bladen``:
    the expected sheet names, in order."""
    try:
        x = _xlsx(data)
        p = ooxml.Pakket(x)
        namen = [b.naam for b in p.bladen]
        if bladen is not None and namen != bladen:
            raise PakketFout(f"de bladen van de kopie zijn niet de verwachte ({', '.join(namen)})")
        if len({n.casefold() for n in namen}) != len(namen):
            raise PakketFout("twee bladen met dezelfde naam")
        for b in p.bladen:
            if b.deel is None:
                raise PakketFout(f"het blad {b.naam} heeft geen onderdeel")
        for bron in ("", p.workbook):
            for r in p.relaties(bron):
                if not r.extern and r.doel is None:
                    raise PakketFout(f"relatie {r.id} van {bron or 'het pakket'} verwijst naar een onderdeel dat ontbreekt ({r.target})")
        ct_root = p.xml(p.deel(TYPES) or TYPES)
        defaults = {(e.get("Extension") or "").casefold() for e in ct_root if ooxml.lokaal(e.tag) == "Default"}
        overrides = {(e.get("PartName") or "").casefold() for e in ct_root if ooxml.lokaal(e.tag) == "Override"}
        for n in [p.workbook] + [b.deel for b in p.bladen if b.deel] + [r.doel for r in p.workbook_relaties.values() if r.doel]:
            ext = n.rsplit(".", 1)[-1].casefold() if "." in n.rsplit("/", 1)[-1] else ""
            if ("/" + n).casefold() not in overrides and ext not in defaults:
                raise PakketFout(f"onderdeel {n} heeft geen inhoudstype")
        for n in gewijzigd or ():
            if n.lower().endswith((".xml", ".rels")):
                p.xml(n)
    except veilig.OnveiligBestand as exc:
        raise PakketFout(f"de kopie is ongeldig: {exc}") from None


# --------------------------------------------------------------------------- koppel's edits


def nieuwe_bladen_in_workbook(wb_data: bytes, na_blad: str, nieuw: list[tuple[str, str, bool]], wb_naam: str = "xl/workbook.xml") -> bytes:
    """The workbook part with ``nieuw`` = [(name, rId, hidden)] added: the first right
    after ``na_blad``, the rest at the end; tab indexes (definedName localSheetId,
    workbookView activeTab/firstSheet) shifted."""
    root, ns = _tree(wb_data, wb_naam)
    sheets_el = next((e for e in root if ooxml.is_main(e.tag, "sheets")), None)
    if sheets_el is None:
        raise PakketFout("geen <sheets> in de werkmap")
    items = [e for e in sheets_el if ooxml.is_main(e.tag, "sheet")]
    namen = [e.get("name") or "" for e in items]
    if na_blad not in namen:
        raise PakketFout(f"blad {na_blad} niet gevonden")
    bestaand = {n.casefold() for n in namen}
    for naam, _rid, _v in nieuw:
        if naam.casefold() in bestaand:
            raise PakketFout(f"blad {naam} bestaat al")
    ids = []
    for e in items:
        try:
            ids.append(int(e.get("sheetId") or 0))
        except ValueError:
            pass
    # the relationships namespace of the existing r:id attributes (Transitional or Strict)
    r_uri = ooxml.REL_T
    for e in items:
        for k in e.attrib:
            uri, local = ooxml._rauw(k)
            if local == "id" and uri in ooxml.RELS:
                r_uri = uri
    tag = items[0].tag if items else sheets_el.tag[: -len("sheets")] + "sheet"
    pos = namen.index(na_blad) + 1
    volgende = max(ids, default=0) + 1
    nieuwe = []
    for naam, rid, verborgen in nieuw:
        attrs = {"name": naam, "sheetId": str(volgende)}
        if verborgen:
            attrs["state"] = "hidden"
        attrs[f"{{{r_uri}}}id"] = rid
        e = sheets_el.makeelement(tag, attrs)
        if items:
            e.tail = items[-1].tail
        nieuwe.append(e)
        volgende += 1
    index_in_parent = list(sheets_el).index(items[pos - 1]) + 1
    sheets_el.insert(index_in_parent, nieuwe[0])
    for e in nieuwe[1:]:
        laatste = [k for k in sheets_el if ooxml.is_main(k.tag, "sheet")][-1]
        sheets_el.insert(list(sheets_el).index(laatste) + 1, e)

    def schuif(e, attr: str) -> None:
        v = e.get(attr)
        if v is not None and v.strip().isdigit() and int(v) >= pos:
            e.set(attr, str(int(v) + 1))

    for e in ooxml.alle(root, "definedName"):
        schuif(e, "localSheetId")
    for e in ooxml.alle(root, "workbookView"):
        schuif(e, "activeTab")
        schuif(e, "firstSheet")
    return ooxml.schrijf_xml(root, ns)


def nieuwe_titels(app: bytes, na_blad: str, titels: list[str], naam: str = "docProps/app.xml") -> bytes | None:
    """docProps/app.xml with the sheet count and TitlesOfParts extended (the first title
    after ``na_blad``, the rest after the sheets); None when the layout is not the usual
    one (the part is informative only)."""
    try:
        root, ns = ooxml.ontleed(app, naam)
    except veilig.OnveiligBestand:
        return None

    def kind(e, local: str):
        return next((k for k in e if ooxml.lokaal(k.tag) == local), None) if e is not None else None

    hp, top = kind(root, "HeadingPairs"), kind(root, "TitlesOfParts")
    hv, tv = kind(hp, "vector"), kind(top, "vector")
    if hv is None or tv is None:
        return None
    paren = [v for v in hv if ooxml.lokaal(v.tag) == "variant"]
    if len(paren) < 2:
        return None
    i4 = next((k for k in paren[1] if ooxml.lokaal(k.tag) in ("i4", "i2", "i8", "int")), None)
    items = [k for k in tv if ooxml.lokaal(k.tag) == "lpstr"]
    try:
        aantal = int((i4.text or "").strip()) if i4 is not None else -1
    except ValueError:
        return None
    if aantal < 0 or aantal > len(items) or len(items) != len(list(tv)):
        return None
    namen = [k.text or "" for k in items[:aantal]]
    if na_blad not in namen:
        return None
    pos = namen.index(na_blad) + 1
    tag = items[0].tag if items else f"{{{NS_VT}}}lpstr"
    nieuwe = []
    for t in titels:
        e = tv.makeelement(tag, {})
        e.text = t
        nieuwe.append(e)
    tv.insert(pos, nieuwe[0])
    for j, e in enumerate(nieuwe[1:]):
        tv.insert(aantal + 1 + j, e)
    tv.set("size", str(len(list(tv))))
    i4.text = str(aantal + len(titels))
    return ooxml.schrijf_xml(root, ns)


_NAAR_STRICT = {t: s for s, t in ooxml.STRICT_NAAR_T.items()}


def naar_strict(xml: bytes, naam: str) -> bytes:
    """A part written in Transitional namespaces, in the Strict ones (for a Strict workbook)."""
    root, ns = _tree(xml, naam)
    for e in root.iter():
        uri, local = ooxml._rauw(e.tag)
        if uri in _NAAR_STRICT:
            e.tag = f"{{{_NAAR_STRICT[uri]}}}{local}"
        for k in list(e.attrib):
            au, al = ooxml._rauw(k)
            if au in _NAAR_STRICT:
                e.attrib[f"{{{_NAAR_STRICT[au]}}}{al}"] = e.attrib.pop(k)
    return ooxml.schrijf_xml(root, [(p, _NAAR_STRICT.get(u, u)) for p, u in ns])


def schrijf_kopie(data: bytes, na_blad: str, nieuwe: list[tuple[str, bytes, bool]], inhoud: dict[str, bytes] | None = None) -> bytes:
    """The package ``data`` with the sheets ``nieuwe`` = [(name, sheet xml, hidden)] added
    after ``na_blad``; verified as a whole."""
    x = _xlsx(data)
    try:
        p = ooxml.Pakket(x)
        wb = p.workbook
        oude_namen = [b.naam for b in p.bladen]
    except veilig.OnveiligBestand as exc:
        raise PakketFout(str(exc)) from None
    namen = {n.casefold() for n in x.namen}
    map_ = posixpath.join(posixpath.dirname(wb), "worksheets")
    delen = []
    nr = 0
    for _ in nieuwe:
        nr += 1
        while posixpath.join(map_, f"sheet{nr}.xml").casefold() in namen:
            nr += 1
        deel = posixpath.join(map_, f"sheet{nr}.xml")
        namen.add(deel.casefold())
        delen.append(deel)

    def lees(naam: str) -> bytes:
        return inhoud[naam] if inhoud and naam in inhoud else x.zip.read(naam)

    # relationships first (their Ids go into the workbook part)
    rels_echt = p.deel(ooxml.rels_deel(wb))
    rels_data, rids = nieuwe_relaties(lees(rels_echt) if rels_echt else None, [(WS_TYPE, d) for d in delen], wb, rels_echt or ooxml.rels_deel(wb))
    ids = {(wb, d): rid for d, rid in zip(delen, rids)}
    vervangen: dict[str, bytes] = {}
    strict = ooxml._rauw(p.xml(wb).tag)[0] == ooxml.MAIN_S
    nieuw_delen = {d: (naar_strict(xml, d) if strict else xml) for d, (_n, xml, _v) in zip(delen, nieuwe)}
    if rels_echt:
        vervangen[rels_echt] = rels_data
    else:
        nieuw_delen[ooxml.rels_deel(wb)] = rels_data
    vervangen[wb] = nieuwe_bladen_in_workbook(lees(wb), na_blad, [(n, ids[(wb, d)], v) for (n, _x, v), d in zip(nieuwe, delen)], wb)
    app = next((r.doel for r in p.relaties("") if r.type == "extended-properties" and r.doel), None) or p.deel("docProps/app.xml")
    if app:
        titels = nieuwe_titels(lees(app), na_blad, [n for n, _x, _v in nieuwe], app)
        if titels is not None:
            vervangen[app] = titels
    kopie, _ = schrijf_pakket(data, inhoud, vervangen=vervangen, nieuw=nieuw_delen, overrides={d: WS_CT for d in delen})
    pos = oude_namen.index(na_blad) + 1
    verwacht = oude_namen[:pos] + [nieuwe[0][0]] + oude_namen[pos:] + [n for n, _x, _v in nieuwe[1:]]
    verifieer(kopie, verwacht, list(vervangen) + list(nieuw_delen))
    return kopie
