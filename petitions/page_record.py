"""A petition found by its number, compiled once per connection: for its page, or
for its address.

The petition page and the API's petition ask for a petition with all its page shows
on every request, and the search box for a typed number's address: each in one query
never built afresh (petitions.compiled), and a page's parts in one more
(petitions.parts).
"""

from .compiled import CompiledLookup
from .models import Petition
from .parts import load_parts


class ByNumber:
    """A petition by its e-number or its Petition No., as a parsed number gives it."""

    def __init__(self, queryset):
        self.by_e_number = CompiledLookup(queryset, "e_number")
        self.by_petition_no = CompiledLookup(queryset, "petition_no")

    def get(self, number):
        if number is None:
            return None
        if number.e_number:
            return self.by_e_number.get(number.e_number)
        return self.by_petition_no.get(number.petition_no)


FOR_PAGE = ByNumber(Petition.objects.with_page_relations)
# Only what its address is made of.
FOR_ADDRESS = ByNumber(lambda: Petition.objects.only("e_number", "petition_no"))


def petition_for_page(number):
    """The petition a parsed number (or None) names, with its relations and parts, or None."""
    petition = FOR_PAGE.get(number)
    if petition is not None:
        load_parts([petition])
    return petition


def petition_address(number):
    """The petition a parsed number (or None) names, with only its numbers read, or None."""
    return FOR_ADDRESS.get(number)
