"""``xl-meerzorg koppel PAD... [--uit MAP] [--lite]``: write a -python.xlsx (or -lite.xlsx) copy of every form."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import ACHTERVOEGSEL, ACHTERVOEGSEL_LITE, GeenFormulier, OnveiligFormulier, koppel_bestand

EXIT_OK = 0
EXIT_FOUT = 2


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("paden", nargs="+", metavar="PAD", help="formulier (.xlsx) of map met formulieren")
    p.add_argument("--uit", metavar="MAP", help="schrijf de kopieën in deze map (standaard: naast het formulier)")
    p.add_argument(
        "--lite", action="store_true",
        help="kopie <naam>-lite.xlsx met de rekenkern in de werkmap, voor de invoegtoepassing xlwings Lite",
    )  # fmt: skip


def _bestanden(pad: Path) -> list[Path]:
    if pad.is_dir():
        return sorted(
            p for p in pad.iterdir()
            if p.is_file() and p.suffix.lower() == ".xlsx" and not p.name.startswith("~$")
            and not p.stem.endswith((ACHTERVOEGSEL, ACHTERVOEGSEL_LITE))
        )  # fmt: skip
    return [pad]


def run(args: argparse.Namespace) -> int:
    uit = Path(args.uit) if args.uit else None
    code = EXIT_OK
    for naam in args.paden:
        pad = Path(naam)
        if not pad.exists():
            print(f"{naam}: niet gevonden", file=sys.stderr)
            code = EXIT_FOUT
            continue
        map_gegeven = pad.is_dir()
        bestanden = _bestanden(pad)
        if map_gegeven and not bestanden:
            print(f"{naam}: geen .xlsx-bestanden in deze map", file=sys.stderr)
        for bestand in bestanden:
            try:
                g = koppel_bestand(bestand, uit, lite=getattr(args, "lite", False))
            except OnveiligFormulier as exc:  # unsafe or damaged: an error, also in a folder
                print(f"{bestand}: {exc}", file=sys.stderr)
                code = EXIT_FOUT
                continue
            except GeenFormulier as exc:
                if map_gegeven:  # a folder may hold other workbooks: report and go on
                    print(f"{bestand}: overgeslagen: {exc}", file=sys.stderr)
                else:
                    print(f"{bestand}: {exc}", file=sys.stderr)
                    code = EXIT_FOUT
                continue
            except OSError as exc:
                print(f"{bestand}: kan niet lezen of schrijven ({exc.strerror or exc})", file=sys.stderr)
                code = EXIT_FOUT
                continue
            f = g.formulier
            soort = "officieel formulier" if f.soort == "officieel" else "formulier xl-meerzorg"
            type_ = f.type_tekst or "type aanvraag nog niet gekozen"
            print(f"{bestand} -> {g.doel} ({soort} {f.jaar}; {type_})")
    return code


SUBCOMMANDS = {
    "koppel": ("Zet de Python-rekenkern achter een aanvraagformulier meerzorg (kopie <naam>-python.xlsx; met --lite <naam>-lite.xlsx)", configure, run),
}
