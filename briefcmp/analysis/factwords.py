"""The words that say how surely a sentence states an action, and what its object is about.

Tables and patterns for ``briefcmp.analysis.facts`` (which reads the tags): negation ("has not",
"refused to", "denied"), hedging ("is considering", "stopped short of"), forecasts ("could",
"is expected to"), recommendations ("should", "it would be a mistake to"), frames that carry
another verb ("refused to join", "announced that it would join"), light verbs ("imposed a ban"),
scope classes ("selected", "all", "mild", "severe"), the words of time and manner that end
an object, measures an agentless passive names ("exports were banned"), claims and demands whose
"that" clause is not asserted, and denials ("denied reports that"). ``modality`` turns the words
before an action verb into its kind and value.
"""

from __future__ import annotations

import re

AUX = frozenset({"be", "have", "do", "get"})
# Verbs that frame another action rather than being one ("refused to join", "is considering imposing").
NEGATING = frozenset({"refuse", "decline", "fail", "avoid", "reject", "resist", "hesitate", "deny"})
HEDGING = frozenset({"leave", "consider", "weigh", "mull", "debate", "study", "discuss", "contemplate", "explore",
                     "examine", "review", "plan", "intend", "aim", "seek", "prepare", "propose", "hope"})
SAYING = frozenset({"confirm", "say", "decide", "announce", "indicate", "clarify", "state", "commit", "specify",
                    "reveal", "disclose"})
ADVISING = frozenset({"recommend", "urge", "advise", "suggest", "call"})
FRAMES = NEGATING | HEDGING | SAYING | ADVISING | frozenset({"stop", "need", "continue", "begin", "start",
                                                              "expect", "try", "want", "appear", "seem", "tend",
                                                              "agree", "move", "support", "back", "vote", "opt",
                                                              "choose", "cease", "quit", "pledge", "promise",
                                                              "vow", "undertake", "threaten", "offer", "leave",
                                                              "compel", "require", "obligate",  # "are required to"
                                                              "force", "oblige", "allow", "permit",
                                                              "rule"})  # "ruled out sending": negated (modality)
# Verbs of directing someone to act ("ordered the ministry to close", "told its members to freeze", "has been
# instructed to make the ban permanent"): what is directed is the act the one who directs decides, as after "decided
# to"; the one directed, when it is the subject of a passive ("were directed to return"), is to do it.
DIRECTING = frozenset({"order", "instruct", "direct", "tell", "command", "task", "charge", "mandate", "enjoin"})
# Who rules on another party: what a court or tribunal orders is that party's to do, no act of the court's own.
JUDGING = frozenset({"court", "tribunal", "judge", "justice", "panel", "arbitrator", "arbitration"})
# "would be wise (not) to", "would be well advised to": advice in the words of a judgement.
ADVISABLE = frozenset({"wise", "prudent", "right", "well", "unwise"})
# "it would be a mistake to ban", "it was an error to join": a judgement against the action after "to".
MISTAKEN = frozenset({"mistake", "error", "blunder", "folly"})
# "is unlikely to lift", "is ready to resume": how disposed the subject is to the action after "to".
DISPOSED = frozenset({"likely", "unlikely", "ready", "willing", "unwilling", "prepared", "poised", "set", "due",
                      "able", "unable", "free", "committed",  # "will not be able to", "remains committed to leading"
                      "keen", "eager"})
# "denied reports that ...", "dismissed claims that ...": the reported clause did not happen.
DENYING = frozenset({"deny", "dismiss", "reject", "refute", "rebut"})
REPORTS = frozenset({"report", "claim", "allegation", "suggestion", "rumour", "rumor", "speculation"})
# "imposed a ban", "put restrictions on": the noun says what was done.
LIGHT_VERBS = frozenset({"impose", "introduce", "announce", "adopt", "enact", "put", "place", "slap", "approve",
                         "unveil", "issue"})
DELIBERATING = frozenset({"consider", "weigh", "mull", "debate", "contemplate", "discuss", "study", "explore",
                          "examine"})
BAN_NOUNS = frozenset({"ban", "embargo", "prohibition"})
MEASURE_NOUNS = frozenset({"sanction", "restriction", "tariff", "duty", "control", "measure", "penalty", "curb",
                           "levy"})
# What a government or a body does to a thing: an agentless passive of one of these ("exports were banned")
# is the act of the actor the paragraph is about.
MEASURE_VERBS = frozenset("""ban impose freeze suspend lift restrict exempt expel sanction halt close reopen extend
postpone delay remove introduce prohibit blacklist bar tighten ease approve reject curb cut""".split())
# Verbs that state nothing an analyst would key ("said", "noted", "is"), as a main action.
NOT_ACTIONS = frozenset({"say", "note", "argue", "write", "tell", "report", "claim", "believe", "think",
                         "know", "see", "mean", "remain", "become", "seem", "appear", "include", "call",
                         "describe", "explain", "show", "suggest", "point", "ask"})
