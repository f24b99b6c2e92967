"""Loader of the embedded modules of main.py (its source is copied into main.py verbatim).

``laad(bronnen, bestanden, namen)`` puts a meta-path finder in front of ``sys.meta_path`` that
serves every embedded module under its real name (``xl_meerzorg.parameters.laden``, ...) from
its source text, and the embedded data files of a package (the TOML parameter sets) through
``importlib.resources``: the engine's own loader (``resources.files(__package__)``) reads them
unchanged. In a host process where the project itself is loaded or importable, main.py keeps
its embedded modules to itself and the process's own modules stay in place; earlier embedded
copies (main.py run again, as xlwings Lite does after a change) are replaced.

Standard library only, no ``from __future__`` import (this text is pasted into main.py).
"""

import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import io
import sys
from importlib.resources.abc import Traversable, TraversableResources

HERKOMST = "xl-meerzorg-lite"  # spec.origin prefix of every embedded module


class _Bestand(Traversable):
    """An embedded data file."""

    def __init__(self, naam, data):
        self._naam = naam
        self._data = data

    @property
    def name(self):
        return self._naam

    def iterdir(self):
        return iter(())

    def is_dir(self):
        return False

    def is_file(self):
        return True

    def joinpath(self, *delen):
        raise FileNotFoundError("/".join((self._naam, *map(str, delen))))

    def __truediv__(self, deel):
        return self.joinpath(deel)

    def read_bytes(self):
        return self._data

    def read_text(self, encoding=None, errors=None):
        return self._data.decode(encoding or "utf-8", errors or "strict")

    def open(self, mode="r", *args, **kwargs):
        if "b" in mode:
            return io.BytesIO(self._data)
        return io.TextIOWrapper(io.BytesIO(self._data), *args, **({"encoding": "utf-8"} | kwargs))


class _Map(Traversable):
    """The embedded data files of one package."""

    def __init__(self, naam, bestanden):
        self._naam = naam
        self._bestanden = {n: _Bestand(n, d) for n, d in bestanden.items()}

    @property
    def name(self):
        return self._naam

    def iterdir(self):
        return iter(list(self._bestanden.values()))

    def is_dir(self):
        return True

    def is_file(self):
        return False

    def joinpath(self, *delen):
        if len(delen) == 1 and str(delen[0]) in self._bestanden:
            return self._bestanden[str(delen[0])]
        raise FileNotFoundError("/".join((self._naam, *map(str, delen))))

    def __truediv__(self, deel):
        return self.joinpath(deel)

    def read_bytes(self):
        raise IsADirectoryError(self._naam)

    def read_text(self, encoding=None, errors=None):
        raise IsADirectoryError(self._naam)

    def open(self, mode="r", *args, **kwargs):
        raise IsADirectoryError(self._naam)


class _Bronnen(TraversableResources):
    def __init__(self, naam, bestanden):
        self._map = _Map(naam.rsplit(".", 1)[-1], bestanden)

    def files(self):
        return self._map


class Lader(importlib.abc.MetaPathFinder, importlib.abc.InspectLoader):
    """Finder and loader of the embedded modules: name -> (path, is_package, source)."""

    def __init__(self, bronnen, bestanden):
        self.bronnen = bronnen
        self.bestanden = bestanden

    def find_spec(self, fullname, path=None, target=None):
        if fullname not in self.bronnen:
            return None
        pad, pakket, _bron = self.bronnen[fullname]
        spec = importlib.machinery.ModuleSpec(fullname, self, origin=f"{HERKOMST}:{pad}", is_package=pakket)
        return spec

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        pad, _pakket, bron = self.bronnen[module.__spec__.name]
        exec(compile(bron, f"{HERKOMST}/{pad}", "exec", dont_inherit=True), module.__dict__)

    def get_source(self, fullname):
        if fullname not in self.bronnen:
            raise ImportError(fullname, name=fullname)
        return self.bronnen[fullname][2]

    def is_package(self, fullname):
        return self.bronnen[fullname][1]

    def get_resource_reader(self, fullname):
        if fullname in self.bestanden:
            return _Bronnen(fullname, self.bestanden[fullname])
        return None


def _van_ons(module):
    spec = getattr(module, "__spec__", None)
    return str(getattr(spec, "origin", "") or "").startswith(HERKOMST)


def laad(bronnen, bestanden, namen, zonder=("xlwings",)):
    """Import the embedded modules ``namen`` (fresh) and return them.

    ``zonder`` are modules the embedded code must not see while it is imported (the embedded
    UDF module then uses its own no-op decorators; main.py decorates its own wrappers).
    In a host process where the project itself is loaded or importable, the embedded modules
    are used by main.py only: sys.modules and sys.meta_path are left as they were."""
    toppen = {b.split(".")[0] for b in bronnen}
    eigen = [n for n in sys.modules if n.split(".")[0] in toppen]
    elders = {n: sys.modules.pop(n) for n in eigen if not _van_ons(sys.modules[n])}
    for n in eigen:
        sys.modules.pop(n, None)  # an earlier embedded copy: load this one fresh
    gastheer = bool(elders) or any(_vindbaar(t) for t in toppen)
    verborgen = {n: sys.modules.get(n) for n in zonder}
    lader = Lader(bronnen, bestanden)
    sys.meta_path.insert(0, lader)
    try:
        for n in zonder:
            sys.modules[n] = None  # "import xlwings" raises ImportError inside the embedded code
        modules = [importlib.import_module(n) for n in namen]
    finally:
        for n, m in verborgen.items():
            if m is None:
                sys.modules.pop(n, None)
            else:
                sys.modules[n] = m
    if gastheer:
        sys.meta_path.remove(lader)
        for n in [n for n in sys.modules if n in bronnen]:
            del sys.modules[n]
        sys.modules.update(elders)
    return modules


def _vindbaar(naam):
    """Whether the normal import system finds ``naam`` (the project installed in this Python)."""
    try:
        return importlib.util.find_spec(naam) is not None
    except (ImportError, ValueError):
        return False
