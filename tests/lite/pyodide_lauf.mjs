// Run tests/lite/standin/lauf.py under Pyodide in node: node pyodide_lauf.mjs PYODIDE_DIR MAP...
// Every MAP holds main.py, xlwings.py (stand-in), lauf.py, cellen.json, aanroepen.json; uit.json is
// written back. One Pyodide for all maps (main.py is executed again for each, as xlwings Lite does).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [, , pyodideDir, ...mappen] = process.argv;
const { loadPyodide } = await import(pathToFileURL(join(pyodideDir, "pyodide.mjs")).href);
const py = await loadPyodide({ indexURL: pyodideDir + "/" });
for (const [i, map] of mappen.entries()) {
  const doel = `/lauf${i}`;
  py.FS.mkdir(doel);
  for (const f of ["main.py", "xlwings.py", "lauf.py", "cellen.json", "aanroepen.json"]) {
    py.FS.writeFile(`${doel}/${f}`, readFileSync(join(map, f)));
  }
  py.runPython(
    `import sys\nsys.argv = ["lauf.py", ${JSON.stringify(doel)}]\n` +
      `exec(compile(open(${JSON.stringify(doel + "/lauf.py")}).read(), "lauf.py", "exec"), {"__name__": "__main__"})\n` +
      `sys.path.remove(${JSON.stringify(doel)})\nsys.modules.pop("xlwings", None)`,
  );
  const uit = JSON.parse(py.FS.readFile(`${doel}/uit.json`, { encoding: "utf8" }));
  uit.pyodide = py.version;
  writeFileSync(join(map, "uit.json"), JSON.stringify(uit));
}
