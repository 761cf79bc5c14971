"""What every open-data response carries: CORS for any origin, and an ETag."""

from functools import wraps

from django.views.decorators.http import conditional_page


def open_data(view):
    """Let any site read the response (CORS) and let clients revalidate it (ETag, 304).

    The data is public and read-only, so ``Access-Control-Allow-Origin: *`` is safe;
    ``Retry-After`` is exposed so that a throttled browser client can wait.
    Streamed responses (CSV) get no ETag: computing one would read the whole export.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if request.method in ("GET", "HEAD"):
            response["Access-Control-Allow-Origin"] = "*"
            response["Access-Control-Expose-Headers"] = "ETag, Retry-After, Content-Disposition"
        return response

    return conditional_page(wrapper)
