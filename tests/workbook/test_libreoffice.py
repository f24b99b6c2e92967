"""The built providers' form, filled with >= 200 generated cases per year and recalculated
by LibreOffice in one batch, gives the engine's results to the second and the cent; also
when the inputs are typed as text ("4:30", "1,5", "95%", "€ 5.000,00", "17-05-1990", ...).
The Voorblad says "volledig" exactly when the engine has no fout and nothing the checker
needs is missing, shows every unreadable input with what was typed, and the engine's
warnings as "Let op" without blocking the amounts."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor

import pytest

from tests.support.libreoffice import soffice
from tests.workbook.gevallen import ONVOLLEDIG, VOLLEDIG, gevallen, issue10, meldingen, ongeldig, ongeldige_datums, tekst_gevallen
from tests.workbook.invullen import engine, herbereken, vul
from xl_meerzorg.workbook.bouw import bouw
from xl_meerzorg.workbook.layout import TYPE_GROEP, VOORBLAD
from xl_meerzorg import beschikbare_jaren, laad_parameters
from xl_meerzorg.afronding import cents, seconds
from xl_meerzorg.model import VALT_BINNEN, WAARSCHUWING

pytestmark = [
    pytest.mark.libreoffice,
    pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is niet geïnstalleerd"),
]

AANTAL = 200
JAREN = beschikbare_jaren()


@pytest.fixture(scope="module")
def uitkomsten(tmp_path_factory):
    """{jaar: [(geval, bladen)]} after ONE LibreOffice run over all years' cases."""
    tmp = tmp_path_factory.mktemp("lo")
    per_jaar = {jaar: alle_gevallen(jaar) for jaar in JAREN}
    # fill the years in parallel processes (openpyxl saves are the slow part)
    with ProcessPoolExecutor(max_workers=2) as pool:
        delen = list(pool.map(_vul_jaar, [(jaar, tmp) for jaar in JAREN]))
    alle = [p for d in delen for p in d]
    res = herbereken(alle, tmp / "uit")
    return {jaar: [(g, res[g.naam]) for g in gs] for jaar, gs in per_jaar.items()}


def alle_gevallen(jaar: int):
    p = laad_parameters(jaar)
    basis = gevallen(p, AANTAL)
    return basis + tekst_gevallen(p, basis) + meldingen(p) + issue10(p) + ongeldig(p) + ongeldige_datums(p)


def _vul_jaar(arg):
    jaar, tmp = arg
    template = bouw(jaar, tmp / f"bouw{jaar}")[0]
    return vul(template, alle_gevallen(jaar), tmp / f"in{jaar}")


def _zelfde_uren(form, eng) -> bool:
    if eng is None:
        return form == VALT_BINNEN
    return isinstance(form, float) and seconds(form) == seconds(eng)


def _zelfde_bedrag(form, eng) -> bool:
    if eng is None:
        return form is None
    return isinstance(form, float) and cents(form) == cents(eng)


