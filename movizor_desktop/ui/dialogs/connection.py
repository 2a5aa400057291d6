"""Connection settings: profiles (contracts), their API address, project and key.

* Profiles are listed on the left; *Add* starts a new one, *Delete* removes one (never the
  one in use), renaming is editing the name and saving.
* The key is never shown back: a stored key leaves the field empty ("leave empty to keep")
  and goes only through :class:`~movizor_desktop.store.SecretStore` — the OS keyring, or
  this process's memory when there is no usable keyring, which the dialog then says.
* *Check connection* calls ``balance`` with a temporary client, in a task (the button is
  disabled meanwhile, the window stays responsive), and shows the balance, or the error
  next to the field it concerns: a refused key under the key, an unreachable or wrong
  server under the address. A key refused once is not sent again from this dialog
  (Movizor locks a caller out after five bad keys an hour).
* Network failures of the check are explained under the address: name not found,
  refused, no answer, an untrusted certificate (naming its issuer and what to ask IT), a
  certificate for another site, the proxy (unreachable, 407, refusing the site), a
  sign-in page of a captive portal (:mod:`movizor_desktop.api.net_errors`).
* An ``http://`` address of another computer is refused until the dispatcher confirms a
  warning that the key would travel unencrypted (or switches to ``https://``, the default
  button); the profile remembers the confirmation and the client then sends the key only
  in POST bodies. Loopback (a local simulator) needs no confirmation.
* *Connect* saves and closes; the caller reads :attr:`ConnectionDialog.chosen` (and
  ``chosen_key``, ``chosen_storage``) and opens that profile's session.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...api import DEFAULT_BASE_URL, AuthError, MovizorClient, MovizorError, TransportError
from ...api.net import is_remote_plain_http
from ...store import KeyStorage, Profile, ProfileStore, SecretStore
from ..formatting import locale_for, money
from .connection_form import ProfileFields, ask_plain_http
from .guard import DialogGuard
from .widgets import Banner

log = logging.getLogger(__name__)

NEW = object()  # list item data of a profile not saved yet


class ConnectionDialog(QDialog):
    """Edit the saved profiles and pick the one to connect to."""

    def __init__(
        self,
        store: ProfileStore,
        secrets: SecretStore,
        *,
        current: str | None = None,
        select: str | None = None,
        lang: str = "en",
        key_error: str = "",
        notice: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.secrets = secrets
        self.current = current
        self.lang = lang
        self.chosen: Profile | None = None
        self.chosen_key: str | None = None
        self.chosen_storage: KeyStorage | None = None
        self.key_changed: set[str] = set()
        self.renamed: dict[str, str] = {}
        self.deleted: set[str] = set()
        self._editing: str | None = None  # the saved profile in the form; None: a new one
        self._rejected: set[tuple[str, str, str]] = set()  # (url, project, key) refused
        self._tasks: set[asyncio.Task[Any]] = set()
        self._delete_box: QMessageBox | None = None
        self._plain_box: QMessageBox | None = None
        self._plain_ok: set[str] = set()  # http:// addresses confirmed in this dialog
        self.setObjectName("connection_dialog")
        self.setWindowTitle(self.tr("Connection settings"))
        self.setMinimumWidth(720)
        first_start = not store.list()

        self.intro = QLabel(
            self.tr(
                "Connect to your Movizor account. The project name and the API key are in "
                "your Movizor personal account."
            )
        )
        self.intro.setWordWrap(True)
        self.intro.setVisible(first_start)
        self.banner = Banner()

        # left: the profiles
        self.profile_list = QListWidget()
        self.profile_list.setObjectName("profiles")
        self.add_button = QPushButton(self.tr("&Add"))
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.add_button.setObjectName("add_profile")
        self.delete_button.setObjectName("delete_profile")
        self.add_button.clicked.connect(self.add_profile)
        self.delete_button.clicked.connect(self.ask_delete_profile)
        self.profiles_pane = QWidget()
        left = QVBoxLayout(self.profiles_pane)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(QLabel(self.tr("Profiles:")))
        left.addWidget(self.profile_list, 1)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(self.add_button)
        buttons_row.addWidget(self.delete_button)
        left.addLayout(buttons_row)
        self.profiles_pane.setMaximumWidth(230)
        self.profiles_pane.setVisible(not first_start)

        # right: the form
        self.fields = fields = ProfileFields()
        self.errors = fields.errors
        self.name_edit, self.url_edit, self.url_note = (
            fields.name_edit,
            fields.url_edit,
            fields.url_note,
        )
        self.project_edit, self.key_edit, self.storage_note = (
            fields.project_edit,
            fields.key_edit,
            fields.storage_note,
        )
        self.method_combo = fields.method_combo
        self.check_button, self.check_result = fields.check_button, fields.check_result
        self.check_button.clicked.connect(self.check_connection)

        right = QVBoxLayout()
        right.addWidget(fields)
        right.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.profiles_pane)
        body.addLayout(right, 1)

        # Fixed order on every platform: Save (stay here), Connect (default), Cancel.
        self.save_button = QPushButton(self.tr("&Save"))
        self.connect_button = QPushButton(self.tr("C&onnect"))
        self.close_button = QPushButton(self.tr("Cancel"))
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        for button in (self.save_button, self.connect_button, self.close_button):
            button.setAutoDefault(False)
            self.buttons.addWidget(button)
        self.connect_button.setObjectName("connect")
        self.save_button.setObjectName("save")
        self.connect_button.setDefault(True)
        self.connect_button.clicked.connect(self.connect_selected)
        self.save_button.clicked.connect(self.save)
        self.close_button.clicked.connect(self.reject)
        # Escape and Cancel ask before a typed address, project or key is lost (Enter
        # still connects: that costs nothing and changes nothing on Movizor)
        self._typed = False  # typed in the form since it was loaded or saved
        self.guard = DialogGuard(
            self, disarm=False, is_dirty=lambda: self._typed, cancel_button=self.close_button
        )

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.banner)
        layout.addLayout(body, 1)
        layout.addLayout(self.buttons)

        for field, edit in (
            ("name", self.name_edit),
            ("base_url", self.url_edit),
            ("project", self.project_edit),
            ("key", self.key_edit.edit),
        ):
            edit.textEdited.connect(lambda _t, f=field: self._field_edited(f))

        self._fill_list()
        self.profile_list.currentItemChanged.connect(self._on_selection)
        start = select or current or store.active
        if start is not None and store.get(start) is not None:
            self._select(start)
        elif store.list():
            self._select(store.list()[0].name)
        else:
            self.add_profile()
        if key_error:
            self.errors["key"].set_message(key_error)
            self.key_edit.setFocus()
        if notice:
            self.banner.set_message(notice)

    # --- list -------------------------------------------------------------------------------

    def _fill_list(self) -> None:
        self.profile_list.blockSignals(True)
        self.profile_list.clear()
        for profile in self.store.list():
            item = QListWidgetItem(profile.name)
            item.setData(Qt.ItemDataRole.UserRole, profile.name)
            if profile.name == self.current:
                item.setText(self.tr("{name} (in use)").format(name=profile.name))
            self.profile_list.addItem(item)
        self.profile_list.blockSignals(False)

    def _select(self, name: str) -> None:
        for row in range(self.profile_list.count()):
            item = self.profile_list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == name:
                self.profile_list.setCurrentItem(item)
                self._load(self.store.get(name))
                return

    def _on_selection(self, item: QListWidgetItem | None, _previous: Any = None) -> None:
        if item is None:
            return
        data = item.data(Qt.ItemDataRole.UserRole)
        if data is not NEW:
            self._drop_new_item()
            self._load(self.store.get(str(data)))
            self._typed = False

    def _drop_new_item(self) -> None:
        for row in range(self.profile_list.count() - 1, -1, -1):
            if self.profile_list.item(row).data(Qt.ItemDataRole.UserRole) is NEW:
                self.profile_list.blockSignals(True)
                self.profile_list.takeItem(row)
                self.profile_list.blockSignals(False)

    def add_profile(self) -> None:
        """Start a new, unsaved profile in the form."""
        self._drop_new_item()
        item = QListWidgetItem(self.tr("New profile"))
        item.setData(Qt.ItemDataRole.UserRole, NEW)
        font = item.font()
        font.setItalic(True)
        item.setFont(font)
        self.profile_list.blockSignals(True)
        self.profile_list.addItem(item)
        self.profile_list.setCurrentItem(item)
        self.profile_list.blockSignals(False)
        self._load(None)
        self.name_edit.setFocus() if self.store.list() else self.project_edit.setFocus()

    def _load(self, profile: Profile | None) -> None:
        self._clear_messages()
        self._editing = profile.name if profile else None
        self.name_edit.setText(profile.name if profile else "")
        self.url_edit.setText(profile.base_url if profile else DEFAULT_BASE_URL)
        self.project_edit.setText(profile.project if profile else "")
        self.method_combo.setCurrentIndex(
            max(0, self.method_combo.findData(profile.method if profile else "POST"))
        )
        self.key_edit.clear()
        self.check_result.set_text("")
        if profile is not None and profile.allow_plain_http:
            self._plain_ok.add(profile.base_url)
        self._update_url_note()
        self.delete_button.setEnabled(profile is not None)
        self._update_key_hint()

    def _update_key_hint(self, storage: KeyStorage | None = None) -> None:
        stored = self._editing is not None and self.secrets.get_key(self._editing) is not None
        storage = storage or (
            self.secrets.last_storage(self._editing) if self._editing is not None else None
        )
        if stored:
            self.key_edit.edit.setPlaceholderText(self.tr("Saved; leave empty to keep it"))
        else:
            self.key_edit.edit.setPlaceholderText(self.tr("Paste the API key here"))
        if storage == KeyStorage.SESSION or not self.secrets.persistent:
            self.storage_note.set_text(
                self.tr(
                    "No password storage is available on this computer: the key is kept for this "
                    "session only and will be asked for again at the next start."
                ),
                ok=False,
            )
        else:
            self.storage_note.set_text(
                self.tr(
                    "The key is kept in the system password storage ({backend}), never in a file."
                ).format(backend=self.secrets.backend_name)
            )

    def _clear_messages(self) -> None:
        for error in self.errors.values():
            error.clear_message()
        self.banner.set_message(None)

    def _field_edited(self, field: str) -> None:
        self._typed = True
        self.errors[field].clear_message()
        self.check_result.set_text("")
        if field == "base_url":
            self._update_url_note()

    def _update_url_note(self) -> None:
        url = self.url_edit.text().strip()
        if is_remote_plain_http(url) and url in self._plain_ok:
            self.url_note.set_text(
                self.tr(
                    "Unencrypted address: the key and all data travel readable by anyone on the "
                    "way (sent only in POST bodies, never in URLs)."
                ),
                ok=False,
            )
        else:
            self.url_note.set_text("")

    # --- the form ---------------------------------------------------------------------------

    def field_error(self, field: str) -> str:
        error = self.errors.get(field)
        return error.text() if error is not None and error.isVisibleTo(self) else ""

    def _problem_text(self, field: str, profile: Profile, english: str) -> str:
        if field == "name":
            return self.tr("Enter a name for this profile.")
        if field == "project":
            if not profile.project.strip():
                return self.tr("Enter the project (contract) name.")
            return self.tr("The project name must not contain “/”.")
        if field == "base_url":
            return self.tr(
                "The API address must start with http:// or https:// and name a host, e.g. {url}"
            ).format(url=DEFAULT_BASE_URL)
        return english

    def _form(self, *, need_key: bool) -> tuple[Profile, str] | None:
        """(profile, key typed or known) from the form, or None after showing problems."""
        self._clear_messages()
        project = self.project_edit.text().strip()
        name = self.name_edit.text().strip() or project
        url = self.url_edit.text().strip()
        profile = Profile(
            name=name,
            base_url=url,
            project=project,
            method=str(self.method_combo.currentData() or "POST"),
            allow_plain_http=is_remote_plain_http(url) and url in self._plain_ok,
        )
        problems: dict[str, str] = {}
        for field, english in profile.validate():
            problems.setdefault(field, self._problem_text(field, profile, english))
        if name and name != self._editing and self.store.get(name) is not None:
            problems["name"] = self.tr("A profile named “{name}” already exists.").format(name=name)
        key = self.key_edit.text().strip()
        if not key and self._editing is not None:
            key = self.secrets.get_key(self._editing) or ""
        if need_key and not key:
            problems["key"] = self.tr("Enter the API key.")
        elif len(key) > SecretStore.MAX_KEY_LENGTH:
            problems["key"] = self.tr("The API key is too long ({count} characters).").format(
                count=len(key)
            )
        for field, message in problems.items():
            self.errors.get(field, self.errors["name"]).set_message(message)
        if problems:
            return None
        return profile, key

    # --- plain http:// to another computer ---------------------------------------------

    def _plain_http_confirmed(self, then: Callable[[], Any]) -> bool:
        """True when the address is https://, loopback, or its risk was accepted; else ask
        (window-modal, non-blocking) and run ``then`` again once the user has chosen."""
        url = self.url_edit.text().strip()
        if not is_remote_plain_http(url) or url in self._plain_ok:
            return True
        if self._plain_box is not None:
            return False

        def answered(choice: str | None) -> None:
            self._plain_box = None
            if choice == "https":
                secure_url = "https://" + url[len("http://") :]
                self.url_edit.setText(secure_url)
            elif choice == "plain":
                self._plain_ok.add(url)
            else:
                return
            self._update_url_note()
            then()

        self._plain_box = ask_plain_http(self, url, answered)
        return False

    def save(self) -> bool:
        """Store the profile (and a typed key); True when saved."""
        return self._save(then=self.save)

    def _save(self, *, then: Callable[[], Any]) -> bool:
        values = self._form(need_key=True)
        if values is None or not self._plain_http_confirmed(then):
            return False
        profile, key = values
        old = self._editing
        try:
            self.store.save(profile, old_name=old if old and old != profile.name else None)
        except (OSError, ValueError) as exc:
            log.warning("saving profile failed: %s", exc)
            self.banner.set_message(
                self.tr("The profile could not be saved: {error}").format(error=str(exc))
            )
            return False
        if old is not None and old != profile.name:
            self.renamed[old] = profile.name
            if self.current == old:
                self.current = profile.name
            self.secrets.delete_key(old)
        typed = self.key_edit.text().strip()
        storage = self.secrets.last_storage(profile.name)
        if typed or old != profile.name or storage is None:
            storage = self.secrets.set_key(profile.name, key)
            if typed:
                self.key_changed.add(profile.name)
        self.chosen_storage = storage
        self._editing = profile.name
        self._fill_list()
        self._select(profile.name)
        self.profiles_pane.setVisible(True)
        self._update_key_hint(storage)
        self.check_result.set_text(self.tr("Saved."), ok=True)
        self._typed = False
        return True

    def connect_selected(self) -> None:
        """Save, remember the profile as the one to open at start-up, and close."""
        if not self._save(then=self.connect_selected) or self._editing is None:
            return
        profile = self.store.get(self._editing)
        if profile is None:
            return
        self.chosen = profile
        self.chosen_key = self.secrets.get_key(profile.name)
        self.chosen_storage = self.secrets.last_storage(profile.name)
        try:
            self.store.active = profile.name
        except (OSError, ValueError) as exc:
            log.warning("could not remember the active profile: %s", exc)
        self.accept()

    # --- delete -----------------------------------------------------------------------------

    def ask_delete_profile(self) -> None:
        name = self._editing
        if name is None:
            return
        if name == self.current:
            self.banner.set_message(
                self.tr(
                    "“{name}” is in use. Connect to another profile first, then delete this one."
                ).format(name=name)
            )
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Delete profile?"),
            self.tr(
                "Delete the profile “{name}” and its saved key? The "
                "subscribers on the Movizor account are not affected."
            ).format(name=name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(lambda code: self._delete_answered(name, code))
        self._delete_box = box
        box.open()

    def _delete_answered(self, name: str, code: int) -> None:
        self._delete_box = None
        if code != QMessageBox.StandardButton.Yes.value:
            return
        self.store.delete(name)
        self.secrets.delete_key(name)
        self.deleted.add(name)
        self._fill_list()
        if self.store.list():
            self._select(self.store.list()[0].name)
        else:
            self.add_profile()

    # --- check --------------------------------------------------------------------------------

    @property
    def checking(self) -> bool:
        return any(not t.done() for t in self._tasks)

    def check_connection(self) -> None:
        """Ask ``balance`` with the form's values, without blocking the window."""
        if self.checking:
            return
        values = self._form(need_key=True)
        if values is None or not self._plain_http_confirmed(self.check_connection):
            return
        profile, key = values
        if (profile.base_url, profile.project, key) in self._rejected:
            self.errors["key"].set_message(
                self.tr(
                    "This key was refused a moment ago. Check the project name and the key "
                    "(Movizor locks access for an hour after five wrong keys)."
                )
            )
            return
        self.check_button.setEnabled(False)
        self.check_result.set_text(self.tr("Checking…"))
        task = asyncio.ensure_future(self._check(profile, key))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _check(self, profile: Profile, key: str) -> None:
        client: MovizorClient | None = None
        try:
            client = MovizorClient(
                profile.base_url,
                project=profile.project,
                key=key,
                method="GET" if profile.method == "GET" else "POST",
                timeout=15.0,
                retries=0,
                allow_plain_http=profile.allow_plain_http,
            )
            balance = await client.balance()
        except AuthError as exc:
            self._rejected.add((profile.base_url, profile.project, key))
            self.check_result.set_text("")
            self.errors["key"].set_message(exc.message(self.lang))
        except TransportError as exc:
            self.check_result.set_text("")
            self.errors["base_url"].set_message(exc.message(self.lang))
        except MovizorError as exc:
            self.check_result.set_text(exc.message(self.lang), ok=False)
        except Exception as exc:  # a URL httpx cannot use, ...
            log.warning("connection check failed: %r", exc)
            self.check_result.set_text("")
            self.errors["base_url"].set_message(self.tr("This address cannot be used."))
        else:
            self.check_result.set_text(
                self.tr("Connected. Balance: {balance}").format(
                    balance=money(balance.balance, locale_for(self.lang))
                ),
                ok=True,
            )
        finally:
            if client is not None:
                await client.aclose()
            self.check_button.setEnabled(True)

    def done(self, result: int) -> None:
        for task in list(self._tasks):  # the client closes in the task's finally
            task.cancel()
        super().done(result)
