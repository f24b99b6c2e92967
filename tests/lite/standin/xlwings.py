"""A minimal stand-in for xlwings (CPython and Pyodide): decorators that return the function
and a Book over plain cell data (sheet -> {"A1": value}), dates and times as Excel serials.

``book.sheets[naam][adres].value`` reads and writes one cell or a rectangle (a list of lists).
Unknown sheets raise KeyError. Every write is recorded in ``book.geschreven``.
"""


def func(f=None, **_kw):
    return f if callable(f) else (lambda g: g)


def script(f=None, **_kw):
    return f if callable(f) else (lambda g: g)


def arg(*_args, **_kw):
    return lambda g: g


def ret(*_args, **_kw):
    return lambda g: g


def _kolom(letters):
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def _letters(n):
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def _cel(ref):
    ref = ref.replace("$", "").upper()
    letters = ref.rstrip("0123456789")
    return int(ref[len(letters):]), _kolom(letters)


class Range:
    def __init__(self, sheet, adres):
        self.sheet = sheet
        a, _, b = adres.partition(":")
        self.r1, self.c1 = _cel(a)
        self.r2, self.c2 = _cel(b) if b else (self.r1, self.c1)
        self.enkel = not b

    def _ref(self, r, c):
        return f"{_letters(c)}{r}"

    @property
    def value(self):
        cellen = self.sheet.cellen
        if self.enkel:
            return cellen.get(self._ref(self.r1, self.c1))
        return [[cellen.get(self._ref(r, c)) for c in range(self.c1, self.c2 + 1)] for r in range(self.r1, self.r2 + 1)]

    @value.setter
    def value(self, waarde):
        rijen = waarde if isinstance(waarde, list) else [[waarde] * (self.c2 - self.c1 + 1)] * (self.r2 - self.r1 + 1)
        rijen = [r if isinstance(r, list) else [r] for r in rijen]
        for i, rij in enumerate(rijen):
            for j, v in enumerate(rij):
                ref = self._ref(self.r1 + i, self.c1 + j)
                if v is None or v == "":
                    self.sheet.cellen.pop(ref, None)
                else:
                    self.sheet.cellen[ref] = v
                self.sheet.book.geschreven.add((self.sheet.name, ref))


class Sheet:
    def __init__(self, book, name, cellen):
        self.book = book
        self.name = name
        self.cellen = cellen

    def __getitem__(self, adres):
        return Range(self, adres)

    def range(self, adres):
        return Range(self, adres)


class Sheets:
    def __init__(self, book):
        self.book = book

    def __getitem__(self, naam):
        if naam not in self.book.data:
            raise KeyError(naam)
        return Sheet(self.book, naam, self.book.data[naam])


class Book:
    def __init__(self, data):
        self.data = data
        self.geschreven = set()
        self.sheets = Sheets(self)
