"""The Windows installer: install modes for IT, Inno Setup 6.3+, signing with signtool when a
certificate is configured, the full MSVC runtime check. (What the wheels really import is
checked against the wheels themselves in test_foreign_wheels.py.)"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.packaging.test_packaging_files import PACKAGING, load

ISS = PACKAGING / "windows" / "movizor.iss"
# Changing it makes Windows treat the next version as another program (no in-place upgrade).
WINDOWS_APP_ID = "{{6F2B7C3E-4A1D-4E8B-9C5F-2D7A1B3E8F40}"
THUMBPRINT = "0123456789ABCDEF0123456789ABCDEF01234567"

build = load("build", "movizor_packaging_build")
cfg = build.cfg
winsign = build.winsign


def settings() -> dict[str, str]:
    return dict(re.findall(r"^(\w+)=(.*)$", ISS.read_text(encoding="utf-8"), re.M))


def test_installer_identity_and_upgrades():
    found = settings()
    assert found["AppId"] == WINDOWS_APP_ID
    assert found["AppVersion"] == "{#AppVersion}"
    assert found["UsePreviousAppDir"] == "yes"
    assert found["OutputBaseFilename"] == "Movizor-Desktop-{#AppVersion}-setup"
    text = (PACKAGING / "build.py").read_text(encoding="utf-8")
    assert 'f"Movizor-Desktop-{cfg.version()}-setup.exe"' in text
    for define in re.findall(r"#ifndef (\w+)", ISS.read_text(encoding="utf-8")):
        assert f"/D{define}=" in text, f"build.py does not pass {define}"


def test_per_machine_with_admin_rights_per_user_without():
    """Admin (SYSTEM, an elevated deployment): Program Files, where AppLocker's default
    rules let standard users run it. "For me only" or /CURRENTUSER: the user's own
    Programs folder, no UAC prompt. An upgrade keeps the mode it finds."""
    found = settings()
    assert found["PrivilegesRequired"] == "admin"
    assert found["PrivilegesRequiredOverridesAllowed"] == "dialog"  # implies commandline
    assert found["UsePreviousPrivileges"] == "yes"
    assert found["DefaultDirName"] == "{autopf}\\{#AppName}"
    text = ISS.read_text(encoding="utf-8")
    assert "{localappdata}" not in text.split("[Setup]")[1]  # no hard-coded per-user paths
    assert '"{autoprograms}\\{#AppName}"' in text and "{autodesktop}" in text
    # the app started at the end runs as the user who started setup, not as the admin
    assert re.search(r"^\[Run\]\n.*postinstall skipifsilent runasoriginaluser$", text, re.M)


def test_inno_setup_6_3_is_required():
    text = ISS.read_text(encoding="utf-8")
    assert "#if VER < EncodeVer(6, 3, 0)\n  #error" in text
    assert settings()["ArchitecturesAllowed"] == "x64compatible"
    workflow = (PACKAGING.parent / ".github" / "workflows" / "build.yml").read_text("utf-8")
    pinned = re.search(r'INNO_SETUP_VERSION: "(\d+)\.(\d+)\.(\d+)"', workflow)
    assert pinned and tuple(map(int, pinned.groups())) >= (6, 3, 0)
    assert '--version="$env:INNO_SETUP_VERSION" --force' in workflow


def test_installer_is_signed_only_when_asked():
    text = ISS.read_text(encoding="utf-8")
    block = re.search(r"#ifdef SignInstaller\n(.*?)#endif", text, re.S)
    assert block and "SignTool=movizor" in block.group(1)
    assert "SignedUninstaller=yes" in block.group(1)


@pytest.fixture
def pfx(tmp_path) -> Path:
    path = tmp_path / "code signing.pfx"
    path.write_bytes(b"not really a certificate")
    return path


def env(**values: str) -> dict[str, str]:
    return {"SIGNTOOL": r"C:\Kits\signtool.exe", **values}


def test_no_certificate_means_no_signing():
    assert winsign.from_environment(env()) is None


def test_a_certificate_in_the_store_by_thumbprint():
    signing = winsign.from_environment(env(WINDOWS_SIGN_CERT_SHA1=THUMBPRINT.lower()))
    command = signing.sign_command([Path("a.exe"), "b.exe"])
    assert command == [
        r"C:\Kits\signtool.exe",
        "sign",
        "/fd",
        "sha256",
        "/tr",
        winsign.DEFAULT_TIMESTAMP_URL,
        "/td",
        "sha256",
        "/sha1",
        THUMBPRINT.lower(),
        "a.exe",
        "b.exe",
    ]
    assert signing.verify_command(["setup.exe"])[1:] == ["verify", "/pa", "setup.exe"]


def test_a_pfx_file_with_its_password_is_never_shown(pfx):
    signing = winsign.from_environment(
        env(
            WINDOWS_SIGN_CERT_FILE=str(pfx),
            WINDOWS_SIGN_CERT_PASSWORD="s3cret pw",
            WINDOWS_SIGN_TIMESTAMP_URL="http://ts.example",
        )
    )
    command = signing.sign_command(["a.exe"])
    assert command[command.index("/f") + 1] == str(pfx)
    assert command[command.index("/p") + 1] == "s3cret pw"
    assert command[command.index("/tr") + 1] == "http://ts.example"
    shown = signing.redact(" ".join(command))
    assert "s3cret" not in shown and "********" in shown


def test_inno_setup_gets_the_same_signtool_command(pfx):
    signing = winsign.from_environment(
        env(WINDOWS_SIGN_CERT_FILE=str(pfx), WINDOWS_SIGN_CERT_PASSWORD="pw$1")
    )
    argument = signing.inno_sign_tool("movizor")
    assert argument.startswith("/Smovizor=$qC:\\Kits\\signtool.exe$q sign /fd sha256 ")
    assert f"/f $q{pfx}$q" in argument  # a path with a space, quoted Inno's way
    assert "/p pw$$1" in argument  # "$" doubled for Inno Setup
    assert argument.endswith(" $f") and '"' not in argument
    command = build.inno_command("ISCC.exe", Path("dist"), Path("out"), signing)
    assert command[-3:-1] == ["/DSignInstaller", argument]
    assert "/DSignInstaller" not in build.inno_command("ISCC.exe", Path("dist"), Path("out"), None)


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"WINDOWS_SIGN_CERT_PASSWORD": "pw"}, "WINDOWS_SIGN_CERT_FILE is not"),
        ({"WINDOWS_SIGN_CERT_FILE": "/nowhere/cert.pfx"}, "no such file"),
        ({"WINDOWS_SIGN_CERT_SHA1": "12:34"}, "40-digit hexadecimal"),
    ],
)
def test_a_half_given_certificate_is_an_error(values, message):
    with pytest.raises(winsign.SigningError, match=message):
        winsign.from_environment(env(**values))


def test_signtool_is_found_in_the_newest_windows_sdk(tmp_path, monkeypatch):
    monkeypatch.setattr(winsign.shutil, "which", lambda name: None)
    for version in ("10.0.19041.0", "10.0.22621.0", "10.0.9999.0"):
        tool = tmp_path / "Windows Kits" / "10" / "bin" / version / "x64" / "signtool.exe"
        tool.parent.mkdir(parents=True)
        tool.write_bytes(b"MZ")
    found = winsign.find_signtool({"ProgramFiles(x86)": str(tmp_path)})
    assert Path(found).parts[-3] == "10.0.22621.0"
    with pytest.raises(winsign.SigningError, match=r"signtool\.exe not found"):
        winsign.from_environment({"WINDOWS_SIGN_CERT_SHA1": THUMBPRINT})


def test_every_msvc_runtime_dll_qt_imports_is_required():
    assert set(cfg.MSVC_RUNTIME_DLLS) == {
        "msvcp140.dll",
        "msvcp140_1.dll",
        "msvcp140_2.dll",
        "vcruntime140.dll",
        "vcruntime140_1.dll",
    }
    complete = [
        "Qt6Core.dll",
        "MSVCP140.dll",
        "msvcp140_1.dll",
        "MSVCP140_2.dll",
        "VCRUNTIME140.dll",
        "vcruntime140_1.dll",
    ]
    assert build.missing_msvc_runtime(complete) == []
    problems = build.missing_msvc_runtime(complete[:2] + complete[3:])
    assert problems == [
        "msvcp140_1.dll (MSVC runtime) is missing: users would need the VC++ redistributable"
    ]
