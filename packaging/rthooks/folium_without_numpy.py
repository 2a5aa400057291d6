"""PyInstaller runtime hook: folium's modules get a stand-in numpy; nobody else does.

The frozen app leaves numpy out (41 MB with its OpenBLAS). folium 0.20 still runs
``import numpy as np`` at the top of ``folium.utilities``, ``folium.features`` and
``folium.plugins.heat_map``; of numpy the app's map paths only ever reach
``isinstance(location, np.ndarray)`` (in ``validate_location``, when a ``folium.Map`` gets its
centre). So every module under ``folium`` is executed with its own ``__import__`` that
answers ``numpy`` with :data:`STAND_IN`: a module whose ``ndarray`` no object is an instance
of, and whose every other attribute raises ImportError naming the folium feature that
needed numpy (choropleths, heat maps, image overlays from arrays).

The stand-in never enters ``sys.modules``: openpyxl, shiboken and anything else that tries
``import numpy`` still get ImportError and take their no-numpy paths (openpyxl would crash
on a fake numpy: it reads ``numpy.short`` and twenty other scalar types at import). No
global state changes while folium is imported (it happens on a worker thread), so there
is no window in which another thread could see the stand-in.
"""

from __future__ import annotations

import builtins
import importlib.abc
import importlib.machinery
import sys
import types

WRAPPED = ("folium",)


class _NumpyStandIn(types.ModuleType):
    class ndarray:
        def __init__(self, *_args, **_kwargs) -> None:
            raise ImportError("numpy is not part of Movizor Desktop's frozen build")

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)
        raise ImportError(
            f"numpy.{name}: numpy is not part of Movizor Desktop's frozen "
            "build, and the folium feature that called it is unavailable"
        )


STAND_IN = _NumpyStandIn("numpy", "numpy stand-in for folium (frozen build)")


def _import(name, globals=None, locals=None, fromlist=(), level=0):
    if level == 0 and (name == "numpy" or name.startswith("numpy.")):
        try:
            return builtins.__import__(name, globals, locals, fromlist, level)
        except ImportError:
            return STAND_IN
    return builtins.__import__(name, globals, locals, fromlist, level)


SCOPED_BUILTINS = {**vars(builtins), "__import__": _import}


class _ScopedLoader(importlib.abc.Loader):
    """Runs the real loader with :data:`SCOPED_BUILTINS` as the module's builtins."""

    def __init__(self, loader) -> None:
        self._loader = loader

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module) -> None:
        module.__dict__["__builtins__"] = SCOPED_BUILTINS
        self._loader.exec_module(module)

    def __getattr__(self, name: str):  # get_resource_reader, get_data, is_package …
        return getattr(self._loader, name)


class FoliumFinder(importlib.abc.MetaPathFinder):
    """Finds folium's modules with the other finders and wraps their loaders."""

    def find_spec(self, fullname, path, target=None):
        if fullname.split(".", 1)[0] not in WRAPPED:
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(fullname, path, target)
            if spec is not None:
                if spec.loader is not None and not isinstance(spec.loader, _ScopedLoader):
                    spec.loader = _ScopedLoader(spec.loader)
                return spec
        return None


def install() -> None:
    if not any(isinstance(finder, FoliumFinder) for finder in sys.meta_path):
        sys.meta_path.insert(0, FoliumFinder())


install()
