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

APP_NAME = "Movizor Desktop"      # the .app, the Start-menu entry
EXE_NAME = "movizor-desktop"      # the windowed executable (and the bundle's folder)
DEBUG_EXE_NAME = "movizor-desktop-debug"  # a console twin for support and smoke tests
PUBLISHER = "Movizor Desktop developers"
LANGUAGES = ("ru", "en")          # Qt and Chromium catalogues kept in the bundle
WEBENGINE_LOCALES = ("ru", "en-US")


def _constant(name: str) -> str:
    tree = ast.parse(PACKAGE_INIT.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == name for t in node.targets):
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

# The backend store/secrets.py pins in a frozen build (configure_frozen_backend), with the
# modules it needs at run time that PyInstaller cannot see through entry points.
KEYRING_MODULES = {
    "windows": ["keyring.backends.Windows", "win32ctypes.pywin32.win32cred",
                "win32ctypes.core"],
    "macos": ["keyring.backends.macOS", "keyring.backends.macOS.api"],
    "linux": ["keyring.backends.SecretService", "secretstorage", "jeepney",
              "jeepney.io.blocking"],
}
KEYRING_COMMON = ["keyring.backends.fail", "keyring.backends.null", "keyring.backends.chainer"]


def hidden_imports(platform: str | None = None) -> list[str]:
    return [*KEYRING_COMMON, *KEYRING_MODULES[platform_key(platform)]]


# --- what is left out -----------------------------------------------------------------------

# Qt modules the app never imports. QtWebEngine links against QtQuick, QtQml,
# QtPositioning, QtQuickWidgets, QtOpenGL and QtWebChannel: their *libraries* stay (the
# binary dependency scan brings them), only their Python modules and PyInstaller's
# QML-plugin collection (all of Qt Quick's controls, 3D, charts …) are excluded.
# Kept: QtCore QtGui QtWidgets QtNetwork QtSvg QtPrintSupport QtDBus QtWebChannel
# QtWebEngineCore QtWebEngineWidgets.
QT_EXCLUDES = [
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
    "QtAxContainer", "QtBluetooth", "QtCharts", "QtConcurrent", "QtDataVisualization",
    "QtDesigner", "QtGraphs", "QtGraphsWidgets", "QtHelp", "QtHttpServer", "QtLocation",
    "QtMultimedia", "QtMultimediaWidgets", "QtNetworkAuth", "QtNfc", "QtOpenGL",
    "QtOpenGLWidgets", "QtPdf", "QtPdfWidgets", "QtPositioning", "QtQml", "QtQuick",
    "QtQuick3D", "QtQuickControls2", "QtQuickTest", "QtQuickWidgets", "QtRemoteObjects",
    "QtScxml", "QtSensors", "QtSerialBus", "QtSerialPort", "QtSpatialAudio", "QtSql",
    "QtStateMachine", "QtTest", "QtTextToSpeech", "QtUiTools", "QtWebEngineQuick",
    "QtWebSockets", "QtWebView", "QtXml",
]
PYTHON_EXCLUDES = [
    "tkinter", "_tkinter", "pytest", "_pytest", "hypothesis", "pytestqt", "IPython",
    "matplotlib", "PyQt5", "PyQt6", "PySide2", "keyrings.alt", "pydoc_data",
]


def excludes() -> list[str]:
    return [*(f"PySide6.{name}" for name in QT_EXCLUDES), *PYTHON_EXCLUDES]


# Qt libraries only plugins of excluded modules pull in (WebEngine never needs them).
# WebEngine needs Core Gui Widgets Network Qml QmlMeta QmlModels QmlWorkerScript Quick
# QuickWidgets OpenGL Positioning PrintSupport WebChannel: none of them matches below.
DROPPED_QT_LIBRARIES = [
    "3D*", "Charts*", "DataVisualization*", "Graphs*", "Labs*", "Location*", "Multimedia*",
    "Pdf*", "Quick3D*", "QuickControls2*", "QuickDialogs2*", "QuickTemplates2*",
    "RemoteObjects*", "Scxml*", "Sensors*", "SerialPort*", "ShaderTools*", "SpatialAudio*",
    "Sql*", "StateMachine*", "Test*", "TextToSpeech*", "VirtualKeyboard*", "WebEngineQuick*",
    "WebSockets*", "WebView*",
]
# Other files by name: plugins needing a dropped library (the PDF image format, the
# virtual keyboard), Qt Help's catalogues, Chromium's developer tools (the app never
# opens them; 12 MB).
DROPPED_FILES = ["*qpdf*", "*qtvirtualkeyboardplugin*", "qt_help_*.qm",
                 "qtwebengine_devtools_resources*.pak"]
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
    if any(fnmatch.fnmatch(part, pattern) for part in parts[:-1]
           for pattern in _FRAMEWORK_PATTERNS):
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


# --- data files -------------------------------------------------------------------------------

SKIPPED_RESOURCES = ("*.py", "*.ts", "__pycache__", "*.pyc", "screenshots")  # README only


def resource_datas() -> list[tuple[str, str]]:
    """(source, destination folder) pairs for ``resources/``; .qm only, no .ts sources."""
    datas = []
    for path in sorted(RESOURCES.rglob("*")):
        if not path.is_file() or any(fnmatch.fnmatch(part, pattern)
                                     for part in path.relative_to(RESOURCES).parts
                                     for pattern in SKIPPED_RESOURCES):
            continue
        folder = Path("resources") / path.parent.relative_to(RESOURCES)
        datas.append((str(path), folder.as_posix()))
    return datas


def missing_translations() -> list[str]:
    """``.ts`` catalogues without a compiled ``.qm`` beside them (build.py compiles them)."""
    return [ts.name for ts in sorted((RESOURCES / "i18n").glob("*.ts"))
            if not ts.with_suffix(".qm").is_file()]


# --- macOS ----------------------------------------------------------------------------------

def info_plist() -> dict[str, object]:
    """Keys merged into the .app's Info.plist."""
    return {
        "CFBundleName": APP_NAME,
        "CFBundleDisplayName": APP_NAME,
        "CFBundleIdentifier": bundle_identifier(),
        "CFBundleShortVersionString": version(),
        "CFBundleVersion": version(),
        "CFBundleDevelopmentRegion": "en",
        "CFBundleLocalizations": ["en", "ru"],
        "LSApplicationCategoryType": "public.app-category.business",
        "LSMinimumSystemVersion": "12.0",
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
