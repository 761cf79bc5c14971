"""Keep derived data current: what each petition asks and its search data
(petitions.indexing), whether the response was late, and the petition's last change
(a change to any of its parts is one).

The admin saves a petition, then its clauses, demands, keywords and response,
in one request: each save refreshes the petition's search data, so the last one
leaves it matching what was saved. Fixtures (raw saves) are refreshed too, as
each part arrives.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver
from django.utils import timezone

from responses.models import GovernmentResponse

from . import indexing
from .models import Demand, Keyword, Petition, SignatureCount, Subject, WhereasClause


@receiver(post_save, sender=Petition)
def petition_saved(sender, instance, **kwargs):
    petition = Petition.objects.filter(pk=instance.pk)
    # A new presentation date moves the response's due date.
    petition.refresh_response_late()
    indexing.refresh(petition)


@receiver(post_delete, sender=Petition)
def petition_deleted(sender, instance, **kwargs):
    indexing.forget([instance.pk])


@receiver(pre_save, sender=GovernmentResponse)
def response_saving(sender, instance, **kwargs):
    """Remember the petition a response belonged to, in case it is moved to another."""
    instance._previous_petition_id = (
        GovernmentResponse.objects.filter(pk=instance.pk)
        .values_list("petition_id", flat=True)
        .first()
        if instance.pk
        else None
    )


@receiver(post_save, sender=GovernmentResponse)
@receiver(post_delete, sender=GovernmentResponse)
def response_changed(sender, instance, **kwargs):
    petitions = {instance.petition_id, getattr(instance, "_previous_petition_id", None)}
    Petition.objects.filter(pk__in=petitions - {None}).refresh_response_late()


@receiver(post_save, sender=WhereasClause)
@receiver(post_delete, sender=WhereasClause)
@receiver(post_save, sender=Demand)
@receiver(post_delete, sender=Demand)
@receiver(post_save, sender=GovernmentResponse)
@receiver(post_delete, sender=GovernmentResponse)
@receiver(post_save, sender=SignatureCount)
@receiver(post_delete, sender=SignatureCount)
def part_changed(sender, instance, raw=False, **kwargs):
    """The form of someone who opened the petition before refuses to save over this
    change (petitions.forms); what is searched follows it (signature counts are not)."""
    petition = Petition.objects.filter(pk=instance.petition_id)
    if not raw:
        petition.update(updated_at=timezone.now())
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
