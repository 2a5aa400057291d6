"""Add a subscriber — or several pasted at once — or edit one: the whole trip in one dialog.

Pages (``subscriber_pages.py``): **Main** (phone, operator, name, tags, tariff, auto-off,
package renewal: ``subscriber_main.py``), **Route**, **Schedule**, **Metadata** (the editors
of ``ui/editors``). This module is the shell: it wires the pages, runs the background work
(``subscriber_live.py``) and saves through ``session.actions`` — never a request of its own.

* Adding: once the phone holds one valid number, its operator is looked up (debounced,
  stale answers dropped) and the tariff list becomes that operator's, with prices and the
  chosen tariff's cost. Two or more numbers pasted at once offer to add them all
  (``subscriber_bulk.py``).
* Editing: fresh details come from ``object_get`` while the pages show a loading state;
  the phone is read-only; a tariff change says whether it switches at the next 00:00 MSK
  or now (``activate``); a pending switch is shown and can be cancelled. Only the fields
  and pages the dispatcher touched are sent, and always a tariff
  (:func:`~.tariffs.edit_tariff`).
* Keys (:class:`~.guard.DialogGuard`): no button is a default button, so Enter in a field
  or a route cell only finishes that edit; Add / Save is a click or Ctrl+Enter; Escape,
  Cancel and the window's close ask before typed input is thrown away.
* Saving: every page is validated first (the first page with a problem comes to the
  front, nothing is sent). An add then asks once more, saying what Movizor will charge and
  that the driver gets a consent SMS (:mod:`.subscriber_confirm`). Save is disabled while
  the request is in flight, so a double click sends one request; an API error lands on
  the page and field it concerns (``err.field``), anything else in the banner; a failed
  save keeps every input.
* Clearing: if the dispatcher emptied the route, schedule or metadata and the read-back
  shows Movizor kept it (servers disagree on how to clear, ``sync/clearing.py``), the
  save stands, the pages show what Movizor has, and the banner says what was kept.
* The route page has a map of its own (``route_map``: a factory of
  :class:`~..map.route_map.RouteMap`, given when QtWebEngine is there); editing shows the
  truck's last fix on it, where the first leg starts.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from ...api.encoding import MSK
from ...api.errors import MovizorError
from ...api.models import ObjectInfo, Operator
from ...api.phones import format_phone
from ...api.subscriber_fields import FIELD_NAMES
from ...sync.actions import ActionInProgress
from ...sync.clearing import kept_after_clear
from .guard import DialogGuard
from .subscriber_bulk import BulkAddDialog
from .subscriber_confirm import AddConfirmation
from .subscriber_live import DialogTasks, TariffAdvisor
from .subscriber_main import MainPage
from .subscriber_pages import PAGES, TripPages
from .tariffs import DEFAULT_TARIFF, edit_tariff, split_tags, tariff_change, tariff_id
from .widgets import Banner, Note, TagsCompleter

if TYPE_CHECKING:
    from ...fleet import FleetRow
    from ...planning.legs import LegCheck
    from ...store.routes import RouteTemplates
    from ..editors.route_map_link import MapFactory
    from ..session import Session

log = logging.getLogger(__name__)

# the main page's fields: the request's own, and those of SubscriberFields it shows
MAIN_FIELDS = frozenset(
    {"phone", "tariff", "account"} | FIELD_NAMES - {"route", "schedule", "metadata"}
)
FIELD_PAGES = {
    "destination": "route",
    "route": "route",
    "schedule": "schedule",
    "metadata": "metadata",
    "operator": "main",
}

__all__ = ["MAIN_FIELDS", "PAGES", "SubscriberDialog", "TagsCompleter", "split_tags", "tariff_id"]


class SubscriberDialog(QDialog):
    """Add (``row`` None) or edit (``row`` given) one subscriber with its whole trip."""

    saved = Signal(object)  # FleetRow as read back (after a multi-add: the last one added)
    saved_many = Signal(list)  # the FleetRows a multi-number paste added

    def __init__(
        self,
        session: Session,
        *,
        row: FleetRow | None = None,
        tags: Iterable[str] = (),
        lang: str = "en",
        parent: QWidget | None = None,
        route_map: MapFactory | None = None,
        leg_check: LegCheck | None = None,
        templates: RouteTemplates | None = None,
        now: Callable[[], datetime] | None = None,
        debounce_ms: int = 400,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.row = row
        self.lang = lang
        self._now = now or (lambda: session.clock.now().astimezone(MSK))
        self._busy = False
        self._loading = False
        self._current = tariff_id(row.tariff) if row else None
        self._pending = tariff_id(row.tariff_new) if row else None
        self.bulk_dialog: BulkAddDialog | None = None
        self.tasks = DialogTasks(session)
        self.setObjectName("subscriber_dialog")
        self.setWindowTitle(
            self.tr("Add subscriber") if row is None else self.tr("Edit subscriber")
        )
        self.setMinimumSize(680, 520)
        self._initial_size(wide=route_map is not None)

        self.banner = Banner()
        self.loading_note = Note()
        self.loading_note.setObjectName("loading")
        self.loading_note.hide()
        self.main = m = MainPage(editing=row is not None, tags=tags, lang=lang, now=self._now)
        self.pages = TripPages(
            m,
            geocoder=session.client.distance_search,
            templates=templates or _templates(),
            now=self._now,
            map_factory=route_map,
            leg_check=leg_check,
            parent=self,
        )
        self.tabs, self.editors = self.pages.tabs, self.pages.editors
        self.route_editor, self.schedule_editor, self.metadata_editor = (
            self.pages.route,
            self.pages.schedule,
            self.pages.metadata,
        )
        self.advisor = TariffAdvisor(
            session,
            m,
            self.schedule_editor,
            self.tasks,
            lang=lang,
            debounce_ms=debounce_ms,
            keep=lambda: (self._current, self._pending),
            parent=self,
        )
        # the main page's widgets under the names callers and tests use
        self.errors = m.errors
        self.phone_edit, self.phone_preview, self.tariff_combo = (
            m.phone_edit,
            m.phone_preview,
            m.tariff_combo,
        )
        self.title_edit, self.tags_edit = m.title_edit, m.tags_edit
        self.dateoff_check, self.dateoff_edit = m.dateoff_check, m.dateoff_edit
        self.when_box, self.tomorrow_radio, self.now_radio = (
            m.when_box,
            m.tomorrow_radio,
            m.now_radio,
        )

        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self._save_text(), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("save")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.save_button.clicked.connect(self.submit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.loading_note)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)

        m.phone_changed.connect(self._phone_changed)
        m.numbers_pasted.connect(lambda _numbers: self._update_buttons())
        m.bulk_requested.connect(self.open_bulk)
        m.cancel_pending_requested.connect(self.cancel_pending)
        # Enter only finishes an edit; Add/Save by click or Ctrl+Enter; Escape asks
        self.guard = DialogGuard(
            self,
            commit=self.submit,
            is_dirty=self.has_unsaved_input,
            cancel_button=self.cancel_button,
        )
        self.confirmation = AddConfirmation(self, lang=lang)  # the add's price and SMS
        tasks = self.tasks  # not self: this slot runs when the C++ dialog is gone
        self.destroyed.connect(lambda *_: tasks.cancel_all())

        self.advisor.refill(preferred=self._current if row else DEFAULT_TARIFF)
        if row is None:
            self.advisor.start()
            m.phone_edit.setFocus()
        else:
            m.load(
                phone=row.phone, title=row.title, tags=row.tags, dateoff=None, package_prolong=None
            )
            m.set_current_tariff(self._current, self._pending)
            self.route_editor.set_start(
                row.lat, row.lon, row.fix_time, radius_m=row.radius, title=row.title or row.phone
            )
            self._set_loading(True)
            self.tasks.spawn("details", self._load_details(row.phone))
            self.advisor.start(row.phone)
            m.title_edit.setFocus()

    # --- public state -----------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """True while a request the dispatcher started (save, cancel switch) is in flight."""
        return self._busy

    @property
    def loading(self) -> bool:
        """True while an edit waits for the subscriber's current details."""
        return self._loading

    @property
    def operator(self) -> Operator | None:
        return self.advisor.operator

    def chosen_tariff(self) -> str | None:
        return self.main.chosen_tariff()

    def tariff_changed(self) -> bool:
        return self.row is not None and tariff_change(
            self.chosen_tariff(), self._current, self.advisor.book
        )

    def set_dateoff(self, moment: datetime) -> None:
        self.main.set_dateoff(moment)

    def dateoff(self) -> datetime | None:
        return self.main.dateoff()

    def current_page(self) -> str:
        return self.pages.current()

    def show_page(self, page: str) -> None:
        self.pages.show(page)

    def field_error(self, field: str) -> str:
        """The error shown for ``field`` (a main-page field, or ``route``/``schedule``/
        ``metadata`` for a page): '' when none."""
        if field in self.editors:
            return self.pages.field_error(field)
        return self.main.field_error(field)

    # --- editing: the current details -------------------------------------------------------

    async def _load_details(self, phone: str) -> None:
        try:
            info = await self.session.client.object_get(phone)
        except MovizorError as exc:
            log.info("subscriber dialog: object_get %s failed: %r", phone, exc)
            fallback = self.row.details if self.row is not None else None
            if fallback is not None:
                self._apply_details(fallback)
            else:  # without the current pages, editing them would overwrite blindly
                self.pages.lock_trip_pages()
            self.banner.set_message(
                self.tr(
                    "The current settings could not be loaded: {error} What is shown may be "
                    "out of date."
                ).format(error=exc.message(self.lang))
            )
        else:
            self._apply_details(info)
        # (a cancelled load stops at the await above: the dialog may be gone)
        self._set_loading(False)
        self.main.title_edit.setFocus()  # the pages were disabled: focus went elsewhere

    def _apply_details(self, info: ObjectInfo) -> None:
        assert self.row is not None
        self._current, self._pending = tariff_id(info.tariff), tariff_id(info.tariff_new)
        tags = info.tags if info.tags is not None else list(self.row.tags)
        self.main.load(
            phone=self.row.phone,
            title=info.title,
            tags=tags,
            dateoff=info.timestamp_off,
            package_prolong=info.package_prolong,
        )
        self._show_tariff()
        self.pages.load(info, self.session.engine.schedules.get(self.row.phone))

    def _show_tariff(self) -> None:
        self.advisor.refill(preferred=self._current)
        self.main.select_tariff(self._current)
        self.main.set_current_tariff(self._current, self._pending)

    def _set_loading(self, loading: bool) -> None:
        self._loading = loading
        self.loading_note.set_text(
            self.tr("Loading the subscriber's current settings…") if loading else ""
        )
        self.tabs.setEnabled(not loading)
        self._update_buttons()

    def _phone_changed(self, msisdn: str | None) -> None:
        self._update_buttons()
        self.advisor.phone_changed(msisdn)

    # --- the pending tariff switch --------------------------------------------------------

    def cancel_pending(self) -> None:
        """Cancel the switch scheduled for 00:00 MSK (object_cancel_tariff)."""
        if self.row is None or self._busy or self._pending is None:
            return
        self._set_busy(True)
        self.tasks.spawn("cancel_tariff", self._cancel_pending(self.row.phone))

    async def _cancel_pending(self, phone: str) -> None:
        try:
            row = await self.session.actions.cancel_tariff(phone)
        except asyncio.CancelledError:
            if shiboken6.isValid(self):
                self._set_busy(False)
            raise
        except (MovizorError, ActionInProgress) as exc:
            self.main.errors["tariff"].set_message(exc.message(self.lang))
        else:
            self._current, self._pending = tariff_id(row.tariff), tariff_id(row.tariff_new)
            self._show_tariff()
            self.main.tariff_note.set_text(
                self.tr("The switch is cancelled; the tariff stays {tariff}.").format(
                    tariff=self._current or "—"
                ),
                ok=True,
            )
        self._set_busy(False)

    # --- validate and collect -------------------------------------------------------------

    def _collect(self, *, bulk: bool = False) -> dict[str, Any] | None:
        """The keyword arguments for the action after validating every page, or None after
        showing each problem on its page (the first such page comes to the front)."""
        editing = self.row is not None
        self.banner.set_message(None)
        self.pages.clear_errors()
        msisdn = self.main.validate(require_phone=not editing and not bulk)
        failed = ["main"] if self.main.has_errors() else []
        if failed:
            self.pages.flag("main")
        failed += self.pages.validate(editing=editing)
        if failed:
            self.show_page(failed[0])
            return None
        if not editing:
            fields = {**self.main.add_fields(), **self.pages.add_fields()}
            return fields if bulk else {"phone": msisdn, **fields}
        return {
            "tariff": edit_tariff(
                self.chosen_tariff(), self._current, self._pending, self.advisor.book
            ),
            "activate": self.main.tariff.activate_now(),
            **self.main.edit_fields(),
            **self.pages.edit_fields(),
        }

    # --- submit ----------------------------------------------------------------------------

    def submit(self) -> None:
        """Validate and send — an add after one more question (price and SMS). A no-op
        while a request is in flight, the question is open or details are loading."""
        if self._busy or self._loading or self._bulk_running() or self.confirmation.is_open:
            return
        if self.row is None and self.main.candidates():
            self.open_bulk()
            return
        kwargs = self._collect()
        if kwargs is None:
            return
        if self.row is None:
            self.confirmation.ask(
                phone=format_phone(kwargs["phone"]),
                tariff=self.tariff_combo.currentText().split(" · ")[0],
                charge=self.main.tariff.charge_text(),
                on_yes=lambda: self._start_send(kwargs),
            )
            return
        self._start_send(kwargs)

    def _start_send(self, kwargs: dict[str, Any]) -> None:
        if self._busy:
            return
        self._set_busy(True)
        self.tasks.spawn("save", self._send(kwargs))

    def has_unsaved_input(self) -> bool:
        """True when closing would lose something the dispatcher typed or chose (False
        while a save is in flight: the dialog stays open until its answer anyway)."""
        if self._busy:
            return False
        m = self.main
        pages = any(editor.is_modified() for editor in self.editors.values())
        if self.row is not None:
            return (
                pages
                or m.title_modified()
                or m.tags_modified()
                or m.dateoff_modified()
                or m.prolong_modified()
                or self.tariff_changed()
            )
        typed = any(w.text().strip() for w in (m.phone_edit, m.title_edit, m.tags_edit))
        return pages or typed or m.dateoff_check.isChecked()

    async def _send(self, kwargs: dict[str, Any]) -> None:
        try:
            if self.row is None:
                phone = kwargs.pop("phone")
                row = await self.session.actions.add(phone, **kwargs)
            else:
                row = await self.session.actions.edit(self.row.phone, **kwargs)
        except asyncio.CancelledError:  # the session closed under us
            if shiboken6.isValid(self):
                self._set_busy(False)
            raise
        except ActionInProgress as exc:
            self._show_error(None, exc.message(self.lang))
        except MovizorError as exc:
            log.info("subscriber %s failed: %r", "add" if self.row is None else "edit", exc)
            field = exc.field or ("metadata" if exc.error_code == "METADATA" else None)
            self._show_error(field, exc.message(self.lang), exc.details(self.lang))
        except Exception:
            log.exception("subscriber dialog: unexpected failure")
            self._show_error(None, self.tr("Something went wrong; the details are in the log."))
        else:
            self._set_busy(False)
            self.saved.emit(row)
            kept = kept_after_clear(kwargs, row.details) if self.row is not None else []
            if kept:
                self._show_kept(row, kept)
                return
            self.accept()

    def _show_kept(self, row: FleetRow, kept: list[str]) -> None:
        """The save stands, but Movizor kept what was sent empty: show what it has now
        and say so; the dialog stays open until the dispatcher closes it."""
        self.row = row
        if row.details is not None:
            self._apply_details(row.details)
        names = {
            "route": self.tr("the route"),
            "schedule": self.tr("the schedule"),
            "metadata": self.tr("the metadata"),
        }
        self.banner.set_message(
            self.tr(
                "Saved, but Movizor kept {what}: it does not take an empty value for them from "
                "here. Remove them in Movizor's web cabinet, or replace them with other "
                "values."
            ).format(what=", ".join(names[k] for k in kept))
        )
        self.cancel_button.setText(self.tr("Close"))
        for page in kept:
            self.pages.flag(page)

    def _show_error(self, field: str | None, message: str, details: str = "") -> None:
        """Put ``message`` on the page and field it concerns, else in the banner;
        ``details`` (Movizor's own answer) as its tooltip."""
        self._set_busy(False)
        page = FIELD_PAGES.get(field or "", "main" if field in MAIN_FIELDS else None)
        if page in self.editors:
            self.pages.error(page, message)
            self.editors[page].banner.setToolTip(details)
        elif page == "main":
            target = "tariff" if field == "operator" else field
            self.main.errors[target or "phone"].set_message(message, details)
            self.pages.flag("main")
        else:
            self.banner.set_message(message, details)
            return
        self.show_page(page)

    # --- several numbers at once ---------------------------------------------------------

    def open_bulk(self) -> None:
        """Confirm and add every pasted number with the settings of all pages."""
        candidates = self.main.candidates()
        if self.row is not None or len(candidates) < 2 or self._busy or self._bulk_running():
            return
        fields = self._collect(bulk=True)
        if fields is None:
            return
        prefix = fields.pop("title") or ""
        dialog = BulkAddDialog(
            self.session, candidates, fields, title_prefix=prefix, lang=self.lang, parent=self
        )
        self.bulk_dialog = dialog
        dialog.started.connect(self._update_buttons)
        dialog.added.connect(self._bulk_added)
        dialog.finished.connect(self._bulk_closed)
        dialog.open()

    def _bulk_running(self) -> bool:
        return self.bulk_dialog is not None and self.bulk_dialog.running

    def _bulk_added(self, rows: list[FleetRow]) -> None:
        self._update_buttons()
        if rows:
            self.saved_many.emit(rows)

    def _bulk_closed(self, _code: int) -> None:
        dialog = self.bulk_dialog
        self._update_buttons()
        if dialog is not None and dialog.rows:
            self.saved.emit(dialog.rows[-1])
            self.accept()

    # --- buttons and closing ------------------------------------------------------------

    def _save_text(self) -> str:
        if self._busy:
            return self.tr("Saving…")
        if self.row is not None:
            return self.tr("Save")
        if hasattr(self, "main") and self.main.candidates():
            return self.tr("Add {count}…").format(count=self.main.bulk_count)
        return self.tr("Add")

    def _update_buttons(self) -> None:
        self.save_button.setText(self._save_text())
        self.save_button.setEnabled(not (self._busy or self._loading or self._bulk_running()))
        self.cancel_button.setEnabled(not self._busy)
        self.main.cancel_pending_button.setEnabled(not self._busy)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_buttons()

    def _initial_size(self, *, wide: bool) -> None:
        """Room for the route table (eight columns) and, with a map, the map beside it;
        never larger than the screen (a 1366×768 laptop included)."""
        width, height = (1240, 760) if wide else (880, 640)
        screen = self.screen()
        if screen is not None:
            avail = screen.availableGeometry()
            width = min(width, avail.width() - 40)
            height = min(height, avail.height() - 40)
        self.resize(max(width, self.minimumWidth()), max(height, self.minimumHeight()))

    def _stop(self) -> None:
        self.tasks.cancel_all()
        self.advisor.stop()
        self.route_editor.shutdown()

    def done(self, result: int) -> None:
        if self._busy:  # the request may already be on the server: wait for its answer
            return
        self._stop()
        super().done(result)

    def reject(self) -> None:
        if self._busy or self._bulk_running():
            return
        super().reject()

    def closeEvent(self, event: Any) -> None:
        if self._busy or self._bulk_running():
            event.ignore()
            return
        self._stop()
        super().closeEvent(event)


def _templates() -> RouteTemplates | None:
    """The route templates of this installation (None when they cannot be opened)."""
    try:
        from ...store.paths import AppPaths
        from ...store.routes import RouteTemplates

        return RouteTemplates(AppPaths())
    except Exception:  # templates are a convenience: never block the dialog on them
        log.exception("route templates unavailable")
        return None
