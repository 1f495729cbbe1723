"""Generate a reproducible corpus of synthetic Sahel news articles for the benchmark.

Every article is assembled from sentence templates and slot fillers written for
this benchmark (no text is taken from real articles), with a fixed seed, so the
same command always writes byte-identical files:

    python benchmarks/make_corpus.py                 # 2,000 articles -> benchmarks/corpus/n2000/
    python benchmarks/make_corpus.py -n 10000        # 10,000 articles -> benchmarks/corpus/n10000/
    python benchmarks/make_corpus.py --lang fr       # 2,000 French articles -> benchmarks/corpus/fr-n2000/

Articles are plain UTF-8 ``.txt`` files of 300-900 words: a headline, a
``Published:`` line, a dateline lede and paragraphs that mix relation-bearing sentences (meetings, sanctions,
attacks, arrests, support) with the background prose real reports carry, so the
relation extractor sees a realistic density of triggers. The corpus folder is
git-ignored: regenerate it, never commit it.
"""
from __future__ import annotations

import argparse
import random
from datetime import date, timedelta
from pathlib import Path

CORPUS_ROOT = Path(__file__).parent / "corpus"
SEED = 20250915

# -- slot fillers ---------------------------------------------------------------
STATES = ["Mali", "Burkina Faso", "Niger", "Chad", "Mauritania", "Senegal", "Algeria",
          "the United States", "Russia", "France", "Turkey", "Morocco", "Côte d'Ivoire"]
JUNTAS = ["the Malian junta", "Mali's military rulers", "Malian authorities", "the transitional government in Bamako",
          "Burkina Faso's military government", "the authorities in Ouagadougou", "Niger's ruling junta",
          "the Nigerien authorities", "Washington", "the Trump administration", "the Kremlin", "Paris"]
GROUPS = ["JNIM", "Jama'at Nusrat al-Islam wal-Muslimin", "the al-Qaeda-linked JNIM", "AQIM",
          "Islamic State Sahel Province", "ISSP", "the Islamic State in the Sahel", "ISWAP", "the FLA",
          "the Azawad Liberation Front", "Wagner Group mercenaries", "the Africa Corps", "Boko Haram"]
FORCES = ["the Malian army", "FAMa soldiers", "Malian troops", "the Malian Armed Forces", "Burkinabe soldiers",
          "the Burkinabe army", "Nigerien troops", "the Nigerien army", "Chadian forces", "French forces",
          "Russian instructors", "the Volunteers for the Defence of the Homeland"]
ORGS = ["the European Union", "the EU", "ECOWAS", "the Economic Community of West African States",
        "the Alliance of Sahel States", "the AES", "the United Nations", "the UN Security Council",
        "the African Union", "Human Rights Watch", "Amnesty International", "ACLED", "the World Food Programme",
        "the International Criminal Court", "the US Treasury", "OFAC"]
PERSONS = ["Assimi Goïta", "Gen. Assimi Goita", "Abdoulaye Diop", "Sadio Camara", "Rudolph Atallah",
           "Sebastian Gorka", "Abdourahamane Tiani", "Gen. Abdourahamane Tchiani", "Ibrahim Traoré",
           "Capt. Ibrahim Traore", "Iyad Ag Ghaly", "Amadou Koufa", "Bakary Yaou Sangaré", "Ali Lamine Zeine",
           "Mahamat Idriss Déby", "Bola Tinubu", "Omar Alieu Touray", "Kallie Kriel", "Ousmane Sonko",
           "Col. Abass Dembélé", "Moussa Mara", "Choguel Kokalla Maïga", "Aminata Touré", "Boubacar Keïta"]
