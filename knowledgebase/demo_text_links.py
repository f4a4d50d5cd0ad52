"""Demo text: names of the publication series and the link title of the
budget templates, in seven languages (written for this project)."""

SERIES = {
    "Policy briefs": {
        "de": "Kurzdossiers",
        "fr": "Notes de synthèse",
        "it": "Note di sintesi",
        "es": "Notas de política",
        "pl": "Notatki programowe",
        "el": "Σημειώματα πολιτικής",
    },
    "Working papers": {
        "de": "Arbeitspapiere",
        "fr": "Documents de travail",
        "it": "Documenti di lavoro",
        "es": "Documentos de trabajo",
        "pl": "Dokumenty robocze",
        "el": "Έγγραφα εργασίας",
    },
}

# "Budget template: <guideline title>"
BUDGET_TEMPLATE = {
    "en": "Budget template",
    "de": "Budgetvorlage",
    "fr": "Modèle de budget",
    "it": "Modello di budget",
    "es": "Plantilla de presupuesto",
    "pl": "Szablon budżetu",
    "el": "Υπόδειγμα προϋπολογισμού",
}
