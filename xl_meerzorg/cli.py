"""The command line: ``xl-meerzorg bereken FILE... [--json]`` (and later subcommands)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

from . import __version__
from .bestanden import BestandFout, lees_begrensd, toon, toon_bytes
from .berekening import bereken
from .invoer import lees_aanvraag
from .uitvoer import resultaat_als_dict, tekst_overzicht

EXIT_OK = 0
EXIT_FOUT = 1
EXIT_ONLEESBAAR = 2
EXIT_GEBRUIK = 2  # usage error (argparse uses 2 as well)
EXIT_AFGEBROKEN = 130  # Ctrl-C: 128 + SIGINT, as a shell reports it
EXIT_PIJP = 141  # output pipe closed (``| head``): 128 + SIGPIPE, as a shell reports it
AFGEBROKEN = "xl-meerzorg: afgebroken (Ctrl-C); er is niets half geschreven."
MAX_JSON_BYTES = 5 * 1024 * 1024

# Later issues register their subcommands here: name -> (help, configure(parser), run(args))
SUBCOMMANDS: dict[str, tuple[str, Callable, Callable]] = {}


def lees_json(path: Path) -> tuple[object | None, str | None]:
    """The parsed JSON of ``path`` or a Dutch reason why it cannot be read. Only a regular
    file is opened (a FIFO or device is refused before opening) and at most
    ``MAX_JSON_BYTES`` are read."""
    try:
        raw = lees_begrensd(path, MAX_JSON_BYTES)
        return json.loads(raw.decode("utf-8-sig")), None
    except BestandFout as exc:
        return None, str(exc)
    except UnicodeDecodeError:
        return None, "geen UTF-8-tekst"
    except json.JSONDecodeError as exc:
        return None, f"geen geldige JSON (regel {exc.lineno}, kolom {exc.colno})"
    except RecursionError:
        return None, "JSON is te diep genest"
    except ValueError:  # e.g. an integer with more than 4300 digits
        return None, "geen geldige JSON (een getal is te lang)"


def cmd_bereken(args: argparse.Namespace) -> int:
    code = EXIT_OK
    for i, name in enumerate(args.bestanden):
        path = Path(name)
        data, reden = lees_json(path)
        if reden is not None:
            code = EXIT_ONLEESBAAR
            if args.json:
                print(json.dumps({"bestand": toon_bytes(name), "onleesbaar": reden}, ensure_ascii=False))
            else:
                print(f"{toon(name)}: onleesbaar: {reden}", file=sys.stderr)
            continue
        resultaat = bereken(lees_aanvraag(data))
        if resultaat.heeft_fout and code == EXIT_OK:
            code = EXIT_FOUT
        if args.json:
            d = {"bestand": toon_bytes(name), **resultaat_als_dict(resultaat)}
            print(json.dumps(d, ensure_ascii=False, allow_nan=False))
        else:
            if i:
                print()
            print("\n".join(toon(regel) for regel in tekst_overzicht(resultaat, name).split("\n")))
    return code


# Subcommands that live in the workbook (IO) package; imported only when used, so that
# `bereken` starts fast and the engine never loads a spreadsheet library.
PLUGINS = {
    "bouw": ("xl_meerzorg.workbook.bouw_cli", "bouw het aanvraagformulier van een jaar (twee varianten)"),
    "controleer": ("xl_meerzorg.workbook.controle.cli", "controleer ingediende formulieren (bestanden of mappen)"),
    "koppel": ("xl_meerzorg.workbook.koppel.cli", "voeg een Python-controleblad toe aan een formulier"),
}


def _plugin(name: str) -> tuple[str, Callable, Callable] | None:
    import importlib

    module = PLUGINS[name][0]
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name and module.startswith(exc.name):
            return None
        raise
    return getattr(mod, "SUBCOMMANDS", {}).get(name)


def parser(nodig: str | None = None) -> argparse.ArgumentParser:
    """The argument parser; ``nodig`` names the one plugin subcommand to load fully."""
    p = argparse.ArgumentParser(
        prog="xl-meerzorg",
        description="Rekenkern van het aanvraagformulier meerzorg (Wlz).",
    )
    p.add_argument("--versie", action="version", version=f"xl-meerzorg {__version__}", help="toon de versie en stop")
    sub = p.add_subparsers(dest="opdracht", metavar="OPDRACHT")
    b = sub.add_parser("bereken", help="bereken een of meer aanvragen (JSON-bestanden)")
    b.add_argument("bestanden", nargs="+", metavar="BESTAND", help="aanvraag als JSON")
    b.add_argument("--json", action="store_true", help="één JSON-object per bestand per regel")
    b.set_defaults(func=cmd_bereken)
    for name, (_, helptext) in PLUGINS.items():
        entry = SUBCOMMANDS.get(name) or (_plugin(name) if name == nodig else None)
        if entry is None:
            sp = sub.add_parser(name, help=helptext, add_help=name != nodig)
            sp.set_defaults(func=_niet_beschikbaar(name))
            continue
        helptext, configure, run = entry
        sp = sub.add_parser(name, help=helptext)
        configure(sp)
        sp.set_defaults(func=run)
    return p


def _niet_beschikbaar(name: str) -> Callable:
    def run(args: argparse.Namespace) -> int:
        print(f"xl-meerzorg {name}: dit onderdeel is niet geïnstalleerd", file=sys.stderr)
        return EXIT_ONLEESBAAR

    return run


# argparse's own texts in Dutch (user-facing text of the tool is Dutch)
ARGPARSE_NL = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "optional arguments": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "show program's version number and exit": "toon de versie en stop",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "ongeldige keuze: %(value)r (kies uit %(choices)s)",
    "invalid %(type)s value: %(value)r": "ongeldige waarde: %(value)r",
    "expected one argument": "verwacht één waarde",
    "ambiguous option: %(option)s could match %(matches)s": "optie %(option)s is niet eenduidig: %(matches)s",
}


def _nl(tekst: str) -> str:
    return ARGPARSE_NL.get(tekst, tekst)


def main(argv: list[str] | None = None) -> int:
    """Run one command; returns the exit code (0 OK, 1 findings, 2 a file could not be
    read or a usage error, 130 Ctrl-C, 141 output pipe closed)."""
    try:
        code = _main(sys.argv[1:] if argv is None else argv)
        sys.stdout.flush()  # a closed pipe shows here, not in Python's flush at exit
        return code
    except KeyboardInterrupt:
        print(AFGEBROKEN, file=sys.stderr)
        return EXIT_AFGEBROKEN
    except BrokenPipeError:
        _stille_uitvoer()
        return EXIT_PIJP


def _stille_uitvoer() -> None:
    """After a broken pipe: point stdout at /dev/null so Python's flush at exit does not
    print a second error. Only for the process's own stdout (not a test's capture)."""
    if sys.stdout is not sys.__stdout__:
        return
    try:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, sys.stdout.fileno())
        os.close(fd)
    except (OSError, ValueError):
        pass


def _main(argv: list[str]) -> int:
    nodig = next((a for a in argv if not a.startswith("-")), None)
    origineel = argparse._  # type: ignore[attr-defined]
    argparse._ = _nl  # type: ignore[attr-defined]
    try:
        p = parser(nodig if nodig in PLUGINS else None)
        if not argv:  # no command: the help, as a usage error
            p.print_help(sys.stderr)
            return EXIT_GEBRUIK
        args = p.parse_args(argv)
        if not getattr(args, "func", None):
            p.print_help(sys.stderr)
            return EXIT_GEBRUIK
    finally:
        argparse._ = origineel  # type: ignore[attr-defined]
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
