"""PHP-style request parameters, as the Movizor server (PHP) sees them.

The real server is PHP, so ``st[]=12:00&st[]=17:00``, ``destination[0][text]=Казань`` and
``metadata[Исполнитель]=Петров`` arrive as nested arrays. :func:`parse_php_params` mirrors
``parse_str`` closely enough for every shape the API uses:

* ``a=1`` → ``{"a": "1"}``; a later plain ``a`` wins over an earlier one.
* ``a[]=1&a[]=2`` → ``{"a": ["1", "2"]}`` (appends make a list).
* ``a[x]=1&a[0]=2`` → ``{"a": {"x": "1", "0": "2"}}`` (explicit keys make a dict, keys stay
  strings); nesting works at any depth: ``a[0][b][]=1``.
* Mixing: an append into a dict takes the next integer key (``max(int keys) + 1``), an
  explicit key into a list turns the list into a dict keyed ``"0"``, ``"1"``, ...
* Like PHP: leading spaces of a name are dropped; ``.`` and `` `` in the base name become
  ``_``; a name starting with ``[`` is ignored; an unclosed ``[`` makes the name plain
  (``a[b=1`` → ``{"a_b": "1"}``); anything after the last ``]`` is ignored; a scalar met
  where an array is needed is replaced by the array, and vice versa.
* Bounded like PHP's defaults, so no request can make the parser work for long: at most
  :data:`MAX_INPUT_VARS` pairs (PHP's ``max_input_vars = 1000``; the rest is dropped, as
  PHP does with a warning) and at most :data:`MAX_NESTING` bracket levels per name (PHP's
  ``max_input_nesting_level = 64``; a deeper name is dropped whole). Appending to an
  array costs the same whatever its size (PHP keeps the next free index; so does this).

:func:`query_pairs` splits a query string / form body (UTF-8, ``+`` as space, blank values
kept) into the pairs :func:`parse_php_params` takes, cutting it after the first
:data:`MAX_INPUT_VARS` pairs before decoding anything.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl

PhpValue = Any  # str | list[PhpValue] | dict[str, PhpValue]

__all__ = [
    "MAX_INPUT_VARS",
    "MAX_NESTING",
    "parse_php_params",
    "php_merge",
    "query_pairs",
    "split_php_name",
]

MAX_INPUT_VARS = 1000  # PHP's max_input_vars default
MAX_NESTING = 64  # PHP's max_input_nesting_level default


def query_pairs(raw: str | bytes) -> list[tuple[str, str]]:
    """``a=1&b[]=2`` → ``[("a", "1"), ("b[]", "2")]`` (UTF-8; bad bytes become U+FFFD).

    Only the first :data:`MAX_INPUT_VARS` ``&``-separated pieces are decoded."""
    if isinstance(raw, bytes):
        raw = raw.decode("utf-8", errors="replace")
    pieces = raw.split("&", MAX_INPUT_VARS)
    if len(pieces) > MAX_INPUT_VARS:
        raw = "&".join(pieces[:MAX_INPUT_VARS])
    return parse_qsl(raw, keep_blank_values=True, encoding="utf-8", errors="replace")


def split_php_name(name: str) -> tuple[str, list[str]] | None:
    """``"a[0][b][]"`` → ``("a", ["0", "b", ""])``; ``None`` when PHP would drop the pair
    (no base name, or more than :data:`MAX_NESTING` bracket levels)."""
    name = name.lstrip(" ")
    open_at = name.find("[")
    if open_at == -1:
        base, rest = name, ""
    else:
        close_at = name.find("]", open_at)
        if close_at == -1:  # unclosed bracket: PHP turns the first "[" into "_"
            base, rest = name[:open_at] + "_" + name[open_at + 1 :], ""
        else:
            base, rest = name[:open_at], name[open_at:]
    if not base:
        return None
    base = base.replace(".", "_").replace(" ", "_")
    segments: list[str] = []
    pos = 0
    while pos < len(rest) and rest[pos] == "[":
        close_at = rest.find("]", pos + 1)
        if close_at == -1:
            break
        if len(segments) == MAX_NESTING:
            return None  # PHP drops a variable nested deeper than its limit
        segments.append(rest[pos + 1 : close_at])
        pos = close_at + 1
    return base, segments


def _is_php_int(key: str) -> bool:
    """PHP casts decimal integer strings without leading zeros/plus to int keys."""
    if key == "0":
        return True
    body = key[1:] if key.startswith("-") else key
    return body.isdigit() and body.isascii() and not body.startswith("0")


def _as_dict(value: list[PhpValue]) -> dict[str, PhpValue]:
    return {str(i): v for i, v in enumerate(value)}


class _Arrays:
    """Builds one ``$_GET``/``$_POST``, remembering each dict's largest integer key (PHP's
    next free index), so an append costs the same however big the array already is."""

    def __init__(self) -> None:
        # id(dict) -> (the dict, kept alive so its id is never reused; its largest int key)
        self._largest: dict[int, tuple[dict[str, PhpValue], int]] = {}

    def _convert(self, value: list[PhpValue]) -> dict[str, PhpValue]:
        converted = _as_dict(value)
        if value:
            self._largest[id(converted)] = (converted, len(value) - 1)
        return converted

    def assign(
        self, container: dict[str, PhpValue] | list[PhpValue], key: str | None, value: PhpValue
    ) -> tuple[dict[str, PhpValue] | list[PhpValue], str | int]:
        """Put ``value`` at ``key`` (``None`` = append); return the container (maybe
        converted) and the effective key."""
        if isinstance(container, list):
            if key is None:
                container.append(value)
                return container, len(container) - 1
            container = self._convert(container)
        known = self._largest.get(id(container))
        largest = None if known is None else known[1]
        if key is None:
            key = str(0 if largest is None else largest + 1)
        if _is_php_int(key) and (largest is None or int(key) > largest):
            self._largest[id(container)] = (container, int(key))
        container[key] = value
        return container, key

    def set_path(
        self, root: dict[str, PhpValue], base: str, segments: list[str], value: str
    ) -> None:
        if not segments:
            root[base] = value
            return
        existing = root.get(base)
        node: dict[str, PhpValue] | list[PhpValue] = (
            existing if isinstance(existing, (dict, list)) else []
        )
        root[base] = node
        parent: dict[str, PhpValue] | list[PhpValue] = root
        parent_key: str | int = base
        for i, seg in enumerate(segments):
            last = i == len(segments) - 1
            key = None if seg == "" else seg
            if last:
                new_node, _ = self.assign(node, key, value)
            else:
                found: PhpValue | None = None
                if key is not None:
                    if isinstance(node, dict):
                        found = node.get(key)
                    elif _is_php_int(key) and 0 <= int(key) < len(node):
                        found = node[int(key)]
                child: dict[str, PhpValue] | list[PhpValue] = (
                    found if isinstance(found, (dict, list)) else []
                )
                new_node, eff_key = self.assign(node, key, child)
            if new_node is not node:  # a list became a dict: re-attach it to its parent
                parent[parent_key] = new_node  # type: ignore[index]
                node = new_node
            if not last:
                parent, parent_key = node, eff_key
                node = child


def parse_php_params(pairs: list[tuple[str, str]]) -> dict[str, PhpValue]:
    """Build PHP's ``$_GET``/``$_POST`` from ``(name, value)`` pairs (see module doc);
    pairs after the first :data:`MAX_INPUT_VARS` are dropped."""
    result: dict[str, PhpValue] = {}
    arrays = _Arrays()
    for name, value in pairs[:MAX_INPUT_VARS]:
        split = split_php_name(name)
        if split is None:
            continue
        base, segments = split
        arrays.set_path(result, base, segments, value)
    return result


def php_merge(get: dict[str, PhpValue], post: dict[str, PhpValue]) -> dict[str, PhpValue]:
    """``$_REQUEST`` with PHP's default ``request_order="GP"``: POST replaces GET per name."""
    return {**get, **post}
