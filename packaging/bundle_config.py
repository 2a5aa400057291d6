"""What goes into the frozen bundle: names, version, icons, modules, files to drop.

Read by ``movizor_desktop.spec`` (PyInstaller), ``build.py`` and the tests. Plain Python:
nothing here imports PyInstaller, Qt or the app, so the facts can be checked anywhere.

The version and the bundle identifier have one source, ``movizor_desktop/__init__.py``
(``__version__``, ``APP_ID``); they are read with :mod:`ast`, not imported.
"""

from __future__ import annotations

import ast
import fnmatch
import re
import sys
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent
ROOT = PACKAGING.parent
PACKAGE_INIT = ROOT / "movizor_desktop" / "__init__.py"
RESOURCES = ROOT / "resources"
ICONS = RESOURCES / "icons"

APP_NAME = "Movizor Desktop"  # the .app, the Start-menu entry
EXE_NAME = "movizor-desktop"  # the windowed executable (and the bundle's folder)
DEBUG_EXE_NAME = "movizor-desktop-debug"  # a console twin for support and smoke tests
PUBLISHER = "Movizor Desktop developers"
LANGUAGES = ("ru", "en")  # Qt and Chromium catalogues kept in the bundle
WEBENGINE_LOCALES = ("ru", "en-US")