def verschillen(g, bladen, jaar) -> list[str]:
    res, rijen = engine(g, jaar)
    vb = bladen[VOORBLAD]
    out = []
    if res.heeft_fout:
        return [f"engine fout: {[m.tekst for m in res.meldingen if m.niveau == 'fout']}"]
    status = g.meldingen.get("B44", VOLLEDIG)
    if vb["B44"] != status:
        out.append(f"status {vb['B44']!r} {[vb[f'B{r}'] for r in range(45, 52)]}")
    if status == VOLLEDIG and any(vb[f"B{r}"] for r in range(45, 49)):
        out.append(f"melding bij een volledig formulier: {[vb[f'B{r}'] for r in range(45, 49)]}")
    # the engine's warnings appear as "Let op" (and only then)
    waarschuwingen = [m.tekst for m in res.meldingen if m.niveau == WAARSCHUWING and not m.onvolledig]
    onvolledig = [m.tekst for m in res.meldingen if m.niveau == WAARSCHUWING and m.onvolledig]
    if onvolledig and vb["B44"] != ONVOLLEDIG:
        out.append(f"de rekenkern vindt het formulier onvolledig ({onvolledig}), het formulier zegt {vb['B44']!r}")
    let_op = [vb[f"B{r}"] for r in range(49, 52) if vb[f"B{r}"]]
    controleur = "Let op: bij een individuele aanvraag telt alleen de cliënt op rij 7"  # the checker's, not the engine's
    if bool(waarschuwingen) != bool([t for t in let_op if not t.startswith(controleur)]) or not all(t.startswith("Let op: ") for t in let_op):
        out.append(f"waarschuwingen {waarschuwingen} maar Let op {let_op}")
    for cel, tekst in g.meldingen.items():
        if vb[cel] != tekst:
            out.append(f"{cel} {vb[cel]!r} != {tekst!r}")
    groep = str(g.cellen[(VOORBLAD, "C23")]).lower() in (TYPE_GROEP.lower(), "groep")
    for i, c in enumerate(res.clienten):
        if groep:
            b, r = bladen["Aanvraag-overzicht groep"], rijen[i] + 12
            mz, label, uitkomst = b[f"O{r}"], b[f"P{r}"], b[f"T{r}"]
            jaarbedrag = b[f"S{r}"] if c.uitkomst == "Maatwerk" else b[f"Q{r}"]
            tekst = b[f"Q{r}"]
            etmaal = b[f"V{r}"]
        else:
            b = bladen["Overzicht individueel"]
            mz, label, uitkomst = b["E38"], b["C39"], b["E42"]
            jaarbedrag = b["E40"] if c.uitkomst == "Maatwerk" else b["E39"]
            tekst = b["E39"]
            etmaal = b["E41"]
        wie = f"cliënt {i + 1}"
        if not _zelfde_uren(mz, c.meerzorguren):
            out.append(f"{wie} meerzorguren {mz!r} != {c.meerzorguren!r}")
        if uitkomst != c.uitkomst:
            out.append(f"{wie} uitkomst {uitkomst!r} != {c.uitkomst!r}")
        if label != c.uitkomst_label:
            out.append(f"{wie} label {label!r} != {c.uitkomst_label!r}")
        if c.uitkomst == "Maatwerk" and tekst != "Maatwerk":
            out.append(f"{wie} jaarbedrag toont {tekst!r} in plaats van 'Maatwerk'")
        if not _zelfde_bedrag(jaarbedrag, c.jaarbedrag):
            out.append(f"{wie} jaarbedrag {jaarbedrag!r} != {c.jaarbedrag!r}")
        if not _zelfde_bedrag(etmaal, c.etmaalbedrag):
            out.append(f"{wie} etmaalbedrag {etmaal!r} != {c.etmaalbedrag!r}")
    if not _zelfde_bedrag(vb["G37"], res.totaal_jaarbedrag):
        out.append(f"totaal jaarbedrag {vb['G37']!r} != {res.totaal_jaarbedrag!r}")
    if not _zelfde_bedrag(vb["G39"], res.totaal_etmaalbedrag):
        out.append(f"totaal etmaalbedrag {vb['G39']!r} != {res.totaal_etmaalbedrag!r}")
    return out


@pytest.mark.parametrize("jaar", JAREN)
def test_formulier_rekent_als_engine(uitkomsten, jaar):
    geldig = [(g, b) for g, b in uitkomsten[jaar] if not g.ongeldig and "-issue10-" not in g.naam]
    assert len(geldig) >= AANTAL
    fouten = {g.naam: d for g, b in geldig if (d := verschillen(g, b, jaar))}
    assert fouten == {}


