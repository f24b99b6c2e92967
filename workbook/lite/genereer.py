"""Generate the ``main.py`` of a ``-lite.xlsx`` copy from the project's own sources.

``main_py()`` is deterministic: the same sources give the same text. It holds

1. the source text of every module the UDFs and the script need (the engine ``xl_meerzorg``,
   its rules and parameter loader, ``udfs/meerzorg.py``, ``workbook/officieel.py`` and
   ``workbook/lite/controle.py``), found by following their imports, and the TOML parameter
   sets of every supported year (with their sources, as they are in the files);
2. the loader ``lader.py`` that serves them under their real module names;
3. for every UDF of ``udfs/meerzorg.py`` an ``@func`` wrapper with the same name, arguments,
   Dutch docstring and argument help, calling the embedded function;
4. the ``@script`` *Controleer formulier* (``controle.controleer``).

Standard library only; nothing here imports openpyxl or xlwings.
"""

from __future__ import annotations

import ast
import functools
import importlib.util
import inspect
import sys
import types
from importlib import resources
from pathlib import Path

from xl_meerzorg import __version__

INGANG = ("xl_meerzorg.udfs.meerzorg", "xl_meerzorg.workbook.officieel", "xl_meerzorg.workbook.lite.controle")
UDF_MODULE = "xl_meerzorg.udfs.meerzorg"
SCRIPT_MODULE = "xl_meerzorg.workbook.lite.controle"
PARAMETER_PAKKET = "xl_meerzorg.parameters"
SCRIPT_NAAM = "controleer_formulier"
LADER = Path(__file__).with_name("lader.py")


@functools.lru_cache(maxsize=None)
def _pad(naam: str) -> tuple[Path, bool]:
    spec = importlib.util.find_spec(naam)
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError(naam)
    return Path(spec.origin), spec.submodule_search_locations is not None


def _projectpad(naam: str, pakket: bool) -> str:
    """The file as it is in the repository (workbook/ and udfs/ are xl_meerzorg.workbook/.udfs)."""
    delen = naam.split(".")
    if delen[:2] == ["xl_meerzorg", "workbook"]:
        delen = ["workbook", *delen[2:]]
    elif delen[:2] == ["xl_meerzorg", "udfs"]:
        delen = ["udfs", *delen[2:]]
    return "/".join(delen) + ("/__init__.py" if pakket else ".py")


@functools.lru_cache(maxsize=None)
def _is_module(naam: str) -> bool:
    ouder = naam.rpartition(".")[0]
    if ouder and not _is_pakket(ouder):
        return False  # a name in a module, not a submodule
    try:
        return importlib.util.find_spec(naam) is not None
    except ModuleNotFoundError:
        return False


@functools.lru_cache(maxsize=None)
def _is_pakket(naam: str) -> bool:
    try:
        return _pad(naam)[1]
    except ModuleNotFoundError:
        return False


def _imports(naam: str, pakket: bool, bron: str) -> set[str]:
    """Every xl_meerzorg module (and its packages) ``bron`` imports, also inside functions."""
    basis = naam if pakket else naam.rpartition(".")[0]
    gevonden: set[str] = set()
    for node in ast.walk(ast.parse(bron)):
        if isinstance(node, ast.Import):
            gevonden.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                delen = basis.split(".")
                ouder = ".".join(delen[: len(delen) - node.level + 1])
                module = f"{ouder}.{node.module}" if node.module else ouder
            else:
                module = node.module or ""
            gevonden.add(module)
            for a in node.names:  # "from . import formules": a submodule
                kandidaat = f"{module}.{a.name}"
                if kandidaat.startswith("xl_meerzorg") and _is_module(kandidaat):
                    gevonden.add(kandidaat)
    uit = set()
    for m in gevonden:
        if m == "xl_meerzorg" or m.startswith("xl_meerzorg."):
            delen = m.split(".")
            uit.update(".".join(delen[:i]) for i in range(1, len(delen) + 1))
    return uit


def modules() -> dict[str, tuple[str, bool, str]]:
    """name -> (repository path, is package, source) of every embedded module, sorted by name."""
    gezien: dict[str, tuple[str, bool, str]] = {}
    todo = list(INGANG)
    while todo:
        naam = todo.pop()
        if naam in gezien:
            continue
        pad, pakket = _pad(naam)
        bron = pad.read_text(encoding="utf-8")
        gezien[naam] = (_projectpad(naam, pakket), pakket, bron)
        todo.extend(_imports(naam, pakket, bron) - gezien.keys())
        delen = naam.split(".")
        todo.extend(".".join(delen[:i]) for i in range(1, len(delen)) if ".".join(delen[:i]) not in gezien)
    return dict(sorted(gezien.items()))


def parameterbestanden() -> dict[str, str]:
    """The TOML parameter sets (file name -> text) the engine's loader finds."""
    uit = {}
    for entry in resources.files(PARAMETER_PAKKET).iterdir():
        if entry.name.startswith("jaar") and entry.name.endswith(".toml"):
            uit[entry.name] = entry.read_text(encoding="utf-8")
    return dict(sorted(uit.items()))


def tekst_literal(s: str) -> str:
    """A readable, exact Python literal of ``s``: triple-quoted with backslashes and quotes
    escaped, or repr when the text ends with a quote or holds characters a source file would
    not keep as they are (tests/lite check that every literal evaluates to its source)."""
    if s.endswith("'") or any(ch in s for ch in "\r\x00\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"):
        return repr(s)
    return "'''" + s.replace("\\", "\\\\").replace("'''", "\\'\\'\\'") + "'''"


