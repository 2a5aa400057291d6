"""The issuer and subject names of an X.509 certificate, read from its DER bytes.

Python 3.11's ``ssl`` gives the peer's certificate only as DER once verification is off
(``getpeercert(binary_form=True)``); the names an error message needs (who issued the
certificate, whom it is for) are read here with a minimal DER walk (RFC 5280 §4.1:
``Certificate → tbsCertificate → version?, serialNumber, signature, issuer, validity,
subject``), so no cryptography package is needed. Anything unexpected gives ``None``.
"""

from __future__ import annotations

from dataclasses import dataclass

_CN = bytes.fromhex("550403")  # 2.5.4.3 commonName
_O = bytes.fromhex("55040a")  # 2.5.4.10 organizationName
_OU = bytes.fromhex("55040b")  # 2.5.4.11 organizationalUnitName
_SAN = bytes.fromhex("551d11")  # 2.5.29.17 subjectAltName


@dataclass(frozen=True)
class CertNames:
    issuer: str
    subject: str
    hosts: tuple[str, ...] = ()  # the DNS names and IP addresses it is valid for (SAN)

    @property
    def valid_for(self) -> str:
        """Whom the certificate is for, as text: its host names, else its subject."""
        if self.hosts:
            more = len(self.hosts) - 3
            return ", ".join(self.hosts[:3]) + (f" +{more}" if more > 0 else "")
        return self.subject


def _read(data: bytes, pos: int) -> tuple[int, int, int]:
    """(tag, start of content, end of content) of the DER element at ``pos``."""
    tag = data[pos]
    length = data[pos + 1]
    pos += 2
    if length & 0x80:
        count = length & 0x7F
        if not 1 <= count <= 4:
            raise ValueError("bad length")
        length = int.from_bytes(data[pos : pos + count], "big")
        pos += count
    end = pos + length
    if end > len(data):
        raise ValueError("truncated")
    return tag, pos, end


def _children(data: bytes, start: int, end: int) -> list[tuple[int, int, int]]:
    items = []
    while start < end:
        item = _read(data, start)
        items.append(item)
        start = item[2]
    return items


def _name(data: bytes, start: int, end: int) -> str:
    """A distinguished name as "CN (O, OU)" with the parts it has."""
    found: dict[bytes, str] = {}
    for _tag, set_start, set_end in _children(data, start, end):  # RelativeDistinguishedName
        for _t, seq_start, seq_end in _children(data, set_start, set_end):
            oid, value = _children(data, seq_start, seq_end)[:2]
            raw = data[value[1] : value[2]]
            text = raw.decode("utf-16-be" if value[0] == 0x1E else "utf-8", "replace")
            found.setdefault(data[oid[1] : oid[2]], text.strip())
    main = found.get(_CN) or found.get(_O) or found.get(_OU) or ""
    extra = [found[k] for k in (_O, _OU) if found.get(k) and found[k] != main]
    return f"{main} ({', '.join(extra)})" if main and extra else main


def _alt_names(der: bytes, rest: list[tuple[int, int, int]]) -> tuple[str, ...]:
    """dNSName and iPAddress entries of the subjectAltName extension (RFC 5280 §4.2.1.6)."""
    import ipaddress

    for tag, start, _end in rest:
        if tag != 0xA3:  # [3] extensions
            continue
        _t, seq_start, seq_end = _read(der, start)
        for _tag, ext_start, ext_end in _children(der, seq_start, seq_end):
            parts = _children(der, ext_start, ext_end)
            if der[parts[0][1] : parts[0][2]] != _SAN:
                continue
            value = parts[-1]  # OCTET STRING holding GeneralNames
            _g, names_start, names_end = _read(der, value[1])
            hosts = []
            for name_tag, n_start, n_end in _children(der, names_start, names_end):
                raw = der[n_start:n_end]
                if name_tag == 0x82:
                    hosts.append(raw.decode("ascii", "replace"))
                elif name_tag == 0x87 and len(raw) in (4, 16):
                    hosts.append(str(ipaddress.ip_address(raw)))
            return tuple(hosts)
    return ()


def cert_names(der: bytes | None) -> CertNames | None:
    """Issuer and subject of a DER certificate, or None when it cannot be read."""
    if not der:
        return None
    try:
        _tag, start, _end = _read(der, 0)
        _tag, tbs_start, tbs_end = _read(der, start)
        fields = _children(der, tbs_start, tbs_end)
        if fields and fields[0][0] == 0xA0:  # explicit version
            fields = fields[1:]
        issuer, subject = fields[2], fields[4]
        return CertNames(
            _name(der, issuer[1], issuer[2]),
            _name(der, subject[1], subject[2]),
            _alt_names(der, fields[6:]),
        )
    except (IndexError, ValueError):
        return None
