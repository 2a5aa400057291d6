"""The packaging files agree with each other and with the app: one version, one identifier,
the keyring backends the frozen app pins, Qt modules QtWebEngine needs kept, the macOS
minimum. (The workflow: test_workflow.py; the Windows installer: test_windows.py.)"""

from __future__ import annotations

import importlib.util
import re
import sys
import tarfile
from pathlib import Path

import pytest

import movizor_desktop
from movizor_desktop.store import secrets

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
ISS = PACKAGING / "windows" / "movizor.iss"
SPEC = PACKAGING / "movizor_desktop.spec"


def load(name: str, as_name: str):
    """packaging/<name>.py as module ``as_name``; leaves sys.path as it found it."""
    spec = importlib.util.spec_from_file_location(as_name, PACKAGING / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[as_name] = module
    path = list(sys.path)
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path[:] = path
    return module


cfg = load("bundle_config", "bundle_config")  # build.py imports it by that name


def test_version_and_identifier_have_one_source():
    assert cfg.version() == movizor_desktop.__version__
    assert cfg.bundle_identifier() == movizor_desktop.APP_ID == "ru.movizor.desktop"
    assert cfg.version_tuple("0.1.0") == (0, 1, 0, 0)
    assert cfg.version_tuple("2.10.3.7") == (2, 10, 3, 7)
    version = re.compile(r"(?<![\d.])" + re.escape(movizor_desktop.__version__) + r"(?![\d.])")
    for path in (SPEC, ISS, PACKAGING / "build.py", PACKAGING / "macos" / "make_dmg.sh"):
        code = [
            line
            for line in path.read_text(encoding="utf-8").splitlines()
            if not line.lstrip().startswith((";", "#"))
        ]
        assert not version.search("\n".join(code)), f"{path.name} hard-codes the version"


def test_info_plist():
    plist = cfg.info_plist("13.0")
    assert plist["LSMinimumSystemVersion"] == "13.0"
    assert cfg.info_plist("14.2")["LSMinimumSystemVersion"] == "14.2"
    assert plist["CFBundleIdentifier"] == movizor_desktop.APP_ID
    assert (
        plist["CFBundleShortVersionString"]
        == plist["CFBundleVersion"]
        == movizor_desktop.__version__
    )
    assert plist["NSHighResolutionCapable"] is True
    assert plist["LSBackgroundOnly"] is False  # the console twin must not make it a daemon
    assert plist["CFBundleName"] == cfg.APP_NAME


def test_spec_takes_everything_from_bundle_config():
    text = SPEC.read_text(encoding="utf-8")
    for needed in (
        "cfg.version()",
        "cfg.bundle_identifier()",
        "cfg.info_plist(cfg.macos_minimum(cfg.installed_wheel_tags()))",
        "cfg.excludes()",
        "cfg.hidden_imports()",
        "cfg.resource_datas()",
        "cfg.runtime_hooks()",
        "cfg.filter_toc(a.binaries)",
        "cfg.filter_toc(a.datas)",
        "cfg.split_host_libraries(a.binaries",
        "console=False",
        "console=True",
        "cfg.icon_file()",
    ):
        assert needed in text, needed
    assert "cfg.MSVC_RUNTIME_DLLS" in text  # the MSVC runtime beside the executables


@pytest.mark.parametrize("platform", ["win32", "darwin", "linux"])
def test_the_frozen_keyring_backend_is_bundled(platform):
    module, _class = secrets._FROZEN_BACKENDS[platform]
    assert module in cfg.hidden_imports(platform)
    assert not any(e == "keyring" or e.startswith("keyring.") for e in cfg.excludes())
    assert "keyrings.alt" in cfg.excludes()  # a plaintext "keyring" must never ship


def test_no_qt_module_the_app_imports_is_excluded():
    used = set()
    for path in (ROOT / "movizor_desktop").rglob("*.py"):
        used |= set(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    assert {"QtWebEngineCore", "QtWebEngineWidgets", "QtWebChannel"} <= used | {"QtWebChannel"}
    excluded = {e.split(".", 1)[1] for e in cfg.excludes() if e.startswith("PySide6.")}
    assert not used & excluded, used & excluded
    assert (
        not {
            "QtWebEngineCore",
            "QtWebEngineWidgets",
            "QtWebChannel",
            "QtNetwork",
            "QtPrintSupport",
            "QtSvg",
        }
        & excluded
    )


def webengine_libraries() -> set[str]:
    """The Qt libraries QtWebEngine's shared objects name (DT_NEEDED strings) on Linux."""
    spec = importlib.util.find_spec("PySide6")
    lib = Path(next(iter(spec.submodule_search_locations))) / "Qt" / "lib"
    names: set[str] = set()
    for name in (
        "libQt6WebEngineCore.so.6",
        "libQt6WebEngineWidgets.so.6",
        "libQt6WebChannel.so.6",
    ):
        data = (lib / name).read_bytes()
        names |= {m.decode() for m in re.findall(rb"libQt6\w+\.so\.6", data)}
    return names


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads Linux ELF files")
def test_every_library_webengine_links_is_kept():
    needed = webengine_libraries()
    assert {"libQt6Quick.so.6", "libQt6Qml.so.6", "libQt6Positioning.so.6"} <= needed
    for name in sorted(needed):
        assert cfg.keep_file(f"PySide6/Qt/lib/{name}"), name


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/lib/libQt6WebEngineCore.so.6", True),
        ("PySide6/Qt6WebEngineCore.dll", True),
        ("PySide6/Qt/lib/QtWebEngineCore.framework/Versions/A/QtWebEngineCore", True),
        ("PySide6/Qt/libexec/QtWebEngineProcess", True),
        ("PySide6/Qt/resources/qtwebengine_resources.pak", True),
        ("PySide6/Qt/resources/icudtl.dat", True),
        ("PySide6/Qt/resources/qtwebengine_devtools_resources.pak", False),
        ("PySide6/resources/qtwebengine_resources.pak", True),
        ("PySide6/resources/qtwebengine_resources.debug.pak", False),
        ("PySide6/resources/qtwebengine_resources_100p.debug.pak", False),
        ("PySide6/resources/qtwebengine_devtools_resources.debug.pak", False),
        ("PySide6/resources/v8_context_snapshot.bin", True),
        ("PySide6/resources/v8_context_snapshot.debug.bin", False),
        ("PySide6/Qt/lib/QtWebEngineCore.framework/Resources/v8_context_snapshot.arm64.bin", True),
        ("PySide6/Qt/translations/qtwebengine_locales/ru.pak", True),
        ("PySide6/Qt/translations/qtwebengine_locales/en-US.pak", True),
        ("PySide6/Qt/translations/qtwebengine_locales/de.pak", False),
        ("PySide6/Qt/translations/qtwebengine_locales/es-419.pak", False),
        ("PySide6/Qt/translations/qtbase_ru.qm", True),
        ("PySide6/Qt/translations/qtbase_en.qm", True),
        ("PySide6/Qt/translations/qtbase_zh_CN.qm", False),
        ("PySide6/Qt/translations/qt_help_ru.qm", False),
        ("PySide6/Qt/lib/libQt63DCore.so.6", False),
        ("PySide6/Qt/lib/libQt6Quick3D.so.6", False),
        ("PySide6/Qt/lib/libQt6Quick.so.6", True),
        ("PySide6/Qt/lib/QtCharts.framework/Versions/A/QtCharts", False),
        ("PySide6/Qt/qml/QtQuick/Controls/libqtquickcontrols2plugin.so", False),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqpdf.so", False),
        ("resources/i18n/movizor_ru.qm", True),
        ("resources/web/leaflet/leaflet.js", True),
    ],
)
def test_keep_file(dest, kept):
    assert cfg.keep_file(dest) is kept
    assert cfg.keep_file(dest.replace("/", "\\")) is kept  # Windows TOC entries


