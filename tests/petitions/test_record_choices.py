"""The filter form's lists are read once per record version, for every server process."""

from petitions.models import Keyword
from public.record_choices import record_choices


def another_process():
    """What a process that has not yet shown this version's form holds: nothing."""
    record_choices._version, record_choices._lists = None, {}


def test_a_process_finds_the_lists_another_made_in_the_shared_cache(
    client, samples, django_assert_num_queries
):
    """The page's ids and the version; the five lists, the count and the petitions'
    entries come from the shared cache."""
    first = client.get("/en/petitions/")
    another_process()
    with django_assert_num_queries(2):
        second = client.get("/en/petitions/")
    assert second.content == first.content


def test_lists_are_read_again_after_a_change_to_the_record(
    client, samples, django_assert_num_queries
):
    client.get("/en/petitions/")
    Keyword.objects.create(slug="tidal-power", name_en="Tidal power", name_fr="Énergie marémotrice")
    another_process()
    with django_assert_num_queries(4 + 5):  # version, count, ids, petitions; the lists
        page = client.get("/en/petitions/")
    assert 'value="tidal-power"' in page.content.decode()
