"""robots.txt: crawl the record, not the admin or endless search variations; here is the sitemap."""

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import override
from django.views.decorators.http import require_GET

from pagecache.middleware import reads_query


@reads_query()
@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('admin:index')}",
        *(f"Disallow: {search}" for search in search_addresses()),
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap-index'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def search_addresses():
    """The search page in each language: /en/search/, /fr/search/."""
    for code, _ in settings.LANGUAGES:
        with override(code):
            yield reverse("petitions:search")
