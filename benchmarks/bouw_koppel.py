"""Benchmark of ``xl-meerzorg bouw`` and ``xl-meerzorg koppel`` (not a test).

    python benchmarks/bouw_koppel.py [-n 5] [--koppel 50]

1. ``bouw``: build both variants of every available year, median of N runs per year
   (in-process, parameters loaded once, as the CLI does after start-up).
2. ``koppel``: the koppel copy of the official rekentool 2025 and 2026 (from
   ../shared/reference, if present) and of this project's providers' form, median time per
   form over --koppel runs (read the file, build the sheet, write the copy).
3. ``koppel --lite``: the same forms, the -lite copy (script report, web extension with the
   generated main.py; the generation itself is cached per process, as in the CLI's loop).
   Requirement: at most 0.5 s per form.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from xl_meerzorg.workbook.bouw import bouw  # noqa: E402
from xl_meerzorg.workbook.koppel import koppel_bestand  # noqa: E402
from xl_meerzorg import beschikbare_jaren, laad_parameters  # noqa: E402

REFERENTIE = ROOT.parent / "shared" / "reference"
OFFICIEEL = {
    2025: "aanvraagformulier-meerzorg-rekentool-2025.xlsx",
    2026: "Aanvraag_formulier_meerzorg_Rekentool_2026.xlsx",
}


def _mediaan(fn, n: int) -> float:
    tijden = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        tijden.append(time.perf_counter() - t)
    return statistics.median(tijden)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=5, help="runs of bouw per year")
    ap.add_argument("--koppel", type=int, default=50, help="runs of koppel per form")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        uit = Path(tmp)
        formulieren = []
        for jaar in beschikbare_jaren():
            laad_parameters(jaar)
            bouw(jaar, uit / "warm")  # imports and first-use caches
            t = _mediaan(lambda j=jaar: bouw(j, uit / f"bouw{j}"), args.n)
            print(f"bouw {jaar} (beide varianten):          mediaan {t:.3f} s")
            formulieren.append((f"eigen formulier {jaar}", uit / f"bouw{jaar}" / f"aanvraagformulier-meerzorg-{jaar}.xlsx"))
        for jaar, naam in OFFICIEEL.items():
            pad = REFERENTIE / naam
            if pad.exists():
                formulieren.append((f"officiële rekentool {jaar}", pad))
            else:
                print(f"(officiële rekentool {jaar} niet gevonden in {REFERENTIE})")
        for label, pad in formulieren:
            koppel_bestand(pad, uit / "koppel", overschrijf=True)
            t = _mediaan(lambda p=pad: koppel_bestand(p, uit / "koppel", overschrijf=True), args.koppel)
            print(f"koppel {label + ':':30s} mediaan {t * 1000:.0f} ms per formulier")
        t = time.perf_counter()
        from xl_meerzorg.workbook.lite.genereer import main_py  # noqa: PLC0415

        main_py()
        print(f"main.py genereren (eenmalig per proces):  {(time.perf_counter() - t) * 1000:.0f} ms")
        for label, pad in formulieren:
            koppel_bestand(pad, uit / "lite", lite=True, overschrijf=True)
            t = _mediaan(lambda p=pad: koppel_bestand(p, uit / "lite", lite=True, overschrijf=True), args.koppel)
            print(f"koppel --lite {label + ':':23s} mediaan {t * 1000:.0f} ms per formulier (eis: <= 500 ms)")


if __name__ == "__main__":
    main()