# Surname a later sentence uses for the person named in full earlier.
SURNAMES = {p: p.split()[-1] for p in PERSONS}
TITLES = {
    "Assimi Goïta": "Mali's transitional president", "Gen. Assimi Goita": "the Malian leader",
    "Abdoulaye Diop": "Mali's foreign minister", "Sadio Camara": "Mali's defence minister",
    "Rudolph Atallah": "the White House counterterrorism adviser", "Sebastian Gorka": "the US counterterrorism chief",
    "Abdourahamane Tiani": "Niger's military ruler", "Gen. Abdourahamane Tchiani": "the head of Niger's junta",
    "Ibrahim Traoré": "Burkina Faso's junta leader", "Capt. Ibrahim Traore": "the Burkinabe leader",
    "Iyad Ag Ghaly": "the JNIM leader", "Amadou Koufa": "a senior JNIM commander",
    "Bakary Yaou Sangaré": "Niger's foreign minister", "Ali Lamine Zeine": "Niger's prime minister",
    "Mahamat Idriss Déby": "Chad's president", "Bola Tinubu": "Nigeria's president",
    "Omar Alieu Touray": "the ECOWAS Commission president", "Kallie Kriel": "a South African rights campaigner",
    "Ousmane Sonko": "Senegal's prime minister", "Col. Abass Dembélé": "a former regional governor",
    "Moussa Mara": "a former Malian prime minister", "Choguel Kokalla Maïga": "a former prime minister",
    "Aminata Touré": "a Senegalese politician", "Boubacar Keïta": "a Malian opposition figure",
}
PLACES = ["Bamako", "Ségou", "Mopti", "Timbuktu", "Gao", "Kidal", "Ménaka", "Kayes", "Sikasso", "Nioro du Sahel",
          "Ouagadougou", "Djibo", "Dori", "Fada N'Gourma", "Kaya", "Niamey", "Tillabéri", "Agadez", "Diffa",
          "Boulkessi", "Léré", "Tessalit", "Kati", "Bourem", "Ansongo", "Tahoua", "Arlit", "Ayorou"]
FACILITIES = ["a police training school", "a gendarmerie post", "a military camp", "a fuel convoy", "a customs office",
              "an army checkpoint", "a weekly market", "the regional airport", "a water treatment plant",
              "a supply column", "a mining site", "a bus station"]
DAYS = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday", "on Sunday",
        "last week", "earlier this month", "overnight", "at dawn on Friday", "late on Sunday"]
OUTLETS = ["Sahel Monitor", "Niger River Post", "Bamako Dispatch", "Ouaga Daily", "West Africa Wire"]
NUMBERS = ["two", "three", "four", "five", "six", "seven", "eight", "a dozen", "at least ten", "more than 20",
           "about 30", "nearly 40", "dozens of"]
SUPPORT = ["intelligence-sharing", "drone surveillance", "armoured vehicles", "fuel deliveries", "training",
           "budget support", "helicopters", "logistics", "food aid", "political backing"]
TOPICS = ["security cooperation", "the fuel blockade", "mining royalties", "counterterrorism", "the release of hostages",
          "the withdrawal of foreign troops", "trade corridors to the coast", "the upcoming elections",
          "humanitarian access", "the return of displaced families"]

