"""sitemap.xml: every petition, Member and subject page.

The framework splits a section into pages of 50,000 addresses under a sitemap index,
so a million petitions are twenty files. Each section's latest change is one
aggregate query, not a walk over its items.
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max

from .models import Member, Petition, Subject


class PetitionSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Petition.objects.only("e_number", "petition_no", "updated_at").order_by("pk")

    def lastmod(self, petition):
        return petition.updated_at

    def get_latest_lastmod(self):
        return Petition.objects.aggregate(latest=Max("updated_at"))["latest"]


class MemberSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Member.objects.only("slug").order_by("pk")


class SubjectSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Subject.objects.only("slug").order_by("pk")


SITEMAPS = {"petitions": PetitionSitemap, "members": MemberSitemap, "subjects": SubjectSitemap}
