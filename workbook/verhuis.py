"""Sheet *Verhuisformulier* (issue 12, item 4): hook called by ``bouw.maak_werkboek``.

``formules(p, variant)`` returns {(sheet, cell): "=..."} for the formula cells of this
sheet (merged into ``xl_meerzorg.workbook.formules.formules``, so the checker knows them);
``voeg_toe(wb, p, variant)`` writes the labels, input cells and styles (``.stijl``) on the
sheet ``layout.VERHUISFORMULIER``, which ``bouw`` has already created in the official
sheet order. Both run before the workbook is protected.
"""

from __future__ import annotations

from xl_meerzorg.parameters import Parameters


def formules(p: Parameters, variant: str) -> dict[tuple[str, str], str]:
    return {}


def voeg_toe(wb, p: Parameters, variant: str) -> None:
    return None
