"""How the figures' tables and charts are shown on the pages."""

from figures.tables import Share, count, signatures_by_province


def signatures_chart(petition):
    """The petition's signatures by province or territory: a bar chart and its table.

    Reads the counts the page has already fetched (``with_page_relations``).
    """
    return signatures_by_province(petition, petition.signature_counts.all())


def is_number(cell):
    return isinstance(cell, (int, float, Share)) and not isinstance(cell, bool)


def figure_cell(cell):
    """A table cell as read: numbers grouped by thousands, shares as percentages."""
    if isinstance(cell, int) and not isinstance(cell, bool):
        return count(cell)
    return str(cell)


# What the pages' Jinja2 templates call (the environment: config.templating).
FUNCTIONS = {"signatures_chart": signatures_chart}
FILTERS = {"figure_cell": figure_cell}
TESTS = {"figure_number": is_number}
