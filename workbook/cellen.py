"""Cell values of a sheet by reference, fast, with the package reader's meaning.

``ooxml.lees_rijen`` is the reference reader: namespace-aware (defusedxml), every legal
serialisation, the types python-calamine gives. It parses the whole sheet, the shared
strings and the styles as element trees, which costs more than the rest of a check.
``Cellen`` gives the same values for the usual serialisation (what Excel, LibreOffice and
openpyxl write) by cutting the cells with content out of the sheet XML (the sheet is split
at every "</c>"; each piece ends with one such cell, read with a strict pattern from its
"<c "; the many empty cells "<c .../>" hold no value and are not visited) and converting a
cell only when it is asked for; anything the patterns do not know (a
namespace prefix, Strict, a comment, single-quoted attributes, a cell without ``r``, a
value that does not decode) makes the whole sheet go to ``lees_rijen``. The shared
strings are read the same way (one text decoded when a cell needs it), and the style
kinds (date, duration) are kept per process under a digest of the styles part, as many
forms share one styles part.

Invariant (tests/controle/test_cellen.py): for every sheet of every test form and every
re-serialisation, ``Cellen(p, deel).alle() == lees_rijen(p, deel)`` as cells.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from itertools import repeat

from . import ooxml
from .veilig import OnveiligBestand
from .vingerafdruk import _kolom_letters, gewone_naamruimten, heeft_opmerking

_ROOT = re.compile(rb"<(sst|worksheet|styleSheet)\b([^>]*)>")
_MAIN = b'xmlns="' + ooxml.MAIN_T.encode() + b'"'
# A cell with content, as it is before its "</c>" (the sheet is split at "</c>"; an empty
# cell "<c .../>" holds no value and is not read): reference (first attribute, double
# quotes), the other attributes (no "/" or ">" in them, as in every attribute of a cell;
# checked to be well-formed with double quotes, once per distinct text, in _soort_stijl),
# an optional formula (group 3: the element after "<f", as vingerafdruk._CF has it), an
# optional <v> (groups: "<v>" marker, text, "<v/>" marker), an optional inline string.
# Any other content is a layout the pattern does not know: the sheet goes to the fallback.
# (An optional part is written "(?:...|)", not "(?:...)?": the same matches, but the
# regular expression engine takes the branch without its slower general repeat.)
_INHOUD = re.compile(
    rb'<c r="([A-Z]{1,3}[0-9]{1,7})"([^>/]*)>'
    rb"(?:<f(/>|[ \t\r\n][^>]*/>|(?:[ \t\r\n][^>]*|)>[^<]*</f>)|)"
    rb'(?:(<v(?: xml:space="preserve"|)>)([^<]*)</v>|(<v\s*/>)|)'
    rb"(?:<is>([^<]*(?:<(?!/is>)[^<]*)*)</is>|)"
)
_SLUIT = b"</c>"
_SLUIT_ANDERS = re.compile(rb"</c[ \t\r\n]")  # "</c >": legal, not split at
_C = b"<c "
_ATTR = re.compile(rb'\s([\w:]+)="([^"<]*)"')
_T_EEN = re.compile(rb'<t(?: xml:space="preserve")?>([^<]*)</t>')
_T_ALLE = re.compile(rb"<t(?:\s[^>]*)?>([^<]*)</t>|<t(?:\s[^>]*)?/>")
_RPH = re.compile(rb"<rPh\b.*?</rPh>|<rPh\b[^>]*/>", re.S)
_RICH_BEKEND = re.compile(rb"(?:<r>|</r>|<rPr>.*?</rPr>|<rPr/>|<t(?:\s[^>]*)?>[^<]*</t>|<t(?:\s[^>]*)?/>|<phoneticPr\b[^>]*/>|\s)*", re.S)
_ENT = re.compile(r"&(#x[0-9A-Fa-f]+|#[0-9]+|lt|gt|amp|quot|apos);")
_XML_ENT = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}


class _Anders(Exception):
    """A serialisation the patterns do not read: the reference reader takes over."""


def _ent(m: re.Match) -> str:
    n = m.group(1)
    if not n.startswith("#"):
        return _XML_ENT[n]
    try:
        code = int(n[2:], 16) if n.startswith("#x") else int(n[1:])
    except ValueError:
        raise _Anders from None
    # only a character XML allows (a parser refuses &#0; or a surrogate: the reference decides)
    if not (code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or 0x10000 <= code <= 0x10FFFF):
        raise _Anders
    return chr(code)


def xml_tekst(b: bytes) -> str:
    """Element text as a parser gives it: UTF-8, line ends normalised, the five XML
    entities and character references decoded; any other ``&`` is not ours to read."""
    try:
        t = b.decode("utf-8")
    except UnicodeDecodeError:
        raise _Anders from None
    if "\r" in t:
        t = t.replace("\r\n", "\n").replace("\r", "\n")
    if "&" in t:
        if "&" in _ENT.sub("", t):  # an entity a parser without DTD refuses
            raise _Anders
        t = _ENT.sub(_ent, t)
    return t


def _rich(inhoud: bytes) -> str:
    """The text of an <si>/<is> content: <t> and the <t> of every <r>, no phonetic runs."""
    m = _T_EEN.fullmatch(inhoud)
    if m is not None:
        delen = [m.group(1)]
    elif not inhoud:
        delen = []
    else:
        zonder = _RPH.sub(b"", inhoud)
        if _RICH_BEKEND.fullmatch(zonder) is None:
            raise _Anders
        delen = [t for t in _T_ALLE.findall(zonder)]
    return ooxml.ontsnap_terug("".join(xml_tekst(d) for d in delen))


def _kop(data: bytes, naam: str, root: bytes) -> int:
    """Offset after the root start tag of the usual serialisation, else _Anders."""
    from .veilig import controleer_kop

    begin = controleer_kop(data, naam)
    m = _ROOT.match(data, begin)
    if m is None or m.group(1) != root or _MAIN not in m.group(2):
        raise _Anders
    eind = m.end()
    if heeft_opmerking(data, eind):
        raise _Anders
    if not gewone_naamruimten(data, m.start(), eind):
        raise _Anders
    return eind




# --------------------------------------------------------------------------- shared strings


class Teksten:
    """The shared strings of a package, each decoded when first asked for."""

    def __init__(self, p: ooxml.Pakket):
        self.p = p
        self._ruw: list[bytes] | None = None
        self._klaar: dict[int, str] = {}
        self._alle: list[str] | None = None

    def _laad(self) -> None:
        deel = self.p.deel_van_type("sharedStrings")
        if deel is None:
            self._alle = []
            return
        try:
            data = self.p.lees_utf8(deel)
            _kop(data, deel, b"sst")
            # one piece per <si>, its content cut off at </si> when a cell asks for it;
            # an <si> with attributes or an empty <si/> is not the usual layout
            delen = data.split(b"<si>")[1:]
            if data.count(b"<si") != len(delen):
                raise _Anders
            self._ruw = delen
        except _Anders:
            self._alle = ooxml.gedeelde_teksten(self.p)

    def __getitem__(self, i: int) -> str:
        if self._ruw is None and self._alle is None:
            self._laad()
        if self._alle is not None:
            return self._alle[i]
        if i < 0:
            raise IndexError(i)
        t = self._klaar.get(i)
        if t is None:
            stuk = self._ruw[i]  # type: ignore[index]
            eind = stuk.find(b"</si>")
            try:
                if eind < 0:
                    raise _Anders
                t = _rich(stuk[:eind])
            except _Anders:
                self._alle = ooxml.gedeelde_teksten(self.p)
                return self._alle[i]
            self._klaar[i] = t
        return t


# --------------------------------------------------------------------------- styles

_SOORTEN: dict[bytes, list[str | None]] = {}
MAX_SOORTEN = 64
_CELLXFS = re.compile(rb"<cellXfs\b[^>]*?(?:/>|>(.*?)</cellXfs>)", re.S)
_XF = re.compile(rb"<xf\b([^>]*)>")
_NUMFMT = re.compile(rb"<numFmt\b([^>]*)>")


def stijl_soorten(p: ooxml.Pakket) -> list[str | None]:
    """``ooxml.stijl_soorten``, kept per process under a digest of the styles part (as
    stored, so a styles part seen before is not unpacked again)."""
    deel = p.deel_van_type("styles")
    if deel is None:
        return []
    # the digest of the part as stored (not unpacked when seen before), else of its content
    opgeslagen = p.x.digest(deel) if deel in p.x.namen else None
    sleutel = b"z" + opgeslagen if opgeslagen is not None else None
    soorten = _SOORTEN.get(sleutel) if sleutel is not None else None
    if soorten is not None:
        return soorten
    data = p.lees_utf8(deel)
    if sleutel is None:
        sleutel = b"d" + hashlib.blake2b(data, digest_size=32).digest()
        soorten = _SOORTEN.get(sleutel)
    if soorten is None:
        try:
            soorten = _stijl_soorten_snel(data, deel)
        except _Anders:
            try:
                soorten = ooxml.stijl_soorten(p)
            except OnveiligBestand:
                # malformed XML (an attribute twice): read leniently, as python-calamine
                # does; ``--xml`` reports the part
                try:
                    soorten = _stijl_soorten_snel(data, deel, streng=False)
                except _Anders:
                    soorten = []
        if len(_SOORTEN) >= MAX_SOORTEN:
            del _SOORTEN[next(iter(_SOORTEN))]
        _SOORTEN[sleutel] = soorten
    return soorten


def _attrs(b: bytes) -> dict[bytes, bytes]:
    """Attributes with double quotes; single quotes or an attribute twice (not
    well-formed) are not the usual layout."""
    if b"'" in b:
        raise _Anders
    paren = _ATTR.findall(b)
    at = dict(paren)
    if len(at) != len(paren):
        raise _Anders
    return at


def _los(b: bytes) -> dict[bytes, bytes]:
    """Attributes in either quotes, an attribute twice: the last counts."""
    return {k: v1 or v2 for k, v1, v2 in _ATTR_LOS.findall(b)}


_ATTR_LOS = re.compile(rb"""\s([\w:]+)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')""")


