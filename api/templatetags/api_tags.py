"""Links from the HTML pages to the same data in the API."""

from django import template

from ..links import petitions_csv_url

register = template.Library()


@register.simple_tag(takes_context=True)
def search_csv_url(context):
    """The CSV of the current search: ``<a href="{% search_csv_url %}">``."""
    return petitions_csv_url(context["request"].GET)
