"""Writing an export file safely: all of it or nothing.

Every export is written to a temporary file next to the target and renamed over it only
when complete (``os.replace``), so a full disk or a killed process never leaves half a
workbook under the name the user chose, and an existing file survives a failed export.
A new file gets the usual permissions for a new user file (``0666`` less the umask, which
the kernel applies: the process umask is never touched), not the ``0600`` of the app's own
files: an export is meant to be shared. A file written over keeps its permissions.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from ..store import files


def write_atomic(path: str | Path, write: Callable[[BinaryIO], object]) -> Path:
    """Call ``write(handle)`` on a temporary binary file, then move it to ``path``.

    Raises what the file system raises (PermissionError, OSError with ``errno.ENOSPC``…);
    the temporary file is removed on any failure.
    """
    return files.write_atomic(path, write, mode=files.SHARED_FILE, keep_mode=True)


__all__ = ["write_atomic"]