@pytest.mark.parametrize("jaar", JAREN)
def test_issue10_pauzes_en_vv_nee(uitkomsten, jaar):
    """Pauses (only "Tijd tot"; Wonen with ratio 0), a functie without a ratio and a ratio
    without a functie, VV7/VV8 with behandeling Nee: the form computes them like the official
    rekentool, with the exact Voorblad ("Let op" where the policy has a concern)."""
    gevallen_ = [(g, b) for g, b in uitkomsten[jaar] if "-issue10-" in g.naam]
    assert len(gevallen_) == (27 if jaar >= 2026 else 22)
    for g, b in gevallen_:  # the form side
        assert {c: b[VOORBLAD][c] for c in g.meldingen} == g.meldingen, g.naam
        assert isinstance(b[VOORBLAD]["G37"], float) and b[VOORBLAD]["G37"] > 0, g.naam
    assert {g.naam: d for g, b in gevallen_ if (d := verschillen(g, b, jaar))} == {}
    # the engine's waarschuwingen appear on the Voorblad with the same text
    for g, b in gevallen_:
        if g.als_engine:
            res, _ = engine(g, jaar)
            verwacht = sorted("Let op: " + m.tekst for m in res.meldingen if m.niveau == WAARSCHUWING and not m.onvolledig)
            assert 1 <= len(verwacht) <= 3, (g.naam, verwacht)
            assert sorted(b[VOORBLAD][f"B{r}"] for r in range(49, 49 + len(verwacht))) == verwacht, g.naam


@pytest.mark.parametrize("jaar", JAREN)
def test_tekst_invoer_rekent_als_engine(uitkomsten, jaar):
    """Inputs typed as text (durations, times, ratios, percentages, euros, dates, Ja/Nee as
    WAAR/ONWAAR) give the same results as the engine reading the same cells."""
    tekst = [(g, b) for g, b in uitkomsten[jaar] if "-tekst-ind-" in g.naam or "-tekst-grp-" in g.naam]
    assert len(tekst) >= 30 and any("-tekst-grp-" in g.naam for g, _ in tekst)
    assert all(isinstance(b[VOORBLAD]["G37"], float) for g, b in tekst)
    assert {g.naam: d for g, b in tekst if (d := verschillen(g, b, jaar))} == {}


@pytest.mark.parametrize("jaar", JAREN)
def test_voorblad_status_en_let_op(uitkomsten, jaar):
    """Status, what is missing and the "Let op" lines of requests the engine computes."""
    gevallen_ = {g.naam.split("melding-")[1]: (g, b) for g, b in uitkomsten[jaar] if "-melding-" in g.naam}
    assert len(gevallen_) >= 12
    for naam, (g, b) in gevallen_.items():
        assert {c: b[VOORBLAD][c] for c in g.meldingen} == g.meldingen, naam
        res, _ = engine(g, jaar)
        assert not res.heeft_fout and isinstance(b[VOORBLAD]["G37"], float), naam
    assert gevallen_["geen-bsn"][1][VOORBLAD]["B44"] == ONVOLLEDIG


@pytest.mark.parametrize("jaar", JAREN)
def test_gevallen_dekken_alle_regels(uitkomsten, jaar):
    """The generated cases reach every zorgprofiel, every band, maatwerk, the cap and
    the context threshold on both sides."""
    p = laad_parameters(jaar)
    profielen, uitkomsten_per_zp, gemaximeerd, context = set(), set(), 0, set()
    groepen = preventief = 0
    for g, _b in uitkomsten[jaar]:
        if g.ongeldig:
            continue
        res, _ = engine(g, jaar)
        groepen += res.soort == "groep"
        preventief += res.soort == "preventief"
        for c in res.clienten:
            profielen.add(c.zorgprofiel)
            uitkomsten_per_zp.add((c.zorgprofiel, c.uitkomst))
            gemaximeerd += bool(c.gemaximeerd)
            if c.context_binnen_profiel:
                context.add(c.context_binnen_profiel)
        if res.groep_context_binnen_profiel:
            context.add(res.groep_context_binnen_profiel)
    assert profielen == set(p.zorgprofielen)
    alle_banden = {(z.naam, b.uitkomst) for z in p.zorgprofielen.values() for b in z.banden}
    gemist = alle_banden - uitkomsten_per_zp
    assert gemist == set()
    assert any(u == VALT_BINNEN for _, u in uitkomsten_per_zp)
    assert gemaximeerd >= 5
    assert {"Ja", "Nee"} <= context
    assert groepen >= 40 and preventief >= 15


