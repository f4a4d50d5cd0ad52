"""The site's languages: one row each, and everything else derives from here.

Settings (``LANGUAGES``, ``WAGTAIL_CONTENT_LANGUAGES``), the search backends'
per-language maps, the language guess of extracted PDF text, the demo steps,
the benchmark and the Makefile's ``messages`` target all read this table;
``tests/core/test_languages.py`` checks that they do and that no other module
writes the list of codes again.

A row: the code (also the URL prefix and the wagtail-localize locale), the
name in the language itself (the language switcher), the PostgreSQL text
search configuration, the Elasticsearch / OpenSearch language analyzer
(``None``: a plain analyzer with lowercase and ASCII folding), a few
frequent function words that tell the language apart in extracted text, and
the phrase that names the language of a document ("in English": it reads
differently in every language, auf Englisch, en anglais, po angielsku).

To add a language (Portuguese, say): add its row below, run ``make
messages`` and translate ``locale/pt/LC_MESSAGES/django.po``, add the
Locale in the admin (Settings > Locales), then ``manage.py update_index``.
See docs/architecture.md, "Languages".

Plain Python with no Django import: the settings module imports it.
"""

from typing import NamedTuple


def gettext_noop(text: str) -> str:
    """Marks a phrase for ``makemessages`` (xgettext knows this name)
    without importing Django; it is translated where it is shown."""
    return text


class Language(NamedTuple):
    code: str
    name: str
    pg_config: str
    analyzer: str | None
    stopwords: str
    in_language: str  # "in English": a document's language, said in a sentence


TABLE = (
    Language(
        "en",
        "English",
        "english",
        "english",
        "the and of to in is that for with are this as on be by from or which",
        gettext_noop("in English"),
    ),
    Language(
        "de",
        "Deutsch",
        "german",
        "german",
        "der die und das ist nicht mit den von zu auf ein eine für sich des auch wird",
        gettext_noop("in German"),
    ),
    Language(
        "fr",
        "Français",
        "french",
        "french",
        "le la les et des est une pour dans que qui sur du par pas au avec sont",
        gettext_noop("in French"),
    ),
    Language(
        "it",
        "Italiano",
        "italian",
        "italian",
        "il di che la per non una sono della con del gli nel alla anche come più",
        gettext_noop("in Italian"),
    ),
    Language(
        "es",
        "Español",
        "spanish",
        "spanish",
        "el los las y que por una con para del se es como más pero sus también",
        gettext_noop("in Spanish"),
    ),
    # PostgreSQL ships no Polish stemmer, and a stock Elasticsearch or
    # OpenSearch cluster has no Polish analyzer (it needs the stempel plugin).
    Language(
        "pl",
        "Polski",
        "simple",
        None,
        "i w na się nie z do jest że to jak dla oraz przez są od lub także",
        gettext_noop("in Polish"),
    ),
    Language(
        "el",
        "Ελληνικά",
        "greek",
        "greek",
        "και το της η να σε του τα με για που οι την από είναι στην των",
        gettext_noop("in Greek"),
    ),
)

SOURCE = TABLE[0].code
CODES = tuple(language.code for language in TABLE)
TARGET_CODES = CODES[1:]
BY_CODE = {language.code: language for language in TABLE}


def choices() -> list[tuple[str, str]]:
    """``(code, name)`` pairs, as Django's LANGUAGES wants them."""
    return [(language.code, language.name) for language in TABLE]


def makemessages_args() -> str:
    """``-l de -l fr …``: the catalogues ``make messages`` writes."""
    return " ".join(f"-l {code}" for code in TARGET_CODES)


if __name__ == "__main__":
    print(makemessages_args())
