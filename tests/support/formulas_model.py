"""The staff form (variant zorgkantoor-udf) evaluated by the ``formulas`` library, with the
UDFs of ``xl_meerzorg.udfs.meerzorg`` registered as custom functions.

``formulas`` compiles the cells itself: every formula of the UDF cells and of the cells
they depend on (the type helper Voorblad!L23, the guards, the Voorblad totals) is parsed
and computed by ``formulas``; only the ``MZ_*`` calls go to Python, through
:func:`als_xlwings`, a thin adapter that hands the UDF its arguments as Excel/xlwings does
(a single cell as its value, a range as a 2-D list, an empty cell as ``None``, numbers as
floats).

The model holds only the subgraph the requested cells need: ``ExcelModel.from_ranges``
follows the references of the requested cells, plus the cells behind the defined names
they use (formulas 1.3 skips those, see ``Formulier._laad_namen``); ``finish(complete=False)``
does not pull in the rest of the workbook through the other defined names. A case is
computed by setting its input cells (``calculate(inputs=..., outputs=...)``; the form's
input cells are empty, so the other ones stay empty) or by loading a filled copy of the
form (:func:`reken_bestand`).
"""

from __future__ import annotations

import contextlib
import functools
import gc
import math
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pytest

formulas = pytest.importorskip("formulas")

import numpy as np  # noqa: E402  (dependencies of formulas)
import schedula as sh  # noqa: E402
from formulas.functions import get_functions  # noqa: E402
from formulas.ranges import Ranges  # noqa: E402
from formulas.tokens.operand import XlError  # noqa: E402

from xl_meerzorg.udfs import meerzorg as udf  # noqa: E402

Cel = tuple[str, str]  # (sheet, cell) as in xl_meerzorg.workbook.layout

UDF_NAMEN = tuple(n for n in udf.__all__ if n.startswith("MZ_"))
AANROEPEN: dict[str, int] = dict.fromkeys(UDF_NAMEN, 0)  # calls per UDF (proof that formulas called them)


# --------------------------------------------------------------------------- adapter


def xl_waarde(v: object) -> object:
    """One cell as xlwings hands it to a UDF: None for an empty cell (and for an error
    value, xlwings' default), floats for numbers, text and booleans as they are."""
    if v is sh.EMPTY or v is None or isinstance(v, XlError):
        return None
    if isinstance(v, np.generic):
        v = v.item()
    if isinstance(v, bool):
        return v
    if isinstance(v, (int, float)):
        return float(v)
    return v


def xl_argument(a: object) -> object:
    """An argument as formulas passes it (Ranges, NumPy array, scalar) as xlwings would:
    a single cell as its value, a range as a 2-D list (rows of cells)."""
    if isinstance(a, Ranges):
        a = a.value
    if isinstance(a, np.ndarray):
        a = np.atleast_2d(a)
        if a.size == 1:
            return xl_waarde(a.flat[0])
        return [[xl_waarde(v) for v in rij] for rij in a.tolist()]
    return xl_waarde(a)


def xl_resultaat(v: object) -> object:
    """A UDF's return value as formulas stores it in a cell (a table as a 2-D array)."""
    if isinstance(v, (list, tuple)):
        return np.asarray([list(r) if isinstance(r, (list, tuple)) else [r] for r in v], object)
    if v is None:
        return sh.EMPTY
    return v


def als_xlwings(naam: str, func: Callable) -> Callable:
    @functools.wraps(func)
    def aanroep(*args):
        AANROEPEN[naam] += 1
        return xl_resultaat(func(*[xl_argument(a) for a in args]))

    return aanroep


def registreer_udfs() -> None:
    """Register every MZ_* UDF as a custom function of formulas (before a model is built:
    formulas resolves function names while parsing)."""
    functies = get_functions()
    for naam in UDF_NAMEN:
        functies[naam] = als_xlwings(naam, getattr(udf, naam))


# --------------------------------------------------------------------------- model


def python_waarde(rng: object) -> object:
    """The value of a computed cell: None when empty, an error as its text ("#VALUE!")."""
    v = rng.value[0, 0] if isinstance(rng, Ranges) else rng
    if isinstance(v, np.ndarray):
        v = v.flat[0]
    if v is sh.EMPTY or v is None:
        return None
    if isinstance(v, XlError):
        return str(v)
    if isinstance(v, np.generic):
        v = v.item()
    if isinstance(v, int) and not isinstance(v, bool):
        return float(v)
    if isinstance(v, float) and not math.isfinite(v):
        return str(v)
    return v


@contextlib.contextmanager
def _zonder_gc() -> Iterator[None]:
    """No cyclic garbage collection while formulas builds or computes: its many small
    objects make the collector run often (about a third of the time of a case)."""
    aan = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if aan:
            gc.enable()


class Formulier:
    """The formulas model of one built (or filled) staff form, for the cells ``uitvoer``."""

    def __init__(self, pad: Path, uitvoer: Iterable[Cel]):
        registreer_udfs()
        self.pad = Path(pad)
        self.uitvoer = list(uitvoer)
        self.model = formulas.ExcelModel()
        with _zonder_gc():
            self.model.add_book(str(self.pad))  # also sets the model's base folder
            self.model.from_ranges(*(self.id(c) for c in self.uitvoer))
            self._laad_namen()
            self.model.finish(complete=False)
        ontbreekt = [c for c in self.uitvoer if self.id(c) not in self.model.dsp.data_nodes]
        assert not ontbreekt, ontbreekt

    def _laad_namen(self) -> None:
        """Load the cells behind the defined names the model uses (``mzp_*`` on the sheet
        Parameters). ``from_ranges`` does not: it skips every name, as names are compiled
        (and so counted as done) when the book is added."""
        m = self.model
        gedaan: set[str] = set()
        while True:
            gebruikt = {k for c in list(m.cells.values()) for k in (c.inputs or ())}
            namen = {k for k in gebruikt if k in m.references and k not in gedaan}
            if not namen:
                return
            gedaan |= namen
            m.complete({i for n in namen for i in (m.cells[n].inputs or ()) if isinstance(i, str)})

    def id(self, cel: Cel) -> str:
        blad, ref = cel
        return f"'[{self.pad.name}]{blad.upper()}'!{ref}"

    def reken(self, invoer: dict[Cel, object] | None = None, uitvoer: Iterable[Cel] | None = None) -> dict[Cel, object]:
        """Compute ``uitvoer`` (default: all) with the input cells set to ``invoer``; the other
        input cells, and those given as None, stay as in the file (empty in the built form)."""
        cellen = list(uitvoer) if uitvoer is not None else self.uitvoer
        ids = [self.id(c) for c in cellen]
        inputs = {self.id(c): v for c, v in (invoer or {}).items() if v is not None}
        with _zonder_gc():
            sol = self.model.calculate(inputs=inputs, outputs=ids)
        return {c: python_waarde(sol[i]) if i in sol else "<niet berekend>" for c, i in zip(cellen, ids)}


def reken_bestand(pad: Path, uitvoer: Iterable[Cel]) -> dict[Cel, object]:
    """Load a filled copy of the form and compute ``uitvoer`` from its own cell values."""
    return Formulier(pad, uitvoer).reken()
