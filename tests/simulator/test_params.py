"""PHP-style parameter parsing (parse_str semantics) of the simulator."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from movizor_desktop.simulator.params import (
    parse_php_params,
    php_merge,
    query_pairs,
    split_php_name,
)


def parse(query: str) -> dict[str, Any]:
    return parse_php_params(query_pairs(query))


def test_spec_examples() -> None:
    query = urlencode(
        [
            ("st[]", "12:00"),
            ("st[]", "17:00"),
            ("st[]", "21:00"),
            ("destination[0][text]", "Казань"),
            ("destination[0][coord]", "55.760419,49.190294"),
            ("destination[0][time]", "10.05.2016 18:00"),
            ("destination[1][text]", "Москва"),
            ("metadata[Исполнитель]", "Петров"),
            ("metadata[Склад]", "Восточный"),
            ("phone[]", "79210010203"),
            ("title", "Тест & Co = 100%+"),
        ]
    )
    assert parse(query) == {
        "st": ["12:00", "17:00", "21:00"],
        "destination": {
            "0": {"text": "Казань", "coord": "55.760419,49.190294", "time": "10.05.2016 18:00"},
            "1": {"text": "Москва"},
        },
        "metadata": {"Исполнитель": "Петров", "Склад": "Восточный"},
        "phone": ["79210010203"],
        "title": "Тест & Co = 100%+",
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("a=1&a=2", {"a": "2"}),  # later plain keys win
        ("a=1&a[]=2", {"a": ["2"]}),  # an array replaces a scalar
        ("a[]=1&a=2", {"a": "2"}),  # and a scalar replaces an array
        ("a=&b", {"a": "", "b": ""}),  # blank values are kept
        ("a+b=1&c.d=2", {"a_b": "1", "c_d": "2"}),  # PHP mangles spaces and dots in names
        ("x[a.b]=1", {"x": {"a.b": "1"}}),  # ... but not inside brackets
        ("[a]=1&=2", {}),  # no base name: dropped
        ("a[b=1", {"a_b": "1"}),  # unclosed bracket: the name is plain
        ("a[b]c=1", {"a": {"b": "1"}}),  # trailing junk after ] is ignored
        ("a[]=1&a[k]=2&a[]=3", {"a": {"0": "1", "k": "2", "1": "3"}}),
        ("a[5]=x&a[]=y", {"a": {"5": "x", "6": "y"}}),
        ("a[0][b][]=1&a[0][b][]=2&a[0][c]=3", {"a": {"0": {"b": ["1", "2"], "c": "3"}}}),
        ("a[][x]=1&a[][x]=2", {"a": [{"x": "1"}, {"x": "2"}]}),  # each [] is a new element
        ("a[0]=s&a[0][x]=1", {"a": {"0": {"x": "1"}}}),
        ("%20a=1", {"a": "1"}),  # leading spaces dropped
        ("q=%D0%9A%D0%B0%D0%B7%D0%B0%D0%BD%D1%8C+%D1%83%D0%BB.", {"q": "Казань ул."}),
    ],
)
def test_php_rules(query: str, expected: dict[str, Any]) -> None:
    assert parse(query) == expected


def test_query_pairs_bytes_utf8_and_bad_bytes() -> None:
    assert query_pairs(b"a=%D0%AF") == [("a", "Я")]
    assert query_pairs("a=Я".encode()) == [("a", "Я")]  # raw UTF-8 in a body
    assert query_pairs(b"a=%FF") == [("a", "\ufffd")]


def test_split_name() -> None:
    assert split_php_name("a[0][b][]") == ("a", ["0", "b", ""])
    assert split_php_name("[x]") is None
    assert split_php_name("plain") == ("plain", [])


def test_merge_post_replaces_get_per_name() -> None:
    get = parse("a=1&st[]=1&b=2")
    post = parse("a=3&st[]=9")
    assert php_merge(get, post) == {"a": "3", "st": ["9"], "b": "2"}


# --- round trip against a reference encoder ------------------------------------------

_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
_name_chars = st.characters(blacklist_categories=("Cs",), blacklist_characters="[]. ")
_base = st.text(_name_chars, min_size=1, max_size=8)
_seg = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="[]"), min_size=1, max_size=8
)
_values = st.recursive(
    _text | st.lists(_text, min_size=1, max_size=4),
    lambda inner: st.dictionaries(_seg, inner, min_size=1, max_size=4),
    max_leaves=10,
)


def encode(params: dict[str, Any]) -> str:
    """What a client (PHP http_build_query style) sends for ``params``."""
    pairs: list[tuple[str, str]] = []

    def walk(name: str, value: Any) -> None:
        if isinstance(value, str):
            pairs.append((name, value))
        elif isinstance(value, list):
            pairs.extend((name + "[]", v) for v in value)
        else:
            for k, v in value.items():
                walk(f"{name}[{k}]", v)

    for name, value in params.items():
        walk(name, value)
    return "&".join(f"{quote(n, safe='')}={quote(v, safe='')}" for n, v in pairs)


@settings(max_examples=80, deadline=None)
@given(st.dictionaries(_base, _values, max_size=5))
def test_round_trip(params: dict[str, Any]) -> None:
    assert parse(encode(params)) == params
    assert parse_php_params(query_pairs(encode(params).encode("ascii"))) == params
