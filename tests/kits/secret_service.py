"""A real Secret Service for tests: gnome-keyring on a private D-Bus session bus.

:func:`secret_service` starts ``dbus-daemon`` with a configuration of its own (a session
bus in a temporary folder, no service activation, so nothing else can answer for
``org.freedesktop.secrets``), then ``gnome-keyring-daemon --unlock --components=secrets``
with a password on its standard input (it creates and unlocks the "login" collection),
in a home of its own. It yields the environment a client needs
(``DBUS_SESSION_BUS_ADDRESS`` and the XDG folders) once the service owns its name on the
bus, and stops both daemons afterwards.

Debian packages: ``dbus-daemon gnome-keyring`` (``.ci/run`` installs them). Without them
the tests are skipped on a developer's machine and fail in CI (``CI`` is set there).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.net.netkit import stop

SECRETS_NAME = "org.freedesktop.secrets"
_BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={folder}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


def require_daemons() -> None:
    missing = [b for b in ("dbus-daemon", "gnome-keyring-daemon") if shutil.which(b) is None]
    if missing:
        message = (
            f"{', '.join(missing)} not installed (Debian: dbus-daemon gnome-keyring; "
            ".ci/run installs them)"
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def _owned(address: str) -> bool:
    from jeepney.bus_messages import message_bus
    from jeepney.io.blocking import open_dbus_connection

    with open_dbus_connection(bus=address) as connection:
        reply = connection.send_and_get_reply(message_bus.NameHasOwner(SECRETS_NAME))
        return bool(reply.body[0])


@contextmanager
def secret_service(folder: Path, password: str = "test-password") -> Iterator[dict[str, str]]:
    require_daemons()
    bus_dir, home = folder / "bus", folder / "home"
    runtime = folder / "runtime"
    for path in (bus_dir, home, runtime):
        path.mkdir(parents=True, exist_ok=True)
    runtime.chmod(0o700)
    config = folder / "session.conf"
    config.write_text(_BUS_CONFIG.format(folder=bus_dir), encoding="utf-8")
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_RUNTIME_DIR": str(runtime),
    }
    bus = subprocess.Popen(
        ["dbus-daemon", f"--config-file={config}", "--nofork", "--nopidfile", "--print-address=1"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    keyring_daemon = None
    try:
        address = bus.stdout.readline().strip()  # type: ignore[union-attr]
        assert address, bus.stderr.read() if bus.stderr else "dbus-daemon gave no address"
        env["DBUS_SESSION_BUS_ADDRESS"] = address
        keyring_daemon = subprocess.Popen(
            ["gnome-keyring-daemon", "--unlock", "--components=secrets", "--foreground"],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        keyring_daemon.stdin.write(password.encode())  # type: ignore[union-attr]
        keyring_daemon.stdin.close()  # type: ignore[union-attr]
        deadline = time.monotonic() + 20
        while not _owned(address):
            if keyring_daemon.poll() is not None or time.monotonic() > deadline:
                error = keyring_daemon.stderr.read() if keyring_daemon.stderr else b""
                raise RuntimeError(f"gnome-keyring did not start: {error.decode()[-500:]}")
            time.sleep(0.05)
        yield {k: env[k] for k in ("DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR")}
    finally:
        for process in (keyring_daemon, bus):
            if process is not None:
                stop(process)
                for stream in (process.stdout, process.stderr):
                    if stream is not None:
                        stream.close()


def stored_items(address: str, attributes: dict[str, str]) -> list[str]:
    """The secrets the service holds for ``attributes``, read without keyring."""
    import secretstorage
    from jeepney.io.blocking import open_dbus_connection

    connection = open_dbus_connection(bus=address)
    try:
        return [
            item.get_secret().decode()
            for item in secretstorage.search_items(connection, attributes)
        ]
    finally:
        connection.close()
