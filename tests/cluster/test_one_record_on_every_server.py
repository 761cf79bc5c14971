"""Readers and clerks on two app servers see one record, whichever server answers."""

import io
import re
import uuid

import pytest
from PIL import Image

from tests.cluster.conftest import admin_id, until
from tests.conftest import page_text

pytestmark = pytest.mark.cluster

PETITION = "/en/petitions/e-2829/"
PETITIONS_ADMIN = "/admin/petitions/petition/"
MEMBERS_ADMIN = "/admin/petitions/member/"


def test_a_clerks_correction_on_one_server_is_seen_at_once_on_the_others_public_page(
    cluster, clerk, visitor
):
    servers = cluster.servers
    petition = admin_id(clerk, servers[0], PETITIONS_ADMIN, "2829")
    change = f"{PETITIONS_ADMIN}{petition}/change/"
    for round_number in range(6):
        # Saved on one server, read at once on the other, both ways round.
        saving, reading = servers[round_number % 2], servers[(round_number + 1) % 2]
        assert visitor.get(reading, PETITION).status_code == 200  # a copy is now cached
        lead_in = f"We, the undersigned, correction {round_number} {uuid.uuid4().hex[:8]}:"
        form = clerk.form(saving, change)
        form["lead_in_en"] = lead_in
        assert clerk.post(saving, change, form).status_code == 302
        page = visitor.get(reading, PETITION)
        assert page.status_code == 200
        assert lead_in in page_text(page), f"round {round_number}: stale page from {reading}"
        assert page.headers["Cache-Status"].endswith("fwd=miss; stored")
        # The replica replays the save seconds later: this page was read from the primary.
        assert page.headers["X-Database-Alias"] == "default"


def test_a_page_made_by_one_server_is_served_from_the_shared_cache_by_the_other(cluster, visitor):
    first, second = cluster.servers
    page = f"/en/search/?q=belarus+{uuid.uuid4().hex[:6]}"
    made = visitor.get(first, page)
    assert made.headers["Cache-Status"].endswith("fwd=miss; stored")
    assert made.headers["X-Served-By"].startswith("app1")
    served = visitor.get(second, page)
    assert served.headers["X-Served-By"].startswith("app2")
    assert served.headers["Cache-Status"].endswith("; hit")
    assert served.content == made.content


def test_anonymous_pages_are_read_from_the_replica_and_the_admin_from_the_primary(
    cluster, clerk, visitor
):
    def fresh_search(server, prefix="/en/search/"):
        # A search nobody made before: rendered now, not served from the cache.
        page = visitor.get(server, f"{prefix}?q=rail+{uuid.uuid4().hex[:6]}")
        assert page.status_code == 200
        return page.headers["X-Database-Alias"]

    for server in cluster.servers:
        # Once the replica has replayed the last save (REPLICA_DELAY_SECONDS), it serves.
        until(lambda server=server: fresh_search(server) == "replica1")
        assert fresh_search(server) == "replica1"
        assert fresh_search(server, "/api/v1/petitions/") == "replica1"

        admin = clerk.get(server, PETITIONS_ADMIN)
        assert admin.status_code == 200
        assert admin.headers["X-Database-Alias"] == "default"
        # A signed-in clerk reads the public pages from the primary too: their own
        # change is there the moment it is saved.
        public = clerk.get(server, f"/en/search/?q=rail+{uuid.uuid4().hex[:6]}")
        assert public.headers["X-Database-Alias"] == "default"


def test_a_clerk_signed_in_on_one_server_is_signed_in_on_the_other_and_reads_its_messages(
    cluster, clerk
):
    first, second = cluster.servers
    assert clerk.get(second, "/admin/").status_code == 200
    petition = admin_id(clerk, second, PETITIONS_ADMIN, "2829")
    change = f"{PETITIONS_ADMIN}{petition}/change/"
    saved = clerk.post(first, change, clerk.form(first, change))
    assert saved.status_code == 302
    # The confirmation is shown by whichever server serves the next page.
    after = clerk.get(second, saved.headers["Location"])
    assert after.status_code == 200
    assert "was changed successfully" in page_text(after)
    # Signed out on one, signed out on both.
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', after.text).group(1)
    assert clerk.post(second, "/admin/logout/", {"csrfmiddlewaretoken": token}).status_code == 200
    assert clerk.get(first, "/admin/").status_code == 302


def test_a_photo_uploaded_through_one_server_is_kept_where_every_server_finds_it(
    cluster, clerk, visitor
):
    first, second = cluster.servers
    member = admin_id(clerk, first, MEMBERS_ADMIN, "Paul+Manly")
    change = f"{MEMBERS_ADMIN}{member}/change/"
    picture = io.BytesIO()
    Image.new("RGB", (12, 16), (120, 40, 40)).save(picture, "PNG")
    form = clerk.form(first, change)
    saved = clerk.post(
        first, change, form, files={"photo": ("manly.png", picture.getvalue(), "image/png")}
    )
    assert saved.status_code == 302, page_text(saved)[:500]

    edit = clerk.get(second, change)
    stored = re.search(r'href="/media/(members/[^"]+\.png)"', edit.text).group(1)
    assert (cluster.folder / "media" / stored).read_bytes() == picture.getvalue()
    slug = re.search(r'name="slug"[^>]*value="([^"]+)"', edit.text).group(1)
    page = visitor.get(second, f"/en/members/{slug}/")
    assert f'src="/media/{stored}"' in page.text


def test_each_server_says_which_parts_it_reaches(cluster):
    for server in cluster.servers:
        status, report = cluster.health(server)
        assert status == 200
        assert report["database"] == report["replica"] == report["cache"] == "ok"
        assert report["replicas"]["replica1"]["state"] == "ok"
