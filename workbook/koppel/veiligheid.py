"""Safety checks before koppel reads or copies anything: the batch checker's limits
(workbook/veilig.py) plus well-formed XML.

koppel copies every part of a received form into the copy, so a form is refused when
the batch checker would refuse it: file size, number of parts, uncompressed size and
compression ratio per part and in total, encrypted parts (all in ``veilig.open_xlsx``),
no DTD or entity declarations in any XML part (``veilig.controleer_kop``), and per sheet
its size in bytes (``veilig.MAX_BLAD``) and its ``<dimension>`` (``veilig.controleer_afmeting``).
On top of that every XML part must be well-formed XML as a namespace-aware parser (Excel,
LibreOffice, openpyxl) reads it: a broken part would leave the copy broken too.

Every part is unpacked once, with the bounds of ``veilig.Xlsx.lees``; the copy is written
from those bytes.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from pyexpat import ExpatError, ParserCreate

from xl_meerzorg.workbook import veilig

from .lezen import GeenFormulier

XML_DELEN = (".xml", ".rels")
_WERKBLAD = re.compile(r"xl/worksheets/[^/]+\.xml", re.I)
_GEEN_XLSX = ("geen excel-bestand", "geen excel-werkmap")


class OnveiligFormulier(GeenFormulier):
    """A file koppel refuses for safety or because it is damaged (always an error, also in a folder)."""


def _fout(exc: Exception) -> GeenFormulier:
    reden = str(exc)
    if reden.lower().startswith(_GEEN_XLSX):
        return GeenFormulier(reden)  # simply not a workbook: in a folder it is skipped
    return OnveiligFormulier(f"niet gekoppeld: {reden}")


def open_pad(pad: str | Path) -> veilig.Xlsx:
    """The file, read once, with the zip-level checks of ``veilig.open_xlsx``."""
    try:
        return veilig.open_xlsx(pad)
    except veilig.OnveiligBestand as exc:
        raise _fout(exc) from None


def open_bytes(data: bytes) -> veilig.Xlsx:
    """Like ``open_pad`` for bytes (``veilig.open_xlsx`` reads from a path: a private temporary file)."""
    with tempfile.TemporaryDirectory(prefix="koppel-") as tmp:
        pad = Path(tmp) / "formulier.xlsx"
        pad.write_bytes(data)
        return open_pad(pad)


def onderdelen(x: veilig.Xlsx) -> dict[str, bytes]:
    """Every part of ``x`` unpacked (name -> bytes) after all checks; raises OnveiligFormulier."""
    try:
        return _onderdelen(x)
    except veilig.OnveiligBestand as exc:
        raise _fout(exc) from None
    except (RecursionError, MemoryError) as exc:
        raise OnveiligFormulier(f"niet gekoppeld: bestand is te groot of te diep genest ({type(exc).__name__})") from None


def _onderdelen(x: veilig.Xlsx) -> dict[str, bytes]:
    # Sheet parts: by the workbook's relationships (for their names) and by location.
    kaart = veilig.werkbladen(x) if "xl/_rels/workbook.xml.rels" in x.namen else {}
    bladen = {deel: naam for naam, deel in kaart.items()}
    uit: dict[str, bytes] = {}
    for info in x.zip.infolist():
        naam = info.filename
        blad = bladen.get(naam)
        if blad is None and _WERKBLAD.fullmatch(naam):
            blad = naam
        if blad is not None and info.file_size > veilig.MAX_BLAD:
            mb = veilig.MAX_BLAD // (1024 * 1024)
            raise veilig.OnveiligBestand(f"werkblad {blad} is te groot ({info.file_size // (1024 * 1024)} MB uitgepakt; maximaal {mb} MB)")
        data = x.lees(naam)
        if naam.lower().endswith(XML_DELEN):
            try:
                veilig.controleer_kop(data, naam)
                if blad is not None:
                    veilig.controleer_afmeting(data, naam)
            except veilig.OnveiligBestand as exc:
                raise veilig.OnveiligBestand(f"{exc} [werkblad '{blad}']" if blad and blad != naam else str(exc)) from None
            goed_gevormd(data, naam, blad if blad != naam else None)
        uit[naam] = data
    return uit


def goed_gevormd(data: bytes, naam: str, blad: str | None = None) -> None:
    """Raise ``veilig.OnveiligBestand`` unless ``data`` is well-formed, namespace-correct
    XML without a DTD (expat, streaming: no tree is built)."""
    p = ParserCreate(namespace_separator=" ")

    def dtd(*_args) -> None:
        raise veilig.OnveiligBestand(f"onveilige XML in {naam} (DTD of entiteiten zijn niet toegestaan)")

    p.StartDoctypeDeclHandler = dtd
    p.EntityDeclHandler = dtd
    try:
        p.Parse(data, True)
    except ExpatError as exc:
        waar = f"werkblad '{blad}', " if blad else ""
        raise veilig.OnveiligBestand(
            f"beschadigd bestand: ongeldige XML in {naam} ({waar}{veilig.xml_fout(exc)}); "
            "Excel, LibreOffice en openpyxl kunnen dit onderdeel niet (betrouwbaar) lezen"
        ) from None
