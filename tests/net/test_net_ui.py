"""The network parts of the UI, on real components: the connection dialog's *Check
connection* with each failure explained, the plain-http warning, Preferences → Network,
and Help → Copy diagnostics."""

from __future__ import annotations

import json
import logging

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtNetwork import QNetworkProxy, QNetworkProxyFactory
from PySide6.QtWidgets import QMessageBox

from movizor_desktop.api.net import (
    NetConfig,
    ProxyConfig,
    ProxyKind,
    ProxyMode,
    current_config,
    set_current_config,
)
from movizor_desktop.store import AppPaths, AppSettings, ProfileStore, SecretStore
from movizor_desktop.store.secrets import forget_session_keys
from movizor_desktop.ui.dialogs import ConnectionDialog
from movizor_desktop.ui.network import PROXY_PASSWORD_SERVICE, PROXY_PASSWORD_SLOT
from tests.conftest import SIM_KEY

from .conftest import proxied_url
from .netkit import TEST_HOST, free_port


@pytest.fixture(autouse=True)
def restore_network(qapp):
    saved = (
        current_config(),
        QNetworkProxyFactory.usesSystemConfiguration(),
        QNetworkProxy.applicationProxy(),
    )
    forget_session_keys()
    yield
    forget_session_keys()
    set_current_config(saved[0])
    QNetworkProxyFactory.setUseSystemConfiguration(saved[1])
    QNetworkProxy.setApplicationProxy(saved[2])


@pytest.fixture
def dialog(qtbot, qloop, app_home):
    dialog = ConnectionDialog(ProfileStore(AppPaths()), SecretStore())
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def fill_and_check(qtbot, dialog: ConnectionDialog, url: str) -> None:
    for edit, text in (
        (dialog.url_edit, url),
        (dialog.project_edit, "demo"),
        (dialog.key_edit.edit, SIM_KEY),
    ):
        edit.clear()
        qtbot.keyClicks(edit, text)
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.checking and dialog.check_button.isEnabled(), timeout=20000)


def test_check_names_the_untrusted_issuer(qtbot, dialog, https_sim, os_store):
    fill_and_check(qtbot, dialog, https_sim.base_url)
    message = dialog.field_error("base_url")
    assert "“Movizor Test CA" in message and "ask IT" in message
    assert SIM_KEY not in message


def test_check_explains_a_proxy_asking_for_a_password(
    qtbot, dialog, https_sim, os_store, test_ca, proxy_py_auth
):
    os_store.add(test_ca.cert_pem.bytes())
    set_current_config(
        NetConfig().with_proxy(
            ProxyConfig(ProxyMode.MANUAL, ProxyKind.HTTP, "127.0.0.1", proxy_py_auth.port)
        )
    )
    fill_and_check(qtbot, dialog, proxied_url(https_sim))
    assert "407" in dialog.field_error("base_url")
    assert "File → Preferences → Network" in dialog.field_error("base_url")


def test_check_in_russian_names_the_missing_host(qtbot, qloop, app_home, russian):
    dialog = ConnectionDialog(ProfileStore(AppPaths()), SecretStore(), lang="ru")
    qtbot.addWidget(dialog)
    dialog.show()
    set_current_config(NetConfig().with_proxy(ProxyConfig(ProxyMode.NONE)))
    fill_and_check(qtbot, dialog, f"https://{TEST_HOST}/api/")
    assert f"Имя «{TEST_HOST}» не найдено" in dialog.field_error("base_url")


def answer_plain_http(qtbot, dialog: ConnectionDialog, button: str) -> None:
    qtbot.waitUntil(
        lambda: dialog._plain_box is not None and dialog._plain_box.isVisible(), timeout=5000
    )
    box: QMessageBox = dialog._plain_box
    assert "not encrypted" in box.text()
    assert box.defaultButton().objectName() == "use_https"
    qtbot.mouseClick(box.findChild(type(box.defaultButton()), button), Qt.MouseButton.LeftButton)