def test_resource_datas_ship_web_and_translations_but_no_sources():
    destinations = {Path(src).name: dest for src, dest in cfg.resource_datas()}
    assert destinations["leaflet.js"] == "resources/web/leaflet"
    assert not any(name.endswith((".ts", ".py")) for name in destinations)
    if (ROOT / "resources" / "i18n" / "movizor_ru.qm").is_file():
        assert destinations["movizor_ru.qm"] == "resources/i18n"


def test_icons_are_optional(monkeypatch, tmp_path):
    monkeypatch.setattr(cfg, "ICONS", tmp_path)
    assert cfg.icon_file("win32") is None
    (tmp_path / "movizor.icns").write_bytes(b"icns")
    assert cfg.icon_file("darwin") == tmp_path / "movizor.icns"
    assert cfg.icon_file("win32") is None


def test_linux_archive_layout(tmp_path, monkeypatch):
    build = load("build", "movizor_packaging_build")
    bundle = tmp_path / "dist" / "movizor-desktop"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "movizor-desktop").write_text("#!/bin/sh\n")
    (bundle / "_internal" / "lib.so").write_bytes(b"\0" * 10)
    archive = build.package_linux(bundle, tmp_path)
    assert archive.name == f"movizor-desktop-{cfg.version()}-linux-{build.machine()}.tar.gz"
    with tarfile.open(archive) as tar:
        names = set(tar.getnames())
    top = f"movizor-desktop-{cfg.version()}"
    assert {
        f"{top}/movizor-desktop",
        f"{top}/_internal/lib.so",
        f"{top}/INSTALL-LINUX.txt",
    } <= names
    if (ROOT / "resources" / "linux" / "movizor-desktop.desktop").is_file():
        assert f"{top}/movizor-desktop.desktop" in names


