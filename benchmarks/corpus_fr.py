"""French synthetic news articles for the benchmark (``make_corpus.py --lang fr``).

The same design as the English corpus (make_corpus.py): sentence templates and
slot fillers written in French for this benchmark (no text from real
articles), a fixed seed, 300-900 words an article, about one sentence in three
carrying a relation (rencontres, sanctions, attaques, arrestations, soutien,
with negated, hedged and threatened variants), the rest context. A
``Publié le`` line gives the publication date.
"""
from __future__ import annotations

from datetime import date

from make_corpus import ArticleWriter

# -- slot fillers ---------------------------------------------------------------
# French contracts "à le" and "de le": names that follow a preposition come as
# (subject, after "à", after "de") forms.
STATES = [("le Mali", "au Mali", "du Mali"), ("le Burkina Faso", "au Burkina Faso", "du Burkina Faso"),
          ("le Niger", "au Niger", "du Niger"), ("le Tchad", "au Tchad", "du Tchad"),
          ("la Mauritanie", "à la Mauritanie", "de la Mauritanie"), ("le Sénégal", "au Sénégal", "du Sénégal"),
          ("l'Algérie", "à l'Algérie", "de l'Algérie"), ("les États-Unis", "aux États-Unis", "des États-Unis"),
          ("la Russie", "à la Russie", "de la Russie"), ("la France", "à la France", "de la France"),
          ("la Turquie", "à la Turquie", "de la Turquie"), ("le Maroc", "au Maroc", "du Maroc"),
          ("la Côte d'Ivoire", "à la Côte d'Ivoire", "de la Côte d'Ivoire")]
CAPITALS = ["Bamako", "Ouagadougou", "Niamey", "N'Djamena", "Nouakchott", "Dakar", "Alger", "Washington", "Moscou",
            "Paris", "Ankara", "Rabat", "Abidjan"]
JUNTAS = ["la junte malienne", "la junte burkinabè", "la junte nigérienne", "la junte au pouvoir à Niamey",
          "l'administration de transition à Bamako", "la présidence de la transition burkinabè",
          "la hiérarchie militaire malienne", "l'équipe dirigeante de Ouagadougou"]
GROUPS = [("le JNIM", "au JNIM", "du JNIM"), ("le GSIM", "au GSIM", "du GSIM"),
          ("le Groupe de soutien à l'islam et aux musulmans", "au Groupe de soutien à l'islam et aux musulmans",
           "du Groupe de soutien à l'islam et aux musulmans"), ("AQMI", "à AQMI", "d'AQMI"),
          ("l'État islamique au Sahel", "à l'État islamique au Sahel", "de l'État islamique au Sahel"),
          ("l'EIGS", "à l'EIGS", "de l'EIGS"), ("le FLA", "au FLA", "du FLA"),
          ("le Front de libération de l'Azawad", "au Front de libération de l'Azawad",
           "du Front de libération de l'Azawad"), ("le groupe Wagner", "au groupe Wagner", "du groupe Wagner"),
          ("l'Africa Corps", "à l'Africa Corps", "de l'Africa Corps"), ("Boko Haram", "à Boko Haram", "de Boko Haram")]
FORCES = [("les FAMa", "aux FAMa", "des FAMa"), ("les soldats maliens", "aux soldats maliens", "des soldats maliens"),
          ("les Forces armées maliennes", "aux Forces armées maliennes", "des Forces armées maliennes"),
          ("les militaires de l'armée malienne", "aux militaires de l'armée malienne",
           "des militaires de l'armée malienne"),
          ("les soldats burkinabè", "aux soldats burkinabè", "des soldats burkinabè"),
          ("les troupes nigériennes", "aux troupes nigériennes", "des troupes nigériennes"),
          ("les forces tchadiennes", "aux forces tchadiennes", "des forces tchadiennes"),
          ("les forces françaises", "aux forces françaises", "des forces françaises"),
          ("les Volontaires pour la défense de la patrie", "aux Volontaires pour la défense de la patrie",
           "des Volontaires pour la défense de la patrie")]
ORGS = ["l'Union européenne", "l'UE", "la CEDEAO", "la Communauté économique des États de l'Afrique de l'Ouest",
        "l'Alliance des États du Sahel", "l'AES", "l'ONU", "le Conseil de sécurité de l'ONU", "l'Union africaine",
        "Human Rights Watch", "Amnesty International", "le Programme alimentaire mondial",
        "la Cour pénale internationale", "le Trésor américain", "l'OFAC"]
