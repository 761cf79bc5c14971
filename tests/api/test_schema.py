"""A developer reads the API's OpenAPI schema and documentation, and the API keeps to it."""

import re

import jsonschema
import pytest
import schemathesis
from django.contrib.staticfiles import finders
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

SCHEMA_URL = "/api/v1/schema/?format=json"
# Filters that name a record by its slug or code, which no schema can enumerate,
# with values the sample records have.
RECORD_NAMES = {
    "subject": ["environment", "foreign-affairs", "health"],
    "keyword": ["plastic-packaging", "rural-health-care"],
    "member": ["chandra-arya", "jordan-sample", "camille-exemple"],
    "parliament": ["43", "44", "45"],
    "session": ["432", "441", "451"],
}


def test_schema_documents_every_endpoint(client):
    response = client.get(SCHEMA_URL)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert set(schema["paths"]) == {
        "/api/v1/petitions/",
        "/api/v1/petitions/{number}/",
        "/api/v1/members/",
        "/api/v1/subjects/",
        "/api/v1/sessions/",
    }
    petition = schema["components"]["schemas"]["Petition"]["properties"]
    assert {"whereas", "demands", "response", "signatures_by_province", "url"} <= set(petition)
    listing = schema["paths"]["/api/v1/petitions/"]["get"]
    assert {p["name"] for p in listing["parameters"]} >= {"status", "subject", "sort", "format"}
    assert {"200", "400", "404", "429"} <= set(listing["responses"])


def test_docs_load_nothing_from_elsewhere_and_nothing_inline(client):
    response = client.get("/api/v1/docs/")
    assert response.status_code == 200
    body = response.content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', body)
    assert sources and all(s.startswith("/") for s in sources)
    assert "<style" not in body and "<script>" not in body
    static = [s.removeprefix("/static/") for s in sources if s.startswith("/static/")]
    assert len(static) == 5
    assert all(finders.find(path) for path in static), static
    script = client.get("/api/v1/docs/?script=")
    assert script["Content-Type"] == "application/javascript"
    assert "/api/v1/schema/" in script.content.decode()


# Read from the running API itself (no database needed), once, when the tests are collected.
schema = schemathesis.openapi.from_wsgi(SCHEMA_URL, get_wsgi_application())


@pytest.fixture
def served_in_process(samples, settings):
    """The sample records, and requests made in-process inside the test's transaction."""
    settings.API_ANONYMOUS_RATE = "100000/minute"
    # The test holds the database in one transaction: keep requests from closing it.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_never_fails_and_keeps_to_its_schema(case, served_in_process):
    """Generated requests, valid and invalid: no 5xx, and every answer as documented."""
    name_real_records(case)
    case.call_and_validate()


def name_real_records(case):
    """A request generated as valid names records the samples have (an unknown one is a 400)."""
    if not case.query or case.meta.generation.mode.is_negative:
        return
    for name, values in RECORD_NAMES.items():
        if case.query.get(name) not in (None, ""):
            case.query[name] = values[len(str(case.query[name])) % len(values)]


def query_parameter(client, name):
    schema = client.get(SCHEMA_URL).json()
    parameters = schema["paths"]["/api/v1/petitions/"]["get"]["parameters"]
    return next(p for p in parameters if p["name"] == name)["schema"]


@pytest.mark.parametrize(
    ("q", "accepted"),
    [
        ("belarus", True),
        ("x" * 200, True),
        ("belarus\x00", False),
        ("\x00", False),
        ("x" * 201, False),
        ("x" * 200 + " ", False),
    ],
)
def test_the_schema_and_the_api_agree_on_which_words_are_valid(client, samples, q, accepted):
    """A run drew ``q`` with a NUL byte, which the schema allowed and the API refused
    (a 400): a request the schema calls valid must be one the API accepts."""
    valid = jsonschema.Draft4Validator(query_parameter(client, "q")).is_valid(q)
    response = client.get("/api/v1/petitions/", {"q": q})
    assert valid is accepted
    assert response.status_code == (200 if accepted else 400)
    if not accepted:
        assert list(response.json()) == ["q"]
