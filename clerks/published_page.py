"""Reading the text of a published petition page, in English or in French.

Pure Python: the text as a browser copies it in, out comes a ``PublishedPetition``
with the values the page shows, or a ``PageError`` naming the line and what was
expected there. Nothing here touches the database; see ``clerks.importing``.

The page reads, in order (French labels in brackets):

    e-2829 (Foreign affairs)                   heading: number and subject
    E-petition                                 [Pétition électronique] or Paper petition
                                               [Pétition papier]
    Initiated by NAME from CITY, PROVINCE      e-petitions [Lancée par NAME de CITY (PROVINCE)]
    Original language of petition: English     [Langue d'origine de la pétition : Anglais]
    Petition to the Government of Canada       [Pétition au gouvernement du Canada]
    Whereas:                                   [Attendu que :] then "• clause" lines,
                                               or "THAT ..." paragraphs, or nothing
    We, the undersigned, ... to:               the lead-in
    1. ...                                     numbered or "• " requests, "(a) ..." sub-items
    Response by the Minister of ...            [Réponse du ministre ...], optional
    Signed by (Minister or Parliamentary Secretary): NAME
                                               [Signé par (ministre ou secrétaire
                                               parlementaire) : NAME], then paragraphs
    Open for signature / DATE-TIME             [Ouverte pour signature]
    Closes for signature / DATE-TIME           [Fermeture pour signature], still open
    Closed for signature / DATE-TIME           [Fermée pour signature]
    Presented to the House of Commons          [Présentée à la Chambre des communes]
      NAME (RIDING) / DATE (Petition No. 432-00158)       [DATE (Pétition no 432-00158)]
    Government response tabled / DATE          [Réponse du gouvernement déposée]
    Photo - NAME / RIDING / CAUCUS Caucus / PROVINCE      the sponsor [Caucus : CAUCUS]
"""

import datetime
import re
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

OTTAWA = ZoneInfo("America/Toronto")

ELECTRONIC, PAPER = "electronic", "paper"
ENGLISH, FRENCH = "en", "fr"
LIST, PARAGRAPHS = "list", "paragraphs"
NUMBERED, BULLETED = "numbered", "bulleted"
HOUSE, GOVERNMENT, MINISTER, MEMBER, SEVERAL = (
    "house",
    "government",
    "minister",
    "member",
    "several",
)

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

