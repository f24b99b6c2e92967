"""Safe file IO for every command (standard library only, so ``bereken`` can use it too).

Reading: ``soort_fout`` looks at a path with ``lstat``/``stat`` before anything opens it
(FIFOs, devices, sockets, directories, symlink loops are refused with a Dutch reason),
``lees_begrensd`` opens with ``O_NONBLOCK`` (a FIFO never blocks the open), checks the
opened descriptor once more with ``fstat`` and reads at most a byte limit.

Writing: ``schrijf_atomair`` writes to a temporary file in the target folder, fsyncs it
and renames it into place (``os.replace``), or links it there when an existing file must
not be replaced; on any error or Ctrl-C the temporary file is removed and the previous
file is untouched. ``controleer_doel`` refuses an output path that is, or links to (hard
or symbolic), one of the inputs.

``toon`` shows names and paths with control characters escaped (``\\x1b``, ``\\n``) for
terminals and reports.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

MB = 1024 * 1024

__all__ = [
    "BestandFout", "DoelFout", "bereid_doel", "controleer_doel", "lees_begrensd", "schrijf_atomair", "soort_fout", "toon",
    "toon_bytes", "zelfde_bestand",
]  # fmt: skip


class BestandFout(Exception):
    """A file that cannot be read or written; the message is the Dutch reason."""


class DoelFout(BestandFout):
    """An output path that is refused before anything is written (usage error)."""


# ------------------------------------------------------------------------------ display

_NAMEN = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(ch: str) -> str:
    o = ord(ch)
    if ch in _NAMEN:
        return _NAMEN[ch]
    if 0xDC80 <= o <= 0xDCFF:  # an undecodable byte of a file name (surrogateescape)
        return f"\\x{o - 0xDC00:02x}"
    if o < 0x100:
        return f"\\x{o:02x}"
    return f"\\u{o:04x}" if o <= 0xFFFF else f"\\U{o:08x}"


def toon(waarde: object) -> str:
    """Text safe for a terminal or a report cell: control characters (C0, DEL, C1), format
    characters such as bidi overrides, line/paragraph separators and undecodable bytes of
    file names are shown escaped (``\\x1b``, ``\\n``, ``\\u202e``, ``\\xff``)."""
    if isinstance(waarde, bytes):
        waarde = os.fsdecode(waarde)
    elif isinstance(waarde, os.PathLike):
        waarde = os.fspath(waarde)
        if isinstance(waarde, bytes):
            waarde = os.fsdecode(waarde)
    s = str(waarde)
    if s.isprintable():  # the common case: nothing to escape
        return s
    return "".join(ch if ch == " " or (ch.isprintable() and unicodedata.category(ch) != "Cf") else _escape(ch) for ch in s)


def toon_bytes(waarde: object) -> str:
    """Only the undecodable bytes of a file name escaped (for JSON, which escapes control
    characters itself but cannot hold a lone surrogate)."""
    s = os.fsdecode(waarde) if isinstance(waarde, bytes) else str(os.fspath(waarde) if isinstance(waarde, os.PathLike) else waarde)
    if not any(0xD800 <= ord(ch) <= 0xDFFF for ch in s):
        return s
    return "".join(_escape(ch) if 0xD800 <= ord(ch) <= 0xDFFF else ch for ch in s)


# ------------------------------------------------------------------------------ reading

GEEN_GEWOON = "geen gewoon bestand; niet geopend"


def _soort_tekst(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is een map, geen bestand"
    if stat.S_ISFIFO(mode):
        return f"is een named pipe (FIFO), {GEEN_GEWOON}"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return f"is een apparaat, {GEEN_GEWOON}"
    if stat.S_ISSOCK(mode):
        return f"is een socket, {GEEN_GEWOON}"
    return GEEN_GEWOON


def _os_reden(exc: OSError, schrijven: bool = False, map_: object = None) -> str:
    e = exc.errno
    if e == errno.ENOENT:
        return "map bestaat niet" if schrijven else "bestand niet gevonden"
    if e in (errno.EACCES, errno.EPERM):
        return f"geen schrijfrechten in {toon(map_)}" if schrijven and map_ is not None else ("geen schrijfrechten" if schrijven else "geen leesrechten")
    if e == errno.ELOOP:
        return "symbolische koppeling in een lus; niet geopend"
    if e == errno.EISDIR:
        return "is een map, geen bestand"
    if e == errno.ENOTDIR:
        return "een deel van het pad is een bestand, geen map"
    if e == errno.ENOSPC:
        return "de schijf is vol"
    if e == getattr(errno, "EDQUOT", -1):
        return "het schijfquotum is op"
    if e == errno.EROFS:
        return "het bestandssysteem is alleen-lezen"
    if e == errno.ENAMETOOLONG:
        return "de naam is te lang"
    if e == errno.EIO:
        return "invoer-/uitvoerfout van het apparaat"
    naam = errno.errorcode.get(e or 0, "")
    return f"systeemfout {naam}".rstrip() if naam else f"systeemfout ({exc.strerror or exc})"


def soort_fout(pad: str | os.PathLike) -> str | None:
    """None for a regular file (also through a symbolic link), else the Dutch reason why
    it is not opened. Nothing is opened: only ``lstat``/``stat``."""
    try:
        st = os.stat(pad)
    except OSError as exc:
        if exc.errno == errno.ENOENT:
            try:
                if stat.S_ISLNK(os.lstat(pad).st_mode):
                    return "symbolische koppeling naar een bestand dat niet bestaat"
            except OSError:
                pass
        return _os_reden(exc)
    except ValueError:  # a NUL byte in the name
        return "ongeldige bestandsnaam"
    return _soort_tekst(st.st_mode)


def lees_begrensd(pad: str | os.PathLike, limiet: int, alleen_gewoon: bool = True) -> bytes:
    """At most ``limiet`` bytes of ``pad``; raises ``BestandFout`` with a Dutch reason when
    it is not a regular file (``alleen_gewoon``), cannot be opened, or is larger."""
    reden = soort_fout(pad) if alleen_gewoon else None
    if reden:
        raise BestandFout(reden)
    vlaggen = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(pad, vlaggen)
    except OSError as exc:
        raise BestandFout(_os_reden(exc)) from None
    except ValueError:
        raise BestandFout("ongeldige bestandsnaam") from None
    try:
        st = os.fstat(fd)
        if alleen_gewoon:
            reden = _soort_tekst(st.st_mode)  # swapped since the check above
            if reden:
                raise BestandFout(reden)
            if st.st_size > limiet:
                raise BestandFout(_te_groot(limiet))
        if hasattr(os, "set_blocking") and stat.S_ISREG(st.st_mode):
            os.set_blocking(fd, True)
        delen: list[bytes] = []
        gelezen = 0
        while gelezen <= limiet:
            try:
                stuk = os.read(fd, min(1 << 20, limiet + 1 - gelezen))
            except BlockingIOError:  # a non-regular source without data now: stop, never wait
                break
            if not stuk:
                break
            delen.append(stuk)
            gelezen += len(stuk)
        if gelezen > limiet:
            raise BestandFout(_te_groot(limiet))
        return b"".join(delen)
    except OSError as exc:
        raise BestandFout(_os_reden(exc)) from None
    finally:
        os.close(fd)


def _te_groot(limiet: int) -> str:
    if limiet >= MB:
        return f"bestand is te groot (meer dan {limiet // MB} MB)"
    return f"bestand is te groot (meer dan {limiet} bytes)"


# ------------------------------------------------------------------------------ outputs


def zelfde_bestand(a: str | os.PathLike, b: str | os.PathLike) -> bool:
    """True when ``a`` and ``b`` are the same file: one resolved path or one inode (a hard
    link or a symbolic link to it)."""
    try:
        if Path(a).resolve() == Path(b).resolve():
            return True
    except (OSError, RuntimeError, ValueError):
        pass
    try:
        sa, sb = os.stat(a), os.stat(b)
    except (OSError, ValueError):
        return False
    return (sa.st_dev, sa.st_ino) == (sb.st_dev, sb.st_ino)


def controleer_doel(doel: str | os.PathLike, invoer: Iterable[str | os.PathLike], wat: str = "de uitvoer") -> None:
    """Raise ``DoelFout`` when ``doel`` is, or links to, one of the ``invoer`` files."""
    for bron in invoer:
        if zelfde_bestand(doel, bron):
            raise DoelFout(f"{wat} {toon(doel)} is (een koppeling naar) het invoerbestand {toon(bron)}; dat wordt nooit overschreven. Kies een andere naam.")


def _doelpad(doel: Path) -> Path:
    """The path really written: through a symbolic link to its target (the link stays)."""
    try:
        return doel.resolve() if doel.is_symlink() else doel
    except (OSError, RuntimeError):
        raise BestandFout(f"kan {toon(doel)} niet schrijven: symbolische koppeling in een lus") from None


def bereid_doel(
    doel: str | os.PathLike, *, invoer: Iterable[str | os.PathLike] = (), wat: str = "de uitvoer", overschrijven: bool = True
) -> Path:
    """The path to write for ``doel`` after every check that needs no writing: not one of
    the ``invoer`` files, not a folder, its folder made; with ``overschrijven=False`` it
    must not exist. Raises ``DoelFout``/``BestandFout`` with a Dutch reason."""
    doel = Path(doel)
    controleer_doel(doel, invoer, wat)
    doel = _doelpad(doel)
    if doel.is_dir():
        raise DoelFout(f"kan {toon(doel)} niet schrijven: dat is een map; geef een bestandsnaam op")
    map_ = doel.parent
    try:
        map_.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise DoelFout(f"kan {toon(doel)} niet schrijven: {toon(_eerste_bestand(map_))} is een bestand, geen map") from None
    except OSError as exc:
        raise BestandFout(f"kan {toon(doel)} niet schrijven: {_os_reden(exc, True, map_)}") from None
    if not overschrijven and (doel.exists() or doel.is_symlink()):
        raise DoelFout(f"{toon(doel)} bestaat al")
    return doel


def schrijf_atomair(
    doel: str | os.PathLike,
    inhoud: bytes | Callable[[BinaryIO], None],
    *,
    overschrijven: bool = True,
    invoer: Iterable[str | os.PathLike] = (),
    wat: str = "de uitvoer",
) -> Path:
    """Write ``inhoud`` (bytes, or a function writing to a binary file) to ``doel`` via a
    temporary file in the same folder: flushed, fsync'd, renamed into place. With
    ``overschrijven=False`` an existing ``doel`` is never replaced (``BestandFout``).
    The previous file survives every error and Ctrl-C; the temporary file is removed."""
    doel = bereid_doel(doel, invoer=invoer, wat=wat, overschrijven=overschrijven)
    map_ = doel.parent
    vlaggen = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    tmp = None
    fd = -1
    try:
        for _ in range(100):
            kandidaat = map_ / f".{doel.name}.{secrets.token_hex(6)}.tmp"
            try:
                fd = os.open(kandidaat, vlaggen, 0o666)  # the mode of any new file (umask), not mkstemp's 0600
            except FileExistsError:
                continue
            tmp = kandidaat
            break
        else:  # pragma: no cover - 100 collisions of 48 random bits
            raise BestandFout(f"kan {toon(doel)} niet schrijven: geen vrije tijdelijke naam in {toon(map_)}")
        with os.fdopen(fd, "wb") as fh:
            fd = -1
            if isinstance(inhoud, (bytes, bytearray, memoryview)):
                fh.write(inhoud)
            else:
                inhoud(fh)
            fh.flush()
            os.fsync(fh.fileno())
        if overschrijven:
            os.replace(tmp, doel)
        else:
            _plaats_nieuw(tmp, doel)
        tmp = None
        _sync_map(map_)
        return doel
    except OSError as exc:
        if isinstance(exc, FileExistsError) and not overschrijven:
            raise DoelFout(f"{toon(doel)} bestaat al") from None
        raise BestandFout(f"kan {toon(doel)} niet schrijven: {_os_reden(exc, True, map_)}") from None
    finally:
        if fd >= 0:
            os.close(fd)
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass


def _plaats_nieuw(tmp: Path, doel: Path) -> None:
    """Move ``tmp`` to ``doel`` only if ``doel`` does not exist (a hard link is atomic and
    fails when it exists); where the file system has no hard links, check and rename."""
    try:
        os.link(tmp, doel)
    except FileExistsError:
        raise
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK, errno.ENOSYS):
            raise
        if doel.exists():
            raise FileExistsError(errno.EEXIST, "bestaat al", str(doel)) from None
        os.replace(tmp, doel)
        return
    os.unlink(tmp)


def _sync_map(map_: Path) -> None:
    """fsync the folder so the rename itself survives a crash (best effort; not on Windows)."""
    try:
        fd = os.open(map_, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _eerste_bestand(map_: Path) -> Path:
    """The first component of ``map_`` that exists and is not a folder."""
    for p in [*reversed(map_.parents), map_]:
        if p.exists() and not p.is_dir():
            return p
    return map_