def test_plain_http_is_refused_until_confirmed(qtbot, dialog, sim, proxy_py, app_home):
    set_current_config(
        NetConfig().with_proxy(
            ProxyConfig(ProxyMode.MANUAL, ProxyKind.HTTP, "127.0.0.1", proxy_py.port)
        )
    )
    url = proxied_url(sim)  # http://movizor.test:port/api/, reachable through the proxy
    fill_and_check(qtbot, dialog, url)
    answer_plain_http(qtbot, dialog, "send_unencrypted")
    qtbot.waitUntil(lambda: "Balance" in dialog.check_result.text(), timeout=20000)
    assert "Unencrypted address" in dialog.url_note.text()
    # proxy.py writes its access line when the connection closes, which the dialog's
    # client does after showing the balance: wait with the event loop running
    qtbot.waitUntil(lambda: f"{TEST_HOST}:{sim.port}" in proxy_py.log_text(), timeout=15000)
    log = proxy_py.log_text()
    assert SIM_KEY not in log and "POST" in log

    dialog.name_edit.setText("plain")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = json.loads((AppPaths().config_dir / "profiles.json").read_text("utf-8"))
    assert saved["profiles"][0]["allow_plain_http"] is True


def test_use_https_instead(qtbot, dialog):
    dialog.url_edit.setText("http://movizor.ru/api/")
    dialog.name_edit.setText("x")
    dialog.project_edit.setText("demo")
    dialog.key_edit.edit.setText(SIM_KEY)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not (AppPaths().config_dir / "profiles.json").exists()  # not before an answer
    answer_plain_http(qtbot, dialog, "use_https")
    assert dialog.url_edit.text() == "https://movizor.ru/api/"
    qtbot.waitUntil(lambda: (AppPaths().config_dir / "profiles.json").exists(), timeout=5000)


def test_loopback_http_needs_no_confirmation(qtbot, dialog, sim):
    fill_and_check(qtbot, dialog, sim.base_url)
    assert dialog._plain_box is None and "Balance" in dialog.check_result.text()


# --- Preferences → Network ----------------------------------------------------------------


@pytest.fixture
def prefs(qtbot, qloop, app_home):
    from movizor_desktop.ui.features.preferences.dialog import PreferencesDialog

    dialog = PreferencesDialog(AppSettings(), paths=AppPaths())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentWidget(dialog.network)
    qtbot.waitExposed(dialog.network)
    return dialog


