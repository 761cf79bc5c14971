"""Admin pieces of the clerks' workflow: a petition's full history, and the import page."""

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from .history import petition_history, restore_version
from .importing import RecordError, import_page
from .published_page import PageError


class PetitionHistoryAdminMixin:
    """The petition's history page shows every version of it and of its parts."""

    def get_urls(self):
        opts = self.opts
        return [
            path(
                "<path:object_id>/history/restore/<slug:kind>/<int:history_id>/",
                self.admin_site.admin_view(require_POST(self.restore_view)),
                name=f"{opts.app_label}_{opts.model_name}_restore",
            ),
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name=f"{opts.app_label}_{opts.model_name}_import",
            ),
            *super().get_urls(),
        ]

    def history_view(self, request, object_id, extra_context=None):
        petition = self.get_object(request, unquote(object_id))
        if petition is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_view_or_change_permission(request, petition):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": petition,
            "title": _("History of %(petition)s") % {"petition": petition},
            "entries": petition_history(petition),
            "can_restore": self.has_change_permission(request, petition),
            **(extra_context or {}),
        }
        return TemplateResponse(request, "clerks/petition_history.html", context)

    def restore_view(self, request, object_id, kind, history_id):
        petition = self.get_object(request, unquote(object_id))
        if petition is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_change_permission(request, petition):
            raise PermissionDenied
        try:
            restore_version(petition, kind, history_id)
        except ValidationError as error:
            messages.error(
                request,
                gettext("That version was not restored: %(reasons)s")
                % {"reasons": " ".join(error.messages)},
            )
        else:
            messages.success(request, gettext("The version was restored."))
        return redirect(f"admin:{self.opts.app_label}_{self.opts.model_name}_history", petition.pk)

    def import_view(self, request):
        if not (self.has_add_permission(request) and self.has_change_permission(request)):
            raise PermissionDenied
        form = ImportPageForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                result = import_page(form.cleaned_data["text"])
            except (PageError, RecordError) as error:
                form.add_error("text", str(error))
            else:
                message = (
                    _("Petition %(number)s was created from its page.")
                    if result.created
                    else _("Petition %(number)s was updated from its page.")
                )
                messages.success(request, message % {"number": result.petition.number})
                return redirect(
                    reverse(
                        f"admin:{self.opts.app_label}_{self.opts.model_name}_change",
                        args=[result.petition.pk],
                    )
                )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Import a published petition page"),
            "form": form,
        }
        return TemplateResponse(request, "clerks/import_page.html", context)


class ImportPageForm(forms.Form):
    text = forms.CharField(
        label=_("Text of the page"),
        widget=forms.Textarea(attrs={"rows": 30, "cols": 100}),
        help_text=_(
            "Copy the whole page of one petition from the House of Commons site, in "
            "English or in French, and paste it here. A French page fills the French "
            "version of the same petition."
        ),
        max_length=200_000,
    )
