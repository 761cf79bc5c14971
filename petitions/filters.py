"""The filters and sort orders of petition lists, for the pages and any API.

Every choice is a query-string parameter, so a search can be bookmarked and
shared. Values that name nothing (an unknown subject, a malformed date) are
form errors for the caller to report; they never reach the database.
"""

import copy
import functools

import django_filters
from django import forms
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import F
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from . import search
from .choices import AddresseeKind, Kind, Province, Status
from .models import NEWEST_FIRST, Keyword, Member, ParliamentSession, Petition, Subject
from .numbers import parse_session_code

# The longest query accepted: far more than any real search needs.
MAX_QUERY_LENGTH = 200


class Sort(models.TextChoices):
    RELEVANCE = "relevance", _("Best match")
    NEWEST = "newest", _("Most recent")
    OLDEST = "oldest", _("Oldest")
    MOST_SIGNATURES = "most_signatures", _("Most signatures")
    FEWEST_SIGNATURES = "fewest_signatures", _("Fewest signatures")
    MEMBER = "member", _("Sponsoring Member")


# Each order ends on the id, so pages never overlap; each has an index
# (see the petition model and migration 0002_search).
ORDERINGS = {
    Sort.NEWEST: NEWEST_FIRST,
    Sort.OLDEST: [
        F("presented_on").asc(nulls_last=True),
        F("opened_at").asc(nulls_last=True),
        F("id").asc(),
    ],
    Sort.MOST_SIGNATURES: [F("signatures").desc(nulls_last=True), F("id").desc()],
    Sort.FEWEST_SIGNATURES: [F("signatures").asc(nulls_last=True), F("id").asc()],
    Sort.MEMBER: [F("sponsor_name").asc(nulls_last=True), *NEWEST_FIRST],
}


class ResponseState(models.TextChoices):
    TABLED = "tabled", _("Tabled")
    TABLED_ON_TIME = "on_time", _("Tabled within 45 days")
    TABLED_LATE = "late", _("Tabled late")
    AWAITING = "awaiting", _("Awaited after presentation")
    OVERDUE = "overdue", _("Overdue (more than 45 days)")


def session_choices():
    return [(session.code, str(session)) for session in ParliamentSession.objects.all()]


def parliament_choices():
    parliaments = (
        ParliamentSession.objects.order_by("-parliament")
        .values_list("parliament", flat=True)
        .distinct()
    )
    return [(str(number), number) for number in parliaments]


class FieldCopies(dict):
    """A form class's fields, which each form copies one level deep: the field and its
    widget, not the choices, labels and validators they hold, which no form changes in
    place (a form may set new ones). Django's Form deep-copies every field, every
    choice with it, and for a list page that took longer than validating the form."""

    def __deepcopy__(self, memo):
        return {name: _own_field(field) for name, field in self.items()}


def _own_field(field):
    copied = copy.copy(field)
    copied.widget = copy.copy(field.widget)
    copied.widget.attrs = dict(field.widget.attrs)
    if isinstance(field, forms.ModelChoiceField):
        copied.queryset = field.queryset.all()  # as Django's copy does: no shared results
    return copied


class PetitionFilterForm(forms.Form):
    """The filters' form, with the sort order (which filters nothing)."""

    sort = forms.ChoiceField(
        label=_("Sort by"),
        choices=[("", _("Best match, or most recent without words")), *Sort.choices],
        required=False,
    )
    # Words first, the sort order last, as a reader narrows a search.
    field_order = [
        "q",
        "parliament",
        "session",
        "status",
        "subject",
        "keyword",
        "kind",
        "member",
        "province",
        "addressee",
        "response",
        "presented_after",
        "presented_before",
        "sort",
    ]

    @classmethod
    def with_fields(cls, base_fields):
        """This form class with the fields a filter set made for it, which each form
        copies (FieldCopies). A subclass may draw them differently."""
        cls.base_fields = FieldCopies(base_fields)
        return cls


class WordsField(forms.CharField):
    """Words as typed: at most ``max_length`` characters before the spaces around them
    are trimmed, as the API's schema says (``q``: ``maxLength``), then trimmed."""

    def to_python(self, value):
        if isinstance(value, str) and self.max_length is not None:
            MaxLengthValidator(self.max_length)(value)
        return super().to_python(value)


class WordsFilter(django_filters.CharFilter):
    field_class = WordsField


