"""Creating or updating a petition from the text of its published page.

One page, one transaction: the record is written whole or not at all. An English
page writes the English texts, a French page the French ones, of the same petition
found by its number; the values both pages show (numbers, dates, Members) are taken
from whichever page is imported last.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.text import slugify

from petitions.forms import POSITION_PARKING_OFFSET
from petitions.models import Demand, Member, ParliamentSession, Petition, Subject, WhereasClause
from responses.models import GovernmentResponse

from .published_page import ENGLISH, FRENCH, PageError, parse_page

# Sessions since e-petitions began, so that a page presented in one of them can
# be imported into an empty database. Others are added in the admin first.
KNOWN_SESSIONS = {
    (42, 1): (datetime.date(2015, 12, 3), datetime.date(2019, 9, 11)),
    (43, 1): (datetime.date(2019, 12, 5), datetime.date(2020, 8, 18)),
    (43, 2): (datetime.date(2020, 9, 23), datetime.date(2021, 8, 15)),
    (44, 1): (datetime.date(2021, 11, 22), datetime.date(2025, 1, 6)),
    (45, 1): (datetime.date(2025, 5, 26), None),
}


class RecordError(Exception):
    """The page was read but cannot be recorded; the message says why."""


@dataclass
class ImportResult:
    petition: Petition
    created: bool
    language: str


def import_page(text):
    """Read a page and record it; raise PageError or RecordError, saving nothing."""
    page = parse_page(text)
    with transaction.atomic():
        return _Importer(page).run()


def error_messages(error):
    """The sentences of a ValidationError, each with the field it concerns."""
    if hasattr(error, "message_dict"):
        return [
            f"{field}: {message}" if field != "__all__" else message
            for field, messages in error.message_dict.items()
            for message in messages
        ]
    return list(error.messages)


class _Importer:
    def __init__(self, page):
        self.page = page
        self.lang = page.language
        self.other = FRENCH if self.lang == ENGLISH else ENGLISH

    def run(self):
        page = self.page
        petition = self.find_petition()
        created = petition is None
        if created:
            petition = Petition()
        petition.kind = page.kind
        petition.e_number = page.e_number
        petition.petition_no = page.petition_no
        petition.session = self.session()
        petition.subject = self.subject(petition if not created else None)
        petition.initiator_name = page.initiator_name
        petition.initiator_city = page.initiator_city
        petition.initiator_province = page.initiator_province
        petition.original_language = page.original_language
        petition.addressee_kind = page.addressee_kind
        if page.addressee_name:
            self.set_text(petition, "addressee_name", page.addressee_name)
        else:
            # The House and the Government need no name, in either language.
            petition.addressee_name_en = petition.addressee_name_fr = None
        petition.clause_style = page.clause_style
        self.set_text(petition, "lead_in", page.lead_in)
        petition.demand_style = page.demand_style
        petition.opened_at = page.opened_at
        petition.scheduled_close_at = page.scheduled_close_at
        petition.closed_at = page.closed_at
        petition.presented_on = page.presented_on
        petition.sponsor = self.member(page.sponsor) if page.sponsor else None
        petition.presenter = self.presenter()
        if petition.sponsor is None and petition.presenter is not None:
            petition.sponsor = petition.presenter
        petition.status = self.status(petition)
        self.check(petition)
        petition.save()
        self.write_parts(petition, WhereasClause, "clauses", page.clauses)
        self.write_parts(petition, Demand, "demands", page.demands)
        self.write_response(petition)
        return ImportResult(petition, created, self.lang)

    def set_text(self, instance, name, value):
        setattr(instance, f"{name}_{self.lang}", value)

    def check(self, instance, exclude=None):
        try:
            instance.full_clean(exclude=exclude)
        except ValidationError as error:
            raise RecordError(f"{self.page.number}: " + " ".join(error_messages(error))) from error

    def find_petition(self):
        page = self.page
        by_number = Petition.objects.select_for_update()
        found = by_number.filter(e_number=page.e_number).first() if page.e_number else None
        if page.petition_no:
            by_petition_no = by_number.filter(petition_no=page.petition_no).first()
            if found is None:
                found = by_petition_no
            elif by_petition_no is not None and by_petition_no != found:
                raise RecordError(
                    f"Petition No. {page.petition_no} belongs to {by_petition_no.number}, "
                    f"not to {found.number}."
                )
        return found

    def session(self):
        page = self.page
        if page.petition_no:
            code = page.petition_no[:3]
            key = (int(code[:2]), int(code[2]))
            found = ParliamentSession.objects.filter(parliament=key[0], number=key[1]).first()
        else:
            # Not yet presented: the session the petition opened in.
            day = page.opened_at.date()
            found = (
                ParliamentSession.objects.filter(started_on__lte=day)
                .exclude(ended_on__lt=day)
                .order_by("-started_on")
                .first()
            )
            key = next(
                (
                    key
                    for key, (start, end) in KNOWN_SESSIONS.items()
                    if start <= day and (end is None or day <= end)
                ),
                None,
            )
        if found:
            return found
        if key not in KNOWN_SESSIONS:
            which = f"{key[0]}-{key[1]}" if key else f"open on {page.opened_at.date()}"
            raise RecordError(
                f"No Parliament session {which} in the record: add it in the admin first."
            )
        started_on, ended_on = KNOWN_SESSIONS[key]
        return ParliamentSession.objects.create(
            parliament=key[0], number=key[1], started_on=started_on, ended_on=ended_on
        )

    def subject(self, petition):
        name = self.page.subject
        found = Subject.objects.filter(**{f"name_{self.lang}__iexact": name}).first()
        if found:
            return found
        if petition is not None and not getattr(petition.subject, f"name_{self.lang}"):
            # The other language's page named this subject first: this is its translation.
            subject = petition.subject
            self.set_text(subject, "name", name)
            subject.save()
            return subject
        subject = Subject(slug=unique_slug(Subject, name))
        self.set_text(subject, "name", name)
        self.check(subject)
        subject.save()
        return subject

    def member(self, published):
        member = Member.objects.filter(slug=slugify(published.name)).first() or Member(
            name=published.name, slug=unique_slug(Member, published.name)
        )
        self.set_text(member, "riding", published.riding)
        self.set_text(member, "caucus", published.caucus)
        member.province = published.province
        self.check(member, exclude=["photo"])
        member.save()
        return member

    def presenter(self):
        published = self.page.presenter
        if published is None:
            return None
        sponsor = self.page.sponsor
        if sponsor and slugify(sponsor.name) == slugify(published.name):
            return Member.objects.get(slug=slugify(sponsor.name))
        found = Member.objects.filter(slug=slugify(published.name)).first()
        if found is None:
            raise PageError(
                published.line,
                f"the presenting Member “{published.name}” is not in the record; "
                "add them in the admin first (the page does not show their province).",
            )
        return found

    def status(self, petition):
        has_response = self.page.response is not None
        expected = petition.expected_statuses(has_response=has_response)
        # A clerk's status that still agrees with the dates is kept.
        if petition.status in expected:
            return petition.status
        return expected[0]

    def write_parts(self, petition, model, label, texts):
        """The page's clauses (or demands) in order; the other language's kept in step."""
        existing = list(model.objects.filter(petition=petition).order_by("position"))
        other_texts = [getattr(part, f"text_{self.other}") for part in existing]
        if any(other_texts) and len(existing) != len(texts):
            raise RecordError(
                f"{petition.number}: this page has {len(texts)} {label} but the record has "
                f"{len(existing)} with their {LANGUAGE_NAMES[self.other]} text; "
                "correct the record in the admin first."
            )
        for part in existing[len(texts) :]:
            part.delete()
        # Parked out of the way first, so that renumbering never meets the unique constraint.
        model.objects.filter(petition=petition).update(
            position=F("position") + POSITION_PARKING_OFFSET
        )
        for position, text in enumerate(texts, start=1):
            part = existing[position - 1] if position <= len(existing) else model(petition=petition)
            part.position = position
            self.set_text(part, "text", text)
            self.check(part, exclude=["petition"])
            part.save()

    def write_response(self, petition):
        published = self.page.response
        response = GovernmentResponse.objects.filter(petition=petition).first()
        if published is None:
            if response is not None:
                raise RecordError(
                    f"{petition.number}: the record has a government response that this "
                    "page does not show; delete it in the admin first if it is wrong."
                )
            return
        if response is None:
            response = GovernmentResponse(petition=petition)
        self.set_text(response, "office", published.office)
        self.set_text(response, "text", published.text)
        # The signer's name is not translated: the English page's form is kept.
        if self.lang == ENGLISH or not response.signer_name:
            response.signer_name = published.signer_name
        response.tabled_on = published.tabled_on
        self.check(response, exclude=["petition"])
        response.save()


LANGUAGE_NAMES = {ENGLISH: "English", FRENCH: "French"}


def unique_slug(model, name):
    base = slugify(name)[:190] or "item"
    slug, counter = base, 2
    while model.objects.filter(slug=slug).exists():
        slug, counter = f"{base}-{counter}", counter + 1
    return slug