def test_preferences_network_checks_each_field_and_applies_at_once(qtbot, prefs, memory_keyring):
    page = prefs.network
    assert page.mode_buttons[ProxyMode.SYSTEM].isChecked() and not page.manual_box.isEnabled()
    manual = page.mode_buttons[ProxyMode.MANUAL]
    # on the indicator: a radio button takes clicks on its circle and text, not its width
    qtbot.mouseClick(manual, Qt.MouseButton.LeftButton, pos=QPoint(8, manual.height() // 2))
    assert page.manual_box.isEnabled()
    page.host_edit.setFocus()
    qtbot.keyClicks(page.host_edit, "http://proxy.local/")
    page.port_edit.setFocus()  # leaving the field checks it
    assert "without http://" in page.errors["proxy_host"].text()
    qtbot.keyClicks(page.port_edit, "99999")
    page.user_edit.setFocus()
    assert "1 to 65535" in page.errors["proxy_port"].text()
    qtbot.keyClicks(page.user_edit, "dispatcher")
    prefs.save_button.click()
    assert prefs.isVisible() and prefs.tabs.currentWidget() is page
    assert page.errors["proxy_password"].text()  # a user without any password

    page.host_edit.setText("proxy.local")
    page.port_edit.setText("3128")
    page.password_edit.setText("Pr0xy-pass")
    page.kind_combo.setCurrentIndex(page.kind_combo.findData("socks5"))
    with qtbot.waitSignal(prefs.saved, timeout=5000) as saved:
        prefs.save_button.click()
    settings: AppSettings = saved.args[0]
    assert settings.proxy == ProxyConfig(
        ProxyMode.MANUAL, ProxyKind.SOCKS5, "proxy.local", 3128, "dispatcher"
    )
    stored = json.loads((AppPaths().config_dir / "settings.json").read_text("utf-8"))
    assert stored["proxy_host"] == "proxy.local" and "Pr0xy-pass" not in json.dumps(stored)
    assert memory_keyring.store[(PROXY_PASSWORD_SERVICE, PROXY_PASSWORD_SLOT)] == "Pr0xy-pass"


def test_saved_preferences_apply_without_restart(qtbot, qloop, sim, run_async, memory_keyring):
    from movizor_desktop.store import Profile
    from movizor_desktop.ui.main_window import MainWindow
    from movizor_desktop.ui.session import Session

    window = MainWindow(AppSettings(), lang="en")
    qtbot.addWidget(window)
    session = Session(Profile("t", base_url=sim.base_url, project="demo"), SIM_KEY)
    window.set_session(session)
    memory_keyring.set_password(PROXY_PASSWORD_SERVICE, PROXY_PASSWORD_SLOT, "Pw-123")
    new = AppSettings(
        proxy_mode="manual",
        proxy_kind="http",
        proxy_host="10.0.0.1",
        proxy_port=8080,
        proxy_user="me",
    )
    window.features["preferences"].apply(new)
    assert current_config().proxy == new.proxy and current_config().proxy_password == "Pw-123"
    qt = QNetworkProxy.applicationProxy()
    assert (qt.type(), qt.hostName(), qt.port(), qt.user(), qt.password()) == (
        QNetworkProxy.ProxyType.HttpProxy,
        "10.0.0.1",
        8080,
        "me",
        "Pw-123",
    )
    # the open session's client reaches loopback directly, whatever the proxy
    assert run_async(session.client.balance()).balance > 0
    run_async(session.aclose())


# --- diagnostics and the log ----------------------------------------------------------------


def test_diagnostics_and_log_show_mode_trust_and_last_error(qtbot, qloop, run_async, caplog):
    from movizor_desktop.api import MovizorClient
    from movizor_desktop.api.net_errors import ProxyFailedError
    from movizor_desktop.ui.features.diagnostics import diagnostics_text
    from movizor_desktop.ui.network import apply_network

    caplog.set_level(logging.INFO)
    port = free_port()
    apply_network(
        ProxyConfig(ProxyMode.MANUAL, ProxyKind.HTTP, "127.0.0.1", port, "dispatcher"),
        "Diag-Secret-9",
    )

    async def fail():
        async with MovizorClient(
            "https://movizor.example/api/", project="p", key="Key-Secret-7", retries=0
        ) as client:
            await client.balance()

    with pytest.raises(ProxyFailedError):
        run_async(fail())

    text = diagnostics_text(None)
    assert f"Proxy: manual http://dispatcher@127.0.0.1:{port} (password in the keyring)" in text
    assert "Certificates: system trust store (truststore)" in text
    assert "Last network error:" in text and "ProxyFailedError" in text
    assert f"127.0.0.1:{port}" in text.split("Last network error:")[1]
    assert "Diag-Secret-9" not in text and "Key-Secret-7" not in text
    assert "network: proxy manual http://dispatcher@127.0.0.1" in caplog.text
    assert "Diag-Secret-9" not in caplog.text


def test_an_old_plain_http_profile_is_not_opened_unconfirmed(qtbot, qloop, app_home, run_async):
    import asyncio

    from movizor_desktop.app import AppController
    from movizor_desktop.store import Profile
    from tests.ui.test_dialogs_connection_flow import StubWindow

    controller = AppController(AppPaths(), AppSettings(), "en", window_factory=StubWindow)
    controller.store.save(
        Profile("Old", base_url="http://movizor.example.org/api/", project="demo")
    )
    SecretStore().set_key("Old", SIM_KEY)
    controller.store.active = "Old"
    task = asyncio.ensure_future(controller.start())
    qtbot.waitUntil(lambda: controller.dialog is not None and controller.dialog.isVisible())
    assert "unencrypted http://" in controller.dialog.banner.text()
    assert controller.session is None
    controller.dialog.reject()
    qtbot.waitUntil(task.done, timeout=5000)
    assert controller.session is None
    run_async(controller.aclose())
    controller.window.deleteLater()
