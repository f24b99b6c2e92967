"""The sheets Verhuisformulier and Totaal overzicht meerzorg (workbook/verhuis.py, totaal.py).

Structure: present in both variants after the group sheet, the official columns and input
addresses, inputs unlocked, formulas present and reading only cells the form computes or
the provider fills. Recalculated in LibreOffice (providers' form): the Verhuisformulier
amounts for the chosen BSN equal ``regels.verhuis.verhuis`` on the engine's result to the
cent, and every Totaal overzicht row equals the engine's result for that client."""

from __future__ import annotations

import csv
import datetime as dt
import random
import re
import warnings
from pathlib import Path

import openpyxl
import pytest

from tests.support.libreoffice import soffice
from tests.workbook.gevallen import Geval, _sec, _target_uren, _volledig, bsn, individueel, prestatiecodes
from tests.workbook.invullen import GETAL, Blad, engine, herbereken, vul
from xl_meerzorg import beschikbare_jaren, laad_parameters
from xl_meerzorg.afronding import cents, seconds
from xl_meerzorg.regels.verhuis import verhuis
from xl_meerzorg.workbook import formules as fm
from xl_meerzorg.workbook import totaal as tot
from xl_meerzorg.workbook import verhuis as vh
from xl_meerzorg.workbook.bouw import bouw, exacte_getallen, formules
from xl_meerzorg.workbook.layout import (
    AANVRAAG_IND,
    BLADEN,
    CLIENTGEGEVENS,
    GROEP,
    INVOER,
    TOTAAL,
    TYPE_GROEP,
    TYPE_INDIVIDUEEL,
    TYPE_PREVENTIEF,
    VARIANTEN,
    VERHUIS,
    VOORBLAD,
)
from xl_meerzorg.workbook.officieel import GROEP_RIJ_OFFSET

JAREN = beschikbare_jaren()
REFERENTIE = Path(__file__).resolve().parents[2] / ".." / "shared" / "reference"
OFFICIEEL = {2025: REFERENTIE / "aanvraagformulier-meerzorg-rekentool-2025.xlsx", 2026: REFERENTIE / "Aanvraag_formulier_meerzorg_Rekentool_2026.xlsx"}
# the inputs of the official Verhuisformulier (2025.01 and 2026.01)
OFFICIELE_INVOER = ("E6", "E8", "C21", "C22", "C23", "C24", "G22", "G23", "G24", "C28", "C36", "C38", "B55", "F55", "B61", "F61")


