"""The translation rules every project model must follow, for
``test_completeness.py`` and ``test_choosers.py``: which fields are
copied unchanged into translations, and where a model declares its choice.
The list of models is production code (``core.localization.registry``)."""

from django.db import models
from django.db.models import ForeignObjectRel
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.models import Page

from core.localization.registry import label, project_apps

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


def declaring_class(model):
    """The project class whose ``override_translatable_fields`` the model
    uses: the model itself, or a project base class."""
    for klass in model.__mro__:
        if "override_translatable_fields" in klass.__dict__:
            module = klass.__module__.split(".")[0]
            return klass if module in {config.name for config in project_apps()} else None
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