def _constant(name: str) -> str:
    tree = ast.parse(PACKAGE_INIT.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            value = ast.literal_eval(node.value)
            if isinstance(value, str):
                return value
    raise LookupError(f"{name} is not a string constant in {PACKAGE_INIT}")


def version() -> str:
    """``movizor_desktop.__version__``, e.g. ``0.1.0``."""
    return _constant("__version__")


def bundle_identifier() -> str:
    """``movizor_desktop.APP_ID`` (reverse DNS), the macOS CFBundleIdentifier."""
    return _constant("APP_ID")


def version_tuple(text: str | None = None) -> tuple[int, int, int, int]:
    """Four numbers for Windows' version resource and Inno Setup (``0.1.0`` → 0,1,0,0)."""
    numbers = [int(n) for n in re.findall(r"\d+", (text or version()).split("+")[0])][:4]
    return (*numbers, 0, 0, 0, 0)[:4]  # type: ignore[return-value]


def platform_key(platform: str | None = None) -> str:
    platform = platform or sys.platform
    if platform.startswith("win"):
        return "windows"
    if platform == "darwin":
        return "macos"
    return "linux"


# --- icons ----------------------------------------------------------------------------------

ICON_FILES = {"windows": "movizor.ico", "macos": "movizor.icns", "linux": "movizor.png"}


def icon_file(platform: str | None = None) -> Path | None:
    """The executable/bundle icon for the platform, or None when it is not there (yet)."""
    path = ICONS / ICON_FILES[platform_key(platform)]
    return path if path.is_file() else None


# --- keyring ------------------------------------------------------------------------------

# The backend store/secrets.py pins in a frozen build (configure_backend), with the
# modules it needs at run time that PyInstaller cannot see through entry points.
KEYRING_MODULES = {
    "windows": ["keyring.backends.Windows", "win32ctypes.pywin32.win32cred", "win32ctypes.core"],
    "macos": ["keyring.backends.macOS", "keyring.backends.macOS.api"],
    "linux": ["keyring.backends.SecretService", "secretstorage", "jeepney", "jeepney.io.blocking"],
}
KEYRING_COMMON = ["keyring.backends.fail", "keyring.backends.null", "keyring.backends.chainer"]


def app_modules() -> list[str]:
    """Every module of the app's own package, by dotted name (read off the files, nothing
    imported). The window builds its features from strings (``ui/features/__init__.py``,
    ``FEATURES``: ``import_module`` at run time) and a few packages load names lazily;
    PyInstaller follows only the imports it can see, so the whole package is listed: it is
    small, and a feature missing from a bundle is a menu missing at a customer's."""
    package = PACKAGE_INIT.parent
    names = []
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def hidden_imports(platform: str | None = None) -> list[str]:
    return [*KEYRING_COMMON, *KEYRING_MODULES[platform_key(platform)], *app_modules()]


# --- what is left out -----------------------------------------------------------------------

# Qt modules the app never imports. QtWebEngine links against QtQuick, QtQml,
# QtPositioning, QtQuickWidgets, QtOpenGL and QtWebChannel: their *libraries* stay (the
# binary dependency scan brings them), only their Python modules and PyInstaller's
# QML-plugin collection (all of Qt Quick's controls, 3D, charts …) are excluded.
# Kept: QtCore QtGui QtWidgets QtNetwork QtSvg QtPrintSupport QtDBus QtWebChannel
# QtWebEngineCore QtWebEngineWidgets.
QT_EXCLUDES = [
    "Qt3DAnimation",
    "Qt3DCore",
    "Qt3DExtras",
    "Qt3DInput",
    "Qt3DLogic",
    "Qt3DRender",
    "QtAxContainer",
    "QtBluetooth",
    "QtCharts",
    "QtConcurrent",
    "QtDataVisualization",
    "QtDesigner",
    "QtGraphs",
    "QtGraphsWidgets",
    "QtHelp",
    "QtHttpServer",
    "QtLocation",
    "QtMultimedia",
    "QtMultimediaWidgets",
    "QtNetworkAuth",
    "QtNfc",
    "QtOpenGL",
    "QtOpenGLWidgets",
    "QtPdf",
    "QtPdfWidgets",
    "QtPositioning",
    "QtQml",
    "QtQuick",
    "QtQuick3D",
    "QtQuickControls2",
    "QtQuickTest",
    "QtQuickWidgets",
    "QtRemoteObjects",
    "QtScxml",
    "QtSensors",
    "QtSerialBus",
    "QtSerialPort",
    "QtSpatialAudio",
    "QtSql",
    "QtStateMachine",
    "QtTest",
    "QtTextToSpeech",
    "QtUiTools",
    "QtWebEngineQuick",
    "QtWebSockets",
    "QtWebView",
    "QtXml",
]
PYTHON_EXCLUDES = [
    "tkinter",
    "_tkinter",
    "pytest",
    "_pytest",
    "hypothesis",
    "pytestqt",
    "IPython",
    "matplotlib",
    "PyQt5",
    "PyQt6",
    "PySide2",
    "keyrings.alt",
    "pydoc_data",
    # Developer tools a build environment may hold: pydantic's mypy plugin drags in mypy and
    # its AST library (4 MB), numpy's build-config module PyYAML (3 MB). Never used at run time.
    "mypy",
    "mypyc",
    "ast_serialize",
    "pydantic.mypy",
    "pydantic.v1.mypy",
    "yaml",
    "_yaml",
    # folium's numpy (41 MB with its OpenBLAS): see FOLIUM_WITHOUT_NUMPY below.
    "numpy",
]


def excludes() -> list[str]:
    return [*(f"PySide6.{name}" for name in QT_EXCLUDES), *PYTHON_EXCLUDES]


# Qt libraries only plugins of excluded modules pull in (WebEngine never needs them).
# WebEngine needs Core Gui Widgets Network Qml QmlMeta QmlModels QmlWorkerScript Quick
# QuickWidgets OpenGL Positioning PrintSupport WebChannel: none of them matches below.
DROPPED_QT_LIBRARIES = [
    "3D*",
    "Charts*",
    "DataVisualization*",
    "Graphs*",
    "Labs*",
    "Location*",
    "Multimedia*",
    "Pdf*",
    "Quick3D*",
    "QuickControls2*",
    "QuickDialogs2*",
    "QuickTemplates2*",
    "RemoteObjects*",
    "Scxml*",
    "Sensors*",
    "SerialPort*",
    "ShaderTools*",
    "SpatialAudio*",
    "Sql*",
    "StateMachine*",
    "Test*",
    "TextToSpeech*",
    "VirtualKeyboard*",
    "WebEngineQuick*",
    "WebSockets*",
    "WebView*",
]
# Other files by name: plugins needing a dropped library (the PDF image format, the
# virtual keyboard), Qt Help's catalogues, Chromium's developer tools (the app never
# opens them; 12 MB, 87 MB on Windows with their debug twin), and the Windows wheels'
# debug builds of Chromium's resources and V8 snapshot (*.debug.pak,
# v8_context_snapshot.debug.bin: 5 MB that only a debug QtWebEngineCore reads).
DROPPED_FILES = [
    "*qpdf*",
    "*qtvirtualkeyboardplugin*",
    "qt_help_*.qm",
    "qtwebengine_devtools_resources*.pak",
    "*.debug.pak",
    "v8_context_snapshot.debug.bin",
]
_LIBRARY_PATTERNS = [f"*Qt6{name}" for name in DROPPED_QT_LIBRARIES] + DROPPED_FILES
_FRAMEWORK_PATTERNS = [f"Qt{name}.framework" for name in DROPPED_QT_LIBRARIES]  # macOS
_QT_TRANSLATION = re.compile(r"_([a-z]{2,3})(?:_[A-Z]{2})?\.qm$")
_WEBENGINE_LOCALE = re.compile(r"qtwebengine_locales/([A-Za-z0-9_-]+)\.pak$")


def keep_file(dest: str) -> bool:
    """False for a bundled file the app does not need (by its path inside the bundle)."""
    name = dest.replace("\\", "/")
    parts = name.split("/")
    if any(fnmatch.fnmatch(parts[-1], pattern) for pattern in _LIBRARY_PATTERNS):
        return False
    if any(
        fnmatch.fnmatch(part, pattern) for part in parts[:-1] for pattern in _FRAMEWORK_PATTERNS
    ):
        return False
    if "PySide6" in parts and "qml" in parts:
        return False  # QML modules: the app has no QML, and WebEngine's widgets need none
    match = _WEBENGINE_LOCALE.search(name)
    if match:
        return match.group(1) in WEBENGINE_LOCALES
    match = _QT_TRANSLATION.search(name)
    if match and "PySide6" in parts and "translations" in parts:
        return match.group(1) in LANGUAGES
    return True


def filter_toc(entries: list[tuple]) -> tuple[list[tuple], list[str]]:
    """Split a PyInstaller TOC of (dest, src, kind) into the entries kept and dests dropped."""
    kept: list[tuple] = []
    dropped: list[str] = []
    for entry in entries:
        if keep_file(entry[0]):
            kept.append(entry)
        else:
            dropped.append(entry[0])
    return kept, dropped


# folium 0.20 imports numpy at module level (folium.utilities, folium.features,
# folium.plugins.heat_map) but the app's map (a Map, a TileLayer, our own MacroElement) never
# calls into it: only ``isinstance(location, np.ndarray)`` runs. The frozen build leaves
# numpy out and this runtime hook hands folium's modules, and only them, a stand-in numpy
# (tests/packaging/test_folium_without_numpy.py renders the app's map through it).
FOLIUM_WITHOUT_NUMPY = PACKAGING / "rthooks" / "folium_without_numpy.py"


def runtime_hooks() -> list[str]:
    return [str(FOLIUM_WITHOUT_NUMPY)]


# --- Linux: libraries of the build machine ------------------------------------------------

# PyInstaller copies every library the bundled binaries link, including the build machine's
# own: GTK 3 and its stack for Qt's GTK platform theme (25 MB), CUPS and GnuTLS for the print
# plugin, X11/xcb, GLib, D-Bus, ALSA, libstdc++ (53 MB in all). Those must match the user's
# desktop (its GTK theme engine, its Mesa drivers, its glibc), so the bundle leaves them to
# the host, exactly as ``pip install PySide6`` does: Qt's wheels ship Qt and ICU only. The
# native look stays: the GTK platform-theme plugin stays and loads the desktop's own GTK 3.
# Kept from the host: what Python's own binaries need (libpython, OpenSSL for ``ssl``,
# SQLite, libffi, zlib, …), found from their dependencies at build time, and the libraries
# below, which desktops often lack although Qt cannot start without them: the xcb utility
# libraries of Qt's X11 plugin (libxcb-cursor0 is missing on stock Ubuntu 22.04) and NSS,
# which QtWebEngine links for TLS.
KEPT_HOST_LIBRARIES = [
    "libxcb-cursor.so.*",
    "libxcb-icccm.so.*",
    "libxcb-image.so.*",
    "libxcb-keysyms.so.*",
    "libxcb-render-util.so.*",
    "libxcb-util.so.*",
    "libnss3.so",
    "libnssutil3.so",
    "libsmime3.so",
    "libssl3.so",
    "libsoftokn3.so",
    "libfreebl3.so",
    "libfreeblpriv3.so",
    "libnssckbi.so",
    "libnssdbm3.so",
    "libnspr4.so",
    "libplc4.so",
    "libplds4.so",
]
HOST_LIBRARY_DIRS = ("/lib/", "/lib64/", "/usr/lib/", "/usr/lib64/", "/usr/local/lib/")
_WHEEL_BINARIES = ("PySide6/", "shiboken6/")  # Qt's side: its host needs are the host's


def is_host_library(src: str) -> bool:
    """A shared library the build machine's system folders provided (not a wheel's)."""
    return src.startswith(HOST_LIBRARY_DIRS) and ".so" in Path(src).name


def _is_python_side(dest: str, src: str) -> bool:
    dest = dest.replace("\\", "/")
    if Path(dest).name.startswith("libpython"):
        return True
    return not dest.startswith(_WHEEL_BINARIES) and not is_host_library(src)


def split_host_libraries(entries: list[tuple], imports_of) -> tuple[list[tuple], list[tuple]]:
    """(kept, dropped) TOC entries: host libraries only Qt's binaries need are dropped.

    ``imports_of(path)`` names every library a binary loads (transitively, as ``ldd``
    does): the spec passes PyInstaller's ``bindepend.get_imports``.
    """
    needed: set[str] = set()
    for dest, src, _kind in entries:
        if src and _is_python_side(dest, src) and ".so" in Path(dest).name:
            needed |= {Path(name).name for name, _path in imports_of(src)}
    kept, dropped = [], []
    for entry in entries:
        dest, src, _kind = entry
        name = Path(dest).name
        if (
            src
            and is_host_library(src)
            and not name.startswith("libpython")
            and name not in needed
            and not any(fnmatch.fnmatch(name, p) for p in KEPT_HOST_LIBRARIES)
        ):
            dropped.append(entry)
        else:
            kept.append(entry)
    return kept, dropped


# --- Windows: the MSVC runtime --------------------------------------------------------------

# Every MSVC runtime DLL the binaries of the PySide6/shiboken6 win_amd64 wheels import, as
# ``objdump -p`` lists them (6.11.3: Qt6Core imports MSVCP140_1, Qt6Gui MSVCP140_2). The
# wheels carry them; the spec copies them beside the executables and build.py refuses a
# bundle without them, so users need no VC++ redistributable.
# tests/packaging/test_foreign_wheels.py reads the wheels again and compares.
MSVC_RUNTIME_DLLS = (
    "msvcp140.dll",
    "msvcp140_1.dll",
    "msvcp140_2.dll",
    "vcruntime140.dll",
    "vcruntime140_1.dll",
)


# --- size ----------------------------------------------------------------------------------

# The one-folder bundle and its package, in bytes (1 MB = 10**6), per platform; build.py
# fails a build over budget. Measured on Linux x86_64 only, so only Linux has one.
SIZE_BUDGETS = {"linux": (475_000_000, 200_000_000)}

# --- data files -------------------------------------------------------------------------------

SKIPPED_RESOURCES = ("*.py", "*.ts", "__pycache__", "*.pyc", "screenshots")  # README only


def resource_datas() -> list[tuple[str, str]]:
    """(source, destination folder) pairs for ``resources/``; .qm only, no .ts sources."""
    datas = []
    for path in sorted(RESOURCES.rglob("*")):
        if not path.is_file() or any(
            fnmatch.fnmatch(part, pattern)
            for part in path.relative_to(RESOURCES).parts
            for pattern in SKIPPED_RESOURCES
        ):
            continue
        folder = Path("resources") / path.parent.relative_to(RESOURCES)
        datas.append((str(path), folder.as_posix()))
    return datas


def missing_translations() -> list[str]:
    """``.ts`` catalogues without a compiled ``.qm`` beside them (build.py compiles them)."""
    return [
        ts.name
        for ts in sorted((RESOURCES / "i18n").glob("*.ts"))
        if not ts.with_suffix(".qm").is_file()
    ]


# --- macOS ----------------------------------------------------------------------------------

# The oldest macOS the app supports is the one Qt's wheels are tagged for (6.11.3:
# macosx_13_0_universal2). Qt's frameworks record the same minimum in their load commands;
# the wheelhouse for macOS resolves for it. tests/packaging/test_foreign_wheels.py checks the
# tag of the downloaded wheels and the binaries inside them against this.
MACOS_QT_WHEELS = ("PySide6", "PySide6_Essentials", "PySide6_Addons", "shiboken6")
MACOS_MINIMUM = "13.0"
_MACOS_TAG = re.compile(r"macosx_(\d+)_(\d+)_\w+$")


def macos_minimum(tags: list[str]) -> str:
    """The highest ``macosx_X_Y`` among wheel platform tags, as ``X.Y``."""
    versions = [
        (int(m.group(1)), int(m.group(2))) for tag in tags for m in [_MACOS_TAG.search(tag)] if m
    ]
    if not versions:
        raise ValueError(f"no macOS platform tag among {tags}")
    return "{}.{}".format(*max(versions))


def installed_wheel_tags(distributions: tuple[str, ...] = MACOS_QT_WHEELS) -> list[str]:
    """The ``Tag:`` lines of installed distributions' WHEEL files (those installed)."""
    from importlib import metadata

    tags = []
    for name in distributions:
        try:
            wheel = metadata.distribution(name).read_text("WHEEL") or ""
        except metadata.PackageNotFoundError:
            continue
        tags += [
            line.split(":", 1)[1].strip() for line in wheel.splitlines() if line.startswith("Tag:")
        ]
    return tags


def is_binding_module(path: str) -> bool:
    """PySide6's and shiboken6's own binaries (not Qt's): ``*.abi3.so``, libpyside6,
    libshiboken6, the Designer plugin. 6.11.3 records macOS 15.0 in them, against 13.0
    for Qt's and in the wheels' tag."""
    parts = path.replace("\\", "/").split("/")
    return bool({"PySide6", "shiboken6"} & set(parts[:-1])) and (
        parts[-1].endswith(".abi3.so")
        or parts[-1].startswith(("libpyside6", "libshiboken6", "libPySidePlugin"))
    )


def info_plist(minimum_macos: str = MACOS_MINIMUM) -> dict[str, object]:
    """Keys merged into the .app's Info.plist. The spec passes the minimum read from the
    installed Qt wheels' tags (:func:`macos_minimum` of :func:`installed_wheel_tags`)."""
    return {
        "CFBundleName": APP_NAME,
        "CFBundleDisplayName": APP_NAME,
        "CFBundleIdentifier": bundle_identifier(),
        "CFBundleShortVersionString": version(),
        "CFBundleVersion": version(),
        "CFBundleDevelopmentRegion": "en",
        "CFBundleLocalizations": ["en", "ru"],
        "LSApplicationCategoryType": "public.app-category.business",
        "LSMinimumSystemVersion": minimum_macos,
        "NSHighResolutionCapable": True,
        # The console twin in the same COLLECT would make PyInstaller mark the app
        # background-only (no Dock icon, no menu bar): the windowed one is the app.
        "LSBackgroundOnly": False,
        "NSRequiresAquaSystemAppearance": False,
        "NSHumanReadableCopyright": f"© {PUBLISHER}, MIT licence",
        # QtWebEngine aborts when a page asks for these without a usage string; the map
        # never does, but say so rather than crash.
        "NSLocationUsageDescription": "Movizor Desktop does not use your location.",
        "NSCameraUsageDescription": "Movizor Desktop does not use the camera.",
        "NSMicrophoneUsageDescription": "Movizor Desktop does not use the microphone.",
    }
