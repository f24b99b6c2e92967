"""Recalculate xlsx files with headless LibreOffice (a real spreadsheet engine).

LibreOffice does not recalculate xlsx formulas on load unless told to; we run it with a
private user profile whose registry sets OOXMLRecalcMode to "always", convert the files to
xlsx (which writes fresh cached values) and read them back with openpyxl data_only.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

_REGISTRY = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="UseLocking" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
"""


def soffice() -> str | None:
    for name in ("soffice", "libreoffice"):
        path = shutil.which(name)
        if path:
            return path
    return None


def _profile(root: Path) -> str:
    user = root / "user"
    user.mkdir(parents=True, exist_ok=True)
    (user / "registrymodifications.xcu").write_text(_REGISTRY, encoding="utf-8")
    return root.as_uri()


def recalculate(paths: list[Path], outdir: Path, fmt: str = "xlsx", timeout: int = 600) -> list[Path]:
    """Open each file in LibreOffice, recalculate and save as ``fmt`` into ``outdir``."""
    exe = soffice()
    if exe is None:
        raise RuntimeError("LibreOffice (soffice) is niet geïnstalleerd")
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as prof:
        env = dict(os.environ, HOME=prof)
        cmd = [
            exe, f"-env:UserInstallation={_profile(Path(prof))}", "--headless", "--norestore",
            "--convert-to", fmt, "--outdir", str(outdir), *map(str, paths),
        ]  # fmt: skip
        subprocess.run(cmd, check=True, capture_output=True, timeout=timeout, env=env)
    out = [outdir / (Path(p).stem + "." + fmt.split(":")[0]) for p in paths]
    missing = [str(p) for p in out if not p.exists()]
    if missing:
        raise RuntimeError(f"LibreOffice schreef niet: {missing}")
    return out
