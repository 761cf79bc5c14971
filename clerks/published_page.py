"""Reading the text of a published petition page, in English or in French.

The text as a browser copies it in, out comes a ``PublishedPetition`` with the values
the page shows, or a ``PageError`` naming the line and what was expected there.
Nothing here touches the database; see ``clerks.importing``. The site's own wording
(the addressee line it would write, a language's name) comes from petitions.languages.

A page reads, in order (French labels in brackets; every line but the heading, the
addressee line and the history is optional, and real pages leave many out):

    (the site's header: "Skip to main content", "Start of content" …, skipped)
    e-2829 (Foreign affairs)                   heading: number and subject
    E-petition                                 or Paper petition [Pétition électronique,
                                               Pétition papier]; else the number says
    Initiated by NAME from CITY, PROVINCE      [Lancée par NAME de CITY (PROVINCE)]
    Original language of petition: English     [Langue d'origine de la pétition : Anglais]
    Petition to the Government of Canada       any wording [Pétition au …, adressée au …]
    the text                                   an introduction ("Whereas:"), grievances
                                               (bullets, numbers or paragraphs), the
                                               prayer, its requests ("1. …", "• …",
                                               "(i) …", with "(a) …" sub-items), closing
                                               paragraphs: see ``read_text``
    Government response tabled on DATE (Sessional Paper No. 8545-421-179-01)
                                               [Réponse du gouvernement déposée le DATE
                                               (Document parlementaire no …)]
    Response by the Minister of ...            [Réponse du ministre ...], then
    Signed by (Minister or Parliamentary Secretary): NAME, then paragraphs
    Open for signature / DATE-TIME             [Ouverte pour signature]
    Closes for signature / DATE-TIME           [Fermeture pour signature], still open
    Closed for signature / DATE-TIME           [Fermée pour signature]
    Certified / DATE                           [Certifiée]
    Presented to the House of Commons          [Présentée à la Chambre des Communes]
      NAME (RIDING) / DATE (Petition No. 432-00158)       [DATE (Pétition n° 432-00158)]
    Government response tabled / DATE          [Réponse du gouvernement déposée]
    Photo - NAME / RIDING / CAUCUS Caucus / PROVINCE      the sponsor, each line but
                                                          the name optional [Caucus CAUCUS]

Times are Ottawa's clock time whatever zone the page prints: the site labels
winter times "(EDT)" too.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.utils.translation import override

from petitions.choices import Language
from petitions.languages import INDEPENDENT, written_addressee_line
from petitions.numbers import format_e_number
from petitions.rules import OTTAWA

ELECTRONIC, PAPER = "electronic", "paper"
ENGLISH, FRENCH = "en", "fr"
BULLETED, NUMBERED, PARAGRAPHS, MARKED = "bulleted", "numbered", "paragraphs", "marked"
HOUSE, GOVERNMENT, MINISTER, MEMBER, SEVERAL = (
    "house",
    "government",
    "minister",
    "member",
    "several",
)

# A pasted page larger than any real one is refused before it is read, and so is
# a line longer than any real paragraph: reading stays linear and bounded.
MAX_PAGE_CHARACTERS = 200_000
MAX_LINE_CHARACTERS = 20_000
MAX_LINES = 3_000

PROVINCES = {
    ENGLISH: {
        "Alberta": "AB",
        "British Columbia": "BC",
        "Manitoba": "MB",
        "New Brunswick": "NB",
        "Newfoundland and Labrador": "NL",
        "Nova Scotia": "NS",
        "Northwest Territories": "NT",
        "Nunavut": "NU",
        "Ontario": "ON",
        "Prince Edward Island": "PE",
        "Quebec": "QC",
        "Saskatchewan": "SK",
        "Yukon": "YT",
    },
    FRENCH: {
        "Alberta": "AB",
        "Colombie-Britannique": "BC",
        "Manitoba": "MB",
        "Nouveau-Brunswick": "NB",
        "Terre-Neuve-et-Labrador": "NL",
        "Nouvelle-Écosse": "NS",
        "Territoires du Nord-Ouest": "NT",
        "Nunavut": "NU",
        "Ontario": "ON",
        "Île-du-Prince-Édouard": "PE",
        "Québec": "QC",
        "Saskatchewan": "SK",
        "Yukon": "YT",
    },
}
ANY_PROVINCE = {**PROVINCES[ENGLISH], **PROVINCES[FRENCH]}

MONTHS = {
    ENGLISH: [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ],
    FRENCH: [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
}

# Language names as pages print them; a French page may print the English name.
LANGUAGE_NAMES = {
    "english": ENGLISH,
    "french": FRENCH,
    "anglais": ENGLISH,
    "français": FRENCH,
}

KIND_LINES = {
    "e-petition": (ENGLISH, ELECTRONIC),
    "paper petition": (ENGLISH, PAPER),
    "pétition électronique": (FRENCH, ELECTRONIC),
    "pétition papier": (FRENCH, PAPER),
}

# The history's labels, compared without regard to case.
HISTORY_LABELS = {
    "open for signature": "opened",
    "closes for signature": "closes",
    "closed for signature": "closed",
    "certified": "certified",
    "presented to the house of commons": "presented",
    "government response tabled": "response_tabled",
    "ouverte pour signature": "opened",
    "fermeture pour signature": "closes",
    "fermée pour signature": "closed",
    "certifiée": "certified",
    "présentée à la chambre des communes": "presented",
    "réponse du gouvernement déposée": "response_tabled",
}

EXAMPLES = {
    ENGLISH: {
        "date": "October 26, 2020",
        "datetime": "September 15, 2020, at 9:30 a.m. (EDT)",
        "presented": "October 26, 2020 (Petition No. 432-00158)",
        "addressee": "Petition to the Government of Canada",
    },
    FRENCH: {
        "date": "26 octobre 2020",
        "datetime": "15 septembre 2020 à 9 h 30 (HAE)",
        "presented": "26 octobre 2020 (Pétition n° 432-00158)",
        "addressee": "Pétition au gouvernement du Canada",
    },
}

HEADING_RE = re.compile(
    r"^(?:[eE]-(?P<e_number>[1-9]\d{0,5})|(?P<petition_no>[1-9]\d[1-9]-\d{5}))"
    r" \((?P<subject>.+)\)$"
)
INITIATOR_RE = {
    ENGLISH: re.compile(r"^Initiated by (?P<rest>.+)$"),
    FRENCH: re.compile(r"^Lancée par (?P<rest>.+)$"),
}
ORIGINAL_LANGUAGE_RE = re.compile(
    r"^(?:Original language of petition|Langue d[’']origine de la pétition)\s*:\s*(?P<name>.+)$"
)
ADDRESSEE_RE = {
    ENGLISH: re.compile(r"^Petition to (?P<rest>.+)$", re.IGNORECASE),
    FRENCH: re.compile(r"^Pétition (?P<rest>.+)$", re.IGNORECASE),
}

# The text's lines: "• clause", "1. request", "(a) sub-item" or "i) item", or a paragraph.
BULLET_RE = re.compile(r"^(?P<marker>[•·▪◦●‣]\s*|[-*–]\s+)(?P<text>\S.*)$")
NUMBER_RE = re.compile(r"^(?P<marker>(?P<number>\d{1,3})\.\s+)(?P<text>\S.*)$")
SUB_ITEM_RE = re.compile(
    r"^(?P<marker>\((?:[a-z]{1,2}|[ivxlc]{1,6}|\d{1,3})\)\s*|(?:[a-z]|[ivx]{1,6})\)\s+)(?P<text>\S.*)$"
)

# Where the prayer starts: its usual openings, else a sentence that calls upon someone.
PRAYER_OPENING_RE = re.compile(
    r"^(?:now,? )?(?:therefore|wherefore|we,? the undersigned|the undersigned|your petitioners"
    r"|par conséquent|à ces causes|nous,? (?:les )?soussigné|les soussignés|vos pétitionnaires)",
    re.IGNORECASE,
)
CALL_RE = re.compile(
    r"\b(?:call(?:s|ing)? (?:up)?on|request(?:s)?|urge(?:s)?|humbly pray|"
    r"demandons|prions|prient|exhortons|réclamons|sollicitons)\b",
    re.IGNORECASE,
)
# A sentence that introduces the grievances, though it opens like a prayer.
INTRODUCTION_RE = re.compile(
    r"draw(?:s)? the attention|attir\w* l[’']attention|port\w* à l[’']attention", re.IGNORECASE
)
GRIEVANCE_OPENING_RE = re.compile(r"^(?:whereas|that|attendu|considérant|que)\b", re.IGNORECASE)

RESPONSE_RE = {
    ENGLISH: re.compile(r"^Response by (?:the )?(?P<office>.+)$"),
    FRENCH: re.compile(r"^Réponse (?P<article>du |de la |de l'|de l’|des )(?P<office>.+)$"),
}
SIGNED_BY_RE = {
    ENGLISH: re.compile(r"^Signed by \(Minister or Parliamentary Secretary\)\s*:\s*(?P<name>.*)$"),
    FRENCH: re.compile(
        r"^Signé par \(ministre ou secrétaire parlementaire\)\s*:\s*(?P<name>.*)$", re.IGNORECASE
    ),
}
SESSIONAL_PAPER_RE = {
    ENGLISH: re.compile(
        r"^Government response tabled on (?P<date>[^()]+?)"
        r"(?: \(Sessional Paper No\.? (?P<paper>[0-9-]+)\))?$"
    ),
    FRENCH: re.compile(
        r"^Réponse du gouvernement déposée le (?P<date>[^()]+?)"
        r"(?: \(Document parlementaire n[o°º]\.? ?(?P<paper>[0-9-]+)\))?$"
    ),
}

MEMBER_LINE_RE = re.compile(r"^(?P<name>[^()]+?)(?: \((?P<riding>[^()]+)\))?$")
PETITION_NO_IN_DATE = {
    ENGLISH: re.compile(r"^(?P<date>[^()]+?) \(Petition No\.? (?P<number>[1-9]\d[1-9]-\d{5})\)$"),
    FRENCH: re.compile(
        r"^(?P<date>[^()]+?) \(Pétition n[o°º]\.? ?(?P<number>[1-9]\d[1-9]-\d{5})\)$"
    ),
}
DATE_RE = {
    ENGLISH: re.compile(r"^(?P<month>[A-Za-z]+)\.? (?P<day>\d{1,2}), (?P<year>\d{4})$"),
    FRENCH: re.compile(r"^(?P<day>\d{1,2})(?:er)? (?P<month>[a-zéûA-ZÉÛ]+) (?P<year>\d{4})$"),
}
# The zone in brackets is read and ignored: the clock time is Ottawa's.
DATETIME_RE = {
    ENGLISH: re.compile(
        r"^(?P<date>[A-Za-z]+\.? \d{1,2}, \d{4}),? at (?P<hour>\d{1,2})(?::(?P<minute>\d{2}))?"
        r" ?(?P<half>[ap])\.? ?m\.?(?: \([A-Z]{2,4}\))?$",
        re.IGNORECASE,
    ),
    FRENCH: re.compile(
        r"^(?P<date>\d{1,2}(?:er)? [a-zéûA-ZÉÛ]+ \d{4}),? à (?P<hour>\d{1,2}) ?h"
        r" ?(?P<minute>\d{2})?(?: \([A-Z]{2,4}\))?$"
    ),
}
CAUCUS_RE = {
    ENGLISH: re.compile(r"^(?P<name>.+) Caucus$"),
    FRENCH: re.compile(r"^Caucus(?: :)? (?P<name>.+)$"),
}

# Words that tell a page's language when no kind line says it.
LANGUAGE_MARKERS = {
    ENGLISH: re.compile(
        r"^(?:Initiated by |Original language of petition|Petition to |Open for signature$"
        r"|Closed for signature$|Presented to the House of Commons$|Government response tabled"
        r"|Response by |Signed by \(|E-petition$|Paper petition$|Whereas)",
        re.IGNORECASE,
    ),
    FRENCH: re.compile(
        r"^(?:Lancée par |Langue d[’']origine|Pétition |Ouverte pour signature$"
        r"|Fermée pour signature$|Présentée à la Chambre|Réponse du gouvernement|Réponse d"
        r"|Signé par \(|Attendu que|Passer au contenu)",
        re.IGNORECASE,
    ),
}


class PageError(ValueError):
    """The page cannot be read; ``line`` is 1-based (None: the page as a whole)."""

    def __init__(self, line, message):
        self.line = line
        self.message = message
        super().__init__(f"Line {line}: {message}" if line else message)


@dataclass
class PublishedMember:
    name: str
    line: int
    riding: str = ""
    caucus: str = ""
    province: str = ""


@dataclass
class PublishedResponse:
    tabled_on: datetime.date | None = None
    sessional_paper: str = ""
    office: str = ""
    signer_name: str = ""
    paragraphs: list[str] = field(default_factory=list)

    @property
    def text(self):
        return "\n\n".join(self.paragraphs)


@dataclass
class PublishedPetition:
    language: str
    kind: str
    subject: str
    e_number: int | None = None
    petition_no: str | None = None
    initiator_name: str = ""
    initiator_city: str = ""
    initiator_province: str = ""
    original_language: str = ""
    original_language_label: str = ""
    addressee_kind: str = GOVERNMENT
    addressee_name: str = ""
    addressee_line: str = ""
    grievance_intro: list[str] = field(default_factory=list)
    clause_style: str = BULLETED
    clauses: list[str] = field(default_factory=list)
    prayer: list[str] = field(default_factory=list)
    demand_style: str = NUMBERED
    demands: list[str] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    response: PublishedResponse | None = None
    opened_at: datetime.datetime | None = None
    scheduled_close_at: datetime.datetime | None = None
    closed_at: datetime.datetime | None = None
    certified_on: datetime.date | None = None
    presented_on: datetime.date | None = None
    presenter: PublishedMember | None = None
    sponsor: PublishedMember | None = None

    @property
    def number(self):
        return format_e_number(self.e_number) if self.e_number else self.petition_no

    @property
    def lead_in(self):
        return "\n\n".join(self.prayer)


def parse_page(text):
    """Read one published page; raise PageError at the first line that does not fit."""
    return _PageReader(text).read()


@dataclass
class _Line:
    number: int
    text: str
    kind: str = "paragraph"  # or "bullet", "number", "sub_item"
    marker: str = ""
    body: str = ""
    sub_items: list[str] = field(default_factory=list)

    @property
    def verbatim(self):
        return "\n".join([self.text, *self.sub_items])


class _PageReader:
    def __init__(self, text):
        if len(text) > MAX_PAGE_CHARACTERS:
            raise PageError(None, f"a page of at most {MAX_PAGE_CHARACTERS:,} characters")
        text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
        # Each non-blank line, spaces folded, with its line number in the pasted text.
        self.lines = []
        for number, line in enumerate(text.split("\n"), start=1):
            if len(line) > MAX_LINE_CHARACTERS:
                raise PageError(number, f"a line of at most {MAX_LINE_CHARACTERS:,} characters")
            if line.strip():
                self.lines.append((number, " ".join(line.split())))
        if len(self.lines) > MAX_LINES:
            raise PageError(None, f"a page of at most {MAX_LINES:,} lines")
        self.index = 0
        self.language = _page_language(line for _, line in self.lines)

    # The cursor.

    def peek(self):
        return self.lines[self.index][1] if self.index < len(self.lines) else None

    @property
    def line_number(self):
        if self.index < len(self.lines):
            return self.lines[self.index][0]
        return (self.lines[-1][0] + 1) if self.lines else 1

    def take(self, expected):
        if self.index >= len(self.lines):
            raise PageError(self.line_number, f"expected {expected}, found the end of the page")
        line = self.lines[self.index][1]
        self.index += 1
        return line

    def fail(self, expected):
        found = self.peek()
        found = f"“{found}”" if found is not None else "the end of the page"
        raise PageError(self.line_number, f"expected {expected}, found {found}")

    @property
    def examples(self):
        return EXAMPLES[self.language]

    # The page, top to bottom.

    def read(self):
        page = self._read_heading()
        self._read_kind(page)
        self._read_initiator(page)
        self._read_original_language(page)
        self._read_addressee(page)
        self._read_text(page)
        self._read_response(page)
        self._read_history(page)
        self._read_sponsor(page)
        if self.peek() is not None:
            self.fail("the end of the page after the sponsoring Member")
        return page

    def _read_heading(self):
        # Whatever the site printed before the heading (its skip links) is not the petition's.
        while self.peek() is not None and not HEADING_RE.match(self.peek()):
            self.index += 1
        if self.peek() is None:
            self.index = 0
            self.fail("the heading, a number and subject like “e-2829 (Foreign affairs)”")
        heading = HEADING_RE.match(self.take("the heading"))
        e_number = int(heading["e_number"]) if heading["e_number"] else None
        return PublishedPetition(
            language=self.language,
            kind=ELECTRONIC if e_number else PAPER,
            subject=heading["subject"],
            e_number=e_number,
            petition_no=heading["petition_no"],
        )

    def _read_kind(self, page):
        found = KIND_LINES.get((self.peek() or "").lower())
        if found is None:
            return
        if found[1] != page.kind:
            expected = "an e-number heading" if found[1] == ELECTRONIC else "a Petition No. heading"
            self.fail(f"a kind that agrees with the heading ({expected})")
        self.index += 1

    def _read_initiator(self, page):
        match = INITIATOR_RE[self.language].match(self.peek() or "")
        if not match:
            return
        self.index += 1
        rest = match["rest"]
        joiner = " from " if self.language == ENGLISH else " de "
        # The place follows the last " from " (" de "): names may hold "de" ("Marie de Vos").
        name, found, place = rest.rpartition(joiner)
        if not found:
            page.initiator_name = rest
            return
        page.initiator_name = name
        if self.language == ENGLISH:
            city, _, province = place.rpartition(", ")
        else:
            bracketed = re.match(r"^(?P<city>.+) \((?P<province>[^()]+)\)$", place)
            city, province = (bracketed["city"], bracketed["province"]) if bracketed else ("", "")
        if city and province in PROVINCES[self.language]:
            page.initiator_city = city
            page.initiator_province = PROVINCES[self.language][province]
        else:
            # A place outside the provinces is kept as printed.
            page.initiator_city = place

    def _read_original_language(self, page):
        match = ORIGINAL_LANGUAGE_RE.match(self.peek() or "")
        if not match:
            return
        name = match["name"].strip()
        if name.lower() not in LANGUAGE_NAMES:
            self.fail("the original language, English or French (Anglais or Français)")
        self.index += 1
        page.original_language = LANGUAGE_NAMES[name.lower()]
        if name != standard_language_name(page.original_language, self.language):
            page.original_language_label = name

    def _read_addressee(self, page):
        line = self.peek() or ""
        match = ADDRESSEE_RE[self.language].match(line)
        if not match:
            self.fail(f"the addressee, “{self.examples['addressee']}”")
        self.index += 1
        page.addressee_kind, page.addressee_name = addressee(match["rest"], self.language)
        if line != addressee_line(page.addressee_kind, page.addressee_name, self.language):
            page.addressee_line = line

    # The text between the addressee line and the response or history.

    def _read_text(self, page):
        lines = []
        while self.peek() is not None and not self._at_response_or_history():
            number, text = self.lines[self.index]
            self.index += 1
            lines.append(_classify(number, text))
        read_text(page, _with_sub_items(lines))

    def _at_response_or_history(self):
        line = self.peek() or ""
        return bool(
            SESSIONAL_PAPER_RE[self.language].match(line)
            or RESPONSE_RE[self.language].match(line)
            or self._history_key() is not None
        )

    def _history_key(self):
        return HISTORY_LABELS.get((self.peek() or "").lower())

    # The response: tabled as a sessional paper, or in full, or both.

    def _read_response(self, page):
        tabled = SESSIONAL_PAPER_RE[self.language].match(self.peek() or "")
        if tabled:
            page.response = PublishedResponse(
                tabled_on=self._date(tabled["date"]), sessional_paper=tabled["paper"] or ""
            )
            self.index += 1
        match = RESPONSE_RE[self.language].match(self.peek() or "")
        if not match:
            return
        self.index += 1
        response = page.response = page.response or PublishedResponse()
        response.office = match["office"]
        if self.language == FRENCH:
            response.office = with_article(match["article"], match["office"])
        signed = SIGNED_BY_RE[self.language].match(self.peek() or "")
        if not signed or not signed["name"].strip():
            label = {
                ENGLISH: "Signed by (Minister or Parliamentary Secretary): NAME",
                FRENCH: "Signé par (ministre ou secrétaire parlementaire) : NAME",
            }[self.language]
            self.fail(f"“{label}”")
        self.index += 1
        response.signer_name = signed["name"].strip()
        while self.peek() is not None and self._history_key() is None:
            response.paragraphs.append(self.take("a paragraph of the response"))
        if not response.paragraphs:
            self.fail("the text of the response")

    def _read_history(self, page):
        seen = set()
        while (key := self._history_key()) is not None:
            if key in seen:
                self.fail(f"one “{self.peek()}” only")
            seen.add(key)
            self.index += 1
            if key == "opened":
                page.opened_at = self._read_datetime()
            elif key == "closes":
                page.scheduled_close_at = self._read_datetime()
            elif key == "closed":
                page.closed_at = self._read_datetime()
            elif key == "certified":
                page.certified_on = self._read_date()
            elif key == "presented":
                self._read_presentation(page)
            else:
                tabled_on = self._read_date()
                page.response = page.response or PublishedResponse()
                if page.response.tabled_on and page.response.tabled_on != tabled_on:
                    raise PageError(
                        self.line_number - 1,
                        "the date the response was tabled on, as given above it",
                    )
                page.response.tabled_on = tabled_on
        if page.kind == ELECTRONIC and page.opened_at is None:
            self.fail(f"the date the e-petition opened, “{self._label('opened')}”")
        if page.kind == PAPER and page.presented_on is None:
            self.fail(f"the presentation of the paper petition, “{self._label('presented')}”")
        if page.response is not None and page.response.tabled_on is None:
            self.fail(f"“{self._label('response_tabled')}” and the date")
        if page.response is not None and page.presented_on is None:
            self.fail(f"“{self._label('presented')}”: a response answers a presented petition")

    def _label(self, key):
        labels = [label for label, value in HISTORY_LABELS.items() if value == key]
        label = labels[0] if self.language == ENGLISH else labels[-1]
        return label[0].upper() + label[1:]

    def _read_presentation(self, page):
        line_number = self.line_number
        if not PETITION_NO_IN_DATE[self.language].match(self.peek() or ""):
            match = MEMBER_LINE_RE.match(self.take("the presenting Member, “NAME (RIDING)”"))
            if not match:
                self.index -= 1
                self.fail("the presenting Member, “NAME (RIDING)”")
            page.presenter = PublishedMember(
                match["name"], line_number, riding=match["riding"] or ""
            )
        match = PETITION_NO_IN_DATE[self.language].match(self.peek() or "")
        if not match:
            self.fail(f"the date and Petition No., “{self.examples['presented']}”")
        page.presented_on = self._date(match["date"])
        if page.petition_no and page.petition_no != match["number"]:
            self.fail(f"the Petition No. of the heading, {page.petition_no}")
        page.petition_no = match["number"]
        self.index += 1

    def _read_sponsor(self, page):
        line = self.peek()
        if line is None:
            return
        sponsor = PublishedMember(line.removeprefix("Photo - ").strip(), self.line_number)
        self.index += 1
        # The riding, the caucus and the province follow, each when known.
        start = self.index
        rest = []
        while self.peek() is not None and len(rest) < 3:
            rest.append(self.take("the sponsor's riding, caucus or province"))
        for offset, text in enumerate([sponsor.name, *rest]):
            if self._looks_like_a_date(text):
                self.index = start + offset - 1
                self.fail("a line of the history, or the sponsoring Member")
        provinces = PROVINCES[self.language]
        caucus_at = next((i for i, text in enumerate(rest) if self._caucus(text) is not None), None)
        if caucus_at is None:
            caucus_at = len(rest) - 1 if rest and rest[-1] in provinces else len(rest)
        else:
            sponsor.caucus = self._caucus(rest[caucus_at])
        if caucus_at > 1:
            self.index = start + 1
            self.fail("the sponsor's caucus, “… Caucus”, after the riding")
        after = rest[caucus_at + 1 :] if sponsor.caucus else rest[caucus_at:]
        if len(after) > 1 or (after and after[0] not in provinces):
            self.index = start + len(rest) - len(after) + (1 if len(after) > 1 else 0)
            self.fail("the sponsor's province or territory")
        sponsor.riding = rest[0] if caucus_at == 1 else ""
        sponsor.province = provinces[after[0]] if after else ""
        self.index = start + len(rest)
        page.sponsor = sponsor

    def _caucus(self, text):
        if text.lower() in INDEPENDENT:
            return text
        match = CAUCUS_RE[self.language].match(text)
        return match["name"] if match else None

    def _looks_like_a_date(self, text):
        return bool(
            DATE_RE[self.language].match(text)
            or DATETIME_RE[self.language].match(text)
            or PETITION_NO_IN_DATE[self.language].match(text)
        ) and not text.lower().startswith("photo")

    # Dates, in Ottawa time.

    def _read_date(self):
        value = self._date(self.peek() or "")
        self.index += 1
        return value

    def _date(self, text):
        match = DATE_RE[self.language].match(text.strip())
        months = MONTHS[self.language]
        if not match or match["month"].lower() not in months:
            self.fail(f"a date like “{self.examples['date']}”")
        try:
            return datetime.date(
                int(match["year"]), months.index(match["month"].lower()) + 1, int(match["day"])
            )
        except ValueError:
            self.fail(f"a real date like “{self.examples['date']}”")

    def _read_datetime(self):
        match = DATETIME_RE[self.language].match(self.peek() or "")
        if not match:
            self.fail(f"a date and time like “{self.examples['datetime']}”")
        day = self._date(match["date"])
        hour, minute = int(match["hour"]), int(match["minute"] or 0)
        if self.language == ENGLISH:
            if not 1 <= hour <= 12:
                self.fail("an hour from 1 to 12, then a.m. or p.m.")
            hour = hour % 12 + (12 if match["half"].lower() == "p" else 0)
        if hour > 23 or minute > 59:
            self.fail(f"a time of day like “{self.examples['datetime']}”")
        self.index += 1
        return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=OTTAWA)


def _page_language(lines):
    """English or French, by the labels the page prints (its kind line first)."""
    counts = {ENGLISH: 0, FRENCH: 0}
    for line in lines:
        kind = KIND_LINES.get(line.lower())
        if kind:
            return kind[0]
        for language, marker in LANGUAGE_MARKERS.items():
            if marker.match(line):
                counts[language] += 1
    return FRENCH if counts[FRENCH] > counts[ENGLISH] else ENGLISH


def _classify(number, text):
    for kind, pattern in (("bullet", BULLET_RE), ("number", NUMBER_RE), ("sub_item", SUB_ITEM_RE)):
        match = pattern.match(text)
        if match:
            return _Line(number, text, kind, match["marker"], match["text"])
    return _Line(number, text)


def _with_sub_items(lines):
    """Sub-item lines ("(a) …") folded into the bullet or numbered line they follow."""
    folded = []
    for line in lines:
        if line.kind == "sub_item" and folded and folded[-1].kind in ("bullet", "number"):
            folded[-1].sub_items.append(line.text)
        else:
            folded.append(line)
    return folded


def _runs(lines):
    """Consecutive lines grouped: each paragraph alone, list items of one kind together."""
    runs = []
    for line in lines:
        if line.kind != "paragraph" and runs and runs[-1][0].kind == line.kind:
            runs[-1].append(line)
        else:
            runs.append([line])
    return runs


def _is_paragraph(run):
    return run[0].kind == "paragraph"


def _list_parts(run):
    """A run of list items: its style and its items' texts, sub-items on their own lines."""
    kind = run[0].kind
    if kind == "bullet":
        return BULLETED, ["\n".join([line.body, *line.sub_items]) for line in run]
    if kind == "number" and [int(NUMBER_RE.match(line.text)["number"]) for line in run] == list(
        range(1, len(run) + 1)
    ):
        return NUMBERED, ["\n".join([line.body, *line.sub_items]) for line in run]
    # Numbers that do not run 1, 2, 3, and "(i)" items keep their markers as printed.
    return MARKED, [line.verbatim for line in run]