@pytest.fixture(scope="module")
def boeken(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("bouw")
    out = {}
    for jaar in JAREN:
        for pad, variant in zip(bouw(jaar, tmp / str(jaar)), VARIANTEN):
            out[(jaar, variant)] = openpyxl.load_workbook(pad)
    return out


def _officieel(jaar: int):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return openpyxl.load_workbook(OFFICIEEL[jaar])


def _kleur(c):
    k = c.fill.fgColor
    return k.rgb if k.type == "rgb" else (k.theme, round(k.tint, 6))


@pytest.mark.parametrize("jaar", JAREN)
@pytest.mark.parametrize("variant", VARIANTEN)
def test_bladen_kolommen_en_invoer(boeken, jaar, variant):
    wb = boeken[(jaar, variant)]
    namen = wb.sheetnames
    assert namen.index(VERHUIS) == namen.index(GROEP) + 1 and namen.index(TOTAAL) == namen.index(VERHUIS) + 1
    assert VERHUIS in BLADEN and TOTAAL in BLADEN
    off = _officieel(jaar)
    # the official columns, in order, with their headers
    for col in list(tot.KOPPEN)[:-1]:
        assert wb[TOTAAL][f"{col}1"].value == off["Totaal overzicht meerzorg"][f"{col}1"].value.strip(), col
    assert wb[TOTAAL]["AE1"].value == "Uitkomst (beleid)"
    # every official input at its address, unlocked, with the input fill and a validation
    ws = wb[VERHUIS]
    onze = {i.cel for i in INVOER if i.blad == VERHUIS}
    for cel in OFFICIELE_INVOER:
        assert off["Verhuisformulier"][cel].protection.locked is False, cel
        assert ws[cel].protection.locked is False, cel
        assert _kleur(ws[cel]) == _kleur(off["Verhuisformulier"][cel]), cel
        if cel in vh.HANDTEKENINGEN:  # empty, white boxes of 5 rows, no validation
            assert cel not in onze and ws[cel].value is None and ws[cel].fill.fill_type is None
            assert vh.HANDTEKENINGEN[cel] in {str(m) for m in ws.merged_cells.ranges}
        else:
            assert cel in onze, cel
            assert [dv for dv in ws.data_validations.dataValidation if cel in dv.sqref], cel
    assert ws.protection.sheet and wb[TOTAAL].protection.sheet
    assert wb.defined_names["mz_verhuis_jaarbedrag"].attr_text == "'Verhuisformulier'!$G$42"
    assert wb.defined_names["mz_verhuis_bsn"].attr_text == "'Verhuisformulier'!$C$28"


@pytest.mark.parametrize("jaar", JAREN)
@pytest.mark.parametrize("variant", VARIANTEN)
def test_formules_aanwezig(boeken, jaar, variant):
    wb = boeken[(jaar, variant)]
    f = formules(jaar, variant)
    for cel in ("C12", "G12", "G14", "C30", "C32", "C34", "C40", "C42", "C43", "C44", "G40", "G42", "G44", vh.STATUS):
        assert str(wb[VERHUIS][cel].value).startswith("="), cel
        assert (VERHUIS, cel) in f
    for t in tot.RIJEN:
        for col in list(tot.KOPPEN) + list(tot.VERBORGEN):
            assert str(wb[TOTAAL][f"{col}{t}"].value).startswith("="), (col, t)
    # the 17th client is looked up too; the old zorgkantoor is the Voorblad's zorgkantoor block
    assert "$AF$7:$AF$23" in f[(VERHUIS, "L29")]
    assert tot.invoer("mz_zorgkantoor_contactpersoon") in f[(VERHUIS, "G14")]
    assert tot.invoer("mz_coordinator") not in f[(VERHUIS, "G14")] and tot.invoer("mz_coordinator") in f[(VERHUIS, "C14")]
    assert f[(TOTAAL, "G18")].count("$D$23") == 2


REF = re.compile(r"(?:'([^']+)'|([A-Za-z]+))!\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?")


def _kol(s: str) -> int:
    n = 0
    for ch in s:
        n = n * 26 + ord(ch) - 64
    return n


def _letters(n: int) -> str:
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


@pytest.mark.parametrize("variant", VARIANTEN)
def test_bronnen_zijn_cellen_van_het_formulier(variant):
    """Every cell the two sheets read on another sheet is a formula cell of the form or an
    input: a moved cell of another sheet makes this fail instead of reading an empty cell."""
    jaar = JAREN[-1]
    f = formules(jaar, variant)
    invoer = {(i.blad, i.cel) for i in INVOER}
    gezien = 0
    for (blad, _cel), formule in f.items():
        if blad not in (VERHUIS, TOTAAL):
            continue
        for m in REF.finditer(formule):
            sheet = m.group(1) or m.group(2)
            if sheet in (VERHUIS, TOTAAL):
                continue
            c1, r1, c2, r2 = m.group(3), int(m.group(4)), m.group(5) or m.group(3), int(m.group(6) or m.group(4))
            for c in range(_kol(c1), _kol(c2) + 1):
                for r in range(r1, r2 + 1):
                    ref = (sheet, f"{_letters(c)}{r}")
                    assert ref in f or ref in invoer, (blad, _cel, ref)
                    gezien += 1
    assert gezien > 1000


# --------------------------------------------------------------------------- LibreOffice

MAATWERK_BOVEN = 0.5  # days a week above the maatwerk lower bound


VOORBLAD_GEGEVENS = {"mz_zorgaanbieder": "Zorg B.V.", "mz_coordinator": "A. Coördinator", "mz_zorgkantoor": "Zorgkantoor Zuid",
                     "mz_zorgkantoor_contactpersoon": "Z. Kantoor"}  # fmt: skip


def _invoer_cel(naam: str) -> tuple[str, str]:
    inv = next(i for i in INVOER if i.naam == naam)
    return inv.blad, inv.cel


def _groep(p, nr: int, n: int, verhuis_client: int, bsn_als_getal: bool = False) -> Geval:
    """A group of ``n`` clients, every zorgprofiel in turn, the last one maatwerk; context
    hours and euros above the threshold. The Verhuisformulier gets the BSN of client
    ``verhuis_client``."""
    rnd = random.Random(nr)
    g = Geval(f"{p.jaar}-verhuis-grp-{nr:02d}")
    c = g.cellen
    c[(VOORBLAD, "C23")] = TYPE_GROEP
    c[(VOORBLAD, "C17")] = 0.95
    c[(VOORBLAD, "C24")] = "De Linde, groep 2"
    pcs = prestatiecodes(p)
    for i in range(n):
        r = 7 + i
        gr = r + GROEP_RIJ_OFFSET
        _key, pc = pcs[(i * 5 + nr) % len(pcs)]
        zp = p.zorgprofielen[pc.zorgprofiel]
        c[(CLIENTGEGEVENS, f"D{r}")] = f"Cliënt {nr}-{i + 1}"
        c[(CLIENTGEGEVENS, f"J{r}")] = zp.naam
        c[(CLIENTGEGEVENS, f"L{r}")] = "Ja" if pc.dagbesteding else "Nee"
        c[(CLIENTGEGEVENS, f"N{r}")] = "Ja" if pc.behandeling else "Nee"
        c[(CLIENTGEGEVENS, f"F{r}")] = f"{1 + i:02d}-05-19{50 + i}"
        c[(CLIENTGEGEVENS, f"T{r}")] = 46023 + i
        dagb = _sec(rnd.uniform(0, 1.2))
        nacht = _sec(rnd.uniform(0, 0.5))
        behandelaren = _sec(rnd.uniform(0, 0.3))
        target = zp.banden[-1].van + MAATWERK_BOVEN if i == n - 1 else _target_uren(rnd, zp, "onder" if i == 1 else "")
        rest = (dagb if pc.dagbesteding else 0) + nacht + (p.behandelfactor.waarde * behandelaren if pc.behandeling else 0)
        rest += zp.indirecte_uren
        c[(GROEP, f"D{gr}")] = max(0.0, _sec(target + pc.uren_per_week - rest))
        c[(GROEP, f"E{gr}")] = dagb
        c[(GROEP, f"F{gr}")] = nacht
        c[(GROEP, f"H{gr}")] = behandelaren
    c[(GROEP, "C8")] = _sec(120 / 24)
    c[(GROEP, "B11")] = "Extra begeleiding bij uitstapjes"
    c[(GROEP, "C11")] = 150000.0
    c[(GROEP, "C12")] = "€ 2.500,50"
    _volledig(c, nr, n, p)
    for naam, waarde in VOORBLAD_GEGEVENS.items():
        c[_invoer_cel(naam)] = waarde
    b = c[(CLIENTGEGEVENS, f"H{6 + verhuis_client}")]
    c[(VERHUIS, "C28")] = int(b) if bsn_als_getal else b
    c[(VERHUIS, "C38")] = "01-03-2026"
    return g


def _individueel(p, nr: int, target_boven: float | None, preventief: bool, euros: float | None = None, zp_naam: str = "VG7") -> Geval:
    rnd = random.Random(100 + nr)
    pc = next(pc for _key, pc in prestatiecodes(p) if pc.zorgprofiel == zp_naam)
    zp = p.zorgprofielen[pc.zorgprofiel]
    target = None if target_boven is None else zp.banden[-1].van + target_boven
    g = individueel(rnd, p, nr, preventief=preventief, pc=pc, target=target if target is not None else zp.banden[2].van + 0.01)
    g.naam = f"{p.jaar}-verhuis-ind-{nr:02d}"
    g.cellen.pop((AANVRAAG_IND, "V5"), None)
    g.cellen.pop((AANVRAAG_IND, "V6"), None)
    if euros is not None:
        g.cellen[(AANVRAAG_IND, "N5")] = "Vervoer"
        g.cellen[(AANVRAAG_IND, "V5")] = euros
    g.cellen[(VERHUIS, "C28")] = g.cellen[(CLIENTGEGEVENS, "H7")]
    return g


def _nieuwe_aanbieder(p):
    from xl_meerzorg.workbook import zorgaanbieders

    return next(r for r in zorgaanbieders.laad(p.jaar).registraties if r.zorgkantoor)


def _gevallen(p) -> list[Geval]:
    out = [
        _groep(p, 1, 17, 17, bsn_als_getal=True),  # the 17th client, maatwerk, BSN typed as a number
        _groep(p, 2, 17, 3),
        _groep(p, 3, 4, 1),
        _individueel(p, 4, MAATWERK_BOVEN, preventief=True),  # preventive maatwerk (official: 0)
        _individueel(p, 5, None, preventief=False, euros=90000.0, zp_naam="VG5"),  # a profile, context euros above the threshold
        _individueel(p, 6, 12.0, preventief=False, zp_naam="VV7"),  # maatwerk above the maximum etmaalbedrag
        _individueel(p, 7, MAATWERK_BOVEN, preventief=False, euros=1000.0, zp_naam="LG7"),
    ]
    # the new provider by its NZa number (E8): name and zorgkantoor from the year's NZa list
    # (the filled copies lose the pre-filled formulas, so they are written back)
    nieuw = out[2]
    reg = _nieuwe_aanbieder(p)
    nieuw.cellen[(VERHUIS, "E8")] = str(reg.nza_nummer)
    nieuw.cellen.update(vh.voorgevuld(p))
    onbekend = _groep(p, 8, 3, 1)
    onbekend.cellen[(VERHUIS, "C28")] = bsn(999999)
    onbekend.cellen[(VOORBLAD, "E4")] = "300-1234"
    leeg = _groep(p, 9, 3, 1)
    del leeg.cellen[(VERHUIS, "C28")]
    fout = _groep(p, 11, 3, 2)  # a fout on the Voorblad: no amounts, the identity columns stay
    fout.cellen[(VOORBLAD, "C17")] = "veel"
    fout.naam = f"{p.jaar}-verhuis-fout-11"
    telt_niet = _individueel(p, 12, MAATWERK_BOVEN, preventief=False)  # the BSN of row 8 of an individual request
    telt_niet.cellen[(CLIENTGEGEVENS, "D8")] = "Niet mee"
    telt_niet.cellen[(CLIENTGEGEVENS, "H8")] = bsn(77)
    telt_niet.cellen[(VERHUIS, "C28")] = bsn(77)
    telt_niet.naam = f"{p.jaar}-verhuis-telt-niet-12"
    return out + [onbekend, leeg, fout, telt_niet]


NUMERIEK_VERHUIS = ("C32", "C42", "C43", "C44", "G40", "G42", "G44")


def _lees(uit: Path, stem: str, blad: str) -> Blad:
    with (uit / f"{stem}-{blad}.csv").open(encoding="utf-8", newline="") as fh:
        return Blad(list(csv.reader(fh)))


@pytest.fixture(scope="module")
def herberekend(tmp_path_factory):
    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is niet geïnstalleerd")
    tmp = tmp_path_factory.mktemp("lo_verhuis")
    alle, paden = [], []
    for jaar in JAREN:  # every year, one LibreOffice run
        p = laad_parameters(jaar)
        sjabloon = bouw(jaar, tmp / f"bouw{jaar}")[0]
        wb = openpyxl.load_workbook(sjabloon)
        for cel in NUMERIEK_VERHUIS:
            wb[VERHUIS][cel].number_format = GETAL
        for t in tot.RIJEN:
            for col in tot.UREN + tot.EURO + tot.DATUMS + (tot.MEERZORGUREN,):
                wb[TOTAAL][f"{col}{t}"].number_format = GETAL
        sjabloon = tmp / f"sjabloon{jaar}.xlsx"
        with exacte_getallen():
            wb.save(sjabloon)
        gevallen = _gevallen(p)
        paden += vul(sjabloon, gevallen, tmp / "in")
        alle += [(p, g) for g in gevallen]
    herbereken(paden, tmp / "uit")
    return [(p, g, _lees(tmp / "uit", g.naam, VERHUIS), _lees(tmp / "uit", g.naam, TOTAAL)) for p, g in alle]


def _verhuis_engine(p, c, tarief: float):
    zp = p.zorgprofielen[c.zorgprofiel]
    bedrag = next((b.bedrag for b in zp.banden if b.label == c.uitkomst_label), None)
    return verhuis(c.uitkomst, c.meerzorguren, bedrag, zp.maatwerk_uurbudget, p.maximum_etmaalbedrag.waarde, tarief)


def _bedrag(form, eng) -> bool:
    if eng is None:
        return form is None
    return isinstance(form, float) and cents(form) == cents(eng)


def _uren(form, eng_dagen) -> bool:
    if eng_dagen is None:
        return form is None
    return isinstance(form, float) and seconds(form / 24) == seconds(eng_dagen)


@pytest.mark.libreoffice
def test_verhuisformulier_gelijk_aan_de_rekenkern(herberekend):
    gezien = set()
    for p, g, vb, _to in herberekend:
        res, rijen = engine(g, p.jaar)
        bsn_c28 = g.cellen.get((VERHUIS, "C28"))
        clienten = {str(g.cellen.get((CLIENTGEGEVENS, f"H{r}"))): i for i, r in enumerate(rijen)}
        if res.heeft_fout:
            assert vb["E28"] == "Het formulier bevat nog een fout (zie het Voorblad); er worden geen bedragen berekend.", g.naam
            assert vb["C30"] == g.cellen[(CLIENTGEGEVENS, "D8")]
            assert [vb[c] for c in ("C40", "C42", "C43", "C44", "G40", "G42", "G44")] == [None] * 7
            gezien.add("fout")
            continue
        if g.cellen.get((CLIENTGEGEVENS, "D8")) == "Niet mee":
            assert vb["E28"] == "De cliënt met dit BSN (Clientgegevens rij 8) telt bij deze aanvraag niet mee; bij een individuele aanvraag telt alleen rij 7.", g.naam
            assert [vb[c] for c in ("C40", "C42", "C44", "G42", "G44")] == [None] * 5
            gezien.add("telt niet")
            continue
        if bsn_c28 is None:
            assert vb["E28"] == "Vul het BSN in van de cliënt die verhuist (een BSN van het blad Clientgegevens).", g.naam
            assert [vb[c] for c in ("C30", "C40", "C42", "C44", "G42", "G44")] == [None] * 6
            gezien.add("leeg")
            continue
        if f"{int(bsn_c28):09d}" not in clienten:
            assert vb["E28"] == f"Er staat geen cliënt met BSN {bsn_c28} op het blad Clientgegevens (rij 7 tot en met 23).", g.naam
            assert [vb[c] for c in ("C30", "C40", "C42", "C44", "G42", "G44")] == [None] * 6
            gezien.add("onbekend")
            continue
        i = clienten[f"{int(bsn_c28):09d}"]
        c = res.clienten[i]
        tarief = g.cellen[(VOORBLAD, "C17")]
        v = _verhuis_engine(p, c, tarief)
        assert vb["C30"] == g.cellen[(CLIENTGEGEVENS, f"D{rijen[i]}")], g.naam
        if (VERHUIS, "E8") in g.cellen:
            reg = _nieuwe_aanbieder(p)
            assert (vb["C20"], vb["G21"]) == (reg.zorgaanbieder, reg.zorgkantoor), g.naam
            assert vb["G20"] == reg.verzekeraar, g.naam
            gezien.add("nieuwe aanbieder")
        if g.cellen[(VOORBLAD, "C23")] == TYPE_GROEP:  # the old provider and zorgkantoor: the Voorblad
            assert (vb["C12"], vb["C14"], vb["G12"], vb["G14"], vb["C13"]) == ("Zorg B.V.", "A. Coördinator", "Zorgkantoor Zuid", "Z. Kantoor", None)
        assert vb["C34"] == c.zorgprofiel
        assert vb["C40"] == c.uitkomst, g.naam
        assert vb["G40"] == tarief
        if v is None:
            assert vb["E28"] == f"Deze cliënt heeft geen meerzorgbudget ({c.uitkomst}); er is niets over te dragen.", g.naam
            assert [vb[c] for c in ("C42", "C43", "C44", "G42", "G44")] == [None] * 5
            gezien.add("geen budget")
            continue
        assert vb["E28"] is None, (g.naam, vb["E28"])
        assert _bedrag(vb["C42"], v.jaar_100), (g.naam, vb["C42"], v)
        assert _bedrag(vb["C44"], v.etmaal_100), (g.naam, vb["C44"], v)
        assert _bedrag(vb["G42"], v.jaarbedrag), (g.naam, vb["G42"], v)
        assert _bedrag(vb["G44"], v.etmaalbedrag), (g.naam, vb["G44"], v)
        assert seconds(vb["C43"]) == seconds(c.meerzorguren)
        assert vb["E45"] == ("Het maximum etmaalbedrag is toegepast." if v.gemaximeerd else None)
        gezien.add(c.uitkomst if c.uitkomst == "Maatwerk" else "profiel")
        if i == 16:
            gezien.add("17e cliënt")
        if g.cellen[(VOORBLAD, "C23")] == TYPE_PREVENTIEF and c.uitkomst == "Maatwerk":
            assert vb["C44"] > 0
            gezien.add("preventief maatwerk")
        if v.gemaximeerd:
            gezien.add("maximum")
        if c.context_boven_drempel:
            assert vb["G42"] < c.jaarbedrag  # without the context euros
            gezien.add("context")
    assert gezien == {"leeg", "onbekend", "geen budget", "nieuwe aanbieder", "fout", "telt niet", "Maatwerk", "profiel", "17e cliënt", "preventief maatwerk", "maximum", "context"}


@pytest.mark.libreoffice
def test_totaal_overzicht_gelijk_aan_de_rekenkern(herberekend):
    for p, g, _vb, to in herberekend:
        res, rijen = engine(g, p.jaar)
        groep = g.cellen[(VOORBLAD, "C23")] == TYPE_GROEP
        if res.heeft_fout:  # the identity columns, no calculated ones
            for i, r in enumerate(rijen):
                t = tot.rij(i + 1)
                assert to[f"G{t}"] == g.cellen[(CLIENTGEGEVENS, f"D{r}")]
                assert all(to[f"{col}{t}"] is None for col in list("LMNOPQRSTUVWXYZ") + ["AA", "AB", "AC", "AE"]), g.naam
            continue
        for i, c in enumerate(res.clienten):
            t = tot.rij(i + 1)
            r = rijen[i]
            wie = (g.naam, i + 1)
            e4 = g.cellen[(VOORBLAD, "E4")]
            assert to[f"A{t}"] == (e4 if e4.startswith("300-") else "300-" + e4), wie  # "300-1234" gets no second "300-"
            assert to[f"B{t}"] == g.cellen[_invoer_cel("mz_sector")], wie
            assert to[f"D{t}"] == (VOORBLAD_GEGEVENS["mz_zorgaanbieder"] if groep else None), wie
            assert to[f"E{t}"] == g.cellen[(VOORBLAD, "C23")], wie
            assert to[f"F{t}"] == ("De Linde, groep 2" if groep else "N.V.T."), wie
            assert to[f"G{t}"] == g.cellen[(CLIENTGEGEVENS, f"D{r}")], wie
            assert f"{int(to[f'H{t}']):09d}" == f"{int(g.cellen[(CLIENTGEGEVENS, f'H{r}')]):09d}", wie
            assert to[f"J{t}"] == c.zorgprofiel, wie
            for col, waarde in zip("LMNOPQR", (c.wonen, c.dagbesteding, c.nachtzorg, c.behandeling, c.context_uren, c.zzp_uren, c.meerzorguren)):
                assert _uren(to[f"{col}{t}"], waarde), (wie, col, to[f"{col}{t}"], waarde)
            euros = res.clienten[i].context_euros if not groep else 150000.0 + 2500.5
            assert _bedrag(to[f"S{t}"], euros), (wie, to[f"S{t}"])
            binnen = res.groep_context_binnen_profiel if groep else c.context_binnen_profiel
            assert to[f"T{t}"] == binnen, wie
            boven = c.context_boven_drempel if c.budget_100 is not None else None
            assert _bedrag(to[f"U{t}"], boven), (wie, to[f"U{t}"], boven)
            assert to[f"V{t}"] == (float(len(res.clienten)) if groep else "N.V.T."), wie
            assert _bedrag(to[f"W{t}"], c.etmaalbedrag), (wie, to[f"W{t}"], c.etmaalbedrag)
            assert _bedrag(to[f"AC{t}"], c.jaarbedrag), (wie, to[f"AC{t}"], c.jaarbedrag)
            assert to[f"AB{t}"] == (c.uitkomst_label or c.uitkomst), wie
            assert to[f"AE{t}"] == c.uitkomst, wie
            assert to[f"AD{t}"] == f"Versie {p.versie}", wie
            if groep:
                assert (to[f"X{t}"], to[f"Y{t}"], to[f"Z{t}"], to[f"AA{t}"]) == ("Extra begeleiding bij uitstapjes", 150000.0, None, 2500.5)
                assert to[f"I{t}"] == float((dt.date(1950 + i, 5, 1 + i) - dt.date(1899, 12, 30)).days), wie
                assert to[f"K{t}"] == 46023.0 + i
        for k in range(len(res.clienten) + 1, 18):
            assert all(to[f"{col}{tot.rij(k)}"] is None for col in tot.KOPPEN), (g.naam, k)


# --------------------------------------------------------------------------- the official sheet's faults


@pytest.fixture(scope="module")
def officieel_herberekend(tmp_path_factory):
    """The official 2026 rekentool, filled (a preventive maatwerk request; a group of 17
    whose 17th client is maatwerk), recalculated by LibreOffice."""
    from tests.support import libreoffice
    from tests.support.officieel_invullen import vul_in

    if soffice() is None or not OFFICIEEL[2026].exists():
        pytest.skip("LibreOffice of de officiële rekentool ontbreekt")
    tmp = tmp_path_factory.mktemp("officieel_verhuis")
    client = {"zorgprofiel": "VG7", "behandeling": True, "dagbesteding": True}
    preventief = {"jaar": 2026, "soort": "preventief", "tariefpercentage": 0.95,
                  "clienten": [{**client, "naam": "P. Preventief", "nachtzorg": "150:00"}]}  # fmt: skip
    groep = {"jaar": 2026, "soort": "groep", "tariefpercentage": 0.95,
             "clienten": [{**client, "naam": f"G{i + 1}", "wonen": "150:00" if i == 16 else "60:00"} for i in range(17)]}  # fmt: skip
    paden = []
    for naam, aanvraag, rij in (("preventief", preventief, 7), ("groep17", groep, 23)):
        pad = vul_in(aanvraag, tmp / "in" / f"{naam}.xlsx")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = openpyxl.load_workbook(pad)
        for r in range(7, 7 + len(aanvraag["clienten"])):
            wb["Clientgegevens"][f"H{r}"] = int(bsn(r))
        wb["Verhuisformulier"]["C28"] = int(bsn(rij))
        wb["Voorblad"]["C12"] = "A. Coördinator"  # the provider's coördinator meerzorg
        wb["Voorblad"]["G12"] = "Z. Kantoor"  # the zorgkantoor's contactpersoon
        wb.save(pad)
        paden.append(pad)
    uit = libreoffice.recalculate(paden, tmp / "uit")
    boeken = {}
    for naam, pad in zip(("preventief", "groep17"), uit):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            boeken[naam] = openpyxl.load_workbook(pad, data_only=True)
    return boeken


@pytest.mark.libreoffice
def test_officieel_maatwerk_per_etmaal_0_bij_preventieve_meerzorg(officieel_herberekend):
    """verschillen.md: the official C44 is € 0,00 for preventive maatwerk (C43 only knows the
    individual and the group type); ours: test_verhuisformulier_gelijk_aan_de_rekenkern."""
    vh_off = officieel_herberekend["preventief"]["Verhuisformulier"]
    assert vh_off["C42"].value == "Maatwerk"
    assert vh_off["C44"].value == 0
    assert officieel_herberekend["preventief"]["Overzicht individueel "]["E39"].value == "Maatwerk"


@pytest.mark.libreoffice
def test_officieel_zeventiende_client_ontbreekt(officieel_herberekend):
    """verschillen.md: the official C43 looks the client up in 'Aanvraag-overzicht groep'!B16:P34,
    without row 35 (client 17): #N/A for the meerzorguren and the maatwerk per etmaal."""
    boek = officieel_herberekend["groep17"]
    vh_off = boek["Verhuisformulier"]
    assert vh_off["C30"].value == "G17"
    assert vh_off["C42"].value == "Maatwerk"
    assert boek["Aanvraag-overzicht groep"]["Q35"].value == "Maatwerk"
    assert vh_off["C43"].value == "#N/A" and vh_off["C44"].value == "#N/A"


@pytest.mark.libreoffice
def test_officieel_oud_zorgkantoor_toont_de_aanbieder(officieel_herberekend):
    """verschillen.md: the official 'Gegevens OUD Zorgkantoor' G14:G16 test the zorgkantoor's
    Voorblad cells G12:G14 but show the provider's C12:C14."""
    vh_off = officieel_herberekend["preventief"]["Verhuisformulier"]
    assert vh_off["G14"].value == "A. Coördinator"


def test_officieel_bedragen_zonder_tariefpercentage():
    """verschillen.md: no formula of the official Verhuisformulier reads the tariefpercentage
    (Voorblad C17); ours shows the amounts at it (G40:G44)."""
    for jaar in JAREN:
        ws = _officieel(jaar)["Verhuisformulier"]
        formules_off = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("=")]
        assert formules_off and not any("C17" in f or "C$17" in f for f in formules_off)
        f = formules(jaar, VARIANTEN[0])
        assert fm.TARIEF in f[(VERHUIS, "L45")] or "L$17" in f[(VERHUIS, "L45")]