def udf_opname() -> tuple[dict[str, object], dict[str, dict[str, dict]]]:
    """The UDFs of udfs/meerzorg.py and the options of their ``@xw.arg`` decorators.

    The module's source is executed once with a recording stand-in for xlwings, so the help
    texts and ``ndim`` are exactly what the module gives xlwings. Returns (namespace,
    function name -> argument -> options)."""
    opties: dict[str, dict[str, dict]] = {}

    def func(f=None, **_kw):
        return f if callable(f) else (lambda g: g)

    def arg(naam, *_args, **kw):
        def deco(g):
            opties.setdefault(g.__name__, {})[naam] = dict(kw)
            return g

        return deco

    def ret(*_args, **_kw):
        return lambda g: g

    opnemer = types.ModuleType("xlwings")
    opnemer.func, opnemer.arg, opnemer.ret = func, arg, ret
    pad, _pakket = _pad(UDF_MODULE)
    ns: dict[str, object] = {"__name__": "_xl_meerzorg_udf_opname", "__builtins__": __builtins__}
    vorige = sys.modules.get("xlwings")
    sys.modules["xlwings"] = opnemer
    try:
        exec(compile(pad.read_text(encoding="utf-8"), str(pad), "exec"), ns)  # noqa: S102 - our own source
    finally:
        if vorige is None:
            sys.modules.pop("xlwings", None)
        else:
            sys.modules["xlwings"] = vorige
    return ns, opties


def _wrapper(f, opties: dict[str, dict]) -> str:
    sig = inspect.signature(f)
    params = []
    aanroep = []
    regels = ["@func"]
    for p in sig.parameters.values():
        params.append(p.name if p.default is inspect.Parameter.empty else f"{p.name}={p.default!r}")
        aanroep.append(p.name)
        o = opties.get(p.name, {})
        regels.append(f"@arg({p.name!r}" + "".join(f", {k}={v!r}" for k, v in o.items()) + ")")
    regels.append(f"def {f.__name__}({', '.join(params)}):")
    regels.append("    " + tekst_literal(inspect.getdoc(f) or ""))
    regels.append(f"    return _udfs.{f.__name__}({', '.join(aanroep)})")
    return "\n".join(regels)


KOP = '''\
# main.py van xl-meerzorg {versie} voor xlwings Lite: de rekenkern in de werkmap.
# Gegenereerd door xl-meerzorg (xl_meerzorg.workbook.lite.genereer) uit de eigen bronnen van het
# project; niet met de hand wijzigen (maak de kopie opnieuw met: xl-meerzorg koppel PAD --lite).
# Alleen de standaardbibliotheek van Python; alles rekent lokaal in de invoegtoepassing.
"""xl-meerzorg {versie}: Excel-functies MZ_... en het script Controleer formulier (xlwings Lite)."""

from __future__ import annotations

import xlwings as xw
from xlwings import arg, func, script

# De modules van xl-meerzorg: naam -> (pad in het project, pakket, broncode).
_BRONNEN = {{
'''

SCRIPT = f'''\
@script
def {SCRIPT_NAAM}(book: xw.Book):
    """Controleer formulier: rekent het formulier na met de rekenkern en schrijft de uitkomst,
    meerzorguren, jaarbedrag, etmaalbedrag, totalen en meldingen op het blad Python-controle,
    naast de waarden van het formulier en de verschillen. Na een wijziging opnieuw uitvoeren."""
    _controle.controleer(book)
'''


@functools.lru_cache(maxsize=1)
def main_py() -> str:
    """The text of main.py (cached: the sources do not change while the process runs)."""
    bronnen = modules()
    delen = [KOP.format(versie=__version__)]
    for naam, (pad, pakket, bron) in bronnen.items():
        delen.append(f"    {naam!r}: ({pad!r}, {pakket!r}, {tekst_literal(bron)}),\n")
    delen.append("}\n\n# De parametersets per jaar, met hun bronnen, zoals in xl_meerzorg/parameters/.\n_BESTANDEN = {\n")
    delen.append(f"    {PARAMETER_PAKKET!r}: {{\n")
    for naam, tekst in parameterbestanden().items():
        delen.append(f"        {naam!r}: {tekst_literal(tekst)}.encode('utf-8'),\n")
    delen.append("    },\n}\n\n")
    delen.append("# ---- lader (workbook/lite/lader.py) ----\n")
    delen.append(LADER.read_text(encoding="utf-8").strip() + "\n\n\n")
    delen.append(f"_udfs, _controle = laad(_BRONNEN, _BESTANDEN, ({UDF_MODULE!r}, {SCRIPT_MODULE!r}))\n\n\n")
    delen.append("# ---- Excel-functies (udfs/meerzorg.py) ----\n\n\n")
    ns, opties = udf_opname()
    namen = [n for n in ns["__all__"] if n.startswith("MZ_")]
    delen.append("\n\n\n".join(_wrapper(ns[n], opties.get(n, {})) for n in namen))
    delen.append("\n\n\n# ---- script ----\n\n\n")
    delen.append(SCRIPT)
    tekst = "".join(delen)
    compile(tekst, "main.py", "exec")  # a syntax error is a build error, not a broken workbook
    return tekst
