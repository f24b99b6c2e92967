"""Which band of the zorgprofiel holds the meerzorguren (VLOOKUP(E38, banden, 3, 1))."""

from __future__ import annotations

from bisect import bisect_right

from ..parameters import Band, Zorgprofiel


def band(zorgprofiel: Zorgprofiel, meerzorguren: float) -> Band:
    """The band with the largest lower bound <= meerzorguren, like the tool's approximate
    VLOOKUP; a value in the ~1 s gap between two bands belongs to the lower band. A value
    below the first lower bound (0 s, or under 0:01:00 for VV7/VV8), for which the official
    tool shows no outcome, belongs to the first band (*Niet meerzorg waardig*)."""
    banden = zorgprofiel.banden
    i = bisect_right([b.van for b in banden], meerzorguren) - 1
    return banden[max(i, 0)]
