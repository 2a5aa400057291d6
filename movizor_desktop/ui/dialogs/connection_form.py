"""The connection dialog's parts: a profile's fields, and the question before plain http.

:class:`ProfileFields` is the form on the right of the connection dialog (name, API
address, project, key, request method, each with its error line, and *Check connection*
with its result); the dialog (:mod:`.connection`) fills it, reads it and says what went
wrong under the field concerned.

:func:`ask_plain_http` asks, window-modal and without blocking, before an ``http://``
address of another computer is used: the API key would travel readable by anyone on the
network. *Use https://* is the default button.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...api import DEFAULT_BASE_URL
from .widgets import FieldError, Note, SecretEdit, add_field

translate = QCoreApplication.translate  # lupdate reads translate("ConnectionDialog", "…")


class ProfileFields(QWidget):
    """A profile's fields and the connection check, each field's error line under it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.errors: dict[str, FieldError] = {}
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("name")
        self.name_edit.setPlaceholderText(self.tr("e.g. Main contract"))
        self.errors["name"] = add_field(form, self.tr("Profile &name:"), self.name_edit)
        self.url_edit = QLineEdit(DEFAULT_BASE_URL)
        self.url_edit.setObjectName("base_url")
        self.url_note = Note()
        self.url_note.setObjectName("base_url_note")
        self.errors["base_url"] = add_field(
            form, self.tr("API &address:"), self.url_edit, self.url_note
        )
        self.project_edit = QLineEdit()
        self.project_edit.setObjectName("project")
        self.errors["project"] = add_field(form, self.tr("&Project:"), self.project_edit)
        self.key_edit = SecretEdit(self.tr("Show"), self.tr("Hide"))
        self.key_edit.setObjectName("key")
        self.storage_note = Note()
        self.errors["key"] = add_field(form, self.tr("API &key:"), self.key_edit, self.storage_note)
        self.method_combo = QComboBox()
        self.method_combo.setObjectName("method")
        self.method_combo.addItem(self.tr("POST (recommended: the key stays out of URLs)"), "POST")
        self.method_combo.addItem(self.tr("GET"), "GET")
        self.errors["method"] = add_field(form, self.tr("Request &method:"), self.method_combo)

        self.check_button = QPushButton(self.tr("&Check connection"))
        self.check_button.setObjectName("check")
        self.check_result = Note()
        self.check_result.setObjectName("check_result")
        check_row = QHBoxLayout()
        check_row.setContentsMargins(0, 0, 0, 0)
        check_row.addWidget(self.check_button)
        check_row.addWidget(self.check_result, 1)
        check_row.addStretch(0)
        check = QWidget()
        check.setLayout(check_row)
        form.addRow("", check)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)


def ask_plain_http(
    parent: QWidget, url: str, answered: Callable[[str | None], None]
) -> QMessageBox:
    """Open the warning about ``url`` (plain http:// to another computer); ``answered`` gets
    ``"https"`` (use https:// instead), ``"plain"`` (send unencrypted) or None (cancel)."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        translate("ConnectionDialog", "Unencrypted connection"),
        translate(
            "ConnectionDialog",
            "The address {url} is not encrypted (http://). The API key and all your "
            "data would travel readable by anyone on the network between this "
            "computer and the server.\n\nUse https:// unless your administrator says "
            "this server has no encryption.",
        ).format(url=url),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setObjectName("plain_http_warning")
    secure = box.addButton(
        translate("ConnectionDialog", "Use &https://"), QMessageBox.ButtonRole.AcceptRole
    )
    plain = box.addButton(
        translate("ConnectionDialog", "Send &unencrypted"), QMessageBox.ButtonRole.DestructiveRole
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    secure.setObjectName("use_https")
    plain.setObjectName("send_unencrypted")
    box.setDefaultButton(secure)

    def finished(_code: int) -> None:
        clicked = box.clickedButton()
        answered("https" if clicked is secure else "plain" if clicked is plain else None)

    box.finished.connect(finished)
    box.open()
    return box


__all__ = ["ProfileFields", "ask_plain_http"]