def _find_prayer(runs):
    """The index of the run that opens the prayer, or None."""
    paragraphs = [
        (index, run[0].text)
        for index, run in enumerate(runs)
        if _is_paragraph(run) and not INTRODUCTION_RE.search(run[0].text)
    ]
    for index, text in paragraphs:
        if PRAYER_OPENING_RE.match(text):
            return index
    for index, text in paragraphs:
        if CALL_RE.search(text) and not GRIEVANCE_OPENING_RE.match(text):
            return index
    # No wording to go by: the paragraph after the grievances' list, else the last
    # paragraph a list of requests follows, else the last paragraph.
    for index, run in enumerate(runs[:-1]):
        if not _is_paragraph(run) and _is_paragraph(runs[index + 1]):
            return index + 1
    for index in range(len(runs) - 1, 0, -1):
        if not _is_paragraph(runs[index]) and _is_paragraph(runs[index - 1]):
            return index - 1
    return paragraphs[-1][0] if paragraphs else None


def read_text(page, lines):
    """Share the text's lines out among the record's parts.

    Grievances: the paragraphs before a list ("Whereas:"), or before the first
    paragraph ending in ":", introduce them; then one list, or paragraphs.
    Prayer: from its opening ("We, the undersigned", "THEREFORE", a call upon
    someone) while each paragraph ends in ":" and another follows; then the list of
    requests. Everything after is closing paragraphs. A stretch that fits no single
    style keeps its lines as printed, markers and all.
    """
    runs = _runs(lines)
    if not runs:
        return
    prayer_at = _find_prayer(runs)
    if prayer_at is None:
        prayer_at = len(runs)
    _read_grievances(page, runs[:prayer_at])
    rest = runs[prayer_at:]
    while rest and _is_paragraph(rest[0]):
        page.prayer.append(rest.pop(0)[0].text)
        if not (page.prayer[-1].endswith(":") and rest and _is_paragraph(rest[0])):
            break
    if rest and not _is_paragraph(rest[0]) and page.prayer:
        page.demand_style, page.demands = _list_parts(rest.pop(0))
    page.closing = [line.verbatim for run in rest for line in run]


