"""Band lookup on both sides of every boundary of every zorgprofiel and year."""

from __future__ import annotations

import pytest

from xl_meerzorg import Aanvraag, Client, bereken
from xl_meerzorg.parameters import laad_parameters
from xl_meerzorg.regels.uitkomst import band

SECONDE = 1 / 86400


def _grenzen():
    for jaar in (2025, 2026):
        p = laad_parameters(jaar)
        for z in p.zorgprofielen.values():
            for i in range(1, len(z.banden)):
                yield pytest.param(jaar, z.naam, i, id=f"{jaar}-{z.naam}-{i}")


@pytest.mark.parametrize(("jaar", "naam", "i"), list(_grenzen()))
def test_beide_kanten_van_elke_grens(jaar, naam, i):
    """At the lower bound: this band; one second below, in the gap, or at the previous
    upper bound: the band below."""
    z = laad_parameters(jaar).zorgprofielen[naam]
    onder, boven = z.banden[i - 1], z.banden[i]
    assert band(z, boven.van) is boven
    assert band(z, boven.van + SECONDE) is boven
    assert band(z, boven.van - SECONDE) is onder
    assert band(z, onder.tot) is onder
    assert band(z, (onder.tot + boven.van) / 2) is onder


@pytest.mark.parametrize("naam", ["VV7", "VV8", "VG7"])
def test_onder_de_eerste_band(naam):
    """0 and values below the first lower bound (0:01:00 for VV7/VV8), where the official
    tool shows nothing, are 'Niet meerzorg waardig'."""
    z = laad_parameters(2026).zorgprofielen[naam]
    assert band(z, 0.0).uitkomst == "Niet meerzorg waardig"
    assert band(z, 30 * SECONDE).uitkomst == "Niet meerzorg waardig"


def _via_bereken(jaar: int, naam: str, doel: float):
    p = laad_parameters(jaar)
    code = next(c for c in p.prestatiecodes.values() if c.zorgprofiel == naam and c.behandeling and c.dagbesteding)
    z = p.zorgprofielen[naam]
    wonen = doel + code.uren_per_week - z.indirecte_uren
    c = Client(zorgprofiel=naam, dagbesteding=True, behandeling=True, wonen=wonen)
    return bereken(Aanvraag(jaar, "individueel", 1.0, [c])).clienten[0]


@pytest.mark.parametrize(("jaar", "naam", "i"), list(_grenzen()))
def test_grenzen_via_de_hele_berekening(jaar, naam, i):
    """The whole calculation puts meerzorguren one second either side of a boundary in the
    right band."""
    z = laad_parameters(jaar).zorgprofielen[naam]
    onder, boven = z.banden[i - 1], z.banden[i]
    assert _via_bereken(jaar, naam, boven.van + SECONDE).uitkomst == boven.uitkomst
    assert _via_bereken(jaar, naam, boven.van - SECONDE).uitkomst == onder.uitkomst
