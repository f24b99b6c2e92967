"""Property test: whatever Excel hands over, a UDF returns text, a number or a table, never raises.

Two strengths: ``cel`` is every value Excel can hold (also 1e-118 and 1e300) -- the UDF must not
raise; ``gewone_cel`` stays within magnitudes a form can sensibly hold -- there the engine must also
not fail internally (no "interne fout"). Extreme magnitudes still reach an engine bug (excel_round
raises decimal.InvalidOperation above ~1e28 while validatie formats huge durations), which the UDF
turns into "Fout: interne fout ..." text.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xl_meerzorg.udfs import meerzorg as mz

from .voorbeelden import groep, individueel

ZINNIG = ["Ja", "nee ", " JA", "Nee", "4:30", "vier uur", "VG7", "VV8", "Wonen", "Dagbesteding", "individueel",
          "Preventieve Meerzorg", "groep", "0,95", "95%", "", " ", "30:00", "-1:00", "uitkomst", "jaarbedrag",
          "totaal_jaarbedrag", "zzp_uren", "Z473", "#N/A"]  # fmt: skip

gewone_cel = st.one_of(
    st.none(),
    st.booleans(),
    st.just(0.0),
    st.floats(min_value=-1e6, max_value=1e6).filter(lambda x: abs(x) >= 1e-6),
    st.floats(min_value=-5, max_value=5).filter(lambda x: abs(x) >= 1e-6),
    st.sampled_from([2025.0, 2026.0, 1.0, 0.5, 0.0, 12.0, 3.0]),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.sampled_from(ZINNIG),
    st.text(max_size=12),
    st.datetimes(min_value=dt.datetime(1899, 12, 30), max_value=dt.datetime(1900, 3, 1)),
    st.datetimes(min_value=dt.datetime(1899, 12, 30), max_value=dt.datetime(2100, 1, 1)),
)
cel = st.one_of(
    gewone_cel,
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.datetimes(),
)


def _argument(c):
    return st.one_of(c, st.lists(c, max_size=4), st.lists(st.lists(c, min_size=1, max_size=2), max_size=20))


argument = _argument(cel)
gewoon_argument = _argument(gewone_cel)

INTERN = "interne fout"


def _check(resultaat, gewoon: bool = False):
    if gewoon:  # bad but ordinary input is reported, it does not fail inside the engine
        assert INTERN not in str(resultaat), resultaat
    if isinstance(resultaat, list):
        assert resultaat, "an empty table"
        for r in resultaat:
            assert isinstance(r, list)
            assert all(isinstance(v, (str, float)) and not isinstance(v, bool) for v in r), r
    else:
        assert isinstance(resultaat, (str, float)) and not isinstance(resultaat, bool), resultaat


def _fuzz(functie, basis: dict, vervangingen: dict, gewoon: bool = False):
    args = dict(basis)
    args.update(vervangingen)
    _check(functie(**args), gewoon)


FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _vervangingen(namen, arg=argument):
    return st.dictionaries(st.sampled_from(namen), arg, max_size=len(namen))


IND_ARGS = list(individueel())
GROEP_ARGS = list(groep())


@FUZZ
@given(uitvoer=st.one_of(st.sampled_from(mz.UITVOER_CLIENT), cel), over=_vervangingen(IND_ARGS))
def test_individueel_never_raises(uitvoer, over):
    _fuzz(mz.MZ_INDIVIDUEEL, {"uitvoer": uitvoer, **individueel()}, over)


@FUZZ
@given(over=_vervangingen(IND_ARGS))
def test_tables_never_raise(over):
    _fuzz(mz.MZ_RESULTAAT, individueel(), over)
    _fuzz(mz.MZ_MELDINGEN, individueel(), over)


@FUZZ
@given(over=_vervangingen(IND_ARGS, gewoon_argument))
def test_ordinary_bad_input_gives_a_message(over):
    _fuzz(mz.MZ_MELDINGEN, individueel(), over, gewoon=True)
    _fuzz(mz.MZ_JAARBEDRAG, individueel(), over, gewoon=True)


@FUZZ
@given(over=_vervangingen(GROEP_ARGS, gewoon_argument))
def test_ordinary_bad_group_input_gives_a_message(over):
    _fuzz(mz.MZ_GROEP_MELDINGEN, groep(), over, gewoon=True)


@FUZZ
@given(args=st.lists(argument, min_size=17, max_size=18))
def test_individueel_all_arguments_random(args):
    _check(mz.MZ_UITKOMST(*args[:17]))
    _check(mz.MZ_MELDINGEN(*args))


@FUZZ
@given(uitvoer=st.one_of(st.sampled_from(mz.UITVOER_GROEP), cel), nr=st.one_of(cel, st.integers(0, 18)),
       over=_vervangingen(GROEP_ARGS))  # fmt: skip
def test_groep_never_raises(uitvoer, nr, over):
    _fuzz(mz.MZ_GROEP, {"uitvoer": uitvoer, "client_nr": nr, **groep()}, over)
    _fuzz(mz.MZ_GROEP_MELDINGEN, groep(), over)


@FUZZ
@given(jaar=argument, naam=st.one_of(st.sampled_from(mz.PARAMETERS), argument), sleutel=argument)
def test_parameter_never_raises(jaar, naam, sleutel):
    _check(mz.MZ_PARAMETER(jaar, naam, sleutel))
    _check(mz.MZ_VERSIE(jaar))


@FUZZ
@given(over=_vervangingen(IND_ARGS))
def test_single_value_wrappers_never_raise(over):
    for functie in (mz.MZ_MEERZORGUREN, mz.MZ_JAARBEDRAG, mz.MZ_ETMAALBEDRAG, mz.MZ_UITKOMST):
        _fuzz(functie, individueel(), over)


GEFUZZD = {
    "MZ_INDIVIDUEEL", "MZ_RESULTAAT", "MZ_MELDINGEN", "MZ_UITKOMST", "MZ_MEERZORGUREN", "MZ_JAARBEDRAG",
    "MZ_ETMAALBEDRAG", "MZ_GROEP", "MZ_GROEP_MELDINGEN", "MZ_PARAMETER", "MZ_VERSIE",
}  # fmt: skip


def test_every_function_is_fuzzed():
    assert GEFUZZD == {n for n in mz.__all__ if n.startswith("MZ_")}
