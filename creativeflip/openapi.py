"""The OpenAPI 3.1 document of the site's own JSON endpoints, served at
/api/v2/openapi.json. Written by hand from the views (search/views.py,
learning/views.py, Wagtail's API v2); tests/api/test_openapi.py checks
it against the running site with schemathesis."""

from django.conf import settings
from django.http import JsonResponse
from django.views.decorators.http import require_GET

JSON = "application/json"
HTML = "text/html"

ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {"error": {"type": "string"}},
}
WAGTAIL_ERROR = {
    "type": "object",
    "required": ["message"],
    "properties": {"message": {"type": "string"}},
}
NULLABLE_STRING = {"type": ["string", "null"]}


def answer(description: str, schema: dict | None = None, *types: str) -> dict:
    """A response; with a schema its body is JSON, other ``types`` carry an
    HTML page (the site's error pages, Django's plain 400 text)."""
    content = {}
    if schema is not None:
        content[JSON] = {"schema": schema}
    for content_type in types:
        content[content_type] = {"schema": {"type": "string"}}
    return (
        {"description": description, "content": content}
        if content
        else {"description": description}
    )


# core.middleware.LocaleMiddleware sends an unknown language prefix to the
# same path under a known one.
UNKNOWN_LANG = {"description": "Unknown language prefix: redirect."}
NO_SUCH_LANG = answer("A language prefix that cannot be redirected: the HTML 404 page.", None, HTML)
TOO_MANY = answer("Too many requests from this client; try again later.", ERROR, HTML)


def query(name: str, schema: dict, description: str, **extra) -> dict:
    return {"name": name, "in": "query", "schema": schema, "description": description, **extra}


def lang_parameter() -> dict:
    return {
        "name": "lang",
        "in": "path",
        "required": True,
        "description": "The interface language (settings.LANGUAGES).",
        "schema": {"type": "string", "enum": [code for code, _name in settings.LANGUAGES]},
    }


def repeated(name: str, description: str) -> dict:
    return query(
        name,
        {"type": "array", "items": {"type": "string"}},
        description,
        style="form",
        explode=True,
    )


SEARCH_RESULT = {
    "type": "object",
    "required": ["id", "title", "url", "type", "type_label", "date", "snippet_html"],
    "properties": {
        "id": {"type": "integer"},
        "title": {"type": "string"},
        "url": NULLABLE_STRING,
        "type": {"type": "string", "description": "app_label.model"},
        "type_label": {"type": "string"},
        "date": {**NULLABLE_STRING, "description": "ISO date"},
        "partners": {"type": "array", "items": {"type": "string"}},
        "snippet_html": {"type": "string", "description": "escaped text with <mark>"},
        "in_document": {"type": "boolean"},
        "document_page": {"type": ["integer", "null"]},
        "promoted": {"type": "boolean"},
    },
}
FACET_VALUE = {
    "type": "object",
    "required": ["value", "label", "count", "selected"],
    "properties": {
        "value": {"type": "string"},
        "label": {"type": "string"},
        "count": {"type": "integer", "minimum": 0},
        "selected": {"type": "boolean"},
    },
}
FACETS = ["type", "theme", "sector", "country", "partner", "year", "document"]
FACETS += ["instrument", "deadline"]
SEARCH_OUTCOME = {
    "type": "object",
    "required": [
        "query",
        "sort",
        "filters",
        "page",
        "num_pages",
        "total",
        "promoted",
        "results",
        "facets",
        "facet_more",
        "did_you_mean",
        "fuzzy",
        "messages",
    ],
    "properties": {
        "query": {"type": "string"},
        "sort": {"type": "string", "enum": ["relevance", "date"]},
        "filters": {
            "type": "object",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        },
        "page": {"type": "integer", "minimum": 1},
        "num_pages": {"type": "integer", "minimum": 0},
        "total": {"type": "integer", "minimum": 0},
        "promoted": {"type": "array", "items": SEARCH_RESULT},
        "results": {"type": "array", "items": SEARCH_RESULT},
        "facets": {
            "type": "object",
            "properties": {f: {"type": "array", "items": FACET_VALUE} for f in FACETS},
        },
        "facet_more": {
            "type": "object",
            "description": "values of each facet beyond those listed (the most frequent)",
            "properties": {f: {"type": "integer", "minimum": 0} for f in FACETS},
        },
        "did_you_mean": NULLABLE_STRING,
        "fuzzy": {"type": "boolean"},
        "messages": {"type": "array", "items": {"type": "string"}},
    },
}


