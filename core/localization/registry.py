"""Every page type and translatable snippet must declare how it is translated.

A model declares its decision with ``override_translatable_fields`` naming
each field the project adds (``TranslatableField`` or ``SynchronizedField``
from ``wagtail_localize.fields``). Models that are deliberately not translated
through wagtail-localize are listed in ``NOT_TRANSLATED`` with the reason.
``tests/i18n/test_completeness.py`` enforces this for the apps below.
"""

from django.apps import apps
from django.db import models
from django.db.models import ForeignObjectRel
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.models import Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models

PROJECT_APPS = ["core", "home", "knowledgebase", "learning", "partners", "search", "funding"]

# Models that are kept out of wagtail-localize on purpose, with the reason.
NOT_TRANSLATED = {
    "learning.skill": "ESCO concept keyed by its URI; labels are per-language rows beside it.",
    "learning.occupation": "ESCO concept keyed by its URI; labels are per-language rows beside it.",
    "learning.iscogroup": "ISCO group keyed by its code; labels are per-language rows beside it.",
}

# Models that do not declare yet: none. Keep it that way; an entry here is a
# debt, and the completeness test fails for one that has since declared.
PENDING: set[str] = set()

# Links that must be copied unchanged into every translation.
SYNCHRONISED_TARGETS = {
    "core.theme",
    "core.sector",
    "core.audience",
    "core.sitedocument",
    "wagtailimages.image",
    "learning.skill",
    "learning.occupation",
    "partners.partnerpage",
}
SYNCHRONISED_NAMES = {
    "date",
    "start_date",
    "end_date",
    "document",
    "image",
    "skills",
    "partners",
    "country",
    "countries",
    "latitude",
    "longitude",
    "coordinates",
    "location",
    "themes",
    "sectors",
    "audiences",
}


def label(model) -> str:
    return model._meta.label_lower


def project_models():
    """Concrete page types, translatable models and snippets of the project's
    apps, in a stable order."""
    snippets = set(get_snippet_models())
    found = []
    for app_label in PROJECT_APPS:
        for model in apps.get_app_config(app_label).get_models():
            if model._meta.abstract or model._meta.proxy:
                continue
            if issubclass(model, Page | TranslatableMixin) or model in snippets:
                found.append(model)
    return sorted(found, key=label)


def translatable_models():
    """The project models that go through wagtail-localize."""
    return [m for m in project_models() if label(m) not in NOT_TRANSLATED]


def declaring_class(model):
    """The project class whose ``override_translatable_fields`` the model
    uses: the model itself, or a project base class."""
    for klass in model.__mro__:
        if "override_translatable_fields" in klass.__dict__:
            module = klass.__module__.split(".")[0]
            return klass if module in PROJECT_APPS else None
    return None


def project_fields(model):
    """Editable fields and child relations the project adds to the model
    (not those of Wagtail's Page or TranslatableMixin)."""
    base_names = set()
    if issubclass(model, Page):
        base_names |= {f.name for f in Page._meta.get_fields()}
    base_names |= {"locale", "translation_key", "id"}
    fields = []
    for field in model._meta.get_fields():
        if field.name in base_names:
            continue
        if isinstance(field, ForeignObjectRel):
            # Reverse relations: only clusterable child relations (InlinePanel).
            if _is_child_relation(field):
                fields.append(field)
            continue
        if field.auto_created or not field.editable:
            continue
        if isinstance(field, models.OneToOneField) and field.remote_field.parent_link:
            continue
        if isinstance(field, ParentalKey):
            continue  # an inline row's link to its parent page: structure, not content
        fields.append(field)
    return fields


def _is_child_relation(field) -> bool:
    from modelcluster.fields import ParentalKey

    return isinstance(getattr(field, "remote_field", None), ParentalKey) or isinstance(
        getattr(field, "field", None), ParentalKey
    )


def must_be_synchronised(field) -> bool:
    """Dates, documents, images, taxonomy links, coordinates, skills,
    partners and countries are copied, never translated."""
    if field.name in SYNCHRONISED_NAMES:
        return True
    if isinstance(field, models.DateField | models.DateTimeField | models.TimeField):
        return True
    if isinstance(field, models.ForeignKey | ParentalManyToManyField | models.ManyToManyField):
        target = field.related_model
        if target is not None and label(target) in SYNCHRONISED_TARGETS:
            return True
    return False
