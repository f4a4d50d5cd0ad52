"""Build the POST data of a Wagtail admin page form from the page itself,
so tests submit exactly what the edit view would show (whatever fields the
page model has by then)."""


def _form_fields(form, data):
    for bound in form:
        value = bound.value()
        if value is None:
            continue
        widget = bound.field.widget
        if isinstance(value, list | tuple):
            data[bound.html_name] = [str(v) for v in value]
        elif isinstance(value, bool):
            if value:
                data[bound.html_name] = "on"
        else:
            formatted = widget.format_value(value)
            data[bound.html_name] = "" if formatted is None else formatted
    for formset in getattr(form, "formsets", {}).values():
        _form_fields(formset.management_form, data)
        for subform in formset.forms:
            _form_fields(subform, data)


def page_form_data(page, user, **changes):
    page = page.get_latest_revision_as_object()
    edit_handler = page.get_edit_handler()
    form_class = edit_handler.get_form_class()
    parent = page.get_parent()
    form = form_class(instance=page, parent_page=parent, for_user=user)
    data = {}
    _form_fields(form, data)
    data.update(changes)
    return data
