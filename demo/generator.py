"""Made-up petitions at scale, as rows ready for bulk loading.

Everything comes from one seeded random generator, so the same arguments give
the same records. Rows are plain tuples in the column order of each table of
``TABLES``, which the models give (demo.tables).
"""

import datetime as dt
import random

from petitions import documents, indexing, rules
from petitions.choices import (
    AddresseeKind,
    Kind,
    PartStyle,
    Province,
    Status,
)
from petitions.models import SEARCH_VECTORS, Demand, Petition, SignatureCount, WhereasClause
from petitions.rules import CERTIFICATION_THRESHOLD, OTTAWA, RESPONSE_DAYS, SIGNING_PERIODS
from petitions.search import FTS_TABLE
from responses.models import GovernmentResponse

from . import vocabulary as words
from .tables import Table

# The tables a batch fills, in loading order. Petitions' ids are given (their parts refer
# to them); the parts' ids come from the tables' sequences. The search vectors are
# computed by the database as the petitions go in (demo.staging).
TABLES = {
    table.name: table
    for table in (
        Table(Petition, left_to_database=SEARCH_VECTORS),
        *(
            Table(model, left_to_database=("id",))
            for model in (
                WhereasClause,
                Demand,
                GovernmentResponse,
                SignatureCount,
                Petition.keywords.through,
            )
        ),
    )
}
PETITIONS = Petition._meta.db_table

PROVINCES = [p.value for p in Province]
WHEREAS = ("Whereas:", "Attendu que :")
MAX_SERIAL = 99_999  # Petition Nos. run from PPS-00001 to PPS-99999 in a session
E_PETITION_ERA_WEIGHT = 4
# Rough shares of the population, so signatures look like Canada's.
PROVINCE_WEIGHTS = [12, 14, 4, 2, 1, 3, 0.2, 0.1, 39, 0.5, 22, 3, 0.1]


