"""Random addresses and query strings on every public page: never a server error.

The URL patterns are read from the resolver, so a new page is fuzzed as soon as it
is routed. Select these tests with `pytest -m fuzz`; skip them with `-m "not fuzz"`.
"""

import re
from urllib.parse import quote, urlencode

import pytest
from django.urls import URLResolver, get_resolver
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


CACHED_FUZZ_SETTINGS = settings(FUZZ_SETTINGS, max_examples=20)


def public_routes(patterns=None, chain=()):
    """Every public URL pattern, as the chain of patterns leading to it; admin excluded."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace not in PRIVATE_NAMESPACES:
                yield from public_routes(entry.url_patterns, (*chain, entry.pattern))
        else:
            yield (*chain, entry.pattern)


ROUTES = {"".join(str(pattern) for pattern in chain): chain for chain in public_routes()}
PLACEHOLDER = re.compile(r"<(?:\w+:)?(\w+)>")

text = st.text(st.characters(codec="utf-8"), max_size=40)
huge = st.text(st.characters(codec="utf-8"), min_size=2000, max_size=6000)
values = st.one_of(text, huge, st.sampled_from(KNOWN_VALUES), st.integers().map(str))
query = st.lists(st.tuples(st.one_of(st.sampled_from(KNOWN_KEYS), text), values), max_size=8)


def address(route):
    """A strategy for addresses matching `route`, its parts random, known or hostile."""
    return st.tuples(*map(address_part, ROUTES[route])).map(lambda parts: "/" + "".join(parts))


def address_part(pattern):
    if not isinstance(pattern, RoutePattern):
        # re_path(): any text its regular expression matches.
        return st.from_regex(pattern.regex, fullmatch=True).map(lambda v: quote(v, safe="/"))
    values = {
        name: st.one_of(
            st.from_regex(converter.regex, fullmatch=True),
            st.sampled_from(
                [v for v in KNOWN_VALUES if re.fullmatch(converter.regex, v) is not None]
            ),
        )
        for name, converter in pattern.converters.items()
    }
    route = str(pattern)
    return st.fixed_dictionaries(values).map(
        lambda v: PLACEHOLDER.sub(lambda m: quote(v[m.group(1)], safe=""), route)
    )


def test_every_public_page_is_fuzzed_and_the_admin_is_not():
    assert {"en/", "en/petitions/", "en/petitions/<str:number>/", "en/search/", "healthz"} <= set(
        ROUTES
    )
    assert not any(route.startswith("admin/") for route in ROUTES)


@pytest.mark.parametrize("route", sorted(ROUTES))
def test_no_address_or_query_makes_a_public_page_fail(client, samples, route):
    @FUZZ_SETTINGS
    @given(path=address(route), params=query)
    def request_is_answered(path, params):
        response = client.get(f"{path}?{urlencode(params)}" if params else path)
        assert response.status_code < 500, (path, params)

    request_is_answered()


@pytest.mark.parametrize("route", sorted(ROUTES))
def test_no_address_or_query_makes_a_cached_page_fail(client, samples, settings, route):
    """The same, through the page cache (as in production), twice each: once rendered
    and stored, once served from the cache."""
    settings.PAGE_CACHE_SECONDS = 600

    @CACHED_FUZZ_SETTINGS
    @given(path=address(route), params=query)
    def request_is_answered(path, params):
        url = f"{path}?{urlencode(params)}" if params else path
        first, second = client.get(url), client.get(url)
        assert first.status_code < 500 and second.status_code == first.status_code, url

    request_is_answered()


def test_hostile_input_is_drawn_the_same_on_every_run():
    """A fuzz test that fails, fails every time (tests/conftest.py: derandomized), so a
    red run is a bug to fix, not bad luck to run again."""
    if not settings.default.derandomize:
        pytest.skip("HYPOTHESIS_PROFILE=explore draws new examples on purpose")
    drawn = []

    @FUZZ_SETTINGS
    @given(values)
    def draw(value):
        drawn.append(value)

    draw()
    first = list(drawn)
    drawn.clear()
    draw()
    assert drawn == first
