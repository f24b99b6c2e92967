"""The NZa registrations of the year (``xl_meerzorg/parameters/zorgaanbiedersJJJJ.csv``):
the Voorblad looks up the provider's name and its zorgkantoor from the NZa number (E4),
as the official form does from its sheet *Data en informatie* (T:X).

The file starts with comment lines (``#``) naming the source, then a header row.
"""

from __future__ import annotations

import csv
import functools
import io
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class Registratie:
    nza_nummer: int
    zorgaanbieder: str
    zorgkantoor_nummer: int | None
    zorgkantoor: str
    verzekeraar: str


@dataclass(frozen=True)
class Zorgaanbieders:
    jaar: int
    bron: str
    registraties: tuple[Registratie, ...]

    @property
    def zorgkantoren(self) -> tuple[tuple[str, str], ...]:
        """(zorgkantoor, verzekeraar) of every zorgkantoor in the list, sorted."""
        return tuple(sorted({(r.zorgkantoor, r.verzekeraar) for r in self.registraties if r.zorgkantoor}))


def bestand(jaar: int) -> str:
    return f"zorgaanbieders{jaar}.csv"


@functools.lru_cache(maxsize=8)
def laad(jaar: int) -> Zorgaanbieders | None:
    """The list of ``jaar`` (None when the package has none for that year)."""
    pad = resources.files("xl_meerzorg.parameters") / bestand(jaar)
    if not pad.is_file():
        return None
    tekst = pad.read_text(encoding="utf-8")
    commentaar = [r[1:].strip() for r in tekst.splitlines() if r.startswith("#")]
    bron = next((c[len("Bron:"):].strip() for c in commentaar if c.startswith("Bron:")), "")
    regels = io.StringIO("\n".join(r for r in tekst.splitlines() if not r.startswith("#")))
    out = []
    for rij in csv.DictReader(regels):
        out.append(Registratie(
            int(rij["nza_nummer"]), rij["zorgaanbieder"], int(rij["zorgkantoor_nummer"]) if rij["zorgkantoor_nummer"] else None,
            rij["zorgkantoor"], rij["verzekeraar"],
        ))  # fmt: skip
    return Zorgaanbieders(jaar, bron, tuple(out))
