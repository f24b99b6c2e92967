"""The xlwings Lite parts of a ``-lite.xlsx`` copy: the code in the workbook as xlwings Lite keeps it.

``voeg_lite_toe(data, main_py)`` returns the xlsx ``data`` with

- ``xl/webextensions/webextension1.xml``: a ``we:webextension`` whose ``we:reference`` names
  the xlwings Lite add-in in the Office store (``wa200008175``, storeType ``OMEX``) and whose
  ``we:properties`` hold ``main.py``, ``requirements.txt``, ``pyodideVersion`` and
  ``addinVersion``, each value a JSON string literal;
- ``xl/webextensions/taskpanes.xml`` (+ ``xl/webextensions/_rels/taskpanes.xml.rels``) that
  opens the add-in's task pane and points at the web extension;
- a relationship of type ``.../2011/relationships/webextensiontaskpanes`` in ``_rels/.rels``
  and content-type overrides for both parts in ``[Content_Types].xml``.

``_rels/.rels`` and ``[Content_Types].xml`` are parsed (defusedxml) and written back with
ElementTree; every other member keeps its name, order and bytes. See docs/lite.md for the
add-in and Pyodide version the copy is made for.
"""

from __future__ import annotations

import io
import json
import uuid
import xml.etree.ElementTree as ET
import zipfile
from xml.sax.saxutils import escape, quoteattr

from defusedxml import ElementTree as DET

# What the copy is made for: the values an xlwings Lite workbook saved by the add-in carries
# (xlwings' own example workbook taxi-duckdb: addinVersion 1.0.0.0-35, Pyodide 0.27.5).
ADDIN_ID = "wa200008175"  # xlwings Lite in the Office add-in store (AppSource WA200008175)
ADDIN_VERSIE = "1.0.0.0-35"
PYODIDE_VERSIE = "0.27.5"  # Python 3.12
# requirements.txt: only what xlwings Lite itself needs (the xlwings package; the engine is stdlib).
REQUIREMENTS = "xlwings==0.33.20\n"

NS_WE = "http://schemas.microsoft.com/office/webextensions/webextension/2010/11"
NS_WETP = "http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11"
NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
NS_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
REL_TASKPANES = "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes"
REL_WEBEXTENSIE = "http://schemas.microsoft.com/office/2011/relationships/webextension"
CT_WEBEXTENSIE = "application/vnd.ms-office.webextension+xml"
CT_TASKPANES = "application/vnd.ms-office.webextensiontaskpanes+xml"

WEBEXTENSIE = "xl/webextensions/webextension1.xml"
TASKPANES = "xl/webextensions/taskpanes.xml"
TASKPANES_RELS = "xl/webextensions/_rels/taskpanes.xml.rels"
ROOT_RELS = "_rels/.rels"
TYPES = "[Content_Types].xml"
NIEUW = (WEBEXTENSIE, TASKPANES, TASKPANES_RELS)
GEWIJZIGD = (ROOT_RELS, TYPES)
# The add-in instance id (fixed, so the copy of the same form is the same file).
WEBEXTENSIE_ID = "{" + str(uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/xl-meerzorg/lite")).upper() + "}"
DECLARATIE = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'


class LiteFout(ValueError):
    """The package cannot carry the web extension (Dutch reason)."""


def eigenschappen(main_py: str) -> dict[str, str]:
    """The add-in's properties: name -> text (stored as a JSON string literal)."""
    return {
        "main.py": main_py,
        "requirements.txt": REQUIREMENTS,
        "pyodideVersion": PYODIDE_VERSIE,
        "addinVersion": ADDIN_VERSIE,
    }


def _qnaam(naam: str, prefixen: dict[str, str]) -> str:
    if naam.startswith("{"):
        uri, lokaal = naam[1:].split("}", 1)
        p = prefixen[uri]
        return f"{p}:{lokaal}" if p else lokaal
    return naam


def _element(el: ET.Element, prefixen: dict[str, str], declaraties: str) -> str:
    delen = ["<", _qnaam(el.tag, prefixen), declaraties]
    delen += [f" {_qnaam(k, prefixen)}={quoteattr(v)}" for k, v in el.attrib.items()]
    if len(el) == 0 and not el.text:
        delen.append("/>")
    else:
        delen.append(">" + escape(el.text or ""))
        delen += [_element(kind, prefixen, "") + escape(kind.tail or "") for kind in el]
        delen.append(f"</{_qnaam(el.tag, prefixen)}>")
    return "".join(delen)


def _xml(root: ET.Element, prefixen: dict[str, str]) -> bytes:
    """Serialize ``root`` with the namespace prefixes ``prefixen`` (uri -> prefix, '' = default),
    all declared on the root element (namespace-aware; attributes and text escaped)."""
    declaraties = "".join(f" xmlns{':' + p if p else ''}={quoteattr(uri)}" for uri, p in prefixen.items())
    return DECLARATIE + _element(root, prefixen, declaraties).encode("utf-8")


def _prefixen(data: bytes) -> dict[str, str]:
    """uri -> prefix as the document declares them (the first declaration of a uri wins)."""
    uit: dict[str, str] = {}
    for _ev, (prefix, uri) in DET.iterparse(io.BytesIO(data), events=("start-ns",)):
        uit.setdefault(uri, prefix)
    return uit


