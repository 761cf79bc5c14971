"""People type petition numbers loosely; each form reads as the one number."""

import pytest

from petitions.numbers import parse_number


@pytest.mark.parametrize(
    "text",
    [
        "e-2829",
        "E-2829",
        "e2829",
        "e 2829",
        "2829",
        " e-2829 ",
        "e - 2829",
        "e\u20132829",  # en dash, as word processors write it
        "E\u20112829",  # non-breaking hyphen
        "e\u00a02829",  # non-breaking space
        "\uff45\uff12\uff18\uff12\uff19",  # full-width, from an East Asian keyboard
    ],
)
def test_forms_of_an_e_number(text):
    assert str(parse_number(text)) == "e-2829"


@pytest.mark.parametrize(
    "text", ["432-00158", "43200158", "432 00158", " 432 - 00158 ", "432\u201400158"]
)
def test_forms_of_a_petition_no(text):
    assert str(parse_number(text)) == "432-00158"


@pytest.mark.parametrize(
    "text",
    ["", "e-", "e-0", "2829x", "Belarus", "432-0015", "032-00158", "e-2829 e-2830", "9" * 50],
)
def test_what_is_not_a_number(text):
    assert parse_number(text) is None
