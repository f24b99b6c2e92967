"""Open an untrusted xlsx/xlsm safely: read-only, size and zip-bomb limits, no DTDs.

``open_xlsx(path)`` reads the file ONCE (read-only, into memory; the file is never
written, moved or locked), checks the zip container and returns an ``Xlsx`` with the bytes
and the open ``ZipFile``. Every problem raises ``OnveiligBestand`` with a Dutch reason so a
batch can report it per file and continue. Macros are never executed: we only note
whether an ``xl/vbaProject.bin`` is present.
"""

from __future__ import annotations

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

    def _inflate(self, naam: str) -> bytes | None:
        """A deflated part unpacked straight from the file's bytes, at most ``file_size``
        + 1 bytes, with zipfile's header and CRC checks; None where zipfile must decide
        (stored or flagged parts, a short or damaged stream, a CRC mismatch), so the result
        or the error is exactly zipfile's."""
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
        raise OnveiligBestand(f"ongeldige XML in {naam} ({exc})") from None


_EERSTE_ELEMENT = re.compile(rb"<[A-Za-z_]")


def controleer_kop(data: bytes, naam: str) -> int:
    """Check the prolog of an XML part (everything before the root element) with
    defusedxml: a DTD or entity declaration raises. Returns the offset of the root."""
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
    if "[Content_Types].xml" not in namen or "xl/workbook.xml" not in namen:
        raise OnveiligBestand("geen Excel-werkmap (xl/workbook.xml ontbreekt)")
    x = Xlsx(pad, data, z, namen)
    for info in infos:
        # The parts a reader parses (sheets are checked when their formulas are read);
        # drawings, themes and customXml are never parsed.
        if _GELEZEN.match(info.filename.lower()):
            with z.open(info) as fh:
                try:
                    kop = fh.read(4096)
                    if not _EERSTE_ELEMENT.search(kop):
                        kop += fh.read(MAX_KOP - len(kop))
                except Exception:
                    raise OnveiligBestand(f"beschadigd bestand: onderdeel {info.filename} is niet leesbaar") from None
            controleer_kop(kop, info.filename)
    return x


_GELEZEN = re.compile(r"^(\[content_types\]\.xml|.*\.rels|xl/workbook\.xml|xl/sharedstrings\.xml|xl/styles\.xml|docprops/\w+\.xml)$")
_DIM = re.compile(rb'<(?:\w+:)?dimension\s+ref="([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?"')


def _kolom(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def controleer_afmeting(data: bytes, naam: str) -> None:
    """Reject a sheet whose <dimension> is larger than the caps."""
    m = _DIM.search(data, 0, 4096)
    if not m:
        return
    if m.group(3):
        rijen = int(m.group(4)) - int(m.group(2)) + 1
        kolommen = _kolom(m.group(3)) - _kolom(m.group(1)) + 1
    else:
        rijen = kolommen = 1
    if rijen > MAX_RIJEN or kolommen > MAX_KOLOMMEN:
        raise OnveiligBestand(f"werkblad {naam} is te groot ({rijen} rijen, {kolommen} kolommen; maximaal {MAX_RIJEN} rijen en {MAX_KOLOMMEN} kolommen)")


def werkbladen(x: Xlsx) -> dict[str, str]:
    """Sheet name -> zip part name, from xl/workbook.xml and its relationships."""
    wb = x.xml("xl/workbook.xml")
    try:
        rels = x.xml("xl/_rels/workbook.xml.rels")
    except OnveiligBestand:
        raise
    doel = {r.get("Id"): r.get("Target") or "" for r in rels.iter(PNS + "Relationship")}
    out = {}
    for s in wb.iter(NS + "sheet"):
        t = doel.get(s.get(RNS + "id"), "")
        t = t[1:] if t.startswith("/") else "xl/" + t
        out[s.get("name") or ""] = t
    return out


def gedefinieerde_namen(x: Xlsx) -> dict[str, str]:
    wb = x.xml("xl/workbook.xml")
    return {d.get("name") or "": d.text or "" for d in wb.iter(NS + "definedName")}


def eigenschappen(x: Xlsx) -> dict[str, str]:
    """Custom document properties (docProps/custom.xml) as text."""
    if "docProps/custom.xml" not in x.namen:
        return {}
    root = x.xml("docProps/custom.xml")
    out = {}
    for p in root:
        naam = p.get("name")
        if naam and len(p):
            out[naam] = (p[0].text or "").strip()
    return out
