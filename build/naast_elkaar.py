"""Render the official ZN form of a year and this project's form side by side (maintainer script).

    python build/naast_elkaar.py [--jaar 2026] [--variant aanbieder] [--uit MAP] [--per-blad]
                                 [--officieel PAD.xlsx] [--eigen PAD.xlsx] [--dpi 60]

Both workbooks are exported to PDF by headless LibreOffice (as printed: print areas, page
breaks, fit to page), every page to PNG by ``pdftoppm``. With ``--per-blad`` every sheet is
exported as one page (LibreOffice's SinglePageSheets), and the sheets are paired by name.
The folder MAP (default ``naast-elkaar-<jaar>``) gets ``officieel/`` and ``eigen/`` with the
PDFs and PNGs, ``index.html`` with the pages in pairs (official left, ours right) and, when
Pillow is installed, one side-by-side PNG per pair in ``naast/``. Without ``--eigen`` the
form is built first (``xl_meerzorg.workbook.bouw``). The official workbook is only read.
"""

from __future__ import annotations

import argparse
import html
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

REFERENCE = (ROOT / ".." / "shared" / "reference").resolve()
OFFICIEEL = {
    2025: "aanvraagformulier-meerzorg-rekentool-2025.xlsx",
    2026: "Aanvraag_formulier_meerzorg_Rekentool_2026.xlsx",
}
PER_BLAD = 'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}'
# LibreOffice recalculates every formula on load (a form filled with openpyxl has no cached values)
REGISTRY = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="UseLocking" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
"""


def _soffice() -> str:
    for naam in ("soffice", "libreoffice"):
        pad = shutil.which(naam)
        if pad:
            return pad
    raise SystemExit("LibreOffice (soffice) is niet geïnstalleerd.")


def naar_pdf(xlsx: Path, uit: Path, per_blad: bool) -> Path:
    """``xlsx`` as PDF in ``uit`` (a private LibreOffice profile; the file itself is not changed)."""
    uit.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lo-naast-") as prof, tempfile.TemporaryDirectory(prefix="lo-in-") as tmp:
        (Path(prof) / "user").mkdir()
        (Path(prof) / "user" / "registrymodifications.xcu").write_text(REGISTRY, encoding="utf-8")
        kopie = Path(tmp) / xlsx.name
        shutil.copyfile(xlsx, kopie)
        cmd = [_soffice(), f"-env:UserInstallation={Path(prof).as_uri()}", "--headless", "--norestore",
               "--convert-to", PER_BLAD if per_blad else "pdf", "--outdir", str(uit), str(kopie)]  # fmt: skip
        subprocess.run(cmd, check=True, capture_output=True, timeout=600, env=dict(os.environ, HOME=prof))
    pdf = uit / (xlsx.stem + ".pdf")
    if not pdf.exists():
        raise SystemExit(f"LibreOffice schreef geen PDF voor {xlsx}.")
    return pdf


def naar_png(pdf: Path, dpi: int) -> list[Path]:
    """Every page of ``pdf`` as PNG (``<stem>-<n>.png``), in page order."""
    if shutil.which("pdftoppm") is None:
        raise SystemExit("pdftoppm (poppler-utils) is niet geïnstalleerd.")
    for oud in pdf.parent.glob(f"{pdf.stem}-*.png"):
        oud.unlink()
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(pdf), str(pdf.parent / pdf.stem)], check=True, capture_output=True, timeout=600)
    return sorted(pdf.parent.glob(f"{pdf.stem}-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))


def bladen(xlsx: Path) -> tuple[list[str], list[str]]:
    """(all sheet names, the visible ones), in order."""
    import warnings

    import openpyxl

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(xlsx, read_only=True)
    return [ws.title for ws in wb.worksheets], [ws.title for ws in wb.worksheets if ws.sheet_state == "visible"]


def _per_naam(namen: tuple[list[str], list[str]], paginas: list[Path]) -> dict[str, Path] | None:
    for lijst in namen:  # LibreOffice exports hidden sheets as well, or not
        if len(lijst) == len(paginas):
            return {n.strip(): p for n, p in zip(lijst, paginas)}
    return None


def paren(officieel: list[Path], eigen: list[Path], namen=None) -> list[tuple[str, Path | None, Path | None]]:
    """(title, official page, our page): by sheet name with one page per sheet, else by page number."""
    off = _per_naam(namen[0], officieel) if namen else None
    ons = _per_naam(namen[1], eigen) if namen else None
    if off is not None and ons is not None:
        volgorde = list(off) + [n for n in ons if n not in off]
        return [(n, off.get(n), ons.get(n)) for n in volgorde]
    n = max(len(officieel), len(eigen))
    return [(f"Pagina {i + 1}", officieel[i] if i < len(officieel) else None, eigen[i] if i < len(eigen) else None) for i in range(n)]


def montage(paar: list[tuple[str, Path | None, Path | None]], uit: Path) -> list[Path]:
    """One PNG per pair (official left, ours right) when Pillow is installed; else nothing."""
    try:
        from PIL import Image, ImageDraw
    except ImportError:
        return []
    uit.mkdir(parents=True, exist_ok=True)
    out = []
    for i, (titel, a, b) in enumerate(paar, start=1):
        beelden = [Image.open(x).convert("RGB") if x else None for x in (a, b)]
        b0 = max((im.width for im in beelden if im), default=200)
        h0 = max((im.height for im in beelden if im), default=200)
        doek = Image.new("RGB", (2 * b0 + 30, h0 + 40), "white")
        teken = ImageDraw.Draw(doek)
        teken.text((10, 10), f"{titel}: officieel (links) en xl-meerzorg (rechts)", fill="black")
        for k, im in enumerate(beelden):
            if im:
                doek.paste(im, (10 + k * (b0 + 10), 30))
            else:
                teken.text((10 + k * (b0 + 10), 40), "(geen pagina)", fill="red")
        pad = uit / f"{i:02d}.png"
        doek.save(pad)
        out.append(pad)
    return out


def index(paar, uit: Path, kop: str) -> Path:
    def img(p: Path | None) -> str:
        if p is None:
            return "<td><em>(geen pagina)</em></td>"
        rel = p.relative_to(uit).as_posix()
        return f'<td><a href="{html.escape(rel)}"><img src="{html.escape(rel)}" style="max-width:100%;border:1px solid #999"></a></td>'

    rijen = "\n".join(f"<tr><th colspan=2 style='text-align:left'>{html.escape(t)}</th></tr><tr>{img(a)}{img(b)}</tr>" for t, a, b in paar)
    tekst = (
        f"<!doctype html><html lang='nl'><meta charset='utf-8'><title>{html.escape(kop)}</title>"
        f"<body style='font-family:sans-serif'><h1>{html.escape(kop)}</h1>"
        f"<table style='width:100%;table-layout:fixed'><tr><th>Officieel formulier</th><th>xl-meerzorg</th></tr>{rijen}</table></body></html>"
    )
    pad = uit / "index.html"
    tmp = pad.with_suffix(".tmp")
    tmp.write_text(tekst, encoding="utf-8")
    tmp.replace(pad)
    return pad


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Officieel formulier en xl-meerzorg naast elkaar als PNG-pagina's.")
    ap.add_argument("--jaar", type=int, default=max(OFFICIEEL))
    ap.add_argument("--variant", default="aanbieder", choices=("aanbieder", "zorgkantoor-udf"))
    ap.add_argument("--officieel", type=Path, help="het officiële formulier (standaard: ../shared/reference)")
    ap.add_argument("--eigen", type=Path, help="een gebouwd formulier (standaard: nu gebouwd)")
    ap.add_argument("--uit", type=Path)
    ap.add_argument("--per-blad", action="store_true", help="elk blad op één pagina, per blad naast elkaar")
    ap.add_argument("--dpi", type=int, default=60)
    a = ap.parse_args(argv)
    officieel = a.officieel or REFERENCE / OFFICIEEL.get(a.jaar, "")
    if not officieel.is_file():
        raise SystemExit(f"Het officiële formulier {officieel} bestaat niet.")
    uit = (a.uit or Path(f"naast-elkaar-{a.jaar}")).resolve()
    uit.mkdir(parents=True, exist_ok=True)
    if a.eigen:
        eigen = a.eigen
    else:
        from xl_meerzorg.workbook.bouw import bouw_variant

        eigen = bouw_variant(a.jaar, a.variant, uit / "eigen")
    pagina = {}
    for naam, xlsx in (("officieel", officieel), ("eigen", eigen)):
        pagina[naam] = naar_png(naar_pdf(xlsx, uit / naam, a.per_blad), a.dpi)
    namen = (bladen(officieel), bladen(eigen)) if a.per_blad else None
    paar = paren(pagina["officieel"], pagina["eigen"], namen)
    montage(paar, uit / "naast")
    soort = "per blad" if a.per_blad else "zoals afgedrukt"
    pad = index(paar, uit, f"Aanvraagformulier meerzorg {a.jaar}: officieel en xl-meerzorg ({soort})")
    print(f"Officieel: {len(pagina['officieel'])} pagina's, xl-meerzorg: {len(pagina['eigen'])} pagina's.")
    print(f"Bekijk {pad}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