def test_zorgkantoorvariant_leest_de_udf_cellen():
    """The staff form's two sheets have the same formulas; the outcome, label, meerzorguren and
    amounts they read are the UDF cells (MZ_INDIVIDUEEL/MZ_GROEP) there."""
    from xl_meerzorg.workbook.layout import AANBIEDER, UITVOER, ZORGKANTOOR_UDF

    jaar = JAREN[-1]
    udf, gewoon = formules(jaar, ZORGKANTOOR_UDF), formules(jaar, AANBIEDER)
    eigen = {k: v for k, v in udf.items() if k[0] in (VERHUIS, TOTAAL)}
    assert eigen == {k: v for k, v in gewoon.items() if k[0] in (VERHUIS, TOTAAL)}
    gelezen = set()
    for naam, (blad, cel) in UITVOER.items():
        ref = tot.uitvoer(naam)
        if any(ref in f for f in eigen.values()):
            gelezen.add(naam)
            if naam.startswith(("mz_ind_", "mz_g")):
                assert "MZ_" in udf[(blad, cel)], naam
    assert {"mz_ind_uitkomst", "mz_ind_label", "mz_ind_meerzorguren", "mz_ind_etmaalbedrag", "mz_g17_uitkomst", "mz_g17_jaarbedrag"} <= gelezen


