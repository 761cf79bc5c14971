"""Petition numbers as people type them, and their canonical forms.

An e-petition is numbered ``e-NNNN`` at creation; every presented petition
gets a Petition No. ``PPS-NNNNN`` (Parliament, session, serial).
"""

import re
import unicodedata
from dataclasses import dataclass

E_NUMBER_RE = re.compile(r"^e?\s*-?\s*(\d{1,6})$", re.IGNORECASE)
PETITION_NO_RE = re.compile(r"^(\d{2})(\d)\s*-?\s*(\d{5})$")
# Hyphens, dashes and minus signs people paste from word processors and PDFs.
DASHES_RE = re.compile(r"[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]")
# The form kept in the database, checked there too.
PETITION_NO_FORMAT = r"^[1-9][0-9][1-9]-[0-9]{5}$"


@dataclass(frozen=True)
class PetitionNumber:
    """A parsed number: an e-number (int) or a Petition No. ("432-00158")."""

    e_number: int | None = None
    petition_no: str | None = None

    def __str__(self):
        return format_e_number(self.e_number) if self.e_number else self.petition_no


def format_e_number(value):
    return f"e-{value}"


def parse_number(text):
    """Read a loosely typed number; None when it is not one.

    ``e-2829``, ``E-2829``, ``e2829``, ``e 2829`` and ``2829`` are e-numbers;
    ``432-00158`` and ``43200158`` are Petition Nos. Full-width digits, odd
    dashes and stray spaces are forgiven.
    """
    if not isinstance(text, str) or len(text) > 40:
        return None
    text = DASHES_RE.sub("-", unicodedata.normalize("NFKC", text))
    compact = " ".join(text.split())
    match = PETITION_NO_RE.match(compact)
    if match:
        parliament, session, serial = match.groups()
        if parliament[0] != "0" and session != "0" and int(serial) > 0:
            return PetitionNumber(petition_no=f"{parliament}{session}-{serial}")
        return None
    match = E_NUMBER_RE.match(compact)
    if match and int(match.group(1)) > 0:
        return PetitionNumber(e_number=int(match.group(1)))
    return None


SESSION_CODE_RE = re.compile(r"^([1-9][0-9]?)([1-9])$")


def parse_session_code(code):
    """(Parliament, session) of a session's code as Petition Nos. start: "432" → (43, 2);
    None when it is not one."""
    match = SESSION_CODE_RE.match(code) if isinstance(code, str) and code.isascii() else None
    return (int(match.group(1)), int(match.group(2))) if match else None


def session_code(parliament, number):
    return f"{parliament}{number}"
