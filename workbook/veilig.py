"""Open an untrusted xlsx/xlsm safely: read-only, size and zip-bomb limits, no DTDs.

``open_xlsx(path)`` reads the file ONCE (read-only, into memory; the file is never
written, moved or locked), checks the zip container and returns an ``Xlsx`` with the bytes
and the open ``ZipFile``. Every problem raises ``OnveiligBestand`` with a Dutch reason so a
batch can report it per file and continue. Macros are never executed: we only note
whether an ``xl/vbaProject.bin`` is present.
"""

from __future__ import annotations

import hashlib
import io
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import defusedxml.ElementTree as DET
from defusedxml import DefusedXmlException

from xl_meerzorg.bestanden import BestandFout, lees_begrensd

MAX_BESTAND = 50 * 1024 * 1024  # bytes on disk
MAX_LEDEN = 2000  # zip members
MAX_TOTAAL = 200 * 1024 * 1024  # total uncompressed bytes
MAX_LID = 100 * 1024 * 1024  # one uncompressed member
MAX_BLAD = 30 * 1024 * 1024  # one uncompressed sheet (values are read into memory)
MAX_RATIO = 100  # uncompressed : compressed, per member
RATIO_VANAF = 1024 * 1024  # the ratio is only checked for members above 1 MB uncompressed
MAX_RIJEN = 100_000  # rows in a sheet's <dimension>
MAX_KOLOMMEN = 1_000
MAX_KOP = 64 * 1024  # bytes before the root element of an XML part

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP = b"PK\x03\x04"
NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
RNS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PNS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


class OnveiligBestand(Exception):
    """A file that is not read: the Dutch reason is the message."""


@dataclass
class Xlsx:
    pad: Path
    data: bytes
    zip: zipfile.ZipFile
    namen: frozenset[str]
    _xml: dict = field(default_factory=dict, repr=False)
    _pakket: object = field(default=None, repr=False)  # ooxml.Pakket, made once (ooxml.pakket)

    @property
    def heeft_vba(self) -> bool:
        return any(n.lower().endswith("vbaproject.bin") for n in self.namen)

    def lees(self, naam: str) -> bytes:
        """An uncompressed part. Never more than the size in the zip directory (which the
        limits above checked): a part that unpacks to more is refused."""
        try:
            data = self._inflate(naam)
            if data is not None:
                return data
            return self.zip.read(naam)  # anything unusual: zipfile (its checks and messages)
        except OnveiligBestand:
            raise
        except (zipfile.BadZipFile, EOFError, OSError, ValueError) as exc:
            raise OnveiligBestand(f"beschadigd bestand: onderdeel {naam} is niet leesbaar ({exc})") from None
        except Exception as exc:  # zlib.error and friends
            raise OnveiligBestand(f"beschadigd bestand: onderdeel {naam} is niet leesbaar ({exc})") from None

    def digest(self, naam: str) -> bytes | None:
        """A digest (blake2b) of a deflated part as it is stored (its compressed bytes,
        sizes and CRC), to know a part seen before without unpacking it; None for a part
        that is not stored the usual way."""
        ruw = self._ruw(naam)
        if ruw is None:
            return None
        info, data = ruw
        h = hashlib.blake2b(data, digest_size=32)
        h.update(struct.pack("<QQI", info.file_size, info.compress_size, info.CRC))
        return h.digest()

    def _ruw(self, naam: str) -> tuple[zipfile.ZipInfo, bytes] | None:
        """(info, compressed bytes) of a deflated part, None where zipfile must decide."""
        info = self.zip.getinfo(naam)
        if info.compress_type != zipfile.ZIP_DEFLATED or info.flag_bits & 0x61:  # encrypted, patched, strong encryption
            return None
        kop = self.data[info.header_offset : info.header_offset + 30]
        if len(kop) != 30 or kop[:4] != ZIP:
            return None
        vlag, n, m = struct.unpack("<H18xHH", kop[6:30])
        begin = info.header_offset + 30
        fname = self.data[begin : begin + n]
        try:
            if fname.decode("utf-8" if vlag & 0x800 else "cp437") != info.orig_filename:
                return None
        except UnicodeDecodeError:
            return None
        begin += n + m
        ruw = self.data[begin : begin + info.compress_size]
        if len(ruw) != info.compress_size:
            return None
        return info, ruw

    def begin(self, info: zipfile.ZipInfo) -> bytes:
        """The start of a part, enough to check its prolog (``controleer_kop``): 4 KB, or
        up to ``MAX_KOP`` (twice that in UTF-16) when its first element is not in them."""
        try:
            r = self._ruw(info.filename)
            if r is not None:  # deflated: unpack only the start
                kop = zlib.decompressobj(-15).decompress(r[1], 4096)
                if not _EERSTE_ELEMENT.search(kop):
                    kop = zlib.decompressobj(-15).decompress(r[1], 2 * MAX_KOP if kop[:2] in _UTF16 else MAX_KOP)
                return kop
            with self.zip.open(info) as fh:
                kop = fh.read(4096)
                if not _EERSTE_ELEMENT.search(kop):
                    kop += fh.read((2 * MAX_KOP if kop[:2] in _UTF16 else MAX_KOP) - len(kop))
                return kop
        except Exception:
            raise OnveiligBestand(f"beschadigd bestand: onderdeel {info.filename} is niet leesbaar") from None

    def _inflate(self, naam: str) -> bytes | None:
        """A deflated part unpacked straight from the file's bytes, at most ``file_size``
        + 1 bytes, with zipfile's header and CRC checks; None where zipfile must decide
        (stored or flagged parts, a short or damaged stream, a CRC mismatch), so the result
        or the error is exactly zipfile's."""
        r = self._ruw(naam)
        if r is None:
            return None
        info, ruw = r
        d = zlib.decompressobj(-15)
        try:
            uit = d.decompress(ruw, info.file_size + 1)
        except zlib.error:
            return None  # zipfile raises the same error (the stream breaks before file_size)
        if len(uit) > info.file_size:
            # More data than the zip directory says. zipfile would unpack ALL of it (up to
            # 2 GB) and keep the first file_size bytes: unpack the rest in bounded steps
            # only to give zipfile's verdict (a zlib error or a CRC error), and refuse a
            # stream that goes on beyond MAX_LID (a zip bomb behind a false size).
            totaal, rest = len(uit), d.unconsumed_tail
            while rest and not d.eof:
                totaal += len(d.decompress(rest, 1 << 20))
                rest = d.unconsumed_tail
                if totaal > MAX_LID:
                    raise OnveiligBestand(f"verdacht onderdeel {naam}: pakt uit tot meer dan {MAX_LID // (1024 * 1024)} MB, meer dan in het zip-archief staat (zip-bom?)")
            uit = uit[: info.file_size]
            if zlib.crc32(uit) != info.CRC:
                raise zipfile.BadZipFile(f"Bad CRC-32 for file {info.filename!r}")
            return uit
        if len(uit) != info.file_size or zlib.crc32(uit) != info.CRC:
            return None
        return uit

    def xml(self, naam: str):
        """A small XML part, parsed with defusedxml (no DTD, no entities); parsed once."""
        if naam not in self._xml:
            self._xml[naam] = parse_xml(self.lees(naam), naam)
        return self._xml[naam]