def _stijl_soorten_snel(data: bytes, deel: str, streng: bool = True) -> list[str | None]:
    attrs = _attrs if streng else _los
    begin = _kop(data, deel, b"styleSheet") if streng else 0
    codes: dict[int, str] = {}
    for a in _NUMFMT.findall(data, begin):
        at = attrs(a)
        try:
            codes[int(at.get(b"numFmtId", b""))] = xml_tekst(at.get(b"formatCode", b""))
        except ValueError:
            continue
    m = _CELLXFS.search(data, begin)
    uit: list[str | None] = []
    if m is None or not m.group(1):
        return uit
    for a in _XF.findall(m.group(1)):
        try:
            i = int(attrs(a).get(b"numFmtId", b"0") or 0)
        except ValueError:
            i = 0
        uit.append(ooxml.soort_van_formaat(i, codes))
    return uit


# --------------------------------------------------------------------------- cells


_ATTRS_VOL = re.compile(rb'(?:\s+[\w:]+="[^"<]*")*\s*')


@functools.lru_cache(maxsize=1024)
def _soort_stijl(attrs: bytes) -> tuple[str, int]:
    """(t, s) of a cell's attributes after r (as lees_rijen reads them)."""
    if _ATTRS_VOL.fullmatch(attrs) is None:  # not well-formed attributes
        raise _Anders
    at = _attrs(attrs)
    if b"r" in at:  # r twice: not well-formed
        raise _Anders
    try:
        t = (at.get(b"t") or b"n").decode("ascii")
    except UnicodeDecodeError:
        raise _Anders from None
    try:
        s = int(at.get(b"s") or 0)
    except ValueError:
        s = 0
    return t, s


