"""CLI subcommand ``xl-meerzorg bouw --jaar 2026 [--uit MAP]``: build both variants.

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
    duur = time.perf_counter() - start
    print(f"Aanvraagformulier meerzorg {args.jaar} gebouwd in {duur:.1f} s:")
    for pad in paden:
        soort = "zorgkantoor (UDF)" if pad.stem.endswith("-udf") else "zorgaanbieder"
        print(toon(f"  {pad}  ({soort})"))
    return 0


SUBCOMMANDS = {
    "bouw": ("Bouw het aanvraagformulier (aanbieder- en zorgkantoorvariant) van een jaar", configure, run),
}
