"""The frozen build leaves numpy out: the app's map still works through the runtime hook
packaging/rthooks/folium_without_numpy.py, and nothing else sees a fake numpy.

Each case runs in a fresh interpreter in which ``import numpy`` fails, as in the bundle.
(The frozen bundle's own smoke test renders the map in QtWebEngine: test_frozen_bundle.py.)
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from tests.packaging.test_packaging_files import PACKAGING, ROOT

HOOK = PACKAGING / "rthooks" / "folium_without_numpy.py"

NO_NUMPY = """
import importlib.abc, sys

class NoNumpy(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name == "numpy" or name.startswith("numpy."):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None

sys.meta_path.insert(0, NoNumpy())
"""


def run(code: str, *, hook: bool) -> subprocess.CompletedProcess[str]:
    prelude = NO_NUMPY + (f"import runpy; runpy.run_path({str(HOOK)!r})\n" if hook else "")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-c", prelude + textwrap.dedent(code)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_without_the_hook_the_map_cannot_even_be_imported():
    """folium imports numpy at module level: leaving numpy out needs the hook."""
    result = run("import movizor_desktop.ui.features.map.feature as m; m.preload()", hook=False)
    assert result.returncode != 0
    assert "No module named 'numpy'" in result.stderr


def test_the_apps_map_page_renders_without_numpy():
    result = run(
        """
        import sys
        from movizor_desktop.store.settings import AppSettings
        from movizor_desktop.ui.features.map.feature import preload
        from movizor_desktop.ui.map import page, style

        preload()                       # what the app imports on its worker thread
        html = page.build_page(AppSettings(), style.page_texts())
        assert 'id="map_main"' in html and "MzMap.create(map_main" in html, html[:500]
        assert "tile_layer_base" in html
        import folium
        fmap = folium.Map(location=[59.94, 30.31], zoom_start=9)  # validate_location
        assert "59.94" in fmap.get_root().render()
        assert "numpy" not in sys.modules
        print("rendered", len(html))
    """,
        hook=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("rendered ")


def test_other_libraries_still_see_no_numpy():
    """openpyxl (the Excel export) reads twenty numpy types when numpy imports: it must get
    ImportError, not the stand-in, even after folium was imported."""
    result = run(
        """
        import io
        import folium, folium.utilities
        import openpyxl
        from openpyxl.compat import numbers
        assert numbers.NUMPY is False
        assert folium.utilities.np.__name__ == "numpy" and not hasattr(folium.utilities.np,
                                                                        "__version__")
        book = openpyxl.Workbook()
        book.active.append(["+79001234567", 12.5])
        buffer = io.BytesIO()
        book.save(buffer)
        assert openpyxl.load_workbook(buffer).active["B1"].value == 12.5
        try:
            import numpy
        except ImportError:
            print("no numpy for others")
    """,
        hook=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "no numpy for others"


def test_a_folium_feature_that_needs_numpy_says_so():
    result = run(
        """
        import folium.plugins
        try:
            folium.plugins.HeatMap([[55.7, 37.6, 1.0]])
        except ImportError as exc:
            print(exc)
    """,
        hook=True,
    )
    assert result.returncode == 0, result.stderr
    assert "numpy is not part of Movizor Desktop's frozen build" in result.stdout


def test_with_numpy_installed_folium_gets_the_real_one():
    """Only where numpy is missing does the stand-in step in (a source run keeps numpy)."""
    code = f"import runpy; runpy.run_path({str(HOOK)!r})\n" + textwrap.dedent("""
        import folium.utilities, numpy
        assert folium.utilities.np is numpy
        print("real numpy")
    """)
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "real numpy"
