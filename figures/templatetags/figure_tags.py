"""Charts on pages other than the statistics page."""

from django import template

from figures.tables import Share, count, signatures_by_province

register = template.Library()


@register.inclusion_tag("figures/signatures_chart.html")
def signatures_chart(petition):
    """The petition's signatures by province or territory: a bar chart and its table.

    Reads the counts the page has already fetched (``with_page_relations``).
    """
    return {"chart": signatures_by_province(petition, petition.signature_counts.all())}


@register.filter
def is_number(cell):
    return isinstance(cell, (int, float, Share)) and not isinstance(cell, bool)


@register.filter
def figure_cell(cell):
    """A table cell as read: numbers grouped by thousands, shares as percentages."""
    if isinstance(cell, int) and not isinstance(cell, bool):
        return count(cell)
    return str(cell)
