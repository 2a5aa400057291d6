"""The status bar: messages on the left; on the right the key notice, demo marker, request
budget, balance and connection state.

* Balance and credit in the locale's money format, in a warning style below
  ``AppSettings.low_balance``.
* Requests used / left of the hourly budget (5,000 an hour at Movizor).
* Connection: online (with the last sync time) / connecting / offline since hh:mm / key
  refused. A refused key makes the label a button that opens the connection settings.
* "DEMO" when the session talks to the built-in simulator; a visible notice when the API
  key lives in memory for this session only (no usable password manager).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QEvent, QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QStatusBar, QToolButton, QWidget

from . import formatting as fmt
from .subscribers.badges import palette_is_dark

INFO, WARNING, ERROR = 0, 1, 2
# Text colours on the window background: (light palette, dark palette), >= 4.5:1 on both.
TONES = {
    "good": ("#1b7a3a", "#6fd08c"),
    "warn": ("#b1480a", "#fdba74"),
    "bad": ("#c0262d", "#ff8f8f"),
}
_LEVEL_TONE = {WARNING: ("warn", ""), ERROR: ("bad", " font-weight: 600;")}
_WARN_STYLE = "QLabel { color: white; background: #c0262d; border-radius: 3px; padding: 1px 6px; }"
_DEMO_STYLE = (
    "QLabel { color: white; background: #8e24aa; border-radius: 3px;"
    " padding: 1px 6px; font-weight: 700; }"
)
_NOTICE_STYLE = (
    "QLabel { color: #7a4a00; background: #fff3cd; border: 1px solid #e0c060;"
    " border-radius: 3px; padding: 1px 6px; }"
)


class StatusBar(QStatusBar):
    connection_clicked = Signal()  # the user wants to fix the connection (refused key)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        lang: str = "en",
        low_balance: Decimal | float = Decimal("300"),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("statusBar")
        self.lang = lang
        self.number_locale: QLocale = fmt.locale_for(lang)
        self.low_balance = Decimal(str(low_balance))
        self.message_label = QLabel(self)
        self.message_label.setObjectName("statusMessage")
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setMinimumWidth(120)
        self.addWidget(self.message_label, 1)
        self._message_timer = QTimer(self, singleShot=True)
        self._message_timer.timeout.connect(self.clear_message)

        self.key_notice = QLabel(self)
        self.key_notice.setObjectName("keyNotice")
        self.key_notice.setStyleSheet(_NOTICE_STYLE)
        self.demo_label = QLabel(self)
        self.demo_label.setObjectName("demoMarker")
        self.demo_label.setStyleSheet(_DEMO_STYLE)
        self.budget_label = QLabel(self)
        self.budget_label.setObjectName("budgetLabel")
        self.balance_label = QLabel(self)
        self.balance_label.setObjectName("balanceLabel")
        self.connection_button = QToolButton(self)
        self.connection_button.setObjectName("connectionState")
        self.connection_button.setAutoRaise(True)
        self.connection_button.clicked.connect(self._connection_clicked)
        for widget in (
            self.key_notice,
            self.demo_label,
            self.budget_label,
            self.balance_label,
            self.connection_button,
        ):
            self.addPermanentWidget(widget)
        self.key_notice.hide()
        self.demo_label.hide()
        self._balance: Any = None
        self._status: Any = None
        self.set_status(None)
        self.set_balance(None)

    # --- messages ---------------------------------------------------------------------------

    def show_message(
        self, text: str, level: int = INFO, timeout_ms: int = 15000, details: str = ""
    ) -> None:
        """A sentence in the message area (errors stay until replaced or cleared);
        ``details`` (e.g. Movizor's own answer) joins it in the tooltip."""
        self.message_label.setText(text)
        self.message_label.setToolTip(f"{text}\n{details}" if details else text)
        self.message_label.setProperty("level", level)
        self._style_message()
        if level == ERROR or timeout_ms <= 0:
            self._message_timer.stop()
        else:
            self._message_timer.start(timeout_ms)

    def tone(self, name: str) -> str:
        """The colour of a "good"/"warn"/"bad" text for the current palette."""
        light, dark = TONES[name]
        return dark if palette_is_dark(self.palette()) else light

    def _style_message(self) -> None:
        level = self.message_label.property("level")
        tone = _LEVEL_TONE.get(level) if isinstance(level, int) else None
        self.message_label.setStyleSheet(f"color: {self.tone(tone[0])};{tone[1]}" if tone else "")

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ThemeChange):
            self._style_message()
            self.set_status(self._status)

    def clear_message(self) -> None:
        self.message_label.clear()
        self.message_label.setToolTip("")
        self.message_label.setProperty("level", None)

    def message(self) -> str:
        return self.message_label.text()

    # --- session markers --------------------------------------------------------------------

    def set_session_flags(self, *, demo: bool, key_session_only: bool) -> None:
        self.demo_label.setText(self.tr("DEMO"))
        self.demo_label.setToolTip(
            self.tr(
                "Demo mode: a built-in simulator of Movizor with invented drivers. Nothing is "
                "sent to Movizor and no money is spent."
            )
        )
        self.demo_label.setVisible(demo)
        self.key_notice.setText(self.tr("Key kept for this session only"))
        self.key_notice.setToolTip(
            self.tr(
                "No password manager is available on this computer, so the API key is kept in "
                "memory only. You will be asked for it again after restarting the app."
            )
        )
        self.key_notice.setVisible(key_session_only)

    # --- balance ----------------------------------------------------------------------------

    def set_balance(self, balance: Any) -> None:
        """``balance``: api.models.Balance or None (unknown yet)."""
        self._balance = balance
        label = self.balance_label
        if balance is None:
            label.setText(self.tr("Balance: —"))
            label.setToolTip(self.tr("The balance is not known yet."))
            label.setStyleSheet("")
            label.setProperty("low", False)
            return
        amount = fmt.money(balance.balance, self.number_locale)
        text = self.tr("Balance: {amount}").format(amount=amount)
        if balance.credit:
            text += " · " + self.tr("credit {amount}").format(
                amount=fmt.money(balance.credit, self.number_locale)
            )
        label.setText(text)
        low = balance.balance < self.low_balance
        label.setProperty("low", low)
        label.setStyleSheet(_WARN_STYLE if low else "")
        tip = self.tr("Money on the Movizor contract.")
        if low:
            limit = fmt.money(self.low_balance, self.number_locale)
            tip = self.tr(
                "The balance is below {limit}: top up the contract so tracking does not stop."
            ).format(limit=limit)
        label.setToolTip(tip)

    def set_low_balance(self, limit: Decimal | float) -> None:
        self.low_balance = Decimal(str(limit))
        self.set_balance(self._balance)

    # --- engine status ----------------------------------------------------------------------

    def set_status(self, status: Any) -> None:
        """``status``: sync.EngineStatus or None (no session)."""
        self._status = status
        button = self.connection_button
        if status is None:
            button.setText(self.tr("Not connected"))
            button.setToolTip("")
            button.setProperty("state", "none")
            self.budget_label.clear()
            self.budget_label.hide()
            return
        state = str(status.state)
        button.setProperty("state", state)
        error = status.error.message(self.lang) if status.error is not None else ""
        if state == "online":
            text = self.tr("● Online")
            tip = (
                self.tr("Connected. Last sync: {time}.").format(
                    time=fmt.msk_datetime(status.last_sync, seconds=True)
                )
                if status.last_sync
                else self.tr("Connected.")
            )
            button.setStyleSheet(f"QToolButton {{ color: {self.tone('good')}; }}")
        elif state == "connecting":
            text = self.tr("Connecting…")
            tip = self.tr("Connecting to Movizor.")
            button.setStyleSheet("")
        elif state == "offline":
            since = status.offline_since
            text = (
                self.tr("● Offline since {time}").format(time=fmt.msk_clock(since))
                if since
                else self.tr("● Offline")
            )
            tip = self.tr(
                "Movizor cannot be reached; the list shows the last known data "
                "and updates by itself once the connection is back."
            )
            button.setStyleSheet(f"QToolButton {{ color: {self.tone('bad')}; }}")
        elif state == "auth_failed":
            text = self.tr("⚠ Key refused — change…")
            tip = self.tr(
                "Movizor refused the project or API key. Click to open the connection settings."
            )
            button.setStyleSheet(f"QToolButton {{ color: {self.tone('bad')}; font-weight: 600; }}")
        else:
            text = self.tr("Not connected")
            tip = ""
            button.setStyleSheet("")
        if error:
            tip = f"{tip}\n{error}" if tip else error
        button.setText(text)
        button.setToolTip(tip)
        self._set_budget(status.budget)

    def _set_budget(self, budget: Any) -> None:
        if budget is None:
            self.budget_label.hide()
            return
        loc = self.number_locale
        self.budget_label.setText(
            self.tr("Requests: {used} used, {left} left of {limit}/h").format(
                used=loc.toString(int(budget.used)),
                left=loc.toString(int(budget.remaining)),
                limit=loc.toString(int(budget.limit)),
            )
        )
        self.budget_label.setToolTip(
            self.tr(
                "Movizor allows {limit} API requests an hour; left this hour: {left}. The app "
                "slows its refresh down when few are left."
            ).format(
                limit=loc.toString(int(budget.limit)), left=loc.toString(int(budget.remaining))
            )
        )
        low = budget.fraction_left < 0.1
        self.budget_label.setStyleSheet(_WARN_STYLE if low else "")
        self.budget_label.show()

    def _connection_clicked(self) -> None:
        if self._status is not None and str(self._status.state) == "auth_failed":
            self.connection_clicked.emit()


__all__ = ["ERROR", "INFO", "WARNING", "StatusBar"]
