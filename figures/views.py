"""The statistics page, and each of its figures' data as CSV."""

import csv

from django.http import Http404, HttpResponse
from django.utils.translation import get_language
from django.views.generic import TemplateView

from pagecache.middleware import reads_query

from . import tables
from .statistics import current_figures


def figures_for(request):
    """The record's figures, for the version the page cache has already read, if it has."""
    return current_figures(getattr(request, "record_version", None))


class StatisticsView(TemplateView):
    template_name = "figures/statistics.html"
    query_parameters = frozenset()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["figures"] = tables.all_figures(figures_for(self.request))
        return context


@reads_query()
def figure_csv(request, slug):
    """One figure's rows, every one of them, with a header row in the page's language."""
    make = tables.FIGURES.get(slug)
    if make is None:
        raise Http404("No such figure.")
    figure = make(figures_for(request))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="petitions-{slug}-{get_language()[:2]}.csv"'
    )
    writer = csv.writer(response)
    writer.writerow(figure.columns)
    for row in figure.csv_rows:
        writer.writerow([csv_value(cell) for cell in row])
    return response


def csv_value(cell):
    """A number as a number, a share as a percentage with a dot, text as text."""
    if isinstance(cell, tables.Share):
        return f"{cell.value * 100:.1f}"
    if isinstance(cell, int):
        return cell
    return str(cell)
