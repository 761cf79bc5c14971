"""Keep what a petition stores of its response current: whether it was late, its
search data and its last change (the response is part of the petition's record)."""

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from petitions import indexing
from petitions.models import Petition
from petitions.signals import touch

from .models import GovernmentResponse, refresh_lateness


@receiver(post_save, sender=Petition)
def petition_saved(sender, instance, **kwargs):
    # A new presentation date moves the response's due date.
    refresh_lateness(Petition.objects.filter(pk=instance.pk))


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
def response_changed(sender, instance, raw=False, **kwargs):
    petitions = {instance.petition_id, getattr(instance, "_previous_petition_id", None)}
    refresh_lateness(Petition.objects.filter(pk__in=petitions - {None}))
    petition = Petition.objects.filter(pk=instance.petition_id)
    if not raw:
        touch(petition)
    indexing.refresh(petition)