@pytest.mark.parametrize("jaar", JAREN)
def test_ongeldige_invoer_geeft_melding_en_geen_bedrag(uitkomsten, jaar):
    for g, b in uitkomsten[jaar]:
        if not g.ongeldig:
            continue
        res, _ = engine(g, jaar)
        assert res.heeft_fout, g.naam
        vb = b[VOORBLAD]
        assert vb["B44"].startswith("Het formulier is nog niet volledig of bevat een fout"), (g.naam, vb["B44"])
        assert any(vb[f"B{r}"] for r in range(45, 49)), g.naam
        for cel, tekst in g.meldingen.items():
            assert vb[cel] == tekst, (g.naam, cel)
        assert vb["G37"] is None and vb["G39"] is None, g.naam
        for cel in ("E38", "E39", "E40", "E41"):
            assert b["Overzicht individueel"][cel] is None, (g.naam, cel)


@pytest.mark.parametrize("jaar", JAREN)
def test_libreoffice_heeft_echt_herberekend(uitkomsten, jaar):
    """Outputs change with the input: many different amounts over the cases."""
    bedragen = {b[VOORBLAD]["G37"] for g, b in uitkomsten[jaar] if not g.ongeldig}
    assert len(bedragen) > AANTAL // 2
    assert all(isinstance(x, float) for x in bedragen)


FOUTWAARDEN = ("#VALUE!", "#N/A", "#REF!", "#DIV/0!", "#NAME?", "#NUM!", "Err:")


@pytest.mark.parametrize("jaar", JAREN)
def test_geen_foutwaarden_in_het_formulier(uitkomsten, jaar):
    """No cell of the read sheets shows a spreadsheet error, also for invalid and empty forms."""
    fout = [(g.naam, blad, r + 1, c + 1, tekst)
            for g, bladen in uitkomsten[jaar] for blad, b in bladen.items()
            for r, rij in enumerate(b.rows) for c, tekst in enumerate(rij) if tekst.startswith(FOUTWAARDEN)]  # fmt: skip
    assert fout == []


@pytest.mark.parametrize("jaar", JAREN)
def test_leeg_formulier_vraagt_om_invoer(uitkomsten, jaar):
    """The form as distributed: status message, the first missing input, no amounts."""
    [(g, b)] = [(g, b) for g, b in uitkomsten[jaar] if g.naam.endswith("ongeldig-leeg")]
    vb = b[VOORBLAD]
    assert vb["B44"] == "Het formulier is nog niet volledig of bevat een fout; zie de melding hieronder. Er worden geen bedragen berekend."
    assert vb["B45"] == "Algemeen: Kies op het Voorblad (C23) het type aanvraag."
    assert vb["G37"] is None and vb["G39"] is None


def test_meldingen_zijn_nederlands(uitkomsten):
    jaar = JAREN[-1]
    eerste = {g.naam.split("ongeldig-")[1]: next(b[VOORBLAD][f"B{r}"] for r in range(45, 49) if b[VOORBLAD][f"B{r}"])
                 for g, b in uitkomsten[jaar] if g.ongeldig}  # fmt: skip
    assert eerste["tekst-in-nachtzorg"] == 'Uren: Nachtzorg (I5): "vier uur" is geen geldige tijdsduur; vul uren:minuten in, bijvoorbeeld 4:30 of 40:00.'
    assert eerste["tarief-boven-1"] == "Algemeen: Het tariefpercentage (Voorblad C17) ligt boven 100% (vul bijvoorbeeld 95% in)."
    assert eerste["geen-type"] == "Algemeen: Kies op het Voorblad (C23) het type aanvraag."
    assert eerste["onbekend-zorgprofiel"].startswith("Cliëntgegevens: Cliënt 1 (Cliënt 900): onbekend zorgprofiel 'VG9'")
    assert eerste["groep-van-een"] == "Groep: Groepsmeerzorg vraagt u aan voor 2 of meer cliënten; deze aanvraag heeft er 1."
