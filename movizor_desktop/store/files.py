"""Small file helpers shared by the store: atomic writes and moving a broken file aside.

* :func:`atomic_write_text` writes to a temporary file in the same directory, flushes and
  fsyncs it, then ``os.replace``-s it over the target: a crash leaves the old file or the
  new one, never half of either. The temporary file is created ``0600`` by ``mkstemp``.
* :func:`move_aside` renames a corrupt file to ``<name>.corrupt-<timestamp>`` (with a
  counter when that name is taken) so that nothing the user had is silently destroyed.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

from .. import clock

log = logging.getLogger(__name__)


def atomic_write_text(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` (UTF-8) atomically, creating parent directories."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def atomic_write_json(path: Path, data: Any) -> None:
    """Write ``data`` as indented UTF-8 JSON to ``path`` atomically."""
    atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def read_json(path: Path) -> Any:
    """The JSON in ``path``; raises OSError / ValueError (incl. UnicodeDecodeError)."""
    return json.loads(path.read_text(encoding="utf-8"))


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
