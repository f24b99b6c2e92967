"""Write the formula fingerprint of an official ZN rekentool (maintainer script).

    python build/vingerafdruk.py [PATH/TO/rekentool.xlsx ...]

Without arguments it reads the templates in ../shared/reference. For each workbook it
writes workbook/data/vingerafdruk-<versie>.json (versie from Voorblad G6, e.g. 2026.01):
sheet!cell -> sha256(normalised formula)[:16]. Only these hashes are stored, never the
workbook or its formulas.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from xl_meerzorg.workbook.veilig import open_xlsx  # noqa: E402
from xl_meerzorg.workbook.vingerafdruk import DATA, formules, vingerafdruk  # noqa: E402

REFERENCE = (ROOT / ".." / "shared" / "reference").resolve()
STANDAARD = [
    REFERENCE / "aanvraagformulier-meerzorg-rekentool-2025.xlsx",
    REFERENCE / "Aanvraag_formulier_meerzorg_Rekentool_2026.xlsx",
]


def versie_van(pad: Path) -> str:
    import python_calamine

    wb = python_calamine.CalamineWorkbook.from_path(str(pad))
    s = wb.get_sheet_by_name("Voorblad")
    rows = s.to_python()
    r0, c0 = s.start
    tekst = rows[6 - 1 - r0][7 - 1 - c0]  # G6
    m = re.search(r"(20\d\d\.\d+)", str(tekst))
    if not m:
        raise SystemExit(f"{pad}: geen versie op Voorblad G6 ({tekst!r})")
    return m.group(1)


def main(argv: list[str]) -> int:
    paden = [Path(a) for a in argv] or STANDAARD
    for pad in paden:
        versie = versie_van(pad)
        fs = formules(open_xlsx(pad))
        doel = DATA / f"vingerafdruk-{versie}.json"
        doel.parent.mkdir(parents=True, exist_ok=True)
        doc = {"versie": versie, "bron": pad.name, "aantal": len(fs), "formules": vingerafdruk(fs)}
        doel.write_text(json.dumps(doc, indent=0, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
        print(f"{doel.relative_to(ROOT)}: {len(fs)} formules (versie {versie})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
