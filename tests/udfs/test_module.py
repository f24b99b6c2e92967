"""The module imports without xlwings, and with xlwings registers what Excel needs."""

from __future__ import annotations

import inspect
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from xl_meerzorg.udfs import meerzorg as mz

REPO = Path(__file__).resolve().parents[2]

# The Excel functions and their arguments, exactly as the UDF API contract names them.
HANDTEKENINGEN = {
    "MZ_INDIVIDUEEL": ["uitvoer", "jaar", "type", "tarief", "zorgprofiel", "dagbesteding", "behandeling",
                       "dag_tot", "dag_functie", "dag_ratio", "weekend_tot", "weekend_functie", "weekend_ratio",
                       "nachtzorg", "behandelaren", "min_uren", "context_uren_jaar", "context_euros", "maanden",
                       "naam", "bsn", "geboortedatum", "opname", "ingang", "cce", "lvhc", "doelgroep", "nieuw_her"],
    "MZ_GROEP": ["uitvoer", "client_nr", "jaar", "tarief", "namen", "zorgprofielen", "dagbestedingen",
                 "behandelingen", "wonen", "dagbesteding_uren", "nachtzorg", "behandelaren", "min_uren",
                 "context_uren_jaar", "context_euros", "maanden", "bsns", "geboortedata", "opnames", "ingangen",
                 "cces", "lvhcs", "doelgroepen", "nieuw_her"],
    "MZ_PARAMETER": ["jaar", "naam", "sleutel"],
    "MZ_VERSIE": ["jaar"],
}  # fmt: skip
for _naam in ("MZ_MEERZORGUREN", "MZ_UITKOMST", "MZ_JAARBEDRAG", "MZ_ETMAALBEDRAG", "MZ_RESULTAAT", "MZ_MELDINGEN"):
    HANDTEKENINGEN[_naam] = HANDTEKENINGEN["MZ_INDIVIDUEEL"][1:]
HANDTEKENINGEN["MZ_GROEP_MELDINGEN"] = HANDTEKENINGEN["MZ_GROEP"][2:]
OPTIONEEL = {"maanden", "sleutel", "MZ_VERSIE.jaar", "bsn", "geboortedatum", "opname", "ingang", "bsns",
             "geboortedata", "opnames", "ingangen", "cce", "lvhc", "doelgroep", "nieuw_her", "cces", "lvhcs", "doelgroepen",
             "MZ_INDIVIDUEEL.naam", "MZ_MEERZORGUREN.naam", "MZ_UITKOMST.naam",
             "MZ_JAARBEDRAG.naam", "MZ_ETMAALBEDRAG.naam", "MZ_RESULTAAT.naam", "MZ_MELDINGEN.naam"}  # fmt: skip
EXCEL_MAX_TEKST = 255  # Excel's limit for a function or argument description in the function wizard


def _run(code: str, extra_path: Path | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(str(p) for p in (extra_path, REPO) if p)
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, env=env,
                          cwd=REPO, timeout=60)  # fmt: skip


def test_signatures_follow_the_contract():
    assert sorted(HANDTEKENINGEN) == sorted(n for n in mz.__all__ if n.startswith("MZ_"))
    for naam, args in HANDTEKENINGEN.items():
        params = inspect.signature(getattr(mz, naam)).parameters
        assert list(params) == args, naam
        for arg, p in params.items():
            optioneel = arg in OPTIONEEL or f"{naam}.{arg}" in OPTIONEEL
            assert (p.default is None) if optioneel else (p.default is inspect.Parameter.empty), (naam, arg)
        doc = inspect.cleandoc(getattr(mz, naam).__doc__)
        assert 0 < len(doc) <= EXCEL_MAX_TEKST, naam


def test_xlwings_is_not_installed_here():
    """The test venv has no xlwings (it is an optional extra); the no-op decorators are in use."""
    import importlib.util

    if importlib.util.find_spec("xlwings") is None:
        assert type(mz.xw).__name__ == "_GeenXlwings"


def test_import_without_xlwings():
    """Even where xlwings is installed, a failing import of it must not break the module."""
    r = _run("""
        import sys
        sys.modules["xlwings"] = None  # makes "import xlwings" raise ImportError
        from xl_meerzorg.udfs import meerzorg
        print(type(meerzorg.xw).__name__, meerzorg.MZ_VERSIE(2026))
    """)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "_GeenXlwings xl-meerzorg 0.1.0; parameterset 2026.01"


FAKE_XLWINGS = '''
import inspect

REGISTER = {}


def _xl(f):
    if not hasattr(f, "__xlfunc__"):
        f.__xlfunc__ = {"args": {p: {} for p in inspect.signature(f).parameters}, "func": None, "ret": {}}
    return f.__xlfunc__


def func(f=None, **opties):
    def inner(f):
        _xl(f)["func"] = opties
        REGISTER[f.__name__] = f
        return f
    return inner if f is None else inner(f)


def arg(naam, convert=None, **opties):
    def inner(f):
        x = _xl(f)
        if naam not in x["args"]:
            raise Exception("Invalid argument name '%s'." % naam)
        x["args"][naam].update(opties)
        return f
    return inner


def ret(convert=None, **opties):
    def inner(f):
        _xl(f)["ret"].update(opties)
        return f
    return inner
'''


def test_registration_with_xlwings(tmp_path):
    """With (a stand-in for) xlwings every function is an @xw.func with Dutch help per argument."""
    (tmp_path / "xlwings.py").write_text(FAKE_XLWINGS, encoding="utf-8")
    r = _run("""
        import json, xlwings
        from xl_meerzorg.udfs import meerzorg
        assert meerzorg.xw is xlwings
        print(json.dumps({n: {"func": f.__xlfunc__["func"], "args": f.__xlfunc__["args"], "ret": f.__xlfunc__["ret"]}
                          for n, f in xlwings.REGISTER.items()}))
    """, tmp_path)  # fmt: skip
    assert r.returncode == 0, r.stderr
    register = json.loads(r.stdout)
    assert sorted(register) == sorted(HANDTEKENINGEN)
    for naam, info in register.items():
        assert info["func"] == {"category": "Meerzorg"}, naam
        assert info["ret"] == {}, naam  # native dynamic arrays spill by themselves: no expand
        assert list(info["args"]) == HANDTEKENINGEN[naam]
        for arg, opties in info["args"].items():
            assert opties.get("doc"), (naam, arg)
            assert len(opties["doc"]) <= EXCEL_MAX_TEKST, (naam, arg)
    ind = register["MZ_INDIVIDUEEL"]["args"]
    for arg in ("dag_tot", "dag_functie", "dag_ratio", "weekend_tot", "weekend_functie", "weekend_ratio",
                "context_euros"):  # fmt: skip
        assert ind[arg]["ndim"] == 2
    assert "ndim" not in ind["nachtzorg"]
    groep = register["MZ_GROEP"]["args"]
    for arg in ("namen", "zorgprofielen", "wonen", "min_uren", "context_euros", "maanden"):
        assert groep[arg]["ndim"] == 2
    assert "ndim" not in groep["context_uren_jaar"]


def test_module_does_not_import_excel_libraries():
    r = _run("""
        import sys
        import xl_meerzorg.udfs.meerzorg
        print(sorted(m for m in ("openpyxl", "python_calamine") if m in sys.modules))
    """)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "[]"
