"""Start-up pieces: logging with secrets masked, faulthandler crash file, environment,
the URL scheme registered before the QApplication, language choice."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from movizor_desktop import bootstrap, logs
from movizor_desktop.api.redact import register_secret
from movizor_desktop.ui import i18n

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def clean_logging():
    root = logging.getLogger()
    before = list(root.handlers), root.level, sys.excepthook
    yield
    for handler in list(root.handlers):
        if handler not in before[0]:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(before[1])
    sys.excepthook = before[2]


@pytest.mark.logs_error(r"^failed$")
def test_log_file_rotates_and_never_contains_a_key(tmp_path: Path, clean_logging) -> None:
    secret = "K3y-Zx81-secret-0042"
    register_secret(secret)
    path = logs.setup_logging(tmp_path / "logs", debug=False, console=False)
    handlers = [h for h in logging.getLogger().handlers if isinstance(h, RotatingFileHandler)]
    assert len(handlers) == 1
    assert (handlers[0].maxBytes, handlers[0].backupCount) == (1_000_000, 5)
    log = logging.getLogger("movizor_desktop.test")
    log.info("connecting with key %s", secret)
    log.warning("GET https://movizor.ru/api/p/balance/?key=%s&x=1", "another-raw-key")
    try:
        raise RuntimeError(f"refused {secret}")
    except RuntimeError:
        log.exception("failed")
    logging.getLogger("httpx").warning("third party says %s", secret)
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = path.read_text(encoding="utf-8")
    assert secret not in text and "another-raw-key" not in text
    assert text.count("***") >= 4
    assert "RuntimeError: refused ***" in text


def test_setup_logging_is_idempotent_and_debug_goes_to_console(
    tmp_path: Path, clean_logging
) -> None:
    logs.setup_logging(tmp_path, debug=False)
    logs.setup_logging(tmp_path, debug=True)
    ours = [h for h in logging.getLogger().handlers if getattr(h, "_movizor_handler", False)]
    assert len(ours) == 2
    console = [h for h in ours if not isinstance(h, RotatingFileHandler)]
    assert console[0].level == logging.DEBUG
    assert all(any(isinstance(f, logs.RedactingFilter) for f in h.filters) for h in ours)


def test_faulthandler_writes_a_crash_file_that_the_next_start_reports(tmp_path: Path) -> None:
    code = (
        "import faulthandler, pathlib; from movizor_desktop import bootstrap; "
        "bootstrap.enable_faulthandler(); "
        f"bootstrap.move_faulthandler(pathlib.Path({str(tmp_path)!r})); "
        "faulthandler._sigsegv()"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=30,
    )
    assert result.returncode != 0
    dump = bootstrap.take_previous_crash(tmp_path)
    assert "Fatal Python error" in dump and "Segmentation fault" in dump
    assert (tmp_path / bootstrap.PREVIOUS_CRASH_FILE).exists()
    assert bootstrap.take_previous_crash(tmp_path) == ""


def test_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    env = {"QT_QPA_PLATFORM": "offscreen", "QTWEBENGINE_CHROMIUM_FLAGS": "--foo"}
    monkeypatch.setattr(os, "geteuid", lambda: 0, raising=False)
    bootstrap.prepare_environment(env)
    assert env["QTWEBENGINE_DISABLE_SANDBOX"] == "1"
    assert env["QTWEBENGINE_CHROMIUM_FLAGS"] == "--foo --disable-gpu"
    monkeypatch.setattr(os, "geteuid", lambda: 1000, raising=False)
    user_env: dict[str, str] = {"QT_QPA_PLATFORM": "xcb"}
    assert bootstrap.prepare_environment(user_env) == []
    assert "QTWEBENGINE_DISABLE_SANDBOX" not in user_env  # the sandbox stays on for users
    assert "QTWEBENGINE_CHROMIUM_FLAGS" not in user_env


def test_scheme_is_registered_before_the_application(tmp_path: Path) -> None:
    code = (
        "from movizor_desktop import bootstrap\n"
        "bootstrap.register_url_schemes()\n"
        "app = bootstrap.create_application(['x'])\n"
        "from PySide6.QtWebEngineCore import QWebEngineUrlScheme as S\n"
        "s = S.schemeByName(b'app')\n"
        "F = S.Flag\n"
        "assert s.name() == b'app' and s.syntax() == S.Syntax.Host\n"
        "assert s.flags() & F.SecureScheme and s.flags() & F.LocalAccessAllowed\n"
        "assert s.flags() & F.CorsEnabled\n"
        "assert app.applicationName() == 'Movizor Desktop'\n"
        "try:\n"
        "    bootstrap.register_url_schemes()\n"
        "except RuntimeError:\n"
        "    print('late registration refused')\n"
    )
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "QT_QPA_PLATFORM": "offscreen",
        "MOVIZOR_DESKTOP_HOME": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "late registration refused" in result.stdout


@pytest.mark.parametrize(
    ("cli", "setting", "system", "expected"),
    [
        ("en", "ru", "ru_RU", "en"),
        (None, "ru", "en_US", "ru"),
        (None, "", "ru_RU", "ru"),
        (None, "", "de_DE", "en"),
        (None, "fr", "ru_UA", "ru"),
    ],
)
def test_language_choice(cli, setting, system, expected) -> None:
    assert i18n.pick_language(cli, setting, QLocale(system)) == expected


def test_normalize() -> None:
    assert i18n.normalize("ru-RU") == "ru"
    assert i18n.normalize("English") == "en"
    assert i18n.normalize("de") is None
    assert i18n.normalize("") is None
