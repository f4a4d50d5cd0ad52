"""Generated requests over every public endpoint that takes parameters: no
answer may be a 5xx.

At least ``FUZZ_REQUESTS`` (10,000 by default) requests, shared between the
endpoints below, against a site with a page of every type in English,
German and Greek. The values mix real ones (slugs, ids, dates) with digits
of other scripts, NUL bytes, huge numbers, long strings and deeply nested
JSON. CI runs it on PostgreSQL; on SQLite it runs when ``FUZZ_ALL=1``.

The counts by status are printed at the end (``pytest -s``) and written to
the file named by ``FUZZ_REPORT`` when it is set.
"""

import json
import os
import time
from collections import Counter
from urllib.parse import quote

import pytest
from django.conf import settings
from django.test import Client
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from wagtail.documents import get_document_model

from learning.models import LearningModulePage, Occupation, Skill
from partners.models import HubPage
from tests.security.conftest import build_site

ON_POSTGRES = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not ON_POSTGRES and os.environ.get("FUZZ_ALL") != "1",
        reason="runs on PostgreSQL (CI), or anywhere with FUZZ_ALL=1",
    ),
]

REQUESTS = int(os.environ.get("FUZZ_REQUESTS", "10000"))
LANGUAGES = ["de", "el"]

# Values that broke something once, or could: digits that int() reads or
# refuses, NUL, numbers past 64 bits, numbers past int()'s 4,300 digits,
# path tricks, a right-to-left override, mathematical digits.
STRANGE = [
    "²", "¹²³", "١٢", "１", "٣", "𝟘", "\x00", "a\x00b", "9" * 20, "9" * 5000,
    "-1", "0", "1e9", "0x10", "NaN", "", " ", "../", "\u202e", "%00", "'", '"', "<",
    "*", "title(", "-title", "2025-02-30", "2025-13-01", "1899", "99999",
]  # fmt: skip

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=25,
)


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


def values(real=()):
    """A strategy for one parameter's value: real values, strange ones,
    generated text and numbers."""
    choices = [
        st.sampled_from(STRANGE),
        st.text(max_size=30),
        st.integers(-(2**80), 2**80).map(str),
        st.from_regex(r"[0-9٠-٩０-９²³¹]{1,12}", fullmatch=True),
    ]
    if real:
        choices.insert(0, st.sampled_from(list(real)))
    return st.one_of(*choices)


def params(names: dict):
    """A strategy for a query or form: some of ``names`` (each with its list
    of real values), one to three values each, and now and then a stray name."""
    fields = {name: st.lists(values(real), min_size=1, max_size=3) for name, real in names.items()}
    fields["x"] = st.lists(values(), min_size=1, max_size=2)
    return st.fixed_dictionaries({}, optional=fields)


def json_bodies(names: dict):
    return st.one_of(
        JSON.map(json.dumps),
        st.integers(1, 6000).map(nested),
        st.integers(1, 3000).map(lambda n: '{"module": ' + nested(n) + "}"),
        st.fixed_dictionaries({k: values(v) for k, v in names.items()}).map(json.dumps),
        st.text(max_size=60),
    )


