"""The staff form (variant zorgkantoor-udf) evaluated by the ``formulas`` library with the
UDFs plugged in gives the engine's results, to the cent and the second.

``formulas`` parses and computes the cells of the built ``-udf.xlsx`` itself (the type
helper Voorblad!L23, the guards, the ``IF(E42="Maatwerk",...)`` choices, the Voorblad
totals); the ``MZ_*`` calls go to ``xl_meerzorg.udfs.meerzorg`` through a thin adapter that passes the
arguments as xlwings does (``tests/support/formulas_model.py``). The model holds only the
subgraph of the UDF cells (114 formulas, about 2 s to build, 0.2-0.4 s a case). The
Voorblad messages (B44-B49) hang on nearly all helper formulas of the form (about 1,150 of
its 1,287 formulas, about 10 s to build, 2 s a case): they get their own model, for the
latest year and a few cases.

Cases: a seeded sample of the generator (``gevallen.py``) per year, chosen to cover every
outcome kind for individual, preventief and group requests, maatwerk, the cap and the
context threshold on both sides, topped up at random; plus every invalid case of
``ongeldig()`` (a message, no number).
"""

from __future__ import annotations

import random
import re

import pytest

pytest.importorskip("formulas")

from tests.support.formulas_model import AANROEPEN, Formulier, reken_bestand  # noqa: E402
from tests.support.rauw import lees_rauw  # noqa: E402
from tests.workbook.gevallen import Geval, gevallen, groep, individueel, ongeldig  # noqa: E402
from tests.workbook.invullen import engine, vul  # noqa: E402
from xl_meerzorg.workbook.bouw import bouw_variant, formules  # noqa: E402
from xl_meerzorg.workbook.layout import (  # noqa: E402
    CLIENTGEGEVENS,
    GROEP,
    OVERZICHT_IND,
    TYPE_GROEP,
    TYPE_INDIVIDUEEL,
    TYPE_PREVENTIEF,
    VOORBLAD,
    ZORGKANTOOR_UDF,
)
from xl_meerzorg.workbook.officieel import CLIENT_RIJEN, GROEP_RIJ_OFFSET  # noqa: E402
from xl_meerzorg import beschikbare_jaren, laad_parameters  # noqa: E402
from xl_meerzorg.afronding import cents, seconds  # noqa: E402
from xl_meerzorg.model import FOUT, VALT_BINNEN  # noqa: E402
from xl_meerzorg.parameters.laden import UITKOMST_MAATWERK, UITKOMST_NMW  # noqa: E402

JAREN = beschikbare_jaren()
STEEKPROEF = 20  # valid cases per year (every outcome kind, then random)
GROEP_RIJEN = [r + GROEP_RIJ_OFFSET for r in CLIENT_RIJEN]
TOTALEN = [(VOORBLAD, "G37"), (VOORBLAD, "G39")]
MELDINGEN = [(VOORBLAD, f"B{r}") for r in range(44, 50)]
VOLLEDIG = "Het formulier is volledig ingevuld; de uitkomst en de bedragen zijn berekend."
ONVOLLEDIG = "Het formulier is nog niet volledig of bevat een fout"


def udf_cellen(jaar: int) -> list[tuple[str, str]]:
    """Every cell of the staff form whose formula calls a UDF, plus the Voorblad totals."""
    return sorted(c for c, f in formules(jaar, ZORGKANTOOR_UDF).items() if "MZ_" in f) + TOTALEN


@pytest.fixture(scope="module")
def formulier(tmp_path_factory):
    """formulier(jaar) -> the formulas model of the built staff form of that year (UDF cells)."""
    tmp = tmp_path_factory.mktemp("udf-formulas")
    modellen: dict[tuple[int, bool], Formulier] = {}

    def maak(jaar: int, met_meldingen: bool = False) -> Formulier:
        sleutel = (jaar, met_meldingen)
        if sleutel not in modellen:
            pad = bouw_variant(jaar, ZORGKANTOOR_UDF, tmp / f"{jaar}-{met_meldingen}")
            modellen[sleutel] = Formulier(pad, udf_cellen(jaar) + (MELDINGEN if met_meldingen else []))
        return modellen[sleutel]

    return maak


