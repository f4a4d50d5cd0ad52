"""Citation exports of a policy paper: BibTeX and RIS."""

import re
import unicodedata

from core.site_url import absolute_url

FORMATS = {
    "bibtex": ("application/x-bibtex; charset=utf-8", "bib"),
    "ris": ("application/x-research-info-systems; charset=utf-8", "ris"),
}


def export(page, request, name: str) -> tuple[str, str, str]:
    """(body, content type, file extension) of ``page`` in format ``name``."""
    content_type, extension = FORMATS[name]
    fields = citation_fields(page, request)
    body = bibtex(fields) if name == "bibtex" else ris(fields)
    return body, content_type, extension


def citation_fields(page, request) -> dict:
    document = page.document
    return {
        "title": page.title,
        "authors": [author.name for author in page.authors.all()],
        "date": page.date,
        "publisher": page.publisher,
        "series": page.series_name,
        "doi": page.doi,
        "isbn": page.isbn,
        "url": absolute_url(request, page.get_url(request)),
        "pdf_url": absolute_url(request, document.url) if document else "",
        "abstract": page.summary,
        "language": page.locale.language_code,
        "key": citation_key(page),
    }


def citation_key(page) -> str:
    first = page.authors.all()[:1]
    surname = first[0].name.split()[-1] if first else "creativeflip"
    ascii_name = unicodedata.normalize("NFKD", surname).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]", "", ascii_name).lower() + str(page.date.year) + f"p{page.pk}"


def _bibtex_escape(value: str) -> str:
    value = value.replace("\\", "\\textbackslash{}")
    for char in "{}&%$#_":
        value = value.replace(char, "\\" + char)
    return " ".join(value.split())


def bibtex(fields: dict) -> str:
    entry = "book" if fields["isbn"] else "techreport"
    rows = [
        ("title", "{" + _bibtex_escape(fields["title"]) + "}"),
        ("author", " and ".join(_bibtex_escape(name) for name in fields["authors"])),
        ("year", str(fields["date"].year)),
        ("month", str(fields["date"].month)),
        ("date", fields["date"].isoformat()),
        ("institution" if entry == "techreport" else "publisher", fields["publisher"]),
        ("series", fields["series"]),
        ("doi", fields["doi"]),
        ("isbn", fields["isbn"]),
        ("url", fields["url"]),
        ("language", fields["language"]),
        ("abstract", fields["abstract"]),
    ]
    lines = [f"@{entry}{{{fields['key']},"]
    for name, value in rows:
        if not value:
            continue
        if name not in {"title", "author", "url", "doi"}:
            value = _bibtex_escape(value)
        elif name != "title" and name != "author":
            value = value.replace("}", "").replace("{", "")
        lines.append(f"  {name} = {{{value}}},")
    lines.append("}")
    return "\n".join(lines) + "\n"


def ris(fields: dict) -> str:
    lines = [("TY", "BOOK" if fields["isbn"] else "RPRT"), ("TI", fields["title"])]
    lines += [("AU", name) for name in fields["authors"]]
    lines += [
        ("PY", str(fields["date"].year)),
        ("DA", fields["date"].strftime("%Y/%m/%d")),
        ("PB", fields["publisher"]),
        ("T3", fields["series"]),
        ("DO", fields["doi"]),
        ("SN", fields["isbn"]),
        ("UR", fields["url"]),
        ("L1", fields["pdf_url"]),
        ("LA", fields["language"]),
        ("AB", fields["abstract"]),
        ("ID", fields["key"]),
    ]
    body = [f"{tag}  - {' '.join(str(value).split())}" for tag, value in lines if value]
    body.append("ER  - ")
    return "\r\n".join(body) + "\r\n"
