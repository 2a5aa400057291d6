"""Small file helpers shared by the store: private folders and files, atomic writes, and
moving a broken file aside.

* **Private on POSIX.** The app's own folders (settings, profiles, the cache with drivers'
  phones and tracks, logs) are ``0700`` and its files ``0600``, so other local users
  cannot read them: :func:`private_dir` creates a folder so (and tightens one an older
  version left ``0755``), :func:`private_file` / :func:`open_private` create or open a
  file so (and tighten a ``0644`` one). Windows keeps each user's profile folder private
  by its ACLs; there these only create.
* :func:`write_atomic` writes to a temporary file in the same directory, flushes and
  fsyncs it, then ``os.replace``-s it over the target: a crash leaves the old file or the
  new one, never half of either. The temporary file is created with the mode asked for
  (``0600`` for the app's files; exports ask for ``0666``, which the kernel reduces by the
  user's umask). The process umask is never read or changed: changing it, even briefly,
  would affect every file any other thread creates meanwhile.
  :func:`atomic_write_text` is the text form for the app's private files.
* :func:`read_templates` reads a list of saved templates that way (route and plan
  templates).
* :func:`move_aside` renames a corrupt file to ``<name>.corrupt-<timestamp>`` (with a
  counter when that name is taken) so that nothing the user had is silently destroyed.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import secrets
import stat
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any, BinaryIO

from .. import clock

log = logging.getLogger(__name__)

PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
SHARED_FILE = 0o666  # before the umask: what any program's new file gets
_POSIX = os.name == "posix"
_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation on raw fds


def _tighten(path: Path, mode: int) -> None:
    """Take group and other permissions away from ``path`` (POSIX; errors are logged)."""
    if not _POSIX:
        return
    try:
        current = stat.S_IMODE(path.stat().st_mode)
        if current & 0o077:
            os.chmod(path, current & mode)
    except OSError as exc:
        log.warning("could not restrict the permissions of %s: %s", path, exc)


def private_dir(path: Path) -> Path:
    """``path`` as an existing folder only its owner can enter (``0700`` on POSIX).

    Missing parents are created with the usual permissions; only ``path`` itself is made
    private (a folder an older version created ``0755`` is tightened)."""
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    _tighten(path, PRIVATE_DIR)
    return path


def private_file(path: Path) -> Path:
    """Create ``path`` empty (``0600``) if it does not exist, else tighten it to ``0600``.

    Call before a library (SQLite, logging) creates the file with the umask's mode."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, PRIVATE_FILE))
    except FileExistsError:
        _tighten(path, PRIVATE_FILE)
    return path


def open_private(path: Path | str, mode: str = "a", **kwargs: Any) -> IO[Any]:
    """``open(path, mode)`` for a text or binary file that is created ``0600`` (and
    tightened to it if it already exists): ``mode`` is ``"a"``, ``"w"`` or ``"ab"``/``"wb"``."""
    flags = os.O_WRONLY | os.O_CREAT | _BINARY
    flags |= os.O_APPEND if mode.startswith("a") else os.O_TRUNC
    fd = os.open(path, flags, PRIVATE_FILE)
    try:
        _tighten(Path(path), PRIVATE_FILE)
        return open(fd, mode, **kwargs)
    except BaseException:
        os.close(fd)
        raise


def _temporary(target: Path, mode: int) -> tuple[Path, int]:
    """A new temporary file next to ``target``, created (``O_EXCL``) with ``mode``."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY
    for _ in range(100):
        tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
        try:
            return tmp, os.open(tmp, flags, mode)
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name next to {target}")


def write_atomic(
    path: str | Path,
    write: Callable[[BinaryIO], object],
    *,
    mode: int = PRIVATE_FILE,
    keep_mode: bool = False,
) -> Path:
    """Call ``write(handle)`` on a temporary binary file, then move it to ``path``.

    The new file has ``mode`` (less the umask, applied by the kernel); with ``keep_mode``
    an existing ``path`` keeps its own permissions. Raises what the file system raises
    (PermissionError, OSError with ``errno.ENOSPC``…); the temporary file is removed on
    any failure.
    """
    target = Path(path)
    tmp, fd = _temporary(target, mode)
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        if keep_mode:
            with contextlib.suppress(OSError):  # no target yet, or a FAT stick
                os.chmod(tmp, stat.S_IMODE(target.stat().st_mode))
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return target


def atomic_write_text(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` (UTF-8, ``\\n`` line ends) atomically, ``0600``,
    creating parent directories."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8")
    write_atomic(path, lambda handle: handle.write(data))


def atomic_write_json(path: Path, data: Any) -> None:
    """Write ``data`` as indented UTF-8 JSON to ``path`` atomically."""
    atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def read_json(path: Path) -> Any:
    """The JSON in ``path``; raises OSError / ValueError (incl. UnicodeDecodeError)."""
    return json.loads(path.read_text(encoding="utf-8"))


def read_templates(path: Path, what: str) -> list[Any]:
    """The ``templates`` list of a ``{"version": …, "templates": [...]}`` file; ``[]`` when
    there is no file, and when it is unreadable (then it is moved aside, logged as
    ``what``, so nothing the user had is destroyed by the next save)."""
    if not path.exists():
        return []
    try:
        data = read_json(path)
        if not isinstance(data, dict) or not isinstance(data.get("templates"), list):
            raise ValueError(f"not a {what} file")
    except (OSError, ValueError) as exc:
        log.warning("%s unreadable (%s); starting empty", what, type(exc).__name__)
        try:
            move_aside(path)
        except OSError:
            log.warning("could not move the unreadable %s aside", what)
        return []
    return data["templates"]


def aside_name(path: Path) -> Path:
    """A free ``<name>.corrupt-<YYYYmmdd-HHMMSS>[-n]`` path next to ``path``."""
    stamp = clock.pc_now().strftime("%Y%m%d-%H%M%S")  # a file name: the PC's own clock
    candidate = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
        counter += 1
    return candidate


def move_aside(path: Path, *, siblings: tuple[str, ...] = ()) -> Path:
    """Rename ``path`` (and ``path + suffix`` for each existing sibling) out of the way.

    Returns the new path of the main file. ``siblings`` are suffixes such as ``-wal``.
    """
    target = aside_name(path)
    os.replace(path, target)
    for suffix in siblings:
        extra = path.with_name(path.name + suffix)
        if extra.exists():
            try:
                os.replace(extra, target.with_name(target.name + suffix))
            except OSError:
                with contextlib.suppress(OSError):
                    extra.unlink()
    log.warning("moved the unreadable file %s aside to %s", path, target.name)
    return target
