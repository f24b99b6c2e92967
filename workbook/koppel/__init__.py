"""koppel: put the Python engine behind an official (or this project's) meerzorg form.

``koppel_bestand(pad, uit_map)`` writes ``<naam>-python.xlsx`` with a sheet
"Python-controle" whose engine cells are xlwings UDF calls (``xl_meerzorg.udfs.meerzorg``) on the
form's own input cells, each with a cached value computed at koppel time. The original
file is only read; every part of it except the workbook index, its relationships, the
content types and docProps/app.xml is copied byte-identically.
"""

from __future__ import annotations

import importlib
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from xl_meerzorg.workbook import veilig

from .blad import UDF_MODULE, Cel, blad_xml, bouw_cellen, conf_xml, kies_stijlen, opmaak_melding
from .lezen import CONF_BLAD, PYTHON_BLAD, Formulier, GeenFormulier, herken
from .pakket import PakketFout, schrijf_kopie
from .veiligheid import OnveiligFormulier, onderdelen, open_bytes, open_pad

ACHTERVOEGSEL = "-python"
MAX_BYTES = veilig.MAX_BESTAND

__all__ = [
    "ACHTERVOEGSEL", "GeenFormulier", "Gekoppeld", "OnveiligFormulier", "doelpad", "koppel_bestand", "koppel_bytes",
]  # fmt: skip


@dataclass
class Gekoppeld:
    bron: Path
    doel: Path
    formulier: Formulier


def doelpad(bron: Path, uit_map: Path | None = None) -> Path:
    """``<naam>-python.xlsx``; for a macro-enabled workbook (.xlsm) ``<naam>-python.xlsm``:
    its content type stays the macro one, which Excel only opens as .xlsm."""
    ext = ".xlsm" if bron.suffix.lower() == ".xlsm" else ".xlsx"
    return (uit_map or bron.parent) / f"{bron.stem}{ACHTERVOEGSEL}{ext}"


def koppel_bytes(data: bytes, naam: str = "formulier.xlsx") -> tuple[bytes, Formulier]:
    """The koppel copy of the xlsx ``data`` and the recognised form (same checks as a file)."""
    return _koppel(open_bytes(data), naam)


def _koppel(x: veilig.Xlsx, naam: str) -> tuple[bytes, Formulier]:
    delen = onderdelen(x)  # safety checks first: nothing else parses the file before them
    from xl_meerzorg.workbook.ooxml import pakket

    f = herken(naam, x.data, pakket(x))
    module = importlib.import_module(UDF_MODULE)
    blad = bouw_cellen(f, module)
    stijlen, dxf = kies_stijlen(delen.get("xl/styles.xml"))
    melding = opmaak_melding(stijlen)
    if melding:
        blad.cellen.append(Cel("A6", melding))  # row 6 is free (the first block starts at row 7)
    cm = b"XLDAPR" in delen.get("xl/metadata.xml", b"")
    try:
        kopie = schrijf_kopie(
            x.data,
            f.bladen["voorblad"],
            [(PYTHON_BLAD, blad_xml(blad, stijlen, dxf, cm), False)]
            + ([] if CONF_BLAD.casefold() in {n.casefold() for n in f.bladnamen} else [(CONF_BLAD, conf_xml(), True)]),  # the -udf form has one
            delen,
        )
    except (PakketFout, KeyError, UnicodeDecodeError) as exc:
        raise GeenFormulier(f"kan de kopie niet maken ({exc})") from exc
    return kopie, f


def koppel_bestand(bron: Path, uit_map: Path | None = None) -> Gekoppeld:
    """Write the koppel copy of ``bron``; the original is opened read-only and never changed."""
    bron = Path(bron)
    doel = doelpad(bron, uit_map)
    if doel.resolve() == bron.resolve():
        raise GeenFormulier("de kopie zou het origineel overschrijven")
    x = open_pad(bron)
    if doel.suffix.lower() == ".xlsx" and _met_macros(x):
        doel = doel.with_suffix(".xlsm")  # Excel opens a macro-enabled workbook only as .xlsm
    kopie, f = _koppel(x, str(bron))
    doel.parent.mkdir(parents=True, exist_ok=True)
    schrijf_atomair(doel, kopie)
    return Gekoppeld(bron, doel, f)


def _met_macros(x: veilig.Xlsx) -> bool:
    """True when the workbook part has the macro-enabled content type."""
    from xl_meerzorg.workbook import ooxml

    try:
        p = ooxml.pakket(x)
        wb = "/" + p.workbook
        for e in p.xml(p.deel("[Content_Types].xml") or "[Content_Types].xml"):
            if ooxml.lokaal(e.tag) == "Override" and (e.get("PartName") or "").casefold() == wb.casefold():
                return "macroenabled" in (e.get("ContentType") or "").casefold()
    except veilig.OnveiligBestand:
        return False
    return False


def schrijf_atomair(doel: Path, data: bytes) -> None:
    """Write ``data`` to ``doel`` via a temporary file in the same folder and an atomic
    replace. The file gets the mode of any new file (0666 minus the umask, and a default
    ACL), not the 0600 of ``tempfile.mkstemp``."""
    vlaggen = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        tmp = doel.parent / f".{doel.stem}.{secrets.token_hex(6)}.koppel-tmp"
        try:
            fd = os.open(tmp, vlaggen, 0o666)
        except FileExistsError:
            continue
        break
    else:  # pragma: no cover - 100 collisions of 48 random bits
        raise FileExistsError(f"geen vrije tijdelijke naam in {doel.parent}")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, doel)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
