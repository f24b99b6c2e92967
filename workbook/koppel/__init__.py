"""koppel: put the Python engine behind an official (or this project's) meerzorg form.

``koppel_bestand(pad, uit_map)`` writes ``<naam>-python.xlsx`` with a sheet
"Python-controle" whose engine cells are xlwings UDF calls (``xl_meerzorg.udfs.meerzorg``) on the
form's own input cells, each with a cached value computed at koppel time. The original
file is only read; every part of it except the workbook index, its relationships, the
content types and docProps/app.xml is copied byte-identically.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from xl_meerzorg.bestanden import BestandFout, DoelFout, bereid_doel, schrijf_atomair, soort_fout, toon
from xl_meerzorg.workbook import veilig

from .blad import UDF_MODULE, Cel, blad_xml, bouw_cellen, conf_xml, kies_stijlen, opmaak_melding
from .lezen import CONF_BLAD, PYTHON_BLAD, Formulier, GeenFormulier, herken
from .pakket import PakketFout, schrijf_kopie
from .veiligheid import OnveiligFormulier, onderdelen, open_bytes, open_pad

ACHTERVOEGSEL = "-python"
MAX_BYTES = veilig.MAX_BESTAND

__all__ = [
    "ACHTERVOEGSEL", "BestandFout", "DoelFout", "GeenFormulier", "Gekoppeld", "OnveiligFormulier", "doelpad",
    "is_koppel_kopie", "koppel_bestand", "koppel_bytes",
]  # fmt: skip

# What the sheet Python-controle of a koppel copy says (blad.py): with the sheet name this
# recognises koppel's own earlier copies, the only files ``--overschrijf`` replaces.
KENMERKEN = (b"xl-meerzorg", b"MZ_")


@dataclass
class Gekoppeld:
    bron: Path
    doel: Path
    formulier: Formulier


def doelpad(bron: Path, uit_map: Path | None = None) -> Path:
    """``<naam>-python.xlsx`` next to ``bron`` (or in ``uit_map``); an .xlsm stays .xlsm
    (the copy keeps its macro parts and content type, which Excel refuses in an .xlsx)."""
    ext = ".xlsm" if bron.suffix.lower() == ".xlsm" else ".xlsx"
    return (uit_map or bron.parent) / f"{bron.stem}{ACHTERVOEGSEL}{ext}"


def is_koppel_kopie(pad: str | Path) -> bool:
    """True when ``pad`` is a copy koppel wrote: a regular workbook with a sheet
    Python-controle holding koppel's UDF calls and its text. Only read (bounded); any
    doubt is False, so a file that is not koppel's is never overwritten."""
    if soort_fout(pad) is not None:
        return False
    try:
        x = veilig.open_xlsx(pad)
        kaart = {naam.casefold(): deel for naam, deel in veilig.werkbladen(x).items()}
        deel = kaart.get(PYTHON_BLAD.casefold())
        if deel is None or deel not in x.namen:
            return False
        data = x.lees(deel)
    except Exception:  # unreadable, damaged, hostile: not recognisably ours
        return False
    return all(k in data for k in KENMERKEN)


def koppel_bytes(data: bytes, naam: str = "formulier.xlsx") -> tuple[bytes, Formulier]:
    """The koppel copy of the xlsx ``data`` and the recognised form (same checks as a file)."""
    return _koppel(open_bytes(data), naam)


def _koppel(x: veilig.Xlsx, naam: str) -> tuple[bytes, Formulier]:
    delen = onderdelen(x)  # safety checks first: nothing else parses the file before them
    f = herken(naam, x.data)
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
            + ([] if CONF_BLAD in f.bladnamen else [(CONF_BLAD, conf_xml(), True)]),  # the -udf form has one
            delen,
        )
    except (PakketFout, KeyError, UnicodeDecodeError) as exc:
        raise GeenFormulier(f"kan de kopie niet maken ({exc})") from exc
    return kopie, f


def koppel_bestand(
    bron: Path, uit_map: Path | None = None, *, overschrijf: bool = False, doel: Path | None = None, invoer: Iterable[Path] = ()
) -> Gekoppeld:
    """Write the koppel copy of ``bron`` (to ``doel``, default ``doelpad(bron, uit_map)``);
    the original is opened read-only and never changed.

    An existing file at ``doel`` is never replaced, unless ``overschrijf`` is given and it
    is one of koppel's own earlier copies; ``doel`` may never be (a link to) ``bron`` or any
    of the other ``invoer`` files. Raises ``GeenFormulier``/``OnveiligFormulier`` for the
    form, ``BestandFout``/``DoelFout`` (Dutch reasons) for the files."""
    bron = Path(bron)
    doel = Path(doel) if doel is not None else doelpad(bron, uit_map)
    reden = soort_fout(bron)
    if reden is not None:  # a FIFO, device, folder, dangling link: never opened
        raise GeenFormulier(reden)
    alle_invoer = [bron, *invoer]
    doel = bereid_doel(doel, invoer=alle_invoer, wat="de kopie")
    bestaat = doel.exists()
    if bestaat and not overschrijf:
        raise DoelFout(f"{toon(doel)} bestaat al; niet overschreven (gebruik --overschrijf om een eerdere kopie van koppel te vervangen)")
    if bestaat and not is_koppel_kopie(doel):
        raise DoelFout(f"{toon(doel)} bestaat al en is geen kopie van koppel; niet overschreven")
    kopie, f = _koppel(open_pad(bron), str(bron))
    # Written via a temporary file and renamed; without --overschrijf only if still absent.
    schrijf_atomair(doel, kopie, overschrijven=bestaat, invoer=alle_invoer, wat="de kopie")
    return Gekoppeld(bron, doel, f)
