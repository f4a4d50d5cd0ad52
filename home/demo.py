"""Demo step: the home page in English, translated into the six other
languages through wagtail-localize so that the translations stay linked."""

from wagtail.models import Locale, Page, Site

from home.models import HomePage

HERO_TITLE = "Knowledge that travels between creative hubs"
HERO_TEXT = (
    "Policy papers, practical guidelines, case stories and learning paths, written by "
    "creative hubs and education partners across Europe."
)
INTRO = (
    "Creative FLIP brings together what hubs, schools, universities and training providers "
    "learn about finance, skills, innovation and intellectual property in the cultural and "
    "creative industries."
)
INTRO_2 = (
    "Search every document in your own language, follow a learning path from start to "
    "finish, or find a twin hub to learn from."
)

TEXT = {
    "Creative FLIP Knowledge Base": {
        "de": "Creative FLIP Wissensbasis",
        "fr": "Base de connaissances Creative FLIP",
        "it": "Base di conoscenza Creative FLIP",
        "es": "Base de conocimiento Creative FLIP",
        "pl": "Baza wiedzy Creative FLIP",
        "el": "Βάση γνώσεων Creative FLIP",
    },
    HERO_TITLE: {
        "de": "Wissen, das zwischen Kreativ-Hubs reist",
        "fr": "Des savoirs qui circulent entre hubs créatifs",
        "it": "Conoscenza che viaggia tra hub creativi",
        "es": "Conocimiento que viaja entre hubs creativos",
        "pl": "Wiedza, która krąży między hubami kreatywnymi",
        "el": "Γνώση που ταξιδεύει ανάμεσα σε δημιουργικούς κόμβους",
    },
    HERO_TEXT: {
        "de": "Politikpapiere, praktische Leitfäden, Fallgeschichten und Lernpfade von Kreativ-Hubs und Bildungspartnern aus ganz Europa.",
        "fr": "Notes d'orientation, guides pratiques, récits d'expérience et parcours d'apprentissage rédigés par des hubs créatifs et des partenaires éducatifs de toute l'Europe.",
        "it": "Documenti di policy, linee guida pratiche, casi di studio e percorsi formativi scritti da hub creativi e partner educativi di tutta Europa.",
        "es": "Documentos de políticas, guías prácticas, casos y itinerarios de aprendizaje escritos por hubs creativos y socios educativos de toda Europa.",
        "pl": "Dokumenty programowe, praktyczne poradniki, studia przypadków i ścieżki nauki tworzone przez huby kreatywne i partnerów edukacyjnych z całej Europy.",
        "el": "Κείμενα πολιτικής, πρακτικοί οδηγοί, ιστορίες περιπτώσεων και διαδρομές μάθησης από δημιουργικούς κόμβους και εκπαιδευτικούς εταίρους σε όλη την Ευρώπη.",
    },
    INTRO: {
        "de": "Creative FLIP bündelt, was Hubs, Schulen, Hochschulen und Bildungsanbieter über Finanzierung, Kompetenzen, Innovation und geistiges Eigentum in der Kultur- und Kreativwirtschaft lernen.",
        "fr": "Creative FLIP rassemble ce que les hubs, écoles, universités et organismes de formation apprennent sur le financement, les compétences, l'innovation et la propriété intellectuelle dans les secteurs culturels et créatifs.",
        "it": "Creative FLIP raccoglie ciò che hub, scuole, università ed enti di formazione imparano su finanza, competenze, innovazione e proprietà intellettuale nelle industrie culturali e creative.",
        "es": "Creative FLIP reúne lo que hubs, escuelas, universidades y centros de formación aprenden sobre financiación, competencias, innovación y propiedad intelectual en las industrias culturales y creativas.",
        "pl": "Creative FLIP gromadzi wiedzę hubów, szkół, uczelni i instytucji szkoleniowych o finansowaniu, umiejętnościach, innowacjach i własności intelektualnej w sektorach kultury i kreatywnym.",
        "el": "Το Creative FLIP συγκεντρώνει όσα μαθαίνουν κόμβοι, σχολεία, πανεπιστήμια και φορείς κατάρτισης για τη χρηματοδότηση, τις δεξιότητες, την καινοτομία και την πνευματική ιδιοκτησία στις πολιτιστικές και δημιουργικές βιομηχανίες.",
    },
    INTRO_2: {
        "de": "Durchsuchen Sie jedes Dokument in Ihrer Sprache, folgen Sie einem Lernpfad von Anfang bis Ende oder finden Sie einen Partner-Hub, von dem Sie lernen können.",
        "fr": "Cherchez dans chaque document dans votre langue, suivez un parcours d'apprentissage du début à la fin ou trouvez un hub jumeau dont vous inspirer.",
        "it": "Cerca in ogni documento nella tua lingua, segui un percorso formativo dall'inizio alla fine o trova un hub gemello da cui imparare.",
        "es": "Busca en cada documento en tu idioma, sigue un itinerario de aprendizaje de principio a fin o encuentra un hub gemelo del que aprender.",
        "pl": "Przeszukuj każdy dokument w swoim języku, przejdź ścieżkę nauki od początku do końca lub znajdź hub bliźniaczy, od którego możesz się uczyć.",
        "el": "Αναζητήστε κάθε έγγραφο στη γλώσσα σας, ακολουθήστε μια διαδρομή μάθησης από την αρχή ως το τέλος ή βρείτε έναν δίδυμο κόμβο για να μάθετε από αυτόν.",
    },
    "Explore the knowledge base": {
        "de": "Wissensbasis entdecken",
        "fr": "Explorer la base de connaissances",
        "it": "Esplora la base di conoscenza",
        "es": "Explorar la base de conocimiento",
        "pl": "Poznaj bazę wiedzy",
        "el": "Εξερευνήστε τη βάση γνώσεων",
    },
}


def ensure_home() -> HomePage:
    """The English home page, made the site's root. Replaces Wagtail's
    placeholder "Welcome" page on a fresh database."""
    english = Locale.objects.get(language_code="en")
    root = Page.get_first_root_node()
    # Wagtail's placeholder page (and the site pointing at it), if still there.
    Page.objects.filter(depth=2, content_type__app_label="wagtailcore").delete()
    home = HomePage.objects.filter(locale=english, depth=2).first()
    fields = {
        "title": "Creative FLIP Knowledge Base",
        "hero_title": HERO_TITLE,
        "hero_text": HERO_TEXT,
        "hero_link_text": "Explore the knowledge base",
        "intro": f"<p>{INTRO}</p><p>{INTRO_2}</p>",
    }
    if home is None:
        home = HomePage(slug="home", locale=english, **fields)
        root.add_child(instance=home)
    else:
        for name, value in fields.items():
            setattr(home, name, value)
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first() or Site(
        hostname="localhost", port=80, is_default_site=True
    )
    site.root_page = home
    site.site_name = "Creative FLIP Knowledge Base"
    site.save()
    return home


def load(context):
    home = ensure_home()
    context.step(f"home page: {home.title}")
    context.translate(home, TEXT)
