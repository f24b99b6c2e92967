"""Benchmark of the engine (not a test): `python benchmarks/engine.py`.

Measures (1) a full individual calculation with a day programme, in-process, after the
parameters are loaded (median of many runs), (3) one UDF call, and (2) the wall time of
`xl-meerzorg bereken` on one file (a fresh process, median of 5).
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from xl_meerzorg import bereken, laad_parameters, lees_aanvraag  # noqa: E402


def main() -> None:
    data = json.loads((ROOT / "examples" / "individueel-vg7.json").read_text(encoding="utf-8"))
    laad_parameters(2026)
    aanvraag = lees_aanvraag(data)
    for _ in range(200):
        bereken(aanvraag)
    samples = []
    for _ in range(2000):
        t = time.perf_counter()
        bereken(aanvraag)
        samples.append(time.perf_counter() - t)
    inclusief = []
    for _ in range(2000):
        t = time.perf_counter()
        bereken(lees_aanvraag(data))
        inclusief.append(time.perf_counter() - t)
    print(f"bereken (individueel met dagprogramma): mediaan {statistics.median(samples) * 1e6:.1f} µs")
    print(f"lees_aanvraag + bereken:               mediaan {statistics.median(inclusief) * 1e6:.1f} µs")
    # (3) one UDF call as Excel makes it (the 59-row day-programme columns; a 17-row group)
    import timeit

    from tests.udfs.voorbeelden import groep, individueel
    from xl_meerzorg.udfs import meerzorg as mz

    a, g = individueel(), groep()
    for naam, f in (("MZ_JAARBEDRAG (individueel)", lambda: mz.MZ_JAARBEDRAG(**a)), ("MZ_GROEP (17 rijen)", lambda: mz.MZ_GROEP("jaarbedrag", 1, **g))):
        ms = min(timeit.repeat(f, number=50, repeat=5)) / 50 * 1000
        print(f"{naam + ':':<38} {ms:.2f} ms per aanroep (doel < 1 ms)")
    exe = shutil.which("xl-meerzorg") or str(Path(sys.executable).parent / "xl-meerzorg")
    walls = []
    for _ in range(5):
        t = time.perf_counter()
        subprocess.run([exe, "bereken", str(ROOT / "examples" / "individueel-vg7.json")], check=True, capture_output=True)
        walls.append(time.perf_counter() - t)
    print(f"xl-meerzorg bereken (één bestand):    mediaan {statistics.median(walls):.3f} s wall")


if __name__ == "__main__":
    main()
