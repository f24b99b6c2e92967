"""Values as a spreadsheet hands them over, turned into engine values.

Used by the UDFs (what xlwings passes), the form reader (what openpyxl / calamine read) and
koppel. Pure Python: no spreadsheet library is imported here.

What arrives for a duration or clock cell:
- float/int: an Excel day fraction (``[h]:mm`` cell holding 30:00 is 1.25);
- datetime.datetime: xlwings on Windows passes time-formatted cells as a date counted from
  1899-12-30 (30:00 arrives as 1899-12-31 06:00);
- datetime.time (openpyxl, a clock time), datetime.timedelta (openpyxl, a duration);
- text: "4:30", "4:30:00", " 4:30 ", "4,5" (hours), or anything else (an error);
- None or "" (an empty cell).
"""

from __future__ import annotations

import datetime as dt

from .invoer import lees_datum, lees_getal, lees_ja_nee
from .tijd import OngeldigeDuur, eindig, parse_duur, parse_tijdstip

EXCEL_EPOCH = dt.datetime(1899, 12, 30)
EXCEL_EPOCH_DATE = EXCEL_EPOCH.date()


class OngeldigeWaarde(ValueError):
    """A cell value that cannot be read as what the field needs."""


def leeg(value: object) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


def excel_dagen(value: object) -> float:
    """A duration cell as Excel days (empty is 0). Text is "u:mm" or hours.

    Raises OngeldigeWaarde for anything that is not a duration."""
    if leeg(value):
        return 0.0
    if isinstance(value, bool):
        raise OngeldigeWaarde(repr(value))
    if isinstance(value, (int, float)):
        if not eindig(value):
            raise OngeldigeWaarde(repr(value))
        return float(value)
    if isinstance(value, dt.datetime):
        delta = value - EXCEL_EPOCH
        return delta.days + (delta.seconds + delta.microseconds / 1e6) / 86400
    if isinstance(value, dt.timedelta):
        return value.days + (value.seconds + value.microseconds / 1e6) / 86400
    if isinstance(value, dt.time):
        return (value.hour * 3600 + value.minute * 60 + value.second + value.microsecond / 1e6) / 86400
    if isinstance(value, str):
        try:
            return parse_duur(value)
        except OngeldigeDuur:
            raise OngeldigeWaarde(repr(value)) from None
    raise OngeldigeWaarde(repr(value))


def excel_tijdstip(value: object) -> float | None:
    """A clock-time cell (07:00 .. 23:00) as Excel days; None when empty."""
    if leeg(value):
        return None
    if isinstance(value, str):
        try:
            return parse_tijdstip(value)
        except OngeldigeDuur:
            raise OngeldigeWaarde(repr(value)) from None
    days = excel_dagen(value)
    if isinstance(value, dt.datetime) and days >= 1 and days - int(days) and value.date() != EXCEL_EPOCH_DATE:
        days = days - int(days)  # a date-time typed into a time cell: keep the time of day
    return days


def excel_getal(value: object) -> float | None:
    """A number cell (None when empty); text like "0,95" or "95%" is read as a number."""
    if leeg(value):
        return None
    if isinstance(value, bool):
        raise OngeldigeWaarde(repr(value))
    number = lees_getal(value)
    if number is None:
        raise OngeldigeWaarde(repr(value))
    return number


def excel_ja_nee(value: object) -> bool | None:
    """Ja/Nee (or a boolean) -> bool; None when empty."""
    if leeg(value):
        return None
    result = lees_ja_nee(value)
    if result is None:
        raise OngeldigeWaarde(repr(value))
    return result


def excel_datum(value: object) -> dt.date | None:
    """A date cell: a date(time), an Excel serial number or text; None when empty."""
    if leeg(value):
        return None
    if isinstance(value, bool):
        raise OngeldigeWaarde(repr(value))
    if isinstance(value, (int, float)) and eindig(value) and 1 <= value < 2958466:
        return EXCEL_EPOCH_DATE + dt.timedelta(days=int(value))
    result = lees_datum(value)
    if result is None:
        raise OngeldigeWaarde(repr(value))
    return result


def excel_tekst(value: object) -> str | None:
    if leeg(value):
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()