def parse_xml(data: bytes, naam: str = "XML"):
    try:
        return DET.fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        raise OnveiligBestand(f"onveilige XML in {naam} (DTD of entiteiten zijn niet toegestaan)") from None
    except Exception as exc:
        raise OnveiligBestand(f"ongeldige XML in {naam} ({xml_fout(exc)})") from None


def _expat_redenen() -> dict[int, str]:
    from pyexpat import errors as e

    namen = {
        "XML_ERROR_NO_MEMORY": "onvoldoende geheugen",
        "XML_ERROR_SYNTAX": "syntaxfout",
        "XML_ERROR_NO_ELEMENTS": "onvolledig (afgebroken) onderdeel",
        "XML_ERROR_INVALID_TOKEN": "ongeldig teken",
        "XML_ERROR_UNCLOSED_TOKEN": "onvolledig (afgebroken) onderdeel",
        "XML_ERROR_PARTIAL_CHAR": "onvolledig (afgebroken) onderdeel",
        "XML_ERROR_TAG_MISMATCH": "eindtag past niet bij de begintag",
        "XML_ERROR_DUPLICATE_ATTRIBUTE": "dubbel attribuut",
        "XML_ERROR_JUNK_AFTER_DOC_ELEMENT": "tekst na het einde van het document",
        "XML_ERROR_PARAM_ENTITY_REF": "verwijzing naar een parameter-entiteit",
        "XML_ERROR_UNDEFINED_ENTITY": "onbekende entiteit",
        "XML_ERROR_RECURSIVE_ENTITY_REF": "entiteit die naar zichzelf verwijst",
        "XML_ERROR_ASYNC_ENTITY": "entiteit die niet goed is afgesloten",
        "XML_ERROR_BAD_CHAR_REF": "ongeldige tekenverwijzing",
        "XML_ERROR_BINARY_ENTITY_REF": "verwijzing naar een binaire entiteit",
        "XML_ERROR_ATTRIBUTE_EXTERNAL_ENTITY_REF": "externe entiteit in een attribuut",
        "XML_ERROR_MISPLACED_XML_PI": "XML-declaratie op een verkeerde plaats",
        "XML_ERROR_UNKNOWN_ENCODING": "onbekende tekencodering",
        "XML_ERROR_INCORRECT_ENCODING": "tekencodering past niet bij de declaratie",
        "XML_ERROR_UNCLOSED_CDATA_SECTION": "CDATA-sectie niet afgesloten",
        "XML_ERROR_EXTERNAL_ENTITY_HANDLING": "externe entiteit",
        "XML_ERROR_NOT_STANDALONE": "document is niet zelfstandig",
        "XML_ERROR_UNBOUND_PREFIX": "voorvoegsel zonder naamruimte-declaratie",
        "XML_ERROR_UNDECLARING_PREFIX": "naamruimte-declaratie van een voorvoegsel opgeheven",
        "XML_ERROR_INCOMPLETE_PE": "onvolledige parameter-entiteit",
        "XML_ERROR_XML_DECL": "ongeldige XML-declaratie",
        "XML_ERROR_TEXT_DECL": "ongeldige tekstdeclaratie",
        "XML_ERROR_PUBLICID": "ongeldige public-id",
        "XML_ERROR_RESERVED_PREFIX_XML": "gereserveerd voorvoegsel xml verkeerd gebruikt",
        "XML_ERROR_RESERVED_PREFIX_XMLNS": "gereserveerd voorvoegsel xmlns verkeerd gebruikt",
        "XML_ERROR_RESERVED_NAMESPACE_URI": "gereserveerde naamruimte verkeerd gebruikt",
    }
    return {e.codes[getattr(e, n)]: tekst for n, tekst in namen.items() if hasattr(e, n) and getattr(e, n) in e.codes}


