"""Search benchmark: a synthetic corpus over the seven locales and every page
type, with document text, then index time, query latency and
publish-to-searchable time.

    .venv/bin/python benchmarks/search_bench.py              # 10,000 pages, SQLite
    .venv/bin/python benchmarks/search_bench.py --n 2000     # a quick run
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cf_bench \\
        .venv/bin/python benchmarks/search_bench.py --large  # 100,000 pages

The database named by DATABASE_URL is DROPPED and rebuilt (SQLite: the file
cf-search-bench.sqlite3 in the temporary directory). Pages are written in bulk (the tree paths are
computed here) so that building the corpus does not dominate; indexing then
goes through Wagtail's ``update_index`` with the project's backend.
"""

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fresh_database import recreate  # noqa: E402 - benchmarks/, beside this file

from core.languages import CODES  # noqa: E402 - after the path is set

WORDS = [
    *[
        "funding",
        "grant",
        "hub",
        "creative",
        "culture",
        "heritage",
        "design",
        "music",
        "film",
        "museum",
    ],
    *[
        "festival",
        "craft",
        "studio",
        "residency",
        "network",
        "policy",
        "tax",
        "copyright",
        "licence",
    ],
    *["training", "skill", "mentor", "incubator", "audience", "digital", "platform", "export"],
    *["market", "rural", "urban", "city", "region", "cooperative", "venue", "theatre", "gaming"],
    *["publishing", "fashion", "architecture", "crowdfunding", "investment", "loan", "voucher"],
    *["evaluation", "impact", "wellbeing", "climate", "energy", "renovation", "makerspace"],
    *["education", "apprenticeship", "curriculum", "exchange"],
]
PAGE_TYPES = [
    "knowledgebase.PolicyPaperPage",
    "knowledgebase.GuidelinePage",
    "knowledgebase.CaseStoryPage",
    "knowledgebase.NewsPage",
    "knowledgebase.EventPage",
    "learning.LearningModulePage",
    "learning.LearningPathPage",
    "partners.ExchangePage",
    "partners.HubPage",
]
LANGUAGES = list(CODES)
COUNTRIES = ["DE", "FR", "IT", "ES", "PL", "GR", "BE", "NL", "AT", "PT"]


def prepare_database(url: str | None) -> str:
    if not url or url.startswith("sqlite"):
        path = Path(tempfile.gettempdir()) / "cf-search-bench.sqlite3"
        path.unlink(missing_ok=True)
        return f"sqlite:///{path}"
    return recreate(url)


def existing_database(url: str) -> str:
    if not url or url.startswith("sqlite"):
        return f"sqlite:///{Path(tempfile.gettempdir()) / 'cf-search-bench.sqlite3'}"
    return url


def setup_django(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "creativeflip.settings.test")
    import django
    from django.conf import settings

    django.setup()
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ne",
    "ru",
    "sa",
    "te",
    "vo",
    "bri",
    "dan",
    "fel",
    "gor",
    "hul",
    "jin",
    "kep",
    "lum",
    "mor",
    "nix",
    "pra",
    "sul",
]


def vocabulary(size: int = 8000) -> list[str]:
    """The topic words, then made-up words: a long tail like real text."""
    rng = random.Random(7)
    words = list(WORDS)
    seen = set(words)
    while len(words) < size:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        if word not in seen:
            seen.add(word)
            words.append(word)
    return words


VOCABULARY = vocabulary()
# Zipf-like weights: word k is drawn with weight 1/(k+10).
WEIGHTS = [1 / (k + 10) for k in range(len(VOCABULARY))]


def text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choices(VOCABULARY, weights=WEIGHTS, k=words))