_GROEPEN = re.Match.groups


def _ref_rc(ref: bytes) -> tuple[int, int]:
    i = 0
    k = 0
    while ref[i] >= 65:
        k = k * 26 + ref[i] - 64
        i += 1
    return int(ref[i:]) - 1, k - 1


class Werkmap:
    """What the sheets of one package share: its shared strings and style kinds, each
    read when a cell first needs them."""

    def __init__(self, p: ooxml.Pakket):
        self.p = p
        self.teksten = Teksten(p)
        self._soorten: list[str | None] | None = None

    @property
    def soorten(self) -> list[str | None]:
        if self._soorten is None:
            self._soorten = stijl_soorten(self.p)
        return self._soorten


class Cellen:
    """The values of one sheet part as ``lees_rijen`` gives them, by reference ("G6"):
    None for an empty cell."""

    def __init__(self, p: ooxml.Pakket, deel: str, werkmap: Werkmap | None = None, terugval=None):
        """``terugval(p, deel) -> (rows, start)`` reads a sheet the patterns do not know
        (default ``ooxml.lees_rijen``)."""
        self.p, self.deel = p, deel
        self.werkmap = werkmap or Werkmap(p)
        self._terugval = terugval or ooxml.lees_rijen
        self._klaar: dict[str, object] = {}
        self._ruw: dict[bytes, tuple] | None = None
        # the formula cells as vingerafdruk._scan finds them (reference, attributes, formula
        # element, "<v" marker, value, "<v/>" marker), so the sheet is scanned once
        self.formules: list[tuple] | None = None
        try:
            data = p.lees_utf8(deel)
            begin = _kop(data, deel, b"worksheet")
            if _SLUIT_ANDERS.search(data, begin):
                raise _Anders
            # every cell with content ends at a "</c>" (the root start tag before ``begin``
            # holds none); the piece before it ends with that cell: from its last "<c "
            delen = data.split(_SLUIT)
            del delen[-1]
            ms = list(map(_INHOUD.fullmatch, delen, map(bytes.rfind, delen, repeat(_C))))
            if None in ms:  # content the pattern does not know, or a "</c>" without "<c "
                raise _Anders
            cellen = list(map(_GROEPEN, ms, repeat(b"")))
            gevuld = [c for c in cellen if c[3] or c[5] or c[6]]  # a <v> or an inline string
            ruw = {c[0]: c for c in gevuld}
            if len(ruw) != len(gevuld):  # a reference twice: lees_rijen decides which value counts
                raise _Anders
            for a in {c[1] for c in gevuld}:
                _soort_stijl(a)
            self._ruw = ruw
            self.formules = [c[:6] for c in cellen if c[2]]
        except _Anders:
            self._naar_referentie()

    def _naar_referentie(self) -> None:
        rows, (r0, c0) = self._terugval(self.p, self.deel)
        klaar: dict[str, object] = {}
        for i, rij in enumerate(rows):
            for j, w in enumerate(rij):
                if w != "":
                    klaar[f"{_kolom_letters(c0 + j + 1)}{r0 + i + 1}"] = w
        self._klaar, self._ruw, self.formules = klaar, None, None

    def get(self, ref: str) -> object:
        if ref in self._klaar:
            return self._klaar[ref]
        if self._ruw is None:
            return None
        c = self._ruw.get(ref.encode("ascii"))
        if c is None:
            w = None
        else:
            try:
                w = self._waarde(c)
            except _Anders:
                self._naar_referentie()
                return self._klaar.get(ref)
            if w == "":
                w = None
        self._klaar[ref] = w
        return w

    def _waarde(self, c: tuple) -> object:
        _, attrs, _, v_open, v_tekst, v_leeg, inline = c
        t, s = _soort_stijl(attrs)
        v = xml_tekst(v_tekst) if v_open else "" if v_leeg else None
        if t == "inlineStr":
            return _rich(inline) if inline else (v or "")
        if v is None:
            return ""
        if t == "s":
            try:
                return self.werkmap.teksten[int(v)]
            except (ValueError, IndexError):
                return ""
        if t == "str":
            return ooxml.ontsnap_terug(v)
        if t == "b":
            return v.strip() in ("1", "true")
        if t == "e":
            return ""
        if t == "d":
            try:
                return dt.datetime.fromisoformat(v.strip())
            except ValueError:
                return v
        try:
            getal = float(v)
        except ValueError:
            return v
        soorten = self.werkmap.soorten
        return ooxml._getal_waarde(getal, soorten[s] if 0 <= s < len(soorten) else None)

    def alle(self) -> dict[tuple[int, int], object]:
        """Every non-empty cell: (row, column) from 0 -> value (for comparison and rows)."""
        if self._ruw is not None:
            for ref in list(self._ruw):
                self.get(ref.decode("ascii"))
        uit = {}
        for ref, w in self._klaar.items():
            if w is not None and w != "":
                uit[_ref_rc(ref.encode("ascii"))] = w
        return uit

    def rijen(self) -> tuple[list[list[object]], tuple[int, int]]:
        """The cells as ``lees_rijen`` gives them (rows from the first used cell)."""
        return ooxml.als_rijen(self.alle())


__all__ = ["Cellen", "Teksten", "Werkmap", "OnveiligBestand", "stijl_soorten", "xml_tekst"]