@pytest.mark.libreoffice
def test_pdf_een_pagina_per_blad_zonder_hekjes(tmp_path):
    """Printed (LibreOffice PDF) with the largest amounts (context € 9.999.999,99, 17 clients):
    each of the two sheets is one page, without "###"."""
    import shutil
    import subprocess

    from tests.support import libreoffice

    if soffice() is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice of pdftotext ontbreekt")
    p = laad_parameters(JAREN[-1])
    g = _groep(p, 10, 17, 17)
    g.cellen[(GROEP, "C11")] = 9999999.99
    sjabloon = bouw(p.jaar, tmp_path / "bouw")[0]
    pad = vul(sjabloon, [g], tmp_path / "in")[0]
    pdf = libreoffice.recalculate([pad], tmp_path / "uit", fmt="pdf")[0]
    n = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout).group(1))
    paginas = [subprocess.run(["pdftotext", "-layout", "-f", str(i), "-l", str(i), str(pdf), "-"], capture_output=True, text=True).stdout for i in range(1, n + 1)]
    verhuis_p = [i for i, t in enumerate(paginas) if "Verhuisformulier meerzorg" in t or "Handtekening, naam en datum" in t]
    totaal_p = [i for i, t in enumerate(paginas) if "Berekend" in t and "NZa code" in t or "Uitkomst (beleid)" in t]
    assert len(verhuis_p) == 1 and len(totaal_p) == 1, (verhuis_p, totaal_p)
    for i in verhuis_p + totaal_p:
        assert "###" not in paginas[i], paginas[i]
    assert "10.000.000" not in paginas[totaal_p[0]] and ("9,999,999.99" in paginas[totaal_p[0]] or "9.999.999,99" in paginas[totaal_p[0]])