class PetitionFilter(django_filters.FilterSet):
    q = WordsFilter(
        label=_("Number or words"),
        method="filter_words",
        max_length=MAX_QUERY_LENGTH,
        strip=True,
    )
    parliament = django_filters.ChoiceFilter(
        label=_("Parliament"),
        field_name="session__parliament",
        choices=parliament_choices,
        empty_label=_("Any"),
    )
    session = django_filters.ChoiceFilter(
        label=_("Session"),
        choices=session_choices,
        method="filter_session",
        empty_label=_("Any"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Status.choices, empty_label=_("Any")
    )
    subject = django_filters.ModelChoiceFilter(
        label=_("Subject"),
        queryset=Subject.objects.all(),
        to_field_name="slug",
        empty_label=_("Any"),
    )
    keyword = django_filters.ModelChoiceFilter(
        label=_("Keyword"),
        field_name="keywords",
        queryset=Keyword.objects.all(),
        to_field_name="slug",
        empty_label=_("Any"),
    )
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Kind.choices, empty_label=_("Any"))
    member = django_filters.ModelChoiceFilter(
        label=_("Sponsoring Member"),
        field_name="sponsor",
        queryset=Member.objects.all(),
        to_field_name="slug",
        empty_label=_("Any"),
    )
    province = django_filters.ChoiceFilter(
        label=_("Initiator's province or territory"),
        field_name="initiator_province",
        choices=Province.choices,
        empty_label=_("Any"),
    )
    addressee = django_filters.ChoiceFilter(
        label=_("Addressed to"),
        field_name="addressee_kind",
        choices=AddresseeKind.choices,
        empty_label=_("Any"),
    )
    response = django_filters.ChoiceFilter(
        label=_("Government response"),
        choices=ResponseState.choices,
        method="filter_response",
        empty_label=_("Any"),
    )
    presented_after = django_filters.DateFilter(
        label=_("Presented on or after"),
        field_name="presented_on",
        lookup_expr="gte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    presented_before = django_filters.DateFilter(
        label=_("Presented on or before"),
        field_name="presented_on",
        lookup_expr="lte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    class Meta:
        form = PetitionFilterForm
        fields = []

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        # Whether the list is of every petition: the page gave no queryset of its own.
        self.every_petition = queryset is None
        # django-filter's own, except that each filter is copied shallowly: its deep
        # copy of the thirteen filters, their labels and choices, made an eighth of
        # a list page's function calls. All a filter set changes in a filter is its
        # parent and model; its field is made once, for the form's class.
        if queryset is None:
            queryset = Petition.objects.all()
        self.is_bound = data is not None
        self.data = data or QueryDict()
        self.queryset = queryset
        self.request = request
        self.form_prefix = prefix
        self.filters = {
            name: self._own_copy(filter_, queryset.model)
            for name, filter_ in self.base_filters.items()
        }

    def _own_copy(self, filter_, model):
        copied = copy.copy(filter_)
        copied.model, copied.parent = model, self
        if filter_.method is not None:
            # A filter by method keeps the method's caller, bound to the filter it
            # was made for: setting the method again binds a new one to the copy.
            copied.method = filter_.method
        return copied

    def get_form_class(self):
        """The form's class, made once per filter set and choice of filters (a browse
        page leaves out the one it is about): django-filter makes a class, and a field
        for each filter, for every request. The fields depend on nothing a request
        brings (labels are translated when shown, choices read when listed), and each
        form copies them, as every Django form does."""
        return self._form_class(tuple(self.filters))

    @classmethod
    @functools.cache
    def _form_class(cls, names):
        filterset = cls(queryset=Petition.objects.none())
        filterset.filters = {name: filterset.filters[name] for name in names}
        form_class = django_filters.FilterSet.get_form_class(filterset)
        return form_class.with_fields(form_class.base_fields)

    @property
    def query(self):
        """The words searched for, once the form is valid ("" when none)."""
        return self.form.cleaned_data.get("q") or ""

    def filter_words(self, queryset, name, value):
        return queryset.search(value)

    def filter_session(self, queryset, name, value: str):
        parliament, number = parse_session_code(value)
        return queryset.filter(session__parliament=parliament, session__number=number)

    def filter_response(self, queryset, name, value: str):
        match value:
            case ResponseState.TABLED:
                return queryset.with_response()
            case ResponseState.TABLED_LATE:
                return queryset.late()
            case ResponseState.TABLED_ON_TIME:
                return queryset.on_time()
            case ResponseState.AWAITING:
                return queryset.awaiting_response()
            case _:
                return queryset.overdue()

    def filter_queryset(self, queryset):
        data = self.form.cleaned_data
        for name, filter_ in self.filters.items():
            queryset = filter_.filter(queryset, data.get(name))
        return self.sort(queryset)

    def order(self):
        """The sort chosen, once the form is valid; by default, relevance when words
        are searched (where the database ranks them), else newest first."""
        sort = self.form.cleaned_data.get("sort")
        searching = bool(self.query) and search.ranking_available()
        if not sort or (sort == Sort.RELEVANCE and not searching):
            return Sort.RELEVANCE if searching else Sort.NEWEST
        return Sort(sort)

    @property
    def by_relevance(self):
        """Whether the petitions are sorted by relevance (pagination.ranked_if_few)."""
        return self.order() == Sort.RELEVANCE

    def sort(self, queryset):
        """Order by the chosen sort (``order``)."""
        sort = self.order()
        if sort == Sort.RELEVANCE:
            return queryset.order_by(F("rank").desc(), *NEWEST_FIRST)
        return queryset.order_by(*ORDERINGS[sort])