PERSONS = ["Assimi Goïta", "Abdoulaye Diop", "Sadio Camara", "Rudolph Atallah", "Sebastian Gorka",
           "Abdourahamane Tiani", "Abdourahamane Tchiani", "Ibrahim Traoré", "Iyad Ag Ghaly", "Amadou Koufa",
           "Bakary Yaou Sangaré", "Ali Lamine Zeine", "Mahamat Idriss Déby", "Bola Tinubu", "Omar Alieu Touray",
           "Ousmane Sonko", "Abass Dembélé", "Moussa Mara", "Choguel Kokalla Maïga", "Aminata Touré",
           "Boubacar Keïta"]
SURNAMES = {p: p.split()[-1] for p in PERSONS}
TITLES = {
    "Assimi Goïta": "président de la transition malienne", "Abdoulaye Diop": "ministre malien des Affaires étrangères",
    "Sadio Camara": "ministre malien de la Défense", "Rudolph Atallah": "conseiller de la Maison Blanche pour l'antiterrorisme",
    "Sebastian Gorka": "responsable américain de l'antiterrorisme", "Abdourahamane Tiani": "chef du régime militaire nigérien",
    "Abdourahamane Tchiani": "chef de la junte nigérienne", "Ibrahim Traoré": "chef de la junte burkinabè",
    "Iyad Ag Ghaly": "chef du JNIM", "Amadou Koufa": "cadre du JNIM dans le centre du Mali",
    "Bakary Yaou Sangaré": "ministre nigérien des Affaires étrangères", "Ali Lamine Zeine": "Premier ministre nigérien",
    "Mahamat Idriss Déby": "président tchadien", "Bola Tinubu": "président nigérian",
    "Omar Alieu Touray": "président de la Commission de la CEDEAO", "Ousmane Sonko": "Premier ministre sénégalais",
    "Abass Dembélé": "ancien gouverneur de région", "Moussa Mara": "ancien Premier ministre malien",
    "Choguel Kokalla Maïga": "ancien Premier ministre", "Aminata Touré": "personnalité politique sénégalaise",
    "Boubacar Keïta": "opposant malien",
}
PLACES = ["Bamako", "Ségou", "Mopti", "Tombouctou", "Gao", "Kidal", "Ménaka", "Kayes", "Sikasso", "Nioro du Sahel",
          "Ouagadougou", "Djibo", "Dori", "Fada N'Gourma", "Kaya", "Niamey", "Tillabéri", "Agadez", "Diffa",
          "Boulkessi", "Léré", "Tessalit", "Kati", "Bourem", "Ansongo", "Tahoua", "Arlit", "Ayorou"]
FACILITIES = ["une école de gendarmerie", "un poste de gendarmerie", "un camp militaire", "un convoi de carburant",
              "un bureau des douanes", "un poste de contrôle de l'armée", "un marché hebdomadaire", "l'aéroport régional",
              "une station de traitement d'eau", "une colonne de ravitaillement", "un site minier", "une gare routière"]
DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "la semaine dernière",
        "au début du mois", "dans la nuit", "vendredi à l'aube", "dimanche soir"]
OUTLETS = ["Sahel Info", "Le Courrier du Fleuve", "Bamako Matin", "L'Écho de Ouaga", "Dépêche Afrique de l'Ouest"]
NUMBERS = ["deux", "trois", "quatre", "cinq", "six", "sept", "huit", "une dizaine de", "au moins dix",
           "plus de vingt", "une trentaine de", "près de quarante", "des dizaines de"]
SUPPORT = ["des renseignements", "des drones de surveillance", "des véhicules blindés", "du carburant",
           "des instructeurs", "un appui budgétaire", "des hélicoptères", "du matériel logistique",
           "une aide alimentaire", "des munitions"]
SUPPORT_NOUNS = ["renseignement", "surveillance aérienne", "logistique", "formation", "équipement"]
TOPICS = ["la coopération sécuritaire", "le blocus du carburant", "les redevances minières", "la lutte antiterroriste",
          "la libération des otages", "le retrait des troupes étrangères", "les corridors commerciaux vers la côte",
          "les prochaines élections", "l'accès humanitaire", "le retour des familles déplacées"]
