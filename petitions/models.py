"""The petition record: sessions, Members, subjects, petitions and their parts.

Integrity lives in the database (check and unique constraints) and is
mirrored in ``clean()`` so that a clerk reads a message naming the field.
"""

import datetime
from functools import lru_cache

from django.contrib.humanize.templatetags.humanize import ordinal
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, ExpressionWrapper, F, Q
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from . import languages, parliaments, rules, search
from .addresses import address
from .choices import (
    CLOSED_STATUSES,
    PRESENTED_STATUSES,
    AddresseeKind,
    ChoiceLabelsMixin,
    Kind,
    Language,
    PartStyle,
    Province,
    Status,
)
from .folding import fold
from .languages import current_language
from .numbers import (
    PETITION_NO_FORMAT,
    format_e_number,
    parse_number,
    parse_session_code,
    session_code,
)
from .rules import CERTIFICATION_THRESHOLD
from .text import CleanTextsMixin


def written_in_either_language(instance, field):
    """Whether a translated text is written in English or in French (either will do)."""
    return any(getattr(instance, f"{field}_{code}", None) for code in ("en", "fr"))


def plain_ordinal(number):
    """ "43rd"; in French "43e", "1re" (législature and session are feminine).

    Django's ordinal() writes French ordinals in <sup> markup, which a string
    interpolated into a translated sentence would show escaped.
    """
    if current_language() == "fr":
        return "1re" if number == 1 else f"{number}e"
    return ordinal(number)


def session_name(parliament, number):
    """ "43rd Parliament, 2nd Session" / "43e législature, 2e session"."""
    return _session_name(parliament, number, get_language())


@lru_cache(maxsize=1024)
def _session_name(parliament, number, language):
    # Called with ``language`` active, which gettext and ordinal read themselves;
    # remembered, since every page names sessions and the ordinals cost a dozen
    # catalogue lookups each.
    return gettext("%(parliament)s Parliament, %(session)s Session") % {
        "parliament": plain_ordinal(parliament),
        "session": plain_ordinal(number),
    }


class ParliamentSessionQuerySet(models.QuerySet):
    def with_code(self, code):
        """The session a code such as "432" names (none for a code that is not one)."""
        parsed = parse_session_code(code)
        if parsed is None:
            return self.none()
        return self.filter(parliament=parsed[0], number=parsed[1])

    def get_by_code(self, code):
        """The session a code such as "432" names, created from the House's table
        (petitions.parliaments) if missing.

        Raises ParliamentSession.DoesNotExist for a session neither knows.
        """
        found = self.with_code(code).first()
        if found is not None:
            return found
        known = parliaments.BY_CODE.get(parse_session_code(code))
        if known is None:
            raise self.model.DoesNotExist(f"No Parliament session {code} in the record.")
        return self.create(**known._asdict())

    def in_force_on(self, day):
        """The session sitting on ``day``; between sessions (a prorogation, a
        dissolution), the last session before it. None before the first known one.
        """
        recorded = self.filter(started_on__lte=day).order_by("-started_on").first()
        known = max(
            (session for session in parliaments.SESSIONS if session.started_on <= day),
            key=lambda session: session.started_on,
            default=None,
        )
        if known is not None and (recorded is None or known.started_on > recorded.started_on):
            return self.get_by_code(session_code(known.parliament, known.number))
        return recorded


