from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from api.http import open_data
from pagecache.middleware import reads_query
from public.robots import robots_txt
from public.sitemaps import SITEMAPS

# Public pages live at /en/... and /fr/...; an address without the prefix gets
# a temporary redirect (LocaleMiddleware) to the visitor's language, which is
# why it cannot be permanent: the target differs from one visitor to the next.
# They come first: most requests are theirs, and an address is matched against
# the patterns in order (their language prefix takes nothing else).
urlpatterns = i18n_patterns(
    path("", include("public.urls")),
    path("", include("figures.urls")),
)
urlpatterns += [
    path("admin/", admin.site.urls),
    path("", include("ops.urls")),
    path("api/v1/", include("api.urls")),
    path("feeds/", include("api.feed_urls")),
    path(
        "sitemap.xml",
        reads_query()(open_data(sitemap_views.index)),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap-index",
    ),
    path(
        "sitemap-<section>.xml",
        reads_query("p")(open_data(sitemap_views.sitemap)),
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    path("robots.txt", robots_txt, name="robots"),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# A database that cannot be reached is a 503, wherever the request met it.
handler500 = "ops.views.server_error"
