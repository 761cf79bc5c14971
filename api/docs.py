"""The browsable API documentation (Swagger UI), safe under a strict Content-Security-Policy.

Swagger UI's scripts and styles come from drf-spectacular-sidecar through the static
files, never a CDN; its start-up script is a separate response (``?script``), not
inline; and the page's few styles are in ``api/docs.css``, not a ``<style>`` element.
"""

from drf_spectacular.views import SpectacularSwaggerSplitView


class DocsView(SpectacularSwaggerSplitView):
    template_name = "api/docs.html"
    title = "Petition record API"