# Words on an object that say which part or how hard, not what: values of one question, by class
# ("selected banks" and "all banks" answer one question differently; "tough" and "severe" alike).
SCOPE_CLASSES = {
    "all": "all every each entire full total whole blanket",
    "selected": "selected select certain some several few targeted partial specific designated",
    "mild": "mild modest limited light symbolic weak lenient token",
    "severe": "tough severe harsh strong stringent sweeping unprecedented comprehensive robust heavy",
}
SCOPE = {w: cls for cls, words in SCOPE_CLASSES.items() for w in words.split()}
# What a judgement of degree is about ("Japan's response was mild"): the head noun of the subject.
ASSESSED = frozenset("""response reaction reply stance position policy sanction measure approach attitude
criticism condemnation support pressure punishment retaliation""".split())
# Nouns that say when, not what ("on Friday", "last week", "this year").
TIME = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december week weekend month year decade day today yesterday tomorrow
hour minute
time period quarter century morning evening night last next past coming earlier later""".split())
# Nouns that name no thing of their own ("the act of aggression" is the aggression).
VAGUE_NOUNS = frozenset("act kind sort type part number form way case instance matter issue".split())
# Words on an object that change nothing about what is asked.
IDLE = frozenset("own other such its their same".split())
# Words that make another round of it ("imposed additional sanctions", "expel more diplomats"): kept as
# one mark among the object's nouns, so that a further round is not the first one.
MORE = frozenset("additional further new more much fresh another".split())


ACRONYM = re.compile(r"(?<![A-Z][ -])\b[A-Z]{2,6}\b(?![ -][A-Z]{2,})")
NOT_BODIES = frozenset("GDP GNP LNG CPI USD EUR JPY GBP CEO TV OK AM PM AD BC FY II III IV VI VII VIII IX XI "
                        "XII ID PDF URL CO CO2".split())


def scope_value(scope: tuple[str, ...]) -> str:
    """The category a fact's scope words give ("selected", "all", "mild", "severe"), or "" for none or a mix."""
    classes = {SCOPE[w] for w in scope if w in SCOPE}
    return classes.pop() if len(classes) == 1 else ""


# "has no plans to amend", "had no intention of following", "has no power to deploy": the action is denied
INTENT_NOUNS = frozenset({"plan", "intention", "intent", "power", "authority", "right", "mandate", "desire", "wish"})
NEGATION = re.compile(r"\bha(?:s|ve|d|ving)\s+no\s+(?:" + "|".join(sorted(INTENT_NOUNS)) + r")s?\s+(?:to|of)\b|"
                      r"\b(?:not|cannot|never|no\s+longer|neither|nor|ceas(?:e|ed|es|ing)|quit|stopp?(?:ed|s)?(?!\s+short))\b|"
                       r"n['\u2019]t\b|\byet\s+to\b", re.I)
# "had never before postponed", "never previously held": what had not happened until now is a record, not a denial
FIRST_TIME = re.compile(r"\bnever\s+(?:before|previously|once\s+before)\b", re.I)
_HEDGE = re.compile(r"\b(?:stopp?(?:ed|ing|s)?\s+short\s+of|undecided|whether|le(?:ft|aves?|aving)\s+open|"
                    r"on\s+the\s+fence|non-?committal|"
                    r"(?:not|n['\u2019]t|never)\s+(?:yet\s+)?(?:said|say|says|disclosed?|specified|specify|"
                    r"revealed?|indicated?|confirmed?|announced?|explained?|clarified|clarify)\s+"
                    r"(?:how|when|which|what|where|why|that)|"
                    r"not\s+(?:yet\s+)?(?:decided|clear)|has\s+yet\s+to\s+decide|weigh(?:s|ed|ing)?|"
                    r"consider(?:s|ed|ing)?|mull(?:s|ed|ing)?)\b", re.I)
# ("shall" is not here: in the legal and official register it states an obligation in force, "the State shall not
# extradite its nationals", and news do not use it of the future)
_FORECAST = re.compile(r"\b(?:will|would|could|may|might|(?:is|are|was|were)\s+(?:likely|unlikely|expected|"
                       r"set|poised|bound|due)\s+to|"
                       r"(?:is|are|was|were)\s+not\s+(?:likely|expected|set|poised)\s+to|"
                       r"(?:is|are|was|were)\s+(?:\w+\s+)?(?:ready|prepared|keen|eager|willing)\s+to|"
                       r"plans?\s+to|intends?\s+to|is\s+going\s+to|"
                       r"(?:pledg|promis|vow|threaten|offer|undert(?:ak|ook))\w*\s+to)\b|'ll\b",
                       re.I)  # a pledge is not a deed
