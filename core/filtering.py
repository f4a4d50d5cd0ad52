"""What the listings' filter sets (django-filter) share: the form they build
and a select that carries a repeated parameter. Every listing renders its
filter set with ``templates/components/filters.html``."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

ANY = _("Any")


class FilterForm(forms.Form):
    """The form of a listing's filter set: field ids ``filter-<name>``, as
    the filter template's labels expect."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "filter-%s")
        super().__init__(*args, **kwargs)

    def full_clean(self):
        # A shared link may write a country code in lower case.
        if hasattr(self.data, "getlist") and "country" in self.data:
            data = self.data.copy()
            data.setlist("country", [code.strip().upper() for code in data.getlist("country")])
            self.data = data
        super().full_clean()


class OneOfMany(forms.Select):
    """One select for a parameter that a shared link may repeat
    (``?theme=a&theme=b``): every value is read, the first is shown."""

    def value_from_datadict(self, data, files, name):
        getter = getattr(data, "getlist", None)
        return getter(name) if getter else data.get(name)


class FilterSet(django_filters.FilterSet):
    class Meta:
        form = FilterForm

    def set_choices(self, name, choices, *, shown=None):
        """The values ``name`` accepts, and (when other) the options its
        select shows, after an "Any" option where the field has none."""
        field = self.form.fields[name]
        field.choices = choices
        if shown is not None or not getattr(field, "empty_label", None):
            options = list(choices if shown is None else shown)
            field.widget.choices = [("", ANY), *options]

    @property
    def valid(self) -> bool:
        """No filter, or filters that all make sense."""
        return not self.is_bound or self.is_valid()

    @property
    def values(self) -> dict:
        """The filters in use (cleaned), or nothing if any is wrong."""
        if not self.is_bound or not self.is_valid():
            return {}
        return {name: value for name, value in self.form.cleaned_data.items() if value}
