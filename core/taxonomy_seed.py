"""The vocabulary the network starts with (English). The first data migration
holds a frozen copy; ``load_demo`` reads this one; translations live in
``core/demo.py``."""

THEMES = [
    ("finance", "Finance", "Access to finance, funding models and investment readiness."),
    (
        "learning-innovation",
        "Learning & Innovation",
        "Skills, education partnerships and new ways of working.",
    ),
    ("working-conditions", "Working Conditions", "Fair pay, contracts and wellbeing at work."),
    (
        "transformation-sustainability",
        "Transformation & Sustainability",
        "Digital and green transitions in the creative economy.",
    ),
    (
        "intellectual-property",
        "Intellectual Property",
        "Protecting, licensing and capturing value from creative work.",
    ),
]

SECTORS = [
    ("architecture", "Architecture"),
    ("audiovisual", "Audiovisual"),
    ("books-publishing", "Books and publishing"),
    ("crafts", "Crafts"),
    ("cultural-heritage", "Cultural heritage"),
    ("design", "Design"),
    ("fashion", "Fashion"),
    ("music", "Music"),
    ("performing-arts", "Performing arts"),
    ("visual-arts", "Visual arts"),
    ("games", "Games"),
    ("advertising", "Advertising"),
    ("media", "Media and broadcasting"),
]

AUDIENCES = [
    ("educators", "Educators"),
    ("hub-managers", "Hub managers"),
    ("creative-professionals", "Creative professionals"),
    ("policy-makers", "Policy makers"),
    ("students", "Students"),
    ("investors", "Investors and funders"),
]
