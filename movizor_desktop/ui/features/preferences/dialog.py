"""The Preferences dialog: the settings shared by every profile (``store/settings.py``).

* Interface language (system / Русский / English): read once at start
  (:func:`movizor_desktop.ui.i18n.pick_language`), so it takes effect after a restart.
* Sync interval, in seconds or minutes (15 s – 60 min): the current session's engine uses
  it from its next cycle; a shorter interval wakes it at once.
* Low-balance warning threshold in roubles (locale-formatted): the status bar re-colours
  the balance at once.
* Map tile server (http(s), with ``{z}``, ``{x}``, ``{y}``) and its attribution (required
  for any server but the default): the map switches tiles in place.
* Offline map (:mod:`.offline_map`): an MBTiles file the maps draw from with no network,
  checked when chosen.
* The *Planning* tab (:mod:`.planning`): the average truck speed, the detour factor and the
  drivers' rest rules (a shipped set or a file, checked when chosen) the route editor's
  forecasts use.
* The *Network* tab (:mod:`.network`): the proxy (system, none, manual with an
  optional password kept in the keyring). It applies at once to the API and the map.

Saving writes ``settings.json`` in a worker thread; a failure keeps the dialog open with
everything as typed and says why in the banner. On success the *same* settings object the
window and the app controller share is updated, so a later profile switch keeps the values.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from decimal import Decimal

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .... import clock
from ....store.paths import AppPaths
from ....store.settings import OSM_TILE_URL, AppSettings, save_settings
from ...dialogs.guard import DialogGuard
from ...dialogs.settings import SettingsDialog
from ...dialogs.widgets import FieldError, Note, add_field
from ...formatting import locale_for
from ...network import PROXY_PASSWORD_SLOT, proxy_secrets
from .network import NetworkPage
from .offline_map import OfflineMapField
from .planning import PlanningPage

log = logging.getLogger(__name__)

SECONDS, MINUTES = "s", "min"
PLACEHOLDERS = ("{z}", "{x}", "{y}")


def _amount(value: float) -> Decimal:
    """A spin box's roubles as a Decimal: ``300`` stays ``300``, ``99.5`` → ``99.50``."""
    amount = Decimal(f"{value:.2f}")
    return amount.quantize(Decimal(1)) if amount == amount.to_integral_value() else amount


