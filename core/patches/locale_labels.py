"""Admin pickers name each choice's language.

Upstream: Wagtail 8.0 renders a ``ParentalManyToManyField`` as a plain
multiple choice of every object, so a picker of translatable snippets lists
"Finance" once per locale without saying which is which.

Here: one global form-field override (Wagtail has no per-model one) makes
every such field a ``LocaleLabelledMultipleChoiceField`` ("Finance
(English)"). Page forms of the project go further and offer only the page's
locale (``LocalizedAdminPageForm``), which turns the labels off.

Guard: ``tests/core/test_patches.py`` checks the installed Wagtail is the one
this was written for and that its default field for the model field is still
Django's plain multiple choice. Delete this module when every admin form
that shows translatable choices restricts them to one locale.
"""

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms.models import register_form_field_override

from core.localization.choosers import LocaleLabelledMultipleChoiceField

WRITTEN_FOR = {"wagtail": ">=8.0.1,<8.1"}


def connect() -> None:
    register_form_field_override(
        ParentalManyToManyField, override={"form_class": LocaleLabelledMultipleChoiceField}
    )
