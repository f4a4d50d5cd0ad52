"""A machine translator for tests only (selected with the ``settings``
fixture, never in a settings file): it marks each string with the target
language so a test can tell machine text from human text."""

from django.utils.translation import gettext_lazy as _
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue


class MarkingTestTranslator(BaseMachineTranslator):
    display_name = _("Test translator")

    def translate(self, source_locale, target_locale, strings):
        code = target_locale.language_code
        return {string: StringValue(f"[{code}] {string.data}") for string in strings}

    def can_translate(self, source_locale, target_locale):
        return source_locale.language_code != target_locale.language_code
