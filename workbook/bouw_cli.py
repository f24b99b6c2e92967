"""CLI subcommand ``xl-meerzorg bouw --jaar 2026 [--uit MAP] [--lite]``: build both variants
(with ``--lite`` also the -lite copy of the staff form for xlwings Lite, docs/lite.md).

Exit code 0 when both forms were written, 2 for an unknown year or a folder that cannot
be written (message on stderr; the forms are written via a temporary file and a rename,
so an earlier form of the same name is never left half-written).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from xl_meerzorg.bestanden import BestandFout, toon


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
        print(f"Fout: {exc}.", file=sys.stderr)
        return 2
    except BestandFout as exc:
        print(f"Fout: {exc}.", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"Fout: kan niet schrijven in {toon(args.uit)}: {exc.strerror or exc}.", file=sys.stderr)
        return 2
    lite = []
    if getattr(args, "lite", False):
        from .koppel import GeenFormulier, koppel_bestand

        for pad in paden:
            if pad.stem.endswith("-udf"):  # the staff form; an earlier -lite copy of koppel is replaced
                try:
                    lite.append(koppel_bestand(pad, args.uit, overschrijf=True, lite=True).doel)
                except (GeenFormulier, BestandFout) as exc:
                    print(f"Fout: {toon(pad)}: {exc}.", file=sys.stderr)
                    return 2
    duur = time.perf_counter() - start
    print(f"Aanvraagformulier meerzorg {args.jaar} gebouwd in {duur:.1f} s:")
    for pad in paden:
        soort = "zorgkantoor (UDF)" if pad.stem.endswith("-udf") else "zorgaanbieder"
        print(toon(f"  {pad}  ({soort})"))
    for pad in lite:
        print(toon(f"  {pad}  (zorgkantoor, xlwings Lite)"))
    return 0


SUBCOMMANDS = {
    "bouw": ("Bouw het aanvraagformulier (aanbieder- en zorgkantoorvariant) van een jaar", configure, run),
}
