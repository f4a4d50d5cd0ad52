"""Demo step: the taxonomy in every language (English is seeded by migration)."""

from core.languages import TARGET_CODES
from core.models import Audience, Sector, Theme
from core.translation import translate_into

# English name -> {language: name}. Written for this project.
NAMES = {
    "Finance": {
        "de": "Finanzierung",
        "fr": "Financement",
        "it": "Finanza",
        "es": "Financiación",
        "pl": "Finansowanie",
        "el": "Χρηματοδότηση",
    },
    "Learning & Innovation": {
        "de": "Lernen & Innovation",
        "fr": "Apprentissage & innovation",
        "it": "Apprendimento e innovazione",
        "es": "Aprendizaje e innovación",
        "pl": "Uczenie się i innowacje",
        "el": "Μάθηση & καινοτομία",
    },
    "Working Conditions": {
        "de": "Arbeitsbedingungen",
        "fr": "Conditions de travail",
        "it": "Condizioni di lavoro",
        "es": "Condiciones laborales",
        "pl": "Warunki pracy",
        "el": "Συνθήκες εργασίας",
    },
    "Transformation & Sustainability": {
        "de": "Wandel & Nachhaltigkeit",
        "fr": "Transformation & durabilité",
        "it": "Trasformazione e sostenibilità",
        "es": "Transformación y sostenibilidad",
        "pl": "Transformacja i zrównoważony rozwój",
        "el": "Μετασχηματισμός & βιωσιμότητα",
    },
    "Intellectual Property": {
        "de": "Geistiges Eigentum",
        "fr": "Propriété intellectuelle",
        "it": "Proprietà intellettuale",
        "es": "Propiedad intelectual",
        "pl": "Własność intelektualna",
        "el": "Πνευματική ιδιοκτησία",
    },
    "Access to finance, funding models and investment readiness.": {
        "de": "Zugang zu Finanzierung, Fördermodelle und Investitionsreife.",
        "fr": "Accès au financement, modèles de financement et préparation à l'investissement.",
        "it": "Accesso al credito, modelli di finanziamento e preparazione agli investimenti.",
        "es": "Acceso a la financiación, modelos de financiación y preparación para la inversión.",
        "pl": "Dostęp do finansowania, modele finansowania i gotowość inwestycyjna.",
        "el": "Πρόσβαση σε χρηματοδότηση, μοντέλα χρηματοδότησης και επενδυτική ετοιμότητα.",
    },
    "Skills, education partnerships and new ways of working.": {
        "de": "Kompetenzen, Bildungspartnerschaften und neue Arbeitsformen.",
        "fr": "Compétences, partenariats éducatifs et nouvelles façons de travailler.",
        "it": "Competenze, partenariati educativi e nuovi modi di lavorare.",
        "es": "Competencias, alianzas educativas y nuevas formas de trabajar.",
        "pl": "Umiejętności, partnerstwa edukacyjne i nowe sposoby pracy.",
        "el": "Δεξιότητες, εκπαιδευτικές συνεργασίες και νέοι τρόποι εργασίας.",
    },
    "Fair pay, contracts and wellbeing at work.": {
        "de": "Faire Bezahlung, Verträge und Wohlbefinden bei der Arbeit.",
        "fr": "Rémunération équitable, contrats et bien-être au travail.",
        "it": "Retribuzione equa, contratti e benessere sul lavoro.",
        "es": "Remuneración justa, contratos y bienestar en el trabajo.",
        "pl": "Godziwe wynagrodzenie, umowy i dobrostan w pracy.",
        "el": "Δίκαιη αμοιβή, συμβάσεις και ευεξία στην εργασία.",
    },
    "Digital and green transitions in the creative economy.": {
        "de": "Digitaler und ökologischer Wandel in der Kreativwirtschaft.",
        "fr": "Transitions numérique et écologique dans l'économie créative.",
        "it": "Transizione digitale e verde nell'economia creativa.",
        "es": "Transiciones digital y verde en la economía creativa.",
        "pl": "Transformacja cyfrowa i ekologiczna w gospodarce kreatywnej.",
        "el": "Ψηφιακή και πράσινη μετάβαση στη δημιουργική οικονομία.",
    },
    "Protecting, licensing and capturing value from creative work.": {
        "de": "Kreative Arbeit schützen, lizenzieren und ihren Wert sichern.",
        "fr": "Protéger, concéder sous licence et valoriser le travail créatif.",
        "it": "Proteggere, concedere in licenza e valorizzare il lavoro creativo.",
        "es": "Proteger, licenciar y obtener valor del trabajo creativo.",
        "pl": "Ochrona, licencjonowanie i czerpanie wartości z pracy twórczej.",
        "el": "Προστασία, αδειοδότηση και αξιοποίηση της δημιουργικής εργασίας.",
    },
    "Architecture": {
        "de": "Architektur",
        "fr": "Architecture",
        "it": "Architettura",
        "es": "Arquitectura",
        "pl": "Architektura",
        "el": "Αρχιτεκτονική",
    },
    "Audiovisual": {
        "de": "Audiovisuelle Medien",
        "fr": "Audiovisuel",
        "it": "Audiovisivo",
        "es": "Audiovisual",
        "pl": "Audiowizualne",
        "el": "Οπτικοακουστικά",
    },
    "Books and publishing": {
        "de": "Buch und Verlagswesen",
        "fr": "Livre et édition",
        "it": "Libri ed editoria",
        "es": "Libros y edición",
        "pl": "Książki i wydawnictwa",
        "el": "Βιβλίο και εκδόσεις",
    },
    "Crafts": {
        "de": "Handwerk",
        "fr": "Artisanat",
        "it": "Artigianato",
        "es": "Artesanía",
        "pl": "Rzemiosło",
        "el": "Χειροτεχνία",
    },
    "Cultural heritage": {
        "de": "Kulturerbe",
        "fr": "Patrimoine culturel",
        "it": "Patrimonio culturale",
        "es": "Patrimonio cultural",
        "pl": "Dziedzictwo kulturowe",
        "el": "Πολιτιστική κληρονομιά",
    },
    "Design": {
        "de": "Design",
        "fr": "Design",
        "it": "Design",
        "es": "Diseño",
        "pl": "Projektowanie",
        "el": "Σχεδιασμός",
    },
    "Fashion": {"de": "Mode", "fr": "Mode", "it": "Moda", "es": "Moda", "pl": "Moda", "el": "Μόδα"},
    "Music": {
        "de": "Musik",
        "fr": "Musique",
        "it": "Musica",
        "es": "Música",
        "pl": "Muzyka",
        "el": "Μουσική",
    },
    "Performing arts": {
        "de": "Darstellende Künste",
        "fr": "Arts du spectacle",
        "it": "Arti dello spettacolo",
        "es": "Artes escénicas",
        "pl": "Sztuki performatywne",
        "el": "Παραστατικές τέχνες",
    },
    "Visual arts": {
        "de": "Bildende Kunst",
        "fr": "Arts visuels",
        "it": "Arti visive",
        "es": "Artes visuales",
        "pl": "Sztuki wizualne",
        "el": "Εικαστικές τέχνες",
    },
    "Games": {
        "de": "Games",
        "fr": "Jeux vidéo",
        "it": "Videogiochi",
        "es": "Videojuegos",
        "pl": "Gry",
        "el": "Παιχνίδια",
    },
    "Advertising": {
        "de": "Werbung",
        "fr": "Publicité",
        "it": "Pubblicità",
        "es": "Publicidad",
        "pl": "Reklama",
        "el": "Διαφήμιση",
    },
    "Media and broadcasting": {
        "de": "Medien und Rundfunk",
        "fr": "Médias et radiodiffusion",
        "it": "Media e radiotelevisione",
        "es": "Medios y radiodifusión",
        "pl": "Media i nadawanie",
        "el": "Μέσα ενημέρωσης",
    },
    "Educators": {
        "de": "Lehrende",
        "fr": "Enseignants",
        "it": "Educatori",
        "es": "Educadores",
        "pl": "Edukatorzy",
        "el": "Εκπαιδευτικοί",
    },
    "Hub managers": {
        "de": "Hub-Leitungen",
        "fr": "Responsables de hubs",
        "it": "Responsabili di hub",
        "es": "Gestores de hubs",
        "pl": "Menedżerowie hubów",
        "el": "Διαχειριστές κόμβων",
    },
    "Creative professionals": {
        "de": "Kreativschaffende",
        "fr": "Professionnels de la création",
        "it": "Professionisti creativi",
        "es": "Profesionales creativos",
        "pl": "Profesjonaliści kreatywni",
        "el": "Δημιουργικοί επαγγελματίες",
    },
    "Policy makers": {
        "de": "Politische Entscheidungsträger",
        "fr": "Décideurs politiques",
        "it": "Decisori politici",
        "es": "Responsables políticos",
        "pl": "Decydenci",
        "el": "Φορείς χάραξης πολιτικής",
    },
    "Students": {
        "de": "Studierende",
        "fr": "Étudiants",
        "it": "Studenti",
        "es": "Estudiantes",
        "pl": "Studenci",
        "el": "Φοιτητές",
    },
    "Investors and funders": {
        "de": "Investoren und Geldgeber",
        "fr": "Investisseurs et financeurs",
        "it": "Investitori e finanziatori",
        "es": "Inversores y financiadores",
        "pl": "Inwestorzy i grantodawcy",
        "el": "Επενδυτές και χρηματοδότες",
    },
}


def load(context):
    count = 0
    for model in (Theme, Sector, Audience):
        for term in model.objects.filter(locale__language_code="en"):
            translate_into(
                term,
                {
                    code: {en: by_lang[code] for en, by_lang in NAMES.items() if code in by_lang}
                    for code in TARGET_CODES
                },
            )
            count += 1
    context.step(f"{count} taxonomy terms in 7 languages")
