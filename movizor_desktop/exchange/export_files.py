"""Writing an export file safely: all of it or nothing.

Every export is written to a temporary file next to the target and renamed over it only
when complete (``os.replace``), so a full disk or a killed process never leaves half a
workbook under the name the user chose, and an existing file survives a failed export.
The file gets the usual permissions for a new user file (0666 minus the umask), not the
0600 of :func:`tempfile.mkstemp`: an export is meant to be shared.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_atomic(path: str | Path, write: Callable[[BinaryIO], None]) -> Path:
    """Call ``write(handle)`` on a temporary binary file, then move it to ``path``.

    Raises what the file system raises (PermissionError, OSError with ``errno.ENOSPC``…);
    the temporary file is removed on any failure.
    """
    target = Path(path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part",
                                    dir=target.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(OSError):  # e.g. a FAT stick: no permissions at all
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return target


__all__ = ["write_atomic"]