def build_corpus(n: int, rng: random.Random) -> dict:
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Locale, Page

    from core.models import SiteDocument
    from home.demo import ensure_home
    from home.models import HomePage

    english_home = ensure_home()
    root = Page.get_first_root_node()
    homes = {"en": english_home}
    for code in LANGUAGES[1:]:
        home = HomePage(
            title=f"Home {code}",
            slug=f"home-{code}",
            hero_title=f"Home {code}",
            locale=Locale.objects.get(language_code=code),
            translation_key=english_home.translation_key,
        )
        root.add_child(instance=home)
        homes[code] = home
    models = [apps.get_model(label) for label in PAGE_TYPES]
    now = timezone.now()
    per_locale = n // len(LANGUAGES)
    documents = []
    stats = {"pages": 0, "with_document_field": []}
    with transaction.atomic():
        for code, home in homes.items():
            locale = home.locale
            # One container page per type: a plain Page under the home.
            for model in models:
                count = per_locale // len(models)
                container = Page(
                    title=f"{model.__name__} {code}", slug=f"c-{model.__name__}".lower()
                )
                home.add_child(instance=container)
                has_doc = any(f.name == "document" for f in model._meta.concrete_fields)
                if has_doc and model.__name__ not in stats["with_document_field"]:
                    stats["with_document_field"].append(model.__name__)
                base_rows, children = [], []
                for i in range(count):
                    title = f"{text(rng, 3).title()} {code}{i}"
                    slug = f"p-{i}"
                    base_rows.append(
                        Page(
                            title=title,
                            draft_title=title,
                            slug=slug,
                            path=Page._get_path(container.path, container.depth + 1, i + 1),
                            depth=container.depth + 1,
                            numchild=0,
                            url_path=f"{container.url_path}{slug}/",
                            content_type=ContentType.objects.get_for_model(model),
                            locale=locale,
                            live=True,
                            translation_key=uuid.uuid4(),
                            first_published_at=now,
                            last_published_at=now,
                        )
                    )
                created = Page.objects.bulk_create(base_rows, batch_size=1000)
                pdf_text = None
                for page in created:
                    fields = {"summary": text(rng, 40)}
                    names = {f.name for f in model._meta.concrete_fields}
                    if "date" in names:
                        fields["date"] = now.date().replace(year=2015 + rng.randrange(11))
                    if "country" in names:
                        fields["country"] = rng.choice(COUNTRIES)
                    if "hero_title" in names:
                        fields["hero_title"] = page.title
                    pdf_text = [text(rng, 120) for _ in range(3)]
                    if has_doc:
                        document = SiteDocument(title=page.title, file="documents/bench.pdf")
                        document.text = " ".join(pdf_text)
                        document.page_texts = pdf_text
                        documents.append(document)
                        fields["_document"] = document
                    else:
                        # No document field on this type yet: the document's
                        # text still has to be indexed, so it joins the summary.
                        fields["summary"] += " " + " ".join(pdf_text)
                    children.append((page, fields))
                if documents:
                    SiteDocument.objects.bulk_create(documents, batch_size=500)
                    documents.clear()
                insert_specific(model, children)
                Page.objects.filter(pk=container.pk).update(numchild=count)
                stats["pages"] += count
    return stats


def insert_specific(model, children) -> None:
    """Insert the rows of every concrete table between Page and ``model``."""
    from wagtail.models import Page

    objs = []
    for page, fields in children:
        obj = model.__new__(model)
        obj.__dict__.update(page.__dict__)
        obj._state = page._state
        document = fields.pop("_document", None)
        for name, value in fields.items():
            setattr(obj, name, value)
        if document is not None:
            obj.document_id = document.pk
        for concrete in [model, *model._meta.get_parent_list()]:
            for link in concrete._meta.parents.values():
                if link is not None:
                    setattr(obj, link.attname, page.pk)
        for field in model._meta.concrete_fields:
            if field.attname not in obj.__dict__:
                obj.__dict__[field.attname] = field.get_default()
        objs.append(obj)
    chain = [m for m in reversed(model._meta.get_parent_list()) if m is not Page]
    for concrete in [*chain, model]:
        if concrete._meta.abstract or concrete is Page:
            continue
        concrete._base_manager._insert(objs, fields=concrete._meta.local_concrete_fields)


