import csv
import io

import pytest

from partners.directory import csv_safe
from partners.models import HubPage

from .conftest import make_partner

pytestmark = pytest.mark.django_db


def names(response):
    return [p.title for p in response.context["partners"]]


def test_directory_lists_live_partners_with_map_markers(client, partners):
    response = client.get("/en/partners/")
    assert response.status_code == 200
    assert names(response) == ["Hub Leipzig", "Hub Lisbon", "Hub Porto", "Uni Graz"]
    html = response.content.decode()
    assert html.count('class="partner-map__marker') == 4
    assert "img/europe.svg" in html


def test_list_view_has_no_map(client, partners):
    html = client.get("/en/partners/?view=list").content.decode()
    assert "partner-map__marker" not in html
    assert "Hub Lisbon" in html


@pytest.mark.parametrize(
    "query, expected",
    [
        ("type=hub", ["Hub Leipzig", "Hub Lisbon", "Hub Porto"]),
        ("type=university", ["Uni Graz"]),
        ("country=PT", ["Hub Lisbon", "Hub Porto"]),
        ("country=pt", ["Hub Lisbon", "Hub Porto"]),  # as a shared link may write it
        ("sector=music", ["Hub Leipzig", "Uni Graz"]),
        ("service=prototyping-lab", ["Hub Leipzig", "Hub Porto"]),
        ("country=PT&service=prototyping-lab", ["Hub Porto"]),
        ("type=school", []),
    ],
)
def test_directory_filters(client, partners, query, expected):
    response = client.get(f"/en/partners/?{query}")
    assert response.status_code == 200
    assert names(response) == expected


@pytest.mark.parametrize("query", ["type=spaceship", "country=XX", "sector=%00", "service=nope"])
def test_unknown_filter_values_are_a_clear_400(client, partners, query):
    response = client.get(f"/en/partners/?{query}")
    assert response.status_code == 400
    assert "were not understood" in response.content.decode()
    assert client.get(f"/en/partners/export.csv?{query}").status_code == 400


def test_draft_partner_is_not_listed_or_exported(client, partners, directory):
    make_partner(directory, HubPage, "secret-hub", "Secret Hub", "FR", 48.85, 2.35, publish=False)
    assert "Secret Hub" not in client.get("/en/partners/").content.decode()
    assert "Secret Hub" not in client.get("/en/partners/export.csv").content.decode()


def read_csv(response):
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_csv_export_with_awkward_characters(client, directory, services):
    awkward = [
        ("comma", 'Hub, "Quoted" & Co', "Lisbon, Old Town"),
        ("newline", "Line one\nLine two", "Γ\nΔ"),
        ("greek", "Εργαστήρι Θεσσαλονίκης", "Θεσσαλονίκη"),
        ("polish", "Kuźnia Gdańsk", "Gdańsk"),
        ("formula", '=HYPERLINK("http://x")', "+cmd|' /C calc'!A0"),
        ("at", "@SUM(1+1)", "-2+3"),
    ]
    for slug, title, city in awkward:
        make_partner(directory, HubPage, slug, title, "GR", 40.6, 22.9, city=city)
    response = client.get("/en/partners/export.csv")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    rows = {row["url"].rstrip("/").rsplit("/", 1)[-1]: row for row in read_csv(response)}
    assert rows["comma"]["name"] == 'Hub, "Quoted" & Co'
    assert rows["comma"]["city"] == "Lisbon, Old Town"
    assert rows["newline"]["name"] == "Line one\nLine two"
    assert rows["greek"]["name"] == "Εργαστήρι Θεσσαλονίκης"
    assert rows["polish"]["city"] == "Gdańsk"
    # Formulas are neutralised with a leading apostrophe.
    assert rows["formula"]["name"] == '\'=HYPERLINK("http://x")'
    assert rows["formula"]["city"] == "'+cmd|' /C calc'!A0"
    assert rows["at"]["name"] == "'@SUM(1+1)"
    assert rows["at"]["city"] == "'-2+3"
    assert rows["greek"]["latitude"] == "40.60000"


def test_csv_export_follows_filters(client, partners):
    rows = read_csv(client.get("/en/partners/export.csv?country=PT"))
    assert [r["name"] for r in rows] == ["Hub Lisbon", "Hub Porto"]
    assert rows[0]["sectors"] == "Crafts; Design"
    assert rows[0]["type"] == "hub"


@pytest.mark.parametrize(
    "value, safe",
    [("=1+1", "'=1+1"), ("plain", "plain"), (None, ""), ("\tx", "'\tx"), ("a=b", "a=b")],
)
def test_csv_safe(value, safe):
    assert csv_safe(value) == safe


def test_directory_query_count_does_not_grow(
    client, directory, services, django_assert_max_num_queries
):
    for i in range(3):
        make_partner(
            directory,
            HubPage,
            f"hub-{i}",
            f"Hub {i}",
            "IT",
            45,
            9,
            sectors=("design",),
            services=[services["mentoring"]],
        )
    client.get("/en/partners/")
    with django_assert_max_num_queries(25) as few:
        assert client.get("/en/partners/").status_code == 200
    baseline = len(few.captured_queries)
    for i in range(3, 15):
        make_partner(
            directory,
            HubPage,
            f"hub-{i}",
            f"Hub {i}",
            "IT",
            45,
            9,
            sectors=("design",),
            services=[services["mentoring"]],
        )
    client.get("/en/partners/")  # publishing forgot the cached page chrome: warm it again
    with django_assert_max_num_queries(baseline):
        response = client.get("/en/partners/")
    assert len(response.context["partners"]) == 15
    with django_assert_max_num_queries(baseline):
        assert client.get("/en/partners/export.csv").status_code == 200
