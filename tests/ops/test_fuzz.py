"""Random addresses and query strings on every public page: never a server error.

The URL patterns are read from the resolver, so a new page is fuzzed as soon as it
is routed. Select these tests with `pytest -m fuzz`; skip them with `-m "not fuzz"`.
"""

import re
from urllib.parse import quote, urlencode

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RoutePattern
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.fuzz

# Namespaces that are not public pages: the admin has its own login and forms.
PRIVATE_NAMESPACES = {"admin"}

# Values that mean something here, or have broken parsers before.
KNOWN_VALUES = [
    "e-2829", "E2829", "432-00158", "43200158", "e-90002", "441-90001", "432", "44", "451",
    "jordan-sample", "health", "0", "-1", "9" * 30, "e-" + "9" * 30, "999-99999",
    "٤٣٢", "²³", "１２３", "\x00", "e-2829\x00", "%", "..", " ",
]  # fmt: skip

# Query parameters the pages read, and some they might one day.
KNOWN_KEYS = ["q", "page", "sort", "ordering", "o", "status", "subject", "session", "kind",
              "year", "format", "lang", "language", "next"]  # fmt: skip

FUZZ_SETTINGS = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def public_routes(patterns=None, prefix=""):
    """(route, converters) for every public URL pattern, admin excluded."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace in PRIVATE_NAMESPACES:
                continue
            yield from public_routes(entry.url_patterns, prefix + str(entry.pattern))
        else:
            assert isinstance(entry, URLPattern) and isinstance(entry.pattern, RoutePattern), (
                f"{entry} is not a path() route: teach the fuzz tests to build its addresses"
            )
            yield prefix + str(entry.pattern), entry.pattern.converters


ROUTES = dict(public_routes())
PLACEHOLDER = re.compile(r"<(?:\w+:)?(\w+)>")

text = st.text(st.characters(codec="utf-8"), max_size=40)
huge = st.text(st.characters(codec="utf-8"), min_size=2000, max_size=6000)
values = st.one_of(text, huge, st.sampled_from(KNOWN_VALUES), st.integers().map(str))
query = st.lists(st.tuples(st.one_of(st.sampled_from(KNOWN_KEYS), text), values), max_size=8)


def address(route):
    """A strategy for addresses matching `route`, its parts random, known or hostile."""
    parts = {
        name: st.one_of(
            st.from_regex(converter.regex, fullmatch=True),
            st.sampled_from(
                [v for v in KNOWN_VALUES if re.fullmatch(converter.regex, v) is not None]
            ),
        )
        for name, converter in ROUTES[route].items()
    }

    def build(values):
        return "/" + PLACEHOLDER.sub(lambda m: quote(values[m.group(1)], safe=""), route)

    return st.fixed_dictionaries(parts).map(build)


def test_every_public_page_is_fuzzed_and_the_admin_is_not():
    assert {"", "petitions/", "petitions/<str:number>/", "search/", "healthz"} <= set(ROUTES)
    assert not any(route.startswith("admin/") for route in ROUTES)


@pytest.mark.parametrize("route", sorted(ROUTES))
def test_no_address_or_query_makes_a_public_page_fail(client, samples, route):
    @FUZZ_SETTINGS
    @given(path=address(route), params=query)
    def request_is_answered(path, params):
        response = client.get(f"{path}?{urlencode(params)}" if params else path)
        assert response.status_code < 500, (path, params)

    request_is_answered()
