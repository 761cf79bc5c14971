"""Someone mapping petitions by MP, subject or session reads the counts."""

import pytest


def results(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.json()["results"]


def test_members_with_their_petition_counts(client, samples):
    members = {m["slug"]: m for m in results(client, "/api/v1/members/")}
    assert members["jordan-sample"]["petition_count"] == 2
    assert members["jordan-sample"]["responded_count"] == 1
    assert members["chandra-arya"]["petition_count"] == 1
    assert members["chandra-arya"]["responded_count"] == 1
    assert members["camille-exemple"]["responded_count"] == 0
    assert members["jordan-sample"]["riding"] == {"en": "Sample Valley", "fr": "Vallée-Exemple"}
    assert members["jordan-sample"]["url"] == "http://testserver/en/members/jordan-sample/"
    assert list(members) == sorted(members)


def test_subjects_with_their_petition_counts(client, samples):
    subjects = {s["slug"]: s["petition_count"] for s in results(client, "/api/v1/subjects/")}
    assert subjects == {"environment": 2, "foreign-affairs": 1, "health": 2}


def test_sessions_most_recent_first_with_their_petition_counts(client, samples):
    sessions = results(client, "/api/v1/sessions/")
    assert [(s["code"], s["petition_count"]) for s in sessions] == [
        ("451", 2),
        ("441", 2),
        ("432", 1),
    ]
    assert sessions[-1]["name"] == "43rd Parliament, 2nd Session"
    assert sessions[-1]["url"] == "http://testserver/en/sessions/432/"


@pytest.mark.parametrize("url", ["/api/v1/members/", "/api/v1/subjects/", "/api/v1/sessions/"])
def test_counts_are_annotated_in_two_queries(client, samples, django_assert_num_queries, url):
    """The total, then one page with each row's counts: no query per Member, subject or session."""
    with django_assert_num_queries(2):
        response = client.get(url)
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["ETag"]