class Endpoints:
    """What to ask, built from the site's pages."""

    def __init__(self, site):
        en = site["en"]
        self.pages = [page for pages in site.values() for page in pages]
        by_type = {type(page).__name__: page for page in en}
        self.hub = HubPage.objects.filter(locale__language_code="en").first()
        self.module = LearningModulePage.objects.filter(locale__language_code="en").first()
        block = next(b for b in self.module.lessons if b.block_type == "quiz")
        self.quiz_url = self.module.url + self.module.reverse_subpage("check_quiz", args=[block.id])
        ids = [str(p.pk) for p in self.pages]
        slugs = sorted({p.slug for p in self.pages})
        self.real = {
            "id": ids,
            "slug": slugs,
            "theme": ["finance", "skills"],
            "sector": ["design", "music"],
            "audience": ["hubs"],
            "country": ["PT", "DE", "it", "pl"],
            "partner": [p.slug for p in en if isinstance(p, HubPage)] or ["hub-lisbon"],
            "year": ["2023", "2025"],
            "page": ["1", "2", "100"],
            "format": ["rss", "atom", "bibtex", "ris", "csv"],
            "type": ["policy_paper", "guideline", "knowledgebase.NewsPage", "hub"],
            "occupation": [str(pk) for pk in Occupation.objects.values_list("pk", flat=True)[:5]],
            "have": [str(pk) for pk in Skill.objects.values_list("pk", flat=True)[:5]],
            "locale": ["en", "de", "el", "xx"],
        }
        self.news_path = by_type["NewsIndexPage"].url

    def gets(self):
        """(name, path strategy, parameter names): GET requests."""
        r = self.real
        filters = {k: r.get(k, ()) for k in ("theme", "sector", "audience", "country",
                                             "partner", "year", "page", "format")}  # fmt: skip
        listing = {**filters, "view": ["map", "list"], "service": ["coworking"],
                   "round": ["TWIN Hubs 2023/24"], "level": ["introductory"],
                   "skill": r["have"], "duration": ["short"], "language": ["de"]}  # fmt: skip
        search = {"q": ["finance", "kiln", "Δ", "*"], "sort": ["relevance", "date"],
                  "type": r["type"], "document": ["1"], **filters}  # fmt: skip
        api = {"offset": ["0", "10"], "limit": ["1", "20"], "search": ["finance"],
               "search_operator": ["and", "or"], "fields": ["*", "title", "-title", "_,id"],
               "order": ["title", "-id", "random"], "type": ["knowledgebase.NewsPage"],
               "child_of": r["id"], "descendant_of": r["id"], "locale": r["locale"],
               "translation_of": r["id"], "slug": r["slug"], "id": r["id"],
               "date": ["2025-01-01"]}  # fmt: skip
        oai = {"verb": ["Identify", "ListRecords", "ListIdentifiers", "ListSets",
                        "ListMetadataFormats", "GetRecord", "Nope"],
               "metadataPrefix": ["oai_dc", "marc"], "set": ["type:policypaper", "lang:en"],
               "from": ["2020-01-01", "2025-01-01T00:00:00Z"], "until": ["2030-01-01"],
               "identifier": ["oai:x:1"], "resumptionToken": ["1", "abc"]}  # fmt: skip
        page_paths = st.sampled_from([p.url for p in self.pages])
        directory = next(p for p in self.pages if type(p).__name__ == "PartnerIndexPage")
        langs = st.sampled_from(["en", *LANGUAGES])
        return [
            ("pages with filters", page_paths, listing),
            ("search", langs.map(lambda c: f"/{c}/search/"), search),
            ("suggest", langs.map(lambda c: f"/{c}/search/suggest/"), {"q": search["q"]}),
            ("search API", st.just("/api/v2/search/"), {**search, "locale": r["locale"]}),
            ("pages API", st.just("/api/v2/pages/"), api),
            ("page API", values(r["id"]).map(lambda v: f"/api/v2/pages/{quote(v)}/"),
             {"fields": api["fields"]}),
            ("find API", st.just("/api/v2/pages/find/"),
             {"html_path": [p.url for p in self.pages], "site": ["localhost"], "id": r["id"]}),
            ("documents API", st.just("/api/v2/documents/"), api),
            ("images API", st.just("/api/v2/images/"), api),
            ("explorer", langs.map(lambda c: f"/{c}/skills/"),
             {"occupation": r["occupation"], "have": r["have"], "checked": ["1"]}),
            ("occupations", langs.map(lambda c: f"/{c}/skills/occupations/"), {"q": ["design"]}),
            ("skill", values(r["have"]).map(lambda v: f"/en/skills/skill/{quote(v, safe='')}/"),
             {}),
            ("feeds", langs.map(lambda c: f"/{c}/feeds/"), filters),
            ("calendar", st.sampled_from([f"{self.news_path}events.ics",
                                          f"{self.news_path}event.ics"]), filters),
            ("partner CSV", st.one_of(st.just(directory.url + "export.csv"),
                                      st.sampled_from([p.url + "export.csv" for p in self.pages])),
             listing),
            ("OAI-PMH", st.just("/oai/"), oai),
            ("sitemap", st.just("/sitemap.xml"), {"p": ["1", "2"], "section": ["pages"]}),
            ("documents", st.one_of(
                st.sampled_from([d.url for d in get_document_model().objects.all()]),
                values().map(lambda v: f"/documents/{quote(v, safe='')}/file.pdf")), {}),
            ("login page", langs.map(lambda c: f"/{c}/accounts/login/"), {"next": ["/en/"]}),
        ]  # fmt: skip

    def posts(self):
        """(name, path, form field names): form POSTs."""
        return [
            ("quiz", self.quiz_url, {"q0": ["0", "1", "2"], "q1": ["1"]}),
            ("contact", self.hub.url, {"name": ["Ana"], "email": ["ana@example.org"],
                                       "message": ["Hello"], "homepage": [""]}),
            ("login", "/en/accounts/login/", {"username": ["learner"], "password": ["pw"],
                                              "next": ["/en/", "//evil.example"]}),
            ("signup", "/en/accounts/signup/", {"username": ["newbie"], "password1": ["x"],
                                                "password2": ["x"]}),
            ("OAI-PMH", "/oai/", {"verb": ["Identify", "ListRecords"],
                                  "metadataPrefix": ["oai_dc"]}),
        ]  # fmt: skip

    def json_posts(self):
        """(name, path, field names): JSON POSTs, anonymous and signed in."""
        fields = {"module": [str(self.module.pk), self.module.translation_key.hex],
                  "done": ["1", "0"], "completed": ["[]"]}  # fmt: skip
        return [
            ("progress", "/en/accounts/progress/", fields),
            ("progress merge", "/en/accounts/progress/merge/", fields),
        ]