def analyze(connection) -> None:
    """What autovacuum does after a bulk load, without waiting for it:
    statistics (without them PostgreSQL may plan the foreign-key checks of
    the index writes as scans of the whole page table) and the visibility
    map (index-only scans of the facet rows)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


def percentile(values, pct):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(pct / 100 * (len(values) - 1))))]


def measure_queries(rng: random.Random) -> dict:
    from django.contrib.contenttypes.models import ContentType
    from django.http import QueryDict
    from django.utils import translation
    from wagtail.models import Locale

    from search.backends import searching_locale
    from search.query import backend_search, base_queryset, load_pages, parse_params, run_search

    # A fixed list: 30 broad queries (one topic word, in most pages) and 70
    # specific ones (one or two words of middling frequency, like names).
    queries = [rng.choice(WORDS) for _ in range(30)]
    queries += [
        " ".join(rng.sample(VOCABULARY[200:3000], rng.choice([1, 1, 2]))) for _ in range(70)
    ]
    locales = {loc.language_code: loc for loc in Locale.objects.all()}
    types = list(ContentType.objects.filter(app_label="knowledgebase").values_list("pk", flat=True))
    plain, faceted = [], []
    for i, q in enumerate(queries):
        code = LANGUAGES[i % len(LANGUAGES)]
        with translation.override(code):
            params = parse_params(QueryDict(f"q={q}"))
            start = time.perf_counter()
            with searching_locale(locales[code].pk):
                top = backend_search(base_queryset(locales[code]), " ".join(params.terms))[:10]
                load_pages([page.pk for page in top])
            plain.append((time.perf_counter() - start) * 1000)

            filters = f"q={q}&type={types[i % len(types)]}" if i % 2 else f"q={q}"
            params = parse_params(QueryDict(filters))
            start = time.perf_counter()
            run_search(params, locales[code])
            faceted.append((time.perf_counter() - start) * 1000)
    return {
        "plain_p50": statistics.median(plain),
        "plain_p95": percentile(plain, 95),
        "faceted_p50": statistics.median(faceted),
        "faceted_p95": percentile(faceted, 95),
    }


def publish_to_searchable() -> float:
    from django.http import QueryDict
    from django.utils import translation
    from wagtail.models import Locale, Page

    from knowledgebase.models import NewsPage
    from search.query import find_matches, parse_params

    parent = Page.objects.filter(title="NewsPage en").first()
    # A word no page has; fresh per run, so --reuse can publish again.
    token = "zqx" + "".join(random.choices("bcdfghjklmnpqrstvwxz", k=10))
    start = time.perf_counter()
    page = NewsPage(title=f"Fresh {token}", slug=token, date="2026-01-01", summary=token)
    parent.add_child(instance=page)
    page.save_revision().publish()
    locale = Locale.objects.get(language_code="en")
    with translation.override("en"):
        while time.perf_counter() - start < 30:
            matches = find_matches(parse_params(QueryDict(f"q={token}")), locale)
            if not matches.empty:
                break
            time.sleep(0.01)
    return (time.perf_counter() - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="pages (default 10,000)")
    parser.add_argument("--large", action="store_true", help="100,000 pages")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="keep the database of an earlier run: no build, no reindex, queries only",
    )
    parser.add_argument("--no-queries", action="store_true", help="build and index only")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    n = 100_000 if args.large else args.n
    url = os.environ.get("DATABASE_URL") or ""
    url = existing_database(url) if args.reuse else prepare_database(url)
    setup_django(url)
    from django.core.management import call_command
    from django.db import connection
    from wagtail.models import Page

    rng = random.Random(args.seed)
    built = indexed = None
    if args.reuse:
        stats = {"pages": Page.objects.filter(depth__gt=3).count(), "with_document_field": None}
    else:
        started = time.perf_counter()
        stats = build_corpus(n, rng)
        built = time.perf_counter() - started
        analyze(connection)  # a live database has statistics; a fresh bulk load has none
        started = time.perf_counter()
        call_command("update_index", verbosity=0)
        indexed = time.perf_counter() - started
        print(
            f"corpus built in {built:.1f} s; full index (update_index): {indexed:.1f} s",
            file=sys.stderr if args.json else sys.stdout,
        )
    if args.no_queries:
        return
    analyze(connection)
    timings = measure_queries(random.Random(args.seed + 1))
    publish = publish_to_searchable()
    if args.json:
        result = {"database": connection.vendor, "pages": stats["pages"], "built_s": built}
        result.update(index_s=indexed, publish_ms=publish, **timings)
        print(json.dumps(result))
        return
    print(f"database: {connection.vendor}  pages: {stats['pages']:,}")
    if stats["with_document_field"] == []:
        print("note: no page type has a document field yet; document text joined the summary")
    if built is not None:
        print(f"corpus built in {built:.1f} s (bulk insert, not part of the targets)")
        print(f"full index (update_index): {indexed:.1f} s")
    print(f"plain search:   p50 {timings['plain_p50']:.1f} ms  p95 {timings['plain_p95']:.1f} ms")
    print(
        f"faceted search: p50 {timings['faceted_p50']:.1f} ms  p95 {timings['faceted_p95']:.1f} ms"
    )
    print(f"publish to searchable: {publish:.0f} ms")


if __name__ == "__main__":
    main()
