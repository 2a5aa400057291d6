"""Icons and theme: the SVG set and app icon files, tinting by the palette (dark mode),
HiDPI pixmaps, badge contrast in both palettes, and a run-time switch to a dark palette."""

from __future__ import annotations

import struct
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QImage, QPalette
from PySide6.QtWidgets import QApplication

from movizor_desktop.api.codes import Forecast, Status
from movizor_desktop.resources import app_icon_path, resources_dir
from movizor_desktop.store import AppSettings
from movizor_desktop.ui import icons
from movizor_desktop.ui.subscribers.badges import (
    contrast_ratio,
    forecast_badge,
    palette_is_dark,
    status_badge,
)
from movizor_desktop.ui.subscribers.delegate import badge_pixmap

ICONS = Path(resources_dir()) / "icons"


def dark_palette() -> QPalette:
    pal = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#202124"),
        (QPalette.ColorRole.WindowText, "#e8eaed"),
        (QPalette.ColorRole.Base, "#181a1b"),
        (QPalette.ColorRole.AlternateBase, "#232527"),
        (QPalette.ColorRole.Text, "#e8eaed"),
        (QPalette.ColorRole.Button, "#2b2d30"),
        (QPalette.ColorRole.ButtonText, "#e8eaed"),
        (QPalette.ColorRole.Highlight, "#3b6fd8"),
        (QPalette.ColorRole.HighlightedText, "#ffffff"),
    ):
        pal.setColor(role, QColor(colour))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#7a7d82"))
    return pal


@pytest.fixture
def dark(qapp):
    before = QPalette(qapp.palette())
    qapp.setPalette(dark_palette())
    yield qapp.palette()
    qapp.setPalette(before)


def ink(pixmap) -> QColor:
    """The most opaque pixel's colour (the stroke)."""
    image = pixmap.toImage().convertToFormat(QImage.Format.Format_ARGB32)
    best = QColor(0, 0, 0, 0)
    for y in range(image.height()):
        for x in range(image.width()):
            colour = image.pixelColor(x, y)
            if colour.alpha() > best.alpha():
                best = colour
    return best


# --- the files --------------------------------------------------------------------------------


def test_every_action_icon_is_a_monochrome_svg_with_the_licence():
    assert (ICONS / "LICENSE.md").read_text().count("MIT") >= 1
    for name in icons.NAMES:
        text = icons.svg_source(name)
        assert "currentColor" in text and "#" not in text, name
    with pytest.raises(KeyError):
        icons.svg_source("no-such-icon")


def test_app_icon_files_are_generated_and_current():
    assert app_icon_path() == ICONS / "movizor.svg"
    ico = (ICONS / "movizor.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count == 7
    sizes = [ico[6 + 16 * i] or 256 for i in range(count)]
    assert sizes[0] == 16 and sizes[-1] == 256
    icns = (ICONS / "movizor.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)
    for name, side in (("movizor.png", 256), ("movizor-512.png", 512)):
        image = QImage(str(ICONS / name))
        assert image.width() == side and image.height() == side
    result = subprocess.run(
        [sys.executable, str(ICONS / "build_icons.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_desktop_file_names_the_command_and_icon():
    text = (resources_dir() / "linux" / "movizor-desktop.desktop").read_text()
    assert "Exec=movizor-desktop" in text and "Icon=movizor-desktop" in text
    assert text.startswith("[Desktop Entry]") and "Type=Application" in text


# --- tinting and HiDPI -------------------------------------------------------------------------


def test_icons_follow_the_palette_and_are_sharp_at_2x(qapp, dark):
    icon = icons.icon("refresh")
    pixmap = icon.pixmap(QSize(24, 24), 2.0)
    assert pixmap.width() == 48 and pixmap.devicePixelRatio() == 2.0
    assert ink(pixmap).name() == "#e8eaed"  # light strokes on a dark palette
    disabled = ink(icon.pixmap(QSize(24, 24), 1.0, QIcon.Mode.Disabled))
    assert disabled.alpha() < 200


def test_the_same_icon_retints_when_the_theme_changes(qapp):
    icon = icons.icon("export")
    light_ink = ink(icon.pixmap(QSize(16, 16)))
    before = QPalette(qapp.palette())
    qapp.setPalette(dark_palette())
    try:
        dark_ink = ink(icon.pixmap(QSize(16, 16)))
    finally:
        qapp.setPalette(before)
    assert dark_ink.name() == "#e8eaed"
    assert light_ink.lightnessF() < 0.5 < dark_ink.lightnessF()


def test_window_actions_use_the_app_icons(qtbot):
    from movizor_desktop.ui.main_window import MainWindow

    window = MainWindow(AppSettings(), lang="en")
    qtbot.addWidget(window)
    for action in window.window_actions.all():
        assert action.icon().name() in icons.NAMES, action.objectName()


# --- badges ------------------------------------------------------------------------------------


def all_badges():
    return (
        [status_badge(s.value) for s in Status]
        + [status_badge("weird")]
        + [forecast_badge(f.value) for f in Forecast]
    )


@pytest.mark.parametrize("dark_mode", [False, True])
def test_badge_text_contrast_is_at_least_4_5_in_both_palettes(qapp, dark_mode):
    for badge in all_badges():
        fill, text = badge.colors(dark_mode)
        ratio = contrast_ratio(fill, text)
        assert ratio >= 4.5, (badge.key, dark_mode, round(ratio, 2))


def test_contrast_ratio_matches_wcag():
    assert contrast_ratio(QColor("#000000"), QColor("#ffffff")) == pytest.approx(21.0)
    assert contrast_ratio(QColor("#777777"), QColor("#ffffff")) == pytest.approx(4.48, abs=0.01)


def test_badges_adapt_to_a_dark_palette(qapp, dark):
    assert palette_is_dark(dark)
    badge = status_badge("ok")
    font = QApplication.font()
    light = badge_pixmap(badge, font, 20, 1.0, False)
    darkened = badge_pixmap(badge, font, 20, 1.0, True)
    centre_light = light.toImage().pixelColor(light.width() - 4, light.height() // 2)
    centre_dark = darkened.toImage().pixelColor(darkened.width() - 4, darkened.height() // 2)
    assert centre_light.lightnessF() < 0.5 < centre_dark.lightnessF()


def test_statusbar_warning_colours_follow_the_palette(qtbot, qapp):
    from movizor_desktop.ui.statusbar import WARNING, StatusBar

    bar = StatusBar()
    qtbot.addWidget(bar)
    bar.show_message("x", WARNING)
    assert "#b1480a" in bar.message_label.styleSheet()
    before = QPalette(qapp.palette())
    qapp.setPalette(dark_palette())
    try:
        qtbot.waitUntil(lambda: "#fdba74" in bar.message_label.styleSheet())
        window = dark_palette().color(QPalette.ColorRole.Window)
        for tone in ("good", "warn", "bad"):
            assert contrast_ratio(QColor(bar.tone(tone)), window) >= 4.5
    finally:
        qapp.setPalette(before)
    qtbot.waitUntil(lambda: "#b1480a" in bar.message_label.styleSheet())
