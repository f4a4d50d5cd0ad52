"""A list of values from fixed choices, stored as JSON and edited with
checkboxes (who may apply, stages, purposes)."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class ChoiceListField(models.JSONField):
    def __init__(self, *args, options=None, **kwargs):
        self.options = options
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        # The choices live in code (funding.choices); the column is plain JSON.
        return name, path, args, kwargs

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        known = {key for key, _label in self.options or ()}
        if not isinstance(value, list) or any(item not in known for item in value):
            raise ValidationError(_("Choose from the list."), code="invalid_choice")

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            label=self.verbose_name,
            help_text=self.help_text,
            required=not self.blank,
            choices=list(self.options or ()),
            widget=forms.CheckboxSelectMultiple,
        )

    def labels(self, values) -> list[str]:
        """Labels of ``values`` in the order of the choices."""
        chosen = set(values or ())
        return [str(label) for key, label in self.options or () if key in chosen]
