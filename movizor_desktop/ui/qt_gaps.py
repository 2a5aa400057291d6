"""Qt's own words that Qt's Russian catalogue does not have yet.

Qt 6.11 gave some labels of its standard dialogs mnemonics (``&Look in:``, ``Files of
&type:``, ``Page &Set:``), and ``qtbase_ru.qm`` as shipped with PySide6 still translates
only the old strings, so a Russian file dialog said "Look in:" and "Files of type:".
Translators are searched newest first and ``qtbase_ru`` is installed after the app's
catalogue (:func:`~.i18n.install_translators`): a string Qt's catalogue lacks falls through
to ours, which carries these under Qt's own contexts (lupdate reads the calls below).
Once Qt translates them, its translation wins and these are simply never reached.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


def qt_gap_strings() -> list[tuple[str, str]]:
    """(context, source) of every filled gap, with the translation in use now (tests)."""
    return [
        ("QFileDialog", translate("QFileDialog", "&Look in:")),
        ("QFileDialog", translate("QFileDialog", "Files of &type:")),
        ("QPrintSettingsOutput", translate("QPrintSettingsOutput", "Page &Set:")),
    ]


__all__ = ["qt_gap_strings"]