def _read_grievances(page, runs):
    lists = [index for index, run in enumerate(runs) if not _is_paragraph(run)]
    introduced = lists and lists[0] > 0 and runs[lists[0] - 1][0].text.endswith(":")
    if lists == [len(runs) - 1] and (runs[-1][0].kind != "sub_item" or introduced):
        # Paragraphs introducing them ("Whereas:"), then a single list.
        page.grievance_intro = [run[0].text for run in runs[:-1]]
        page.clause_style, page.clauses = _list_parts(runs[-1])
        return
    if all(runs[i][0].kind == "sub_item" and i > 0 and _is_paragraph(runs[i - 1]) for i in lists):
        # "(a) …" lines belong to the paragraph above them.
        texts = []
        for run in runs:
            lines = [line.text for line in run]
            if _is_paragraph(run):
                texts.append(lines[0])
            else:
                texts[-1] = "\n".join([texts[-1], *lines])
        ends_intro = next((i for i, text in enumerate(texts[:-1]) if text.endswith(":")), None)
        if ends_intro is not None:
            page.grievance_intro, texts = texts[: ends_intro + 1], texts[ends_intro + 1 :]
        page.clause_style, page.clauses = PARAGRAPHS, texts
        return
    # Lists and paragraphs mixed: every line kept as printed.
    page.clause_style = MARKED
    page.clauses = [line.verbatim for run in runs for line in run]


