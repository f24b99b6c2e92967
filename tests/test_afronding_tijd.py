"""The rounding helper (Excel's ROUND) and duration parsing."""

from __future__ import annotations

import pytest

from xl_meerzorg.afronding import cents, excel_round, seconds
from xl_meerzorg.tijd import OngeldigeDuur, format_duur, format_uren_minuten, parse_duur, parse_tijdstip


@pytest.mark.parametrize(
    ("waarde", "cijfers", "verwacht"),
    [(2.675, 2, 2.68), (0.125, 2, 0.13), (-0.125, 2, -0.13), (2.5, 0, 3.0), (-2.5, 0, -3.0), (1.005, 2, 1.01), (0.0, 2, 0.0)],
)
def test_excel_round_half_van_nul_af(waarde, cijfers, verwacht):
    """Half away from zero on the decimal value, where round() gives banker's rounding."""
    assert excel_round(waarde, cijfers) == verwacht


@pytest.mark.parametrize(
    ("waarde", "cijfers", "verwacht"),
    [(1e28, 2, 1e28), (-1e300, 2, -1e300), (123456789012345678.0, 0, 123456789012346000.0),
     (1.7976931348623157e308, 2, 1.7976931348623157e308), (1e-300, 2, 0.0)],
)
def test_excel_round_zeer_grote_en_kleine_getallen(waarde, cijfers, verwacht):
    """Any finite double rounds without an exception (15 significant digits, like Excel)."""
    assert excel_round(waarde, cijfers) == verwacht


def test_excel_round_laat_nan_en_oneindig_staan():
    """NaN and infinity come back as they are (validation rejects them before)."""
    assert excel_round(float("inf"), 2) == float("inf")
    assert excel_round(float("nan"), 2) != excel_round(float("nan"), 2)


def test_cents_en_seconden():
    """cents() for money, seconds() for durations in days."""
    assert cents(505.2267) == 505.23
    assert seconds(73.95479816747175 / 24) == 266237  # 73:57:17
    assert seconds(0.5 / 86400) == 1


@pytest.mark.parametrize(
    ("tekst", "uren"),
    [("40:00", 40), ("2:40", 2 + 40 / 60), ("4:30:15", 4.5 + 15 / 3600), (" 4:30 ", 4.5), (12, 12), (12.5, 12.5), ("12,5", 12.5), ("4.30", 4.5)],
)
def test_parse_duur(tekst, uren):
    """u:mm, u:mm:ss and numbers of hours."""
    assert parse_duur(tekst) * 24 == pytest.approx(uren, abs=1e-12)


@pytest.mark.parametrize("tekst", ["vier uur", "4:75", "", True, None, float("nan"), [1]])
def test_parse_duur_ongeldig(tekst):
    """Anything else is refused."""
    with pytest.raises(OngeldigeDuur):
        parse_duur(tekst)


def test_tijdstip_en_weergave():
    """Clock times and Excel-style [h]:mm(:ss) display."""
    assert parse_tijdstip("07:15") == (7 * 3600 + 15 * 60) / 86400
    assert format_duur(73.95479816747175 / 24) == "73:57:17"
    assert format_uren_minuten(73.95479816747175 / 24) == "73:57"
    assert format_uren_minuten(-2 / 24) == "-2:00"
