"""The last question before a subscriber is added: what it costs, and that an SMS goes out.

``object_add`` charges the account by the chosen tariff and makes Movizor send the driver
an SMS asking to agree to tracking; neither can be taken back by cancelling later. So the
dialog asks once more, in one short sentence each: the number and tariff, the charge (the
tariff calculator's answer, else the operator's price table, else "by the tariff"), and the
SMS. The question is window-modal over the dialog, shown with ``open()`` (never ``exec()``,
qasync); Add is its default button — reaching it took a click or Ctrl+Enter already.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from .widgets import widen_message_box


class AddConfirmation(QObject):
    def __init__(self, dialog: QWidget, *, lang: str = "en") -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.lang = lang
        self.box: QMessageBox | None = None

    @property
    def is_open(self) -> bool:
        return self.box is not None

    def ask(self, *, phone: str, tariff: str, charge: str, on_yes: Callable[[], None]) -> None:
        """Ask; ``on_yes`` runs only when the dispatcher chooses Add."""
        if self.box is not None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Add the subscriber?"),
            self.tr("Add {phone} on the tariff “{tariff}”?").format(phone=phone, tariff=tariff),
            QMessageBox.StandardButton.NoButton,
            self.dialog,
        )
        box.setObjectName("confirm_add")
        charged = (
            self.tr("Movizor charges {price}.").format(price=charge)
            if charge
            else self.tr("Movizor charges by the tariff's price list.")
        )
        box.setInformativeText(
            charged
            + "\n"
            + self.tr(
                "The driver gets an SMS asking to agree to tracking; positions come once they "
                "agree."
            )
        )
        add = box.addButton(self.tr("Add and send the SMS"), QMessageBox.ButtonRole.AcceptRole)
        add.setObjectName("confirm_add_yes")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(add)
        box.setEscapeButton(cancel)
        widen_message_box(box)
        self.box = box

        def answered(_code: int) -> None:
            self.box = None
            chosen = box.clickedButton()
            box.deleteLater()
            if chosen is add:
                on_yes()

        box.finished.connect(answered)
        box.open()


__all__ = ["AddConfirmation"]
