"""Network failures as clear sentences that name what to check (English and Russian).

:func:`classify` turns an httpx failure (with the :class:`~.net_transport.NetContext` the
routing transport attached) into one of the errors below; :func:`from_response` looks at
an answer that is not Movizor's: a proxy's 407, a redirect or a sign-in page of a captive
portal. All are :class:`~.errors.TransportError` subclasses, so retries and "the change
may have been applied" work as for any transport failure. Each failure is also recorded
for *Help → Copy diagnostics* (:func:`~.net.record_failure`).
"""

from __future__ import annotations

import errno
import re
import socket
import ssl
from collections.abc import Iterator
from enum import StrEnum
from typing import Any
from urllib.parse import urlsplit

import httpx

from .certinfo import CertNames
from .errors import BadResponseError, ConnectionFailedError, TimeoutError_, TransportError
from .net import record_failure
from .net_transport import NetContext, is_certificate_failure

SETTINGS_EN = "File → Preferences → Network"
SETTINGS_RU = "Файл → Настройки → Сеть"


class CertProblem(StrEnum):
    UNTRUSTED = "untrusted"
    EXPIRED = "expired"
    WRONG_HOST = "wrong_host"
    OTHER = "other"


class ProxyProblem(StrEnum):
    UNREACHABLE = "unreachable"
    AUTH = "auth"
    REFUSED = "refused"


class _Explained(TransportError):
    """A transport error whose text is built from its own fields."""

    def __init__(
        self,
        function: str | None,
        detail: str,
        *,
        maybe_applied: bool,
        host: str = "",
        port: int = 0,
        proxy: str | None = None,
        status: int | None = None,
    ) -> None:
        self.host = host
        self.port = port
        self.proxy = proxy
        super().__init__(function, detail, maybe_applied=maybe_applied, status=status)

    def explain(self, ru: bool) -> str:
        raise NotImplementedError


class NameNotFoundError(_Explained, ConnectionFailedError):
    def explain(self, ru: bool) -> str:
        if ru:
            return (
                f"Имя «{self.host}» не найдено (DNS). Проверьте адрес API на опечатки и "
                "что компьютер подключён к интернету; в офисной сети спросите у IT, не "
                f"нужен ли прокси ({SETTINGS_RU})."
            )
        return (
            f"The name “{self.host}” was not found (DNS). Check the API address for typos "
            "and that this computer is online; in an office network ask IT whether a "
            f"proxy is needed ({SETTINGS_EN})."
        )


class RefusedError(_Explained, ConnectionFailedError):
    def explain(self, ru: bool) -> str:
        if ru:
            return (
                f"{self.host}:{self.port} отклонил соединение: на этом порту ничего не "
                "принимает подключения. Проверьте порт в адресе API; соединение может "
                "блокировать и брандмауэр."
            )
        return (
            f"{self.host}:{self.port} refused the connection: nothing accepts connections "
            "on that port. Check the port in the API address; a firewall may also be "
            "blocking it."
        )


class NetTimeoutError(_Explained, TimeoutError_):
    """No answer in time: while connecting (``connecting``) or after sending."""

    connecting = False

    def explain(self, ru: bool) -> str:
        if self.connecting:
            if ru:
                return (
                    f"{self.host} не ответил на попытку соединения. Проверьте подключение "
                    "компьютера к интернету; соединение может молча блокировать "
                    f"брандмауэр, или сети нужен прокси ({SETTINGS_RU})."
                )
            return (
                f"No answer from {self.host} while connecting. Check this computer's "
                "internet connection; a firewall may be silently dropping the "
                f"connection, or the network needs a proxy ({SETTINGS_EN})."
            )
        if ru:
            return (
                f"{self.host} принял запрос, но не ответил вовремя: сервер Movizor или "
                "сеть перегружены. Повторите через минуту."
            )
        return (
            f"{self.host} took the request but did not answer in time: the Movizor "
            "server or the network is slow. Try again in a minute."
        )


class ConnectTimeoutError(NetTimeoutError):
    connecting = True


