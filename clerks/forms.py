"""Admin forms: loosely typed numbers, and ordered clauses and demands."""

from django import forms
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils.dateparse import parse_datetime
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from petitions import rules
from petitions.languages import current_language
from petitions.numbers import format_e_number, parse_number

from .accessibility import LabelledInlineFormSetMixin


class ENumberField(forms.IntegerField):
    """Accepts "e-2829", "E-2829" or "2829"; shows "e-2829"."""

    widget = forms.TextInput

    def prepare_value(self, value):
        if isinstance(value, int):
            return format_e_number(value)
        return value

    def to_python(self, value):
        if value in self.empty_values:
            return None
        parsed = parse_number(str(value))
        if parsed is None or parsed.e_number is None:
            raise ValidationError(_("An e-petition number reads like e-2829."), code="invalid")
        return parsed.e_number


class TranslatedErrorsMixin:
    """For a ModelForm of a translated model: an error the model gives a translated
    field ("office") is shown on that field in the page's language ("office_fr"),
    and an error on a field the form does not show is shown above the form,
    rather than failing the request.
    """

    def _update_errors(self, errors):
        if hasattr(errors, "error_dict"):
            moved = {}
            for name, messages in errors.error_dict.items():
                moved.setdefault(self._field_for_error(name), []).extend(messages)
            errors = ValidationError(moved)
        super()._update_errors(errors)

    def _field_for_error(self, name):
        if name == NON_FIELD_ERRORS or name in self.fields:
            return name
        codes = [current_language()] + [code for code, _ in settings.LANGUAGES]
        return next(
            (f"{name}_{code}" for code in codes if f"{name}_{code}" in self.fields),
            NON_FIELD_ERRORS,
        )


class TranslatedModelForm(TranslatedErrorsMixin, forms.ModelForm):
    """The admin form of a translated model."""


class NoLostEditsMixin:
    """The form carries the time its petition was last changed, as the clerk loaded it.

    Any later change to the petition or to one of its parts (a clerk, a restore from
    history, an import: petitions.signals) means this form would save over it: the
    save is refused with a message, and the other change stays.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["loaded_version"] = forms.CharField(widget=forms.HiddenInput, required=False)
        petition = self.petition_of(self.instance)
        if petition is not None:
            self.initial["loaded_version"] = petition.updated_at.isoformat()

    def petition_of(self, instance):
        """The saved petition this form changes (None on an add form)."""
        raise NotImplementedError

    def clean(self):
        cleaned_data = super().clean()
        petition = self.petition_of(self.instance)
        if petition is not None:
            self._refuse_a_lost_update(petition, cleaned_data.get("loaded_version"))
        return cleaned_data

    def _refuse_a_lost_update(self, petition, loaded_version):
        # Locked until this save commits, so two saves cannot both pass the check.
        saved = (
            type(petition)
            .objects.select_for_update()
            .filter(pk=petition.pk)
            .values_list("updated_at", flat=True)
            .first()
        )
        loaded = parse_datetime(loaded_version or "")
        if saved is not None and loaded != saved:
            raise ValidationError(
                _(
                    "Someone else saved this petition at %(time)s, after you opened it. "
                    "Your changes were not saved: reload the page to see theirs, then "
                    "make yours again."
                ),
                code="stale",
                params={"time": localtime(saved).strftime("%Y-%m-%d %H:%M:%S")},
            )


class PetitionAdminForm(NoLostEditsMixin, TranslatedErrorsMixin, forms.ModelForm):
    """The admin builds this form's fields for Petition from its fieldsets."""

    e_number = ENumberField(
        label=_("e-petition number"),
        required=False,
        help_text=_("E-petitions only, given at creation: e-2829."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "presenter" in self.fields:
            self.fields["presenter"].help_text = _(
                "Left empty on a presented petition, the sponsoring Member presents it."
            )

    def petition_of(self, instance):
        return instance if instance.pk else None

    def clean(self):
        cleaned_data = super().clean()
        if "sponsor" in cleaned_data and "presenter" in cleaned_data:
            cleaned_data["sponsor"], cleaned_data["presenter"] = rules.sponsor_and_presenter(
                cleaned_data["sponsor"],
                cleaned_data["presenter"],
                presented=bool(cleaned_data.get("presented_on")),
            )
        return cleaned_data

    def clean_petition_no(self):
        value = self.cleaned_data.get("petition_no")
        if not value:
            return None
        parsed = parse_number(value)
        if parsed is None or parsed.petition_no is None:
            raise ValidationError(_("A Petition No. reads like 432-00158."), code="invalid")
        return parsed.petition_no


class OrderedPartForm(TranslatedErrorsMixin, forms.ModelForm):
    def _get_validation_exclusions(self):
        # Positions are checked across the whole formset (see OrderedPartFormSet),
        # so that clauses can be renumbered in one save.
        exclusions = super()._get_validation_exclusions()
        exclusions.add("position")
        return exclusions


class OrderedPartFormSet(LabelledInlineFormSetMixin, BaseInlineFormSet):
    """Clauses or demands of one petition: positions unique, renumbering allowed."""

    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        if index is not None and index >= self.initial_form_count():
            kwargs["initial"] = {"position": index + 1}
        return kwargs

    def clean(self):
        super().clean()
        seen = {}
        for form in self.forms:
            if not hasattr(form, "cleaned_data") or not form.cleaned_data:
                continue
            if self.can_delete and self._should_delete_form(form):
                continue
            position = form.cleaned_data.get("position")
            if position is None:
                continue
            if position in seen:
                form.add_error(
                    "position",
                    _("Two %(parts)s cannot share position %(position)s.")
                    % {"parts": self.model._meta.verbose_name_plural, "position": position},
                )
            seen[position] = form

    def save_existing_objects(self, commit=True):
        if commit:
            moved = [
                form.instance.pk
                for form in self.initial_forms
                if form.instance.pk
                and "position" in form.changed_data
                and not self._should_delete_form(form)
            ]
            if moved:
                self.model.objects.filter(pk__in=moved).park()
        return super().save_existing_objects(commit)
