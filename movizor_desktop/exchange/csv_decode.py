"""Which encoding a CSV file is in, and its text. No Qt.

Russian offices save CSV files in many encodings: UTF-8 (with or without a byte-order
mark), Windows-1251 (Russian Excel's "CSV"), UTF-16 (Excel's "Unicode text"), KOI8-R
(old Unix and mail systems), CP866 (DOS programs, 1C exports). Guessing wrong turns every
Cyrillic name into mojibake (``РџРµС‚СЂРѕРІ``) that would be sent as the titles of paid
subscribers, so :func:`decode`:

1. trusts a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE);
2. takes UTF-8 when the bytes are valid UTF-8 — or *mostly* so: when most of the file's
   non-ASCII text is well-formed UTF-8 and some bytes are not (a row pasted in from a
   Windows-1251 file), the file is UTF-8 and the rows holding those bytes are refused by
   the import, instead of the whole file being read as Windows-1251;
3. otherwise asks ``charset-normalizer`` (a maintained detector that scores the "mess"
   each candidate decoding makes) among the encodings above (:data:`CANDIDATES`; UTF-16
   without a mark shows as NUL bytes and skips step 2), and falls back to Windows-1251
   when it has no answer.

Bytes that do not decode become U+FFFD; the import refuses a row holding one (its text
is not what the file meant), and the dialog shows the encoding chosen with a way to pick
another (:data:`CHOICES`).
"""

from __future__ import annotations

import codecs

REPLACEMENT = "\ufffd"
# The encodings charset-normalizer chooses among (Python codec names), once UTF-8 and a
# byte-order mark are ruled out. Mac Cyrillic is left out: it decodes Windows-1251 text
# into plausible-looking nonsense that the detector then prefers (it can still be chosen
# by hand).
CANDIDATES = (
    "cp1251",
    "utf_16_le",
    "utf_16_be",
    "koi8_r",
    "cp866",
    "koi8_u",
    "iso8859_5",
    "cp1252",
)
# charset-normalizer drops a decoding whose "mess" is above its threshold (0.2 by
# default); a real list can look messy (a cell of 70 "Ж"), so every candidate is ranked.
MESS_THRESHOLD = 1.0
# What the dispatcher can choose in the import dialog (codec names).
CHOICES = ("utf-8", "cp1251", "utf-16", "koi8-r", "cp866", "iso8859-5", "mac-cyrillic", "cp1252")
_LABELS = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8",
    "utf-16": "UTF-16",
    "utf-16-le": "UTF-16LE",
    "utf-16-be": "UTF-16BE",
    "utf-32": "UTF-32",
    "cp1251": "Windows-1251",
    "koi8-r": "KOI8-R",
    "koi8-u": "KOI8-U",
    "cp866": "CP866",
    "iso8859-5": "ISO-8859-5",
    "mac-cyrillic": "MacCyrillic",
    "cp1252": "Windows-1252",
}
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Share of the non-ASCII characters that must decode as UTF-8 for a file with broken
# bytes to stay UTF-8. A Windows-1251 or KOI8-R file has almost none (two Cyrillic
# letters in a row are never a valid UTF-8 sequence there).
MOSTLY_UTF8 = 0.6
DETECT_SAMPLE = 256 * 1024  # bytes charset-normalizer looks at


def name_of(encoding: str) -> str:
    """The codec's canonical name (``windows-1251`` → ``cp1251``); ValueError if unknown."""
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise ValueError(f"unknown encoding {encoding!r}") from None


def label(encoding: str) -> str:
    """The name people know an encoding by: ``cp1251`` → ``Windows-1251``."""
    try:
        return _LABELS.get(name_of(encoding), encoding.upper())
    except ValueError:
        return encoding


def _bom(data: bytes) -> str | None:
    return next((name for bom, name in _BOMS if data.startswith(bom)), None)


def _mostly_utf8(data: bytes) -> bool:
    """Strict UTF-8 failed: is it still UTF-8 with a few broken bytes?"""
    text = data.decode("utf-8", errors="replace")
    broken = text.count(REPLACEMENT)
    wide = len(text) - len(text.encode("ascii", "ignore")) - broken
    return wide > 0 and wide >= MOSTLY_UTF8 * (wide + broken)


def _utf8(data: bytes) -> str | None:
    """The text when ``data`` is UTF-8 (strictly, or mostly: see the module docstring)."""
    if b"\x00" in data[:4096]:  # UTF-16 without a mark is "valid UTF-8" full of NULs
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        if _mostly_utf8(data[: DETECT_SAMPLE * 4]):
            return data.decode("utf-8", errors="replace")
    return None


def _legacy(data: bytes) -> str:
    """charset-normalizer's choice among :data:`CANDIDATES` (Windows-1251 without one)."""
    from charset_normalizer import from_bytes

    best = from_bytes(
        data[:DETECT_SAMPLE], cp_isolation=list(CANDIDATES), threshold=MESS_THRESHOLD
    ).best()
    return name_of(best.encoding) if best is not None else "cp1251"


def detect(data: bytes) -> str:
    """The encoding of ``data`` (a codec name; see the module docstring)."""
    if (bom := _bom(data)) is not None:
        return bom
    return "utf-8" if _utf8(data) is not None else _legacy(data)


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """``(text, encoding)``: ``data`` decoded in ``encoding``, or the one :func:`detect`
    finds; a byte-order mark is removed, undecodable bytes become U+FFFD."""
    if encoding:
        used = name_of(encoding)
    elif (bom := _bom(data)) is not None:
        used = bom
    elif (text := _utf8(data)) is not None:
        return text, "utf-8"
    else:
        used = _legacy(data)
    if used == "utf-8" and data.startswith(codecs.BOM_UTF8):
        used = "utf-8-sig"
    text = data.decode(used, errors="replace")
    return (text[1:] if text.startswith("\ufeff") else text), used


__all__ = ["CANDIDATES", "CHOICES", "REPLACEMENT", "decode", "detect", "label", "name_of"]
