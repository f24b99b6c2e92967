"""``xl-meerzorg controleer PAD... [--rapport rapport.xlsx] [--json] [--anoniem] [--xml]``.

A PAD is a file or a folder (searched recursively for .xlsx/.xlsm). Exit code 0 when every
file is OK, 1 when any file has afwijkingen or fouten, 2 when a file could not be read, a
folder holds no forms, or the report cannot be written (the results are printed first).
"""

from __future__ import annotations

import argparse
import functools
import json
import math
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from xl_meerzorg.bestanden import BestandFout, DoelFout, controleer_doel, soort_fout, toon, toon_bytes

from .controleer import AFWIJKINGEN, FOUTEN, OK, ONLEESBAAR, _onleesbaar, controleer_bestand, voorbereid

EXTENSIES = (".xlsx", ".xlsm")
PARALLEL_VANAF = 8  # files; below this a process pool costs more than it saves
MAX_PROCESSEN = 2
CHUNK = 8  # files per task sent to a worker process


@dataclass
class Te:
    """A file to check: its path, how it is shown (relative to the folder given) and,
    for a file that is not opened (FIFO, device, missing, ...), the reason."""

    pad: Path
    weergave: str
    reden: str | None = None


@dataclass
class Verzameld:
    bestanden: list[Te] = field(default_factory=list)
    lege_mappen: list[str] = field(default_factory=list)
    meldingen: list[str] = field(default_factory=list)  # skipped duplicates


def _zoek(map_: Path, rel: tuple[str, ...], out: list[tuple[Path, tuple[str, ...], str | None]]) -> None:
    """Every .xlsx/.xlsm under ``map_``, sorted by name; symbolic links to folders are not
    followed (no loops), a symbolic link to a file is. Nothing is opened."""
    try:
        with os.scandir(map_) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError:
        return
    for e in entries:
        try:
            is_map = e.is_dir(follow_symlinks=False)
        except OSError:
            is_map = False
        if is_map:
            _zoek(Path(e.path), (*rel, e.name), out)
        elif Path(e.name).suffix.lower() in EXTENSIES and not e.name.startswith("~$"):
            out.append((Path(e.path), (*rel, e.name), soort_fout(e.path)))


def verzamel_alle(paden: list[str]) -> Verzameld:
    """The files to check, in a stable order. A folder is searched recursively (Excel's
    owner files ~$... skipped) and its files are shown relative to it (with its name in
    front when more than one PAD was given); a file named directly is always checked, as
    given. A file reached twice (also through a link) is checked once. Non-regular files
    are never opened: they get a reason (status onleesbaar)."""
    v = Verzameld()
    gezien: dict[tuple[int, int], str] = {}
    meer = len(paden) > 1
    for naam in paden:
        p = Path(naam)
        gevonden: list[tuple[Path, str, str | None]] = []
        if p.is_dir():
            rauw: list[tuple[Path, tuple[str, ...], str | None]] = []
            _zoek(p, (), rauw)
            for pad, rel, reden in rauw:
                gevonden.append((pad, os.path.join(naam, *rel) if meer else os.path.join(*rel), reden))
            if not rauw:
                v.lege_mappen.append(naam)
        else:
            gevonden.append((p, naam, soort_fout(p)))
        for pad, weergave, reden in gevonden:
            if reden is None:
                try:
                    st = os.stat(pad)
                    sleutel = (st.st_dev, st.st_ino)
                except OSError:
                    sleutel = None
                if sleutel is not None:
                    if sleutel in gezien:
                        v.meldingen.append(f"{toon(weergave)}: overgeslagen: hetzelfde bestand als {toon(gezien[sleutel])}")
                        continue
                    gezien[sleutel] = weergave
            v.bestanden.append(Te(pad, weergave, reden))
    return v


def verzamel(paden: list[str]) -> list[Path]:
    """The paths ``verzamel_alle`` finds (for callers that only need the paths)."""
    return [t.pad for t in verzamel_alle(paden).bestanden]