# A French name is kept with its article unless masculine singular, the form
# petitions/languages.py contracts again: "à la ministre" keeps "la ministre",
# "au ministre" and "du ministre" keep "ministre".
KEPT_ARTICLES = {"à la ": "la ", "de la ": "la ", "à l'": "l'", "de l'": "l'", "à l’": "l’",
                 "de l’": "l’", "aux ": "les ", "des ": "les "}  # fmt: skip
FRENCH_ADDRESSEE_RE = re.compile(
    r"^(?:adressée )?(?P<article>au |à la |à l'|à l’|aux )(?P<name>.+)$", re.IGNORECASE
)
# "... and to the Minister of ..." joins two addressees; "Minister of Fisheries,
# Oceans and the Canadian Coast Guard" is one.
SEVERAL_RE = {
    ENGLISH: re.compile(
        r" and (?:to )?(?:the )?(?:Prime Minister|Minister|Government|House|Member|Parliament)\b",
        re.IGNORECASE,
    ),
    FRENCH: re.compile(
        r" et (?:à |au |aux |à la |à l['’])?(?:le |la |les )?"
        r"(?:premier ministre|première ministre|ministre|gouvernement|Chambre|député)",
        re.IGNORECASE,
    ),
}


def with_article(contraction, name):
    return KEPT_ARTICLES.get(contraction.lower(), "") + name


def addressee(rest, language):
    """The kind of addressee and the name to keep, from what follows "Petition to"."""
    if language == ENGLISH:
        name = re.sub(r"^the ", "", rest, flags=re.IGNORECASE)
        house, government, minister = "house of commons", "government of canada", "minister"
    else:
        match = FRENCH_ADDRESSEE_RE.match(rest)
        name = with_article(match["article"], match["name"]) if match else rest
        house, government, minister = "chambre des communes", "gouvernement du canada", "ministre"
    bare = re.sub(r"^(?:la |le |l['’]|les )", "", name.lower())
    if bare == government:
        return GOVERNMENT, ""
    if SEVERAL_RE[language].search(name):
        return SEVERAL, name
    if bare.startswith(house):
        return HOUSE, ""
    if minister in bare:
        return MINISTER, name
    return MEMBER, name


def addressee_line(kind, name, language):
    """The line this site writes for an addressee, to tell a line printed otherwise."""
    return written_addressee_line(kind, name, language)


def standard_language_name(code, language):
    """ "English" / "Anglais": the original language as this site names it."""
    with override(language):
        return str(Language(code).label)