# -- sentence templates (all written for this benchmark) --------------------------
RELATION_TEMPLATES = [
    # MET
    "{person} held talks {day} with {person2} in {place} on {topic}.",
    "{person}, {title}, met {person2} {day} to discuss {topic}, according to a statement.",
    "Officials said {person} received a delegation led by {person2} at the presidential palace in {place}.",
    "{surname} and {person2} spoke by phone {day}, their offices said, without giving details.",
    "Delegations from {state} and {state2} met in {place} {day} for a second round of negotiations.",
    "{person} paid an official visit to {state2} {day}, his first since the coup.",
    # SANCTIONED
    "{org} imposed sanctions {day} on {person}, accusing him of blocking the transition.",
    "{org} sanctioned members of {junta}, freezing their assets and banning travel.",
    "{state} announced an asset freeze against {person} and two associates {day}.",
    "The US Treasury placed {group} leaders under sanctions for financing attacks in {place}.",
    "{org} extended its travel bans on senior officials in {junta} for another year.",
    "{org} did not impose new sanctions on {state2}, diplomats said.",
    # ATTACKED
    "{group} fighters attacked {facility} in {place} {day}, killing {number} soldiers.",
    "Militants from {group} stormed {facility} near {place} {day}, residents told reporters.",
    "{group} claimed responsibility for an ambush on {forces} outside {place}.",
    "{forces} carried out drone strikes on {group} positions near {place} {day}.",
    "A convoy of {forces} was ambushed by {group} between {place} and {place2}.",
    "{group} allegedly shelled {facility} in {place}, though the claim could not be verified.",
    "{group} threatened to attack {facility} in {place} if the blockade is broken.",
    "{forces} and {group} clashed for several hours near {place}, local officials said.",
    # ARRESTED
    "{junta} announced the arrest of {person} {day}, accusing him of plotting against the state.",
    "{forces} detained {number} suspected {group} members during a raid in {place}.",
    "Also detained was {person}, according to people familiar with the case.",
    "{person} was arrested in {place} {day} and taken to an undisclosed location.",
    "Police in {place} jailed two journalists who had reported on the attack by {group}.",
    # SUPPORTED
    "{state} has stepped up {support} with {junta}, officials in {place} said.",
    "{state} delivered {support} to {forces} {day}, a government spokesman said.",
    "{org} pledged {support} to {state2} to help it cope with the crisis.",
    "{state} reportedly provides {support} to {group}, a charge it denies.",
    "Russian instructors from {group_ru} trained {forces} at a base near {place}.",
]

BACKGROUND_TEMPLATES = [
    "The {region} has faced a jihadist insurgency for more than a decade, and large parts of the countryside lie beyond state control.",
    "Aid agencies warn that more than {number} thousand people have fled their villages in the {region} since the start of the year.",
    "Prices for fuel and food have risen sharply in {place}, where queues at petrol stations now stretch for several blocks.",
    "The junta came to power in a coup and has since postponed elections it had promised to hold.",
    "Residents reached by telephone described long nights without electricity and markets that open only a few hours a day.",
    "Analysts say the blockade is meant to strangle the economy of the capital and weaken the government's hold on the south.",
    "The government did not respond to requests for comment on the figures.",
    "Humanitarian workers said access to the area remained difficult because of roadside bombs and checkpoints.",
    "Schools in the district have been closed for months, and teachers have moved to larger towns for safety.",
    "The mining sector accounts for a large share of export revenue, which makes the gold convoys a frequent target.",
    "Local leaders have tried to negotiate truces with armed groups, with mixed results.",
    "The figures could not be independently verified, and communications in the area are often cut.",
    "Diplomats in {place} say the region's military governments are looking for partners beyond their former allies.",
    "The rainy season usually brings a lull in the fighting as roads become impassable, but not this year.",
    "Farmers in the {region} say they have been unable to plant because fields near the villages are mined.",
    "State television broadcast images of soldiers patrolling the streets of {place} after the announcement.",
    "The withdrawal of the UN peacekeeping mission left a security vacuum that several groups have sought to fill.",
    "A spokesman for the ministry said the operation would continue until the area was secured.",
    "Exiled opposition figures have criticised the decision, calling it a further step away from civilian rule.",
    "Local radio stations reported that the main road to {place} had reopened after a week of closure.",
    "Observers noted that the statement avoided any mention of casualties among civilians.",
    "Traders said the price of a sack of rice had nearly doubled since the start of the crisis.",
]
REGIONS = ["central Sahel", "Liptako-Gourma area", "tri-border region", "Inner Niger Delta", "far north",
           "Ségou region", "Sahel region of Burkina Faso", "Tillabéri region", "Lake Chad basin"]

HEADLINES = [
    "{group} steps up pressure on {place} as blockade tightens",
    "{person} meets {person2} amid diplomatic push",
    "{org} targets {state} officials with new sanctions",
    "Dozens killed in attack near {place}",
    "{state} deepens security ties with the Sahel juntas",
    "Arrests follow alleged coup plot in {place}",
    "Fuel shortages spread across {place} after convoy attacks",
]


