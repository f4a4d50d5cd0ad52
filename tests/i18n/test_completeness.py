"""Every page type and translatable snippet declares how it is translated."""

import pytest
from django.test.utils import isolate_apps
from wagtail_localize.fields import SynchronizedField, get_translatable_fields

from core.localization import registry
from tests.i18n import translation_rules as rules


def _declared(model):
    klass = rules.declaring_class(model)
    if klass is None:
        return None
    return {field.field_name: field for field in klass.__dict__["override_translatable_fields"]}


def test_the_walk_finds_pages_and_snippets():
    labels = {registry.label(m) for m in registry.project_models()}
    assert {"home.homepage", "core.theme", "core.sector", "core.audience"} <= labels
    assert "knowledgebase.policypaperpage" in labels


def test_registries_name_real_models():
    labels = {registry.label(m) for m in registry.project_models()}
    # not_translated may name plain models (ESCO concepts) that are not
    # snippets yet; they must still exist.
    from django.apps import apps

    for name in registry.not_translated():
        assert apps.get_model(name) is not None
    assert labels >= rules.PENDING, rules.PENDING - labels
    assert not rules.PENDING & set(registry.not_translated())


@pytest.mark.parametrize("model", registry.translatable_models(), ids=lambda m: registry.label(m))
def test_model_declares_its_translation_decision(model):
    name = registry.label(model)
    declared = _declared(model)
    own = _owns_declaration(model)
    missing = (
        []
        if declared is None
        else [f.name for f in rules.project_fields(model) if f.name not in declared]
    )
    complete = declared is not None and not missing and (own or not _new_fields(model))
    if name in rules.PENDING:
        assert not complete, (
            f"{name} now declares its translation fields: remove it from "
            "tests/i18n/translation_rules.py PENDING"
        )
        return
    assert declared is not None, (
        f"{name} has no override_translatable_fields: declare TranslatableField/"
        "SynchronizedField for its fields, or list it in its AppConfig's not_translated"
    )
    assert not missing, f"{name} does not say how to translate: {missing}"
    assert own or not _new_fields(model), f"{name} adds fields but inherits its declaration"


def _owns_declaration(model):
    """Declared on the model itself or on an abstract base (whose fields the
    model copies), not inherited from a concrete parent page."""
    klass = rules.declaring_class(model)
    if klass is None:
        return False
    return klass is model or getattr(getattr(klass, "_meta", None), "abstract", True)


def _new_fields(model):
    """Fields the model itself adds (not its project parents)."""
    return [f for f in rules.project_fields(model) if f.model is model]


@pytest.mark.parametrize(
    "model",
    [m for m in registry.translatable_models() if registry.label(m) not in rules.PENDING],
    ids=lambda m: registry.label(m),
)
def test_dates_documents_taxonomy_and_places_are_synchronised(model):
    effective = {f.field_name: f for f in get_translatable_fields(model)}
    for field in rules.project_fields(model):
        if rules.must_be_synchronised(field) and field.name in effective:
            assert isinstance(effective[field.name], SynchronizedField), (
                f"{registry.label(model)}.{field.name} must be a SynchronizedField"
            )


def test_synchronised_rule_recognises_the_kinds_of_field():
    from django.db import models
    from modelcluster.fields import ParentalManyToManyField

    date = models.DateField(name="published")
    date.name = "published"
    assert rules.must_be_synchronised(date)
    title = models.CharField(max_length=10)
    title.name = "title"
    assert not rules.must_be_synchronised(title)
    themes = ParentalManyToManyField("core.Theme")
    themes.name = "topics"
    themes.remote_field.model = __import__("core.models", fromlist=["Theme"]).Theme
    assert rules.must_be_synchronised(themes)


@isolate_apps("core")
def test_project_fields_see_m2m_child_relations_and_skip_internals():
    from django.db import models
    from modelcluster.fields import ParentalKey, ParentalManyToManyField
    from modelcluster.models import ClusterableModel
    from wagtail.models import TranslatableMixin

    from core.models import Theme

    class Probe(TranslatableMixin, ClusterableModel):
        title = models.CharField(max_length=10)
        date = models.DateField()
        themes = ParentalManyToManyField(Theme, related_name="+")
        secret = models.CharField(max_length=10, editable=False)

        class Meta:
            app_label = "core"
            unique_together = [("translation_key", "locale")]

    class ProbeLink(models.Model):
        probe = ParentalKey(Probe, related_name="links")

        class Meta:
            app_label = "core"

        def __str__(self):
            return "link"

    names = {f.name for f in rules.project_fields(Probe)}
    assert names == {"title", "date", "themes", "links"}
    synced = {f.name for f in rules.project_fields(Probe) if rules.must_be_synchronised(f)}
    assert synced == {"date", "themes"}
