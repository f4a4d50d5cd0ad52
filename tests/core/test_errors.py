import pytest

pytestmark = pytest.mark.django_db


def test_unknown_language_prefix_is_a_404_in_the_default_language(client, shared_homes):
    response = client.get("/xx/", HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "Page not found" in html


def test_unknown_language_with_region_is_a_404(client, shared_homes):
    assert client.get("/zz-qq/some/page/").status_code == 404


def test_missing_page_gets_a_styled_404_in_its_language(client, shared_homes):
    response = client.get("/de/does-not-exist/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="de">' in html
    assert "/static/css/site.css" in html
    assert 'class="site-header"' in html


def test_path_without_prefix_redirects_then_404s_cleanly(client, shared_homes):
    response = client.get("/does-not-exist/", follow=True)
    assert response.redirect_chain[0] == ("/en/does-not-exist/", 302)
    assert response.status_code == 404


@pytest.mark.parametrize(
    "path", ["/en/%00/", "/en/" + "a/" * 300, "/en/<script>/", "/en/?page=-1", "/el/ü/"]
)
def test_odd_paths_never_500(client, shared_homes, path):
    assert client.get(path).status_code in {200, 301, 302, 400, 404}


def test_healthz(client):
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.parametrize(
    "path", ["/admin/no-such-view/", "/api/v2/pages/987654/", "/documents/0/x/"]
)
def test_unprefixed_areas_404_without_a_language_redirect(client, superuser, path):
    client.force_login(superuser)
    assert client.get(path).status_code == 404
