from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from petitions.choices import Status
from responses.models import GovernmentResponse

from .admin_layout import EitherLanguageMixin, SideBySideMedia, side_by_side
from .forms import NoLostEditsMixin, TranslatedModelForm

# Tabled on a date, under a sessional paper, or in full (office, signer, text), or both.
RESPONSE_FIELDS = [
    ("tabled_on", "sessional_paper"),
    side_by_side("office"),
    ("signer_name", "signer_capacity"),
    side_by_side("text"),
]


class GovernmentResponseFormSet(BaseInlineFormSet):
    """A response exists exactly when the petition's status says it was tabled."""

    def clean(self):
        super().clean()
        has_response = any(
            form.cleaned_data and not self._should_delete_form(form)
            for form in self.forms
            if hasattr(form, "cleaned_data")
        )
        status = self.instance.status
        if status == Status.RESPONDED and not has_response:
            raise ValidationError(
                _("The status is “Government response tabled”: enter the response below.")
            )
        if has_response and status and status != Status.RESPONDED:
            raise ValidationError(
                _("A petition with a response has the status “Government response tabled”.")
            )


class GovernmentResponseInline(EitherLanguageMixin, TranslationStackedInline):
    model = GovernmentResponse
    form = TranslatedModelForm
    formset = GovernmentResponseFormSet
    fields = RESPONSE_FIELDS
    extra = 0
    max_num = 1


class GovernmentResponseAdminForm(NoLostEditsMixin, TranslatedModelForm):
    """A response on its own page: saved over its petition's later changes, never."""

    def petition_of(self, instance):
        return instance.petition if instance.pk else None


@admin.register(GovernmentResponse)
class GovernmentResponseAdmin(EitherLanguageMixin, SideBySideMedia, TranslationAdmin):
    form = GovernmentResponseAdminForm
    fields = ["petition", *RESPONSE_FIELDS]
    list_display = ["petition", "office", "sessional_paper", "tabled_on"]
    list_select_related = ["petition"]
    search_fields = [
        "petition__petition_no",
        "office_en",
        "office_fr",
        "signer_name",
        "sessional_paper",
    ]
    autocomplete_fields = ["petition"]
    date_hierarchy = "tabled_on"
