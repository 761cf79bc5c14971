"""The House's Parliaments and sessions since 1994, with their dates.

A session starts when Parliament opens and ends at prorogation or dissolution;
between two sessions Parliament is prorogued (the 44th from January 6, 2025 until
its dissolution on March 23, 2025). Sessions are created in the record from this
table when a petition needs one; later ones are added in the admin.
"""

import datetime
from typing import NamedTuple


class KnownSession(NamedTuple):
    parliament: int
    number: int
    started_on: datetime.date
    ended_on: datetime.date | None


def _session(parliament, number, started, ended):
    return KnownSession(
        parliament,
        number,
        datetime.date.fromisoformat(started),
        datetime.date.fromisoformat(ended) if ended else None,
    )


SESSIONS = [
    _session(35, 1, "1994-01-17", "1996-02-02"),
    _session(35, 2, "1996-02-27", "1997-04-27"),
    _session(36, 1, "1997-09-22", "1999-09-18"),
    _session(36, 2, "1999-10-12", "2000-10-22"),
    _session(37, 1, "2001-01-29", "2002-09-16"),
    _session(37, 2, "2002-09-30", "2003-11-12"),
    _session(37, 3, "2004-02-02", "2004-05-23"),
    _session(38, 1, "2004-10-04", "2005-11-29"),
    _session(39, 1, "2006-04-03", "2007-09-14"),
    _session(39, 2, "2007-10-16", "2008-09-07"),
    _session(40, 1, "2008-11-18", "2008-12-04"),
    _session(40, 2, "2009-01-26", "2009-12-30"),
    _session(40, 3, "2010-03-03", "2011-03-26"),
    _session(41, 1, "2011-06-02", "2013-09-13"),
    _session(41, 2, "2013-10-16", "2015-08-02"),
    _session(42, 1, "2015-12-03", "2019-09-11"),
    _session(43, 1, "2019-12-05", "2020-08-18"),
    _session(43, 2, "2020-09-23", "2021-08-15"),
    _session(44, 1, "2021-11-22", "2025-01-06"),
    _session(45, 1, "2025-05-26", None),
]
BY_CODE = {(session.parliament, session.number): session for session in SESSIONS}
