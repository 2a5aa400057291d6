"""The *Network* page of File → Preferences: which proxy the app uses, and how it checks
certificates.

* **System** (the default): what the operating system says (PAC included on Windows and
  macOS); **None**; **Manual**: HTTP, HTTPS (TLS to the proxy) or SOCKS5, host, port and
  an optional user and password.
* Each field is checked when the cursor leaves it and again on Save; the message stands
  right under the field. Fields of a manual proxy are enabled only for *Manual*.
* The password is never shown back: a saved one leaves the field empty ("leave empty to
  keep it") and lives in the OS keyring (:func:`movizor_desktop.ui.network.proxy_secrets`),
  like the API keys; without a keyring it is kept for this run only, and the page says so.
* What the dialog saves applies at once (:func:`movizor_desktop.ui.network.apply_network`):
  the next API request and the next map tile take the new route.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ....api.net import ProxyConfig, ProxyKind, ProxyMode, host_error
from ....store import SecretStore
from ....store.settings import AppSettings
from ...dialogs.widgets import FieldError, Note, SecretEdit, add_field

MAX_PASSWORD = SecretStore.MAX_KEY_LENGTH


class NetworkPage(QWidget):
    """The proxy choice; :meth:`proxy_config` reads it back (or shows what is wrong)."""

    def __init__(
        self,
        settings: AppSettings,
        *,
        password_saved: bool,
        persistent: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("prefNetworkPage")
        self.password_saved = password_saved
        self.mode_group = QButtonGroup(self)
        self.mode_buttons: dict[ProxyMode, QRadioButton] = {}
        texts = {
            ProxyMode.SYSTEM: self.tr("Use the &system's proxy settings"),
            ProxyMode.NONE: self.tr("&No proxy: connect directly"),
            ProxyMode.MANUAL: self.tr("&Manual proxy:"),
        }
        column = QVBoxLayout(self)
        for mode, text in texts.items():
            button = QRadioButton(text)
            button.setObjectName(f"proxyMode_{mode.value}")
            self.mode_group.addButton(button)
            self.mode_buttons[mode] = button
            column.addWidget(button)
            if mode == ProxyMode.SYSTEM:
                column.addWidget(
                    Note(
                        self.tr(
                            "On Windows and macOS this includes automatic configuration (PAC); "
                            "on Linux the https_proxy / no_proxy environment variables."
                        )
                    )
                )

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setContentsMargins(24, 0, 0, 0)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("proxyKind")
        self.kind_combo.addItem(self.tr("HTTP"), ProxyKind.HTTP.value)
        self.kind_combo.addItem(
            self.tr("HTTPS (encrypted connection to the proxy)"), ProxyKind.HTTPS.value
        )
        self.kind_combo.addItem(self.tr("SOCKS5"), ProxyKind.SOCKS5.value)
        self.kind_note = Note()
        self.host_edit = QLineEdit()
        self.host_edit.setObjectName("proxyHost")
        self.host_edit.setPlaceholderText(self.tr("e.g. proxy.company.local"))
        self.port_edit = QLineEdit()
        self.port_edit.setObjectName("proxyPort")
        self.port_edit.setPlaceholderText(self.tr("e.g. 3128"))
        self.port_edit.setMaxLength(5)
        self.user_edit = QLineEdit()
        self.user_edit.setObjectName("proxyUser")
        self.user_edit.setPlaceholderText(self.tr("Only if the proxy asks for one"))
        self.password_edit = SecretEdit(self.tr("Show"), self.tr("Hide"))
        self.password_edit.setObjectName("proxyPassword")
        self.password_note = Note(
            self.tr("Kept in the system password storage, never in a file.")
            if persistent
            else self.tr(
                "No password storage is available on this computer: the password "
                "is kept for this session only."
            )
        )
        self.errors: dict[str, FieldError] = {
            "proxy_kind": add_field(form, self.tr("&Type:"), self.kind_combo),
            "proxy_host": add_field(form, self.tr("&Host:"), self.host_edit),
            "proxy_port": add_field(form, self.tr("&Port:"), self.port_edit),
            "proxy_user": add_field(form, self.tr("&User:"), self.user_edit),
            "proxy_password": add_field(
                form, self.tr("Pass&word:"), self.password_edit, self.password_note
            ),
        }
        self.manual_box = QWidget()
        self.manual_box.setLayout(form)
        column.addWidget(self.manual_box)
        # below the form, full width: a word-wrapped note inside a form row is given the
        # height of its first layout and gets clipped when its text appears later
        self.kind_note.setContentsMargins(24, 0, 0, 0)
        column.addWidget(self.kind_note)
        column.addWidget(
            Note(
                self.tr(
                    "Connections to this computer (the demo, a local simulator) never go through a "
                    "proxy. Certificates are checked against this computer's trust store, so a "
                    "company certificate installed by IT is accepted."
                )
            )
        )
        column.addStretch(1)

        checks = {
            "proxy_host": self.host_error,
            "proxy_port": self.port_error,
            "proxy_user": self.user_error,
        }
        for field, edit in (
            ("proxy_host", self.host_edit),
            ("proxy_port", self.port_edit),
            ("proxy_user", self.user_edit),
            ("proxy_password", self.password_edit.edit),
        ):
            edit.textEdited.connect(lambda _t, f=field: self.errors[f].clear_message())
            if field in checks:
                edit.editingFinished.connect(
                    lambda f=field, check=checks[field]: self._show(f, check())
                )
        self.mode_group.buttonToggled.connect(lambda *_: self._update_enabled())
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._update_kind_note())
        self.load(settings)

    # --- form <-> settings ------------------------------------------------------------

    def load(self, settings: AppSettings) -> None:
        self.mode_buttons.get(
            ProxyMode(settings.proxy_mode), self.mode_buttons[ProxyMode.SYSTEM]
        ).setChecked(True)
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(settings.proxy_kind)))
        self.host_edit.setText(settings.proxy_host)
        self.port_edit.setText(str(settings.proxy_port) if settings.proxy_port else "")
        self.user_edit.setText(settings.proxy_user)
        self.password_edit.clear()
        self._update_password_hint()
        for error in self.errors.values():
            error.clear_message()
        self._update_enabled()
        self._update_kind_note()

    @property
    def mode(self) -> ProxyMode:
        return next((m for m, b in self.mode_buttons.items() if b.isChecked()), ProxyMode.SYSTEM)

    def _update_enabled(self) -> None:
        manual = self.mode == ProxyMode.MANUAL
        self.manual_box.setEnabled(manual)
        if not manual:
            for error in self.errors.values():
                error.clear_message()

    def _update_kind_note(self) -> None:
        if self.kind_combo.currentData() == ProxyKind.HTTPS.value:
            self.kind_note.set_text(
                self.tr(
                    "The map cannot use an HTTPS proxy (Qt WebEngine takes HTTP and SOCKS5 "
                    "only): its tiles follow the system's proxy settings."
                )
            )
        else:
            self.kind_note.set_text("")

    def _update_password_hint(self) -> None:
        self.password_edit.edit.setPlaceholderText(
            self.tr("Saved; leave empty to keep it") if self.password_saved else ""
        )

    # --- checks ---------------------------------------------------------------------------

    def host_error(self) -> str:
        host = self.host_edit.text().strip()
        if not host:
            return self.tr("Enter the proxy's host name or IP address.")
        if host_error(host):
            if "://" in host or "/" in host:
                return self.tr("Enter only the host name, without http:// or a path.")
            return self.tr("This is not a valid host name or IP address.")
        return ""

    def port_error(self) -> str:
        text = self.port_edit.text().strip()
        if not text:
            return self.tr("Enter the proxy's port (IT knows it; often 3128, 8080 or 1080).")
        if not text.isdigit() or not 1 <= int(text) <= 65535:
            return self.tr("The port is a number from 1 to 65535.")
        return ""

    def user_error(self) -> str:
        if any(c in self.user_edit.text() for c in ":@/"):
            return self.tr("The user name must not contain “:”, “@” or “/”.")
        return ""

    def password_error(self) -> str:
        typed = self.password_edit.text()
        if len(typed) > MAX_PASSWORD:
            return self.tr("The password is too long ({count} characters).").format(
                count=len(typed)
            )
        if self.user_edit.text().strip() and not typed and not self.password_saved:
            return self.tr("Enter the password of this user (or leave the user empty).")
        return ""

    def _show(self, field: str, message: str) -> bool:
        if self.mode != ProxyMode.MANUAL:
            return True
        self.errors[field].set_message(message or None)
        return not message

    def proxy_config(self) -> ProxyConfig | None:
        """The proxy the page says, or None after showing each problem under its field."""
        mode = self.mode
        if mode != ProxyMode.MANUAL:
            return ProxyConfig(
                mode,
                ProxyKind(self.kind_combo.currentData()),
                self.host_edit.text().strip(),
                self._port(),
                self.user_edit.text().strip(),
            )
        results = [
            self._show("proxy_host", self.host_error()),
            self._show("proxy_port", self.port_error()),
            self._show("proxy_user", self.user_error()),
            self._show("proxy_password", self.password_error()),
        ]
        if not all(results):
            first = next(
                f
                for f, ok in zip(
                    ("proxy_host", "proxy_port", "proxy_user", "proxy_password"),
                    results,
                    strict=True,
                )
                if not ok
            )
            {
                "proxy_host": self.host_edit,
                "proxy_port": self.port_edit,
                "proxy_user": self.user_edit,
                "proxy_password": self.password_edit,
            }[first].setFocus()
            return None
        return ProxyConfig(
            mode,
            ProxyKind(self.kind_combo.currentData()),
            self.host_edit.text().strip(),
            self._port(),
            self.user_edit.text().strip(),
        )

    def _port(self) -> int:
        text = self.port_edit.text().strip()
        return int(text) if text.isdigit() and int(text) <= 65535 else 0

    @property
    def typed_password(self) -> str:
        return self.password_edit.text()


__all__ = ["NetworkPage"]
