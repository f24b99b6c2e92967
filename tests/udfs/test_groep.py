"""MZ_GROEP / MZ_GROEP_MELDINGEN against bereken() on the equivalent JSON."""

from __future__ import annotations

import copy

import pytest

from xl_meerzorg.udfs import meerzorg as mz
from xl_meerzorg import bereken, lees_aanvraag
from xl_meerzorg.afronding import cents, seconds

from .voorbeelden import GROEP_CLIENTEN, GROEP_JSON, GROEP_RIJ_NAAR_INDEX, groep, tijd


@pytest.fixture(scope="module")
def verwacht():
    res = bereken(lees_aanvraag(copy.deepcopy(GROEP_JSON)))
    assert not res.heeft_fout
    return res


@pytest.mark.parametrize("rij", sorted(GROEP_RIJ_NAAR_INDEX))
@pytest.mark.parametrize("uitvoer", mz.UITVOER_CLIENT)
def test_per_client_equals_engine(verwacht, rij, uitvoer):
    r = verwacht.clienten[GROEP_RIJ_NAAR_INDEX[rij]]
    waarde = mz.MZ_GROEP(uitvoer, float(rij), **groep())
    if uitvoer == "meerzorguren" and r.meerzorguren is None:
        assert waarde == r.uitkomst
    elif getattr(r, uitvoer) is None:
        assert waarde == ""
    elif isinstance(waarde, float):
        assert cents(waarde) == cents(getattr(r, uitvoer))
        assert seconds(waarde) == seconds(getattr(r, uitvoer))
    else:
        assert waarde == getattr(r, uitvoer)


def test_known_values(verwacht):
    a = groep()
    assert [mz.MZ_GROEP("uitkomst", rij, **a) for rij in (1, 3, 6)] == [
        c.uitkomst for c in verwacht.clienten
    ]
    assert [mz.MZ_GROEP("prestatiecode", rij, **a) for rij in (1, 3, 6)] == [
        c.prestatiecode for c in verwacht.clienten
    ]
    assert cents(mz.MZ_GROEP("totaal_jaarbedrag", None, **a)) == cents(verwacht.totaal_jaarbedrag)
    assert cents(mz.MZ_GROEP("totaal_etmaalbedrag", 99, **a)) == cents(verwacht.totaal_etmaalbedrag)
    assert mz.MZ_GROEP("aantal_clienten", None, **a) == 3.0
    assert mz.MZ_GROEP("groep_context_binnen_profiel", None, **a) == verwacht.groep_context_binnen_profiel
    assert cents(mz.MZ_GROEP("groep_context_drempel", None, **a)) == cents(verwacht.groep_context_drempel)
    assert mz.MZ_GROEP_MELDINGEN(**a) == [[m.niveau, m.veld, m.tekst] for m in verwacht.meldingen]


@pytest.mark.parametrize("rij", [2, 4, 5, 7, 17, 17.0])
def test_empty_row_is_empty(rij):
    assert mz.MZ_GROEP("jaarbedrag", rij, **groep()) == ""
    # also when the request as a whole has a fout
    assert mz.MZ_GROEP("jaarbedrag", rij, **groep(tarief=None)) == ""


@pytest.mark.parametrize(("nr", "getoond"), [(0, "0"), (18, "18"), (-1, "-1"), (2.5, "2,5"), ("een", "‘een’"), (None, "leeg"), (True, "Ja")])
def test_bad_client_nr(nr, getoond):
    """The value is shown the Dutch way (no Python None/True/quotes)."""
    assert mz.MZ_GROEP("uitkomst", nr, **groep()) == (
        f"Fout: client_nr moet een rijnummer van 1 tot en met 17 zijn, niet {getoond}."
    )


def test_rows_as_1d_lists_and_short_ranges():
    """xlwings without ndim passes a column as a 1-D list; fewer rows than 17 also work."""
    a = groep()
    kort = {k: [rij[0] for rij in v[:6]] if k in mz._GROEP_BEREIK_ARGS and k not in ("context_euros", "maanden") else v
            for k, v in a.items()}  # fmt: skip
    for rij in (1, 3, 6):
        assert mz.MZ_GROEP("jaarbedrag", rij, **kort) == mz.MZ_GROEP("jaarbedrag", rij, **a)


