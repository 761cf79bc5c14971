"""sitemap.xml: every petition, Member and subject page, in English and in French.

The framework splits a section into pages of 50,000 addresses under a sitemap index,
so a million petitions are twenty files. Each section's latest change is one
aggregate query, not a walk over its items.

Each language is a section of its own ("petitions-fr"): the framework's i18n
option would load a whole table into memory on every request to pair items with
languages. The pages name their other-language twin (hreflang) in their head.
"""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.utils.translation import override

from petitions.models import Member, Petition, Subject


class LanguageSitemap(Sitemap):
    """A section's pages in one language."""

    language = settings.LANGUAGE_CODE
    changefreq = "weekly"

    def location(self, item):
        with override(self.language):
            return item.get_absolute_url()


class PetitionSitemap(LanguageSitemap):
    def items(self):
        return Petition.objects.only("e_number", "petition_no", "updated_at").order_by("pk")

    def lastmod(self, petition):
        return petition.updated_at

    def get_latest_lastmod(self):
        return Petition.objects.aggregate(latest=Max("updated_at"))["latest"]


class MemberSitemap(LanguageSitemap):
    def items(self):
        return Member.objects.only("slug").order_by("pk")


class SubjectSitemap(LanguageSitemap):
    def items(self):
        return Subject.objects.only("slug").order_by("pk")


SECTIONS = {"petitions": PetitionSitemap, "members": MemberSitemap, "subjects": SubjectSitemap}
SITEMAPS = {
    f"{name}-{code}": type(f"{sitemap.__name__}_{code}", (sitemap,), {"language": code})
    for name, sitemap in SECTIONS.items()
    for code, _ in settings.LANGUAGES
}
