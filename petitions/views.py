"""Public pages: home, the petition list, a petition, and browse pages."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView, TemplateView

from responses.models import GovernmentResponse

from .models import Member, ParliamentSession, Petition, Subject
from .numbers import parse_number

PAGE_SIZE = 20


class HomeView(TemplateView):
    template_name = "petitions/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["recent_petitions"] = Petition.objects.with_list_relations().newest_first()[:10]
        context["recent_responses"] = GovernmentResponse.objects.select_related(
            "petition", "petition__subject"
        )[:10]
        return context


class PetitionListView(ListView):
    template_name = "petitions/petition_list.html"
    context_object_name = "petitions"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        return Petition.objects.with_list_relations().newest_first()


def petition_detail(request, number):
    """A petition by its e-number, or a paper petition by its Petition No.

    Loosely typed numbers and an e-petition's Petition No. redirect to the
    canonical address, so every petition has one URL.
    """
    parsed = parse_number(number)
    if parsed is None:
        raise Http404("No petition has that number.")
    queryset = Petition.objects.with_page_relations()
    if parsed.e_number:
        petition = get_object_or_404(queryset, e_number=parsed.e_number)
    else:
        petition = get_object_or_404(queryset, petition_no=parsed.petition_no)
    if number != petition.number:
        return redirect(petition, permanent=True)
    return render(request, "petitions/petition_detail.html", {"petition": petition})


class PetitionPageMixin:
    """A browse page: one object and a page of its petitions, newest first."""

    def petitions(self):
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        paginator = Paginator(self.petitions().with_list_relations().newest_first(), PAGE_SIZE)
        page = paginator.get_page(self.request.GET.get("page"))
        context.update(
            page_obj=page, petitions=page.object_list, is_paginated=page.has_other_pages()
        )
        return context


class MemberDetailView(PetitionPageMixin, DetailView):
    model = Member
    template_name = "petitions/member_detail.html"
    context_object_name = "member"

    def petitions(self):
        return self.object.sponsored_petitions.all()


class SubjectDetailView(PetitionPageMixin, DetailView):
    model = Subject
    template_name = "petitions/subject_detail.html"
    context_object_name = "subject"

    def petitions(self):
        return self.object.petitions.all()


class SessionDetailView(PetitionPageMixin, DetailView):
    model = ParliamentSession
    template_name = "petitions/session_detail.html"
    context_object_name = "session"

    def get_object(self, queryset=None):
        code = self.kwargs["code"]
        if not (code.isascii() and code.isdigit() and len(code) in (2, 3)):
            raise Http404("No such session.")
        return get_object_or_404(ParliamentSession, parliament=int(code[:-1]), number=int(code[-1]))

    def petitions(self):
        return self.object.petitions.all()


def search(request):
    """Go straight to a petition named by its number; otherwise match words."""
    query = " ".join(request.GET.get("q", "").replace("\x00", "").split())[:200]
    context = {"query": query}
    if query:
        petition = Petition.objects.find(query)
        if petition is not None:
            return redirect(petition)
        matches = Petition.objects.matching_words(query)
        paginator = Paginator(matches.with_list_relations().newest_first(), PAGE_SIZE)
        page = paginator.get_page(request.GET.get("page"))
        context.update(page_obj=page, petitions=page.object_list)
        if parse_number(query) is not None:
            context["message"] = _("No petition has the number %(number)s.") % {"number": query}
    return render(request, "petitions/search.html", context)
