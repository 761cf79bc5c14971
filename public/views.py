"""Public pages: home, the petition list, a petition, and browse pages."""

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.generic import DetailView, TemplateView

from pagecache.middleware import reads_query
from petitions.models import Member, ParliamentSession, Petition, Subject
from petitions.numbers import parse_number
from petitions.page_record import petition_address, petition_for_page
from responses.models import GovernmentResponse

from . import entries
from .listing import PetitionListMixin

HOME_LIST_SIZE = 10


class HomeView(TemplateView):
    template_name = "petitions/home.html"
    query_parameters = frozenset()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["recent_responses"] = GovernmentResponse.objects.select_related(
            "petition", "petition__subject"
        )[:HOME_LIST_SIZE]
        # Longest waiting first: the ones overdue, then those due soonest.
        context["awaiting_response"] = (
            Petition.objects.awaiting_response()
            .listed()
            .order_by("presented_on", "id")[:HOME_LIST_SIZE]
        )
        context["recent_petitions"] = entries.rendered(
            Petition.objects.listed().newest_first()[:HOME_LIST_SIZE]
        )
        return context


@reads_query()
def petition_detail(request, number):
    """A petition by its e-number, or a paper petition by its Petition No.

    Loosely typed numbers and an e-petition's Petition No. redirect to the
    canonical address, so every petition has one URL.
    """
    petition = petition_for_page(parse_number(number))
    if petition is None:
        raise Http404("No petition has that number.")
    if number != petition.number:
        return redirect(petition, permanent=True)
    return render(request, "petitions/petition_detail.html", {"petition": petition})


class PetitionSearchView(PetitionListMixin, TemplateView):
    """All petitions, searched, filtered and sorted; a number goes straight to its petition."""

    template_name = "petitions/search.html"

    def get(self, request, *args, **kwargs):
        # A number typed in the search box goes straight to its petition,
        # before any of the list's work is done.
        number = parse_number(request.GET.get("q", ""))
        if number is not None:
            petition = petition_address(number)
            if petition is not None:
                return redirect(petition)
        filterset = self.get_filterset()
        context = self.get_context_data(filterset=filterset)
        if number is not None and filterset.is_valid():
            context["unknown_number"] = number
            context["close_matches"] = Petition.objects.close_to(number)
        return self.render_to_response(context, status=self.status(filterset))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(self.listing(kwargs["filterset"]))
        return context


class PetitionPageMixin(PetitionListMixin):
    """A browse page: one object and its petitions, filtered and sorted like a search."""

    # The filter the page itself fixes, left out of its form.
    fixed_filter = None

    def petitions(self):
        raise NotImplementedError

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        context = self.get_context_data(object=self.object)
        return self.render_to_response(context, status=self.status(context["filterset"]))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(self.listing(self.get_filterset(self.petitions())))
        return context

    def get_filterset(self, queryset=None):
        filterset = super().get_filterset(queryset)
        if self.fixed_filter:
            # Before the form is built from the filters, so it has no such field.
            del filterset.filters[self.fixed_filter]
        return filterset


class MemberDetailView(PetitionPageMixin, DetailView):
    model = Member
    template_name = "petitions/member_detail.html"
    context_object_name = "member"
    fixed_filter = "member"

    def petitions(self):
        return self.object.sponsored_petitions.all()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["record"] = self.petitions().response_record()
        return context


class SubjectDetailView(PetitionPageMixin, DetailView):
    model = Subject
    template_name = "petitions/subject_detail.html"
    context_object_name = "subject"
    fixed_filter = "subject"

    def petitions(self):
        return self.object.petitions.all()


class SessionDetailView(PetitionPageMixin, DetailView):
    model = ParliamentSession
    template_name = "petitions/session_detail.html"
    context_object_name = "session"
    fixed_filter = "session"

    def get_object(self, queryset=None):
        return get_object_or_404(ParliamentSession.objects.with_code(self.kwargs["code"]))

    def petitions(self):
        return self.object.petitions.all()