def search_operation() -> dict:
    facets = [
        repeated("type", "Content type id."),
        repeated("theme", "Theme slug."),
        repeated("sector", "Sector slug."),
        repeated("country", "ISO country code."),
        repeated("partner", "Partner page id."),
        repeated("year", "Year."),
        repeated("document", "`yes` or `no`: has an attached document."),
        repeated("instrument", "Funding instrument, e.g. `grant`, `loan`."),
        repeated("deadline", "`open` or `closed`: a funding opportunity's deadline."),
    ]
    return {
        "get": {
            "operationId": "search",
            "summary": "Search the live pages of one locale",
            "parameters": [
                query("q", {"type": "string"}, "The query; longer than 200 characters is cut."),
                query(
                    "locale",
                    {"type": "string", "enum": [c for c, _n in settings.LANGUAGES]},
                    "Language code; default the site's language.",
                ),
                query("sort", {"type": "string", "enum": ["relevance", "date"]}, "Order."),
                query("page", {"type": "string"}, "Page number, 1 to 50; beyond is clamped."),
                *facets,
            ],
            "responses": {
                "200": answer("The results, facets and messages.", SEARCH_OUTCOME),
                "400": answer(
                    "Unknown or not set-up locale, or invalid input.",
                    {**ERROR, "properties": {**ERROR["properties"], "locales": {"type": "array"}}},
                ),
                "429": TOO_MANY,
            },
        }
    }


def suggest_operation() -> dict:
    return {
        "get": {
            "operationId": "suggest",
            "summary": "Suggestions for the search box",
            "parameters": [
                lang_parameter(),
                query("q", {"type": "string"}, "Typed text; under 2 characters: no suggestions."),
            ],
            "responses": {
                "200": answer(
                    "Page titles and ESCO skill labels.",
                    {
                        "type": "object",
                        "required": ["query", "titles", "skills"],
                        "properties": {
                            "query": {"type": "string"},
                            "titles": {
                                "type": "array",
                                "items": {
                                    "type": "object",
                                    "required": ["title", "url"],
                                    "properties": {
                                        "title": {"type": "string"},
                                        "url": NULLABLE_STRING,
                                    },
                                },
                            },
                            "skills": {"type": "array", "items": {"type": "string"}},
                        },
                    },
                ),
                "302": UNKNOWN_LANG,
                "400": answer("Invalid input.", ERROR, HTML),
                "404": NO_SUCH_LANG,
                "429": TOO_MANY,
            },
        }
    }


def occupations_operation() -> dict:
    occupation = {
        "type": "object",
        "required": ["id", "label", "isco", "url"],
        "properties": {
            "id": {"type": "integer"},
            "label": {"type": "string"},
            "isco": {"type": "string"},
            "url": {"type": "string"},
        },
    }
    return {
        "get": {
            "operationId": "occupationAutocomplete",
            "summary": "ESCO occupations whose label contains the text",
            "parameters": [
                lang_parameter(),
                query("q", {"type": "string"}, "At least 2 characters, else no results."),
            ],
            "responses": {
                "200": answer(
                    "Up to 10 occupations.",
                    {
                        "type": "object",
                        "required": ["results"],
                        "properties": {"results": {"type": "array", "items": occupation}},
                    },
                ),
                "302": UNKNOWN_LANG,
                "400": answer("The text is too long or invalid.", ERROR, HTML),
                "404": NO_SUCH_LANG,
                "429": TOO_MANY,
            },
        }
    }


MODULE_KEY = {"type": "string", "format": "uuid", "description": "A module's translation key."}
COMPLETED = {"type": "array", "items": {"type": "string"}}
SIGNED_IN = [{"session": []}]
CSRF_NOTE = (
    " Needs the session cookie of a signed-in learner and Django's CSRF token"
    " (cookie `csrftoken` and header `X-CSRFToken`)."
)


def progress_operation() -> dict:
    return {
        "post": {
            "operationId": "markProgress",
            "summary": "Mark a module done or not done",
            "description": "JSON for scripts; the plain form answers with redirects." + CSRF_NOTE,
            "security": SIGNED_IN,
            "parameters": [lang_parameter()],
            "requestBody": {
                "required": True,
                "content": {
                    JSON: {
                        "schema": {
                            "type": "object",
                            "required": ["module"],
                            "properties": {"module": MODULE_KEY, "done": {"type": "boolean"}},
                        }
                    },
                    "application/x-www-form-urlencoded": {
                        "schema": {
                            "type": "object",
                            "required": ["module"],
                            "properties": {
                                "module": MODULE_KEY,
                                "done": {"type": "string", "enum": ["0", "1"]},
                                "next": {"type": "string"},
                            },
                        }
                    },
                },
            },
            "responses": {
                "200": answer(
                    "JSON: the learner's completed module keys.",
                    {
                        "type": "object",
                        "required": ["completed"],
                        "properties": {"completed": COMPLETED},
                    },
                ),
                "302": {
                    "description": "Form: back to `next` (or the sign-in page when signed out)."
                },
                "400": answer("Malformed module key or body.", ERROR, HTML),
                "403": answer("JSON when signed out; HTML on a failed CSRF check.", ERROR, HTML),
                "404": answer(
                    "No live module has this key, or an unknown language prefix.", ERROR, HTML
                ),
                "429": TOO_MANY,
            },
        }
    }


