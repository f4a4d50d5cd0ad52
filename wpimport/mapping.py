"""The mapping file: which posts become which page type, and which
WordPress categories and tags become which themes, sectors and audiences.

    types:            # posts in these categories (first match wins)
      research: policy_paper
      stories: case_story
      how-to: guideline
    categories:       # WordPress category slug -> taxonomy slugs of the site
      funding: {themes: [finance]}
    tags:             # WordPress tag slug -> taxonomy slugs of the site
      music: {sectors: [music]}

Every name is checked before anything is imported: a category or tag that
the export does not have, a type or taxonomy term the site does not have, is
an error.
"""

from dataclasses import dataclass, field

import yaml

from core.models import Audience, Sector, Theme

PAGE_TYPES = ("news", "policy_paper", "case_story", "guideline")
TAXONOMIES = {"themes": Theme, "sectors": Sector, "audiences": Audience}
DOMAINS = {"categories": "category", "tags": "post_tag"}


class MappingError(Exception):
    pass


@dataclass
class Mapping:
    # category slug -> page type, in the file's order
    types: dict[str, str] = field(default_factory=dict)
    # (domain, slug) -> {"themes": [slug...], ...}
    terms: dict[tuple[str, str], dict[str, list[str]]] = field(default_factory=dict)

    def page_type(self, categories: list[str]) -> str:
        for slug, page_type in self.types.items():
            if slug in categories:
                return page_type
        return "news"

    def taxonomy(self, item) -> dict[str, list[str]]:
        """Taxonomy slugs for a WordPress item, by taxonomy, in a stable order."""
        found: dict[str, list[str]] = {name: [] for name in TAXONOMIES}
        for domain, slug, _text in item.categories:
            for name, slugs in self.terms.get((domain, slug), {}).items():
                found[name] += [s for s in slugs if s not in found[name]]
        return found


def load(path, known_terms: set[tuple[str, str]], locale) -> Mapping:
    """Read and check the mapping file against the export's terms and the
    site's taxonomy in ``locale``."""
    try:
        with open(path, encoding="utf-8") as handle:
            data = yaml.safe_load(handle) or {}
    except OSError as error:
        raise MappingError(f"cannot read the mapping file {path}: {error.strerror}") from error
    except yaml.YAMLError as error:
        raise MappingError(f"the mapping file {path} is not valid YAML: {error}") from error
    if not isinstance(data, dict):
        raise MappingError(f"the mapping file {path} must be a YAML mapping")
    unknown = set(data) - {"types", *DOMAINS}
    if unknown:
        raise MappingError(
            f"unknown section(s) in {path}: {', '.join(sorted(map(str, unknown)))} "
            "(expected types, categories, tags)"
        )
    mapping = Mapping()
    for slug, page_type in _section(data, "types", path).items():
        _check_term(("category", slug), known_terms, path)
        if page_type not in PAGE_TYPES:
            raise MappingError(
                f"{path}: unknown page type {page_type!r} for category {slug!r} "
                f"(one of {', '.join(PAGE_TYPES)})"
            )
        mapping.types[slug] = page_type
    for section, domain in DOMAINS.items():
        for slug, targets in _section(data, section, path).items():
            _check_term((domain, slug), known_terms, path)
            mapping.terms[domain, slug] = _targets(targets, f"{section}.{slug}", path, locale)
    return mapping


def _section(data, name, path) -> dict:
    section = data.get(name) or {}
    if not isinstance(section, dict):
        raise MappingError(f"{path}: '{name}' must map WordPress slugs to values")
    return {str(key): value for key, value in section.items()}


def _check_term(term, known_terms, path) -> None:
    if term not in known_terms:
        kind = "category" if term[0] == "category" else "tag"
        raise MappingError(f"{path}: the export has no {kind} {term[1]!r}")


def _targets(targets, where, path, locale) -> dict[str, list[str]]:
    if not isinstance(targets, dict):
        raise MappingError(f"{path}: {where} must name themes, sectors or audiences")
    result = {}
    for name, slugs in targets.items():
        model = TAXONOMIES.get(name)
        if model is None:
            raise MappingError(f"{path}: {where}: unknown taxonomy {name!r}")
        slugs = [slugs] if isinstance(slugs, str) else slugs
        if not isinstance(slugs, list) or not all(isinstance(s, str) for s in slugs):
            raise MappingError(f"{path}: {where}.{name} must be a list of slugs")
        terms = model.objects.filter(locale=locale, slug__in=slugs)
        found = set(terms.values_list("slug", flat=True))
        missing = [s for s in slugs if s not in found]
        if missing:
            raise MappingError(f"{path}: {where}: no {name} {', '.join(missing)} on the site")
        result[name] = slugs
    return result
