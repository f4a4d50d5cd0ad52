"""Demo text of the knowledge base, part 4: news items and events. Written
for this project in seven languages.

Fields per language: title, summary, body."""

NEWS_FIELDS = ("title", "summary", "body")
NEWS = [
    {
        "slug": "knowledge-base-opens",
        "kind": "news",
        "date": "2025-01-20",
        "themes": ["learning-innovation"],
        "text": {
            "en": (
                "The knowledge base opens in seven languages",
                "Papers, guidelines and stories from the network can now be searched in seven languages.",
                "Every document, including the text inside PDFs, is now searchable in English, German, French, Italian, Spanish, Polish and Greek.",
            ),
            "de": (
                "Die Wissensbasis startet in sieben Sprachen",
                "Papiere, Leitfäden und Geschichten aus dem Netzwerk sind jetzt in sieben Sprachen durchsuchbar.",
                "Jedes Dokument, auch der Text in PDFs, ist jetzt auf Englisch, Deutsch, Französisch, Italienisch, Spanisch, Polnisch und Griechisch durchsuchbar.",
            ),
            "fr": (
                "La base de connaissances ouvre en sept langues",
                "Notes, guides et récits du réseau sont désormais consultables en sept langues.",
                "Chaque document, y compris le texte des PDF, est désormais consultable en anglais, allemand, français, italien, espagnol, polonais et grec.",
            ),
            "it": (
                "La base di conoscenza apre in sette lingue",
                "Documenti, linee guida e casi della rete sono ora consultabili in sette lingue.",
                "Ogni documento, compreso il testo dei PDF, è ora ricercabile in inglese, tedesco, francese, italiano, spagnolo, polacco e greco.",
            ),
            "es": (
                "La base de conocimiento abre en siete idiomas",
                "Documentos, guías y casos de la red ya se pueden buscar en siete idiomas.",
                "Cada documento, incluido el texto de los PDF, ya se puede buscar en inglés, alemán, francés, italiano, español, polaco y griego.",
            ),
            "pl": (
                "Baza wiedzy startuje w siedmiu językach",
                "Dokumenty, poradniki i studia przypadków z sieci można teraz przeszukiwać w siedmiu językach.",
                "Każdy dokument, także tekst w plikach PDF, można teraz przeszukiwać po angielsku, niemiecku, francusku, włosku, hiszpańsku, polsku i grecku.",
            ),
            "el": (
                "Η βάση γνώσεων ανοίγει σε επτά γλώσσες",
                "Κείμενα, οδηγοί και ιστορίες του δικτύου αναζητούνται πλέον σε επτά γλώσσες.",
                "Κάθε έγγραφο, ακόμη και το κείμενο μέσα στα PDF, αναζητείται πλέον στα αγγλικά, γερμανικά, γαλλικά, ιταλικά, ισπανικά, πολωνικά και ελληνικά.",
            ),
        },
    },
    {
        "slug": "call-for-twin-hub-exchanges",
        "kind": "news",
        "date": "2025-03-10",
        "themes": ["learning-innovation"],
        "text": {
            "en": (
                "Call for twin-hub exchanges",
                "Hubs can apply in pairs for a one-week exchange of staff and members.",
                "Each pair names one skill to teach and one to learn; travel and accommodation are covered.",
            ),
            "de": (
                "Aufruf für Austausche zwischen Partner-Hubs",
                "Hubs können sich paarweise für einen einwöchigen Austausch von Team und Mitgliedern bewerben.",
                "Jedes Paar nennt eine Fähigkeit zum Lehren und eine zum Lernen; Reise und Unterkunft werden übernommen.",
            ),
            "fr": (
                "Appel à échanges entre hubs jumeaux",
                "Les hubs peuvent candidater en binôme pour un échange d'une semaine entre équipes et membres.",
                "Chaque binôme nomme une compétence à transmettre et une à apprendre ; le voyage et l'hébergement sont pris en charge.",
            ),
            "it": (
                "Bando per scambi tra hub gemelli",
                "Gli hub possono candidarsi in coppia per uno scambio di una settimana tra staff e membri.",
                "Ogni coppia indica una competenza da insegnare e una da imparare; viaggio e alloggio sono coperti.",
            ),
            "es": (
                "Convocatoria de intercambios entre hubs gemelos",
                "Los hubs pueden presentarse en pareja a un intercambio de una semana entre equipos y miembros.",
                "Cada pareja indica una competencia que enseñar y otra que aprender; el viaje y el alojamiento están cubiertos.",
            ),
            "pl": (
                "Nabór na wymiany hubów bliźniaczych",
                "Huby mogą zgłaszać się w parach na tygodniową wymianę zespołów i członków.",
                "Każda para wskazuje jedną umiejętność do przekazania i jedną do nauczenia się; podróż i nocleg są opłacone.",
            ),
            "el": (
                "Πρόσκληση για ανταλλαγές δίδυμων κόμβων",
                "Οι κόμβοι μπορούν να υποβάλουν αίτηση σε ζεύγη για ανταλλαγή προσωπικού και μελών μίας εβδομάδας.",
                "Κάθε ζεύγος ορίζει μία δεξιότητα για διδασκαλία και μία για μάθηση· τα ταξίδια και η διαμονή καλύπτονται.",
            ),
        },
    },
    {
        "slug": "new-guideline-on-pricing",
        "kind": "news",
        "date": "2025-05-14",
        "themes": ["working-conditions"],
        "text": {
            "en": (
                "New guideline on pricing creative work",
                "A tested method for setting a day rate is now available to every member.",
                "The guideline was piloted with performers in Lille and includes a quote template.",
            ),
            "de": (
                "Neuer Leitfaden zur Preisgestaltung",
                "Eine erprobte Methode zur Festlegung des Tagessatzes steht jetzt allen Mitgliedern zur Verfügung.",
                "Der Leitfaden wurde mit Darstellenden in Lille erprobt und enthält eine Angebotsvorlage.",
            ),
            "fr": (
                "Nouveau guide sur la tarification",
                "Une méthode éprouvée pour fixer un tarif journalier est désormais à la disposition de tous les membres.",
                "Le guide a été testé avec des artistes à Lille et comprend un modèle de devis.",
            ),
            "it": (
                "Nuova linea guida sui prezzi",
                "Un metodo collaudato per fissare la tariffa giornaliera è ora disponibile per tutti i membri.",
                "La linea guida è stata sperimentata con artisti a Lille e include un modello di preventivo.",
            ),
            "es": (
                "Nueva guía sobre precios",
                "Un método probado para fijar la tarifa diaria está ya a disposición de todos los miembros.",
                "La guía se probó con intérpretes en Lille e incluye una plantilla de presupuesto.",
            ),
            "pl": (
                "Nowy poradnik o wycenie",
                "Sprawdzona metoda ustalania stawki dziennej jest już dostępna dla wszystkich członków.",
                "Poradnik przetestowano z artystami w Lille; zawiera wzór oferty.",
            ),
            "el": (
                "Νέος οδηγός για την τιμολόγηση",
                "Μια δοκιμασμένη μέθοδος για την ημερήσια αμοιβή είναι πλέον διαθέσιμη σε όλα τα μέλη.",
                "Ο οδηγός δοκιμάστηκε με ερμηνευτές στη Λιλ και περιλαμβάνει υπόδειγμα προσφοράς.",
            ),
        },
    },
    {
        "slug": "energy-results-published",
        "kind": "news",
        "date": "2025-09-03",
        "themes": ["transformation-sustainability"],
        "text": {
            "en": (
                "First energy results from member studios",
                "Twenty studios shared a year of meter readings; buildings matter most.",
                "Heating and lighting caused more emissions than travel; the full data is in the Green studios paper.",
            ),
            "de": (
                "Erste Energiedaten aus Mitgliedsstudios",
                "Zwanzig Studios teilten ein Jahr Zählerstände; Gebäude zählen am meisten.",
                "Heizung und Licht verursachten mehr Emissionen als Reisen; alle Daten stehen im Papier über grüne Studios.",
            ),
            "fr": (
                "Premiers résultats énergétiques des studios membres",
                "Vingt studios ont partagé un an de relevés ; les bâtiments pèsent le plus.",
                "Le chauffage et l'éclairage émettaient davantage que les déplacements ; toutes les données figurent dans la note sur les studios verts.",
            ),
            "it": (
                "Primi risultati energetici degli studi associati",
                "Venti studi hanno condiviso un anno di letture; gli edifici contano di più.",
                "Riscaldamento e illuminazione hanno causato più emissioni dei viaggi; tutti i dati sono nel documento sugli studi verdi.",
            ),
            "es": (
                "Primeros resultados energéticos de los estudios socios",
                "Veinte estudios compartieron un año de lecturas; los edificios son lo que más pesa.",
                "La calefacción y la iluminación emitieron más que los viajes; todos los datos están en el documento sobre estudios verdes.",
            ),
            "pl": (
                "Pierwsze wyniki energetyczne studiów członkowskich",
                "Dwadzieścia studiów udostępniło roczne odczyty liczników; najważniejsze są budynki.",
                "Ogrzewanie i oświetlenie powodowały więcej emisji niż podróże; pełne dane są w dokumencie o zielonych studiach.",
            ),
            "el": (
                "Πρώτα ενεργειακά αποτελέσματα από στούντιο μελών",
                "Είκοσι στούντιο μοιράστηκαν ενδείξεις ενός έτους· τα κτίρια μετρούν περισσότερο.",
                "Η θέρμανση και ο φωτισμός προκάλεσαν περισσότερες εκπομπές από τις μετακινήσεις· όλα τα στοιχεία βρίσκονται στο κείμενο για τα πράσινα στούντιο.",
            ),
        },
    },
    {
        "slug": "education-partners-join",
        "kind": "news",
        "date": "2025-11-12",
        "themes": ["learning-innovation"],
        "text": {
            "en": (
                "Five education partners join the network",
                "A university, a vocational school, an art school, an open studio and a media lab join.",
                "They will run learning modules inside hubs, so students meet real clients during their studies.",
            ),
            "de": (
                "Fünf Bildungspartner treten dem Netzwerk bei",
                "Eine Universität, eine Berufsschule, eine Kunstschule, ein offenes Atelier und ein Medienlabor kommen hinzu.",
                "Sie bieten Lernmodule in Hubs an, damit Studierende schon im Studium echte Auftraggeber treffen.",
            ),
            "fr": (
                "Cinq partenaires éducatifs rejoignent le réseau",
                "Une université, une école professionnelle, un lycée artistique, un atelier ouvert et un laboratoire médias arrivent.",
                "Ils animeront des modules dans les hubs pour que les étudiants rencontrent de vrais clients pendant leurs études.",
            ),
            "it": (
                "Cinque partner educativi entrano nella rete",
                "Entrano un'università, una scuola professionale, un liceo artistico, uno studio aperto e un media lab.",
                "Terranno moduli formativi dentro gli hub, così gli studenti incontrano clienti reali durante gli studi.",
            ),
            "es": (
                "Cinco socios educativos se unen a la red",
                "Se suman una universidad, una escuela de formación profesional, una escuela de arte, un estudio abierto y un laboratorio de medios.",
                "Impartirán módulos dentro de los hubs para que el alumnado conozca clientes reales durante sus estudios.",
            ),
            "pl": (
                "Pięciu partnerów edukacyjnych dołącza do sieci",
                "Dołączają uniwersytet, szkoła zawodowa, liceum plastyczne, otwarta pracownia i laboratorium mediów.",
                "Będą prowadzić moduły w hubach, aby uczniowie i studenci poznawali prawdziwych klientów w trakcie nauki.",
            ),
            "el": (
                "Πέντε εκπαιδευτικοί εταίροι μπαίνουν στο δίκτυο",
                "Προστίθενται ένα πανεπιστήμιο, μια επαγγελματική σχολή, ένα καλλιτεχνικό σχολείο, ένα ανοιχτό εργαστήρι και ένα εργαστήριο μέσων.",
                "Θα υλοποιούν ενότητες μάθησης μέσα στους κόμβους, ώστε οι φοιτητές να γνωρίζουν πραγματικούς πελάτες.",
            ),
        },
    },
    {
        "slug": "procurement-paper-launched",
        "kind": "news",
        "date": "2026-01-16",
        "themes": ["finance"],
        "text": {
            "en": (
                "Paper on public procurement launched",
                "The network asks cities to split tenders into smaller lots and judge on quality.",
                "The paper shows how turnover thresholds shut out small creative firms and what buyers can change.",
            ),
            "de": (
                "Papier zur öffentlichen Beschaffung veröffentlicht",
                "Das Netzwerk bittet Städte, Ausschreibungen in kleinere Lose zu teilen und nach Qualität zu vergeben.",
                "Das Papier zeigt, wie Umsatzschwellen kleine Kreativfirmen ausschließen und was Auftraggeber ändern können.",
            ),
            "fr": (
                "Publication d'une note sur la commande publique",
                "Le réseau demande aux villes d'allotir leurs marchés et de juger sur la qualité.",
                "La note montre comment les seuils de chiffre d'affaires écartent les petites entreprises créatives et ce que les acheteurs peuvent changer.",
            ),
            "it": (
                "Pubblicato il documento sugli appalti pubblici",
                "La rete chiede alle città di suddividere le gare in lotti più piccoli e di premiare la qualità.",
                "Il documento mostra come le soglie di fatturato escludano le piccole imprese creative e che cosa possono cambiare gli acquirenti.",
            ),
            "es": (
                "Presentado el documento sobre contratación pública",
                "La red pide a las ciudades dividir las licitaciones en lotes más pequeños y valorar la calidad.",
                "El documento muestra cómo los umbrales de facturación excluyen a las pequeñas empresas creativas y qué pueden cambiar los compradores.",
            ),
            "pl": (
                "Opublikowano dokument o zamówieniach publicznych",
                "Sieć apeluje do miast o dzielenie przetargów na mniejsze części i ocenę jakości.",
                "Dokument pokazuje, jak progi obrotu wykluczają małe firmy kreatywne i co mogą zmienić zamawiający.",
            ),
            "el": (
                "Δημοσιεύθηκε το κείμενο για τις δημόσιες συμβάσεις",
                "Το δίκτυο ζητά από τις πόλεις να χωρίζουν τους διαγωνισμούς σε μικρότερα τμήματα και να κρίνουν με βάση την ποιότητα.",
                "Το κείμενο δείχνει πώς τα όρια κύκλου εργασιών αποκλείουν μικρές δημιουργικές επιχειρήσεις και τι μπορούν να αλλάξουν οι αγοραστές.",
            ),
        },
    },
    {
        "slug": "network-meeting-turin",
        "partner": "officina-torino",
        "kind": "event",
        "date": "2025-06-18",
        "end_date": "2025-06-20",
        "format": "onsite",
        "venue": "Officina Torino",
        "city": "Turin",
        "country": "IT",
        "themes": ["intellectual-property"],
        "text": {
            "en": (
                "Network meeting in Turin",
                "Three days of workshops on rights, licensing and shared projects.",
                "Hubs and schools meet to test the rights agreement template and plan next year's exchanges.",
            ),
            "de": (
                "Netzwerktreffen in Turin",
                "Drei Tage Workshops zu Rechten, Lizenzen und gemeinsamen Projekten.",
                "Hubs und Schulen testen gemeinsam die Vorlage für Rechtevereinbarungen und planen die Austausche des nächsten Jahres.",
            ),
            "fr": (
                "Rencontre du réseau à Turin",
                "Trois jours d'ateliers sur les droits, les licences et les projets partagés.",
                "Hubs et écoles testent ensemble le modèle d'accord de droits et préparent les échanges de l'an prochain.",
            ),
            "it": (
                "Incontro della rete a Torino",
                "Tre giorni di laboratori su diritti, licenze e progetti condivisi.",
                "Hub e scuole provano insieme il modello di accordo sui diritti e pianificano gli scambi del prossimo anno.",
            ),
            "es": (
                "Encuentro de la red en Turín",
                "Tres días de talleres sobre derechos, licencias y proyectos compartidos.",
                "Hubs y escuelas prueban juntos la plantilla de acuerdo de derechos y planifican los intercambios del próximo año.",
            ),
            "pl": (
                "Spotkanie sieci w Turynie",
                "Trzy dni warsztatów o prawach, licencjach i wspólnych projektach.",
                "Huby i szkoły wspólnie testują wzór porozumienia o prawach i planują wymiany na przyszły rok.",
            ),
            "el": (
                "Συνάντηση του δικτύου στο Τορίνο",
                "Τρεις μέρες εργαστηρίων για δικαιώματα, άδειες και κοινά έργα.",
                "Κόμβοι και σχολεία δοκιμάζουν μαζί το υπόδειγμα συμφωνίας δικαιωμάτων και σχεδιάζουν τις ανταλλαγές της επόμενης χρονιάς.",
            ),
        },
    },
    {
        "slug": "webinar-finance-mix",
        "kind": "event",
        "date": "2025-10-07",
        "format": "online",
        "online_url": "https://events.example.org/creative-flip/finance-mix",
        "themes": ["finance"],
        "text": {
            "en": (
                "Webinar: building a funding mix",
                "One hour on combining grants, loans and revenue, with time for questions.",
                "Two hub managers show their budgets and explain which money they use for what.",
            ),
            "de": (
                "Webinar: einen Finanzierungsmix aufbauen",
                "Eine Stunde über die Kombination von Zuschüssen, Krediten und Einnahmen, mit Zeit für Fragen.",
                "Zwei Hub-Leitungen zeigen ihre Budgets und erklären, welches Geld sie wofür nutzen.",
            ),
            "fr": (
                "Webinaire : composer un mix de financements",
                "Une heure pour combiner subventions, prêts et recettes, avec un temps de questions.",
                "Deux responsables de hubs montrent leur budget et expliquent quel argent sert à quoi.",
            ),
            "it": (
                "Webinar: costruire un mix di finanziamenti",
                "Un'ora su come combinare sovvenzioni, prestiti e ricavi, con spazio per le domande.",
                "Due responsabili di hub mostrano i loro budget e spiegano quale denaro usano per che cosa.",
            ),
            "es": (
                "Seminario web: construir una combinación de fondos",
                "Una hora sobre cómo combinar subvenciones, préstamos e ingresos, con tiempo para preguntas.",
                "Dos gestores de hubs muestran sus presupuestos y explican qué dinero usan para qué.",
            ),
            "pl": (
                "Webinar: jak zbudować mix finansowania",
                "Godzina o łączeniu grantów, pożyczek i przychodów, z czasem na pytania.",
                "Dwoje menedżerów hubów pokazuje swoje budżety i wyjaśnia, na co przeznaczają które pieniądze.",
            ),
            "el": (
                "Διαδικτυακό σεμινάριο: ένα μείγμα χρηματοδότησης",
                "Μία ώρα για τον συνδυασμό επιχορηγήσεων, δανείων και εσόδων, με χρόνο για ερωτήσεις.",
                "Δύο διαχειριστές κόμβων δείχνουν τους προϋπολογισμούς τους και εξηγούν ποια χρήματα χρησιμοποιούν για τι.",
            ),
        },
    },
    {
        "slug": "summer-school-thessaloniki",
        "partner": "ergastiri-thessaloniki",
        "kind": "event",
        "date": "2026-07-06",
        "end_date": "2026-07-10",
        "format": "hybrid",
        "venue": "Ergastiri Thessaloniki",
        "city": "Thessaloniki",
        "country": "GR",
        "online_url": "https://events.example.org/creative-flip/summer-school",
        "themes": ["learning-innovation", "transformation-sustainability"],
        "text": {
            "en": (
                "Summer school on green and digital skills",
                "A week of hands-on sessions for students and young professionals, on site and online.",
                "Mornings are spent on real projects with local hubs, afternoons on short talks that are also streamed.",
            ),
            "de": (
                "Sommerschule zu grünen und digitalen Kompetenzen",
                "Eine Woche praktischer Einheiten für Studierende und Berufseinsteiger, vor Ort und online.",
                "Vormittags wird an echten Projekten mit Hubs vor Ort gearbeitet, nachmittags gibt es kurze Vorträge, die auch gestreamt werden.",
            ),
            "fr": (
                "Université d'été sur les compétences vertes et numériques",
                "Une semaine de sessions pratiques pour étudiants et jeunes professionnels, sur place et en ligne.",
                "Les matinées sont consacrées à de vrais projets avec les hubs locaux, les après-midi à de courtes conférences aussi diffusées en ligne.",
            ),
            "it": (
                "Scuola estiva sulle competenze verdi e digitali",
                "Una settimana di sessioni pratiche per studenti e giovani professionisti, in presenza e online.",
                "Le mattine si lavora a progetti reali con gli hub locali, i pomeriggi sono dedicati a brevi interventi trasmessi anche in streaming.",
            ),
            "es": (
                "Escuela de verano sobre competencias verdes y digitales",
                "Una semana de sesiones prácticas para estudiantes y jóvenes profesionales, presencial y en línea.",
                "Por la mañana se trabaja en proyectos reales con hubs locales y por la tarde hay charlas breves que también se emiten.",
            ),
            "pl": (
                "Szkoła letnia o kompetencjach zielonych i cyfrowych",
                "Tydzień praktycznych zajęć dla studentów i młodych profesjonalistów, na miejscu i online.",
                "Rano praca nad prawdziwymi projektami z lokalnymi hubami, po południu krótkie wystąpienia, także transmitowane.",
            ),
            "el": (
                "Θερινό σχολείο για πράσινες και ψηφιακές δεξιότητες",
                "Μια εβδομάδα πρακτικών συνεδριών για φοιτητές και νέους επαγγελματίες, δια ζώσης και διαδικτυακά.",
                "Τα πρωινά δουλεύουμε σε πραγματικά έργα με τοπικούς κόμβους και τα απογεύματα ακολουθούν σύντομες ομιλίες που μεταδίδονται και ζωντανά.",
            ),
        },
    },
    {
        "slug": "open-studio-day-krakow",
        "partner": "open-studio-krakow",
        "kind": "event",
        "date": "2026-03-21",
        "format": "onsite",
        "venue": "Open Studio Kraków",
        "city": "Kraków",
        "country": "PL",
        "themes": ["learning-innovation"],
        "text": {
            "en": (
                "Open studio day in Kraków",
                "Visit the studio, try a workshop and see how digital badges work.",
                "Members show their work, mentors explain the badges and visitors can join two short workshops.",
            ),
            "de": (
                "Tag des offenen Ateliers in Krakau",
                "Besuchen Sie das Atelier, probieren Sie einen Workshop aus und erfahren Sie, wie digitale Abzeichen funktionieren.",
                "Mitglieder zeigen ihre Arbeiten, Mentoren erklären die Abzeichen und Gäste können an zwei kurzen Workshops teilnehmen.",
            ),
            "fr": (
                "Journée portes ouvertes à Cracovie",
                "Visitez l'atelier, essayez un atelier pratique et découvrez les badges numériques.",
                "Les membres présentent leur travail, les mentors expliquent les badges et les visiteurs peuvent suivre deux courts ateliers.",
            ),
            "it": (
                "Giornata a studio aperto a Cracovia",
                "Visita lo studio, prova un laboratorio e scopri come funzionano i badge digitali.",
                "I membri mostrano i loro lavori, i mentori spiegano i badge e i visitatori possono partecipare a due brevi laboratori.",
            ),
            "es": (
                "Jornada de puertas abiertas en Cracovia",
                "Visita el estudio, prueba un taller y descubre cómo funcionan las insignias digitales.",
                "Los miembros muestran su trabajo, los mentores explican las insignias y el público puede unirse a dos talleres breves.",
            ),
            "pl": (
                "Dzień otwarty pracowni w Krakowie",
                "Odwiedź pracownię, weź udział w warsztacie i zobacz, jak działają cyfrowe odznaki.",
                "Członkowie pokazują swoje prace, mentorzy objaśniają odznaki, a goście mogą dołączyć do dwóch krótkich warsztatów.",
            ),
            "el": (
                "Ημέρα ανοιχτού εργαστηρίου στην Κρακοβία",
                "Επισκεφθείτε το εργαστήρι, δοκιμάστε ένα σεμινάριο και δείτε πώς λειτουργούν τα ψηφιακά σήματα.",
                "Τα μέλη παρουσιάζουν τη δουλειά τους, οι μέντορες εξηγούν τα σήματα και οι επισκέπτες μπορούν να συμμετάσχουν σε δύο σύντομα εργαστήρια.",
            ),
        },
    },
]
