"""``xl-meerzorg koppel PAD... [--uit MAP] [--overschrijf]``: write a -python copy of every form.

Exit code 0 when every form got its copy, 2 when a file could not be read or written, a
copy was refused (it exists, it would be an input) or a folder holds no .xlsx/.xlsm file
("geen formulieren gevonden in …", as controleer). A workbook in a folder that is not a
meerzorg form is skipped with a message (code unchanged).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from xl_meerzorg.bestanden import BestandFout, soort_fout, toon

from . import ACHTERVOEGSEL, GeenFormulier, OnveiligFormulier, doelpad, is_koppel_kopie, koppel_bestand

EXIT_OK = 0
EXIT_FOUT = 2
EXTENSIES = (".xlsx", ".xlsm")
IS_MAP = "is een map, geen bestand"


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("paden", nargs="+", metavar="PAD", help="formulier (.xlsx/.xlsm) of map met formulieren")
    p.add_argument("--uit", metavar="MAP", help="schrijf de kopieën in deze map (standaard: naast het formulier)")
    p.add_argument(
        "--overschrijf", action="store_true",
        help="vervang een bestaande kopie die koppel eerder maakte (een ander bestand wordt nooit overschreven)",
    )  # fmt: skip


def _bestanden(pad: Path) -> tuple[list[Path], list[str]]:
    """The forms in folder ``pad`` (not recursive, sorted) and messages for what is skipped:
    non-regular files are never opened; koppel's own copies are not coupled again."""
    out: list[Path] = []
    meldingen: list[str] = []
    try:
        namen = sorted(os.listdir(pad))
    except OSError as exc:
        return [], [f"{toon(pad)}: map niet leesbaar ({exc.strerror or exc})"]
    for naam in namen:
        p = pad / naam
        if Path(naam).suffix.lower() not in EXTENSIES or naam.startswith("~$"):
            continue
        reden = soort_fout(p)
        if reden == IS_MAP:
            continue
        if reden is not None:
            meldingen.append(f"{toon(p)}: overgeslagen: {reden}")
            continue
        if Path(naam).stem.endswith(ACHTERVOEGSEL) and is_koppel_kopie(p):
            continue  # an earlier copy of koppel
        out.append(p)
    return out, meldingen


def _sleutel(p: Path) -> str:
    """Output names compared as Excel and case-insensitive file systems do: without case."""
    return os.path.normcase(os.path.abspath(p)).casefold()


def _vrije_naam(doel: Path, gekozen: set[str]) -> Path:
    """``doel``, or ``<naam>-2``, ``-3``, … when another input of this run already maps to it."""
    kandidaat, n = doel, 1
    while _sleutel(kandidaat) in gekozen:
        n += 1
        kandidaat = doel.with_name(f"{doel.stem}-{n}{doel.suffix}")
    gekozen.add(_sleutel(kandidaat))
    return kandidaat


def run(args: argparse.Namespace) -> int:
    uit = Path(args.uit) if args.uit else None
    code = EXIT_OK
    te_doen: list[tuple[Path, str | None]] = []  # (file, the folder it was found in)
    for naam in args.paden:
        pad = Path(naam)
        reden = soort_fout(pad)
        if reden == IS_MAP:
            bestanden, meldingen = _bestanden(pad)
            for m in meldingen:
                print(m, file=sys.stderr)
            if not bestanden:
                print(f"geen formulieren gevonden in {toon(naam)}", file=sys.stderr)
                code = EXIT_FOUT
            te_doen.extend((b, naam) for b in bestanden)
        elif reden is not None:
            print(f"{toon(naam)}: {'niet gevonden' if reden == 'bestand niet gevonden' else reden}", file=sys.stderr)
            code = EXIT_FOUT
        else:
            te_doen.append((pad, None))
    # A file reached twice (also through a link) is coupled once.
    uniek: list[tuple[Path, str | None]] = []
    gezien: set[tuple[int, int]] = set()
    for pad, map_ in te_doen:
        try:
            st = os.stat(pad)
        except OSError:
            uniek.append((pad, map_))
            continue
        if (st.st_dev, st.st_ino) in gezien:
            print(f"{toon(pad)}: overgeslagen: hetzelfde bestand is al genoemd", file=sys.stderr)
            continue
        gezien.add((st.st_dev, st.st_ino))
        uniek.append((pad, map_))
    invoer = [p for p, _ in uniek]
    gekozen: set[str] = set()
    for bestand, map_ in uniek:
        doel = _vrije_naam(doelpad(bestand, uit), gekozen)
        try:
            g = koppel_bestand(bestand, overschrijf=args.overschrijf, doel=doel, invoer=invoer)
        except OnveiligFormulier as exc:  # unsafe or damaged: an error, also in a folder
            print(f"{toon(bestand)}: {exc}", file=sys.stderr)
            code = EXIT_FOUT
            continue
        except GeenFormulier as exc:
            if map_ is not None:  # a folder may hold other workbooks: report and go on
                print(f"{toon(bestand)}: overgeslagen: {exc}", file=sys.stderr)
            else:
                print(f"{toon(bestand)}: {exc}", file=sys.stderr)
                code = EXIT_FOUT
            continue
        except BestandFout as exc:  # the copy could not be written or was refused
            print(f"{toon(bestand)}: {exc}", file=sys.stderr)
            code = EXIT_FOUT
            continue
        except OSError as exc:
            print(f"{toon(bestand)}: kan niet lezen of schrijven ({exc.strerror or exc})", file=sys.stderr)
            code = EXIT_FOUT
            continue
        f = g.formulier
        soort = "officieel formulier" if f.soort == "officieel" else "formulier xl-meerzorg"
        type_ = f.type_tekst or "type aanvraag nog niet gekozen"
        print(toon(f"{bestand} -> {g.doel} ({soort} {f.jaar}; {type_})"))
    return code


SUBCOMMANDS = {
    "koppel": ("Zet de Python-rekenkern achter een aanvraagformulier meerzorg (kopie <naam>-python.xlsx)", configure, run),
}
