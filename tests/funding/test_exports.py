"""The shortlist as CSV (read back with csv) and the deadlines as
iCalendar (read back with icalendar)."""

import csv
import io

import pytest
from icalendar import Calendar

from .conftest import SME_DESIGN, days, deadlines, opportunity


def read_csv(response) -> list[dict]:
    content = response.content.decode("utf-8")
    assert content.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(content.lstrip("\ufeff"))))


def read_ics(response) -> Calendar:
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


@pytest.mark.django_db
def test_csv_of_the_result_list(client, opportunities):
    response = client.get("/en/funding/shortlist.csv", SME_DESIGN)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = read_csv(response)
    assert [row["Opportunity"] for row in rows] == ["Design export grant", "Working capital loan"]
    best = rows[0]
    assert best["Instrument"] == "Grant"
    assert best["Who may apply"] == "Micro-enterprise, SME"
    assert best["Amount"] == "€10,000 to €200,000"
    assert best["Co-financing rate (%)"] == "80"
    assert best["Where"] == "EU-wide"
    assert best["Next deadline"] == days(12).isoformat()
    assert best["Status"] == "closing soon"
    assert best["Why it fits"].startswith("matches: SME, Design, Internationalisation")
    assert "find the other 20%" in best["Check before applying"]
    assert best["Official page"] == "https://example.org/design-export-grant"
    assert best["Page on this site"].endswith("/en/funding/design-export-grant/")
    assert rows[1]["Status"] == "rolling"


@pytest.mark.django_db
def test_csv_of_ticked_results_only(client, opportunities):
    picked = [opportunities["german"].pk, opportunities["loan"].pk]
    rows = read_csv(client.get("/en/funding/shortlist.csv", {"pick": picked}))
    assert [row["Opportunity"] for row in rows] == ["German design voucher", "Working capital loan"]


@pytest.mark.django_db
def test_csv_cells_cannot_run_as_formulas(client, finder):
    opportunity(
        finder,
        "formula",
        title='=HYPERLINK("http://evil.example","x")',
        funder="+cmd|' /C calc'!A0",
        programme="@SUM(1+1)",
        regions="-2+3",
        deadlines=deadlines(10),
    )
    rows = read_csv(client.get("/en/funding/shortlist.csv"))
    (row,) = rows
    assert row["Opportunity"].startswith("'=")
    assert row["Funder"].startswith("'+")
    assert row["Programme"].startswith("'@")


@pytest.mark.django_db
def test_csv_refuses_bad_answers(client, opportunities):
    response = client.get("/en/funding/shortlist.csv", {"amount": "-1"})
    assert response.status_code == 400
    assert "negative" in response.content.decode()


@pytest.mark.django_db
def test_ics_of_one_opportunity_parses_back(client, finder):
    page = opportunity(
        finder,
        "two-rounds",
        title="Two rounds",
        deadlines=deadlines(20, label="first round") + deadlines(80, label="second round"),
        dates_are_examples=True,
    )
    response = client.get(page.url + "deadlines.ics")
    assert response.status_code == 200
    calendar = read_ics(response)
    events = calendar.walk("VEVENT")
    assert [event.decoded("dtstart") for event in events] == [days(20), days(80)]
    assert [event.decoded("dtend") for event in events] == [days(21), days(81)]
    assert str(events[0]["summary"]) == "Deadline: Two rounds (first round)"
    assert "examples" in str(events[0]["description"])
    assert str(events[0]["url"]).endswith("/en/funding/two-rounds/")
    assert len({str(event["uid"]) for event in events}) == 2


@pytest.mark.django_db
def test_ics_of_a_result_list(client, opportunities):
    response = client.get("/en/funding/deadlines.ics", {"who": "sme"})
    assert response.status_code == 200
    events = read_ics(response).walk("VEVENT")
    summaries = sorted(str(event["summary"]) for event in events)
    # The loan is rolling (no dates); the consortium call is not for SMEs;
    # the closed prize is hidden.
    assert summaries == ["Deadline: Design export grant", "Deadline: German design voucher"]
    past = client.get("/en/funding/deadlines.ics", {"who": "sme", "past": "on"})
    assert len(read_ics(past).walk("VEVENT")) == 3


@pytest.mark.django_db
def test_ics_refuses_an_unknown_instrument(client, opportunities):
    response = client.get("/en/funding/deadlines.ics", {"instrument": "lottery"})
    assert response.status_code == 400


@pytest.mark.django_db
def test_files_of_a_draft_or_a_missing_page_are_404(client, finder):
    page = opportunity(finder, "soon-gone", deadlines=deadlines(3))
    page.unpublish()
    assert client.get(page.url or "/en/funding/soon-gone/deadlines.ics").status_code == 404
    assert client.get("/en/funding/soon-gone/deadlines.ics").status_code == 404
    assert client.get("/en/nowhere/shortlist.csv").status_code == 404


@pytest.mark.django_db
def test_file_query_counts_do_not_grow(
    client, finder, opportunities, django_assert_max_num_queries
):
    urls = ["/en/funding/shortlist.csv", "/en/funding/deadlines.ics"]
    counts = {}
    for url in urls:
        client.get(url)
        with django_assert_max_num_queries(14) as captured:
            assert client.get(url).status_code == 200
        counts[url] = len(captured.captured_queries)
    for n in range(10):
        opportunity(finder, f"more-{n}", deadlines=deadlines(n + 2), eu_wide=True)
    client.get(urls[0])  # publishing forgot the cached page chrome: warm it again
    for url in urls:
        with django_assert_max_num_queries(counts[url]):
            assert client.get(url).status_code == 200
