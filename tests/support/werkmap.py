"""Changing input cells of a saved form with openpyxl, as a provider types them."""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path


def wijzig_werkmap(bron: Path, doel: Path, wijzigingen: list) -> Path:
    """Save ``bron`` as ``doel`` with ``wijzigingen`` [(sheet, cell, value)]: "+h:mm" adds
    to the duration in the cell, "h:mm" is a time of day, anything else is the value."""
    import openpyxl

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(bron)
    for blad, cel, waarde in wijzigingen:
        ws = wb[blad]
        if isinstance(waarde, str) and waarde.startswith("+"):
            h, m = waarde[1:].split(":")
            oud = ws[cel].value or dt.timedelta(0)
            if isinstance(oud, dt.time):
                oud = dt.timedelta(hours=oud.hour, minutes=oud.minute)
            ws[cel] = oud + dt.timedelta(hours=int(h), minutes=int(m))
        elif isinstance(waarde, str) and ":" in waarde:
            h, m = waarde.split(":")
            ws[cel] = dt.time(int(h), int(m))
        else:
            ws[cel] = waarde
    doel.parent.mkdir(parents=True, exist_ok=True)
    wb.save(doel)
    return doel
