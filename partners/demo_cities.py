"""City names of the demo in the seven languages, as each language writes
them (exonyms where the language has one, in its own script). Used by the
partners and knowledge-base demos: ``city`` is a translatable page field."""

from core.languages import TARGET_CODES

_ROWS = {
    # English: one name per target language, in core.languages' order
    "Lisbon": ("Lissabon", "Lisbonne", "Lisbona", "Lisboa", "Lizbona", "Λισαβόνα"),
    "Leipzig": ("Leipzig", "Leipzig", "Lipsia", "Leipzig", "Lipsk", "Λειψία"),
    "Lille": ("Lille", "Lille", "Lilla", "Lille", "Lille", "Λιλ"),
    "Turin": ("Turin", "Turin", "Torino", "Turín", "Turyn", "Τορίνο"),
    "Valencia": ("Valencia", "Valence", "Valencia", "Valencia", "Walencja", "Βαλένθια"),
    "Gdańsk": ("Danzig", "Gdańsk", "Danzica", "Gdansk", "Gdańsk", "Γκντανσκ"),
    "Thessaloniki": (
        "Thessaloniki",
        "Thessalonique",
        "Salonicco",
        "Tesalónica",
        "Saloniki",
        "Θεσσαλονίκη",
    ),
    "Tallinn": ("Tallinn", "Tallinn", "Tallinn", "Tallin", "Tallinn", "Ταλίν"),
    "Graz": ("Graz", "Graz", "Graz", "Graz", "Graz", "Γκρατς"),
    "Bilbao": ("Bilbao", "Bilbao", "Bilbao", "Bilbao", "Bilbao", "Μπιλμπάο"),
    "Bologna": ("Bologna", "Bologne", "Bologna", "Bolonia", "Bolonia", "Μπολόνια"),
    "Kraków": ("Krakau", "Cracovie", "Cracovia", "Cracovia", "Kraków", "Κρακοβία"),
    "Utrecht": ("Utrecht", "Utrecht", "Utrecht", "Utrecht", "Utrecht", "Ουτρέχτη"),
}

# English name -> {language: name}, in the shape ``DemoContext.translate`` takes.
# strict: a language added to the table without its city names stops here.
CITIES = {en: dict(zip(TARGET_CODES, names, strict=True)) for en, names in _ROWS.items()}


def city_table(*names: str) -> dict[str, dict[str, str]]:
    """The translations of ``names`` (English); unknown names are left out."""
    return {name: CITIES[name] for name in names if name in CITIES}
