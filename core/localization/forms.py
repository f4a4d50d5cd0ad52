"""Forms of the translation tools: PO upload, and the languages offered."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale


def locale_choices():
    configured = dict(settings.LANGUAGES)
    return [
        (locale.language_code, configured.get(locale.language_code, locale.language_code))
        for locale in Locale.objects.exclude(pk=Locale.get_default().pk).order_by("pk")
        if locale.language_code in configured
    ]


class POUploadForm(forms.Form):
    locale = forms.CharField(
        label=_("Language"),
        widget=forms.Select,
        help_text=_("The language the file translates into."),
    )
    file = forms.FileField(
        label=_("PO file"),
        help_text=_("A .po file exported here, or a .zip of them for a section."),
    )
    publish = forms.BooleanField(
        label=_("Publish the translated pages after import"),
        required=False,
        help_text=_("Leave unticked to save drafts that a reviewer publishes."),
    )

    max_size = 5 * 1024 * 1024

    def __init__(self, *args, can_publish=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["locale"].widget.choices = locale_choices()
        if not can_publish:
            # Without publish rights an import saves drafts for review.
            del self.fields["publish"]

    def clean_locale(self):
        code = self.cleaned_data["locale"]
        if code not in dict(locale_choices()):
            raise forms.ValidationError(
                _("“%(code)s” is not a language this site is translated into."),
                params={"code": code},
            )
        return Locale.objects.get(language_code=code)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > self.max_size:
            raise forms.ValidationError(_("The file is too large (at most 5 MB)."))
        if not upload.name.lower().endswith((".po", ".zip")):
            raise forms.ValidationError(_("Upload a .po file or a .zip of .po files."))
        return upload