@pytest.fixture
def site(home_all_locales, django_capture_on_commit_callbacks):
    return build_site(home_all_locales, LANGUAGES, django_capture_on_commit_callbacks)


seconds = Counter()


def run(label, share, strategy, send, statuses):
    """Send ``share`` generated requests; fail on the first 5xx."""

    @hypothesis_settings(
        max_examples=share,
        deadline=None,
        database=None,
        derandomize=os.environ.get("FUZZ_RANDOM") != "1",
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def check(example):
        started = time.perf_counter()
        try:
            status = send(example).status_code
        except Exception as error:  # the test client re-raises a view's error
            raise AssertionError(f"{label}: {example!r} raised {error!r}") from error
        statuses[label][status] += 1
        seconds[label] += time.perf_counter() - started
        assert status < 500, f"{label}: {example!r} answered {status}"

    check()


def test_no_generated_request_gets_a_5xx(site, django_user_model):
    endpoints = Endpoints(site)
    learner = django_user_model.objects.create_user("learner", password="fuzz-learner-pw-1")
    signed_in = Client()
    signed_in.force_login(learner)
    anonymous = Client()
    gets, posts, json_posts = endpoints.gets(), endpoints.posts(), endpoints.json_posts()
    share = -(-REQUESTS // (len(gets) + len(posts) + 2 * len(json_posts)))
    statuses = {}

    for label, paths, names in gets:
        statuses[label] = Counter()
        strategy = st.tuples(paths, params(names))
        run(label, share, strategy, lambda e: anonymous.get(e[0], e[1]), statuses)
    for label, path, names in posts:
        statuses[f"POST {label}"] = Counter()
        run(f"POST {label}", share, params(names),
            lambda e, path=path: anonymous.post(path, e), statuses)  # fmt: skip
    for label, path, names in json_posts:
        for who, client in (("anonymous", anonymous), ("learner", signed_in)):
            key = f"POST {label} ({who})"
            statuses[key] = Counter()
            run(key, share, json_bodies(names),
                lambda e, path=path, client=client: client.post(
                    path, e, content_type="application/json"), statuses)  # fmt: skip

    totals = sum(statuses.values(), Counter())
    report(statuses, totals)
    assert sum(totals.values()) >= REQUESTS
    assert not [s for s in totals if s >= 500]
    # The generator reached both sides: real answers and refusals.
    assert totals[200] and sum(n for s, n in totals.items() if 400 <= s < 500)


def report(statuses, totals):
    lines = [
        f"{label}: {dict(sorted(c.items()))}, {1000 * seconds[label] / c.total():.0f} ms each"
        for label, c in statuses.items()
    ]
    lines.append(f"all {sum(totals.values())} requests: {dict(sorted(totals.items()))}")
    text = "\n".join(lines)
    print("\n" + text)
    if os.environ.get("FUZZ_REPORT"):
        with open(os.environ["FUZZ_REPORT"], "w") as out:
            out.write(text + "\n")
