"""Authenticode signing of the Windows build with ``signtool``, when a certificate is given.

Like the macOS notarization variables (``packaging/macos/make_dmg.sh``), signing is driven
by the environment and skipped, with a message, when nothing is set:

``WINDOWS_SIGN_CERT_SHA1``
    the SHA-1 thumbprint of a code-signing certificate in the Windows certificate store
    (``Cert:\\CurrentUser\\My`` or the machine's store): a hardware token, a cloud HSM's
    CSP, or a .pfx imported first (the GitHub workflow does that). Preferred: no secret
    on any command line.
``WINDOWS_SIGN_CERT_FILE`` and ``WINDOWS_SIGN_CERT_PASSWORD``
    or a .pfx file and its password.
``WINDOWS_SIGN_TIMESTAMP_URL``
    an RFC 3161 time-stamping server (default :data:`DEFAULT_TIMESTAMP_URL`): signatures
    stay valid after the certificate expires.
``SIGNTOOL``
    signtool.exe, if it is neither on PATH nor in a Windows SDK under
    ``%ProgramFiles(x86)%\\Windows Kits\\10\\bin``.

``build.py`` signs both executables before Inno Setup packs them, then passes
:meth:`Signing.inno_sign_tool` to ``ISCC /S…`` so that Inno Setup signs the installer and
the uninstaller it writes (``SignTool=`` and ``SignedUninstaller=yes`` in movizor.iss), and
finally verifies the installer's signature. The DLLs in the bundle keep the signatures of
those who built them (Python's, Qt's); they are not re-signed.

Plain Python, testable on any OS; only :func:`run` needs Windows.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

DEFAULT_TIMESTAMP_URL = "http://timestamp.digicert.com"
SDK_BIN = Path("Windows Kits") / "10" / "bin"


class SigningError(Exception):
    """The signing configuration is incomplete or signtool failed."""


@dataclass(frozen=True)
class Signing:
    signtool: str
    thumbprint: str | None = None
    certificate: Path | None = None
    password: str | None = None
    timestamp_url: str = DEFAULT_TIMESTAMP_URL

    def _certificate_args(self) -> list[str]:
        if self.thumbprint:
            return ["/sha1", self.thumbprint]
        args = ["/f", str(self.certificate)]
        if self.password:
            args += ["/p", self.password]
        return args

    def sign_command(self, files: Sequence[Path | str]) -> list[str]:
        """``signtool sign`` with SHA-256 file and time-stamp digests."""
        return [
            self.signtool,
            "sign",
            "/fd",
            "sha256",
            "/tr",
            self.timestamp_url,
            "/td",
            "sha256",
            *self._certificate_args(),
            *map(str, files),
        ]

    def verify_command(self, files: Sequence[Path | str]) -> list[str]:
        return [self.signtool, "verify", "/pa", *map(str, files)]

    def inno_sign_tool(self, name: str) -> str:
        """``ISCC /S<name>=<command>``: Inno Setup's quote is ``$q``, its file is ``$f``."""
        parts = [
            "$q" + self.signtool.replace("$", "$$") + "$q",
            "sign",
            "/fd",
            "sha256",
            "/tr",
            self.timestamp_url,
            "/td",
            "sha256",
        ]
        for arg in self._certificate_args():
            arg = arg.replace("$", "$$")
            parts.append(f"$q{arg}$q" if " " in arg or arg == str(self.certificate) else arg)
        return f"/S{name}=" + " ".join([*parts, "$f"])

    def redact(self, text: str) -> str:
        """``text`` with the password (if any) replaced, for logs."""
        return text.replace(self.password, "********") if self.password else text


def find_signtool(env: Mapping[str, str]) -> str | None:
    """``SIGNTOOL``, then PATH, then the newest x64 signtool of an installed Windows SDK."""
    if env.get("SIGNTOOL"):
        return env["SIGNTOOL"]
    found = shutil.which("signtool")
    if found:
        return found
    for base in (
        env.get("ProgramFiles(x86)"),
        env.get("PROGRAMFILES(X86)"),
        env.get("ProgramFiles"),
        env.get("PROGRAMFILES"),
    ):
        if not base:
            continue
        kits = Path(base) / SDK_BIN
        versions = sorted(
            (p for p in kits.glob("10.*") if (p / "x64" / "signtool.exe").is_file()),
            key=lambda p: [int(n) for n in re.findall(r"\d+", p.name)],
        )
        if versions:
            return str(versions[-1] / "x64" / "signtool.exe")
    return None


def from_environment(env: Mapping[str, str] | None = None) -> Signing | None:
    """The signing the environment asks for; None when it asks for none.

    Raises :class:`SigningError` for a half-given configuration (a password without a
    file, a file that does not exist, no signtool): a release must not quietly go out
    unsigned because of a typo.
    """
    env = os.environ if env is None else env
    thumbprint = env.get("WINDOWS_SIGN_CERT_SHA1", "").replace(" ", "").strip()
    certificate = env.get("WINDOWS_SIGN_CERT_FILE", "").strip()
    password = env.get("WINDOWS_SIGN_CERT_PASSWORD") or None
    if not thumbprint and not certificate:
        if password:
            raise SigningError(
                "WINDOWS_SIGN_CERT_PASSWORD is set but WINDOWS_SIGN_CERT_FILE is not"
            )
        return None
    if thumbprint and not re.fullmatch(r"[0-9A-Fa-f]{40}", thumbprint):
        raise SigningError("WINDOWS_SIGN_CERT_SHA1 is not a 40-digit hexadecimal thumbprint")
    if not thumbprint and not Path(certificate).is_file():
        raise SigningError(f"WINDOWS_SIGN_CERT_FILE: no such file: {certificate}")
    signtool = find_signtool(env)
    if signtool is None:
        raise SigningError(
            "signtool.exe not found: install the Windows SDK's signing tools or set SIGNTOOL"
        )
    return Signing(
        signtool=signtool,
        thumbprint=thumbprint or None,
        certificate=None if thumbprint else Path(certificate),
        password=password,
        timestamp_url=env.get("WINDOWS_SIGN_TIMESTAMP_URL") or DEFAULT_TIMESTAMP_URL,
    )


def run(signing: Signing, command: list[str]) -> None:
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        shown = signing.redact(" ".join(command))
        raise SigningError(
            f"{shown} failed ({result.returncode}):\n"
            f"{signing.redact(result.stdout + result.stderr)}"
        )
