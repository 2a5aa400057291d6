"""The map page, rendered once by folium, with every script and style served locally.

folium and branca ship no JavaScript, only CDN links kept in class-level lists
(``default_js``/``default_css`` of every ``JSCSSMixin`` subclass). :func:`localize_folium`
(run once, at import) points them at ``app://web/...``: Leaflet 1.9.4 is vendored in
``resources/web`` (the fleet's clustering is our own, ``mz/mz-fleet.js``); the jQuery/Bootstrap/
awesome-markers stack is dropped from ``folium.Map`` (the map draws canvas circle markers
and DivIcons only); any other plugin's remote link becomes ``app://web/unvendored/<name>``,
which the scheme handler answers "not found" — a page can never reach a CDN.

The page itself is a skeleton: the map (``prefer_canvas``, stable ids ``map_main`` and
``tile_layer_base``), the tile layer from the settings (with attribution, no
``detectRetina``), and :class:`MzApi`, a MacroElement that loads ``qwebchannel.js``,
``mz-track.js``, ``mz-fleet.js``, ``mz-plan.js`` and ``mz.js`` and creates ``window.mz`` (the JS
API: ``setFleet``, ``selectPhone``, ``showTrack``, ``clearTrack``, ``setRoute``,
``setPickMode``, ``playbackTo``, ``fit``…; a page built with ``plan=True`` — the route
editor's — also ``setPlan``, ``setLive``, ``selectPoint``, ``fitPlan``).
Data never goes into the HTML: Python pushes it through ``runJavaScript``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import folium
import folium.plugins
from folium.elements import JSCSSMixin
from folium.template import Template

from ...store.settings import AppSettings
from .scheme import asset_url

LEAFLET_JS = asset_url("leaflet/leaflet.js")
LEAFLET_CSS = asset_url("leaflet/leaflet.css")
QWEBCHANNEL_JS = asset_url("qtwebchannel/qwebchannel.js")
MZ_TRACK_JS = asset_url("mz/mz-track.js")
MZ_FLEET_JS = asset_url("mz/mz-fleet.js")
MZ_PLAN_JS = asset_url("mz/mz-plan.js")
MZ_JS = asset_url("mz/mz.js")
MZ_CSS = asset_url("mz/mz.css")

VENDORED: dict[str, str] = {
    "leaflet": LEAFLET_JS,
    "leaflet_css": LEAFLET_CSS,
}

MAP_ID = "main"
BASE_ID = "base"
DEFAULT_CENTER = (55.75, 37.62)  # Moscow: the fleet is fitted as soon as it arrives
DEFAULT_ZOOM = 5
CLUSTER_FROM = 300  # markers: from this many on, the fleet is clustered


def _classes(root: type) -> Iterator[type]:
    sub: type
    for sub in root.__subclasses__():
        yield sub
        yield from _classes(sub)


def _local(name: str, url: str) -> str:
    if name in VENDORED:
        return VENDORED[name]
    if url.startswith(("http://", "https://", "//")):
        return asset_url(f"unvendored/{name}")
    return url


def localize_folium() -> None:
    """Point every folium/branca resource list at ``app://`` URLs (idempotent)."""
    folium.Map.default_js = [("leaflet", LEAFLET_JS)]
    folium.Map.default_css = [("leaflet_css", LEAFLET_CSS)]
    for cls in set(_classes(JSCSSMixin)):
        for attr in ("default_js", "default_css"):
            if attr in cls.__dict__ and cls is not folium.Map:
                setattr(cls, attr, [(n, _local(n, u)) for n, u in cls.__dict__[attr]])


localize_folium()


class MzApi(JSCSSMixin):
    """Loads the bridge and the map API; creates ``window.mz`` once the map exists."""

    _template = Template("""
        {% macro script(this, kwargs) %}
            window.mz = MzMap.create({{ this._parent.get_name() }},
                                     {{ this.base.get_name() }}, {{ this.options_js }});
        {% endmacro %}
    """)
    default_js = [  # noqa: RUF012 - folium's own class-level lists
        ("qwebchannel", QWEBCHANNEL_JS),
        ("mz_track_js", MZ_TRACK_JS),
        ("mz_fleet_js", MZ_FLEET_JS),
        ("mz_plan_js", MZ_PLAN_JS),
        ("mz_js", MZ_JS),
    ]
    default_css = [("mz_css", MZ_CSS)]  # noqa: RUF012

    def __init__(self, base: folium.TileLayer, options: dict[str, Any]) -> None:
        super().__init__()
        self._name = "MzApi"
        self._id = "mz"
        self.base = base
        # JSON inside <script>: "</" must not close the element
        self.options_js = json.dumps(options, ensure_ascii=False).replace("</", "<\\/")


def build_map(
    settings: AppSettings,
    texts: dict[str, str],
    *,
    center: tuple[float, float] = DEFAULT_CENTER,
    zoom: int = DEFAULT_ZOOM,
    cluster_from: int = CLUSTER_FROM,
    tiles: tuple[str, str] | None = None,
    plan: bool = False,
) -> folium.Map:
    """The page's map; ``tiles`` = (URL template, attribution) overrides the settings' tile
    server (an offline file's ``app://tiles/...``); ``plan``: with the editable route plan
    (right-click inserts a point, points drag) — the route editor's map, not the window's."""
    tile_url, attribution = (
        tiles if tiles is not None else (settings.tile_url, settings.tile_attribution)
    )
    fmap = folium.Map(
        location=list(center), zoom_start=zoom, tiles=None, prefer_canvas=True, control_scale=False
    )  # mz.js adds a metric-only scale
    fmap._id = MAP_ID
    base = folium.TileLayer(
        tiles=tile_url,
        attr=attribution,
        name="base",
        detect_retina=False,
        max_zoom=19,
        max_native_zoom=19,
        control=False,
        # The interceptor sets a full https Referer; Chromium cancels
        # it under the default strict-origin-when-cross-origin policy.
        referrer_policy="no-referrer-when-downgrade",
    )
    base._id = BASE_ID
    base.add_to(fmap)
    MzApi(base, {"texts": texts, "clusterFrom": cluster_from, "plan": plan}).add_to(fmap)
    return fmap


def build_page(settings: AppSettings, texts: dict[str, str], **kwargs: Any) -> str:
    """The page's HTML (to be served by the ``app:`` scheme handler, never ``setHtml``)."""
    return build_map(settings, texts, **kwargs).get_root().render()
