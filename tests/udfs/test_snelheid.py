"""A UDF call stays fast (well under 1 ms on an idle PC; the bound here tolerates a busy CI box)."""

from __future__ import annotations

import timeit

from xl_meerzorg.udfs import meerzorg as mz

from .voorbeelden import groep, individueel

GRENS_MS = 3.0


def _ms(f) -> float:
    return min(timeit.repeat(f, number=50, repeat=5)) / 50 * 1000


def test_individual_call_is_fast():
    a = individueel()  # 59-row day programme columns, as the form passes them
    assert _ms(lambda: mz.MZ_JAARBEDRAG(**a)) < GRENS_MS


def test_group_call_is_fast():
    g = groep()
    assert _ms(lambda: mz.MZ_GROEP("jaarbedrag", 1, **g)) < GRENS_MS
