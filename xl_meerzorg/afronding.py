"""The one rounding helper: Excel's ROUND (half away from zero).

The official rekentool computes in unrounded IEEE doubles and rounds only for display.
Python's built-in ``round`` rounds half to even and works on the binary value
(``round(2.675, 2) == 2.67``); Excel's ROUND gives 2.68 because it rounds the decimal
number shown with 15 significant digits. We do the same: take the value at 15
significant digits, then round half away from zero.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Context, Decimal

SECONDS_PER_DAY = 86400
# enough digits for any double (up to ~1.8e308) quantized to its decimals
_CONTEXT = Context(prec=400)


def excel_round(value: float, digits: int = 0) -> float:
    """Round like Excel's ROUND(value, digits): half away from zero on the 15-digit value."""
    if value != value or value in (float("inf"), float("-inf")):
        return value
    d = Decimal(format(value, ".15g"))
    q = Decimal(1).scaleb(-digits)
    out = float(d.quantize(q, rounding=ROUND_HALF_UP, context=_CONTEXT))
    # the 15-digit form of the largest doubles rounds up past the double range
    return value if out in (float("inf"), float("-inf")) else out


def cents(value: float) -> float:
    """Money as displayed: rounded to the cent."""
    return excel_round(value, 2)


def seconds(days: float) -> int:
    """A duration in Excel days as whole seconds, as a [h]:mm:ss display shows it."""
    return int(excel_round(days * SECONDS_PER_DAY, 0))
