"""The command line: ``xl-meerzorg bereken FILE... [--json]`` (and later subcommands)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from . import __version__
from .berekening import bereken
from .invoer import lees_aanvraag
from .uitvoer import resultaat_als_dict, tekst_overzicht

EXIT_OK = 0
EXIT_FOUT = 1
EXIT_ONLEESBAAR = 2
MAX_JSON_BYTES = 5 * 1024 * 1024

# Later issues register their subcommands here: name -> (help, configure(parser), run(args))
SUBCOMMANDS: dict[str, tuple[str, Callable, Callable]] = {}


def lees_json(path: Path) -> tuple[object | None, str | None]:
    """The parsed JSON of ``path`` or a Dutch reason why it cannot be read."""
    try:
        if path.stat().st_size > MAX_JSON_BYTES:
            return None, "bestand is te groot (meer dan 5 MB)"
        with path.open("rb") as fh:
            raw = fh.read()
        return json.loads(raw.decode("utf-8-sig")), None
    except FileNotFoundError:
        return None, "bestand niet gevonden"
    except IsADirectoryError:
        return None, "is een map, geen bestand"
    except PermissionError:
        return None, "geen leesrechten"
    except UnicodeDecodeError:
        return None, "geen UTF-8-tekst"
    except json.JSONDecodeError as exc:
        return None, f"geen geldige JSON (regel {exc.lineno}, kolom {exc.colno})"
    except RecursionError:
        return None, "JSON is te diep genest"
    except OSError as exc:
        return None, f"kan niet lezen ({exc.strerror or exc})"


def cmd_bereken(args: argparse.Namespace) -> int:
    code = EXIT_OK
    for i, name in enumerate(args.bestanden):
        path = Path(name)
        data, reden = lees_json(path)
        if reden is not None:
            code = EXIT_ONLEESBAAR
            if args.json:
                print(json.dumps({"bestand": name, "onleesbaar": reden}, ensure_ascii=False))
            else:
                print(f"{name}: onleesbaar: {reden}", file=sys.stderr)
            continue
        resultaat = bereken(lees_aanvraag(data))
        if resultaat.heeft_fout and code == EXIT_OK:
            code = EXIT_FOUT
        if args.json:
            d = {"bestand": name, **resultaat_als_dict(resultaat)}
            print(json.dumps(d, ensure_ascii=False, allow_nan=False))
        else:
            if i:
                print()
            print(tekst_overzicht(resultaat, name))
    return code


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="xl-meerzorg",
        description="Rekenkern van het aanvraagformulier meerzorg (Wlz).",
    )
    p.add_argument("--versie", action="version", version=f"xl-meerzorg {__version__}")
    sub = p.add_subparsers(dest="opdracht", metavar="OPDRACHT")
    b = sub.add_parser("bereken", help="bereken een of meer aanvragen (JSON-bestanden)")
    b.add_argument("bestanden", nargs="+", metavar="BESTAND", help="aanvraag als JSON")
    b.add_argument("--json", action="store_true", help="één JSON-object per bestand per regel")
    b.set_defaults(func=cmd_bereken)
    for name, (helptext, configure, run) in SUBCOMMANDS.items():
        sp = sub.add_parser(name, help=helptext)
        configure(sp)
        sp.set_defaults(func=run)
    return p


def _load_plugins() -> None:
    """Subcommands living in other packages of this project (bouw, controleer, koppel)."""
    import importlib

    for module in ("workbook.bouw_cli", "workbook.controle.cli", "workbook.koppel.cli"):
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name and module.startswith(exc.name):
                continue
            raise
        for name, entry in getattr(mod, "SUBCOMMANDS", {}).items():
            SUBCOMMANDS.setdefault(name, entry)


def main(argv: list[str] | None = None) -> int:
    _load_plugins()
    p = parser()
    args = p.parse_args(argv)
    if not getattr(args, "func", None):
        p.print_help()
        return EXIT_OK
    try:
        return args.func(args)
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
