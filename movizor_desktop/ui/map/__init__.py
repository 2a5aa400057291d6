"""The map pane: Leaflet (vendored, via folium) in a QWebEngineView, served by an ``app:``
URL scheme, updated through ``runJavaScript`` and answering through QWebChannel.

Qt-free parts (``places``, ``track``, ``fleet``) import no Qt; :class:`MapPanel` is loaded
on first use (``from movizor_desktop.ui.map import MapPanel``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .panel import MapPanel
    from .scheme import register_app_scheme

__all__ = ["MapPanel", "register_app_scheme"]


def __getattr__(name: str) -> Any:
    if name == "MapPanel":
        from .panel import MapPanel

        return MapPanel
    if name == "register_app_scheme":
        from .scheme import register_app_scheme

        return register_app_scheme
    raise AttributeError(name)