@pytest.fixture(scope="module")
def uitkomsten(formulier):
    """uitkomsten(jaar) -> [(case, {cell: value computed by formulas})] of the year's sample."""
    klaar: dict[int, list] = {}

    def reken(jaar: int) -> list:
        if jaar not in klaar:
            f = formulier(jaar)
            klaar[jaar] = [(g, f.reken(g.cellen)) for g in steekproef(jaar)]
        return klaar[jaar]

    return reken


# --------------------------------------------------------------------------- cases


def _kenmerken(g, jaar: int) -> set:
    """What a case covers: (soort, outcome kind), the cap, the context threshold, the tariff."""
    res, _ = engine(g, jaar)
    deel = "groep" if res.soort == "groep" else "individueel"  # preventief is an individual request
    uit = set()
    for c in res.clienten:
        kind = "profiel" if c.uitkomst and c.uitkomst.startswith("Meerzorgprofiel") else c.uitkomst
        uit.add((res.soort, kind))
        uit.add(("zorgprofiel", c.zorgprofiel))
        if c.gemaximeerd:
            uit.add((deel, "maximum"))
        if c.context_binnen_profiel:
            uit.add((deel, "context", c.context_binnen_profiel))
    if res.groep_context_binnen_profiel:
        uit.add((deel, "context", res.groep_context_binnen_profiel))
    uit.add(("tarief<100%", g.cellen.get((VOORBLAD, "C17"), 1.0) < 1))
    return uit


def steekproef(jaar: int, aantal: int = STEEKPROEF) -> list:
    """Greedy cover of every kenmerk of the generator's cases, topped up at random (seeded)."""
    alle = gevallen(laad_parameters(jaar), 200)
    kenmerken = {g.naam: _kenmerken(g, jaar) for g in alle}
    gekozen, gedekt = [], set()
    while True:
        beste = max(alle, key=lambda g: len(kenmerken[g.naam] - gedekt))
        if not kenmerken[beste.naam] - gedekt:
            break
        gekozen.append(beste)
        gedekt |= kenmerken[beste.naam]
    rest = [g for g in alle if g not in gekozen]
    gekozen += random.Random(jaar).sample(rest, max(0, aantal - len(gekozen)))
    return gekozen


# --------------------------------------------------------------------------- comparison


def _leeg(v) -> bool:
    return v is None or v == ""


def _uren(form, eng) -> bool:
    if eng is None:
        return form == VALT_BINNEN
    return isinstance(form, float) and seconds(form) == seconds(eng)


def _bedrag(form, eng) -> bool:
    if eng is None:
        return _leeg(form)
    return isinstance(form, float) and cents(form) == cents(eng)


def _zonder_budget(res) -> bool:
    """An individual/preventief request without a budget: the engine's total is 0.0."""
    return res.soort != "groep" and all(c.jaarbedrag is None for c in res.clienten)


# group columns O P Q S T V; individual E38 C39 E39 E40 E42 E41
SLEUTELS = ("mz", "label", "jaar", "maatwerk", "uitkomst", "etmaal")


