"""The demo partners: slugs are stable, so other apps' demos can link to them
(e.g. the authors of a policy paper). Names and places are invented for this
project; any likeness to a real organisation is chance."""

# (slug, kind, name, country code, city)
HUBS = [
    ("fabrika-lisboa", "hub", "Fábrica Lisboa Creative Hub", "PT", "Lisbon"),
    ("kreativquartier-leipzig", "hub", "Kreativquartier Leipzig", "DE", "Leipzig"),
    ("atelier-nord-lille", "hub", "Atelier Nord", "FR", "Lille"),
    ("officina-torino", "hub", "Officina Torino", "IT", "Turin"),
    ("hub-valencia-creativa", "hub", "Valencia Creativa", "ES", "Valencia"),
    ("kuznia-gdansk", "hub", "Kuźnia Kreatywna Gdańsk", "PL", "Gdańsk"),
    ("ergastiri-thessaloniki", "hub", "Ergastiri Thessaloniki", "GR", "Thessaloniki"),
    ("makers-tallinn", "hub", "Makers Yard Tallinn", "EE", "Tallinn"),
]
EDUCATION_PARTNERS = [
    ("design-academy-graz", "university", "Design Academy Graz", "AT", "Graz"),
    ("vet-school-bilbao", "vet", "Bilbao School of Applied Crafts", "ES", "Bilbao"),
    ("liceo-artistico-bologna", "school", "Liceo Artistico Bologna", "IT", "Bologna"),
    ("open-studio-krakow", "informal", "Open Studio Kraków", "PL", "Kraków"),
    ("media-lab-utrecht", "university", "Utrecht Media Lab", "NL", "Utrecht"),
]
PARTNER_SLUGS = [row[0] for row in HUBS + EDUCATION_PARTNERS]
