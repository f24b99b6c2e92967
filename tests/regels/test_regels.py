"""One test group per rule file of xl_meerzorg/regels, with exact values."""

from __future__ import annotations

import pytest

from xl_meerzorg.regels import budget, context, dagprogramma, jaarbedrag, maximum, meerzorguren, uren

U = 1 / 24  # one hour in Excel days


def test_slot_uren_en_formatie():
    """F = tot - van (0 without tot); L = F / ratio, 0 without ratio or with ratio 0."""
    assert dagprogramma.slot_uren(7 * U, 9 * U) == 9 * U - 7 * U
    assert dagprogramma.slot_uren(7 * U, None) == 0.0
    assert dagprogramma.formatie_uren(7 * U, 2) == 7 * U / 2
    assert dagprogramma.formatie_uren(7 * U, 0) == 0.0
    assert dagprogramma.formatie_uren(7 * U, None) == 0.0


def test_som_per_functie_en_week():
    """SUMIF per functie (case-insensitive); a week is 5 weekdays + 2 weekend days."""
    rijen = [(7 * U, 9 * U, "Wonen", 1), (9 * U, 16 * U, "dagbesteding", 2), (16 * U, 23 * U, "WONEN", 1)]
    wonen = dagprogramma.som_per_functie(rijen, "Wonen")
    assert round(wonen * 24, 12) == 9.0
    assert round(dagprogramma.som_per_functie(rijen, "Dagbesteding") * 24, 12) == 3.5
    assert round(dagprogramma.weekuren(wonen, 16 * U) * 24, 12) == 77.0  # 9*5 + 16*2


def test_uren():
    """Behandeling x 1.91979969484762; indirect = ZZP hours x fraction; context per week = year/365*7."""
    assert uren.behandeling(2 * U, 1.91979969484762) == 1.91979969484762 * (2 * U)
    assert uren.indirecte_uren(33.75 * U, 0.129420400112708) == 33.75 * U * 0.129420400112708
    assert uren.context_uren_per_week(52 * U) == 52 * U / 365 * 7


@pytest.mark.parametrize(
    ("dag", "beh", "verwacht"),
    [
        # wonen 40 + nacht 4 - min 1 + indirect 3 + context 1 (+ dagbesteding 10) (+ behandeling 5)
        (False, False, 47),
        (True, False, 57),
        (False, True, 52),
        (True, True, 62),
    ],
)
def test_totaal_uren_per_combinatie(dag, beh, verwacht):
    """Dagbesteding counts only with dagbesteding Ja, behandeling only with behandeling Ja."""
    t = uren.totaal_uren(40 * U, 10 * U, 4 * U, 5 * U, 1 * U, 3 * U, 1 * U, dag, beh)
    assert round(t * 24, 9) == verwacht


def test_meerzorguren():
    """Below the ZZP hours: None (valt binnen); equal: 0."""
    assert meerzorguren.meerzorguren(30 * U, 33.75 * U) is None
    assert meerzorguren.meerzorguren(33.75 * U, 33.75 * U) == 0.0
    assert meerzorguren.meerzorguren(40 * U, 30 * U) == 40 * U - 30 * U


def test_maatwerk_budget():
    """(days*24)/7*365*rate: 93.71 h/week at 49.65878362956477 -> 242,648.07 a year."""
    b = budget.maatwerk_budget(93.71 * U, 49.65878362956477)
    assert f"{b:.2f}" == "242648.07"  # 93.71 * 365 / 7 * 49.65878362956477


def test_context():
    """Threshold = basis x fraction; only the excess is added; binnen profiel Ja/Nee/n.v.t."""
    d = context.drempel(184407.75451910877, 0.071177715)
    assert f"{d:.2f}" == "13125.72"  # 184,407.75 x 0.071177715
    assert context.boven_drempel(5000, d) == 0.0
    assert context.boven_drempel(20000, d) == 20000 - d
    assert context.binnen_profiel(0, d) == "Niet van toepassing"
    assert context.binnen_profiel(5000, d) == "Ja"
    assert context.binnen_profiel(20000, d) == "Nee"
    assert context.drempel_basis_maatwerk(700000, 1683.05) == 1683.05 * 365
    assert context.per_client(900, 3) == 300


def test_maximum():
    """At or above the maximum etmaalbedrag the year amount is max x 365."""
    assert maximum.na_maximum(1683.05 * 365, 0, 1683.05) == (1683.05 * 365, True)
    assert maximum.na_maximum(605000, 10000, 1683.05) == (1683.05 * 365, True)  # 615,000 / 365 = 1,684.93
    assert maximum.na_maximum(600000, 0, 1683.05) == (600000, False)


def test_jaarbedrag_etmaalbedrag():
    """Jaarbedrag = amount x tarief; etmaalbedrag = jaarbedrag / 365."""
    assert jaarbedrag.jaarbedrag(100000, 0.95) == 95000
    assert jaarbedrag.etmaalbedrag(36500) == 100
