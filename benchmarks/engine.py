"""Benchmark of the engine (not a test): `python benchmarks/engine.py`.

Measures (1) a full individual calculation with a day programme, in-process, after the
parameters are loaded (median of many runs), and (2) the wall time of
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
    exe = shutil.which("xl-meerzorg") or str(Path(sys.executable).parent / "xl-meerzorg")
    walls = []
    for _ in range(5):
        t = time.perf_counter()
        subprocess.run([exe, "bereken", str(ROOT / "examples" / "individueel-vg7.json")], check=True, capture_output=True)
        walls.append(time.perf_counter() - t)
    print(f"xl-meerzorg bereken (één bestand):    mediaan {statistics.median(walls):.3f} s wall")


if __name__ == "__main__":
    main()