class ArticleWriter:
    """Draws one article at a time from a seeded RNG (one stream for the whole corpus).
    A writer in another language (corpus_fr.py) sets its own templates, slots and date lines."""

    relation_templates, background_templates, headlines = RELATION_TEMPLATES, BACKGROUND_TEMPLATES, HEADLINES
    outlets = OUTLETS

    def __init__(self, seed: int = SEED):
        self.rng = random.Random(seed)

    def _slots(self) -> dict[str, str]:
        pick = self.rng.choice
        person, person2 = self.rng.sample(PERSONS, 2)
        state, state2 = self.rng.sample(STATES, 2)
        place, place2 = self.rng.sample(PLACES, 2)
        return {
            "person": person, "person2": person2, "title": TITLES[person], "surname": SURNAMES[person],
            "state": state, "state2": state2, "junta": pick(JUNTAS), "group": pick(GROUPS),
            "group_ru": pick(["the Africa Corps", "Wagner"]), "forces": pick(FORCES), "org": pick(ORGS),
            "place": place, "place2": place2, "facility": pick(FACILITIES), "day": pick(DAYS),
            "number": pick(NUMBERS), "support": pick(SUPPORT), "topic": pick(TOPICS), "region": pick(REGIONS),
        }

    def _day(self, published: date) -> str:
        return f"{published:%B} {published.day}"

    def _header(self, published: date) -> str:
        # A "Published:" header line is how the readers of sahel_ner find the date of a .txt file.
        return f"Published: {published.isoformat()}"

    def _sentence(self, templates: list[str]) -> str:
        text = self.rng.choice(templates).format(**self._slots())
        return text[0].upper() + text[1:]

    def article(self, index: int, published: date) -> str:
        target_words = self.rng.randint(300, 900)
        headline = self._sentence(self.headlines)
        city = self.rng.choice(['BAMAKO', 'NIAMEY', 'OUAGADOUGOU', 'DAKAR'])
        dateline = f"{city}, {self._day(published)} ({self.rng.choice(self.outlets)})"
        paragraphs: list[str] = [f"{dateline} - {self._sentence(self.relation_templates)} "
                                 f"{self._sentence(self.background_templates)}"]
        words = len(headline.split()) + len(paragraphs[0].split())
        while words < target_words:
            sentences = []
            for _ in range(self.rng.randint(2, 5)):
                # About one sentence in three carries a relation, the rest is context.
                pool = self.relation_templates if self.rng.random() < 0.35 else self.background_templates
                sentences.append(self._sentence(pool))
            paragraph = " ".join(sentences)
            paragraphs.append(paragraph)
            words += len(paragraph.split())
        return f"{headline}\n{self._header(published)}\n\n" + "\n\n".join(paragraphs) + "\n"