class CertificateError(_Explained, ConnectionFailedError):
    """The server's certificate did not verify: untrusted, expired or for another host."""

    def __init__(
        self,
        function: str | None,
        detail: str,
        *,
        problem: CertProblem,
        names: CertNames | None,
        **kw: object,
    ) -> None:
        self.problem = problem
        self.issuer = names.issuer if names else ""
        self.subject = names.valid_for if names else ""
        super().__init__(function, detail, maybe_applied=False, **kw)  # type: ignore[arg-type]

    def explain(self, ru: bool) -> str:
        host, issuer = self.host, self.issuer
        if self.problem == CertProblem.WRONG_HOST:
            other = (
                f" («{self.subject}»)"
                if ru and self.subject
                else (f" (“{self.subject}”)" if self.subject else "")
            )
            if ru:
                return (
                    f"Сертификат, предъявленный для {host}, выдан другому сайту{other}. "
                    "Проверьте адрес API; если он верен, вместо Movizor отвечает прокси "
                    "или сетевой фильтр — обратитесь в IT."
                )
            return (
                f"The certificate presented for {host} belongs to another site{other}. "
                "Check the API address; if it is right, a proxy or a network filter is "
                "answering in Movizor's place: ask IT."
            )
        if self.problem == CertProblem.EXPIRED:
            if ru:
                return (
                    f"Сертификат {host} просрочен или ещё не действует. Проверьте дату и "
                    "время на компьютере; если они верны, сообщите в поддержку Movizor."
                )
            return (
                f"The certificate of {host} has expired or is not valid yet. Check this "
                "computer's date and time; if they are right, tell Movizor support."
            )
        if self.problem == CertProblem.UNTRUSTED:
            if ru:
                who = f"«{issuer}»" if issuer else "центром сертификации"
                what = f"корневой сертификат «{issuer}»" if issuer else "её корневой сертификат"
                return (
                    f"Сертификат {host} выдан {who}, которому этот компьютер не доверяет. "
                    "Если антивирус или шлюз компании проверяет HTTPS, попросите IT "
                    f"установить {what} в хранилище сертификатов системы. Иначе не "
                    "подключайтесь: соединение может перехватываться."
                )
            who = f"“{issuer}”" if issuer else "an authority"
            what = f"the root certificate “{issuer}”" if issuer else "its root certificate"
            return (
                f"The certificate of {host} was issued by {who}, which this computer does "
                "not trust. If your company's antivirus or firewall inspects HTTPS, ask IT "
                f"to install {what} in the system's certificate store. Otherwise do not "
                "connect: the connection may be intercepted."
            )
        if ru:
            return (
                f"Не удалось установить защищённое соединение с {host}. Проверьте адрес "
                "API; если он верен, спросите у IT, не мешает ли сетевой фильтр."
            )
        return (
            f"A secure connection to {host} could not be set up. Check the API address; "
            "if it is right, ask IT whether a network filter is in the way."
        )


class ProxyFailedError(_Explained, ConnectionFailedError):
    """The proxy could not be reached, wants credentials (407) or refused the site."""

    def __init__(
        self, function: str | None, detail: str, *, problem: ProxyProblem, **kw: object
    ) -> None:
        self.problem = problem
        super().__init__(function, detail, maybe_applied=False, **kw)  # type: ignore[arg-type]

    def explain(self, ru: bool) -> str:
        proxy = self.proxy or "?"
        if self.problem == ProxyProblem.AUTH:
            if ru:
                return (
                    f"Прокси {proxy} требует имя пользователя и пароль (HTTP 407) или не "
                    f"принял указанные. Введите их в {SETTINGS_RU} (их выдаёт IT)."
                )
            return (
                f"The proxy {proxy} asks for a user name and password (HTTP 407) or "
                f"refused the ones given. Enter them in {SETTINGS_EN} (IT has them)."
            )
        if self.problem == ProxyProblem.REFUSED:
            code = f" ({self.detail})" if self.detail else ""
            if ru:
                return (
                    f"Прокси {proxy} отказался соединять с {self.host}{code}. Попросите IT "
                    f"разрешить {self.host} на прокси."
                )
            return (
                f"The proxy {proxy} refused to connect to {self.host}{code}. Ask IT to "
                f"allow {self.host} through the proxy."
            )
        if ru:
            return (
                f"Прокси {proxy} недоступен ({self.detail}). Проверьте адрес и порт прокси "
                f"в {SETTINGS_RU} или уточните их у IT."
            )
        return (
            f"The proxy {proxy} could not be reached ({self.detail}). Check the proxy's "
            f"address and port in {SETTINGS_EN}, or ask IT for the right ones."
        )