REGIONS = ["le Sahel central", "le Liptako-Gourma", "la zone des trois frontières", "le delta intérieur du Niger",
           "l'extrême nord", "la région de Ségou", "la région du Sahel burkinabè", "la région de Tillabéri",
           "le bassin du lac Tchad"]

# -- sentence templates (all written for this benchmark) --------------------------
RELATION_TEMPLATES = [
    # MET
    "{person} s'est entretenu {day} avec {person2} à {place} au sujet de {topic}.",
    "{person}, {title}, a rencontré {person2} {day} pour évoquer {topic}, selon un communiqué.",
    "Selon des responsables, {person} a reçu au palais présidentiel de {place} une délégation conduite par {person2}.",
    "{surname} et {person2} se sont parlé au téléphone {day}, ont indiqué leurs services, sans donner de détails.",
    "Des délégations de {capital} et de {capital2} se sont réunies à {place} {day} pour un deuxième cycle de négociations.",
    "{person} a effectué {day} une visite officielle auprès des autorités de {capital2}, sa première depuis le coup d'État.",
    # SANCTIONED
    "{org} a imposé {day} des sanctions à {person}, en l'accusant de bloquer la transition.",
    "{org} a sanctionné des membres de {junta}, gelant leurs avoirs et leur interdisant de voyager.",
    "{state} a annoncé {day} le gel des avoirs de {person} et de deux de ses proches.",
    "Le Trésor américain a placé des dirigeants {group_de} sous sanctions pour avoir financé des attaques à {place}.",
    "{org} a prolongé d'un an les interdictions de voyager visant de hauts responsables de {junta}.",
    "{org} n'a pas imposé de nouvelles sanctions {state2_a}, selon des diplomates.",
    # ATTACKED
    "Des combattants {group_de} ont attaqué {facility} à {place} {day}, tuant {number} soldats.",
    "Des hommes armés {group_de} ont pris d'assaut {facility} près de {place} {day}, ont raconté des habitants.",
    "{group} a revendiqué une embuscade contre {forces} aux abords de {place}.",
    "{forces} ont mené des frappes de drones contre des positions {group_de} près de {place} {day}.",
    "Un convoi {forces_de} a été pris en embuscade par {group} entre {place} et {place2}.",
    "{group} aurait bombardé {facility} à {place}, une information qui n'a pas pu être vérifiée.",
    "{group} a menacé d'attaquer {facility} à {place} si le blocus était levé.",
    "{forces} et {group} se sont affrontés pendant plusieurs heures près de {place}, selon des élus locaux.",
    # ARRESTED
    "{junta} a annoncé {day} l'arrestation de {person}, accusé de complot contre l'État.",
    "{forces} ont interpellé {number} membres présumés {group_de} lors d'une opération à {place}.",
    "{person} a également été arrêté, selon des sources proches du dossier.",
    "{person} a été arrêté à {place} {day} puis conduit vers un lieu inconnu.",
    "La police de {place} a écroué deux journalistes qui avaient couvert l'attaque {group_de}.",
    # SUPPORTED
    "{state} a renforcé sa coopération en matière de {support_noun} avec {junta}, selon des responsables à {place}.",
    "{state} a livré {support} {forces_a} {day}, a déclaré un porte-parole du gouvernement.",
    "{org} a promis {support} {state2_a} pour l'aider à faire face à la crise.",
    "{state} fournirait {support} {group_a}, ce que ce pays dément.",
    "Des instructeurs russes de {group_ru} ont formé {forces} dans une base près de {place}.",
]

