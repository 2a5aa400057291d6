"""Where the app finds ``resources/``: wheel copy, checkout, PyInstaller bundle, override;
and setup.py's build hook that puts the resources and compiled translations in the wheel."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

from movizor_desktop import resources

ROOT = Path(__file__).resolve().parents[2]


def make_resources(folder: Path, *, icons: tuple[str, ...] = ()) -> Path:
    (folder / "web" / "leaflet").mkdir(parents=True)
    (folder / "web" / "leaflet" / "leaflet.js").write_text("/* Leaflet */")
    (folder / "icons").mkdir()
    for name in icons:
        (folder / "icons" / name).write_bytes(b"icon")
    return folder


@pytest.fixture
def layout(tmp_path, monkeypatch):
    """resources.py placed in a fake tree: <tmp>/site/movizor_desktop/resources.py."""
    package = tmp_path / "site" / "movizor_desktop"
    package.mkdir(parents=True)
    monkeypatch.setattr(resources, "__file__", str(package / "resources.py"))
    monkeypatch.delenv("MOVIZOR_DESKTOP_RESOURCES", raising=False)
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    return package


def test_the_package_local_copy_of_a_wheel_comes_first(layout):
    wheel_copy = make_resources(layout / "resources")
    make_resources(layout.parent / "resources")  # e.g. someone's stray site-packages/resources
    assert resources.resources_dir() == wheel_copy


def test_a_checkout_uses_its_top_level_resources(layout):
    checkout = make_resources(layout.parent / "resources")
    assert resources.resources_dir() == checkout


def test_a_folder_without_leaflet_is_not_taken_for_resources(layout, tmp_path, monkeypatch):
    (layout.parent / "resources").mkdir()  # an unrelated "resources" directory
    bundle = make_resources(tmp_path / "meipass" / "resources")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "meipass"), raising=False)
    assert resources.resources_dir() == bundle


def test_nothing_found_names_the_package_local_place(layout):
    assert resources.resources_dir() == layout / "resources"
    assert resources.app_icon_path() is None


def test_the_environment_overrides_everything(layout, tmp_path, monkeypatch):
    make_resources(layout / "resources")
    monkeypatch.setenv("MOVIZOR_DESKTOP_RESOURCES", str(tmp_path / "elsewhere"))
    assert resources.resources_dir() == tmp_path / "elsewhere"


def test_icon_prefers_svg_then_png_then_ico(layout):
    folder = make_resources(layout / "resources", icons=("movizor.ico", "movizor.png"))
    assert resources.app_icon_path() == folder / "icons" / "movizor.png"
    (folder / "icons" / "movizor.svg").write_text("<svg/>")
    assert resources.app_icon_path() == folder / "icons" / "movizor.svg"


def test_this_checkout_resolves_to_its_resources(monkeypatch):
    monkeypatch.delenv("MOVIZOR_DESKTOP_RESOURCES", raising=False)
    assert resources.resources_dir() == ROOT / "resources"
    assert not (ROOT / "movizor_desktop" / "resources").exists(), (
        "a package-local copy in the checkout would shadow resources/"
    )


# --- setup.py's build hook ---------------------------------------------------------------


def load_setup():
    spec = importlib.util.spec_from_file_location("movizor_setup_under_test", ROOT / "setup.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_setup_py_ships_resources_with_compiled_translations(tmp_path, qapp):
    from PySide6.QtCore import QCoreApplication, QTranslator
    from setuptools.dist import Distribution

    setup = load_setup()
    if setup.find_lrelease() is None:
        pytest.skip("lrelease (PySide6-Essentials) is not installed")
    command = setup.BuildPyWithResources(Distribution({"name": "movizor-desktop", "packages": []}))
    command.initialize_options()
    command.build_lib = str(tmp_path / "lib")
    command.finalize_options()
    command._ship_resources()

    shipped = tmp_path / "lib" / "movizor_desktop" / "resources"
    assert (shipped / "web" / "leaflet" / "leaflet.js").is_file()
    assert not list(shipped.rglob("*.ts")) and not list(shipped.rglob("*.py"))
    qm = shipped / "i18n" / "movizor_ru.qm"
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        assert (
            QCoreApplication.translate("ConnectionDialog", "Connection settings")
            == "Настройки подключения"
        )
    finally:
        QCoreApplication.removeTranslator(translator)
    outputs = command.get_outputs()
    assert str(qm) in outputs


def test_setup_py_reports_a_broken_catalogue(tmp_path):
    setup = load_setup()
    if setup.find_lrelease() is None:
        pytest.skip("lrelease (PySide6-Essentials) is not installed")
    (tmp_path / "bad_ru.ts").write_text("this is not a Qt Linguist file")
    with pytest.raises(RuntimeError, match=re.escape("lrelease failed on bad_ru.ts")):
        setup.compile_translations(tmp_path, tmp_path / "out")