def session_shares(total, weights, rooms):
    """How many petitions each session gets: in proportion to its weight, within its room."""
    shares = [0] * len(weights)
    left = total
    active = [i for i, room in enumerate(rooms) if room > 0]
    while left and active:
        weight = sum(weights[i] for i in active) or len(active)
        given = 0
        for i in active:
            want = max(left * (weights[i] or 1) // weight, 1)
            take = min(want, rooms[i] - shares[i], left - given)
            shares[i] += take
            given += take
        left -= given
        active = [i for i in active if shares[i] < rooms[i]]
    if left:
        raise ValueError(f"The sessions have Petition Nos. for {total - left:,} more petitions.")
    return shares


def make_place_names(rng, count):
    """Invented place names: rare words for search to find."""
    names = set()
    while len(names) < count:
        name = "".join(rng.choice(words.SYLLABLES) for _ in range(rng.randint(2, 4)))
        names.add(name.capitalize())
    return sorted(names)


class PetitionFactory:
    def __init__(self, seed, reference, first_e_number, used_serials, today, index_rows=False):
        """``index_rows``: also make each petition's row of SQLite's full-text index."""
        self.rng = random.Random(seed)
        self.index_rows = index_rows
        self.ref = reference
        self.next_id = None
        self.e_number = first_e_number
        # Petition No. serials already taken in each session, and the last one given.
        self.used_serials = used_serials
        self.serials = {}
        self.today = today
        self.now = dt.datetime.now(dt.UTC)
        self.places = make_place_names(self.rng, 20_000)
        self.e_from = dt.date.fromisoformat(words.E_PETITIONS_FROM)

    def session_counts(self, total):
        """How many petitions each session gets; ValueError when they cannot number that many."""
        sessions = self.ref["sessions"]
        # Petitions per day of sitting; e-petitions brought many more.
        weights = [
            ((s["ended_on"] or self.today) - s["started_on"]).days
            * (E_PETITION_ERA_WEIGHT if s["started_on"] >= self.e_from else 1)
            for s in sessions
        ]
        # Any petition may be presented: a session takes no more than its free serials.
        rooms = [MAX_SERIAL - len(self.used_serials.get(s["id"], ())) for s in sessions]
        return session_shares(total, weights, rooms)

    def batches(self, session_counts, first_id, batch_size=5_000):
        """Batches of rows by table, session after session, oldest first; the petitions'
        ids from ``first_id`` on."""
        self.next_id = first_id
        batch = self._empty()
        for session, count in zip(self.ref["sessions"], session_counts, strict=True):
            start, end = session["started_on"], session["ended_on"] or self.today
            span = (end - start).days
            offsets = sorted(self.rng.random() * span for _ in range(count))
            for offset in offsets:
                self._petition(batch, session, start + dt.timedelta(days=int(offset)), end)
                if len(batch[PETITIONS]) >= batch_size:
                    yield batch
                    batch = self._empty()
        if batch[PETITIONS]:
            yield batch

    def _next_serial(self, session_id):
        used = self.used_serials.get(session_id, ())
        serial = self.serials.get(session_id, 0) + 1
        while serial in used:
            serial += 1
        self.serials[session_id] = serial
        return serial

    def _empty(self):
        tables = [*TABLES, FTS_TABLE] if self.index_rows else TABLES
        return {table: [] for table in tables}

    def _petition(self, batch, session, day, session_end):
        rng = self.rng
        electronic = day >= self.e_from and rng.random() < 0.8
        kind = Kind.ELECTRONIC if electronic else Kind.PAPER
        topic_en, topic_fr = rng.choice(words.TOPICS)
        place = rng.choice(self.places)
        year = str(rng.randint(1995, 2024))
        fill = {"place": place, "year": year}
        en = {**fill, "topic": topic_en}
        fr = {**fill, "topic": topic_fr}
        language = "fr" if rng.random() < 0.22 else "en"
        member = rng.choice(self.ref["members"])

        dates = self._timeline(kind, day, session_end)
        status = dates.pop("status")
        signatures = dates.pop("signatures")
        petition_no = None
        if dates["presented_on"]:
            petition_no = f"{session['code']}-{self._next_serial(session['id']):05d}"
        response_late = None
        if dates["tabled_on"]:
            response_late = rules.is_late(dates["presented_on"], dates["tabled_on"])
        e_number = None
        if electronic:
            e_number = self.e_number
            self.e_number += 1

        addressee = rng.choices(
            [AddresseeKind.GOVERNMENT, AddresseeKind.HOUSE, AddresseeKind.MINISTER],
            weights=[6, 3, 1],
        )[0]
        addressee_en = addressee_fr = None
        if addressee == AddresseeKind.MINISTER:
            addressee_en, addressee_fr = rng.choice(words.OFFICES)
        label_en = {
            AddresseeKind.GOVERNMENT: "Government of Canada",
            AddresseeKind.HOUSE: "House of Commons",
        }.get(addressee, addressee_en)
        label_fr = {
            AddresseeKind.GOVERNMENT: "gouvernement du Canada",
            AddresseeKind.HOUSE: "Chambre des communes",
        }.get(addressee, addressee_fr)

        pid = self.next_id
        self.next_id += 1
        if kind == Kind.PAPER:
            lead_en = words.PAPER_LEAD_IN[0].format(**en)
            lead_fr = words.PAPER_LEAD_IN[1].format(**fr)
            clause_style, demand_count = PartStyle.PARAGRAPHS, 0
        else:
            template = rng.choice(words.LEAD_INS)
            lead_en = template[0].format(addressee=label_en)
            lead_fr = template[1].format(addressee=label_fr)
            clause_style, demand_count = PartStyle.BULLETED, rng.randint(1, 10)
        clause_count = rng.randint(0, 8)
        clauses = {"en": [], "fr": []}
        for position in range(1, clause_count + 1):
            text_en, text_fr = rng.choice(words.CLAUSES)
            text_en, text_fr = text_en.format(**en), text_fr.format(**fr)
            if kind == Kind.PAPER:
                text_en, text_fr = f"THAT {text_en}", f"QUE {text_fr}"
            clauses["en"].append(text_en)
            clauses["fr"].append(text_fr)
            self._add(batch, WhereasClause, petition_id=pid, position=position,
                      text=text_en, text_en=text_en, text_fr=text_fr)  # fmt: skip
        demands = {"en": [], "fr": []}
        for position in range(1, demand_count + 1):
            text_en, text_fr = rng.choice(words.DEMANDS)
            text_en, text_fr = text_en.format(**en), text_fr.format(**fr)
            demands["en"].append(text_en)
            demands["fr"].append(text_fr)
            self._add(batch, Demand, petition_id=pid, position=position,
                      text=text_en, text_en=text_en, text_fr=text_fr)  # fmt: skip
        response = None
        if dates["tabled_on"]:
            office_en, office_fr = rng.choice(words.OFFICES)
            chosen = rng.sample(words.RESPONSE_PARAGRAPHS, rng.randint(2, 4))
            text_en = "\n\n".join(p[0].format(**en) for p in chosen)
            text_fr = "\n\n".join(p[1].format(**fr) for p in chosen)
            response = {
                "office": office_en, "office_en": office_en, "office_fr": office_fr,
                "signer_name": f"The Honourable {self._person()}",
                "signer_capacity": "minister", "text": text_en, "text_en": text_en,
                "text_fr": text_fr, "tabled_on": dates["tabled_on"], "sessional_paper": "",
            }  # fmt: skip
        prayer = {"en": lead_en, "fr": lead_fr}
        intro = clause_style == PartStyle.BULLETED and clause_count
        # What lists and searches show, as petitions.indexing computes it on a save.
        derived = {}
        for language, whereas in zip(("en", "fr"), WHEREAS, strict=True):
            derived[f"asks_{language}"] = documents.what_it_asks(
                prayer[language], demands[language]
            )
            derived[f"search_text_{language}"] = documents.search_text(
                whereas if intro else "",
                *clauses[language],
                prayer[language],
                *demands[language],
                response[f"text_{language}"] if response else "",
            )
        initiator = (
            ("", "", "")
            if kind == Kind.PAPER
            else (self._person(), rng.choice(self.places), rng.choice(PROVINCES))
        )
        self._add(
            batch, Petition, **derived, id=pid, kind=kind, e_number=e_number,
            petition_no=petition_no,
            session_id=session["id"], subject_id=rng.choice(self.ref["subjects"]),
            initiator_name=initiator[0], initiator_city=initiator[1],
            initiator_province=initiator[2], original_language=language,
            addressee_kind=addressee, addressee_name=addressee_en or "",
            addressee_name_en=addressee_en, addressee_name_fr=addressee_fr,
            original_language_label="", addressee_line="", closing="",
            grievance_intro=WHEREAS[0] if intro else "",
            grievance_intro_en=WHEREAS[0] if intro else None,
            grievance_intro_fr=WHEREAS[1] if intro else None,
            clause_style=clause_style, lead_in=lead_en, lead_in_en=lead_en, lead_in_fr=lead_fr,
            demand_style=rng.choice([PartStyle.NUMBERED, PartStyle.NUMBERED, PartStyle.BULLETED]),
            status=status, opened_at=dates["opened_at"],
            scheduled_close_at=dates["scheduled_close_at"], closed_at=dates["closed_at"],
            certified_on=dates["certified_on"], presented_on=dates["presented_on"],
            sponsor_id=member, sponsor_name=self.ref["member_names"][member],
            presenter_id=member if dates["presented_on"] else None,
            signatures=signatures, response_late=response_late, made_up=True,
            created_at=self.now, updated_at=self.now,
        )  # fmt: skip
        keywords = rng.sample(self.ref["keywords"], rng.randint(0, 3))
        for keyword in keywords:
            self._add(batch, Petition.keywords.through, petition_id=pid, keyword_id=keyword)
        if kind == Kind.ELECTRONIC and signatures:
            self._signatures(batch, pid, signatures)
        if response:
            self._add(batch, GovernmentResponse, petition_id=pid, **response)
        if self.index_rows:
            batch[FTS_TABLE].append(self._index_row(batch[PETITIONS][-1], keywords))

    def _add(self, batch, model, **values):
        table = model._meta.db_table
        batch[table].append(TABLES[table].row(values))

    def _index_row(self, row, keywords):
        """The petition's row of the full-text index, as petitions.indexing.fts_row makes it."""
        petition = dict(zip(TABLES[PETITIONS].columns, row, strict=True))
        names = self.ref["names"]
        # In the order the petition's keywords are read: by name.
        keyword_names = sorted(names["keyword", keyword] for keyword in keywords)
        terms = indexing.fts_terms(
            indexing.numbers(petition["e_number"], petition["petition_no"]),
            "",  # a made-up response has no sessional paper
            petition["initiator_name"],
            petition["initiator_city"],
            names["subject", petition["subject_id"]],
            (petition["addressee_name_en"], petition["addressee_name_fr"]),
            [name for pair in keyword_names for name in pair],
        )
        return (petition["id"], petition["search_text_en"], petition["search_text_fr"], terms)

    def _person(self):
        return f"{self.rng.choice(words.FIRST_NAMES)} {self.rng.choice(words.LAST_NAMES)}"

    def _signatures(self, batch, pid, total):
        provinces = self.rng.choices(PROVINCES, weights=PROVINCE_WEIGHTS, k=self.rng.randint(1, 5))
        remaining = total
        for province in dict.fromkeys(provinces):
            count = self.rng.randint(0, remaining)
            remaining -= count
            self._add(batch, SignatureCount, petition_id=pid, province=province, count=count)

    def _timeline(self, kind, day, session_end):
        """Dates and status of one petition that starts on ``day``."""
        rng = self.rng
        ended = session_end < self.today
        out = dict.fromkeys(
            ("opened_at", "scheduled_close_at", "closed_at", "certified_on", "presented_on"),
        )
        out["tabled_on"] = None
        threshold = CERTIFICATION_THRESHOLD[kind]
        if kind == Kind.PAPER:
            presented = min(day, session_end)
            out["presented_on"] = presented
            if rng.random() < 0.5:
                out["certified_on"] = presented - dt.timedelta(days=rng.randint(0, 10))
            out["signatures"] = rng.randint(threshold, 600)
            return self._response(out, presented, ended)
        minutes = rng.randrange(9 * 60, 16 * 60, 5)
        opened = dt.datetime(
            day.year, day.month, day.day, minutes // 60, minutes % 60, tzinfo=OTTAWA
        )
        period = rng.choices(SIGNING_PERIODS, weights=[1, 1, 2, 6])[0]
        end_day = day + dt.timedelta(days=period)
        scheduled = opened.replace(year=end_day.year, month=end_day.month, day=end_day.day)
        out["opened_at"], out["scheduled_close_at"] = opened, scheduled
        signatures = int(10 ** rng.uniform(1.5, 4.6))
        out["signatures"] = signatures
        if scheduled.date() > session_end:
            if ended:
                out["closed_at"] = opened.replace(
                    year=session_end.year, month=session_end.month, day=session_end.day
                )
                if out["closed_at"] <= opened:
                    out["closed_at"] = opened + dt.timedelta(hours=1)
                out["status"] = Status.CLOSED_DISSOLUTION
                return out
            out["signatures"] = None
            out["status"] = Status.OPEN
            return out
        out["closed_at"] = scheduled
        if signatures < threshold:
            out["status"] = Status.NOT_CERTIFIED
            return out
        certified = scheduled.date() + dt.timedelta(days=rng.randint(1, 14))
        if certified > self.today:
            out["status"] = Status.AWAITING_CERTIFICATION
            return out
        out["certified_on"] = certified
        presented = certified + dt.timedelta(days=rng.randint(3, 40))
        if presented > session_end or presented > self.today:
            out["status"] = Status.CLOSED_DISSOLUTION if ended else Status.CERTIFIED
            return out
        out["presented_on"] = presented
        return self._response(out, presented, ended)

    def _response(self, out, presented, ended):
        rng = self.rng
        late = rng.random() < 0.15
        days = rng.randint(RESPONSE_DAYS + 1, 90) if late else rng.randint(15, RESPONSE_DAYS)
        tabled = presented + dt.timedelta(days=days)
        if tabled > self.today or (ended and rng.random() < 0.03):
            out["status"] = Status.UNANSWERED_DISSOLUTION if ended else Status.PRESENTED
            return out
        out["tabled_on"] = tabled
        out["status"] = Status.RESPONDED
        return out