def test_formules_van_de_regel_gelijk_aan_de_regel():
    """``verhuis.regel`` (the formulas of the steps) evaluated by the ``formulas`` library gives
    ``regels.verhuis.verhuis`` bit for bit, on every branch: maatwerk, profile, the maximum
    (also exactly at it), no budget."""
    formulas = pytest.importorskip("formulas")
    invoer = {"uitkomst": "A1", "mz": "B1", "bedrag": "C1", "uurbudget": "D1", "max": "E1", "tarief": "F1"}
    stappen = vh.regel(*invoer.values())
    gecompileerd = {cel.replace("$", ""): formulas.Parser().ast(f)[1].compile() for cel, f in stappen.items()}
    rnd = random.Random(12)
    maximum, uurbudget = 1683.05, 49.65878362956477
    gevallen = [("Maatwerk", rnd.uniform(0, 12), None, rnd.choice((0.8, 0.95, 1.0))) for _ in range(150)]
    gevallen += [("Meerzorgprofiel 3", None, rnd.uniform(10000, 700000), rnd.choice((0.8, 0.95, 1.0))) for _ in range(150)]
    gevallen += [("Meerzorgprofiel 6", None, maximum * 365, 0.9), ("Niet meerzorg waardig", 0.1, None, 0.9), ("Maatwerk", None, None, 0.9), ("", None, None, 0.9)]
    for uitkomst, mz, bedrag, tarief in gevallen:
        waarden = {"A1": uitkomst, "B1": "" if mz is None else mz, "C1": "" if bedrag is None else bedrag, "D1": uurbudget, "E1": maximum, "F1": tarief}
        for cel, functie in gecompileerd.items():
            uit = functie(*(waarden[i.replace("$", "")] for i in functie.inputs))
            waarden[cel] = uit.item() if hasattr(uit, "item") else uit
        v = verhuis(uitkomst, mz, bedrag, uurbudget, maximum, tarief)
        vorm = [waarden[c.replace("$", "")] for c in (vh.BUDGET, vh.NA_MAXIMUM, vh.ETMAAL_100, vh.GEMAXIMEERD, vh.JAARBEDRAG, vh.ETMAALBEDRAG)]
        if v is None:
            assert vorm == [""] * 6, (uitkomst, mz, bedrag)
        else:
            assert vorm == [v.budget_100, v.jaar_100, v.etmaal_100, int(v.gemaximeerd), v.jaarbedrag, v.etmaalbedrag], (uitkomst, mz, bedrag)
