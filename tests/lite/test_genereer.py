"""The generated main.py: the project's own sources and parameter sets verbatim, standard library
only, one @func wrapper per UDF with the same signature and Dutch docstring, the @script."""

from __future__ import annotations

import ast
import inspect
import sys
import types
from importlib import resources
from pathlib import Path

import pytest

from xl_meerzorg.udfs import meerzorg
from xl_meerzorg.workbook.lite import genereer

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def boom() -> ast.Module:
    return ast.parse(genereer.main_py())


def _toewijzing(boom: ast.Module, naam: str):
    for node in boom.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == naam for t in node.targets):
            return node.value
    raise AssertionError(naam)


def test_bronnen_zijn_de_eigen_bestanden(boom):
    bronnen = ast.literal_eval(_toewijzing(boom, "_BRONNEN"))
    assert "xl_meerzorg.parameters.laden" in bronnen and "xl_meerzorg.workbook.officieel" in bronnen
    for naam, (pad, pakket, bron) in bronnen.items():
        assert bron == (ROOT / pad).read_text(encoding="utf-8"), naam
        assert pakket == pad.endswith("__init__.py")
    # every engine module the UDFs and the script need, and nothing of the IO side
    assert {n for n in bronnen if n.startswith("xl_meerzorg.regels.")} == {
        f"xl_meerzorg.regels.{p.stem}" for p in (ROOT / "xl_meerzorg" / "regels").glob("*.py")
        if p.stem not in ("__init__", "verhuis")  # verhuis: only the form builder's Verhuisformulier uses it
    }
    assert not {n for n in bronnen if ".koppel" in n or ".controle." in n or n.endswith((".bouw", ".cli", ".veilig"))}


def test_parametersets_met_bronnen(boom):
    waarde = _toewijzing(boom, "_BESTANDEN")
    tomls = {k.value: v.func.value.value for k, v in zip(waarde.values[0].keys, waarde.values[0].values)}
    verwacht = {e.name: e.read_text(encoding="utf-8") for e in resources.files("xl_meerzorg.parameters").iterdir() if e.name.endswith(".toml")}
    assert tomls == verwacht
    assert all("bron" in t for t in tomls.values())


def _imports(bron: str) -> set[str]:
    namen = set()
    for node in ast.walk(ast.parse(bron)):
        if isinstance(node, ast.Import):
            namen.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level:
            namen.add(node.module.split(".")[0])
    return namen


def test_alleen_de_standaardbibliotheek(boom):
    bronnen = ast.literal_eval(_toewijzing(boom, "_BRONNEN"))
    alles = _imports(genereer.main_py()) | set().union(*(_imports(b) for _p, _k, b in bronnen.values()))
    vreemd = alles - set(sys.stdlib_module_names) - {"xl_meerzorg", "xlwings", "__future__"}
    assert not vreemd
    assert not alles & {"threading", "multiprocessing", "subprocess", "concurrent", "socket"}


def test_een_wrapper_per_udf(boom):
    functies = {n.name: n for n in boom.body if isinstance(n, ast.FunctionDef)}
    udfs = [n for n in meerzorg.__all__ if n.startswith("MZ_")]
    assert udfs
    for naam in udfs:
        node = functies[naam]
        assert isinstance(node.decorator_list[0], ast.Name) and node.decorator_list[0].id == "func"
        assert ast.get_docstring(node) == inspect.getdoc(getattr(meerzorg, naam))
        args = [a.arg for a in node.args.args]
        assert args == list(inspect.signature(getattr(meerzorg, naam)).parameters)
        # the @arg help texts are those of udfs/meerzorg.py; ranges as 2-D
        opties = {d.args[0].value: {k.arg: ast.literal_eval(k.value) for k in d.keywords} for d in node.decorator_list[1:]}
        assert list(opties) == args
    ind = {d.args[0].value: {k.arg: ast.literal_eval(k.value) for k in d.keywords} for d in functies["MZ_INDIVIDUEEL"].decorator_list[1:]}
    assert ind["dag_tot"] == {"ndim": 2, "doc": "Maandag-vrijdag: kolom 'Tijd tot' (de eerste regel begint om 07:00)."}
    assert ind["uitvoer"]["doc"].startswith("Wat u wilt zien: uitkomst, uitkomst_label,")
    script = functies[genereer.SCRIPT_NAAM]
    assert [ast.unparse(d) for d in script.decorator_list] == ["script"]
    assert ast.unparse(script.args.args[0].annotation) == "xw.Book"
    assert ast.get_docstring(script).startswith("Controleer formulier: ")


def test_deterministisch():
    eerst = genereer.main_py()
    genereer.main_py.cache_clear()
    assert genereer.main_py() == eerst


def test_in_een_proces_met_het_project(monkeypatch):
    """Executed in a process that has the project loaded, main.py uses its embedded copy and
    leaves the process's own modules in place afterwards."""
    import xl_meerzorg.parameters.laden as echt

    standin = types.ModuleType("xlwings")
    standin.func = standin.script = lambda f=None, **k: f if callable(f) else (lambda g: g)
    standin.arg = standin.ret = lambda *a, **k: (lambda g: g)
    monkeypatch.setitem(sys.modules, "xlwings", standin)
    ns: dict = {"__name__": "main"}
    exec(compile(genereer.main_py(), "main.py", "exec"), ns)  # noqa: S102
    assert sys.modules["xl_meerzorg.parameters.laden"] is echt
    assert ns["_udfs"].__spec__.origin == "xl-meerzorg-lite:udfs/meerzorg.py"
    assert ns["MZ_VERSIE"](2026) == "xl-meerzorg 0.1.0; parameterset 2026.01"
    assert ns["MZ_PARAMETER"](2026, "maximum_etmaalbedrag") == meerzorg.MZ_PARAMETER(2026, "maximum_etmaalbedrag")


def test_in_een_proces_waar_het_project_te_importeren_is(tmp_path):
    """Run in a Python with the project installed but not imported: afterwards the process
    imports the real project (also modules main.py does not carry)."""
    import subprocess

    (tmp_path / "main.py").write_text(genereer.main_py(), encoding="utf-8")
    (tmp_path / "xlwings.py").write_text((Path(__file__).parent / "standin" / "xlwings.py").read_text(), encoding="utf-8")
    code = (
        "import runpy, sys\n"
        f"sys.path.insert(0, {str(tmp_path)!r})\n"
        f"ns = runpy.run_path({str(tmp_path / 'main.py')!r})\n"
        "assert ns['MZ_VERSIE'](2026) == 'xl-meerzorg 0.1.0; parameterset 2026.01'\n"
        "assert all(not str(m.__spec__.origin).startswith('xl-meerzorg-lite') for n, m in sys.modules.items() if n.startswith('xl_meerzorg'))\n"
        "from xl_meerzorg.workbook.lite.genereer import main_py\n"
        "import xl_meerzorg\n"
        "assert not xl_meerzorg.__spec__.origin.startswith('xl-meerzorg-lite'), xl_meerzorg.__spec__.origin\n"
        "print('ok')\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout == "ok\n"
