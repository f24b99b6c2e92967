"""Durations and clock times.

Internally every duration is an Excel day fraction (1.0 == 24 hours), exactly as the
official rekentool stores and computes it, so that results agree to the last bit where
possible. Input comes as "u:mm" / "u:mm:ss" text, as a number of hours, or (from Excel)
as a day fraction; output is hours (``days * 24``) or "u:mm:ss" text.
"""

from __future__ import annotations

import math
import re

from .afronding import SECONDS_PER_DAY, excel_round, seconds

_DUUR = re.compile(r"^\s*(-)?\s*(\d{1,6})\s*[:.]\s*(\d{1,2})(?:\s*:\s*(\d{1,2}))?\s*$")
_UREN = re.compile(r"^\s*(-)?\s*(\d+(?:[.,]\d+)?)\s*(?:u|uur|h)?\s*$")


class OngeldigeDuur(ValueError):
    """A text or value that is not a duration."""


def uren_naar_dagen(hours: float) -> float:
    return hours / 24


def dagen_naar_uren(days: float) -> float:
    return days * 24


def hms_naar_dagen(h: int, m: int, s: int = 0) -> float:
    """Whole h:m:s as an Excel day fraction (one correctly rounded division)."""
    return (h * 3600 + m * 60 + s) / SECONDS_PER_DAY


def parse_duur(value: object) -> float:
    """Parse a duration ("40:00", "2:40", "4:30:15", 12, 12.5, "12,5") to Excel days.

    Numbers are hours. Raises OngeldigeDuur for anything else (text, bool, NaN).
    Negative values are returned as such; the validator reports them.
    """
    if isinstance(value, bool) or value is None:
        raise OngeldigeDuur(repr(value))
    if isinstance(value, (int, float)):
        if not eindig(value):
            raise OngeldigeDuur(repr(value))
        return uren_naar_dagen(float(value))
    if isinstance(value, str):
        m = _DUUR.match(value)
        if m:
            sign, h, mi, s = m.groups()
            if int(mi) > 59 or (s is not None and int(s) > 59):
                raise OngeldigeDuur(value)
            days = hms_naar_dagen(int(h), int(mi), int(s or 0))
            return -days if sign else days
        m = _UREN.match(value)
        if m:
            sign, num = m.groups()
            hours = float(num.replace(",", "."))
            return uren_naar_dagen(-hours if sign else hours)
    raise OngeldigeDuur(repr(value))


def parse_tijdstip(value: object) -> float:
    """Parse a clock time "07:00" / "7:15" (or a day fraction 0 <= x <= 1) to Excel days."""
    if isinstance(value, bool) or value is None:
        raise OngeldigeDuur(repr(value))
    if isinstance(value, (int, float)):
        if not eindig(value) or not 0 <= value <= 1:
            raise OngeldigeDuur(repr(value))
        return float(value)
    if isinstance(value, str):
        m = _DUUR.match(value)
        if m and not m.group(1):
            _, h, mi, s = m.groups()
            if int(h) > 24 or int(mi) > 59 or (s is not None and int(s) > 59):
                raise OngeldigeDuur(value)
            return hms_naar_dagen(int(h), int(mi), int(s or 0))
    raise OngeldigeDuur(repr(value))


def format_duur(days: float) -> str:
    """Excel-style [h]:mm:ss of a duration in days, rounded to the second."""
    total = seconds(days)
    sign = "-" if total < 0 else ""
    total = abs(total)
    h, rest = divmod(total, 3600)
    m, s = divmod(rest, 60)
    return f"{sign}{h}:{m:02d}:{s:02d}"


def format_uren_minuten(days: float) -> str:
    """[h]:mm as the form shows it (rounded to the minute)."""
    sign = "-" if days < 0 else ""
    minutes = int(excel_round(abs(days) * 1440, 0))
    h, m = divmod(minutes, 60)
    return f"{sign}{h}:{m:02d}"


def eindig(value: float) -> bool:
    """math.isfinite that is False (instead of raising) for an int beyond the double range."""
    try:
        return math.isfinite(value)
    except OverflowError:
        return False