def _werker_start() -> None:
    """A worker process: Ctrl-C is handled by the main process only (no traceback per worker)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    voorbereid()


def _stop(ex) -> None:
    """End a process pool now (after Ctrl-C): pending work is cancelled, workers end."""
    for proc in list((getattr(ex, "_processes", None) or {}).values()):
        try:
            proc.terminate()
        except Exception:  # pragma: no cover - already gone
            pass
    ex.shutdown(wait=False, cancel_futures=True)


def controleer_alle(bestanden: list[Path], anoniem: bool = False, processen: int | None = None, voortgang: Callable[[int, int], None] | None = None, xml: bool = False) -> list[dict]:
    fn = functools.partial(controleer_bestand, anoniem=anoniem, xml=xml) if anoniem or xml else controleer_bestand
    n = len(bestanden)
    if processen is None:
        processen = min(MAX_PROCESSEN, os.cpu_count() or 1) if n >= PARALLEL_VANAF else 1
    uitslagen: list[dict] = []
    if processen > 1:
        from concurrent.futures import ProcessPoolExecutor
        from concurrent.futures.process import BrokenProcessPool

        # Paths go to the workers (each reads its files itself); every worker loads the
        # fingerprints and parameters once; small chunks keep both workers busy until
        # the end of the batch (a chunk costs far less than one form).
        ex = ProcessPoolExecutor(max_workers=processen, initializer=_werker_start)
        try:
            it: Iterator[dict] = ex.map(fn, bestanden, chunksize=max(1, min(CHUNK, n // (processen * 16))))
            for u in it:
                uitslagen.append(u)
                if voortgang:
                    voortgang(len(uitslagen), n)
        except BrokenProcessPool:  # a worker died (e.g. out of memory): finish one by one
            ex.shutdown(wait=True)
        except BaseException:  # Ctrl-C: stop the workers now
            _stop(ex)
            raise
        else:
            ex.shutdown(wait=True)
    for pad in bestanden[len(uitslagen) :]:
        uitslagen.append(fn(pad))
        if voortgang:
            voortgang(len(uitslagen), n)
    return uitslagen


class Voortgang:
    """A progress bar on stderr that says what it counts; ``wis`` clears it before the
    results are printed."""

    BREEDTE = 30

    def __init__(self, stroom=None):
        self.stroom = stroom or sys.stderr
        self.lengte = 0

    def __call__(self, klaar: int, totaal: int) -> None:
        vol = self.BREEDTE * klaar // max(totaal, 1)
        regel = f"Formulieren gecontroleerd: {klaar} van {totaal} [{'#' * vol}{'.' * (self.BREEDTE - vol)}]"
        self.lengte = len(regel)
        self.stroom.write("\r" + regel)
        self.stroom.flush()

    def wis(self) -> None:
        if self.lengte:
            self.stroom.write("\r" + " " * self.lengte + "\r")
            self.stroom.flush()
            self.lengte = 0


def exitcode(uitslagen: list[dict]) -> int:
    statussen = {u["status"] for u in uitslagen}
    if ONLEESBAAR in statussen:
        return 2
    if statussen & {AFWIJKINGEN, FOUTEN}:
        return 1
    return 0


def _json_schoon(v):
    if isinstance(v, float) and not math.isfinite(v):
        return None
    if isinstance(v, str):
        return toon_bytes(v)
    if isinstance(v, dict):
        return {k: _json_schoon(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_json_schoon(x) for x in v]
    return v


def tekst_uitvoer(uitslagen: list[dict]) -> str:
    regels = []
    for u in uitslagen:
        kop = f"{toon(u['bestand'])}: {u['status']}"
        if u["status"] == ONLEESBAAR:
            regels.append(f"{kop} – {u.get('reden')}")
            continue
        soort = f"{u.get('formulier')} {u.get('versie') or u.get('jaar')}, {u.get('soort') or '?'}"
        regels.append(f"{kop} ({soort}, {len(u.get('clienten') or [])} cliënt(en))")
        for f in u["bevindingen"]:
            waarden = ""
            if f.get("motor") is not None or (f.get("formulier") is not None and f.get("soort") in ("vergelijking", "formule")):
                waarden = f" [formulier: {f.get('formulier') if f.get('formulier') is not None else 'leeg'}; herberekend: {f.get('motor') if f.get('motor') is not None else 'leeg'}]"
            elif f.get("formulier") is not None:
                waarden = f" [formulier: {f['formulier']}]"
            cel = f"{f['cel']}: " if f.get("cel") else ""
            regels.append(f"  {f['niveau']}: {cel}{f['tekst']}{waarden}")
    t = {OK: 0, AFWIJKINGEN: 0, FOUTEN: 0, ONLEESBAAR: 0}
    for u in uitslagen:
        t[u["status"]] += 1
    regels.append("")
    regels.append(f"{len(uitslagen)} bestand(en): {t[OK]} OK, {t[AFWIJKINGEN]} met afwijkingen, {t[FOUTEN]} met fouten, {t[ONLEESBAAR]} onleesbaar")
    return "\n".join(toon(r) for r in regels)  # names and values from the forms: control characters escaped


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("paden", nargs="+", metavar="PAD", help="formulier (.xlsx/.xlsm) of map (wordt doorzocht)")
    p.add_argument("--rapport", metavar="RAPPORT.xlsx", help="schrijf een Excel-rapport")
    p.add_argument("--json", action="store_true", help="één JSON-document met alle bestanden")
    p.add_argument("--anoniem", action="store_true", help="namen en BSN's maskeren in alle uitvoer")
    p.add_argument("--xml", action="store_true", help="ook elk XML-onderdeel volledig controleren (beschadigde bestanden die Excel moet herstellen; trager)")
    p.add_argument("--processen", type=int, default=None, help=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    v = verzamel_alle(args.paden)
    for melding in v.meldingen:
        print(melding, file=sys.stderr)
    for map_ in v.lege_mappen:
        print(f"geen formulieren gevonden in {toon(map_)}", file=sys.stderr)
    if not v.bestanden:
        if not v.lege_mappen:
            print("geen formulieren gevonden", file=sys.stderr)
        return 2
    rapport = Path(args.rapport) if args.rapport else None
    if rapport is not None:
        try:
            controleer_doel(rapport, [t.pad for t in v.bestanden if t.reden is None], "het rapport")
        except DoelFout as exc:
            print(f"Rapport niet geschreven: {exc}", file=sys.stderr)
            return 2
    te_openen = [t for t in v.bestanden if t.reden is None]
    balk = Voortgang() if len(te_openen) > 1 and sys.stderr.isatty() else None
    try:
        gelezen = iter(controleer_alle([t.pad for t in te_openen], anoniem=args.anoniem, processen=args.processen, voortgang=balk, xml=args.xml))
    finally:
        if balk:
            balk.wis()
    uitslagen = []
    for t in v.bestanden:
        u = _onleesbaar(t.pad, t.reden) if t.reden is not None else next(gelezen)
        u["bestand"] = t.weergave  # relative to the folder given
        uitslagen.append(u)
    code = exitcode(uitslagen)
    # The results first: a report that cannot be written loses nothing.
    if args.json:
        doc = {"aantal": len(uitslagen), "exitcode": code, "bestanden": uitslagen}
        print(json.dumps(_json_schoon(doc), ensure_ascii=False, indent=1, default=str))
    else:
        print(tekst_uitvoer(uitslagen))
    sys.stdout.flush()
    if rapport is not None:
        from .rapport import schrijf_rapport

        try:
            geschreven = schrijf_rapport(uitslagen, rapport, invoer=[t.pad for t in te_openen], map_=_map_van(args.paden), anoniem=args.anoniem)
        except BestandFout as exc:
            print(f"Rapport niet geschreven: {exc}", file=sys.stderr)
            return 2
        except (ValueError, TypeError, KeyError, MemoryError) as exc:  # never a traceback after the batch
            print(f"Rapport niet geschreven: interne fout ({type(exc).__name__}: {toon(exc)})", file=sys.stderr)
            return 2
        if not args.json:
            print(f"Rapport: {toon(geschreven if rapport.is_symlink() else rapport)}")
    return code


def _map_van(paden: list[str]) -> str | None:
    """The folder the paths in the report are relative to (one folder given), else None."""
    if len(paden) == 1 and Path(paden[0]).is_dir():
        return paden[0]
    return None


SUBCOMMANDS = {"controleer": ("controleer ontvangen aanvraagformulieren meerzorg (.xlsx)", configure, run)}
