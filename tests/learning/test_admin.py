import pytest
from django.urls import reverse

from .conftest import make_module

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["skill", "occupation", "iscogroup"])
def test_esco_concepts_are_listed_and_inspected_but_not_edited(client, superuser, esco, model):
    client.force_login(superuser)
    listing = client.get(reverse(f"wagtailsnippets_learning_{model}:list"))
    assert listing.status_code == 200
    concept = {"skill": esco["skills"][1], "occupation": esco["occupations"][1]}.get(model)
    if concept is not None:
        assert concept.label in listing.content.decode()
        inspect = client.get(
            reverse(f"wagtailsnippets_learning_{model}:inspect", args=[concept.pk])
        )
        assert inspect.status_code == 200
        edit = client.get(reverse(f"wagtailsnippets_learning_{model}:edit", args=[concept.pk]))
        assert edit.status_code in (302, 403)
    add = client.get(reverse(f"wagtailsnippets_learning_{model}:add"))
    assert add.status_code in (302, 403)


def test_module_edit_form_in_admin(client, superuser, index):
    module = make_module(index, "admin-module")
    client.force_login(superuser)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[module.pk]))
    assert response.status_code == 200
    assert "duration_minutes" in response.content.decode()
