"""The engine agrees with the official ZN rekentool, recalculated by LibreOffice.

Generated requests (seeded) are filled into copies of the official 2025 and 2026 workbooks,
recalculated in one headless LibreOffice batch, and every outcome and amount the official
sheets show must equal the engine to the cent and the second.
"""

from __future__ import annotations

import datetime as dt
import random

import pytest

from tests.support import libreoffice
from tests.support.rauw import lees_rauw
from tests.support.officieel_invullen import groep, individueel, template, vul_in
from xl_meerzorg import bereken, lees_aanvraag
from xl_meerzorg.afronding import cents, seconds
from xl_meerzorg.parameters import laad_parameters

pytestmark = [pytest.mark.libreoffice, pytest.mark.officieel]

JAREN = (2025, 2026)
# LibreOffice needs ~4 s per official workbook: keep the CI batch small. A wider sweep
# (N_INDIVIDUEEL=200, N_GROEP=40) was run by hand when the engine changed.
N_INDIVIDUEEL = 10
N_GROEP = 4
N_PAUZES = 4  # day programmes with pauses: only "Tijd tot", Wonen with ratio 0, functie without ratio


def _skip_reason() -> str | None:
    if libreoffice.soffice() is None:
        return "LibreOffice (soffice) ontbreekt"
    if not all(template(j).exists() for j in JAREN):
        return "officiële rekentools ontbreken in ../shared/reference"
    return None


def _cases() -> list[tuple[str, dict]]:
    rng = random.Random(20260101)
    cases = []
    for jaar in JAREN:
        for i in range(N_INDIVIDUEEL):
            soort = "preventief" if i % 5 == 4 else "individueel"
            cases.append((f"ind-{jaar}-{i:03d}", individueel(rng, jaar, soort)))
        for i in range(N_PAUZES):
            cases.append((f"pauze-{jaar}-{i:03d}", individueel(rng, jaar, "individueel", pauzes=True)))
        for code in ("Z071", "Z081"):  # VV7/VV8 with behandeling Nee: computed like the official tool
            a = individueel(rng, jaar, "individueel", pauzes=True)
            pc = laad_parameters(jaar).prestatiecodes[code]
            a["clienten"][0].update(zorgprofiel=pc.zorgprofiel, behandeling=pc.behandeling, dagbesteding=pc.dagbesteding)
            cases.append((f"{code}-{jaar}", a))
        for i in range(N_GROEP):
            cases.append((f"groep-{jaar}-{i:03d}", groep(rng, jaar, rng.randint(2, 17))))
    return cases


@pytest.fixture(scope="module")
def herberekend(tmp_path_factory):
    reason = _skip_reason()
    if reason:
        pytest.skip(reason)
    base = tmp_path_factory.mktemp("officieel")
    cases = _cases()
    paths = [vul_in(aanvraag, base / "in" / f"{naam}.xlsx") for naam, aanvraag in cases]
    out = libreoffice.recalculate(paths, base / "uit")
    return {naam: (aanvraag, _Boek(lees_rauw(path)), path) for (naam, aanvraag), path in zip(cases, out)}


class _Cel:
    def __init__(self, value):
        self.value = value


class _Boek:
    """wb[sheet][ref].value over the raw stored values."""

    def __init__(self, sheets):
        self.sheets = sheets

    def __getitem__(self, sheet):
        cells = self.sheets[sheet]
        return _Blad(cells)


class _Blad:
    def __init__(self, cells):
        self.cells = cells

    def __getitem__(self, ref):
        return _Cel(self.cells.get(ref))


def _days(value) -> float | None:
    if isinstance(value, dt.timedelta):
        return value.total_seconds() / 86400
    if isinstance(value, dt.datetime):
        return (value - dt.datetime(1899, 12, 30)).total_seconds() / 86400
    if isinstance(value, dt.time):
        return (value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6) / 86400
    if isinstance(value, (int, float)):
        return float(value)
    return None


def _vergelijk_client(c, label, uren, jaarbedrag, etmaalbedrag, waar: str) -> None:
    if c.meerzorguren is None:
        assert uren == "Valt binnen het reguliere zorgzwaartepakket", waar
        return
    assert seconds(_days(uren)) == seconds(c.meerzorguren), waar
    assert label == c.uitkomst_label, waar
    if c.jaarbedrag is None:
        assert jaarbedrag in (None, "", "Niet meerzorg waardig"), waar
    else:
        assert cents(jaarbedrag) == cents(c.jaarbedrag), waar
        assert cents(etmaalbedrag) == cents(c.etmaalbedrag), waar


@pytest.mark.parametrize("naam", [n for n, _ in _cases()])
def test_engine_gelijk_aan_officiele_rekentool(herberekend, naam):
    """Every outcome, meerzorguren and amount equals the official tool."""
    aanvraag, wb, _ = herberekend[naam]
    r = bereken(lees_aanvraag(aanvraag))
    assert not r.heeft_fout, r.meldingen
    if aanvraag["clienten"][0]["zorgprofiel"] in ("VV7", "VV8") and not (aanvraag["clienten"][0]["behandeling"] and aanvraag["clienten"][0]["dagbesteding"]):
        assert "altijd Ja in bij behandeling en dagbesteding" in " ".join(m.tekst for m in r.meldingen if m.niveau == "waarschuwing")
    voorblad = wb["Voorblad"]
    if aanvraag["soort"] == "groep":
        g = wb["Aanvraag-overzicht groep"]
        for i, c in enumerate(r.clienten):
            row = 19 + i
            q, s = g[f"Q{row}"].value, g[f"S{row}"].value
            jaar = s if c.uitkomst == "Maatwerk" else q
            _vergelijk_client(c, g[f"P{row}"].value, g[f"O{row}"].value, jaar, g[f"V{row}"].value, f"{naam} rij {row}")
    else:
        o = wb["Overzicht individueel "]
        c = r.clienten[0]
        jaar = o["E40"].value if c.uitkomst == "Maatwerk" else o["E39"].value
        _vergelijk_client(c, o["C39"].value, o["E38"].value, jaar, o["E41"].value, naam)
    if any(c.jaarbedrag is not None for c in r.clienten):
        assert cents(voorblad["G37"].value) == cents(r.totaal_jaarbedrag)
        assert cents(voorblad["G39"].value) == cents(r.totaal_etmaalbedrag)


@pytest.mark.parametrize("naam", [n for n, _ in _cases()])
def test_correct_ingevuld_officieel_formulier_is_ok(herberekend, naam):
    """A correctly filled official form (pauses, VV7/VV8 with Nee included) comes out of the
    checker OK: no fout, no afwijking; policy notes are waarschuwingen."""
    from xl_meerzorg.workbook.controle.controleer import controleer_bestand

    _, _, pad = herberekend[naam]
    u = controleer_bestand(pad)
    assert u["status"] == "OK", [(f["niveau"], f["cel"], f["tekst"]) for f in u["bevindingen"] if f["niveau"] != "waarschuwing"]