MONTHS = {
    ENGLISH: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
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

# The labels of each language; the kind line tells which language a page is in.
LABELS = {
    ENGLISH: {
        "kinds": {"E-petition": ELECTRONIC, "Paper petition": PAPER},
        "languages": {"English": ENGLISH, "French": FRENCH},
        "original_language": "Original language of petition:",
        "whereas": "Whereas:",
        "signed_by": "Signed by (Minister or Parliamentary Secretary):",
        "opened": "Open for signature",
        "closes": "Closes for signature",
        "closed": "Closed for signature",
        "presented": "Presented to the House of Commons",
        "response_tabled": "Government response tabled",
    },
    FRENCH: {
        "kinds": {"Pétition électronique": ELECTRONIC, "Pétition papier": PAPER},
        "languages": {"Anglais": ENGLISH, "Français": FRENCH},
        "original_language": "Langue d'origine de la pétition :",
        "whereas": "Attendu que :",
        "signed_by": "Signé par (ministre ou secrétaire parlementaire) :",
        "opened": "Ouverte pour signature",
        "closes": "Fermeture pour signature",
        "closed": "Fermée pour signature",
        "presented": "Présentée à la Chambre des communes",
        "response_tabled": "Réponse du gouvernement déposée",
    },
}
EXAMPLES = {
    ENGLISH: {
        "date": "October 26, 2020",
        "datetime": "September 15, 2020, at 9:30 a.m. (EDT)",
        "presented": "October 26, 2020 (Petition No. 432-00158)",
        "initiated": "Initiated by NAME from CITY, PROVINCE",
        "addressee": "Petition to the Government of Canada",
        "response": "Response by the Minister of …",
    },
    FRENCH: {
        "date": "26 octobre 2020",
        "datetime": "15 septembre 2020, à 9 h 30 (HAE)",
        "presented": "26 octobre 2020 (Pétition no 432-00158)",
        "initiated": "Lancée par NAME de CITY (PROVINCE)",
        "addressee": "Pétition au gouvernement du Canada",
        "response": "Réponse du ministre …",
    },
}

# Lines a browser copies from the site's header before the petition itself.
PAGE_CHROME = {
    "Skip to main content",
    "Start of content",
    "Passer au contenu principal",
    "Début du contenu",
}
# The older form of paper petitions, addressed to the House.
ASSEMBLED = {
    ENGLISH: "PETITION TO THE HOUSE OF COMMONS IN PARLIAMENT ASSEMBLED",
    FRENCH: "PÉTITION À LA CHAMBRE DES COMMUNES RÉUNIE EN PARLEMENT",
}

HEADING_RE = re.compile(
    r"^(?:e-(?P<e_number>[1-9]\d*)|(?P<petition_no>[1-9]\d[1-9]-\d{5})) \((?P<subject>.+)\)$"
)
BULLET_RE = re.compile(r"^[•·▪◦*-]\s*(?P<text>.+)$")
NUMBERED_RE = re.compile(r"^(?P<number>\d+)\.\s+(?P<text>.+)$")
SUB_ITEM_RE = re.compile(r"^\([a-z0-9ivx]+\)\s")
MEMBER_LINE_RE = re.compile(r"^(?P<name>.+?) \((?P<riding>.+)\)$")
PETITION_NO_IN_DATE = {
    ENGLISH: re.compile(r"^(?P<date>.+?) \(Petition No\. (?P<number>[1-9]\d[1-9]-\d{5})\)$"),
    FRENCH: re.compile(r"^(?P<date>.+?) \(Pétition n[o°º] (?P<number>[1-9]\d[1-9]-\d{5})\)$"),
}
DATE_RE = {
    ENGLISH: re.compile(r"^(?P<month>[A-Z][a-z]+) (?P<day>\d{1,2}), (?P<year>\d{4})$"),
    FRENCH: re.compile(r"^(?P<day>\d{1,2})(?:er)? (?P<month>[a-zéû]+) (?P<year>\d{4})$"),
}
DATETIME_RE = {
    ENGLISH: re.compile(
        r"^(?P<date>[A-Z][a-z]+ \d{1,2}, \d{4}), at (?P<hour>\d{1,2}):(?P<minute>\d{2}) "
        r"(?P<half>a\.m\.|p\.m\.) \((?P<zone>EDT|EST)\)$"
    ),
    FRENCH: re.compile(
        r"^(?P<date>\d{1,2}(?:er)? [a-zéû]+ \d{4}),? à (?P<hour>\d{1,2}) h(?: (?P<minute>\d{2}))? "
        r"\((?P<zone>HAE|HNE)\)$"
    ),
}
DAYLIGHT_ZONES = {"EDT", "HAE"}
# The whereas label with its colon lost: not the older form's "WHEREAS ..." sentence.
WHEREAS_MISTYPED = {"whereas", "attendu que"}


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
    office: str
    signer_name: str
    paragraphs: list[str]
    tabled_on: datetime.date | None = None

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
    original_language: str = ENGLISH
    addressee_kind: str = GOVERNMENT
    addressee_name: str = ""
    clause_style: str = LIST
    clauses: list[str] = field(default_factory=list)
    lead_in: str = ""
    demand_style: str = NUMBERED
    demands: list[str] = field(default_factory=list)
    response: PublishedResponse | None = None
    opened_at: datetime.datetime | None = None
    scheduled_close_at: datetime.datetime | None = None
    closed_at: datetime.datetime | None = None
    presented_on: datetime.date | None = None
    presenter: PublishedMember | None = None
    sponsor: PublishedMember | None = None

    @property
    def number(self):
        return f"e-{self.e_number}" if self.e_number else self.petition_no


def parse_page(text):
    """Read one published page; raise PageError at the first line that does not fit."""
    return _PageReader(text).read()


class _PageReader:
    def __init__(self, text):
        # Each non-blank line, stripped, with its line number in the pasted text.
        self.lines = [
            (number, " ".join(line.split()))
            for number, line in enumerate(text.replace("\r\n", "\n").split("\n"), start=1)
            if line.strip()
        ]
        self.index = 0
        self.language = ENGLISH

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

    def take_label(self, key):
        label = self.labels[key]
        if self.peek() != label:
            self.fail(f"“{label}”")
        self.index += 1

    def at(self, key):
        return self.peek() == self.labels[key]

    @property
    def labels(self):
        return LABELS[self.language]

    @property
    def examples(self):
        return EXAMPLES[self.language]

    # The page, top to bottom.

    def read(self):
        while self.peek() in PAGE_CHROME:
            self.index += 1
        heading = HEADING_RE.match(self.peek() or "")
        if not heading:
            self.fail("the heading, a number and subject like “e-2829 (Foreign affairs)”")
        self.index += 1
        kind = self._read_kind()
        page = PublishedPetition(
            language=self.language,
            kind=kind,
            subject=heading["subject"],
            e_number=int(heading["e_number"]) if heading["e_number"] else None,
            petition_no=heading["petition_no"],
        )
        if kind == ELECTRONIC and not page.e_number:
            raise PageError(self.lines[0][0], "an e-petition's heading starts with its e-number")
        if kind == PAPER and not page.petition_no:
            raise PageError(self.lines[0][0], "a paper petition's heading is its Petition No.")
        if kind == ELECTRONIC:
            self._read_initiator(page)
        self._read_original_language(page)
        self._read_addressee(page)
        self._read_text(page)
        self._read_response(page)
        self._read_history(page)
        self._read_sponsor(page)
        if self.peek() is not None:
            self.fail("the end of the page after the sponsor's province")
        return page

    def _read_kind(self):
        line = self.peek()
        for language, labels in LABELS.items():
            if line in labels["kinds"]:
                self.language = language
                self.index += 1
                return labels["kinds"][line]
        self.fail(
            "the kind of petition: “E-petition”, “Paper petition”, "
            "“Pétition électronique” or “Pétition papier”"
        )

    def _read_initiator(self, page):
        line = self.peek() or ""
        if self.language == ENGLISH:
            match = re.match(
                r"^Initiated by (?P<name>.+) from (?P<city>.+), (?P<province>.+)$", line
            )
        else:
            # The city is after the last " de ": names may hold "de" ("Marie de Vos").
            match = re.match(
                r"^Lancée par (?P<name>.+) de (?P<city>.+) \((?P<province>.+)\)$", line
            )
        if not match or match["province"] not in PROVINCES[self.language]:
            self.fail(f"the initiator, “{self.examples['initiated']}”")
        page.initiator_name = match["name"]
        page.initiator_city = match["city"]
        page.initiator_province = PROVINCES[self.language][match["province"]]
        self.index += 1

    def _read_original_language(self, page):
        label = self.labels["original_language"]
        line = self.peek() or ""
        value = line.removeprefix(label).strip()
        if not line.startswith(label) or value not in self.labels["languages"]:
            names = " or ".join(self.labels["languages"])
            self.fail(f"“{label} {names}”")
        page.original_language = self.labels["languages"][value]
        self.index += 1

    def _read_addressee(self, page):
        line = self.peek() or ""
        if line == ASSEMBLED[self.language]:
            page.addressee_kind = HOUSE
            self.index += 1
            return
        if self.language == ENGLISH:
            match = re.match(r"^Petition to (?:the )?(?P<name>.+)$", line)
        else:
            match = re.match(r"^Pétition (?P<article>au |à la |à l'|à l’|aux )(?P<name>.+)$", line)
        if not match:
            self.fail(f"the addressee, “{self.examples['addressee']}”")
        page.addressee_kind, page.addressee_name = addressee(match["name"], self.language)
        if page.addressee_name and self.language == FRENCH:
            page.addressee_name = with_article(match["article"], page.addressee_name)
        self.index += 1

    def _read_text(self, page):
        if self.at("whereas"):
            self.index += 1
            page.clause_style = LIST
            while (match := BULLET_RE.match(self.peek() or "")) is not None:
                page.clauses.append(match["text"])
                self.index += 1
            if not page.clauses:
                self.fail("a whereas clause starting with “•”")
            if self._at_requests_or_end():
                self.fail("the prayer's lead-in after the whereas clauses")
            page.lead_in = self.take("the prayer's lead-in")
        elif (self.peek() or "").rstrip(" :").lower() in WHEREAS_MISTYPED:
            self.fail(f"“{self.labels['whereas']}”")
        else:
            # Older form: each grievance a paragraph ("THAT ..."), the last paragraph
            # before the requests is the lead-in ("THEREFORE your petitioners ...").
            paragraphs = []
            while self.peek() is not None and not self._at_requests_or_end():
                paragraphs.append(self.take("a paragraph"))
            if not paragraphs:
                self.fail("the prayer's lead-in")
            page.clauses, page.lead_in = paragraphs[:-1], paragraphs[-1]
            page.clause_style = PARAGRAPHS if page.clauses else LIST
        self._read_demands(page)

    def _at_requests_or_end(self):
        line = self.peek() or ""
        return bool(
            NUMBERED_RE.match(line)
            or BULLET_RE.match(line)
            or self._at_response()
            or self._at_history()
        )

    def _read_demands(self, page):
        line = self.peek() or ""
        if NUMBERED_RE.match(line):
            page.demand_style = NUMBERED
            while (match := NUMBERED_RE.match(self.peek() or "")) is not None:
                expected = len(page.demands) + 1
                if int(match["number"]) != expected:
                    self.fail(f"request number {expected}")
                self.index += 1
                page.demands.append(self._with_sub_items(match["text"]))
        elif BULLET_RE.match(line):
            page.demand_style = BULLETED
            while (match := BULLET_RE.match(self.peek() or "")) is not None:
                self.index += 1
                page.demands.append(self._with_sub_items(match["text"]))
        elif page.lead_in.endswith(":"):
            self.fail("the requests (“1. …” or “• …”) after a lead-in ending with “:”")

    def _with_sub_items(self, text):
        lines = [text]
        while SUB_ITEM_RE.match(self.peek() or ""):
            lines.append(self.take("a sub-item"))
        return "\n".join(lines)

    def _at_response(self):
        line = self.peek() or ""
        if self.language == ENGLISH:
            return line.startswith("Response by the ")
        return re.match(r"^Réponse (?:du |de la |de l'|de l’|des )", line) is not None and not (
            self.at("response_tabled")
        )

    def _at_history(self):
        return any(
            self.at(key) for key in ("opened", "closes", "closed", "presented", "response_tabled")
        )

    def _read_response(self, page):
        if not self._at_response():
            return
        line = self.take("the response heading")
        if self.language == ENGLISH:
            office = line.removeprefix("Response by the ")
        else:
            match = re.match(
                r"^Réponse (?P<article>du |de la |de l'|de l’|des )(?P<name>.+)$", line
            )
            office = with_article(match["article"], match["name"])
        label = self.labels["signed_by"]
        signed = self.peek() or ""
        if not signed.startswith(label) or not signed.removeprefix(label).strip():
            self.fail(f"“{label} NAME”")
        self.index += 1
        paragraphs = []
        while self.peek() is not None and not self._at_history():
            paragraphs.append(self.take("a paragraph of the response"))
        if not paragraphs:
            self.fail("the text of the response")
        page.response = PublishedResponse(
            office=office, signer_name=signed.removeprefix(label).strip(), paragraphs=paragraphs
        )

    def _read_history(self, page):
        if self.at("opened"):
            self.index += 1
            page.opened_at = self._read_datetime()
        elif page.kind == ELECTRONIC:
            self.fail(f"“{self.labels['opened']}” and the date it opened")
        if self.at("closes"):
            self.index += 1
            page.scheduled_close_at = self._read_datetime()
        elif self.at("closed"):
            self.index += 1
            page.closed_at = page.scheduled_close_at = self._read_datetime()
        elif page.kind == ELECTRONIC:
            self.fail(f"“{self.labels['closed']}” or “{self.labels['closes']}”")
        if self.at("presented"):
            self.index += 1
            self._read_presentation(page)
        elif page.kind == PAPER:
            self.fail(f"“{self.labels['presented']}”")
        if self.at("response_tabled"):
            if page.response is None:
                self.fail("no response date: the page shows no response")
            self.index += 1
            page.response.tabled_on = self._read_date()
        elif page.response is not None:
            self.fail(f"“{self.labels['response_tabled']}” and the date, after the response")

    def _read_presentation(self, page):
        line_number = self.line_number
        match = MEMBER_LINE_RE.match(self.peek() or "")
        if not match:
            self.fail("the presenting Member, “NAME (RIDING)”")
        self.index += 1
        page.presenter = PublishedMember(match["name"], line_number, riding=match["riding"])
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
        if line is None and page.kind == PAPER:
            return
        if not (line or "").startswith("Photo - "):
            self.fail("the sponsoring Member, “Photo - NAME”")
        sponsor = PublishedMember(line.removeprefix("Photo - "), self.line_number)
        self.index += 1
        sponsor.riding = self.take("the sponsor's riding")
        caucus = self.take("the sponsor's caucus")
        if self.language == ENGLISH:
            sponsor.caucus = caucus.removesuffix(" Caucus")
        else:
            sponsor.caucus = caucus.removeprefix("Caucus :").strip()
        province = self.peek()
        if province not in PROVINCES[self.language]:
            self.fail("the sponsor's province or territory")
        sponsor.province = PROVINCES[self.language][province]
        self.index += 1
        page.sponsor = sponsor

    # Dates, in Ottawa time.

    def _read_date(self):
        value = self._date(self.peek() or "")
        self.index += 1
        return value

    def _date(self, text):
        match = DATE_RE[self.language].match(text)
        months = MONTHS[self.language]
        if not match or match["month"] not in months:
            self.fail(f"a date like “{self.examples['date']}”")
        try:
            return datetime.date(
                int(match["year"]), months.index(match["month"]) + 1, int(match["day"])
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
            hour = hour % 12 + (12 if match["half"] == "p.m." else 0)
        if hour > 23 or minute > 59:
            self.fail(f"a time of day like “{self.examples['datetime']}”")
        moment = datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=OTTAWA)
        if bool(moment.dst()) != (match["zone"] in DAYLIGHT_ZONES):
            self.fail("the time zone in force in Ottawa on that date (EDT or EST, HAE or HNE)")
        self.index += 1
        return moment


# A French name is kept with its article unless masculine singular, the form
# petitions/languages.py contracts again: "à la ministre" keeps "la ministre",
# "au ministre" and "du ministre" keep "ministre".
KEPT_ARTICLES = {"à la ": "la ", "de la ": "la ", "à l'": "l'", "de l'": "l'", "à l’": "l’",
                 "de l’": "l’", "aux ": "les ", "des ": "les "}  # fmt: skip


def with_article(contraction, name):
    return KEPT_ARTICLES.get(contraction, "") + name


def addressee(name, language):
    """The kind of addressee and the name to keep for it ("" for the House, the Government)."""
    house, government, minister, joiner = {
        ENGLISH: ("House of Commons", "Government of Canada", "Minister", " and "),
        FRENCH: ("Chambre des communes", "gouvernement du Canada", "ministre", " et "),
    }[language]
    if name == house:
        return HOUSE, ""
    if name == government:
        return GOVERNMENT, ""
    if joiner in name:
        return SEVERAL, name
    if minister.lower() in name.lower():
        return MINISTER, name
    return MEMBER, name
