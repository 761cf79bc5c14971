from django.urls import reverse


class AdminNoStoreMiddleware:
    """Admin pages show unpublished work and clerks' sessions: no cache may keep them
    (a 503 or a lockout's 429 included: this middleware sits outside them)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = None

    def __call__(self, request):
        response = self.get_response(request)
        if self.prefix is None:
            self.prefix = reverse("admin:index")
        if request.path.startswith(self.prefix):
            response["Cache-Control"] = "no-store"
        return response