def verschillen(g, uit: dict, jaar: int) -> list[str]:
    """Every difference between the staff form's UDF cells (computed by formulas) and the engine."""
    res, rijen = engine(g, jaar)
    if res.heeft_fout:
        return [f"engine fout: {[m.tekst for m in res.meldingen if m.niveau == FOUT]}"]
    out = []
    groep = g.cellen.get((VOORBLAD, "C23")) == TYPE_GROEP
    gebruikt = set()
    for i, c in enumerate(res.clienten):
        if groep:
            r = rijen[i] + GROEP_RIJ_OFFSET
            gebruikt.add(r)
            cel = {k: uit[(GROEP, f"{col}{r}")] for k, col in zip(SLEUTELS, "OPQSTV")}
            zzp = None
        else:
            cel = {k: uit[(OVERZICHT_IND, ref)] for k, ref in zip(SLEUTELS, ("E38", "C39", "E39", "E40", "E42", "E41"))}
            zzp = uit[(OVERZICHT_IND, "E37")]
        wie = f"cliënt {i + 1}"
        if cel["uitkomst"] != c.uitkomst:
            out.append(f"{wie} uitkomst {cel['uitkomst']!r} != {c.uitkomst!r}")
        if (cel["label"] or None) != c.uitkomst_label:
            out.append(f"{wie} label {cel['label']!r} != {c.uitkomst_label!r}")
        if not _uren(cel["mz"], c.meerzorguren):
            out.append(f"{wie} meerzorguren {cel['mz']!r} != {c.meerzorguren!r}")
        if zzp is not None and not _uren(zzp, c.zzp_uren):
            out.append(f"{wie} zzp-uren {zzp!r} != {c.zzp_uren!r}")
        maatwerk = c.uitkomst == UITKOMST_MAATWERK
        if maatwerk and cel["jaar"] != "Maatwerk":
            out.append(f"{wie} jaarbedrag toont {cel['jaar']!r} in plaats van 'Maatwerk'")
        jaarbedrag, ander = (cel["maatwerk"], None) if maatwerk else (cel["jaar"], cel["maatwerk"])
        if not _bedrag(jaarbedrag, c.jaarbedrag):
            out.append(f"{wie} jaarbedrag {jaarbedrag!r} != {c.jaarbedrag!r}")
        if not maatwerk and not _leeg(ander):
            out.append(f"{wie} maatwerkbedrag {ander!r} bij uitkomst {c.uitkomst!r}")
        if not _bedrag(cel["etmaal"], c.etmaalbedrag):
            out.append(f"{wie} etmaalbedrag {cel['etmaal']!r} != {c.etmaalbedrag!r}")
    for (blad, ref), v in uit.items():  # nothing in the rows and the part the request does not use
        r = int(re.sub(r"\D", "", ref))
        if blad == GROEP and r in GROEP_RIJEN and r not in gebruikt and not _leeg(v):
            out.append(f"lege rij {ref} toont {v!r}")
        if blad == OVERZICHT_IND and groep and not _leeg(v):
            out.append(f"Overzicht individueel {ref} toont {v!r} bij een groep")
    if groep:
        if not _bedrag(uit[(GROEP, "Q36")], res.totaal_jaarbedrag):
            out.append(f"groep totaal jaarbedrag {uit[(GROEP, 'Q36')]!r} != {res.totaal_jaarbedrag!r}")
        if not _bedrag(uit[(GROEP, "V36")], res.totaal_etmaalbedrag):
            out.append(f"groep totaal etmaalbedrag {uit[(GROEP, 'V36')]!r} != {res.totaal_etmaalbedrag!r}")
    totaal = {(VOORBLAD, "G37"): res.totaal_jaarbedrag, (VOORBLAD, "G39"): res.totaal_etmaalbedrag}
    for cel, eng in totaal.items():
        if not _bedrag(uit[cel], eng):
            out.append(f"Voorblad {cel[1]} {uit[cel]!r} != {eng!r}")
    return out


def verwachte_fout(g, jaar: int) -> str:
    """The text a UDF cell shows for invalid input: the engine's first fout (+ the number of others)."""
    res, _ = engine(g, jaar)
    fouten = [m.tekst for m in res.meldingen if m.niveau == FOUT]
    return f"Fout: {fouten[0]}" + (f" (+{len(fouten) - 1})" if len(fouten) > 1 else "")


# Invalid input the UDFs do not see (none since they get BSN and dates, 1 December 2026).
BUITEN_UDF: tuple[str, ...] = ()


def geen_getal(uit: dict) -> list[str]:
    return [f"{c} toont het getal {v!r}" for c, v in uit.items() if isinstance(v, (int, float))]


# --------------------------------------------------------------------------- tests


@pytest.mark.parametrize("jaar", JAREN)
def test_udf_cellen_via_formulas_als_engine(uitkomsten, jaar):
    gevallen_uit = uitkomsten(jaar)
    assert len(gevallen_uit) >= STEEKPROEF
    fouten = {g.naam: d for g, uit in gevallen_uit if (d := verschillen(g, uit, jaar))}
    assert fouten == {}


