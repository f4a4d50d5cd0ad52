"""Taxonomy and other snippet pickers in the admin, aware of locale.

- Every ``ParentalManyToManyField`` in an admin form labels each choice with
  its language ("Finance (English)") when the target is translatable, so a
  picker that lists several locales says which is which
  (``core/patches/locale_labels.py`` makes it the field's default).
- ``LocalizedAdminPageForm`` (a page's ``base_form_class``) goes further and
  offers only the items in the page's own locale, so the labels need no
  language, and shows a page's countries as checkboxes, the chosen first
  (``core.widgets.ChosenFirstCheckboxes``).

Snippet choosers (Wagtail's chooser modal for a ``TranslatableMixin`` snippet)
already show a Locale column and a locale filter in Wagtail 8; the page
chooser browses one locale's tree at a time.
"""

from django import forms
from django_countries.widgets import LazySelectMultiple
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page, TranslatableMixin

from core.widgets import ChosenFirstCheckboxes


def _translatable(queryset) -> bool:
    model = getattr(queryset, "model", None)
    return (
        model is not None and issubclass(model, TranslatableMixin) and not issubclass(model, Page)
    )


class LocaleLabelledMultipleChoiceField(forms.ModelMultipleChoiceField):
    """A multiple choice whose labels name each item's language, unless
    its choices are all in one (``show_locale`` off)."""

    show_locale = True

    def __init__(self, queryset, **kwargs):
        if _translatable(queryset):
            queryset = queryset.select_related("locale")
        super().__init__(queryset, **kwargs)

    def label_from_instance(self, obj):
        label = super().label_from_instance(obj)
        locale = getattr(obj, "locale", None) if _translatable(self.queryset) else None
        if locale is None or not self.show_locale:
            return label
        return f"{label} ({locale.get_display_name()})"


def restrict_to_locale(form, locale) -> None:
    """Limit every choice of translatable snippets in ``form`` to ``locale``."""
    if locale is None:
        return
    for field in form.fields.values():
        queryset = getattr(field, "queryset", None)
        if queryset is not None and _translatable(queryset):
            field.queryset = queryset.filter(locale=locale)
            field.show_locale = False  # one language: "Finance", not "Finance (English)"


def country_checkboxes(form) -> None:
    """Multiple-country fields as checkboxes, the chosen ones first."""
    for field in form.fields.values():
        if isinstance(field.widget, LazySelectMultiple):
            field.widget = ChosenFirstCheckboxes(choices=field.choices)


class LocalizedAdminPageForm(WagtailAdminPageForm):
    """Page form offering only taxonomy terms (and other translatable
    snippets) of the page's locale."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale = None
        if self.instance is not None and self.instance.locale_id:
            locale = self.instance.locale
        elif self.parent_page is not None:
            locale = self.parent_page.locale
        restrict_to_locale(self, locale)
        country_checkboxes(self)
