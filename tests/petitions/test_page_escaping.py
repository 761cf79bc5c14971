"""What a record or a reader types is shown as text, never read as markup.

The pages' messages are trusted (they are ours, in the catalogue); every value put
into them, and every value shown on its own, is escaped.
"""

from petitions.models import Member, Petition

HOSTILE = "<script>alert('x')</script> & <b>"
ESCAPED = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;"


def test_a_records_values_are_escaped_in_its_pages_messages(client, e2829):
    Petition.objects.filter(pk=e2829.pk).update(
        initiator_name=HOSTILE, initiator_city="Nepean", signatures=3
    )
    Member.objects.filter(pk=e2829.sponsor_id).update(name=HOSTILE)
    for language in ("en", "fr"):
        body = client.get(f"/{language}/petitions/e-2829/").content.decode()
        assert "<script>" not in body
        assert "<b>" not in body
        # In "Initiated by %(name)s from %(city)s, …" and as the Member's name.
        assert body.count(ESCAPED) >= 2, language
    english = client.get("/en/petitions/e-2829/").content.decode()
    assert f"Initiated by {ESCAPED} from Nepean, Ontario" in english


def test_a_searchs_words_are_escaped_in_the_title_and_the_search_box(client, e2829):
    body = client.get("/en/search/", {"q": HOSTILE}).content.decode()
    assert "<script>" not in body
    assert f"<title>Search: {ESCAPED} · Petition record</title>" in body
    assert f'value="{ESCAPED}"' in body


def test_the_pages_own_messages_keep_their_punctuation(client, e2829):
    """A trusted message is written as it is: its apostrophe is not an entity."""
    body = client.get("/fr/petitions/e-2829/").content.decode()
    assert "Langue d'origine de la pétition\u00a0: Anglais" in body


def test_a_parts_text_is_escaped_and_keeps_its_line_breaks(client, e2829):
    clause = e2829.clauses.order_by("position").first()
    clause.text_en = f"{HOSTILE}\r\nsecond line\rthird line\nfourth"
    clause.save()
    body = client.get("/en/petitions/e-2829/").content.decode()
    assert "<script>" not in body
    assert f"{ESCAPED}<br>second line<br>third line<br>fourth" in body