_ADVICE = re.compile(r"\b(?:should|must|ought\s+to|needs?\s+to|has\s+to|have\s+to|would\s+do\s+well\s+to|"
                     r"(?:would|will)\s+be\s+(?:wise|well\s+advised|prudent|right)\s+to|"
                     r"(?:we|i|the\s+authors?)\s+(?:strongly\s+)?(?:recommend|urge|advise|suggest)|"
                     r"it\s+is\s+(?:imperative|essential|crucial|vital|necessary|important|time)\s+(?:that|for|to))\b",
                     re.I)
_OPPOSE = re.compile(r"\b(?:it\s+would\s+be\s+(?:a\s+)?(?:mistake|error|unwise|wrong|imprudent|folly|a\s+blunder)|"
                     r"(?:would|will)\s+(?:be\s+(?:wise|well\s+advised|prudent|right)|do\s+well)\s+not\s+to|"
                     r"(?:should|must|ought\s+to)\s+(?:refrain|avoid|resist|not|never)|"
                     r"(?:should|must)n['\u2019]t|there\s+is\s+no\s+(?:need|reason|case)\s+(?:to|for)|"
                     r"it\s+is\s+(?:not\s+)?(?:unwise|imprudent|a\s+mistake)|"
                     r"it\s+(?:was|has\s+been|had\s+been)\s+(?:a|an)\s+(?:mistake|error|blunder))\b", re.I)
# A recommendation that frames the clause after it ("We recommend that Japan ...").
ADVICE_FRAME = re.compile(r"\b(?:recommend(?:s|ed)?|urges?|urged|advises?|advised|suggests?|calls?\s+(?:for|on|upon)|"
                          r"press(?:es|ed)?|encourage|invite|implore|"
                          r"(?:we|must|should)\s+(?:now\s+|also\s+)?(?:insist|demand)\s+that|"  # the brief's own demand
                          r"(?:demand|request|ask)(?:s|ed)?\s+that|"  # someone's demand: a position on what it asks
                           r"(?:is|are)\s+(?:imperative|essential|crucial|vital|necessary|important))\s+(?:that\s+)?$",
                           re.I)
# Phrases of time or manner that end an object ("suspended its budget support with immediate effect").
WHEN_PHRASE = re.compile(r"\b(?:with\s+(?:immediate\s+)?effect|for\s+an?\s+(?:indefinite|unspecified|limited)\s+"
                          r"period|for\s+the\s+time\s+being|until\s+further\s+notice|with\s+immediate|at\s+once|"
                          r"for\s+now|(?:at|by|from|until|before|after|since)\s+the\s+(?:start|end|beginning|close|turn|"
                          r"middle)\s+of)\b", re.I)  # "... at the start of the month": when, not what
# "announced that it would join", "said it will not send": a decision reported, not a forecast.
_COMMITTED = re.compile(r"\b(?:said|says|announced|announces|confirmed|confirms|decided|decides|pledged|pledges|"
                        r"promised|promises|vowed|vows|agreed|agrees)\b(?:\s+(?:that|on\s+\w+))?(?:\s+\w+){1,3}?\s+"
                        r"(?:would|will|wo)\b|"
                        # "told Premier Li at the summit that Italy would leave": said to someone, past its addressee
                        r"\b(?:told|tells|informed|informs|assured|assures|notified|notifies)\b[^.;:]{1,60}?\bthat"
                        r"(?:\s+\w+){1,3}?\s+(?:would|will|wo)\b", re.I)
# Nouns whose "that" clause is someone's claim, not the brief's ("rejected the claim that the ban
# discriminated"): nothing in it is drafted as a fact. (A fear or possibility "that China could ..." is
# drafted: its modal makes it a forecast.)
UNASSERTED = frozenset("""claim allegation assertion suggestion argument idea notion rumour rumor speculation belief
accusation charge""".split())
# Verbs whose "that" clause asks for something ("demanded that the government carry out ..."): the demand
# is the fact; what it asks for is not asserted.
MANDATIVE = frozenset({"demand", "request", "require", "stipulate", "ask"})
# Of those, a person's or a party's demand ("the party demanded that Peru leave the pact"): a position on what it
# asks for, as reported advice is ("urged Japan to join"); a rule's requirement is no one's position.
DEMANDING = frozenset({"demand", "request", "ask"})
# Where a clause starts (the subject of the next verb is after it).
CLAUSE_WORDS = frozenset({"that", "whether", "which", "who", "while", "whereas", "but", "although", "though",
                           "because", "as", "after", "before", "when", "since", "if", "unless", "so", "where"})