@pytest.mark.parametrize("jaar", JAREN)
def test_steekproef_dekt_alle_uitkomsten(jaar):
    kenmerken = set().union(*(_kenmerken(g, jaar) for g in steekproef(jaar)))
    p = laad_parameters(jaar)
    for soort in ("individueel", "groep"):
        for kind in (VALT_BINNEN, UITKOMST_NMW, "profiel", UITKOMST_MAATWERK):
            assert (soort, kind) in kenmerken, (soort, kind)
        assert (soort, "maximum") in kenmerken
        assert {(soort, "context", "Ja"), (soort, "context", "Nee")} <= kenmerken, soort
    assert ("preventief", "profiel") in kenmerken
    assert {("zorgprofiel", z) for z in p.zorgprofielen} <= kenmerken


@pytest.mark.parametrize("jaar", JAREN)
def test_ongeldige_invoer_geeft_melding_en_geen_bedrag(formulier, jaar):
    """Invalid input: no UDF cell and no Voorblad total shows a number; a filled request type
    shows the engine's first error ("Fout: ...") in its outcome cells."""
    f = formulier(jaar)
    fouten = {}
    for g in ongeldig(laad_parameters(jaar)):
        if g.naam.endswith(BUITEN_UDF):
            continue
        assert engine(g, jaar)[0].heeft_fout, g.naam
        uit = f.reken(g.cellen)
        d = geen_getal(uit)
        tekst = verwachte_fout(g, jaar)
        d += [f"{c} toont {v!r}, niet {tekst!r}" for c, v in uit.items() if not _leeg(v) and v != tekst]
        soort = g.cellen.get((VOORBLAD, "C23"))
        if soort == TYPE_GROEP:
            uitkomst = uit[(GROEP, "Q36")]
        elif soort in (TYPE_INDIVIDUEEL, TYPE_PREVENTIEF):
            uitkomst = uit[(OVERZICHT_IND, "E42")]
        else:  # no request type: every UDF cell stays empty, the Voorblad says what is missing
            uitkomst = tekst if all(_leeg(v) for v in uit.values()) else "niet leeg"
        if uitkomst != tekst:
            d.append(f"uitkomst {uitkomst!r}, niet {tekst!r}")
        if d:
            fouten[g.naam] = d
    assert fouten == {}


def test_voorblad_meldingen_via_formulas(formulier):
    """The whole check chain of the form (Voorblad B44-B49 over ~1,150 helper formulas) also
    runs in formulas: a message for invalid input, the "complete" status and the context
    warning for a valid group. (2 s a case: a few cases only.)"""
    jaar = JAREN[-1]
    p = laad_parameters(jaar)
    f = formulier(jaar, met_meldingen=True)
    per_naam = {g.naam.split("ongeldig-")[1]: g for g in ongeldig(p)}
    verwacht = {
        "leeg": "Algemeen: Kies op het Voorblad (C23) het type aanvraag.",  # no UDF cell shows anything here
        "groep-van-een": "Groep: Groepsmeerzorg vraagt u aan voor 2 of meer cliënten; deze aanvraag heeft er 1.",
    }
    for naam, melding in verwacht.items():
        uit = f.reken(per_naam[naam].cellen, MELDINGEN + TOTALEN)
        assert uit[(VOORBLAD, "B44")].startswith(ONVOLLEDIG), naam
        assert next(uit[c] for c in MELDINGEN[1:5] if uit[c]) == melding, naam
        assert not any(isinstance(uit[c], float) for c in TOTALEN), naam
    g = next(g for g in steekproef(jaar) if engine(g, jaar)[0].groep_context_binnen_profiel == "Nee")
    uit = f.reken(g.cellen)
    assert uit[(VOORBLAD, "B44")] == VOLLEDIG
    assert not any(uit[c] for c in MELDINGEN[1:5])
    assert uit[(VOORBLAD, "B49")].startswith("Let op: de contextgebonden middelen van de groep liggen boven de drempel")
    assert verschillen(g, {c: uit[c] for c in udf_cellen(jaar)}, jaar) == []


