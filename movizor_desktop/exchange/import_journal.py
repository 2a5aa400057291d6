"""The import journal: what happened to each number an import sent, per profile. No Qt.

``object_add`` costs money, so an import must survive a crash, a cancel or a lost
connection without ever adding a number twice. Before each ``object_add`` the runner
appends ``sending`` for the number, and after it ``added``, ``failed`` or ``unknown``
(the request may have reached the server and the check could not tell). A number whose
last record is ``sending`` or ``unknown`` — the app died mid-request, or the answer was
lost — is checked with ``object_get`` before anything is sent for it again.

The file is JSON lines (``import_journal.jsonl`` in the profile's data folder), appended
and fsync-ed record by record, so a crash loses at most the line being written (a torn
last line is ignored when reading). Records older than :data:`KEEP_DAYS` are dropped when
the journal is opened.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from .. import clock
from ..store.files import atomic_write_text, open_private
from ..store.paths import AppPaths

log = logging.getLogger(__name__)

FILE_NAME = "import_journal.jsonl"
KEEP_DAYS = 30
SENDING, ADDED, FAILED, UNKNOWN = "sending", "added", "failed", "unknown"
STATES = (SENDING, ADDED, FAILED, UNKNOWN)


@dataclass(frozen=True, slots=True)
class JournalEntry:
    phone: str
    state: str
    at: datetime
    source: str = ""  # the file's name
    line: int = 0
    error: str = ""  # the server's error code, for a failure

    def to_json(self) -> str:
        return json.dumps(
            {
                "phone": self.phone,
                "state": self.state,
                "at": self.at.isoformat(),
                "source": self.source,
                "line": self.line,
                "error": self.error,
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, text: str) -> JournalEntry | None:
        try:
            data = json.loads(text)
            entry = cls(
                str(data["phone"]),
                str(data["state"]),
                datetime.fromisoformat(data["at"]),
                str(data.get("source", "")),
                int(data.get("line", 0)),
                str(data.get("error", "")),
            )
        except (ValueError, KeyError, TypeError):
            return None
        return entry if entry.state in STATES and entry.at.tzinfo is not None else None


class ImportJournal:
    def __init__(self, path: Path, *, keep_days: int = KEEP_DAYS) -> None:
        self.path = Path(path)
        self._last: dict[str, JournalEntry] = {}
        self._load(timedelta(days=keep_days))

    @classmethod
    def for_profile(cls, profile: str, paths: AppPaths | None = None) -> ImportJournal:
        return cls((paths or AppPaths()).profile_dir(profile) / FILE_NAME)

    def _load(self, keep: timedelta) -> None:
        try:
            lines = self.path.read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return
        except (OSError, UnicodeDecodeError) as exc:
            log.warning("import journal %s unreadable (%s); starting a new one", self.path, exc)
            lines = []
        cutoff = clock.pc_now() - keep
        entries = [e for e in map(JournalEntry.from_json, lines) if e is not None]
        kept = [e for e in entries if e.at >= cutoff or e.state in (SENDING, UNKNOWN)]
        for entry in kept:
            self._last[entry.phone] = entry
        if len(kept) != len(lines):  # old or torn records: write the rest back
            atomic_write_text(self.path, "".join(e.to_json() + "\n" for e in kept))

    def last(self, phone: str) -> JournalEntry | None:
        return self._last.get(phone)

    def state(self, phone: str) -> str | None:
        entry = self._last.get(phone)
        return entry.state if entry is not None else None

    def unresolved(self) -> list[str]:
        """Numbers whose outcome is not known (``sending`` or ``unknown``)."""
        return [p for p, e in self._last.items() if e.state in (SENDING, UNKNOWN)]

    def record(
        self, phone: str, state: str, *, source: str = "", line: int = 0, error: str = ""
    ) -> JournalEntry:
        """Append one record and make it durable before returning."""
        if state not in STATES:
            raise ValueError(f"unknown journal state {state!r}")
        entry = JournalEntry(phone, state, clock.pc_now().astimezone(UTC), source, line, error)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open_private(self.path, "a", encoding="utf-8", newline="\n") as handle:
            handle.write(entry.to_json() + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        self._last[phone] = entry
        return entry


__all__ = [
    "ADDED",
    "FAILED",
    "FILE_NAME",
    "SENDING",
    "STATES",
    "UNKNOWN",
    "ImportJournal",
    "JournalEntry",
]
