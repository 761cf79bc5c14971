"""The filters a list page applies, each with the address of the list without it.

The labels come from the filter form's own choices, which
``public.record_choices`` caches per record version, so showing them costs no
query the form does not already make.
"""

# Parameters that choose how a list is shown, not which petitions it holds.
NOT_FILTERS = frozenset(["sort", "page", "per_page"])


def active_filters(filterset, request):
    """[{label, value, url}] for each filter the address sets, in the form's order."""
    if filterset is None or request is None or not filterset.is_bound:
        return []
    form = filterset.form
    active = []
    for name, field in form.fields.items():
        if name in NOT_FILTERS:
            continue
        value = request.GET.get(name, "").strip()
        if not value:
            continue
        remaining = request.GET.copy()
        remaining.pop(name, None)
        remaining.pop("page", None)
        active.append(
            {
                "label": field.label,
                "value": choice_label(field, value),
                "url": f"?{remaining.urlencode()}",
            }
        )
    return active


def choice_label(field, value):
    """The label a select shows for ``value``; the value itself for a typed field."""
    choices = getattr(field.widget, "choices", None)
    if not choices:
        return value
    for choice, label in choices:
        if str(choice) == value:
            return label
    return value
