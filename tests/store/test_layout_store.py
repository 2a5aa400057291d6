"""store.layout: the per-profile window layout file (no Qt)."""

from __future__ import annotations

import json

from movizor_desktop.store import AppPaths
from movizor_desktop.store.layout import Layout, layout_path, load_layout, save_layout


def sample() -> Layout:
    return Layout(
        window_geometry=b"\x01\xd9\xd0\xcb geometry",
        window_state=b"\x00state",
        splitters={"topSplitter": b"\xff\x00top", "mainSplitter": b"main"},
        header=b"\x00\x00\x00\xffheader",
        sort_column=3,
        sort_descending=True,
        search="Иванов 921",
        group="problems",
        tag="тент",
    )


def test_round_trip_per_profile(tmp_path):
    paths = AppPaths(tmp_path)
    save_layout(paths, "Основной", sample())
    assert load_layout(paths, "Основной") == sample()
    assert load_layout(paths, "Other").is_empty()
    path = layout_path(paths, "Основной")
    assert path.parent == paths.profile_dir("Основной")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == 1 and isinstance(data["header"], str)  # base64 text
    assert not list(path.parent.glob("*.tmp"))  # atomic: no leftovers


def test_a_broken_file_is_moved_aside_and_defaults_used(tmp_path):
    paths = AppPaths(tmp_path)
    path = layout_path(paths, "P")
    path.write_text("{ not json", encoding="utf-8")
    assert load_layout(paths, "P").is_empty()
    assert not path.exists() and list(path.parent.glob("layout.json.corrupt-*"))


def test_wrong_types_fall_back_field_by_field():
    layout = Layout.from_json(
        {
            "header": "!!not base64!!",
            "sort_column": "3",
            "sort_descending": 1,
            "search": 5,
            "group": "",
            "tag": "",
            "splitters": {"a": "AAEC", "b": 7},
            "window_geometry": "AAEC",
        }
    )
    assert layout.header is None and layout.sort_column == -1
    assert layout.sort_descending is False and layout.search == "" and layout.group == "all"
    assert layout.tag is None and layout.splitters == {"a": b"\x00\x01\x02"}
    assert layout.window_geometry == b"\x00\x01\x02"
