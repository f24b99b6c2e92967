"""CLI subcommand ``xl-meerzorg bouw --jaar 2026 [--uit MAP] [--lite]``: build both variants
(with ``--lite`` also the -lite copy of the staff form for xlwings Lite, docs/lite.md)."""

from __future__ import annotations

import argparse
import time
from pathlib import Path


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("--jaar", type=int, required=True, help="het jaar van het formulier, bijvoorbeeld 2026")
    p.add_argument("--uit", type=Path, default=Path("."), help="map waarin de bestanden komen (standaard: huidige map)")
    p.add_argument(
        "--lite", action="store_true",
        help="maak ook <naam>-lite.xlsx van de zorgkantoorvariant: de rekenkern in de werkmap, voor xlwings Lite",
    )  # fmt: skip


def run(args: argparse.Namespace) -> int:
    from xl_meerzorg.parameters import OnbekendJaar

    from .bouw import bouw

    start = time.perf_counter()
    try:
        paden = bouw(args.jaar, args.uit)
    except OnbekendJaar as exc:
        print(f"Fout: {exc}.")
        return 2
    except OSError as exc:
        print(f"Fout: kan niet schrijven in {args.uit}: {exc.strerror or exc}.")
        return 2
    lite = []
    if getattr(args, "lite", False):
        from .koppel import GeenFormulier, koppel_bestand

        for pad in paden:
            if pad.stem.endswith("-udf"):  # the staff form
                try:
                    lite.append(koppel_bestand(pad, args.uit, lite=True).doel)
                except GeenFormulier as exc:
                    print(f"Fout: {pad}: {exc}.")
                    return 2
    duur = time.perf_counter() - start
    print(f"Aanvraagformulier meerzorg {args.jaar} gebouwd in {duur:.1f} s:")
    for pad in paden:
        soort = "zorgkantoor (UDF)" if pad.stem.endswith("-udf") else "zorgaanbieder"
        print(f"  {pad}  ({soort})")
    for pad in lite:
        print(f"  {pad}  (zorgkantoor, xlwings Lite)")
    return 0


SUBCOMMANDS = {
    "bouw": ("Bouw het aanvraagformulier (aanbieder- en zorgkantoorvariant) van een jaar", configure, run),
}
