"""Where the app keeps its files.

Three ways to choose the root, first match wins:

1. an explicit ``root`` (tests, ``--home`` style flags);
2. the ``MOVIZOR_DESKTOP_HOME`` environment variable (portable installs, tests);
3. the platform's per-user directories via :mod:`platformdirs`
   (appname ``MovizorDesktop``, appauthor ``Movizor``).

With a root, the layout is ``config/``, ``data/``, ``logs/`` and ``cache/`` under it.
Directories are created when first asked for, never at construction, and are private
(``0700`` on POSIX: they hold drivers' phones and tracks; see :mod:`.files`).
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from pathlib import Path

import platformdirs

from .files import private_dir

APP_NAME = "MovizorDesktop"
APP_AUTHOR = "Movizor"
HOME_ENV = "MOVIZOR_DESKTOP_HOME"

_SLUG_MAX = 40
_HASH_LEN = 10

# Russian → Latin (a simple passport-style table), so profile folders stay readable.
_TRANSLIT = str.maketrans(
    {
        "а": "a",
        "б": "b",
        "в": "v",
        "г": "g",
        "д": "d",
        "е": "e",
        "ё": "e",
        "ж": "zh",
        "з": "z",
        "и": "i",
        "й": "i",
        "к": "k",
        "л": "l",
        "м": "m",
        "н": "n",
        "о": "o",
        "п": "p",
        "р": "r",
        "с": "s",
        "т": "t",
        "у": "u",
        "ф": "f",
        "х": "kh",
        "ц": "ts",
        "ч": "ch",
        "ш": "sh",
        "щ": "shch",
        "ъ": "",
        "ы": "y",
        "ь": "",
        "э": "e",
        "ю": "iu",
        "я": "ia",
    }
)


def safe_name(name: str) -> str:
    """A file-system-safe, distinct folder name for ``name``.

    An ASCII slug (lower case, ``[a-z0-9-]``, at most 40 characters, Cyrillic
    transliterated) plus a short hash of the exact name: ``"Мой договор"`` becomes
    ``moi-dogovor-<hash>``, ``"../x"`` becomes ``x-<hash>``; names differing only in case
    or punctuation still get different folders.
    """
    digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:_HASH_LEN]
    text = unicodedata.normalize("NFKC", name).lower().translate(_TRANSLIT)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:_SLUG_MAX].strip("-")
    return f"{slug or 'profile'}-{digest}"


class AppPaths:
    """The app's directories (created on first access)."""

    def __init__(self, root: Path | None = None) -> None:
        if root is None:
            env = os.environ.get(HOME_ENV, "").strip()
            root = Path(env).expanduser() if env else None
        self.root: Path | None = Path(root).absolute() if root is not None else None

    def __repr__(self) -> str:
        where = str(self.root) if self.root is not None else "platformdirs"
        return f"AppPaths({where})"

    @staticmethod
    def _ensure(path: Path) -> Path:
        return private_dir(path)

    def _pick(self, sub: str, platform_dir: str) -> Path:
        return self._ensure(self.root / sub if self.root is not None else Path(platform_dir))

    @property
    def config_dir(self) -> Path:
        """Profiles and settings (small JSON files)."""
        return self._pick("config", platformdirs.user_config_dir(APP_NAME, APP_AUTHOR))

    @property
    def data_dir(self) -> Path:
        """Per-profile data: ``profiles/<safe name>/cache.sqlite3``."""
        return self._pick("data", platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))

    @property
    def log_dir(self) -> Path:
        """Log files."""
        return self._pick("logs", platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))

    @property
    def cache_dir(self) -> Path:
        """Disposable caches (map tiles, web engine cache)."""
        return self._pick("cache", platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR))

    def profile_dir(self, profile: str) -> Path:
        """``data_dir/profiles/<safe name>`` for the profile ``profile`` (created)."""
        return self._ensure(self._ensure(self.data_dir / "profiles") / safe_name(profile))