BREAK_TAGS = frozenset({",", ":", ".", "(", ")", '"', "``", "''"})
QUOTE_MARKS = frozenset({'"', "``", "''", "\u201c", "\u201d"})
PREPOSITION_BEFORE = re.compile(r"\b(?:of|on|in|against|to|with|from|by|for|into|toward|towards|about|over|"
                                 r"between|among|than|including|like|after|before|at|via)\s+(?:the\s+)?$", re.I)
HEADS = frozenset({"government", "cabinet", "administration", "ministry", "minister", "leader", "leadership",
                   "chancellor", "premier", "secretary", "envoy", "ambassador", "army", "military", "navy",
                   "department", "agency", "office", "commission", "bureau", "regulator", "court", "parliament",
                    "officials", "authorities", "state", "parliament", "diet", "president", "prime", "foreign",
                    "side", "delegation", "regulators", "central", "bank"})


_NOT_RULED_OUT = re.compile(r"\b(?:not|never|n['\u2019]t|refus\w*\s+to|declin\w*\s+to)\s+(?:\w+\s+)?"
                            r"rul(?:e|es|ed|ing)\s+out\b", re.I)


def modality(region: str, group: str) -> tuple[str, str]:
    """(kind, value) from the words before the action verb: its subject region and verb group."""
    text = region
    if _OPPOSE.search(text):
        return "recommendation", "oppose"
    if _ADVICE.search(text):
        return "recommendation", "oppose" if NEGATION.search(group or text) else "support"
    hedged = bool(_HEDGE.search(text)) or bool(_NOT_RULED_OUT.search(group))  # "did not rule out": still possible
    negated = bool(NEGATION.search(text)) or bool(re.search(
        r"\b(?:refus|declin|fail|reject|resist)\w*\s+to\b|\bavoid\w*\b|\bden(?:y|ies|ied|ying)\b|"
        r"\brul(?:e|es|ed|ing)\s+out\b|\b(?:unlikely|unwilling|unable)\s+to\b|"
        r"\b(?:refus|declin|reject|resist|rebuff|dismiss)\w*\s+(?:\w+\s+){0,2}(?:calls?|demands?|requests?|pressure|"
        r"proposals?|appeals?)\s+to\b", text, re.I))  # "rejected calls to reopen the border"
    if hedged:
        return "fact", "undecided"
    if _FORECAST.search(text) and not _COMMITTED.search(text):
        return "forecast", "no" if negated else "yes"
    return "fact", "no" if negated else "yes"


# Phrasal verbs that state a plain action ("took over the EU sanctions" adopted them; "signed up to the charter"
# joined it): (verb lemma, particle) -> the action.
PHRASAL = {("take", "over"): "adopt", ("sign", "up"): "join", ("wave", "through"): "approve",
           ("rush", "through"): "approve", ("pull", "out"): "withdraw", ("back", "out"): "withdraw",
           ("call", "off"): "cancel", ("hold", "off"): "delay", ("put", "off"): "delay", ("phase", "out"): "end",
           # the courts' register: "set aside the ruling", "struck down the law", "threw out the case"
           ("set", "aside"): "annul", ("strike", "down"): "annul", ("throw", "out"): "reject",
           ("turn", "down"): "reject", ("break", "off"): "end", ("shut", "down"): "close"}

# A year between a determiner or a possessive and a noun names that thing ("suspended its 2002 treaty", "the 1960
# Indus Waters Treaty", "Ecuador's 2023 election"), as does one after "of" in a name ("the Monetary Law Act of 1949";
# not a month's: "March of 2023"), not when the act was done (``drafting.factclaims`` reads the act's period without
# it; ``factstatements._years_apart`` tells two things of two such years apart).
ATTRIBUTIVE_YEAR = re.compile(
    r"\b(?:(?i:the|a|an|its|their|his|her|our|this|that|[A-Za-z]+'s)\s+((?:1[5-9]|20)\d\d)(?=\s+[A-Za-z])"
    r"|(?!(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)"
    r"[A-Z][a-z]+\s+of\s+((?:1[5-9]|20)\d\d)\b)")


def attributive_years(text: str) -> set[str]:
    """The years ``text`` names things by."""
    return {m.group(1) or m.group(2) for m in ATTRIBUTIVE_YEAR.finditer(text)}
