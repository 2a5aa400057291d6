"""Where the app's resources are, and the name of its URL scheme. No Qt here.

``resources/`` (icons, translations, the map's web files, the planning data) is found the
same way from a source checkout, an installed wheel and a PyInstaller bundle. The
bootstrap, the UI (icons, catalogues, the map's scheme handler) and the Qt-free planning
rules all read it from here, so none of them imports another for it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_SCHEME = b"app"  # app://…: the map's pages and tiles, served by ui/map/scheme.py

RESOURCES_MARKER = Path("web") / "leaflet" / "leaflet.js"  # every real resources/ has it


def resources_candidates() -> list[Path]:
    """Where ``resources/`` may be, in the order :func:`resources_dir` tries them.

    1. ``movizor_desktop/resources`` — an installed wheel (setup.py copies it there);
    2. ``<checkout>/resources`` — a source checkout or an editable install;
    3. ``<sys._MEIPASS>/resources`` — a PyInstaller bundle.
    """
    package = Path(__file__).resolve().parent
    found = [package / "resources", package.parent / "resources"]
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        found.append(Path(frozen_root) / "resources")
    return found


def resources_dir() -> Path:
    """The app's ``resources/`` folder (``$MOVIZOR_DESKTOP_RESOURCES`` overrides).

    The first of :func:`resources_candidates` that holds Leaflet wins; when none does,
    the package-local path is returned so that error messages name the expected place.
    """
    override = os.environ.get("MOVIZOR_DESKTOP_RESOURCES")
    if override:
        return Path(override)
    candidates = resources_candidates()
    for candidate in candidates:
        if (candidate / RESOURCES_MARKER).is_file():
            return candidate
    return candidates[0]


def app_icon_path() -> Path | None:
    """The window icon: SVG (sharp at any scale), else PNG, else ICO; None without icons."""
    icons = resources_dir() / "icons"
    for name in ("movizor.svg", "movizor.png", "movizor.ico"):
        if (icons / name).is_file():
            return icons / name
    return None


__all__ = [
    "APP_SCHEME",
    "RESOURCES_MARKER",
    "app_icon_path",
    "resources_candidates",
    "resources_dir",
]