def webextensie_xml(main_py: str) -> bytes:
    we = f"{{{NS_WE}}}"
    root = ET.Element(f"{we}webextension", {"id": WEBEXTENSIE_ID})
    ET.SubElement(root, f"{we}reference", {"id": ADDIN_ID, "version": "1.0.0.0", "store": "en-US", "storeType": "OMEX"})
    alt = ET.SubElement(root, f"{we}alternateReferences")
    ET.SubElement(alt, f"{we}reference", {"id": ADDIN_ID.upper(), "version": "1.0.0.0", "store": ADDIN_ID.upper(), "storeType": "OMEX"})
    props = ET.SubElement(root, f"{we}properties")
    for naam, tekst in eigenschappen(main_py).items():
        ET.SubElement(props, f"{we}property", {"name": naam, "value": json.dumps(tekst, ensure_ascii=False)})
    ET.SubElement(root, f"{we}bindings")
    ET.SubElement(root, f"{we}snapshot")
    return _xml(root, {NS_WE: "we"})


def taskpanes_xml() -> bytes:
    tp = f"{{{NS_WETP}}}"
    root = ET.Element(f"{tp}taskpanes")
    pane = ET.SubElement(root, f"{tp}taskpane", {"dockstate": "right", "visibility": "1", "width": "400", "row": "1"})
    ET.SubElement(pane, f"{tp}webextensionref", {f"{{{NS_R}}}id": "rId1"})
    return _xml(root, {NS_WETP: "wetp", NS_R: "r"})


def taskpanes_rels_xml() -> bytes:
    root = ET.Element(f"{{{NS_PKG_RELS}}}Relationships")
    ET.SubElement(root, f"{{{NS_PKG_RELS}}}Relationship", {"Id": "rId1", "Type": REL_WEBEXTENSIE, "Target": "webextension1.xml"})
    return _xml(root, {NS_PKG_RELS: ""})


def _parse(data: bytes, naam: str, tag: str) -> ET.Element:
    try:
        root = DET.fromstring(data)
    except DET.ParseError as exc:
        raise LiteFout(f"{naam} is geen geldige XML ({exc})") from exc
    if root.tag != tag:
        raise LiteFout(f"{naam}: onverwacht hoofdelement {root.tag}")
    return root


def root_rels(data: bytes) -> bytes:
    """``_rels/.rels`` with the relationship to the task panes (a fresh Id)."""
    rel = f"{{{NS_PKG_RELS}}}Relationship"
    root = _parse(data, ROOT_RELS, f"{{{NS_PKG_RELS}}}Relationships")
    if any(r.get("Type") == REL_TASKPANES for r in root.iter(rel)):
        raise LiteFout("het bestand heeft al een taakvenster van een invoegtoepassing")
    ids = {r.get("Id") for r in root.iter(rel)}
    n = 1
    while f"rId{n}" in ids:
        n += 1
    nieuw = ET.SubElement(root, rel, {"Id": f"rId{n}", "Type": REL_TASKPANES, "Target": TASKPANES})
    nieuw.tail = root[0].tail if len(root) > 1 else None
    return _xml(root, _prefixen(data))


def content_types(data: bytes) -> bytes:
    """``[Content_Types].xml`` with overrides for the two new parts."""
    ov = f"{{{NS_CT}}}Override"
    root = _parse(data, TYPES, f"{{{NS_CT}}}Types")
    bestaand = {o.get("PartName") for o in root.iter(ov)}
    for deel, ct in ((WEBEXTENSIE, CT_WEBEXTENSIE), (TASKPANES, CT_TASKPANES)):
        if f"/{deel}" in bestaand:
            raise LiteFout(f"het bestand heeft al een onderdeel /{deel}")
        ET.SubElement(root, ov, {"PartName": f"/{deel}", "ContentType": ct})
    return _xml(root, _prefixen(data))


def voeg_lite_toe(data: bytes, main_py: str) -> bytes:
    """The xlsx ``data`` with the xlwings Lite parts; every other member unchanged (name, order, bytes)."""
    zin = zipfile.ZipFile(io.BytesIO(data))
    namen = set(zin.namelist())
    for deel in (ROOT_RELS, TYPES):
        if deel not in namen:
            raise LiteFout(f"onderdeel {deel} ontbreekt")
    if namen & set(NIEUW) or any(n.startswith("xl/webextensions/") for n in namen):
        raise LiteFout("het bestand heeft al een webextensie (invoegtoepassing)")
    vervangen = {ROOT_RELS: root_rels(zin.read(ROOT_RELS)), TYPES: content_types(zin.read(TYPES))}
    nieuw = {WEBEXTENSIE: webextensie_xml(main_py), TASKPANES: taskpanes_xml(), TASKPANES_RELS: taskpanes_rels_xml()}
    uit = io.BytesIO()
    # Fast deflate: this is the second pass over the members (after koppel's), speed counts more
    # than a few percent of file size; the members' bytes are the same either way.
    with zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zout:
        for info in zin.infolist():
            inhoud = vervangen.get(info.filename)
            if inhoud is None:
                inhoud = zin.read(info.filename)
            kopie = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            kopie.compress_type = info.compress_type
            kopie.external_attr = info.external_attr
            zout.writestr(kopie, inhoud)
        for deel, inhoud in nieuw.items():
            zout.writestr(zipfile.ZipInfo(deel, date_time=(1980, 1, 1, 0, 0, 0)), inhoud, compress_type=zipfile.ZIP_DEFLATED)
    return uit.getvalue()
