"""The user's language: choose it, install the translators, set the default locale.

English is the source language (``movizor_en.qm`` holds only its plural forms: "1 point",
"2 points"); Russian comes from ``resources/i18n/movizor_ru.qm``
(compiled from ``movizor_ru.ts`` by ``resources/i18n/update.py`` at build time; the app
never compiles translations itself) plus Qt's own ``qtbase_ru``/``qtwebengine_ru`` for the
standard dialogs and buttons. Precedence: ``--lang`` → the saved setting → the system
locale (Russian locales give ``ru``, everything else ``en``).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..resources import resources_dir

log = logging.getLogger(__name__)

SUPPORTED = ("en", "ru")
APP_CATALOG = "movizor"
QT_CATALOGS = ("qtbase", "qtwebengine")

# Translators must outlive their installation (Qt keeps only a pointer).
_installed: list[QTranslator] = []


def normalize(lang: str | None) -> str | None:
    """``ru``/``en`` from ``ru``, ``ru_RU``, ``RU-ru``, ``English``…; None when unsupported."""
    if not lang:
        return None
    code = lang.strip().lower().replace("-", "_").split("_")[0]
    if code in ("russian", "русский"):
        code = "ru"
    elif code == "english":
        code = "en"
    return code if code in SUPPORTED else None


def system_language(locale: QLocale | None = None) -> str:
    """``ru`` for Russian system locales (UI languages first), otherwise ``en``."""
    loc = locale or QLocale.system()
    for name in [*loc.uiLanguages(), loc.name()]:
        code = normalize(name)
        if code is not None:
            return code
    return "en"


def pick_language(
    cli: str | None = None, setting: str | None = None, locale: QLocale | None = None
) -> str:
    return normalize(cli) or normalize(setting) or system_language(locale)


def translations_dir() -> Path:
    return resources_dir() / "i18n"


def _load(name: str, directory: str) -> QTranslator | None:
    translator = QTranslator()
    if translator.load(name, directory):
        return translator
    return None


def install_translators(lang: str, app: QCoreApplication | None = None) -> list[str]:
    """Install the catalogs for ``lang``; return the names loaded (for the log and tests)."""
    app = app or QCoreApplication.instance()
    for old in _installed:
        QCoreApplication.removeTranslator(old)
    _installed.clear()
    QLocale.setDefault(
        QLocale(QLocale.Language.Russian, QLocale.Country.Russia)
        if lang == "ru"
        else QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    )
    loaded: list[str] = []
    if app is None:
        return loaded
    app_dir = translations_dir()
    translator = _load(f"{APP_CATALOG}_{lang}", str(app_dir))
    if lang == "en":  # the source language; its catalogue only has the plural forms
        if translator is not None:
            QCoreApplication.installTranslator(translator)
            _installed.append(translator)
            loaded.append(f"{APP_CATALOG}_en")
        return loaded
    if translator is None:
        log.warning(
            "no compiled translation %s_%s.qm in %s; the interface stays in English "
            "(run resources/i18n/update.py)",
            APP_CATALOG,
            lang,
            app_dir,
        )
    else:
        QCoreApplication.installTranslator(translator)
        _installed.append(translator)
        loaded.append(f"{APP_CATALOG}_{lang}")
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for catalog in QT_CATALOGS:
        translator = _load(f"{catalog}_{lang}", qt_dir)
        if translator is None:
            log.info("Qt translation %s_%s not found in %s", catalog, lang, qt_dir)
            continue
        QCoreApplication.installTranslator(translator)
        _installed.append(translator)
        loaded.append(f"{catalog}_{lang}")
    log.info("language %s: %s", lang, ", ".join(loaded) or "no catalogs")
    return loaded


def uninstall_translators() -> None:
    """Remove the catalogues :func:`install_translators` installed (a test that switched
    languages leaves the source strings behind)."""
    for old in _installed:
        QCoreApplication.removeTranslator(old)
    _installed.clear()


def current_language() -> str:
    """The language installed last (``en`` when only the source strings are in use)."""
    return "ru" if QLocale().language() == QLocale.Language.Russian else "en"