_EXPAT_REDENEN: dict[int, str] | None = None


def xml_reden(code: object) -> str:
    """The Dutch reason for an expat error code (pyexpat.errors.codes)."""
    global _EXPAT_REDENEN
    if _EXPAT_REDENEN is None:
        _EXPAT_REDENEN = _expat_redenen()
    if isinstance(code, int) and code in _EXPAT_REDENEN:
        return _EXPAT_REDENEN[code]
    return f"niet goed gevormd (expat-foutcode {code})" if isinstance(code, int) else "niet goed gevormd"


def xml_fout(exc: BaseException) -> str:
    """An XML parser's error in Dutch: 'regel 3, kolom 5: dubbel attribuut' (ElementTree's
    ParseError or pyexpat's ExpatError; any other error: its Dutch kind only)."""
    code = getattr(exc, "code", None)
    positie = getattr(exc, "position", None)
    if positie is None and getattr(exc, "lineno", None) is not None:
        positie = (exc.lineno, exc.offset)  # type: ignore[attr-defined]
    reden = xml_reden(code) if code is not None else "niet goed gevormd"
    if positie:
        return f"regel {positie[0]}, kolom {positie[1] + 1}: {reden}"
    return reden


_EERSTE_ELEMENT = re.compile(rb"<[A-Za-z_]")


def controleer_kop(data: bytes, naam: str) -> int:
    """Check the prolog of an XML part (everything before the root element) with
    defusedxml: a DTD or entity declaration raises. Returns the offset of the root (in the
    UTF-8 text of a UTF-16 part)."""
    if data[:2] in _UTF16:
        from .ooxml import als_utf8  # a UTF-16 part: checked as its text

        n = min(len(data), 2 * MAX_KOP) & ~1
        data = als_utf8(data if n >= len(data) else _heel_utf16(data[:n]), naam)
    m = _EERSTE_ELEMENT.search(data, 0, MAX_KOP)
    if m is None:
        if len(data) > MAX_KOP:
            raise OnveiligBestand(f"ongeldige XML in {naam} (geen begin-element gevonden)")
        parse_xml(data, naam)  # raises with the reason
        return 0
    kop = data[: m.start()]
    if b"<!" in kop:
        parse_xml(kop + b"<x/>", naam)
    return m.start()


def _heel_utf16(data: bytes) -> bytes:
    """A cut UTF-16 prefix without a broken surrogate pair at its end."""
    le = data[:2] in (b"\xff\xfe", b"<\x00")
    laatste = data[-1] if le else data[-2]
    return data[:-2] if 0xD8 <= laatste <= 0xDB else data