def test_maanden_per_row_or_one_cell():
    a = groep()
    per_rij = groep(maanden=[[12.0] if rij in GROEP_CLIENTEN else [None] for rij in range(1, 18)])
    assert mz.MZ_GROEP("totaal_jaarbedrag", None, **per_rij) == mz.MZ_GROEP("totaal_jaarbedrag", None, **a)
    fouten = [m for m in mz.MZ_GROEP_MELDINGEN(**groep(maanden=60.0)) if m[0] == "fout"]
    assert fouten == [
        ["fout", "maanden", "De aangevraagde periode van 60 maanden ligt buiten 1–48 maanden, wat het formulier 2026 toestaat (de maximale termijn is 36 maanden)."],
    ]  # one cell for the group: one message, naming no client  # fmt: skip


def test_group_fouten():
    a = groep(tarief=1.5)
    tekst = "Fout: Het tariefpercentage 150% (ingevuld: 1,5) ligt boven 100%; vul bijvoorbeeld 95% of 0,95 in."
    assert mz.MZ_GROEP("uitkomst", 1, **a) == tekst
    assert mz.MZ_GROEP("totaal_jaarbedrag", None, **a) == tekst
    b = groep(nachtzorg=[["vier uur"]] + [[None]] * 16)
    assert mz.MZ_GROEP("uitkomst", 3, **b) == (
        "Fout: Cliënt 1 (Cliënt A), nachtzorg: geen geldige tijdsduur ‘vier uur’; gebruik u:mm, bijvoorbeeld 4:30."
    )
    assert mz.MZ_GROEP("onzin", 1, **groep()).startswith("Fout: onbekende uitvoer ‘onzin’; kies uit uitkomst, ")


def test_one_client_is_not_a_group():
    a = groep(clienten={2: GROEP_CLIENTEN[1]})
    assert mz.MZ_GROEP("uitkomst", 2, **a) == (
        "Fout: Groepsmeerzorg vraagt u aan voor 2 of meer cliënten; deze aanvraag heeft er 1."
    )


def test_empty_group():
    leeg = dict.fromkeys(groep(), None)
    assert mz.MZ_GROEP("uitkomst", 1, **leeg) == ""
    assert mz.MZ_GROEP("totaal_jaarbedrag", None, **leeg) == "Fout: het jaar ontbreekt; beschikbaar: 2025, 2026."
    leeg["jaar"] = 2026.0
    assert mz.MZ_GROEP("totaal_jaarbedrag", None, **leeg) == "Fout: Het afgesproken tariefpercentage ontbreekt. (+1)"
    assert mz.MZ_GROEP_MELDINGEN(**leeg) == [
        ["fout", "tariefpercentage", "Het afgesproken tariefpercentage ontbreekt."],
        ["fout", "clienten", "Groepsmeerzorg vraagt u aan voor 2 of meer cliënten; deze aanvraag heeft er 0."],
    ]


def test_a_row_with_only_hours_is_a_client():
    """A row counts when any of its cells is filled; a missing zorgprofiel is then a fout."""
    clienten = dict(GROEP_CLIENTEN)
    clienten[10] = {"wonen": tijd(10)}
    assert mz.MZ_GROEP("aantal_clienten", None, **groep(clienten=clienten)) == 4.0
    assert mz.MZ_GROEP("uitkomst", 10, **groep(clienten=clienten)).startswith(
        "Fout: Cliënt 4: het zorgprofiel (zorgzwaartepakket) ontbreekt. (+"
    )


def test_bsns_optioneel_en_gecontroleerd():
    """bsns/dates per row are optional; an invalid BSN in any row stops the group amounts."""
    a = groep()
    bsns = [[111222333.0] if r == 1 else [None] for r in range(1, 18)]
    assert mz.MZ_GROEP("totaal_jaarbedrag", None, **a, bsns=bsns) == mz.MZ_GROEP("totaal_jaarbedrag", None, **a)
    fout = [["123456789"] if r == 3 else [None] for r in range(1, 18)]
    assert mz.MZ_GROEP("totaal_jaarbedrag", None, **a, bsns=fout) == (
        "Fout: Cliënt 2 (Cliënt B): BSN 123456789 is ongeldig (voldoet niet aan de 11-proef)."
    )
