"""A page of petitions chosen by the filters: filters, sort, page size and page.

Bad input never fails the page: filter values that name nothing are a 400
page that says which; a page number or page size out of range is a page
with a message.
"""

from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.utils.translation import gettext as _

from petitions import pagination, plain_search, search
from petitions.filters import MAX_QUERY_LENGTH
from petitions.pagination import Ids, IdsPaginator, ranked_if_few

from . import entries
from .filters import ListFilter

PAGE_SIZES = (10, 20, 50, 100)
DEFAULT_PAGE_SIZE = 20
# Every query parameter a list reads: its filters, the order, the page and its size.
LIST_PARAMETERS = frozenset([*ListFilter.base_filters, "sort", "page", "per_page"])


class PetitionListMixin:
    # The page cache drops any other parameter (pagecache.reads_query).
    query_parameters = LIST_PARAMETERS

    def get_filterset(self, queryset=None):
        """The filter set of the page's petitions: ``queryset``, or every petition.
        Only the page's ids are read from it: each petition's entry is read, when not
        kept, by public.entries."""
        return ListFilter(self.request.GET, queryset=queryset, request=self.request)

    def listing(self, filterset):
        """The context of a list page: the form, the page of petitions, messages."""
        context = {
            "filterset": filterset,
            # The header's search box shows what was typed, even when refused.
            "query": filterset.data.get("q", "").replace("\x00", "")[:MAX_QUERY_LENGTH],
            "page_sizes": PAGE_SIZES,
            "notices": [],
        }
        if not filterset.is_valid():
            return context
        ids, counted, limit = self.ids(filterset), None, None
        # The form reads the record's version anyway (its markup is cached by it).
        version = filterset.form.record_version()
        if filterset.query:
            # A search's matches are counted up to RANK_LIMIT, in any order: once,
            # here when ranking needs the count, else by the paginator.
            limit = pagination.RANK_LIMIT
        if filterset.by_relevance:
            ids, counted, ranked = ranked_if_few(ids, version=version)
            if not ranked:
                context["notices"].append(
                    _(
                        "More than %(limit)s petitions match, so they are listed newest "
                        "first. Add words or filters to list them by best match."
                    )
                    % {"limit": intcomma(pagination.RANK_LIMIT)}
                )
        per_page = self.page_size(context["notices"])
        paginator = IdsPaginator(ids, per_page, counted=counted, limit=limit, version=version)
        page = self.page(paginator, context["notices"])
        if paginator.more and not page.has_next():
            context["notices"].append(
                _(
                    "Only the first %(limit)s petitions are listed. Add words or filters, "
                    "or change the order, to find the others."
                )
                % {"limit": intcomma(paginator.limit)}
            )
        context.update(
            page_obj=page,
            petitions=entries.kept(self.rows(page, filterset.query), version),
            is_paginated=page.has_other_pages(),
            per_page=per_page,
            query=filterset.query,
        )
        return context

    @staticmethod
    def ids(filterset):
        """The list's petitions: a search of words alone with its SQL compiled once,
        any other list built by the ORM."""
        if plain_search.applies(filterset):
            return plain_search.PlainSearch.of(filterset)
        return Ids(filterset.qs)

    @staticmethod
    def rows(page, query):
        """The page's petitions as (id, the passages that match ``query``, if any)."""
        quoted = {}
        if query and search.full_text_available():
            quoted = search.snippets(page.object_list, search.clean_query(query))
        return [(pk, quoted.get(pk)) for pk in page.object_list]

    @staticmethod
    def status(filterset):
        """400 when a filter names nothing: the page says which."""
        return 200 if filterset.is_valid() else 400

    def page_size(self, notices):
        value = self.request.GET.get("per_page")
        if value is None:
            return DEFAULT_PAGE_SIZE
        # isdigit() alone lets "²" through, which int() refuses.
        if value.isascii() and value.isdigit() and int(value) in PAGE_SIZES:
            return int(value)
        notices.append(
            _("A page shows 10, 20, 50 or 100 petitions; showing %(size)s.")
            % {"size": DEFAULT_PAGE_SIZE}
        )
        return DEFAULT_PAGE_SIZE

    def page(self, paginator, notices):
        number = self.request.GET.get("page", "1")
        try:
            return paginator.page(number)
        except PageNotAnInteger:
            notices.append(_("“page” is a page number; showing the first page."))
            return paginator.page(1)
        except EmptyPage:
            if int(number) < 1:
                return paginator.page(1)
            last = paginator.num_pages
            notices.append(
                _("There is no page %(number)s; showing page %(last)s, the last.")
                % {"number": number[:20], "last": last}
            )
            return paginator.page(last)
