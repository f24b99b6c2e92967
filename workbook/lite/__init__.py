"""xlwings Lite: the engine inside the workbook (``koppel --lite``, ``bouw --lite``); see docs/lite.md.

- ``controle``: the script *Controleer formulier* (standard library and engine only);
- ``lader``: loads the modules embedded in main.py under their real names;
- ``genereer``: generates main.py from the project's own sources;
- ``pakket``: the web-extension parts; ``blad``: the sheet Python-controle; ``kopie``: for koppel.

This package's ``__init__`` travels inside main.py: it imports nothing.
"""