class ParliamentSession(CleanTextsMixin, models.Model):
    parliament = models.PositiveSmallIntegerField(_("Parliament"))
    number = models.PositiveSmallIntegerField(_("session"))
    started_on = models.DateField(_("started on"))
    ended_on = models.DateField(_("ended on"), null=True, blank=True)

    objects = ParliamentSessionQuerySet.as_manager()

    class Meta:
        ordering = ["-parliament", "-number"]
        verbose_name = _("Parliament session")
        verbose_name_plural = _("Parliament sessions")
        constraints = [
            models.UniqueConstraint(
                fields=["parliament", "number"], name="session_unique_parliament_number"
            ),
            models.CheckConstraint(
                condition=Q(parliament__gte=1) & Q(number__gte=1) & Q(number__lte=9),
                name="session_numbers_in_range",
                violation_error_message=_("Parliament and session numbers start at 1."),
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("started_on")),
                name="session_ends_after_start",
                violation_error_message=_("A session cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return session_name(self.parliament, self.number)

    def get_absolute_url(self):
        return address("petitions:session", self.code)

    @property
    def code(self):
        """The prefix of Petition Nos. presented in this session: "432"."""
        return session_code(self.parliament, self.number)

    def clean(self):
        if self.ended_on and self.started_on and self.ended_on < self.started_on:
            raise ValidationError({"ended_on": _("A session cannot end before it starts.")})


class Member(ChoiceLabelsMixin, CleanTextsMixin, models.Model):
    """A Member of Parliament who sponsors or presents petitions."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    riding = models.CharField(
        _("riding"), max_length=200, blank=True, help_text=_("Empty when not known.")
    )
    province = models.CharField(
        _("province or territory"),
        max_length=2,
        choices=Province,
        blank=True,
        help_text=_("Empty when not known: many pages do not show it."),
    )
    caucus = models.CharField(
        _("caucus"),
        max_length=100,
        blank=True,
        help_text=_("As in “Liberal Caucus”: “Liberal”; “Independent” for a Member without one."),
    )
    photo = models.ImageField(_("photo"), upload_to="members/", blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("Member of Parliament")
        verbose_name_plural = _("Members of Parliament")

    def __str__(self):
        return f"{self.name} ({self.riding})" if self.riding else self.name

    def get_absolute_url(self):
        return address("petitions:member", self.slug)

    @property
    def caucus_line(self):
        return languages.caucus_line(self)


class Subject(CleanTextsMixin, models.Model):
    """The one category a petition is filed under ("Foreign affairs")."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("subject")
        verbose_name_plural = _("subjects")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return address("petitions:subject", self.slug)

    def clean(self):
        if not written_in_either_language(self, "name"):
            raise ValidationError({"name": _("Name it in English or in French.")})


class Keyword(CleanTextsMixin, models.Model):
    """An index keyword ("Maternity leave"); a petition may have several."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("keyword")
        verbose_name_plural = _("keywords")

    def __str__(self):
        return self.name

    def clean(self):
        if not written_in_either_language(self, "name"):
            raise ValidationError({"name": _("Name it in English or in French.")})


def _newest_first(field):
    """``field``'s latest first, where it is missing before any."""
    missing = ExpressionWrapper(Q(**{f"{field}__isnull": True}), output_field=models.BooleanField())
    return [missing.desc(), F(field).desc()]


# Petitions still before the House first (most recently opened first), then by
# presentation date. Spelt with "IS NULL" keys rather than NULLS FIRST so that one
# index (petition_newest_first_key) serves it on PostgreSQL and SQLite alike: SQLite
# cannot read an index backwards for "DESC NULLS FIRST".
NEWEST_FIRST = [*_newest_first("presented_on"), *_newest_first("opened_at"), F("id").desc()]


# Only search reads these, in the database; pages need not fetch them.
SEARCH_VECTORS = ("search_vector_en", "search_vector_fr")
SEARCH_TEXTS = ("search_text_en", "search_text_fr")
NOT_SHOWN = (*SEARCH_VECTORS, *SEARCH_TEXTS)
# A list page's row (includes/petition_list.html, listing_facts): number, subject,
# status, what it asks, dates, Member, signatures and whether a response was tabled;
# its session too, which a session's page gives each of its petitions.
LISTED = (
    "e_number",
    "petition_no",
    "status",
    "asks_en",
    "asks_fr",
    "opened_at",
    "presented_on",
    "signatures",
    "response_late",
    "session",
    "subject__name_en",
    "subject__name_fr",
    "sponsor__name",
    "response__tabled_on",
)
# How far from a number that names no petition "close matches" are sought.
NEARBY = 10


def containing(term):
    """A petition whose numbers, subject, keywords, initiator or text contain ``term``.

    Texts match without regard to case or accents: "petition" finds "pétition".
    """
    number = parse_number(term)
    folded = fold(term)

    def texts(*fields):
        match = Q()
        for field in fields:
            match |= Q(**{f"{field}__folded__contains": folded})
        return match

    in_text = texts("text_en", "text_fr")
    by_number = Q(e_number=number.e_number) if number and number.e_number else Q(pk__in=[])
    return (
        by_number
        | Q(petition_no__icontains=term)
        | texts(
            "grievance_intro_en",
            "grievance_intro_fr",
            "lead_in_en",
            "lead_in_fr",
            "closing_en",
            "closing_fr",
            "subject__name_en",
            "subject__name_fr",
            "initiator_name",
            "initiator_city",
            "addressee_name_en",
            "addressee_name_fr",
            "response__text_en",
            "response__text_fr",
        )
        | Q(response__sessional_paper=term)
        | Q(pk__in=WhereasClause.objects.filter(in_text).values("petition"))
        | Q(pk__in=Demand.objects.filter(in_text).values("petition"))
        | Q(pk__in=Keyword.objects.filter(texts("name_en", "name_fr")).values("petitions"))
    )


class PetitionQuerySet(models.QuerySet):
    def newest_first(self):
        return self.order_by(*NEWEST_FIRST)

    def with_page_relations(self):
        """The petition and what it refers to; its parts come from ``parts.load_parts``."""
        return self.select_related("subject", "session", "sponsor", "presenter", "response").defer(
            *NOT_SHOWN
        )

    def with_list_relations(self):
        return self.select_related("subject", "session", "sponsor", "response").defer(*NOT_SHOWN)

    def listed(self):
        """What a list page shows of each petition, and no more: a petition's texts
        and its response's would otherwise be read and decoded for every row."""
        return self.select_related("subject", "sponsor", "response").only(*LISTED)

    def close_to(self, number, limit=10):
        """Petitions whose numbers are near a number that names none.

        An e-number near it, or the same serial in any session; a Petition No.
        near it in its session, or the e-number with its serial's digits.
        """
        if number.e_number:
            value = number.e_number
            sessions = ParliamentSession.objects.values_list("parliament", "number")
            petition_nos = [f"{p}{n}-{value:05d}" for p, n in sessions] if value < 100_000 else []
            near = Q(e_number__range=(value - NEARBY, value + NEARBY)) | Q(
                petition_no__in=petition_nos
            )
        else:
            session, serial = number.petition_no.split("-")
            serial = int(serial)
            near = Q(
                petition_no__range=(
                    f"{session}-{max(serial - NEARBY, 1):05d}",
                    f"{session}-{min(serial + NEARBY, 99_999):05d}",
                )
            ) | Q(e_number=serial)
        return self.filter(near).defer(*NOT_SHOWN).order_by("e_number", "petition_no")[:limit]

    def search(self, text):
        """Petitions matching the words of a query (ranked on PostgreSQL)."""
        text = search.clean_query(text)
        if search.full_text_available():
            return search.full_text_matches(self, text)
        return self.matching_words(text)

    def matching_words(self, text):
        """Petitions containing every word or "quoted phrase", and no -word (portable)."""
        required, excluded = search.portable_terms(text)
        queryset = self
        for term in required:
            queryset = queryset.filter(containing(term))
        for term in excluded:
            queryset = queryset.exclude(containing(term))
        return queryset

    def with_response(self):
        return self.filter(response_late__isnull=False)

    def late(self):
        """Petitions whose response was tabled after its due date."""
        return self.filter(response_late=True)

    def on_time(self):
        """Petitions whose response was tabled by its due date."""
        return self.filter(response_late=False)

    def overdue(self, today=None):
        """Presented, unanswered and past the response's due date (rules.is_overdue)."""
        return self.filter(rules.overdue_filter(today))

    def response_record(self):
        """How many petitions, answered, answered late and overdue: one query."""
        return self.aggregate(
            total=Count("pk"),
            answered=Count("pk", filter=Q(response_late__isnull=False)),
            late=Count("pk", filter=Q(response_late=True)),
            overdue=Count(
                "pk",
                filter=rules.overdue_filter(),
            ),
        )

    def awaiting_response(self):
        return self.filter(status=Status.PRESENTED)

    # What needs a clerk's action, soonest due first.

    def awaiting_certification(self):
        return self.filter(status=Status.AWAITING_CERTIFICATION).order_by("closed_at", "id")

    def certified_not_presented(self):
        return self.filter(status=Status.CERTIFIED).order_by("certified_on", "id")

    def response_due_within(self, days, today=None):
        """Presented, unanswered, the response due between today and ``days`` from now."""
        earliest = rules.overdue_if_presented_before(today)
        return self.filter(
            status=Status.PRESENTED,
            presented_on__gte=earliest,
            presented_on__lte=earliest + datetime.timedelta(days=days),
        ).order_by("presented_on", "id")

    def response_overdue(self, today=None):
        return self.overdue(today).order_by("presented_on", "id")


class Petition(ChoiceLabelsMixin, CleanTextsMixin, models.Model):
    kind = models.CharField(_("kind"), max_length=10, choices=Kind, default=Kind.ELECTRONIC)
    e_number = models.PositiveIntegerField(
        _("e-petition number"),
        unique=True,
        null=True,
        blank=True,
        help_text=_("E-petitions only, given at creation: e-2829."),
    )
    petition_no = models.CharField(
        _("Petition No."),
        max_length=9,
        unique=True,
        null=True,
        blank=True,
        help_text=_("Given at presentation: 432-00158 (Parliament, session, serial)."),
    )
    # Session, subject, sponsor and status need no index of their own: each leads a
    # composite index of Meta.indexes, which serves their lookups as well.
    session = models.ForeignKey(
        ParliamentSession,
        on_delete=models.PROTECT,
        db_index=False,
        related_name="petitions",
        verbose_name=_("Parliament session"),
        help_text=_("The session it was presented in, or opened in if not yet presented."),
    )
    subject = models.ForeignKey(
        Subject,
        on_delete=models.PROTECT,
        db_index=False,
        related_name="petitions",
        verbose_name=_("subject"),
    )
    keywords = models.ManyToManyField(
        Keyword, blank=True, related_name="petitions", verbose_name=_("keywords")
    )

    initiator_name = models.CharField(_("initiator"), max_length=200, blank=True)
    initiator_city = models.CharField(_("initiator's city"), max_length=200, blank=True)
    initiator_province = models.CharField(
        _("initiator's province or territory"), max_length=2, choices=Province, blank=True
    )
    original_language = models.CharField(
        _("original language"),
        max_length=2,
        choices=Language,
        blank=True,
        help_text=_("Empty when the page does not say."),
    )
    original_language_label = models.CharField(
        _("original language as printed"),
        max_length=40,
        blank=True,
        help_text=_(
            "Only when the page names the language otherwise than this site would "
            "(some French pages print “English”)."
        ),
    )

    # The text, in the order the page prints it: the addressee line, the grievances
    # (an introduction, then clauses), the prayer, its requests, closing paragraphs.
    addressee_kind = models.CharField(
        _("addressed to"),
        max_length=10,
        choices=AddresseeKind,
        default=AddresseeKind.GOVERNMENT,
    )
    addressee_name = models.CharField(
        _("addressee's name"),
        max_length=300,
        blank=True,
        help_text=_(
            "For a Minister, a Member or several addressees, as published: "
            "“Minister of Health”, “Prime Minister and the Government of Canada”."
        ),
    )
    addressee_line = models.CharField(
        _("addressee line as printed"),
        max_length=400,
        blank=True,
        help_text=_(
            "Only when the page words the line otherwise than “Petition to the …” made "
            "from the fields above: “PETITION TO THE HOUSE OF COMMONS IN PARLIAMENT "
            "ASSEMBLED”, “Petition to Member of Parliament for …”."
        ),
    )
    grievance_intro = models.TextField(
        _("grievances' introduction"),
        blank=True,
        help_text=_(
            "The line before the grievances, as printed: “Whereas:”, “WHEREAS:”, "
            "“Whereas the Minister … has:”, “… draw the attention of the House of Commons "
            "to the following:”. Empty when the grievances start the text."
        ),
    )
    clause_style = models.CharField(
        _("grievances printed as"),
        max_length=10,
        choices=PartStyle,
        default=PartStyle.BULLETED,
    )
    lead_in = models.TextField(
        _("prayer"),
        help_text=_(
            "“We, the undersigned, … call upon the Government of Canada to:”. A single "
            "request that ends this sentence is written here in full. Several paragraphs "
            "(“THEREFORE:”, then the sentence) are separated by a blank line."
        ),
    )
    demand_style = models.CharField(
        _("requests printed as"),
        max_length=10,
        choices=PartStyle,
        default=PartStyle.NUMBERED,
    )
    closing = models.TextField(
        _("closing paragraphs"),
        blank=True,
        help_text=_(
            "Paragraphs printed after the prayer and its requests, separated by a blank line."
        ),
    )

    status = models.CharField(_("status"), max_length=30, choices=Status)
    opened_at = models.DateTimeField(_("open for signature"), null=True, blank=True)
    scheduled_close_at = models.DateTimeField(_("scheduled closing"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed for signature"), null=True, blank=True)
    certified_on = models.DateField(_("certified"), null=True, blank=True)
    presented_on = models.DateField(_("presented to the House"), null=True, blank=True)

    sponsor = models.ForeignKey(
        Member,
        on_delete=models.PROTECT,
        db_index=False,
        null=True,
        blank=True,
        related_name="sponsored_petitions",
        verbose_name=_("sponsoring Member"),
    )
    presenter = models.ForeignKey(
        Member,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="presented_petitions",
        verbose_name=_("presenting Member"),
    )
    # The sponsor's name, copied here (petitions.signals keeps it) so that an index
    # serves lists sorted by Member: no index spans the join to the Member. NULL
    # without a sponsor, as the join gave, so those petitions sort last.
    sponsor_name = models.CharField(max_length=200, null=True, editable=False)  # noqa: DJ001
    signatures = models.PositiveIntegerField(
        _("signatures"), null=True, blank=True, help_text=_("Leave empty when not published.")
    )
    made_up = models.BooleanField(
        _("made-up sample"),
        default=False,
        help_text=_("A sample record invented to show a shape of petition; said so on its page."),
    )

    # Kept from the government response by petitions/signals.py, so that
    # lists filter and count by it without joining the responses.
    response_late = models.BooleanField(
        _("response tabled late"),
        null=True,
        editable=False,
        help_text=_("Whether the government response came after its due date; empty without one."),
    )

    # Kept by petitions.indexing from the texts, in each language: what a list shows of
    # the petition (what it asks), and the text a search quotes from.
    asks_en = models.TextField(blank=True, default="", editable=False)
    asks_fr = models.TextField(blank=True, default="", editable=False)
    search_text_en = models.TextField(blank=True, default="", editable=False)
    search_text_fr = models.TextField(blank=True, default="", editable=False)
    # Maintained by petitions.indexing on PostgreSQL; empty elsewhere.
    search_vector_en = SearchVectorField(null=True, editable=False)
    search_vector_fr = SearchVectorField(null=True, editable=False)

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PetitionQuerySet.as_manager()

    class Meta:
        ordering = NEWEST_FIRST
        verbose_name = _("petition")
        verbose_name_plural = _("petitions")
        indexes = [
            models.Index(*NEWEST_FIRST, name="petition_newest_first_key"),
            models.Index(fields=["signatures", "id"], name="petition_signatures"),
            # A status's petitions by signatures: most first on SQLite (whose descending
            # order puts nulls last, as the sort asks), fewest first on PostgreSQL.
            models.Index(
                fields=["status", "-signatures", "-id"], name="petition_status_signatures"
            ),
            # By Member: ascending puts the petitions without a sponsor last, as
            # the sort asks, on PostgreSQL.
            models.Index(F("sponsor_name").asc(), *NEWEST_FIRST, name="petition_member_order"),
            # A Member's page: their petitions newest first, without walking everyone's,
            # and their record (response_record) counted from the index alone.
            models.Index(
                F("sponsor"),
                *NEWEST_FIRST,
                name="petition_sponsor_newest",
                include=["response_late", "status"],
            ),
            # Petitions awaiting a response, longest waiting first (the home page).
            models.Index(fields=["status", "presented_on", "id"], name="petition_status_presented"),
            models.Index(fields=["initiator_province"], name="petition_initiator_province"),
            models.Index(
                fields=["response_late", "presented_on", "id"], name="petition_response_late"
            ),
            # A subject's petitions counted, all or those answered late, from the index.
            models.Index(fields=["subject", "response_late"], name="petition_subject_late"),
            # Petitions counted per session, kind and status (the statistics page)
            # from the index alone, without reading the rows' texts.
            models.Index(fields=["session", "kind", "status"], name="petition_session_kind_status"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(e_number__isnull=True) | Q(e_number__gte=1),
                name="petition_e_number_positive",
                violation_error_message=_("An e-petition number starts at 1."),
            ),
            models.CheckConstraint(
                condition=Q(petition_no__isnull=True) | Q(petition_no__regex=PETITION_NO_FORMAT),
                name="petition_no_format",
                violation_error_message=_("A Petition No. reads like 432-00158."),
            ),
            models.CheckConstraint(
                condition=Q(kind=Kind.ELECTRONIC, e_number__isnull=False, opened_at__isnull=False)
                | Q(
                    kind=Kind.PAPER,
                    e_number__isnull=True,
                    opened_at__isnull=True,
                    scheduled_close_at__isnull=True,
                    closed_at__isnull=True,
                    petition_no__isnull=False,
                    initiator_name="",
                ),
                name="petition_kind_fields",
                violation_error_message=_(
                    "An e-petition has an e-number and an opening date; a paper petition "
                    "has a Petition No., and no initiator or signing dates."
                ),
            ),
            models.CheckConstraint(
                condition=Q(closed_at__isnull=False)
                | Q(scheduled_close_at__isnull=False)
                | Q(kind=Kind.PAPER),
                name="petition_open_has_scheduled_close",
                violation_error_message=_("An e-petition still open has a scheduled closing."),
            ),
            models.CheckConstraint(
                condition=Q(clause_style__in=PartStyle.values)
                & Q(demand_style__in=PartStyle.values),
                name="petition_part_styles_known",
                violation_error_message=_("Choose how the grievances and requests are printed."),
            ),
            models.CheckConstraint(
                condition=Q(petition_no__isnull=True, presented_on__isnull=True)
                | Q(petition_no__isnull=False, presented_on__isnull=False),
                name="petition_no_given_at_presentation",
                violation_error_message=_(
                    "A Petition No. is given at presentation: both or neither."
                ),
            ),
            models.CheckConstraint(
                condition=Q(opened_at__isnull=True)
                | Q(scheduled_close_at__isnull=True)
                | Q(opened_at__lt=F("scheduled_close_at")),
                name="petition_opens_before_scheduled_close",
                violation_error_message=_("A petition opens before it is scheduled to close."),
            ),
            models.CheckConstraint(
                condition=Q(closed_at__isnull=True) | Q(opened_at__lt=F("closed_at")),
                name="petition_opens_before_close",
                violation_error_message=_("A petition opens before it closes."),
            ),
            models.CheckConstraint(
                condition=Q(certified_on__isnull=True)
                | Q(presented_on__isnull=True)
                | Q(certified_on__lte=F("presented_on")),
                name="petition_certified_before_presented",
                violation_error_message=_("A petition is certified before it is presented."),
            ),
            models.CheckConstraint(
                condition=Q(certified_on__isnull=True)
                | Q(signatures__isnull=True)
                | Q(kind=Kind.ELECTRONIC, signatures__gte=CERTIFICATION_THRESHOLD[Kind.ELECTRONIC])
                | Q(kind=Kind.PAPER, signatures__gte=CERTIFICATION_THRESHOLD[Kind.PAPER]),
                name="petition_certified_with_enough_signatures",
                violation_error_message=_("Too few signatures for certification."),
            ),
            models.CheckConstraint(
                condition=Q(
                    status=Status.OPEN,
                    closed_at__isnull=True,
                    certified_on__isnull=True,
                    presented_on__isnull=True,
                )
                | Q(
                    status__in=CLOSED_STATUSES,
                    closed_at__isnull=False,
                    certified_on__isnull=True,
                    presented_on__isnull=True,
                )
                | Q(status=Status.CERTIFIED, certified_on__isnull=False, presented_on__isnull=True)
                | Q(status__in=PRESENTED_STATUSES, presented_on__isnull=False)
                | Q(status=Status.CLOSED_DISSOLUTION, presented_on__isnull=True),
                name="petition_status_matches_dates",
                violation_error_message=_("The status does not agree with the dates."),
            ),
            models.CheckConstraint(
                condition=~Q(addressee_kind__in=[AddresseeKind.HOUSE, AddresseeKind.GOVERNMENT])
                | Q(addressee_name=""),
                name="petition_addressee_name_only_when_needed",
                violation_error_message=_(
                    "The House of Commons and the Government of Canada need no addressee name."
                ),
            ),
        ]

    def __str__(self):
        return self.number

    def get_absolute_url(self):
        return address("petitions:detail", self.number)

    @property
    def number(self):
        """The number the petition is known by: its e-number, else its Petition No."""
        if self.e_number:
            return format_e_number(self.e_number)
        return self.petition_no or ""

    @property
    def addressee(self):
        """Who the petition is addressed to, as its page names them."""
        if self.addressee_kind in (AddresseeKind.HOUSE, AddresseeKind.GOVERNMENT):
            return self.get_addressee_kind_display()
        return self.addressee_name

    @property
    def addressee_heading(self):
        """ "Petition to the Government of Canada", in the page's language if written."""
        return languages.addressee_heading(self)

    @property
    def original_language_name(self):
        """ "English" / "Anglais", or the name the page printed in its place."""
        printed = languages.in_page_language(self, "original_language_label")
        return printed or self.get_original_language_display()

    @property
    def text_language_note(self):
        """The other language's code when part of the text is shown in it, else ""."""
        return languages.other_language_shown(self)

    @property
    def has_response(self):
        return hasattr(self, "response")

    def printed_text(self):
        """The text in the page's language (else the other), in the order the House prints
        it: the introduction, grievances, prayer, requests and closing, a string each
        paragraph or item. Reads the clauses and demands as prefetched."""
        blocks = []
        for field, parts in [
            ("grievance_intro", None),
            (None, self.clauses.all()),
            ("lead_in", None),
            (None, self.demands.all()),
            ("closing", None),
        ]:
            if field:
                text = str(languages.localized(self, field))
                blocks += [block.strip() for block in text.split("\n\n") if block.strip()]
            else:
                blocks += [str(languages.localized(part, "text")) for part in parts]
        return blocks

    @property
    def response_due_on(self):
        return rules.response_due_on(self.presented_on)

    @property
    def is_overdue(self):
        return rules.is_overdue(self.status, self.presented_on)

    def expected_statuses(self, has_response=None):
        """The statuses that agree with the dates (and the response, when known)."""
        if self.presented_on:
            if has_response is None:
                return list(PRESENTED_STATUSES)
            if has_response:
                return [Status.RESPONDED]
            return [Status.PRESENTED, Status.UNANSWERED_DISSOLUTION]
        if self.certified_on:
            return [Status.CERTIFIED, Status.CLOSED_DISSOLUTION]
        if self.closed_at:
            return [*CLOSED_STATUSES, Status.CLOSED_DISSOLUTION]
        return [Status.OPEN, Status.CLOSED_DISSOLUTION]

    def clean(self):
        errors = {}
        self._clean_numbers(errors)
        self._clean_kind(errors)
        self._clean_addressee(errors)
        self._clean_dates(errors)
        if not written_in_either_language(self, "lead_in"):
            errors["lead_in"] = _("Write the prayer in English or in French.")
        if self.status and "status" not in errors:
            expected = self.expected_statuses()
            if self.status not in expected:
                errors["status"] = _(
                    "“%(status)s” does not agree with the dates; expected one of: %(expected)s."
                ) % {
                    "status": self.get_status_display(),
                    "expected": ", ".join(str(Status(s).label) for s in expected),
                }
        if errors:
            raise ValidationError(errors)

    def _clean_numbers(self, errors):
        if self.petition_no:
            parsed = parse_number(self.petition_no)
            if parsed is None or parsed.petition_no is None:
                errors["petition_no"] = _("A Petition No. reads like 432-00158.")
            else:
                self.petition_no = parsed.petition_no
                if self.session_id and not self.petition_no.startswith(self.session.code + "-"):
                    errors["petition_no"] = _(
                        "A Petition No. presented in the %(session)s starts with %(code)s-."
                    ) % {"session": self.session, "code": self.session.code}
        if self.presented_on and not self.petition_no:
            errors["petition_no"] = _("A presented petition has a Petition No.")
        if self.petition_no and not self.presented_on and "petition_no" not in errors:
            errors["presented_on"] = _("A petition with a Petition No. has been presented.")

    def _clean_kind(self, errors):
        if self.kind == Kind.ELECTRONIC:
            if not self.e_number:
                errors["e_number"] = _("An e-petition has an e-petition number.")
            if not self.opened_at:
                errors["opened_at"] = _("An e-petition has an opening date and time.")
            if not self.scheduled_close_at and not self.closed_at:
                errors["scheduled_close_at"] = _(
                    "An e-petition still open has a scheduled closing."
                )
        else:
            if self.e_number:
                errors["e_number"] = _("A paper petition has no e-petition number.")
            if self.initiator_name:
                errors["initiator_name"] = _("A paper petition shows no initiator.")
            for field in ("opened_at", "scheduled_close_at", "closed_at"):
                if getattr(self, field):
                    errors[field] = _("A paper petition is not open for signature online.")
            if not self.petition_no and "petition_no" not in errors:
                errors["petition_no"] = _("A paper petition is known by its Petition No.")
        if self.certified_on and not rules.can_be_certified(self.kind, self.signatures):
            errors["signatures"] = _(
                "A certified %(kind)s has at least %(threshold)s signatures."
            ) % {
                "kind": self.get_kind_display().lower(),
                "threshold": CERTIFICATION_THRESHOLD[self.kind],
            }

    def _clean_addressee(self, errors):
        if self.addressee_kind in (AddresseeKind.HOUSE, AddresseeKind.GOVERNMENT):
            if self.addressee_name:
                errors["addressee_name"] = _("Leave this empty for %(addressee)s.") % {
                    "addressee": self.get_addressee_kind_display()
                }
        elif not self.addressee_name:
            errors["addressee_name"] = _("Name the office or Member the petition is addressed to.")

    def _clean_dates(self, errors):
        opened, scheduled, closed = self.opened_at, self.scheduled_close_at, self.closed_at
        if opened and scheduled:
            if scheduled <= opened:
                errors["scheduled_close_at"] = _("The scheduled closing comes after the opening.")
            elif not rules.is_signing_period(opened, scheduled):
                errors["scheduled_close_at"] = _(
                    "An e-petition is open for 30, 60, 90 or 120 days and closes at "
                    "the clock time it opened."
                )
        if closed and opened and closed <= opened:
            errors["closed_at"] = _("A petition closes after it opens.")
        if closed and scheduled and closed > scheduled:
            errors["closed_at"] = _("A petition closes at its scheduled closing or earlier.")
        closed_on = rules.ottawa_date(closed) if closed else None
        if self.certified_on and closed_on and self.certified_on < closed_on:
            errors["certified_on"] = _("A petition is certified after it closes.")
        if self.presented_on:
            if self.certified_on and self.presented_on < self.certified_on:
                errors["presented_on"] = _("A petition is presented after it is certified.")
            elif closed_on and self.presented_on < closed_on:
                errors["presented_on"] = _("A petition is presented after it closes.")
            if self.kind == Kind.ELECTRONIC and not closed:
                errors["closed_at"] = _("A presented e-petition has closed for signature.")


class OrderedPartQuerySet(models.QuerySet):
    def park(self):
        """Move the parts out of the way of the positions they are about to take, so
        that renumbering never meets the unique constraint."""
        return self.update(position=F("position") + PARKING_OFFSET)


# Far above any real position (a petition has tens of parts at most).
PARKING_OFFSET = 10_000


class OrderedPart(CleanTextsMixin, models.Model):
    """A numbered part of a petition's text; position is unique within it."""

    position = models.PositiveSmallIntegerField(_("position"))
    text = models.TextField(_("text"))

    objects = OrderedPartQuerySet.as_manager()

    class Meta:
        abstract = True
        # By the petition's id, not its own ordering: reading a petition's parts then
        # joins nothing.
        ordering = ["petition_id", "position"]

    def __str__(self):
        return f"{self.petition} §{self.position}"

    def clean(self):
        if not written_in_either_language(self, "text"):
            raise ValidationError({"text": _("Write the text in English or in French.")})


class WhereasClause(OrderedPart):
    """A grievance: one "Whereas" clause (or "THAT ..." paragraph)."""

    # Indexed by the unique constraint on (petition, position), which leads with it.
    petition = models.ForeignKey(
        Petition,
        on_delete=models.CASCADE,
        db_index=False,
        related_name="clauses",
        verbose_name=_("petition"),
    )

    class Meta(OrderedPart.Meta):
        verbose_name = _("whereas clause")
        verbose_name_plural = _("whereas clauses")
        constraints = [
            models.UniqueConstraint(
                fields=["petition", "position"],
                name="clause_unique_position",
                violation_error_message=_("Two whereas clauses cannot share a position."),
            ),
            models.CheckConstraint(condition=Q(position__gte=1), name="clause_position_positive"),
        ]


class Demand(OrderedPart):
    """One request of the prayer; may hold its own (a), (b) sub-items, one per line."""

    # Indexed by the unique constraint on (petition, position), which leads with it.
    petition = models.ForeignKey(
        Petition,
        on_delete=models.CASCADE,
        db_index=False,
        related_name="demands",
        verbose_name=_("petition"),
    )

    class Meta(OrderedPart.Meta):
        verbose_name = _("demand")
        verbose_name_plural = _("demands")
        constraints = [
            models.UniqueConstraint(
                fields=["petition", "position"],
                name="demand_unique_position",
                violation_error_message=_("Two demands cannot share a position."),
            ),
            models.CheckConstraint(condition=Q(position__gte=1), name="demand_position_positive"),
        ]


class SignatureCount(ChoiceLabelsMixin, CleanTextsMixin, models.Model):
    """Signatures from one province or territory."""

    # Indexed by the unique constraint on (petition, province), which leads with it.
    petition = models.ForeignKey(
        Petition,
        on_delete=models.CASCADE,
        db_index=False,
        related_name="signature_counts",
        verbose_name=_("petition"),
    )
    province = models.CharField(_("province or territory"), max_length=2, choices=Province)
    count = models.PositiveIntegerField(_("signatures"))

    class Meta:
        ordering = ["petition_id", "province"]
        verbose_name = _("signatures by province")
        verbose_name_plural = _("signatures by province")
        constraints = [
            models.UniqueConstraint(
                fields=["petition", "province"],
                name="signature_count_unique_province",
                violation_error_message=_("Each province or territory is counted once."),
            ),
        ]

    def __str__(self):
        return f"{self.petition} {self.province}: {self.count}"
