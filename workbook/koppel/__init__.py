"""koppel: put the Python engine behind an official (or this project's) meerzorg form.

``koppel_bestand(pad, uit_map)`` writes ``<naam>-python.xlsx`` with a sheet
"Python-controle" whose engine cells are xlwings UDF calls (``udfs.meerzorg``) on the
form's own input cells, each with a cached value computed at koppel time. The original
file is only read; every part of it except the workbook index, its relationships, the
content types and docProps/app.xml is copied byte-identically.
"""

from __future__ import annotations

import importlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .blad import UDF_MODULE, Cel, blad_xml, bouw_cellen, conf_xml, kies_stijlen, opmaak_melding
from .lezen import CONF_BLAD, PYTHON_BLAD, Formulier, GeenFormulier, herken
from .pakket import PakketFout, schrijf_kopie

ACHTERVOEGSEL = "-python"
MAX_BYTES = 50 * 1024 * 1024

__all__ = ["ACHTERVOEGSEL", "GeenFormulier", "Gekoppeld", "doelpad", "koppel_bestand", "koppel_bytes"]


@dataclass
class Gekoppeld:
    bron: Path
    doel: Path
    formulier: Formulier


def doelpad(bron: Path, uit_map: Path | None = None) -> Path:
    return (uit_map or bron.parent) / f"{bron.stem}{ACHTERVOEGSEL}.xlsx"


def koppel_bytes(data: bytes, naam: str = "formulier.xlsx") -> tuple[bytes, Formulier]:
    """The koppel copy of the xlsx ``data`` and the recognised form."""
    import zipfile
    import io

    f = herken(naam, data)
    module = importlib.import_module(UDF_MODULE)
    blad = bouw_cellen(f, module)
    zf = zipfile.ZipFile(io.BytesIO(data))
    namen = set(zf.namelist())
    stijlen, dxf = kies_stijlen(zf.read("xl/styles.xml") if "xl/styles.xml" in namen else None)
    melding = opmaak_melding(stijlen)
    if melding:
        blad.cellen.append(Cel("A6", melding))  # row 6 is free (the first block starts at row 7)
    cm = "xl/metadata.xml" in namen and b"XLDAPR" in zf.read("xl/metadata.xml")
    try:
        kopie = schrijf_kopie(
            data,
            f.bladen["voorblad"],
            [(PYTHON_BLAD, blad_xml(blad, stijlen, dxf, cm), False)]
            + ([] if CONF_BLAD in f.bladnamen else [(CONF_BLAD, conf_xml(), True)]),  # the -udf form has one
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
    if bron.stat().st_size > MAX_BYTES:
        raise GeenFormulier("bestand is te groot (meer dan 50 MB)")
    with open(bron, "rb") as fh:
        data = fh.read()
    kopie, f = koppel_bytes(data, str(bron))
    doel.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".koppel-", suffix=".xlsx", dir=doel.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(kopie)
        os.replace(tmp, doel)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Gekoppeld(bron, doel, f)
