"""Keep derived data current: what each petition asks and its search data
(petitions.indexing), its sponsor's name, and the petition's last change (a change
to any of its parts is one). The response's part of this is kept by
responses.signals.

The admin saves a petition, then its clauses, demands, keywords and response,
in one request: each save refreshes the petition's search data, so the last one
leaves it matching what was saved. Fixtures (raw saves) are refreshed too, as
each part arrives.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver
from django.utils import timezone

from . import indexing
from .models import Demand, Keyword, Member, Petition, SignatureCount, Subject, WhereasClause


@receiver(pre_save, sender=Petition)
def sponsor_named(sender, instance, **kwargs):
    """The sponsor's name, which lists sorted by Member read (fixtures' raw saves too)."""
    if instance.sponsor_id is None:
        instance.sponsor_name = None
    elif Petition.sponsor.is_cached(instance):
        instance.sponsor_name = instance.sponsor.name
    else:
        found = Member.objects.filter(pk=instance.sponsor_id).values_list("name", flat=True)
        instance.sponsor_name = found.first()


@receiver(post_save, sender=Member)
def member_renamed(sender, instance, created, **kwargs):
    if not created:
        Petition.objects.filter(sponsor=instance).exclude(sponsor_name=instance.name).update(
            sponsor_name=instance.name
        )


@receiver(post_save, sender=Petition)
def petition_saved(sender, instance, **kwargs):
    indexing.refresh(Petition.objects.filter(pk=instance.pk))


@receiver(post_delete, sender=Petition)
def petition_deleted(sender, instance, **kwargs):
    indexing.forget([instance.pk])


def touch(petitions):
    """Mark the petitions changed now: a form opened before refuses to save over the
    change (clerks.forms)."""
    petitions.update(updated_at=timezone.now())


@receiver(post_save, sender=WhereasClause)
@receiver(post_delete, sender=WhereasClause)
@receiver(post_save, sender=Demand)
@receiver(post_delete, sender=Demand)
@receiver(post_save, sender=SignatureCount)
@receiver(post_delete, sender=SignatureCount)
def part_changed(sender, instance, raw=False, **kwargs):
    """What is searched follows the change (signature counts are not searched)."""
    petition = Petition.objects.filter(pk=instance.petition_id)
    if not raw:
        touch(petition)
    if sender is not SignatureCount:
        indexing.refresh(petition)


@receiver(m2m_changed, sender=Petition.keywords.through)
def keywords_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if not reverse:
        if action in ("post_add", "post_remove", "post_clear"):
            indexing.refresh(Petition.objects.filter(pk=instance.pk))
    elif action == "pre_clear":
        # A keyword cleared of its petitions: remember which, before they go.
        instance._search_petitions = list(instance.petitions.values_list("pk", flat=True))
    elif action == "post_clear":
        indexing.refresh(Petition.objects.filter(pk__in=instance._search_petitions))
    elif action in ("post_add", "post_remove"):
        indexing.refresh(Petition.objects.filter(pk__in=pk_set))


@receiver(post_save, sender=Subject)
def subject_renamed(sender, instance, created, **kwargs):
    if not created:
        indexing.refresh(Petition.objects.filter(subject=instance))


@receiver(post_save, sender=Keyword)
def keyword_renamed(sender, instance, created, **kwargs):
    if not created:
        indexing.refresh(Petition.objects.filter(keywords=instance))


@receiver(pre_delete, sender=Keyword)
def keyword_deleting(sender, instance, **kwargs):
    instance._search_petitions = list(instance.petitions.values_list("pk", flat=True))


@receiver(post_delete, sender=Keyword)
def keyword_deleted(sender, instance, **kwargs):
    indexing.refresh(Petition.objects.filter(pk__in=instance._search_petitions))
