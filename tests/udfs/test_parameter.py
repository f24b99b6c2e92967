"""MZ_PARAMETER and MZ_VERSIE read the engine's parameter sets."""

from __future__ import annotations

import pytest

from xl_meerzorg.udfs import meerzorg as mz
from xl_meerzorg import laad_parameters
from xl_meerzorg.afronding import seconds

P = laad_parameters(2026)

PARAMETERS = [
    ((2026.0, "maximum_etmaalbedrag"), 1683.05),
    ((2026.0, "behandelfactor"), P.behandelfactor.waarde),
    ((2026, "context_drempel_fractie"), 0.071177715),
    ((2026, "meerzorg_grens_fractie"), 0.25),
    ((2026, "max_maanden"), 36.0),
    ((2026, "zzp_uren", "VG7"), P.zorgprofielen["VG7"].uren_per_week),
    ((2026, "zzp_uren", " vg7 "), P.zorgprofielen["VG7"].uren_per_week),
    ((2026, "maatwerk_uurbudget", "VG7"), P.zorgprofielen["VG7"].maatwerk_uurbudget),
    ((2026, "indirect_fractie", "VG7"), P.zorgprofielen["VG7"].indirect_fractie),
    ((2026, "indirecte_uren", "VG7"), P.zorgprofielen["VG7"].indirecte_uren),
    ((2026, "prestatiecode_uren", "Z473"), P.prestatiecodes["Z473"].uren_per_week),
    ((2026, "prestatiecode_omschrijving", "z473"), P.prestatiecodes["Z473"].omschrijving),
    ((2026, "versie"), "2026.01"),
    ((2025.0, "versie"), "2025.01"),
    ((2026, " Maximum_Etmaalbedrag "), 1683.05),
]


@pytest.mark.parametrize("args, verwacht", PARAMETERS)
def test_parameter(args, verwacht):
    assert mz.MZ_PARAMETER(*args) == verwacht


def test_hours_are_day_fractions():
    assert seconds(mz.MZ_PARAMETER(2026, "zzp_uren", "VG7")) == 33 * 3600 + 45 * 60
    assert seconds(mz.MZ_PARAMETER(2026, "prestatiecode_uren", "Z473")) == 33 * 3600 + 45 * 60


FOUTEN = [
    ((2026, "bestaat_niet"), "Fout: onbekende parameter ‘bestaat_niet’; kies uit " + ", ".join(mz.PARAMETERS) + "."),
    ((2026, None), "Fout: onbekende parameter leeg; kies uit " + ", ".join(mz.PARAMETERS) + "."),
    ((2026, "zzp_uren"), "Fout: parameter zzp_uren vraagt een zorgprofiel als sleutel, bijvoorbeeld VG7."),
    ((2026, "zzp_uren", "XX1"), "Fout: onbekend zorgprofiel ‘XX1’ voor 2026; kies uit " + ", ".join(P.zorgprofielen) + "."),
    ((2026, "prestatiecode_uren"), "Fout: parameter prestatiecode_uren vraagt een prestatiecode als sleutel, bijvoorbeeld Z473."),
    ((2026, "prestatiecode_uren", "Z000"), "Fout: onbekende prestatiecode ‘Z000’ voor 2026."),
    ((2024, "behandelfactor"), "Fout: Geen parameterset voor 2024; beschikbaar: 2025, 2026."),
    ((None, "behandelfactor"), "Fout: het jaar ontbreekt; beschikbaar: 2025, 2026."),
]  # fmt: skip


@pytest.mark.parametrize("args, tekst", FOUTEN)
def test_parameter_fout(args, tekst):
    assert mz.MZ_PARAMETER(*args) == tekst


def test_versie():
    assert mz.MZ_VERSIE() == "xl-meerzorg 0.1.0; parameterset 2026.01"
    assert mz.MZ_VERSIE(None) == mz.MZ_VERSIE(2026.0) == mz.MZ_VERSIE("2026")
    assert mz.MZ_VERSIE(2025.0) == "xl-meerzorg 0.1.0; parameterset 2025.01"
    assert mz.MZ_VERSIE(2030.0) == "Fout: Geen parameterset voor 2030; beschikbaar: 2025, 2026."