def test_rekent_echt_en_leest_geen_cache(formulier, uitkomsten):
    """The cached values in the file are "" (the empty form); formulas computes the UDF cells
    anew for every input: a lower tariff lowers the amounts, the UDFs are really called."""
    jaar = JAREN[-1]
    f = formulier(jaar)
    cache = lees_rauw(f.pad)
    assert {cache[OVERZICHT_IND].get("E41"), cache[GROEP].get("Q36")} <= {"", None}
    g = next(g for g in steekproef(jaar) if g.cellen[(VOORBLAD, "C23")] == TYPE_INDIVIDUEEL
             and engine(g, jaar)[0].clienten[0].jaarbedrag)  # fmt: skip
    voor = dict(AANROEPEN)
    vol = f.reken({**g.cellen, (VOORBLAD, "C17"): 1.0})
    lager = f.reken({**g.cellen, (VOORBLAD, "C17"): 0.8})
    assert AANROEPEN["MZ_INDIVIDUEEL"] >= voor["MZ_INDIVIDUEEL"] + 2
    assert isinstance(vol[(VOORBLAD, "G37")], float) and vol[(VOORBLAD, "G37")] > 0
    assert cents(lager[(VOORBLAD, "G37")]) == cents(vol[(VOORBLAD, "G37")] * 0.8)
    leeg = f.reken({})  # the form as distributed: nothing left over from the last case
    assert all(_leeg(v) for v in leeg.values())
    bedragen = [uit[(VOORBLAD, "G37")] for _g, uit in uitkomsten(jaar)]
    assert len({b for b in bedragen if isinstance(b, float)}) >= len(bedragen) * 2 // 3


def test_ingevuld_bestand_via_formulas(formulier, tmp_path):
    """A copy of the staff form filled by openpyxl (``vul``) and loaded by formulas as it is
    (no inputs set from outside the file): the engine's results. A group with maatwerk."""
    jaar = JAREN[-1]
    g = next(g for g in steekproef(jaar) if g.cellen[(VOORBLAD, "C23")] == TYPE_GROEP
             and any(c.uitkomst == UITKOMST_MAATWERK for c in engine(g, jaar)[0].clienten))  # fmt: skip
    [pad] = vul(formulier(jaar).pad, [g], tmp_path)
    uit = reken_bestand(pad, udf_cellen(jaar))
    assert any(isinstance(uit[(GROEP, f"S{r}")], float) for r in GROEP_RIJEN)
    assert verschillen(g, uit, jaar) == []


@pytest.mark.parametrize("jaar", JAREN)
def test_voorblad_totaal_zonder_budget(formulier, jaar):
    g = next(g for g in gevallen(laad_parameters(jaar), 60) if _zonder_budget(engine(g, jaar)[0]))
    res, _ = engine(g, jaar)
    assert (res.totaal_jaarbedrag, res.totaal_etmaalbedrag) == (0.0, 0.0)
    uit = formulier(jaar).reken(g.cellen, TOTALEN)
    assert (uit[(VOORBLAD, "G37")], uit[(VOORBLAD, "G39")]) == (0.0, 0.0)


def _buiten_udf(jaar: int) -> dict[str, Geval]:
    p = laad_parameters(jaar)
    bsn = next(g for g in ongeldig(p) if g.naam.endswith("bsn-ongeldig"))
    datum = individueel(random.Random(5), p, 1)
    datum.cellen.update({(CLIENTGEGEVENS, "F7"): 45000.0, (CLIENTGEGEVENS, "R7"): 40000.0})  # born after admission
    grp = groep(random.Random(3), p, 2)
    grp.cellen[(CLIENTGEGEVENS, "H8")] = "123456789"  # client 2: BSN fails the 11-proef
    return {"individueel-bsn": bsn, "individueel-geboortedatum-na-opname": datum, "groep-bsn-client-2": grp}


@pytest.mark.parametrize("naam", ["individueel-bsn", "individueel-geboortedatum-na-opname", "groep-bsn-client-2"])
def test_fout_buiten_de_udf_argumenten(formulier, naam):
    jaar = JAREN[-1]
    g = _buiten_udf(jaar)[naam]
    assert engine(g, jaar)[0].heeft_fout
    assert geen_getal(formulier(jaar).reken(g.cellen)) == []