class CaptivePortalError(_Explained, BadResponseError):
    """A sign-in page (or a redirect to one) came back instead of Movizor's JSON."""

    def explain(self, ru: bool) -> str:
        if ru:
            return (
                "Вместо ответа Movizor пришла страница входа: эта сеть (гостевой Wi-Fi, "
                "гостиница, офисный шлюз) требует сначала войти. Откройте любой сайт в "
                "браузере, выполните вход и повторите."
            )
        return (
            "A sign-in page came back instead of Movizor's answer: this network (guest "
            "Wi-Fi, hotel, office gateway) wants you to log in first. Open any website in "
            "a browser, sign in, then try again."
        )


# --- classification ----------------------------------------------------------------------------


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """``exc`` and everything behind it: causes, contexts, exception groups, wrapped args."""
    seen: set[int] = set()
    todo = [exc]
    while todo:
        current = todo.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        todo += [e for e in (current.__cause__, current.__context__) if e is not None]
        todo += [a for a in getattr(current, "args", ()) if isinstance(a, BaseException)]
        todo += list(getattr(current, "exceptions", ()) or ())


_NAME_TEXT = re.compile(
    r"name or service not known|nodename nor servname|getaddrinfo failed|"
    r"name resolution|no address associated|11001|11004",
    re.I,
)
_REFUSED_TEXT = re.compile(r"connection refused|actively refused|10061", re.I)


def _os_reason(exc: BaseException) -> str:
    """``name`` (DNS), ``refused`` or ``other`` for a failed connect."""
    for item in _chain(exc):
        if isinstance(item, socket.gaierror):
            return "name"
        if isinstance(item, ConnectionRefusedError) or getattr(item, "errno", None) in (
            errno.ECONNREFUSED,
            10061,
        ):
            return "refused"
    text = " ".join(str(item) for item in _chain(exc))
    if _NAME_TEXT.search(text):
        return "name"
    if _REFUSED_TEXT.search(text):
        return "refused"
    return "other"


def _cert_problem(error: ssl.SSLCertVerificationError) -> CertProblem:
    code = getattr(error, "verify_code", None)
    text = f"{getattr(error, 'verify_message', '')} {error}".lower()
    if code == 62 or any(
        word in text for word in ("hostname mismatch", "not valid for", "cn_no_match")
    ):
        return CertProblem.WRONG_HOST
    if code in (9, 10) or "expired" in text or "not yet valid" in text:
        return CertProblem.EXPIRED
    if code in (2, 18, 19, 20, 21) or any(
        word in text
        for word in (
            "self signed",
            "self-signed",
            "local issuer",
            "untrusted",
            "not trusted",
            "untrustedroot",
            "unknown ca",
        )
    ):
        return CertProblem.UNTRUSTED
    return CertProblem.OTHER


def _proxy_problem(exc: httpx.ProxyError) -> tuple[ProxyProblem, str]:
    text = str(exc)
    if "407" in text or "authenticat" in text.lower() or "username" in text.lower():
        return ProxyProblem.AUTH, text
    return ProxyProblem.REFUSED, text


def classify(function: str, exc: httpx.HTTPError) -> TransportError | None:
    """A specific error for ``exc``, or None to let the caller's generic mapping decide."""
    context: NetContext | None = getattr(exc, "net_context", None)
    error = _classify(function, exc, context)
    if error is not None:
        record_failure(f"{function}: {type(error).__name__}: {error.message('en')}")
    return error


