from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_cache_control


class AdminNoStoreMiddleware:
    """Admin pages show unpublished work and personal data: no cache may keep them."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = None

    def __call__(self, request):
        response = self.get_response(request)
        if self.prefix is None:
            self.prefix = reverse("admin:index")
        if request.path.startswith(self.prefix):
            add_never_cache_headers(response)
            patch_cache_control(response, no_store=True, private=True)
        return response