def merge_operation() -> dict:
    return {
        "post": {
            "operationId": "mergeProgress",
            "summary": "Merge the progress kept in the browser into the account",
            "description": "Unknown module keys are ignored." + CSRF_NOTE,
            "security": SIGNED_IN,
            "parameters": [lang_parameter()],
            "requestBody": {
                "required": True,
                "content": {
                    JSON: {
                        "schema": {
                            "type": "object",
                            "required": ["completed"],
                            "properties": {
                                "completed": {"type": "array", "items": MODULE_KEY, "maxItems": 500}
                            },
                        }
                    }
                },
            },
            "responses": {
                "200": answer(
                    "The learner's completed module keys and how many were new.",
                    {
                        "type": "object",
                        "required": ["completed", "added"],
                        "properties": {
                            "completed": COMPLETED,
                            "added": {"type": "integer", "minimum": 0},
                        },
                    },
                ),
                "302": UNKNOWN_LANG,
                "400": answer("Not a list of at most 500 module keys.", ERROR),
                "404": NO_SUCH_LANG,
                "403": answer("Signed out (JSON) or a failed CSRF check (HTML).", ERROR, HTML),
                "429": TOO_MANY,
            },
        }
    }


# Wagtail API v2 (creativeflip/api.py) ---------------------------------------

ITEM = {
    "type": "object",
    "required": ["id"],
    "properties": {
        "id": {"type": "integer"},
        "meta": {
            "type": "object",
            "properties": {
                "type": {"type": "string"},
                "detail_url": {"type": "string"},
                "html_url": NULLABLE_STRING,
                "slug": {"type": "string"},
                "first_published_at": NULLABLE_STRING,
                "locale": {"type": "string"},
                "download_url": {"type": "string"},
                "tags": {"type": "array", "items": {"type": "string"}},
            },
            "additionalProperties": True,
        },
        "title": {"type": "string"},
        "summary": {"type": "string"},
        "intro": {"type": "string"},
        "date": NULLABLE_STRING,
    },
    "additionalProperties": True,
}
LISTING = {
    "type": "object",
    "required": ["meta", "items"],
    "properties": {
        "meta": {
            "type": "object",
            "required": ["total_count"],
            "properties": {"total_count": {"type": "integer", "minimum": 0}},
        },
        "items": {"type": "array", "items": ITEM},
    },
}
LIMIT = query("limit", {"type": "integer", "minimum": 0}, "At most 20 (WAGTAILAPI_LIMIT_MAX).")
OFFSET = query("offset", {"type": "integer", "minimum": 0}, "Items to skip.")
FIELDS = query("fields", {"type": "string"}, "Comma-separated fields; `*` all, `-name` drops.")
ORDER = query("order", {"type": "string"}, "A field, `-field` or `random`.")
SEARCH = query("search", {"type": "string"}, "Full-text search.")


def wagtail_listing(operation_id: str, summary: str, extra: list) -> dict:
    return {
        "get": {
            "operationId": operation_id,
            "summary": summary,
            "parameters": [LIMIT, OFFSET, FIELDS, ORDER, SEARCH, *extra],
            "responses": {
                "200": answer("One page of the listing.", LISTING),
                "400": answer(
                    "An unknown field, type, order or parent, or a bad number.", WAGTAIL_ERROR
                ),
                "404": answer("Unknown locale.", WAGTAIL_ERROR),
                "429": TOO_MANY,
            },
        }
    }


def page_detail() -> dict:
    return {
        "get": {
            "operationId": "page",
            "summary": "One live, public page with all its API fields",
            "parameters": [
                {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}},
                FIELDS,
            ],
            "responses": {
                "200": answer("The page.", {**ITEM, "required": ["id", "meta", "title"]}),
                "400": answer("An unknown field.", WAGTAIL_ERROR),
                "404": answer(
                    "No live, public page with this id (HTML when the id is not a number).",
                    WAGTAIL_ERROR,
                    HTML,
                ),
                "429": TOO_MANY,
            },
        }
    }


def build_document() -> dict:
    page_filters = [
        query(
            "type",
            {"type": "string"},
            "`app_label.ModelName`, e.g. `knowledgebase.PolicyPaperPage`.",
        ),
        query("locale", {"type": "string"}, "Language code; unknown: 404."),
        query("child_of", {"type": "integer", "minimum": 1}, "Parent page id."),
    ]
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Creative FLIP Knowledge Base",
            "version": "2",
            "description": "The site's JSON endpoints: search, suggestions, the skills "
            "explorer's autocomplete, learner progress and Wagtail's read-only API.",
        },
        "components": {
            "securitySchemes": {
                "session": {"type": "apiKey", "in": "cookie", "name": settings.SESSION_COOKIE_NAME}
            }
        },
        "paths": {
            "/api/v2/search/": search_operation(),
            "/{lang}/search/suggest/": suggest_operation(),
            "/{lang}/skills/occupations/": occupations_operation(),
            "/{lang}/accounts/progress/": progress_operation(),
            "/{lang}/accounts/progress/merge/": merge_operation(),
            "/api/v2/pages/": wagtail_listing("pages", "Live, public pages", page_filters),
            "/api/v2/pages/{id}/": page_detail(),
            "/api/v2/documents/": wagtail_listing("documents", "Documents", []),
            "/api/v2/images/": wagtail_listing("images", "Images", []),
        },
    }


@require_GET
def openapi_view(request):
    return JsonResponse(build_document(), json_dumps_params={"ensure_ascii": False})
