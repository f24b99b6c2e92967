"""The Verhuisformulier rule (xl_meerzorg/regels/verhuis.py), with exact values."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from xl_meerzorg import bereken, laad_parameters, lees_aanvraag
from xl_meerzorg.afronding import cents
from xl_meerzorg.regels.verhuis import Verhuisbedragen, verhuis

U = 1 / 24  # one hour in Excel days
VG7_2026 = 49.65878362956477  # maatwerk uurbudget VG7 2026
MAX_2026 = 1683.05
VOORBEELDEN = Path(__file__).resolve().parents[2] / "examples"


def test_profiel_op_het_tariefpercentage():
    """Meerzorgprofiel 3 (VG7 2026, € 74.736,63 at 100%) at 95%: € 70.999,79 a year, € 194,52 an etmaal."""
    v = verhuis("Meerzorgprofiel 3", 50 * U, 74736.62569564306, VG7_2026, MAX_2026, 0.95)
    assert v == Verhuisbedragen(
        budget_100=74736.62569564306,
        jaar_100=74736.62569564306,
        etmaal_100=74736.62569564306 / 365,
        gemaximeerd=False,
        jaarbedrag=74736.62569564306 * 0.95,
        etmaalbedrag=74736.62569564306 * 0.95 / 365,
    )
    assert (cents(v.etmaal_100), cents(v.jaarbedrag), cents(v.etmaalbedrag)) == (204.76, 70999.79, 194.52)


def test_maatwerk_ook_bij_preventieve_meerzorg():
    """Maatwerk 93,71 h a week, VG7 2026: 93,71/7*365*49,65878362956477 = € 242.648,07 a
    year, € 664,79 an etmaal at 100%; at 95% € 230.515,67 and € 631,55. The rule has no
    request type: preventive meerzorg gets the same amounts (the official sheet shows 0)."""
    v = verhuis("Maatwerk", 93.71 * U, None, VG7_2026, MAX_2026, 0.95)
    assert v is not None and not v.gemaximeerd
    assert v.budget_100 == v.jaar_100 == (93.71 * U * 24) / 7 * 365 * VG7_2026
    assert (cents(v.jaar_100), cents(v.etmaal_100), cents(v.jaarbedrag), cents(v.etmaalbedrag)) == (242648.07, 664.79, 230515.67, 631.55)


def test_maatwerk_op_het_maximum():
    """300 h maatwerk exceeds the maximum etmaalbedrag € 1.683,05: 1.683,05*365 = € 614.313,25 a year,
    at 90% € 552.881,93 and € 1.514,75 an etmaal."""
    v = verhuis("Maatwerk", 300 * U, None, VG7_2026, MAX_2026, 0.9)
    assert v is not None and v.gemaximeerd
    assert v.budget_100 == (300 * U * 24) / 7 * 365 * VG7_2026
    assert v.jaar_100 == MAX_2026 * 365
    assert (cents(v.etmaal_100), cents(v.jaarbedrag), cents(v.etmaalbedrag)) == (1683.05, 552881.93, 1514.75)


def test_precies_op_het_maximum():
    """An etmaal amount exactly at the maximum counts as capped (>=), as in the engine."""
    v = verhuis("Meerzorgprofiel 6", None, MAX_2026 * 365, VG7_2026, MAX_2026, 1.0)
    assert v is not None and v.gemaximeerd and v.jaar_100 == MAX_2026 * 365


@pytest.mark.parametrize(
    ("uitkomst", "uren", "bedrag"),
    [
        ("Niet meerzorg waardig", 1 * U, None),
        ("Valt binnen het reguliere zorgzwaartepakket", None, None),
        ("Maatwerk", None, None),
        (None, None, None),
    ],
)
def test_zonder_budget_niets_te_verhuizen(uitkomst, uren, bedrag):
    assert verhuis(uitkomst, uren, bedrag, VG7_2026, MAX_2026, 0.95) is None


@pytest.mark.parametrize("bestand", ["individueel-vg7.json", "groep-vg7.json"])
def test_gelijk_aan_de_toekenning_zonder_context(bestand):
    """The 100% budget is the engine's budget_100 bit for bit; without context euros above the
    threshold the amounts are the award's jaarbedrag and etmaalbedrag; with them, lower."""
    aanvraag = lees_aanvraag(json.loads((VOORBEELDEN / bestand).read_text(encoding="utf-8")))
    p = laad_parameters(aanvraag.jaar)
    res = bereken(aanvraag)
    assert not res.heeft_fout
    gezien = 0
    for c in res.clienten:
        zp = p.zorgprofielen[c.zorgprofiel]
        bedrag = next((b.bedrag for b in zp.banden if b.label == c.uitkomst_label), None)
        v = verhuis(c.uitkomst, c.meerzorguren, bedrag, zp.maatwerk_uurbudget, p.maximum_etmaalbedrag.waarde, aanvraag.tariefpercentage)
        if c.budget_100 is None:
            assert v is None
            continue
        gezien += 1
        assert v.budget_100 == c.budget_100
        assert v.gemaximeerd == c.gemaximeerd or c.context_boven_drempel
        if not c.context_boven_drempel:
            assert (v.jaarbedrag, v.etmaalbedrag) == (c.jaarbedrag, c.etmaalbedrag)
        else:
            assert v.jaarbedrag < c.jaarbedrag
    assert gezien >= 1
