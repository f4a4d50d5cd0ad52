"""The moderation form: a status (approve, reject, spam) and a public reply.
It records who moderated and when."""

from django import forms
from django.utils import timezone
from wagtail.admin.forms import WagtailAdminModelForm

from consultation.models import MODERATION_STATUSES


class ModerationForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "status" in self.fields:
            self.fields["status"] = forms.ChoiceField(
                label=self.fields["status"].label,
                choices=MODERATION_STATUSES,
                widget=forms.RadioSelect,
            )

    def save(self, commit=True):
        instance = super().save(commit=False)
        now = timezone.now()
        if "status" in self.changed_data:
            instance.moderated_at = now
            instance.moderated_by = self.for_user
        if "reply" in self.changed_data:
            instance.replied_at = now if instance.reply else None
        if commit:
            instance.save()
        return instance