def open_xlsx(pad: str | Path) -> Xlsx:
    pad = Path(pad)
    try:
        grootte = pad.stat().st_size
        if grootte > MAX_BESTAND:
            raise OnveiligBestand(f"bestand is te groot ({grootte // (1024 * 1024)} MB; maximaal {MAX_BESTAND // (1024 * 1024)} MB)")
        # read-only, no lock; only a regular file is opened (O_NONBLOCK: a FIFO never blocks)
        data = lees_begrensd(pad, MAX_BESTAND)
    except OnveiligBestand:
        raise
    except BestandFout as exc:
        raise OnveiligBestand(str(exc)) from None
    except FileNotFoundError:
        raise OnveiligBestand("bestand niet gevonden") from None
    except PermissionError:
        raise OnveiligBestand("geen leesrechten") from None
    except OSError as exc:
        raise OnveiligBestand(f"kan niet lezen ({exc.strerror or exc})") from None
    if data.startswith(OLE2):
        raise OnveiligBestand("versleuteld (met wachtwoord beveiligd) of een oud Excel-formaat (.xls); sla het formulier op als .xlsx zonder wachtwoord")
    if not data.startswith(ZIP):
        raise OnveiligBestand("geen Excel-bestand (.xlsx/.xlsm)")
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        infos = z.infolist()
    except (zipfile.BadZipFile, EOFError, ValueError, OSError):
        raise OnveiligBestand("beschadigd of onvolledig bestand (het zip-archief is niet leesbaar)") from None
    if len(infos) > MAX_LEDEN:
        raise OnveiligBestand(f"te veel onderdelen in het bestand ({len(infos)}; maximaal {MAX_LEDEN})")
    totaal = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise OnveiligBestand("versleuteld onderdeel in het bestand")
        totaal += info.file_size
        if info.file_size > MAX_LID:
            raise OnveiligBestand(f"onderdeel {info.filename} is te groot uitgepakt ({info.file_size // (1024 * 1024)} MB)")
        if info.file_size > RATIO_VANAF and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise OnveiligBestand(f"verdacht sterk gecomprimeerd onderdeel {info.filename} (zip-bom?)")
    if totaal > MAX_TOTAAL:
        raise OnveiligBestand(f"bestand is uitgepakt te groot ({totaal // (1024 * 1024)} MB; maximaal {MAX_TOTAAL // (1024 * 1024)} MB)")
    namen = frozenset(i.filename for i in infos)
    # Part names are compared without case (OPC): two entries for one part are refused,
    # since readers differ in which one they take.
    gezien: dict[str, str] = {}
    for info in infos:
        k = info.filename.casefold()
        if k in gezien:
            if gezien[k] == info.filename:
                raise OnveiligBestand(f"ongeldig bestand: het onderdeel {info.filename} staat twee keer in het zip-archief (programma's lezen dan verschillende gegevens)")
            raise OnveiligBestand(f"ongeldig bestand: de onderdelen {gezien[k]} en {info.filename} verschillen alleen in hoofdletters en zijn dus twee keer hetzelfde onderdeel (programma's lezen dan verschillende gegevens)")
        gezien[k] = info.filename
    if "[content_types].xml" not in gezien or ("xl/workbook.xml" not in gezien and "_rels/.rels" not in gezien):
        raise OnveiligBestand("geen Excel-werkmap (xl/workbook.xml ontbreekt)")
    x = Xlsx(pad, data, z, namen)
    for info in infos:
        # The parts a reader parses (sheets are checked when their formulas are read);
        # drawings, themes and customXml are never parsed.
        if _GELEZEN.match(info.filename.lower()):
            controleer_kop(x.begin(info), info.filename)
    return x


_UTF16 = (b"\xff\xfe", b"\xfe\xff", b"<\x00", b"\x00<")
_GELEZEN = re.compile(r"^(\[content_types\]\.xml|.*\.rels|xl/workbook\.xml|xl/sharedstrings\.xml|xl/styles\.xml|docprops/\w+\.xml)$")
_DIM = re.compile(rb'<(?:\w+:)?dimension\s+ref="([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?"')


def _kolom(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def controleer_afmeting(data: bytes, naam: str) -> int | None:
    """Reject a sheet whose <dimension> is larger than the caps; the number of cells it
    claims (None without a <dimension>)."""
    m = _DIM.search(data, 0, 4096)
    if not m:
        return None
    if m.group(3):
        rijen = int(m.group(4)) - int(m.group(2)) + 1
        kolommen = _kolom(m.group(3)) - _kolom(m.group(1)) + 1
    else:
        rijen = kolommen = 1
    if rijen > MAX_RIJEN or kolommen > MAX_KOLOMMEN:
        raise OnveiligBestand(f"werkblad {naam} is te groot ({rijen} rijen, {kolommen} kolommen; maximaal {MAX_RIJEN} rijen en {MAX_KOLOMMEN} kolommen)")
    return rijen * kolommen


def werkbladen(x: Xlsx) -> dict[str, str]:
    """Sheet name -> zip part name, from the workbook and its relationships (read as OPC:
    ``ooxml.Pakket``)."""
    from .ooxml import pakket

    return pakket(x).werkbladen()


def gedefinieerde_namen(x: Xlsx) -> dict[str, str]:
    from .ooxml import pakket

    return pakket(x).gedefinieerde_namen()


def eigenschappen(x: Xlsx) -> dict[str, str]:
    """Custom document properties (docProps/custom.xml) as text."""
    from .ooxml import pakket

    return pakket(x).eigenschappen()