def _classify(
    function: str, exc: httpx.HTTPError, context: NetContext | None
) -> TransportError | None:
    if context is None:
        return None
    where: dict[str, Any] = {"host": context.host, "port": context.port, "proxy": context.proxy}
    name = type(exc).__name__
    cert = is_certificate_failure(exc)
    if cert is not None:
        return CertificateError(
            function,
            f"certificate: {cert.verify_message or cert}",
            problem=_cert_problem(cert),
            names=context.cert,
            **where,
        )
    if isinstance(exc, httpx.ProxyError):
        problem, text = _proxy_problem(exc)
        return ProxyFailedError(function, text, problem=problem, **where)
    if isinstance(exc, httpx.ConnectTimeout):
        if context.proxy:
            return ProxyFailedError(
                function, "no answer", problem=ProxyProblem.UNREACHABLE, **where
            )
        return ConnectTimeoutError(function, "connect timeout", maybe_applied=False, **where)
    if isinstance(exc, httpx.ReadTimeout | httpx.WriteTimeout):
        return NetTimeoutError(function, name, maybe_applied=True, **where)
    if isinstance(exc, httpx.ConnectError):
        reason = _os_reason(exc)
        if context.proxy:
            why = {"name": "name not found", "refused": "connection refused"}.get(
                reason, "no connection"
            )
            return ProxyFailedError(function, why, problem=ProxyProblem.UNREACHABLE, **where)
        if reason == "name":
            return NameNotFoundError(function, "name not found", maybe_applied=False, **where)
        if reason == "refused":
            return RefusedError(function, "connection refused", maybe_applied=False, **where)
    return None


# --- answers that are not Movizor's ---------------------------------------------------------

_LOGIN_WORDS = re.compile(
    r"type\s*=\s*[\"']?password|\blog\s?in\b|\bsign\s?in\b|captive|hotspot|"
    r"accept the terms|\bвойти\b|\bвход\b|авториз|условия использования",
    re.I,
)


def _other_host(location: str, host: str) -> bool:
    try:
        target = urlsplit(location).hostname
    except ValueError:
        return False
    return target is not None and target != "" and target.lower() != host.lower()


def from_response(function: str, response: httpx.Response) -> TransportError | None:
    """An error for a proxy's 407, a redirect away, or an HTML sign-in page; else None."""
    url = response.request.url
    where: dict[str, Any] = {
        "host": url.host,
        "port": url.port or (443 if url.scheme == "https" else 80),
    }
    error: TransportError | None = None
    status = response.status_code
    if status == 407:
        error = ProxyFailedError(
            function, "HTTP 407", problem=ProxyProblem.AUTH, proxy=_proxy_of(response), **where
        )
    elif 300 <= status < 400:
        location = response.headers.get("location", "")
        if _other_host(location, url.host):
            error = CaptivePortalError(
                function,
                f"HTTP {status} redirect to another site",
                maybe_applied=False,
                status=status,
                **where,
            )
    else:
        body = response.content[:65536]
        ctype = response.headers.get("content-type", "").lower()
        if ("html" in ctype or body.lstrip()[:1] == b"<") and _LOGIN_WORDS.search(
            body.decode("utf-8", "replace")
        ):
            error = CaptivePortalError(
                function,
                "an HTML sign-in page instead of JSON",
                maybe_applied=False,
                status=status,
                **where,
            )
    if error is not None:
        record_failure(f"{function}: {type(error).__name__}: {error.message('en')}")
    return error


def _proxy_of(response: httpx.Response) -> str | None:
    route = response.extensions.get("movizor_route")
    return None if route in (None, "direct") else str(route)


__all__ = [
    "SETTINGS_EN",
    "SETTINGS_RU",
    "CaptivePortalError",
    "CertProblem",
    "CertificateError",
    "ConnectTimeoutError",
    "NameNotFoundError",
    "NetTimeoutError",
    "ProxyFailedError",
    "ProxyProblem",
    "RefusedError",
    "classify",
    "from_response",
]