BACKGROUND_TEMPLATES = [
    "Dans {region}, une insurrection djihadiste dure depuis plus d'une décennie, et de vastes zones rurales échappent au contrôle de l'État.",
    "Les agences humanitaires préviennent que plus de {number} milliers de personnes ont fui leurs villages, dans {region}, depuis le début de l'année.",
    "Les prix du carburant et des denrées ont fortement augmenté à {place}, où les files d'attente devant les stations s'étirent sur plusieurs pâtés de maisons.",
    "La junte a pris le pouvoir par un coup d'État et a depuis reporté les élections qu'elle avait promises.",
    "Joints par téléphone, des habitants ont décrit de longues nuits sans électricité et des marchés qui n'ouvrent que quelques heures par jour.",
    "Selon des analystes, le blocus vise à asphyxier l'économie de la capitale et à affaiblir l'emprise du gouvernement sur le sud.",
    "Le gouvernement n'a pas répondu aux demandes de commentaires sur ces chiffres.",
    "Des travailleurs humanitaires ont indiqué que l'accès à la zone restait difficile en raison des engins explosifs et des barrages.",
    "Les écoles du district sont fermées depuis des mois, et les enseignants sont partis vers des villes plus sûres.",
    "Le secteur minier représente une part importante des recettes d'exportation, ce qui fait des convois d'or une cible fréquente.",
    "Des chefs locaux ont tenté de négocier des trêves avec les groupes armés, avec des résultats mitigés.",
    "Ces chiffres n'ont pas pu être vérifiés de manière indépendante, et les communications sont souvent coupées dans la zone.",
    "À {place}, des diplomates estiment que les régimes militaires de la région cherchent des partenaires au-delà de leurs anciens alliés.",
    "La saison des pluies apporte d'ordinaire une accalmie dans les combats, les routes devenant impraticables, mais pas cette année.",
    "Dans {region}, des agriculteurs disent n'avoir pas pu semer parce que les champs proches des villages sont minés.",
    "La télévision d'État a diffusé des images de soldats patrouillant dans les rues de {place} après l'annonce.",
    "Le retrait de la mission de maintien de la paix de l'ONU a laissé un vide sécuritaire que plusieurs groupes ont cherché à combler.",
    "Un porte-parole du ministère a déclaré que l'opération se poursuivrait jusqu'à la sécurisation de la zone.",
    "Des opposants en exil ont critiqué cette décision, y voyant un pas de plus vers l'éloignement d'un pouvoir civil.",
    "Des radios locales ont rapporté que la route principale vers {place} avait rouvert après une semaine de fermeture.",
    "Des observateurs ont noté que le communiqué ne mentionnait aucune victime civile.",
    "Selon des commerçants, le prix d'un sac de riz a presque doublé depuis le début de la crise.",
]

HEADLINES = [
    "{group} accentue la pression sur {place} alors que le blocus se resserre",
    "{person} rencontre {person2} sur fond d'offensive diplomatique",
    "{org} vise des responsables {state_de} avec de nouvelles sanctions",
    "Des dizaines de morts dans une attaque près de {place}",
    "{state} renforce ses liens sécuritaires avec les juntes du Sahel",
    "Des arrestations après un présumé complot à {place}",
    "Les pénuries de carburant s'étendent à {place} après des attaques de convois",
]
MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre"]


class FrenchArticleWriter(ArticleWriter):
    """The English writer's article structure with French templates, slots and date lines."""

    relation_templates, background_templates, headlines = RELATION_TEMPLATES, BACKGROUND_TEMPLATES, HEADLINES
    outlets = OUTLETS

    def _slots(self) -> dict[str, str]:
        pick = self.rng.choice
        person, person2 = self.rng.sample(PERSONS, 2)
        state, state2 = self.rng.sample(STATES, 2)
        capital, capital2 = self.rng.sample(CAPITALS, 2)
        place, place2 = self.rng.sample(PLACES, 2)
        group, forces = pick(GROUPS), pick(FORCES)
        return {
            "person": person, "person2": person2, "title": TITLES[person], "surname": SURNAMES[person],
            "state": state[0], "state_de": state[2], "state2_a": state2[1], "capital": capital, "capital2": capital2,
            "junta": pick(JUNTAS), "group": group[0], "group_a": group[1], "group_de": group[2],
            "group_ru": pick(["l'Africa Corps", "Wagner"]), "forces": forces[0], "forces_a": forces[1],
            "forces_de": forces[2], "org": pick(ORGS), "place": place, "place2": place2,
            "facility": pick(FACILITIES), "day": pick(DAYS), "number": pick(NUMBERS), "support": pick(SUPPORT),
            "support_noun": pick(SUPPORT_NOUNS), "topic": pick(TOPICS), "region": pick(REGIONS),
        }

    def _day(self, published: date) -> str:
        return f"{published.day} {MONTHS[published.month - 1]} {published.year}"

    def _header(self, published: date) -> str:
        return f"Publié le {self._day(published)}"
