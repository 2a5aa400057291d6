"""Phone normalization: every common format in, one MSISDN out; anything else refused."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from movizor_desktop.api import InvalidPhoneError, format_phone, is_valid_phone, normalize_phone
from movizor_desktop.api.phones import split_phones


@pytest.mark.parametrize(
    "raw",
    [
        "+7 (921) 001-02-03",
        "8-921-001-02-03",
        "89210010203",
        "9210010203",
        "79210010203",
        " +7 921 001 02 03 ",
        "8 (921) 001.02.03",
    ],
)
def test_common_formats(raw):
    assert normalize_phone(raw) == "79210010203"


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "12345",
        "+1 650 253 0000",
        "+7 495 123-45-67",
        "84951234567",
        "7921001020",
        "792100102031",
        "+7 (921) 001-02-0x",
        "phone",
        "+380 50 123 4567",
        "+7 700 123 4567",
    ],
)
def test_anything_else_is_refused_with_a_clear_error(raw):
    with pytest.raises(InvalidPhoneError) as info:
        normalize_phone(raw, function="object_add")
    err = info.value
    assert err.field == "phone" and err.function == "object_add"
    assert "не российский мобильный номер" in err.message("ru")
    assert "not a Russian mobile number" in err.message("en")
    assert not is_valid_phone(raw)


def test_display_format():
    assert format_phone("79210010203") == "+7 921 001-02-03"
    assert format_phone("garbage") == "garbage"


def test_split_pasted_numbers():
    assert split_phones("+7 921 001-02-03\n8-911-000-00-01; 9160000002,\t") == [
        "+7 921 001-02-03",
        "8-911-000-00-01",
        "9160000002",
    ]


mobile = st.tuples(
    st.sampled_from(["900", "911", "916", "921", "926", "950", "960", "977", "985", "999"]),
    st.integers(0, 9_999_999),
)


@given(
    mobile,
    st.sampled_from(
        [
            "+7 ({a}) {b}-{c}-{d}",
            "8-{a}-{b}-{c}-{d}",
            "8{a}{b}{c}{d}",
            "{a}{b}{c}{d}",
            "7{a}{b}{c}{d}",
            "+7{a} {b} {c} {d}",
        ]
    ),
)
def test_every_format_of_a_valid_mobile_normalizes_to_the_same_msisdn(number, template):
    code, rest = number
    digits = f"{rest:07d}"
    text = template.format(a=code, b=digits[:3], c=digits[3:5], d=digits[5:])
    msisdn = normalize_phone(text)
    assert msisdn == f"7{code}{digits}"
    assert normalize_phone(format_phone(msisdn)) == msisdn


@given(st.text(max_size=30))
def test_arbitrary_text_never_raises_anything_but_invalid_phone(text):
    try:
        result = normalize_phone(text)
    except InvalidPhoneError:
        return
    assert len(result) == 11 and result.startswith("79")


def test_ranges_the_library_does_not_list_yet_are_accepted():
    # 7930065… is in use (the simulator's 2,000 fleet has one) but missing from the
    # phonenumbers metadata: a number the account returns must never be refused.
    assert normalize_phone("+7 930 065-12-34") == "79300651234"
    assert format_phone("79300651234") == "+7 930 065-12-34"
    assert is_valid_phone("89300651234")
