"""Run main.py of a -lite copy with the stand-in xlwings: ``python lauf.py MAP``.

MAP holds main.py, xlwings.py (the stand-in), cellen.json (sheet -> {ref: value}) and
aanroepen.json (UDF calls [name, args]). Writes uit.json: the cells after the script
"Controleer formulier", the cells it wrote, the UDF results and sys.modules facts.
"""

import json
import sys
import types

map_ = sys.argv[1]
sys.path.insert(0, map_)
import xlwings  # noqa: E402 - the stand-in in MAP

with open(f"{map_}/main.py", encoding="utf-8") as fh:
    bron = fh.read()
main = types.ModuleType("main")
main.__file__ = f"{map_}/main.py"
sys.modules["main"] = main
exec(compile(bron, "main.py", "exec"), main.__dict__)

with open(f"{map_}/cellen.json", encoding="utf-8") as fh:
    data = json.load(fh)
book = xlwings.Book(data)
main.controleer_formulier(book)
with open(f"{map_}/aanroepen.json", encoding="utf-8") as fh:
    aanroepen = json.load(fh)
udf = [getattr(main, naam)(*args) for naam, args in aanroepen]
herkomst = {n: str(getattr(getattr(m, "__spec__", None), "origin", "")) for n, m in sys.modules.items() if n.startswith("xl_meerzorg")}
uit = {
    "cellen": data,
    "geschreven": sorted(map(list, book.geschreven)),
    "udf": udf,
    "herkomst": herkomst,
    "python": sys.version.split()[0],
    "functies": sorted(n for n in dir(main) if n.startswith("MZ_")),
}
with open(f"{map_}/uit.json", "w", encoding="utf-8") as fh:
    json.dump(uit, fh, ensure_ascii=False)
