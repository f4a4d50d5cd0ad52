"""learning.labels.with_labels: concepts and their labels in one query, the
same as Django's prefetch of the labels (learning.explorer.skill_labels)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from learning.explorer import occupation_labels, skill_labels
from learning.labels import with_labels
from learning.models import Occupation, Skill

pytestmark = pytest.mark.django_db


def shown(concepts):
    return [(c.pk, c.label, c.label_language, c.label_is_fallback, c.description) for c in concepts]


@pytest.mark.parametrize("language", ["en", "de", "fr"])
def test_same_concepts_and_labels_as_the_prefetch_in_one_query(esco, language):
    Skill.objects.create(uri="http://data.europa.eu/esco/skill/no-label-at-all")
    with translation.override(language):
        for model, prefetch in [(Skill, skill_labels), (Occupation, occupation_labels)]:
            theirs = list(model.objects.order_by("-uri").prefetch_related(prefetch()))
            with CaptureQueriesContext(connection) as captured:
                ours = with_labels(model.objects.order_by("-uri"))
                assert shown(ours) == shown(theirs)
            assert len(captured.captured_queries) == 1
            assert len(ours) == model.objects.count() > 1


def test_german_labels_and_the_english_fallback(esco):
    skill = esco["skills"][1]
    skill.labels.filter(language="de").delete()
    with translation.override("de"):
        (one, two) = with_labels(Skill.objects.filter(pk__in=[skill.pk, esco["skills"][2].pk]))
        assert (one.label, one.label_language, one.label_is_fallback) == (
            "think creatively",
            "en",
            True,
        )
        assert two.label_language == "de" and not two.label_is_fallback
    assert sorted(row.language for row in two.labels.all()) == ["de", "en"]


def test_a_distinct_queryset_keeps_one_concept_each(esco):
    many = Skill.objects.filter(pk__in=[s.pk for s in esco["skills"].values()]).distinct()
    with translation.override("de"):
        assert len(with_labels(many.order_by("uri"))) == len(esco["skills"])
