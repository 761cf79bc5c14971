"""URLs of the API's views of a query made on the HTML pages."""

from django.http import QueryDict
from django.urls import reverse

# Parameters of the HTML page that are not part of the query itself.
PAGE_PARAMETERS = ("page", "page_size", "format")


def petitions_csv_url(query):
    """The API URL giving a search's petitions as CSV.

    ``query`` is the search page's query string or ``request.GET``; its filters are
    kept (repeated parameters too) and its page dropped, since the CSV is the whole list.
    """
    params = query.copy() if isinstance(query, QueryDict) else QueryDict(query, mutable=True)
    for name in PAGE_PARAMETERS:
        params.pop(name, None)
    params["format"] = "csv"
    return f"{reverse('api:petition-list')}?{params.urlencode()}"
