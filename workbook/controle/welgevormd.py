"""Well-formedness of every XML part of a form (``controleer --xml``).

python-calamine (quick-xml) reads values leniently: a duplicate attribute, a mismatched
end tag, a control character or a part cut off after the last cell do not stop it
(tested; x09 of the QA batch: ``<c r="D7" s="21" t="s" t="inlineStr">``). Excel refuses
such a part and offers to "repair" the file, after which it may show other values than
the ones read (or none). A full parse with pyexpat finds them, but costs about as much
as reading the values: ~3 ms per form for the parts whose values are read (the three or
four sheets and the shared strings), ~12 ms for every part, against ~10 ms for the
whole check. Measured (benchmarks/controle.py, 600 forms, 2 processes): checking the
parts whose values are read takes the checker from 2.4-2.6x to 3.1-3.2x the bare
calamine read (target: at most 3x). So the default check does not parse them, and
``--xml`` parses every XML part of the form (docs/controle.md).

The prolog of every part is checked for a DTD first (refused, as everywhere), so no
entity can be declared and expat expands nothing.
"""

from __future__ import annotations

import pyexpat
import re

from xl_meerzorg.workbook.veilig import Xlsx, controleer_kop, xml_reden

_CEL = re.compile(rb'<c\s[^>]*?\br="([A-Z]{1,3}[0-9]{1,7})"')


def _cel(data: bytes, plek: int) -> str | None:
    """The cell whose element holds byte ``plek`` (the error), if any."""
    begin = data.rfind(b"<c ", 0, plek + 1) if plek >= 0 else -1
    m = _CEL.match(data, begin) if begin >= 0 else None
    if m is None:
        return None
    kop_eind = data.find(b">", begin)
    eind = kop_eind if kop_eind >= 0 and data[kop_eind - 1 : kop_eind] == b"/" else data.find(b"</c>", begin)
    return m.group(1).decode() if eind < 0 or plek <= eind else None


def fout_in_xml(data: bytes) -> tuple[str, str | None] | None:
    """None when ``data`` is well-formed XML, else (the Dutch reason with line and
    column, the cell in which the error is or None). The caller has checked the prolog
    (no DTD)."""
    p = pyexpat.ParserCreate()
    p.SetParamEntityParsing(pyexpat.XML_PARAM_ENTITY_PARSING_NEVER)
    try:
        p.Parse(data, True)
    except pyexpat.ExpatError as exc:
        return f"{xml_reden(exc.code)}, regel {exc.lineno}, kolom {exc.offset + 1}", _cel(data, p.ErrorByteIndex)
    return None


def is_xml(naam: str) -> bool:
    return naam.lower().endswith((".xml", ".rels", ".vml"))


def controleer_xml(x: Xlsx, bladen: dict[str, str], gelezen: dict[str, bytes]) -> list[tuple[str, str | None, str]]:
    """[(what, cell or None, reason)] for each malformed XML part of the form. ``bladen``
    maps sheet names to parts; ``gelezen`` holds parts already unpacked (prolog checked)."""
    blad_van = {deel: blad for blad, deel in bladen.items()}
    out = []
    for deel in sorted(n for n in x.namen if is_xml(n)):
        data = gelezen.get(deel)
        if data is None:
            data = x.lees(deel)
            controleer_kop(data, deel)  # a DTD is refused, as in every part the check reads
        fout = fout_in_xml(data)
        if not fout:
            continue
        reden, cel = fout
        blad = blad_van.get(deel)
        if blad is not None:
            out.append((f"Het werkblad {blad.strip()}", f"{blad.strip()}!{cel}" if cel else None, reden))
        else:
            out.append((f"Het onderdeel {deel}", None, reden))
    return out
