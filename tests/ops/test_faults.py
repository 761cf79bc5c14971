"""What readers, clerks and the load balancer see when the database fails."""

import pytest
from django.db import OperationalError

from petitions.models import Demand, ParliamentSession, Petition, WhereasClause
from responses.models import GovernmentResponse
from tests.petitions.test_admin import new_petition_form

PAGES = [
    "/en/",
    "/en/petitions/",
    "/en/petitions/e-2829/",
    "/en/search/?q=belarus",
    "/en/members/jordan-sample/",
    "/en/sessions/432/",
]


def test_load_balancer_health_check_follows_the_database(client, unreachable_database):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.content == b"database unavailable\n"
    unreachable_database.restore()
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"


@pytest.mark.parametrize("url", PAGES)
def test_reader_gets_a_clear_503_while_the_database_is_down_and_the_page_after(
    client, samples, unreachable_database, url
):
    response = client.get(url)
    assert response.status_code == 503
    body = response.content.decode()
    assert "The petition record is temporarily unavailable" in body
    assert "Traceback" not in body and "OperationalError" not in body
    assert response["Retry-After"] == "30"
    assert "default-src 'none'" in response["Content-Security-Policy"]

    unreachable_database.restore()
    response = client.get(url, follow=True)
    assert response.status_code == 200
    assert "temporarily unavailable" not in response.content.decode()


def test_clerk_whose_save_fails_midway_is_told_and_nothing_is_half_saved(
    clerk_client, e2829, monkeypatch
):
    """The response is saved last: by then the petition and its clauses were written."""

    def connection_lost(self, *args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(GovernmentResponse, "save", connection_lost)
    form = new_petition_form(
        ParliamentSession.objects.get(parliament=43, number=2),
        e2829.subject,
        e2829.sponsor,
        ["Rail service is slow;", "Roads are congested."],
        ["Build a railway."],
    )
    parts_before = WhereasClause.objects.count(), Demand.objects.count()
    response = clerk_client.post("/admin/petitions/petition/add/", form)
    assert response.status_code == 503
    body = response.content.decode()
    assert "Your changes were not saved." in body
    assert not Petition.objects.filter(e_number=3001).exists()
    assert (WhereasClause.objects.count(), Demand.objects.count()) == parts_before
