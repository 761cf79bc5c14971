"""Creating or updating a petition from the text of its published page.

One page, one transaction: the record is written whole or not at all. An English
page writes the English texts, a French page the French ones, of the same petition
found by its number; the values both pages show (numbers, dates, Members) are taken
from whichever page is imported last.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from petitions import rules
from petitions.models import (
    Demand,
    Member,
    ParliamentSession,
    Petition,
    Subject,
    WhereasClause,
)
from responses.models import GovernmentResponse

from .published_page import ENGLISH, FRENCH, parse_page


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
        self.set_text(petition, "original_language_label", page.original_language_label)
        petition.addressee_kind = page.addressee_kind
        if page.addressee_name:
            self.set_text(petition, "addressee_name", page.addressee_name)
        else:
            # The House and the Government need no name, in either language.
            petition.addressee_name_en = petition.addressee_name_fr = None
        self.set_text(petition, "addressee_line", page.addressee_line)
        self.set_text(petition, "grievance_intro", "\n\n".join(page.grievance_intro))
        # Without clauses (or requests) the page says nothing of their style.
        if page.clauses:
            petition.clause_style = page.clause_style
        self.set_text(petition, "lead_in", page.lead_in)
        if page.demands:
            petition.demand_style = page.demand_style
        self.set_text(petition, "closing", "\n\n".join(page.closing))
        petition.opened_at = page.opened_at
        petition.closed_at = page.closed_at
        petition.scheduled_close_at = self.scheduled_close(petition)
        if page.certified_on:
            petition.certified_on = page.certified_on
        petition.presented_on = page.presented_on
        petition.sponsor, petition.presenter = self.members()
        petition.status = self.status(petition)
        self.check(petition)
        petition.save()
        self.write_parts(petition, WhereasClause, "clauses", page.clauses)
        self.write_parts(petition, Demand, "demands", page.demands)
        self.write_response(petition)
        return ImportResult(petition, created, self.lang)

    def set_text(self, instance, name, value):
        # An empty text is no text in that language, as the admin and fixtures keep it.
        setattr(instance, f"{name}_{self.lang}", value or None)

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
        """From the Petition No.; else the session in force when the petition opened."""
        page = self.page
        try:
            if page.petition_no:
                return ParliamentSession.objects.get_by_code(page.petition_no[:3])
        except ParliamentSession.DoesNotExist as error:
            raise RecordError(f"{error} Add it in the admin first.") from error
        found = ParliamentSession.objects.in_force_on(rules.ottawa_date(page.opened_at))
        if found is None:
            raise RecordError(
                f"No Parliament session sitting on {page.opened_at.date()} in the record: "
                "add it in the admin first."
            )
        return found

    def scheduled_close(self, petition):
        """The scheduled closing: printed while open; once closed, the closing when it
        ends a regular signing period, else (closed early) what the record had.
        """
        page = self.page
        if page.scheduled_close_at or not page.closed_at:
            return page.scheduled_close_at
        if rules.is_signing_period(page.opened_at, page.closed_at):
            return page.closed_at
        scheduled = petition.scheduled_close_at
        return scheduled if scheduled and scheduled >= page.closed_at else None

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
        """The Member of that name, with what the page shows of them; nothing is erased."""
        member = Member.objects.filter(slug=slugify(published.name)).first() or Member(
            name=published.name, slug=unique_slug(Member, published.name)
        )
        if published.riding:
            self.set_text(member, "riding", published.riding)
        if published.caucus:
            self.set_text(member, "caucus", published.caucus)
        if published.province:
            member.province = published.province
        self.check(member, exclude=["photo"])
        member.save()
        return member

    def members(self):
        """The sponsor and the presenting Member (the sponsor unless named otherwise)."""
        sponsor, presenter = self.page.sponsor, self.page.presenter
        if sponsor and presenter and slugify(sponsor.name) == slugify(presenter.name):
            # One Member: the riding in brackets completes a block that leaves it out.
            sponsor.riding = sponsor.riding or presenter.riding
            presenter = None
        sponsor = self.member(sponsor) if sponsor else None
        presenter = self.member(presenter) if presenter else None
        return rules.sponsor_and_presenter(sponsor, presenter, bool(self.page.presented_on))

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
        model.objects.filter(petition=petition).park()
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
        if published.office:
            self.set_text(response, "office", published.office)
            self.set_text(response, "text", published.text)
            # The signer's name is not translated: the English page's form is kept.
            if self.lang == ENGLISH or not response.signer_name:
                response.signer_name = published.signer_name
        if published.sessional_paper:
            response.sessional_paper = published.sessional_paper
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
