"""Certificates are checked against the OS trust store (truststore), with clear failures.

The simulator serves HTTPS with a certificate from a throwaway CA (trustme). With that CA
in the store OpenSSL reads, the client connects; without it, the error names the issuer
and says what to ask IT. A control client with certifi's list fails where ours succeeds:
the trust comes from the OS store, not from a bundle shipped with the app.
"""

from __future__ import annotations

import ssl

import certifi
import httpx
import pytest
import truststore

from movizor_desktop.api import MovizorClient, TransportError
from movizor_desktop.api.net import last_failure, ssl_context, trust_source
from movizor_desktop.api.net_errors import CertificateError, CertProblem
from tests.conftest import SIM_KEY


async def balance(url: str, **kw):
    async with MovizorClient(url, project="demo", key=SIM_KEY, retries=0, **kw) as client:
        return await client.balance()


def test_ca_in_the_os_store_is_trusted_through_truststore(https_sim, os_store, test_ca, run):
    os_store.add(test_ca.cert_pem.bytes())
    assert isinstance(ssl_context(), truststore.SSLContext)
    assert "truststore" in trust_source()
    assert run(balance(https_sim.base_url)).balance > 0

    async def certifi_only():  # the client httpx would build with certifi's list
        context = ssl.create_default_context(cafile=certifi.where())
        async with httpx.AsyncClient(verify=context, trust_env=False) as plain:
            await plain.get(https_sim.base_url)

    with pytest.raises(httpx.ConnectError):
        run(certifi_only())


def test_without_the_ca_the_error_names_the_issuer(https_sim, os_store, run):
    with pytest.raises(CertificateError) as info:
        run(balance(https_sim.base_url))
    error = info.value
    assert error.problem == CertProblem.UNTRUSTED
    assert error.issuer.startswith("Movizor Test CA")
    assert isinstance(error, TransportError) and not error.maybe_applied
    english, russian = error.message("en"), error.message("ru")
    assert "“Movizor Test CA" in english and "ask IT" in english
    assert "«Movizor Test CA" in russian and "IT" in russian
    assert "CertificateError" in last_failure().summary
    assert SIM_KEY not in str(error) + english + russian


def test_certificate_for_another_host(other_host_sim, os_store, test_ca, run):
    os_store.add(test_ca.cert_pem.bytes())
    with pytest.raises(CertificateError) as info:
        run(balance(other_host_sim.base_url))
    assert info.value.problem == CertProblem.WRONG_HOST
    assert "other.example" in info.value.message("en")
    assert "другому сайту" in info.value.message("ru")


def test_expired_certificate_says_check_the_clock(expired_sim, os_store, test_ca, run):
    os_store.add(test_ca.cert_pem.bytes())
    with pytest.raises(CertificateError) as info:
        run(balance(expired_sim.base_url))
    assert info.value.problem == CertProblem.EXPIRED
    assert "date and time" in info.value.message("en")
