"""``xl-meerzorg controleer PAD... [--rapport rapport.xlsx] [--json] [--anoniem] [--xml]``.

A PAD is a file or a folder (searched recursively for .xlsx/.xlsm). Exit code 0 when every
file is OK, 1 when any file has afwijkingen or fouten, 2 when a file could not be read.
"""

from __future__ import annotations

import argparse
import functools
import json
import math
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from .controleer import AFWIJKINGEN, FOUTEN, OK, ONLEESBAAR, controleer_bestand, uniek, voorbereid

EXTENSIES = (".xlsx", ".xlsm")
PARALLEL_VANAF = 8  # files; below this a process pool costs more than it saves
MAX_PROCESSEN = 2
CHUNK = 8  # files per task sent to a worker process


def verzamel(paden: list[str]) -> list[Path]:
    """The files to check, in a stable order. Folders are searched recursively; Excel's
    owner files (~$...) are skipped. A file named directly is always checked."""
    out: list[Path] = []
    for p in map(Path, paden):
        if p.is_dir():
            gevonden = [
                f for f in p.rglob("*")
                if f.suffix.lower() in EXTENSIES and not f.name.startswith("~$") and f.is_file()
            ]  # fmt: skip
            out.extend(sorted(gevonden))
        else:
            out.append(p)
    return uniek(out)  # a file reached twice (same path, symbolic or hard link) once


def controleer_alle(bestanden: list[Path], anoniem: bool = False, processen: int | None = None, voortgang: Callable[[int, int], None] | None = None, xml: bool = False) -> list[dict]:
    fn = functools.partial(controleer_bestand, anoniem=anoniem, xml=xml) if anoniem or xml else controleer_bestand
    n = len(bestanden)
    if processen is None:
        processen = min(MAX_PROCESSEN, os.cpu_count() or 1) if n >= PARALLEL_VANAF else 1
    uitslagen: list[dict] = []
    if processen > 1:
        from concurrent.futures import ProcessPoolExecutor

        from concurrent.futures.process import BrokenProcessPool

        try:
            # Paths go to the workers (each reads its files itself); every worker loads the
            # fingerprints and parameters once; small chunks keep both workers busy until
            # the end of the batch (a chunk costs far less than one form).
            with ProcessPoolExecutor(max_workers=processen, initializer=voorbereid) as ex:
                it: Iterator[dict] = ex.map(fn, bestanden, chunksize=max(1, min(CHUNK, n // (processen * 16))))
                for u in it:
                    uitslagen.append(u)
                    if voortgang:
                        voortgang(len(uitslagen), n)
        except BrokenProcessPool:  # a worker died (e.g. out of memory): finish one by one
            pass
    for pad in bestanden[len(uitslagen) :]:
        uitslagen.append(fn(pad))
        if voortgang:
            voortgang(len(uitslagen), n)
    return uitslagen


def _voortgangsbalk(klaar: int, totaal: int) -> None:
    breedte = 30
    vol = breedte * klaar // max(totaal, 1)
    sys.stderr.write(f"\r[{'#' * vol}{'.' * (breedte - vol)}] {klaar}/{totaal}")
    if klaar == totaal:
        sys.stderr.write("\n")
    sys.stderr.flush()


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
    if isinstance(v, dict):
        return {k: _json_schoon(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_json_schoon(x) for x in v]
    return v


def tekst_uitvoer(uitslagen: list[dict]) -> str:
    regels = []
    for u in uitslagen:
        kop = f"{u['bestand']}: {u['status']}"
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
    return "\n".join(regels)


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("paden", nargs="+", metavar="PAD", help="formulier (.xlsx/.xlsm) of map (wordt doorzocht)")
    p.add_argument("--rapport", metavar="RAPPORT.xlsx", help="schrijf een Excel-rapport")
    p.add_argument("--json", action="store_true", help="één JSON-document met alle bestanden")
    p.add_argument("--anoniem", action="store_true", help="namen en BSN's maskeren in alle uitvoer")
    p.add_argument("--xml", action="store_true", help="ook elk XML-onderdeel volledig controleren (beschadigde bestanden die Excel moet herstellen; trager)")
    p.add_argument("--processen", type=int, default=None, help=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    bestanden = verzamel(args.paden)
    if not bestanden:
        print("Geen .xlsx- of .xlsm-bestanden gevonden.", file=sys.stderr)
        return 2
    if args.rapport:
        rapport = Path(args.rapport).resolve()
        if any(b.resolve() == rapport for b in bestanden):
            print("Het rapport mag geen van de gecontroleerde bestanden overschrijven.", file=sys.stderr)
            return 2
    balk = _voortgangsbalk if len(bestanden) > 1 and sys.stderr.isatty() else None
    uitslagen = controleer_alle(bestanden, anoniem=args.anoniem, processen=args.processen, voortgang=balk, xml=args.xml)
    if args.rapport:
        from .rapport import schrijf_rapport

        schrijf_rapport(uitslagen, rapport)
    if args.json:
        doc = {"aantal": len(uitslagen), "exitcode": exitcode(uitslagen), "bestanden": uitslagen}
        print(json.dumps(_json_schoon(doc), ensure_ascii=False, indent=1, default=str))
    else:
        print(tekst_uitvoer(uitslagen))
        if args.rapport:
            print(f"Rapport: {args.rapport}")
    return exitcode(uitslagen)


SUBCOMMANDS = {"controleer": ("controleer ontvangen aanvraagformulieren meerzorg (.xlsx)", configure, run)}
