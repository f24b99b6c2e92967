"""Properties (hypothesis): monotonicity, the cap, no crash on any input."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from xl_meerzorg import Aanvraag, Client, bereken, lees_aanvraag
from xl_meerzorg.parameters import laad_parameters

U = 1 / 24
# SGLVG1 and LG6: the first profile band is maatwerk and its maximum exceeds the amount of
# Meerzorgprofiel 2 (policy as published): the budget drops at that boundary. Tested below.
NIET_MONOTOON = {"SGLVG1", "LG6"}


def _codes(jaar):
    p = laad_parameters(jaar)
    return [c for c in p.prestatiecodes.values() if c.zorgprofiel not in p.alleen_met_behandeling_en_dagbesteding or (c.behandeling and c.dagbesteding)]


codes = st.sampled_from([(j, c) for j in (2025, 2026) for c in _codes(j)])


def _jaarbedrag(jaar, code, wonen, tarief=1.0, euros=0.0):
    c = Client(zorgprofiel=code.zorgprofiel, behandeling=code.behandeling, dagbesteding=code.dagbesteding, wonen=wonen, context_euros=(euros,))
    r = bereken(Aanvraag(jaar, "individueel", tarief, [c]))
    assert not r.heeft_fout, r.meldingen
    return r.totaal_jaarbedrag


@settings(max_examples=300, deadline=None)
@given(codes, st.floats(0, 300), st.floats(0, 30))
def test_meer_uren_nooit_minder_geld(jc, uren, extra):
    """More hours never give a lower year amount (except the documented SGLVG1/LG6 drop)."""
    jaar, code = jc
    if code.zorgprofiel in NIET_MONOTOON:
        return
    assert _jaarbedrag(jaar, code, (uren + extra) * U) >= _jaarbedrag(jaar, code, uren * U)


@settings(max_examples=300, deadline=None)
@given(codes, st.floats(0, 1000), st.floats(0.01, 1), st.floats(0, 1e6))
def test_maximum_etmaalbedrag(jc, uren, tarief, euros):
    """The day amount never exceeds the maximum x tarief; at the cap it equals it."""
    jaar, code = jc
    p = laad_parameters(jaar)
    c = Client(zorgprofiel=code.zorgprofiel, behandeling=code.behandeling, dagbesteding=code.dagbesteding, wonen=uren * U, context_euros=(euros,))
    r = bereken(Aanvraag(jaar, "individueel", tarief, [c])).clienten[0]
    if r.etmaalbedrag is None:
        return
    maximum = p.maximum_etmaalbedrag.waarde
    assert r.etmaalbedrag <= maximum * tarief + 1e-9
    if r.gemaximeerd:
        assert r.jaarbedrag == maximum * 365 * tarief


def test_sglvg1_lg6_daling_bij_meerzorgprofiel_2():
    """Documented: for SGLVG1 and LG6 the maatwerk band below Meerzorgprofiel 2 can pay more."""
    for jaar in (2025, 2026):
        for naam in sorted(NIET_MONOTOON):
            p = laad_parameters(jaar)
            code = next(c for c in p.prestatiecodes.values() if c.zorgprofiel == naam and c.behandeling and c.dagbesteding)
            b2 = p.zorgprofielen[naam].banden[2]
            basis = code.uren_per_week - p.zorgprofielen[naam].indirecte_uren
            voor = _jaarbedrag(jaar, code, basis + b2.van - 2 / 86400)
            na = _jaarbedrag(jaar, code, basis + b2.van + 2 / 86400)
            assert na == b2.bedrag and voor > na


json_waarden = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda kids: st.lists(kids, max_size=3) | st.dictionaries(st.sampled_from(["jaar", "soort", "tariefpercentage", "clienten", "groep", "zorgprofiel", "wonen", "dagprogramma", "ma_vr", "van", "tot", "begeleider_op", "functie", "context_euros", "behandeling", "dagbesteding", "bsn", "maanden", "opname"]), kids, max_size=6),
    max_leaves=20,
)


@settings(max_examples=400, deadline=None)
@given(json_waarden)
def test_willekeurige_invoer_crasht_nooit(data):
    """Any JSON-like value gives a result with messages; a fout never comes with a number."""
    r = bereken(lees_aanvraag(data))
    if r.heeft_fout:
        assert r.totaal_jaarbedrag is None
