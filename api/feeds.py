"""Atom feeds of newly published petitions and of government responses tabled.

Each comes overall, for one Member (the petitions they sponsor) and for one subject.
A petition is published when it opens for signature (an e-petition) or, for a paper
petition, when it is presented; a response when it is tabled in the House.

XML 1.0 cannot carry most control characters (a vertical tab pasted into a subject's
name, a stray U+0001 in an imported heading); a feed writes each as U+FFFD rather than
failing whole for every reader.
"""

import datetime
import re

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.xmlutils import SimplerXMLGenerator

from petitions.models import Member, Petition, Subject
from petitions.rules import OTTAWA
from responses.models import GovernmentResponse

ITEMS = 30
DESCRIPTION_WORDS = 120
# What XML 1.0 cannot carry: C0 controls but tab, newline and carriage return;
# surrogates (never valid alone); U+FFFE and U+FFFF.
NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text):
    """``text`` with every character XML 1.0 cannot carry replaced by U+FFFD."""
    return NOT_XML.sub("\ufffd", text) if text else text


class XMLTextWriter(SimplerXMLGenerator):
    """Writes text and attribute values as XML can carry them, whatever was stored."""

    def characters(self, content):
        super().characters(xml_text(content))

    def startElement(self, name, attrs):
        super().startElement(name, {key: xml_text(value) for key, value in (attrs or {}).items()})


class SafeAtom1Feed(Atom1Feed):
    def write(self, outfile, encoding):
        # As Atom1Feed.write, through the writer above.
        handler = XMLTextWriter(outfile, encoding, short_empty_elements=True)
        handler.startDocument()
        handler.startElement("feed", self.root_attributes())
        self.add_root_elements(handler)
        self.write_items(handler)
        handler.endElement("feed")


def start_of_day(date):
    """A date as a moment (midnight in Ottawa), since Atom dates every entry with a time."""
    return datetime.datetime.combine(date, datetime.time(), tzinfo=OTTAWA)


class AtomFeed(Feed):
    feed_type = SafeAtom1Feed
    author_name = _("Petition record")
    # A feed reads no query parameter; the page cache drops them all.
    query_parameters = frozenset()


class PetitionFeed(AtomFeed):
    title = _("New petitions")
    subtitle = _("Petitions to the House of Commons, newest first.")

    def link(self, obj=None):
        return reverse("petitions:list")

    def petitions(self, obj):
        return Petition.objects.all()

    def items(self, obj=None):
        return (
            self.petitions(obj)
            .with_list_relations()
            .prefetch_related("clauses", "demands")
            .newest_first()[:ITEMS]
        )

    def item_title(self, petition):
        return f"{petition.number}: {petition.subject} ({petition.get_status_display()})"

    def item_description(self, petition):
        """What the petition says, from its grievances to its requests, shortened."""
        return Truncator(" ".join(petition.printed_text())).words(DESCRIPTION_WORDS)

    def item_pubdate(self, petition):
        if petition.opened_at:
            return petition.opened_at
        return start_of_day(petition.presented_on)

    def item_updateddate(self, petition):
        return petition.updated_at

    def item_categories(self, petition):
        return [str(petition.subject)]


class ResponseFeed(AtomFeed):
    title = _("Government responses")
    subtitle = _("Government responses to petitions, as they are tabled in the House.")

    def link(self, obj=None):
        return reverse("petitions:home")

    def responses(self, obj):
        return GovernmentResponse.objects.all()

    def items(self, obj=None):
        return self.responses(obj).select_related("petition", "petition__subject")[:ITEMS]

    def item_title(self, response):
        petition = response.petition
        return _("Response to %(number)s: %(subject)s") % {
            "number": petition.number,
            "subject": petition.subject,
        }

    def item_description(self, response):
        first = response.paragraphs[:1]
        if first:
            return Truncator(first[0]).words(DESCRIPTION_WORDS)
        if response.sessional_paper:
            return _("Tabled as Sessional Paper No. %(paper)s.") % {
                "paper": response.sessional_paper
            }
        return ""

    def item_pubdate(self, response):
        return start_of_day(response.tabled_on)

    # Atom requires every entry to say when it last changed; a tabled response does not.
    item_updateddate = item_pubdate

    def item_categories(self, response):
        return [str(response.petition.subject)]


class MemberFeedMixin:
    def get_object(self, request, slug):
        return get_object_or_404(Member, slug=slug)

    def link(self, member):
        return member.get_absolute_url()


class SubjectFeedMixin:
    def get_object(self, request, slug):
        return get_object_or_404(Subject, slug=slug)

    def link(self, subject):
        return subject.get_absolute_url()


class MemberPetitionFeed(MemberFeedMixin, PetitionFeed):
    def title(self, member):
        return _("Petitions sponsored by %(name)s") % {"name": member.name}

    def subtitle(self, member):
        return str(member)

    def petitions(self, member):
        return member.sponsored_petitions.all()


class MemberResponseFeed(MemberFeedMixin, ResponseFeed):
    def title(self, member):
        return _("Responses to petitions sponsored by %(name)s") % {"name": member.name}

    def subtitle(self, member):
        return str(member)

    def responses(self, member):
        return GovernmentResponse.objects.filter(petition__sponsor=member)


class SubjectPetitionFeed(SubjectFeedMixin, PetitionFeed):
    def title(self, subject):
        return _("New petitions: %(subject)s") % {"subject": subject}

    def subtitle(self, subject):
        return str(subject)

    def petitions(self, subject):
        return subject.petitions.all()


class SubjectResponseFeed(SubjectFeedMixin, ResponseFeed):
    def title(self, subject):
        return _("Government responses: %(subject)s") % {"subject": subject}

    def subtitle(self, subject):
        return str(subject)

    def responses(self, subject):
        return GovernmentResponse.objects.filter(petition__subject=subject)
