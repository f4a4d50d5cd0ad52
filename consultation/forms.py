"""The response form: the whole document or one part of it, answers to the
consultation's questions, an optional profile and the consent to publish."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from consultation.models import Consent, OrganisationType
from core.models import Sector

COMMENT_MAX = 5000
ANSWER_MAX = 3000


class ResponseForm(forms.Form):
    section = forms.ChoiceField(label=_("Your response is about"), required=False)
    comment = forms.CharField(
        label=_("Your comment"), max_length=COMMENT_MAX, widget=forms.Textarea(attrs={"rows": 6})
    )
    name = forms.CharField(label=_("Your name (optional)"), max_length=120, required=False)
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_("We send you a link to confirm your response. It is never published."),
    )
    organisation_type = forms.ChoiceField(
        label=_("You respond as (optional)"),
        choices=[("", "—"), *OrganisationType.choices],
        required=False,
    )
    country = forms.ChoiceField(label=_("Country (optional)"), required=False)
    sector = forms.ChoiceField(label=_("Sector (optional)"), required=False)
    consent = forms.ChoiceField(
        label=_("Publication"),
        choices=Consent.choices,
        initial=Consent.ANONYMOUS,
        widget=forms.RadioSelect,
    )
    privacy = forms.BooleanField(label=_("I have read the privacy notice."))
    # Left empty by people; robots fill it in. Hidden in the template.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args, consultation, sections, language, sectors=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.consultation = consultation
        self.section_titles = dict(sections)
        self.fields["section"].choices = [("", _("The whole document")), *sections]
        self.fields["country"].choices = [("", "—"), *countries]
        if sectors is None:
            sectors = sector_choices(language)
        self.fields["sector"].choices = [("", "—"), *sectors]
        self.question_fields = []
        for block_id, text in consultation.question_list():
            name = f"q_{block_id}"
            self.fields[name] = forms.CharField(
                label=text,
                max_length=ANSWER_MAX,
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
            self.question_fields.append((block_id, name))

    def answers(self) -> dict[str, str]:
        return {
            block_id: self.cleaned_data[name].strip()
            for block_id, name in self.question_fields
            if self.cleaned_data.get(name, "").strip()
        }

    def questions(self):
        return [self[name] for _block_id, name in self.question_fields]


def sector_choices(language):
    """(slug, name) of the sectors in ``language``, else in the source
    language. Slugs are the same in every language."""
    sectors = Sector.objects.order_by("name").values_list("slug", "name")
    local = list(sectors.filter(locale__language_code=language))
    return local or list(sectors.filter(locale__language_code=settings.LANGUAGE_CODE))
