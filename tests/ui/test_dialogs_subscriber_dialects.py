"""The subscriber dialog where Movizor answers in the other reading of the disputed points:
object_get without a schedule (the page shows the one saved from this computer and says
so), and bare values that do not clear (the dialog says what Movizor kept)."""

from __future__ import annotations

import pytest

from movizor_desktop.ui.details import DetailsPane
from tests.kits.subscribers import (
    click,
    make,
    pick_phone,
    ready,
    row_for,
    save,
    wait_idle,
)


@pytest.fixture
def v2(sim_control):
    """The v2 reading of every switch but the tariff ids (the seeded account has them)."""
    sim_control.set_dialect("v2", tariffs="2017")


def _edit_dialog(qtbot, session, run_async, phone: str):
    return ready(qtbot, make(qtbot, session, row=row_for(session, run_async, phone)))


def test_an_unreported_schedule_shows_the_one_saved_here(qtbot, sim, session, run_async, v2):
    phone = pick_phone(sim)
    dialog = _edit_dialog(qtbot, session, run_async, phone)
    editor = dialog.schedule_editor
    assert not editor.source_note.isHidden()
    assert "none was saved from this computer" in editor.source_note.text()
    assert editor.schedule().empty

    click(qtbot, editor.preset_buttons["workdays"])
    save(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=15000)
    saved = session.engine.schedules.get(phone)
    assert saved is not None and saved.days == {1, 2, 3, 4, 5}
    with sim.world.lock:  # Movizor has it, though it does not say so in object_get
        assert sim.world.subs[phone].schedule.days == (True,) * 5 + (False,) * 2

    again = _edit_dialog(qtbot, session, run_async, phone)
    note = again.schedule_editor.source_note.text()
    assert "Shown is the one saved from this computer" in note
    assert again.schedule_editor.schedule().days == frozenset({1, 2, 3, 4, 5})
    assert not again.schedule_editor.is_modified()  # not sent again unless changed

    pane = DetailsPane()
    qtbot.addWidget(pane)
    pane.local_schedule = session.engine.schedules.get
    pane.set_row(session.engine.fleet.get(phone))
    text = pane.fields["schedule"].text()
    assert "Mon, Tue, Wed, Thu, Fri at" in text and "as saved from this computer" in text


def test_a_route_movizor_keeps_is_said_and_shown(qtbot, sim, session, run_async, v2):
    with sim.world.lock:
        phone = next(
            p
            for p, s in sim.world.subs.items()
            if s.status == "ok" and s.route and s.tariff_new is None
        )
    dialog = _edit_dialog(qtbot, session, run_async, phone)
    route = dialog.route_editor
    count = len(route.points())
    assert count >= 1
    for _ in range(count):
        route.select_row(0)
        route.remove_current()
    assert route.points() == [] and route.is_modified()
    save(qtbot, dialog)
    wait_idle(qtbot, dialog)
    qtbot.waitUntil(lambda: "kept the route" in dialog.banner.text(), timeout=15000)
    assert dialog.isVisible() and dialog.cancel_button.text() == "Close"
    assert len(route.points()) == count and not route.is_modified()  # what Movizor has
    click(qtbot, dialog.cancel_button)
    assert not dialog.isVisible()