def test_entitlements_for_qtwebengine():
    text = (PACKAGING / "macos" / "entitlements.plist").read_text(encoding="utf-8")
    for key in (
        "com.apple.security.cs.allow-jit",
        "com.apple.security.cs.allow-unsigned-executable-memory",
        "com.apple.security.cs.disable-library-validation",
    ):
        assert f"<key>{key}</key>" in text
    script = (PACKAGING / "macos" / "make_dmg.sh").read_text(encoding="utf-8")
    for variable in ("MACOS_SIGN_IDENTITY", "APPLE_ID", "APPLE_TEAM_ID", "APPLE_APP_PASSWORD"):
        assert variable in script
    assert "notarytool submit" in script and "hdiutil create" in script


def test_dmg_instructions_hold_on_macos_15():
    """Control-click > Open no longer lifts Gatekeeper's block on macOS 15: the DMG of an
    unnotarized build says to use Privacy & Security > Open Anyway, in both languages."""
    script = (PACKAGING / "macos" / "make_dmg.sh").read_text(encoding="utf-8")
    assert "right-click > Open" not in script
    assert 'cp "$HERE/FIRST-START.txt"' in script and '"$NOTARIZED" == 0' in script
    text = (PACKAGING / "macos" / "FIRST-START.txt").read_text(encoding="utf-8")
    russian, english = text.split("Movizor Desktop: first start on macOS")
    assert "Privacy & Security" in english and "Open Anyway" in english
    assert "macOS 15 and later removed that" in english
    assert "Конфиденциальность и безопасность" in russian and "Всё равно открыть" in russian
    assert "xattr -dr com.apple.quarantine" in english and "xattr" in russian


@pytest.mark.parametrize(
    ("tags", "minimum"),
    [
        (["cp310-abi3-macosx_13_0_universal2"], "13.0"),
        (["cp311-cp311-macosx_11_0_arm64", "cp310-abi3-macosx_13_0_universal2"], "13.0"),
        (["cp310-abi3-macosx_14_2_arm64", "cp310-abi3-manylinux_2_34_x86_64"], "14.2"),
    ],
)
def test_macos_minimum_is_the_highest_wheel_tag(tags, minimum):
    assert cfg.macos_minimum(tags) == minimum


def test_macos_minimum_needs_a_macos_tag():
    with pytest.raises(ValueError, match="no macOS platform tag"):
        cfg.macos_minimum(["cp310-abi3-win_amd64"])


@pytest.mark.parametrize(
    ("path", "binding"),
    [
        ("Contents/Frameworks/PySide6/QtCore.abi3.so", True),
        ("Contents/Frameworks/shiboken6/libshiboken6.abi3.6.11.dylib", True),
        ("Contents/Frameworks/PySide6/libpyside6.abi3.6.11.dylib", True),
        ("Contents/Frameworks/PySide6/Qt/lib/QtCore.framework/Versions/A/QtCore", False),
        ("Contents/Frameworks/pydantic_core/_pydantic_core.cpython-311-darwin.so", False),
        ("Contents/Frameworks/other/QtCore.abi3.so", False),
    ],
)
def test_binding_modules_are_told_from_qt(path, binding):
    assert cfg.is_binding_module(path) is binding


def test_every_feature_the_window_builds_by_name_is_bundled():
    """Features are imported from strings at run time (``FEATURES``), which PyInstaller
    cannot follow: a frozen window without them logs a traceback per feature and has no
    Tools menu (found by the bundle's smoke test)."""
    from importlib.util import resolve_name

    from movizor_desktop.ui import features

    hidden = set(cfg.hidden_imports("linux"))
    for line in features.FEATURES:
        module = resolve_name(line.target.partition(":")[0], features.__name__)
        assert module in hidden, line.name
    assert "movizor_desktop.simulator.server" in hidden  # the demo's, imported lazily
    assert not any(".tests" in name or name.startswith("tests") for name in hidden)
