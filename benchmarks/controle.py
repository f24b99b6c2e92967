"""Benchmark of ``xl-meerzorg controleer``.

    python benchmarks/controle.py [-n 1000] [--processen 2] [--rondes 3] [--bron MAP]

Creates N filled forms in a temporary folder (made from a few forms: by default the test
forms, filled from the official templates in ../shared/reference and recalculated by ONE
LibreOffice batch; or the .xlsx files in --bron). Every form is made different in every
sheet (white space after the sheet's root element, which changes the stored bytes and
nothing else), because controleer does not read again a sheet part byte-identical to one
it read before (vingerafdruk._DELEN): plain copies would measure that shortcut on every
sheet, where real forms share only their static sheets. ``--kopieen`` measures plain
copies as well. Per round it times
1. ``controleer`` over all of them (``controleer_alle``: process pool, started within
   the timing), and
2. merely opening and reading them with python-calamine (the sheets the checker reads
   values from, and all sheets), with a pool whose workers are already started,
and prints the best round of each (the machine may be shared: a slower round measures the
other load), forms/second, the ratios and the load average.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from xl_meerzorg.workbook.controle.cli import controleer_alle  # noqa: E402
from xl_meerzorg.workbook.officieel import OFFICIELE_BLADEN  # noqa: E402


def lees_calamine(pad: Path, alle: bool = False) -> int:
    import python_calamine

    wb = python_calamine.CalamineWorkbook.from_path(str(pad))
    namen = wb.sheet_names if alle else [n for n in OFFICIELE_BLADEN.values() if n in wb.sheet_names]
    return sum(len(wb.get_sheet_by_name(n).to_python()) for n in namen)


def lees_alles(pad: Path) -> int:
    return lees_calamine(pad, True)


def maak_bronnen(tmp: Path) -> list[Path]:
    from tests.controle.formulieren import TEMPLATES, gevallen, vul_in
    from tests.support.libreoffice import recalculate, soffice

    if not all(p.exists() for p in TEMPLATES.values()) or soffice() is None:
        raise SystemExit("Nodig: ../shared/reference (officiële rekentools) en LibreOffice, of geef --bron MAP.")
    ruw = [vul_in(a, tmp / "ruw" / f"{n}-{j}.xlsx") for j in (2025, 2026) for n, a in gevallen(j).items()]
    return recalculate(ruw, tmp / "bron")


def anders(data: bytes, i: int) -> bytes:
    """The form with i spaces after the root element of every sheet part."""
    import io
    import zipfile

    uit = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(uit, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            d = zin.read(info)
            if info.filename.lower().startswith("xl/worksheets/") and info.filename.lower().endswith(".xml"):
                d = d.rstrip() + b"\n" + b" " * i
            zout.writestr(info, d)
    return uit.getvalue()


def tijd(fn, *args) -> tuple[float, object]:
    t = time.perf_counter()
    r = fn(*args)
    return time.perf_counter() - t, r


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=1000)
    ap.add_argument("--processen", type=int, default=min(2, os.cpu_count() or 1))
    ap.add_argument("--rondes", type=int, default=3)
    ap.add_argument("--bron", type=Path)
    ap.add_argument("--kopieen", action="store_true", help="ook gewone kopieën meten")
    args = ap.parse_args(argv)
    load_voor = os.getloadavg()[0]
    rondes: list[tuple[float, float, float, float]] = []
    with tempfile.TemporaryDirectory(prefix="controle-bench-") as d:
        tmp = Path(d)
        bronnen = sorted(args.bron.glob("*.xlsx")) if args.bron else maak_bronnen(tmp)
        doel = tmp / "formulieren"
        doel.mkdir()
        paden = []
        bron_data = [b.read_bytes() for b in bronnen]
        for i in range(args.n):
            p = doel / f"formulier-{i:05d}.xlsx"
            p.write_bytes(anders(bron_data[i % len(bron_data)], 1 + i // len(bron_data)))
            paden.append(p)
        kopieen = []
        if args.kopieen:
            (tmp / "kopieen").mkdir()
            for i in range(args.n):
                k = tmp / "kopieen" / f"kopie-{i:05d}.xlsx"
                shutil.copy(bronnen[i % len(bronnen)], k)
                kopieen.append(k)
        p = args.processen
        statussen: dict[str, int] = {}
        for _ in range(max(1, args.rondes)):
            t_controle, uitslagen = tijd(controleer_alle, paden, False, p)
            t_kopie = tijd(controleer_alle, kopieen, False, p)[0] if kopieen else 0.0
            with ProcessPoolExecutor(max_workers=p) as ex:
                list(ex.map(lees_calamine, paden[: 2 * p]))  # warm up the workers
                chunk = max(1, min(32, len(paden) // (p * 8)))
                t_lezen, _ = tijd(lambda: list(ex.map(lees_calamine, paden, chunksize=chunk)))
                t_alles, _ = tijd(lambda: list(ex.map(lees_alles, paden, chunksize=chunk)))
            rondes.append((t_controle, t_lezen, t_alles, t_kopie))
            statussen = {}
            for u in uitslagen:  # type: ignore[union-attr]
                statussen[u["status"]] = statussen.get(u["status"], 0) + 1
    load_na = os.getloadavg()[0]
    n = args.n
    t_controle, t_lezen, t_alles, t_kopie = (min(r[i] for r in rondes) for i in range(4))
    print(f"{n} formulieren ({len(bronnen)} verschillende), {p} processen, {os.cpu_count()} cores, beste van {len(rondes)} ronde(s)")
    print(f"controleer:                     {t_controle:7.2f} s  {n / t_controle:7.1f} formulieren/s  {statussen}")
    if t_kopie:
        print(f"controleer, gewone kopieën:     {t_kopie:7.2f} s  {n / t_kopie:7.1f} formulieren/s")
    print(f"calamine, bladen van controle:  {t_lezen:7.2f} s  {n / t_lezen:7.1f} formulieren/s")
    print(f"calamine, alle bladen:          {t_alles:7.2f} s  {n / t_alles:7.1f} formulieren/s")
    print(f"verhouding controleer / lezen:  {t_controle / t_lezen:.2f}x (bladen van controle), {t_controle / t_alles:.2f}x (alle bladen)")
    print("per ronde (s, controleer / bladen / alle):  " + "; ".join(f"{a:.2f} / {b:.2f} / {c:.2f}" for a, b, c, _ in rondes))
    print(f"load average (1 min) voor / na:  {load_voor:.2f} / {load_na:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
