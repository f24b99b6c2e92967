"""CLI subcommand ``xl-meerzorg bouw --jaar 2026 [--uit MAP]``: build both variants."""

from __future__ import annotations

import argparse
import time
from pathlib import Path


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
        print(f"Fout: {exc}.")
        return 2
    except OSError as exc:
        print(f"Fout: kan niet schrijven in {args.uit}: {exc.strerror or exc}.")
        return 2
    duur = time.perf_counter() - start
    print(f"Aanvraagformulier meerzorg {args.jaar} gebouwd in {duur:.1f} s:")
    for pad in paden:
        soort = "zorgkantoor (UDF)" if pad.stem.endswith("-udf") else "zorgaanbieder"
        print(f"  {pad}  ({soort})")
    return 0


SUBCOMMANDS = {
    "bouw": ("Bouw het aanvraagformulier (aanbieder- en zorgkantoorvariant) van een jaar", configure, run),
}