class PreferencesDialog(SettingsDialog):
    """The settings every profile shares (``saved``: the
    :class:`~movizor_desktop.store.settings.AppSettings` written)."""

    errors: dict[str, FieldError]  # under each field, by AppSettings name

    def __init__(
        self,
        settings: AppSettings,
        *,
        paths: AppPaths,
        lang: str = "en",
        now: Callable[[], datetime] = clock.now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, tasks="preferences-dialog")
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.settings = settings
        self.paths = paths

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("prefLanguage")
        self.language_combo.addItem(self.tr("As in the system"), "")
        self.language_combo.addItem("Русский", "ru")  # each language in its own words
        self.language_combo.addItem("English", "en")
        self.language_note = Note(self.tr("Takes effect after a restart of the app."))
        # a field that does not grow leaves its note the combo's width, and the form then
        # clips the wrapped note: let the combo take the field's width
        self.language_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

        self.interval_spin = QSpinBox()
        self.interval_spin.setObjectName("prefInterval")
        self.interval_unit = QComboBox()
        self.interval_unit.setObjectName("prefIntervalUnit")
        self.interval_unit.addItem(self.tr("seconds"), SECONDS)
        self.interval_unit.addItem(self.tr("minutes"), MINUTES)
        self.interval_unit.currentIndexChanged.connect(self._unit_changed)
        interval_box = QWidget()
        interval_row = QHBoxLayout(interval_box)
        interval_row.setContentsMargins(0, 0, 0, 0)
        interval_row.addWidget(self.interval_spin, 1)
        interval_row.addWidget(self.interval_unit)
        interval_box.setFocusProxy(self.interval_spin)
        self._unit = SECONDS

        self.balance_spin = QDoubleSpinBox()
        self.balance_spin.setObjectName("prefLowBalance")
        self.balance_spin.setLocale(locale_for(lang))
        self.balance_spin.setDecimals(2)
        self.balance_spin.setRange(0.0, float(AppSettings.LOW_BALANCE_MAX))
        self.balance_spin.setGroupSeparatorShown(True)
        self.balance_spin.setSuffix(" ₽")
        self.balance_spin.setSingleStep(100.0)

        self.tile_edit = QLineEdit()
        self.tile_edit.setObjectName("prefTileUrl")
        self.tile_edit.setPlaceholderText(OSM_TILE_URL)
        self.tile_edit.editingFinished.connect(self._check_tile_url)
        self.tile_edit.textEdited.connect(lambda _text: self.errors["tile_url"].clear_message())
        self.attribution_edit = QLineEdit()
        self.attribution_edit.setObjectName("prefTileAttribution")
        self.attribution_edit.textEdited.connect(
            lambda _text: self.errors["tile_attribution"].clear_message()
        )
        self.offline_map = OfflineMapField(settings.mbtiles_path, self)

        self.errors = {
            "language": add_field(
                form, self.tr("Interface &language:"), self.language_combo, self.language_note
            ),
            "sync_interval": add_field(
                form,
                self.tr("&Refresh interval:"),
                interval_box,
                Note(self.tr("From 15 seconds to 60 minutes.")),
            ),
            "low_balance": add_field(
                form, self.tr("Low-&balance warning below:"), self.balance_spin
            ),
            "tile_url": add_field(
                form,
                self.tr("Map &tile server:"),
                self.tile_edit,
                Note(
                    self.tr("An http(s) address with {z}, {x} and {y} in it, e.g. the default:")
                    + " "
                    + OSM_TILE_URL
                ),
            ),
            "tile_attribution": add_field(
                form,
                self.tr("Map &attribution:"),
                self.attribution_edit,
                Note(
                    self.tr(
                        "The credit the tile provider requires, shown in the corner of "
                        "the map (plain text or HTML)."
                    )
                ),
            ),
            "mbtiles_path": add_field(
                form, self.tr("&Offline map:"), self.offline_map.box, self.offline_map.note
            ),
        }
        self.offline_map.error = self.errors["mbtiles_path"]

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("prefSave")
        self.defaults_button: QPushButton = buttons.button(
            QDialogButtonBox.StandardButton.RestoreDefaults
        )
        self.defaults_button.setObjectName("prefDefaults")
        self.defaults_button.setText(self.tr("Restore &defaults"))
        self.defaults_button.clicked.connect(self.restore_defaults)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

        self.secrets = proxy_secrets()
        self.network = NetworkPage(
            settings,
            password_saved=self.secrets.get_key(PROXY_PASSWORD_SLOT) is not None,
            persistent=self.secrets.persistent,
        )
        general = QWidget()
        general.setObjectName("prefGeneralPage")
        general_column = QVBoxLayout(general)
        general_column.addLayout(form)
        general_column.addStretch(1)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("prefTabs")
        self.tabs.addTab(general, self.tr("&General"))
        self.planning = PlanningPage(settings, lang=lang, now=now)
        self.tabs.addTab(self.planning, self.tr("&Planning"))
        self.tabs.addTab(self.network, self.tr("Net&work"))

        column = QVBoxLayout(self)
        column.addWidget(self.banner)
        column.addWidget(self.tabs, 1)
        column.addWidget(buttons)
        self.setMinimumWidth(600)
        self._load(settings)
        self.guard = DialogGuard(  # Escape and Cancel ask before edits are lost
            self,
            commit=self.save,
            disarm=False,
            cancel_button=buttons.button(QDialogButtonBox.StandardButton.Cancel),
        )

    # --- form <-> settings ------------------------------------------------------------------

    def _load(self, settings: AppSettings) -> None:
        index = self.language_combo.findData(settings.language)
        self.language_combo.setCurrentIndex(max(index, 0))
        seconds = settings.sync_interval
        unit = MINUTES if seconds >= 60 and seconds % 60 == 0 else SECONDS
        self.interval_unit.blockSignals(True)
        self.interval_unit.setCurrentIndex(self.interval_unit.findData(unit))
        self.interval_unit.blockSignals(False)
        self._set_unit(unit, seconds)
        self.balance_spin.setValue(float(settings.low_balance))
        self.tile_edit.setText(settings.tile_url)
        self.attribution_edit.setText(settings.tile_attribution)
        for error in self.errors.values():
            error.clear_message()

    def _set_unit(self, unit: str, seconds: int) -> None:
        self._unit = unit
        if unit == MINUTES:
            self.interval_spin.setRange(AppSettings.SYNC_MIN // 60 or 1, AppSettings.SYNC_MAX // 60)
            self.interval_spin.setValue(max(1, round(seconds / 60)))
        else:
            self.interval_spin.setRange(AppSettings.SYNC_MIN, AppSettings.SYNC_MAX)
            self.interval_spin.setValue(seconds)

    def _unit_changed(self) -> None:
        seconds = self.interval_seconds(self._unit)
        self._set_unit(self.interval_unit.currentData(), seconds)

    def interval_seconds(self, unit: str | None = None) -> int:
        factor = 60 if (unit or self.interval_unit.currentData()) == MINUTES else 1
        value = self.interval_spin.value() * factor
        return min(max(value, AppSettings.SYNC_MIN), AppSettings.SYNC_MAX)

    def restore_defaults(self) -> None:
        """Put the default values in the form (saved only with Save)."""
        self._load(AppSettings())
        self.offline_map.load("")
        self.planning.load(AppSettings())
        self.network.load(AppSettings())
        self.banner.set_message(None)

    def tile_url_error(self, url: str) -> str | None:
        if not url:
            return self.tr("Enter the address of the tile server.")
        if not url.startswith(("http://", "https://")):
            return self.tr("The address must start with http:// or https://.")
        if not all(part in url for part in PLACEHOLDERS):
            return self.tr(
                "The address must contain {z}, {x} and {y} (zoom, column and row of a tile)."
            )
        sample = QUrl(
            url.replace("{z}", "1").replace("{x}", "0").replace("{y}", "0"),
            QUrl.ParsingMode.StrictMode,
        )
        if not sample.isValid() or not sample.host():
            return self.tr("This is not a valid web address.")
        return None

    def _check_tile_url(self) -> bool:
        message = self.tile_url_error(self.tile_edit.text().strip())
        self.errors["tile_url"].set_message(message)
        return message is None

    def form_settings(self) -> AppSettings | None:
        """What the form says, or None after showing why it cannot be saved."""
        url = self.tile_edit.text().strip()
        attribution = self.attribution_edit.text().strip()
        if not self._check_tile_url():
            self.tabs.setCurrentIndex(0)
            self.tile_edit.setFocus()
            return None
        if not attribution and url != OSM_TILE_URL:
            self.errors["tile_attribution"].set_message(
                self.tr(
                    "Enter the credit this tile server requires: most providers' terms of use "
                    "demand it."
                )
            )
            self.tabs.setCurrentIndex(0)
            self.attribution_edit.setFocus()
            return None
        self.errors["tile_attribution"].clear_message()
        mbtiles = self.offline_map.path()
        if mbtiles is None:
            self.tabs.setCurrentIndex(0)
            self.offline_map.edit.setFocus()
            return None
        planning = self.planning.values()
        if planning is None:
            self.tabs.setCurrentWidget(self.planning)
            self.planning.rules_combo.setFocus()
            return None
        proxy = self.network.proxy_config()
        if proxy is None:
            self.tabs.setCurrentWidget(self.network)
            self.network.proxy_config()  # focus the first wrong field on the visible page
            return None
        # replace(): a setting this form does not show (yet) keeps its value
        return replace(
            self.settings,
            language=self.language_combo.currentData() or "",
            sync_interval=self.interval_seconds(),
            low_balance=_amount(self.balance_spin.value()),
            tile_url=url,
            tile_attribution=attribution,
            mbtiles_path=mbtiles,
            **planning._asdict(),
            proxy_mode=proxy.mode.value,
            proxy_kind=proxy.kind.value,
            proxy_host=proxy.host,
            proxy_port=proxy.port,
            proxy_user=proxy.user,
        )

    # --- saving (SettingsDialog) ------------------------------------------------------------

    def writer(self, settings: AppSettings) -> Callable[[], AppSettings]:
        paths, password = self.paths, self.network.typed_password

        def write() -> AppSettings:
            save_settings(paths, settings)
            self._store_password(settings, password)
            return settings

        return write

    def _store_password(self, settings: AppSettings, typed: str) -> None:
        """The proxy password to the keyring (blocking: runs in a worker thread)."""
        if not settings.proxy_user:
            self.secrets.delete_key(PROXY_PASSWORD_SLOT)
        elif typed:
            self.secrets.set_key(PROXY_PASSWORD_SLOT, typed)

    def failure_text(self, error: str) -> str:
        return self.tr("The preferences could not be saved: {error}").format(error=error)

    def busy_widgets(self) -> list[QWidget]:
        return [self.save_button, self.defaults_button]


__all__ = ["PreferencesDialog"]