def _write_files(n_articles: int, out_dir: Path, kind: str, text_of) -> Path:
    """Write ``n_articles`` files ``<date>-<kind>-<index>.txt`` into ``out_dir`` (emptied
    of old .txt files first); ``text_of(index, published)`` gives each text."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.glob("*.txt"):
        old.unlink()
    start = date(2024, 1, 1)
    for index in range(n_articles):
        published = start + timedelta(days=index % 700)
        (out_dir / f"{published.isoformat()}-{kind}-{index:05d}.txt").write_text(text_of(index, published),
                                                                                encoding="utf-8")
    return out_dir


def write_corpus(n_articles: int, out_dir: Path, seed: int = SEED) -> Path:
    """Write ``n_articles`` long articles into ``out_dir``."""
    return _write_files(n_articles, out_dir, "sahel", ArticleWriter(seed).article)


def write_french_corpus(n_articles: int, out_dir: Path, seed: int = SEED) -> Path:
    """Write ``n_articles`` long French articles into ``out_dir`` (templates in corpus_fr.py)."""
    from corpus_fr import FrenchArticleWriter

    return _write_files(n_articles, out_dir, "sahel-fr", FrenchArticleWriter(seed).article)


# Short event notes in the style of conflict-event datasets (ACLED-like: one
# event, who did what to whom, where, how many; ~50 words), written for this benchmark.
NOTE_EVENTS = [
    "{group} fighters attacked {force} at {facility} near {place}, killing {number} soldiers.",
    "{force} raided a {group} hideout near {place} and arrested {number} suspected militants.",
    "{group} ambushed {force} on the road between {place} and {place2}.",
    "{person} met {person2} in {place} to discuss {topic}.",
    "{org} imposed sanctions on {state} over {topic}.",
    "{state} supplied {support} to {force} operating around {place}.",
]
NOTE_CONTEXT = [
    "The incident took place in the {place} area, where armed groups have been active for several months.",
    "It follows a series of similar events reported around {place2} since the start of the year.",
    "Local officials in {place} said the situation remained tense and that roads were closed for two days.",
]
NOTE_TAILS = [
    "Fatalities: {number} reported by local sources.", "Casualty figures could not be verified independently.",
    "The group claimed the event in a statement.", "Residents said the area was calm the following day.",
    "No fatalities were reported.", "Sources gave conflicting accounts of the toll.",
]


def short_note(rng: random.Random, index: int, published: date) -> str:
    """One ~50-word event note: date, event sentence, context, source."""
    slots = {"group": rng.choice(GROUPS), "force": rng.choice(FORCES), "facility": rng.choice(FACILITIES),
             "place": rng.choice(PLACES), "place2": rng.choice(PLACES), "number": rng.choice(NUMBERS),
             "person": rng.choice(PERSONS), "person2": rng.choice(PERSONS), "topic": rng.choice(TOPICS),
             "org": rng.choice(ORGS), "state": rng.choice(STATES), "support": rng.choice(SUPPORT)}
    event = rng.choice(NOTE_EVENTS).format(**slots)
    return (f"Published: {published.isoformat()}\n\nOn {published.strftime('%d %B %Y')}, {event} "
            f"{rng.choice(NOTE_CONTEXT).format(**slots)} {rng.choice(NOTE_TAILS).format(**slots)} "
            f"Source: {rng.choice(OUTLETS)}, event {index}.\n")


def write_short_corpus(n_articles: int, out_dir: Path, seed: int = SEED) -> Path:
    """Write ``n_articles`` short event notes into ``out_dir``."""
    rng = random.Random(seed)
    return _write_files(n_articles, out_dir, "note", lambda index, published: short_note(rng, index, published))


def corpus_dir(n_articles: int, short: bool = False, lang: str = "en") -> Path:
    if lang == "fr":
        return CORPUS_ROOT / f"fr-n{n_articles}"
    return CORPUS_ROOT / f"{'short' if short else 'n'}{n_articles}"


def _writer(short: bool, lang: str):
    if lang == "fr":
        if short:
            raise ValueError("the French corpus has long articles only")
        return write_french_corpus
    return write_short_corpus if short else write_corpus


def ensure_corpus(n_articles: int, short: bool = False, lang: str = "en") -> Path:
    """The corpus folder for ``n_articles`` (long articles, or short notes; English or
    French articles), generated if missing or incomplete."""
    folder = corpus_dir(n_articles, short, lang)
    if not folder.is_dir() or len(list(folder.glob("*.txt"))) != n_articles:
        _writer(short, lang)(n_articles, folder)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--n-articles", type=int, default=2000)
    parser.add_argument("-o", "--out", type=Path, default=None, help="default: benchmarks/corpus/n<N>/")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--short", action="store_true", help="short event notes (~50 words) instead of articles")
    parser.add_argument("--lang", choices=("en", "fr"), default="en", help="language of the articles")
    args = parser.parse_args()
    write = _writer(args.short, args.lang)
    out = write(args.n_articles, args.out or corpus_dir(args.n_articles, args.short, args.lang), args.seed)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in out.glob("*.txt"))
    print(f"wrote {args.n_articles} articles ({words:,} words) to {out}")


if __name__ == "__main__":
    main()
