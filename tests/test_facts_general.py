"""Statements read the way English reports them: people, offices and bodies as subjects, actions written
as nouns, agentless passives, negation and hedging, advice, coordination, scope, and the drafted label
as a question. The sentences are written for these tests (not taken from the benchmark sets)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from briefcmp.analysis.entities import Entities
from briefcmp.analysis.facts import read_facts
from briefcmp.analysis.factnouns import verb_of
from briefcmp.analysis.factsubjects import Context, home_country
from briefcmp.cli import app
from briefcmp.drafting.factclaims import fact_value, question

pytest.importorskip("textblob")

# (sentence, the home country of the text it is in, the facts read: actor, verb lemma, kind, value)
SENTENCES = [
    # people and offices act for their country: the one the phrase names, else the text's home country
    ("The foreign minister expelled two diplomats.", "canada", {("canada", "expel", "fact", "yes")}),
    ("The ministry has not approved the new dam.", "brazil", {("brazil", "approve", "fact", "no")}),
    ("President William Ruto declined to sign the finance bill.", "kenya", {("kenya", "sign", "fact", "no")}),
    ("Canada's Department of Finance imposed a surtax on steel imports.", "", {("canada", "impose", "fact", "yes")}),
    ("Ministers have not lifted the ban on fishing.", "norway", {("norway", "lift", "fact", "no")}),
    ("The ministry froze the accounts and expelled the envoy.", "peru",
     {("peru", "freeze", "fact", "yes"), ("peru", "expel", "fact", "yes")}),  # coordinated: two facts
    ("Ottawa suspended visa services for Indian citizens.", "", {("canada", "suspend", "fact", "yes")}),
    # without a home country a titled person is their own actor, one id for the names in any order ("Kishida
    # Fumio", "Fumio Kishida"); a body or a local office by its kind
    ("President William Ruto declined to sign the finance bill.", "", {("ruto-william", "sign", "fact", "no")}),
    ("Chancellor Karl Nehammer has once more ruled out joining the alliance.", "",
     {("karl-nehammer", "join", "fact", "no")}),
    ("The tribunal dismissed the appeal.", "", {("tribunal", "dismiss", "fact", "yes")}),
    # a country's own institutions act for it: named by office words, or after the country's possessive;
    # a name that says more ("the National Security Council") is its own actor
    ("The Federal Council adopted the new visa rules.", "austria", {("austria", "adopt", "fact", "yes")}),
    ("Ghana's interim government expelled the envoy.", "", {("ghana", "expel", "fact", "yes")}),
    ("Ghana's National Assembly rejected the loan.", "", {("ghana", "reject", "fact", "yes")}),
    ("The National Security Council rejected the loan.", "austria",
     {("national-security-council", "reject", "fact", "yes")}),
    # an adjective opening the sentence is no part of a name ("Coal India" is a company's)
    ("Landlocked Chad joined the sanctions against Sudan.", "", {("chad", "impose", "fact", "yes")}),
    # a country's own measure in an agentless passive is its act
    ("Chile's countermeasures are paused as well.", "", {("chile", "pause", "fact", "yes")}),
    ("Peru's ban on quinoa exports was not lifted.", "",
     {("peru", "lift", "fact", "no"), ("peru", "ban", "fact", "yes")}),
    # a passive inside "has not said whether": the sayer's open question, quoted with its frame
    ("Officials did not say whether the ban would be lifted.", "chile", {("chile", "lift", "fact", "undecided")}),
    # a participle coordinated after a passive shares it: "was X-ed by A and Y-ed by B"
    ("The loan was requested by Ghana and approved by the IMF.", "",
     {("ghana", "request", "fact", "yes"), ("imf", "approve", "fact", "yes")}),
    # calling something unacceptable or illegal condemns it; a government "in" its capital is the country's
    ("The administration in Bamako called the expulsions unacceptable.", "", {("mali", "condemn", "fact", "yes")}),
    ("Chile described the blockade as a violation of international law.", "", {("chile", "condemn", "fact", "yes")}),
    ("Chile described the talks as productive.", "", set()),
    # not ruling out is leaving open; ruling out is "no"
    ("Chile did not rule out joining the boycott.", "", {("chile", "join", "fact", "undecided")}),
    ("Chile has ruled out joining the boycott.", "", {("chile", "join", "fact", "no")}),
    ("Lima has refused to rule out that the Chileans will use the port.", "", {("chile", "use", "fact", "undecided")}),
    # a title and a name with initials and a suffix
    ("President Rodrigo M. Alvarez Jr. signed the decree.", "chile", {("chile", "sign", "fact", "yes")}),
    # a clause reported without "that": "said the government would ..."
    ("A spokesman said the government would appeal the verdict.", "peru", {("peru", "appeal", "fact", "yes")}),
    ("The minister said the Netherlands would not ratify the treaty.", "",
     {("netherlands", "ratify", "fact", "no")}),
    # "whether to" and a verb the lexicon calls a noun
    ("The regulator has not decided whether to grant Ferrovia the permit.", "",
     {("regulator", "grant", "fact", "undecided")}),
    # a party named by its members
    ("The Liberals voted against the levy.", "", {("liberals", "vote", "fact", "no")}),  # not for it
    # a name no list holds acts in its own name; a capitalised common word opening a sentence is no name
    ("The Storting rejected the motion on whaling.", "", {("storting", "reject", "fact", "yes")}),
    ("Vattenfall refused to invest in the new reactor.", "", {("vattenfall", "invest", "fact", "no")}),
    ("Parliament approved the treaty.", "", {("parliament", "approve", "fact", "yes")}),  # no country known: itself
    ("Parliament approved the treaty.", "norway", {("norway", "approve", "fact", "yes")}),
    ("The court did not suspend the ban on logging.", "", {("court", "suspend", "fact", "no")}),
    ("Mayor Anne Hidalgo banned cars from the riverbank.", "", {("mayor", "ban", "fact", "yes")}),
    ("The governor vetoed the budget.", "", {("governor", "veto", "fact", "yes")}),
    ("The report stopped short of naming the firm.", "", set()),  # a thing, not an office
    ("The package stopped short of adding the firm to the list.", "", {("package", "add", "fact", "no")}),  # a measure
    # "it" after a colon is the clause before's subject
    ("Ottawa answered quickly: it expelled two diplomats.", "", {("canada", "expel", "fact", "yes")}),
    # actions written as nouns after a possessive are presupposed: yes, whatever verb they hang on
    ("Analysts welcomed Canada's suspension of arms exports to Turkey.", "", {("canada", "suspend", "fact", "yes")}),
    ("Kenya's ban on plastic bags has reduced litter.", "", {("kenya", "ban", "fact", "yes")}),
    ("Observers doubted Brazil's decision to reopen the mine.", "", {("brazil", "reopen", "fact", "yes")}),
    ("Norway's possible withdrawal from the fund worries donors.", "", set()),  # not yet done
    ("Chile's position on the treaty is unclear.", "", set()),  # a state, not an action
    # negation and hedging
    # stopping short of an action is not taking it; stopping short of saying whether leaves it open
    ("Mexico stopped short of banning genetically modified corn.", "", {("mexico", "ban", "fact", "no")}),
    ("Mexico stopped short of confirming whether it would ban the corn.", "", {("mexico", "ban", "fact", "undecided")}),
    ("The Netherlands left open whether it would join the export controls.", "",
     {("netherlands", "impose", "fact", "undecided")}),
    ("Defence Minister Pal Jonson has left open whether the jets could be sold.", "", set()),  # the jets' fate
    ("Peru imposed no tariffs on Chilean fruit.", "", {("peru", "impose", "fact", "no")}),
    ("Vietnam could lift the rice export ban next month.", "", {("vietnam", "lift", "forecast", "yes")}),
    ("Egypt declined to extend the grain deal.", "", {("egypt", "extend", "fact", "no")}),
    ("Kenya and the Philippines refused to join the boycott.", "",
     {("kenya", "join", "fact", "no"), ("philippines", "join", "fact", "no")}),
    ("Chile does not tax copper exports.", "", {("chile", "tax", "fact", "no")}),  # the lexicon's noun after "does not"
    # recommendations and judgements
    ("Indonesia would be wise not to restrict nickel exports further.", "",
     {("indonesia", "restrict", "recommendation", "oppose")}),
    ("Argentina would be well advised to float the peso.", "", {("argentina", "float", "recommendation", "support")}),
    ("We urge Ghana to restructure its debt.", "", {("ghana", "restructure", "recommendation", "support")}),
    ("We strongly urge Zambia and Ghana not to default on their bonds.", "",
     {("zambia", "default", "recommendation", "oppose"), ("ghana", "default", "recommendation", "oppose")}),
    ("Thailand must not devalue the baht.", "", {("thailand", "devalue", "recommendation", "oppose")}),
    ("The ombudsman must now insist that Chile publish the contracts.", "",
     {("chile", "publish", "recommendation", "support")}),  # the brief's own demand, in the subjunctive
    ("Uruguay should press Brazil to cut the tariff.", "", {("uruguay", "press", "recommendation", "support")}),
    # someone else's advice, reported, is a position on what it urges (as the statement sets' writers read it)
    ("The United States urged Japan to join the sanctions.", "",
     {("japan", "impose", "recommendation", "support")}),
    ("Aid groups have repeatedly urged Chad to halt the evictions.", "",
     {("chad", "halt", "recommendation", "support")}),
    # "a mistake to" is advice against, whatever the tense; "it" is the last subject
    ("It would be a mistake to ban imports of Chilean wine.", "", set()),  # no one to advise
    ("It would be a mistake to ban imports of Chilean wine.", "peru", {("peru", "ban", "recommendation", "oppose")}),
    # a judgement of an action named by a gerund or an action noun is a position on taking it
    ("For the ministry, joining the Pact is in the national interest.", "peru",
     {("peru", "join", "recommendation", "support")}),
    ("Adopting the new tariffs is incompatible with the trade agreement.", "peru",
     {("peru", "adopt", "recommendation", "oppose")}),
    ("The closure of the border is not in the national interest.", "peru",
     {("peru", "close", "recommendation", "oppose")}),
    ("Adopting the new tariffs is incompatible with the trade agreement.", "", set()),  # whose position: unknown
    ("Taking over the EU rules is compatible with neutrality.", "austria",
     {("austria", "adopt", "recommendation", "support")}),  # a phrasal verb is its plain action
    ("Running the mine is profitable.", "peru", set()),  # no judgement of right or wrong
    ("It was a mistake for Peru to ban imports of Chilean wine.", "", {("peru", "ban", "recommendation", "oppose")}),
    # a list of actions after "including" shares the main verb's value; "in addition to" presupposes its action
    ("Peru imposed new duties, including a ban on gold exports and the suspension of mining permits.", "",
     {("peru", "impose", "fact", "yes"), ("peru", "ban", "fact", "yes"), ("peru", "suspend", "fact", "yes")}),
    ("Chile is weighing sanctions, including freezing the assets of officials.", "",
     {("chile", "impose", "fact", "undecided"), ("chile", "freeze", "fact", "undecided")}),
    ("Ghana is mulling new levies in addition to freezing the accounts of traders.", "",
     {("ghana", "impose", "fact", "undecided"), ("ghana", "freeze", "fact", "yes")}),
    # "compelled to", "not allowed to": the subject does (or does not do) the action
    ("Norway was eventually compelled to levy duties.", "", {("norway", "levy", "fact", "yes")}),
    ("Chile was not allowed to export copper.", "", {("chile", "export", "fact", "no")}),
    # a time before a titled person; a claim someone made is not asserted
    ("On Tuesday Prime Minister Ito Hiroshi condemned the shelling.", "japan", {("japan", "condemn", "fact", "yes")}),
    ("The court rejected the claim that Kenya had expelled the envoy.", "", {("court", "reject", "fact", "yes")}),
    # "X and other Ns" is X; an instrument acts in a reported clause; a demand is a fact, and what it asks is not
    # asserted but is a position, as reported advice is ("urged Japan to join"); a rule's requirement is neither
    ("Japan and other donors froze the fund.", "", {("japan", "freeze", "fact", "yes")}),
    ("The court confirmed that the closures did not breach the treaty.", "", {("closure", "breach", "fact", "no")}),
    ("Kenya demanded that Uganda lift the ban.", "",
     {("kenya", "demand", "fact", "yes"), ("uganda", "lift", "recommendation", "support")}),
    ("The treaty requires that Uganda lift the ban.", "", {("treaty", "require", "fact", "yes")}),
    # not deciding leaves the action open; rejecting calls to act, denying reports, being unlikely to: no
    ("France has not decided whether to extend the ban on glyphosate.", "",
     {("france", "extend", "fact", "undecided")}),
    ("Belgium is examining whether to keep the reactors running.", "", {("belgium", "keep", "fact", "undecided")}),
    ("Belgium has yet to decide on the reactors.", "", {("belgium", "decide", "fact", "undecided")}),
    ("France is undecided on the extension of the ban.", "", {("france", "extend", "fact", "undecided")}),
    ("Poland rejected calls to reopen the border.", "", {("poland", "reopen", "fact", "no")}),
    ("Greece denied reports that it had closed the port.", "",
     {("greece", "deny", "fact", "yes"), ("greece", "close", "fact", "no")}),
    ("Canada is unlikely to lift the tariffs this year.", "", {("canada", "lift", "forecast", "no")}),
    ("Austria, however, did not join the boycott.", "", {("austria", "join", "fact", "no")}),
    # an action noun a verb undoes is no longer so: only the undoing is drafted
    ("Denmark reversed its decision to close the embassy.", "", {("denmark", "reverse", "fact", "yes")}),
    ("Chile lifted its ban on Peruvian potatoes.", "", {("chile", "lift", "fact", "yes")}),
    # passives: with "by", the agent acts
    ("Exports of rice were banned by India in July.", "", {("india", "ban", "fact", "yes")}),
]


@pytest.fixture(scope="module")
def entities() -> Entities:
    return Entities()


@pytest.mark.parametrize("sentence, home, expected", SENTENCES)
def test_statements_as_english_reports_them(entities: Entities, sentence: str, home: str, expected: set) -> None:
    got = {(f.actor, f.verb, f.kind, f.value) for f in read_facts(sentence, entities, context=Context(home))}
    assert got == expected


def _read(entities: Entities, sentences: list[str]) -> list[list[tuple[str, str, str]]]:
    """The sentences of one paragraph read in order, as the drafter reads them (one context)."""
    ctx = Context()
    return [[(f.actor, f.verb, f.value) for f in read_facts(s, entities, ctx.subject, context=ctx)] for s in sentences]


def test_a_person_named_with_a_country_is_that_country_later(entities: Entities) -> None:
    assert _read(entities, ["Kenyan President William Ruto signed the housing levy.",
                            "Ruto has not withdrawn the levy."]) == [[("kenya", "sign", "yes")],
                                                                     [("kenya", "withdraw", "no")]]


def test_a_person_is_one_actor_whatever_the_order_of_the_names_and_he_is_that_person(entities: Entities) -> None:
    assert _read(entities, ["Premier Tanaka Hiro froze the fund.", "Premier Hiro Tanaka froze the fund."]) == [
        [("hiro-tanaka", "freeze", "yes")], [("hiro-tanaka", "freeze", "yes")]]
    assert entities.label("hiro-tanaka") == "Tanaka Hiro"  # as first written
    assert _read(entities, ["South Korean President Park Min Ho sent shells to Poland.", "Park did not send tanks.",
                            "He also froze the accounts."]) == [
        [("south-korea", "send", "yes")], [("south-korea", "send", "no")], [("south-korea", "freeze", "yes")]]


def test_it_in_the_next_sentence_is_the_last_subject(entities: Entities) -> None:
    assert _read(entities, ["Brazil froze the fund in 2019.", "It did not release the money until 2023."]) == [
        [("brazil", "freeze", "yes")], [("brazil", "release", "no")]]


def test_it_is_no_person_and_an_opening_participle_acts_for_nobody(entities: Entities) -> None:
    assert _read(entities, ["President Ana Costa has come under pressure.", "It could devalue the real."])[1] == []
    assert read_facts("Given these limits, Chile has supported Peru.", entities)[0].verb == "support"
    assert [f.verb for f in read_facts("Following the summit between Chile and Peru, the leaders spoke.",
                                       entities)] == []


def test_an_agentless_passive_measure_is_the_paragraph_actors_unless_it_is_the_target(entities: Entities) -> None:
    assert _read(entities, ["Canada announced new measures on Monday.", "Imports of Indian steel were banned."])[1] \
        == [("canada", "ban", "yes")]
    # not India's act: the exports undergo it, no actor said
    assert _read(entities, ["India announced new measures.", "Indian steel exports were banned."])[1] == [
        ("indian-steel-export", "ban", "yes")]
    assert _read(entities, ["Canada announced new measures.", "Three ships were seen near the port."])[1] == []


def test_a_body_named_as_a_modifier_does_not_count_against_the_home_country(entities: Entities) -> None:
    text = "Title\nSome Trust | Briefing | 2025\n\nThe UK acted. EU vessels left. The UK spoke to EU fishers."
    assert home_country(text, entities) == "united-kingdom"
    acting = "Title\nSome Trust | Briefing | 2025\n\nThe UK acted. The EU has replied. The UK and the EU met."
    assert home_country(acting, entities) == ""


def test_limits_of_use_are_the_scope_and_shown_in_the_quote(entities: Entities) -> None:
    sentence = "Turkey banned exports of steel to Israel for military end uses, officials said."
    (f,) = read_facts(sentence, entities)
    assert f.scope == ("selected",) and fact_value(f).category == "selected"
    assert sentence[f.start:f.end] == "Turkey banned exports of steel to Israel for military end uses"
    (g,) = read_facts("Turkey banned exports of steel to Israel.", entities)
    assert g.scope == () and fact_value(g).category == "yes"
    assert [w for w in f.words] == [w for w in g.words]  # the limit is a value of one question, not its object


def test_scope_words_on_a_noun_action(entities: Entities) -> None:
    (f,) = read_facts("Critics attacked Peru's total ban on gold mining in the Amazon.", entities)
    assert (f.actor, f.verb, f.scope) == ("peru", "ban", ("total",)) and fact_value(f).category == "yes"


def test_lists_of_nouns_stay_one_object(entities: Entities) -> None:
    (f,) = read_facts("Chile restricted exports of lithium, copper and cobalt to China.", entities)
    assert f.words == ("export", "lithium", "copper", "cobalt") and f.others == ("china",)


def test_action_nouns_name_their_verbs() -> None:
    assert [verb_of(n) for n in ("closure", "suspension", "approval", "withdrawal", "ban", "restart",
                                 "exclusion", "imposition")] == [
        "close", "suspend", "approve", "withdraw", "ban", "restart", "exclude", "impose"]
    assert verb_of("position") == verb_of("share") == ""


def test_the_label_is_a_question_a_person_would_ask(entities: Entities) -> None:
    def asked(sentence: str, home: str = "") -> list[str]:
        return [question(f, entities) for f in read_facts(sentence, entities, context=Context(home))]

    assert asked("Kenya banned exports of maize to Uganda on Friday.") == [
        "Did Kenya ban exports of maize to Uganda?"]
    assert asked("Ghana will resume imports of Ivorian cocoa.") == ["Will Ghana resume imports of Ivorian cocoa?"]
    assert asked("Austria should not send troops to the border.") == ["Should Austria send troops to the border?"]
    assert asked("The tribunal upheld the fishing ban in full.") == ["Did the tribunal uphold the fishing ban in full?"]
    assert asked("Peru's response to the protests was mild.") == ["Was Peru's response to the protests mild or severe?"]


def test_the_home_country_from_the_outlet_or_what_the_text_is_plainly_about(entities: Entities) -> None:
    outlet = "Kenya Daily Star | Editorial | 3 May 2024"
    assert home_country(f"Uganda shuts border\n{outlet}\n\nUganda and Uganda and Uganda.", entities) == "kenya"
    about = "Title\nSome Institute | Brief | 2024\n\nBrazil acted. Brazil and Norway met. Brazil spoke."
    assert home_country(about, entities) == "brazil"
    even = "Title\nSome Institute | Brief | 2024\n\nBrazil and Norway met. Brazil and Norway spoke."
    assert home_country(even, entities) == ""


def test_the_home_country_from_a_later_part_of_the_outlet_line_or_a_dateline(entities: Entities) -> None:
    body = "\n\nKenya and Uganda met. Kenya spoke. Uganda replied. Uganda and Uganda agreed."
    assert home_country(f"Title\nOffice of the Spokesperson | Republic of Kenya | 3 May 2024{body}", entities) == "kenya"
    assert home_country(f"Title\nNAIROBI, May 3 (Wire) -{body}", entities) == "kenya"
    # a seat city the text names once or never: the paper's seat, not what the story is about
    once = "\n\nUganda and Tanzania met. Kenya spoke. Uganda replied. Uganda and Uganda agreed."
    assert home_country(f"Title\nThe Regional | Nairobi | 3 May 2024{once}", entities) == "uganda"
    assert home_country(f"Title\nNAIROBI/KAMPALA, May 3 (Wire) -{once}", entities) == "uganda"


RUNNER = CliRunner()
BRIEF = """Kenya halts sugar imports
The Nairobi Ledger | News | 12 March 2024

President Samuel Otieno has refused to lift the ban on Ugandan sugar. The ministry also suspended its imports
of Ugandan milk. Officials stopped short of saying whether the border would reopen.

We urge Kenya to reopen the border with Uganda.
"""


def test_drafts_carry_the_actor_and_a_question_and_pass_check(tmp_path: Path) -> None:
    root = tmp_path / "c"
    assert RUNNER.invoke(app, ["init", str(root)]).exit_code == 0
    src = root / "sources" / "ledger.txt"
    src.write_text(BRIEF, encoding="utf-8")
    out = root / "ledger.claims.yaml"
    r = RUNNER.invoke(app, ["annotate", str(src), "-o", str(out), "--sentences"])
    assert r.exit_code == 0, r.output
    text = out.read_text(encoding="utf-8")
    claims = {c["id"]: c for c in yaml.safe_load(text)["claims"]}
    assert claims["kenya-lift-ban-sugar"]["value"] == {"category": "no"}  # the home country's president
    assert claims["kenya-suspend-import-milk"]["value"] == {"category": "yes"}
    assert claims["kenya-reopen-border"]["value"] == {"stance": "support"}
    assert '# statement: "Did Kenya lift the ban on Ugandan sugar?"' in text
    assert '"Should Kenya reopen the border with Uganda?"' in text
    r = RUNNER.invoke(app, ["check", str(root), "--format", "json"])
    import json

    problems = json.loads(r.stdout)["problems"]
    assert [p for p in problems if p["severity"] == "error"] == []
    assert {p["rule"] for p in problems} <= {"draft-claim", "no-topic"}
    shutil.rmtree(root)


def _name(i: int) -> str:
    letters = ""
    i += 27
    while i:
        i, r = divmod(i, 26)
        letters += "abcdefghijklmnopqrstuvwxyz"[r]
    return letters.capitalize()


def _statements(size: int) -> str:
    """Paragraphs of statements with ever new people, bodies and offices (what the context remembers grows)."""
    out, i, n = ["Title\nThe Kenya Ledger | News | 3 May 2024\n"], 0, 0
    while n < size:
        a, b = _name(i), _name(i + 1)
        para = (f"Governor {a} {b} approved the {b.lower()} plan. The {a} Development Commission banned exports of "
                f"{b.lower()}. The Commission has not lifted its ban on {a.lower()} imports, and it refused to join the "
                f"{b} boycott. Minister {b} {a} said the ministry would suspend the {a.lower()} levy. We urge {a} "
                f"Region to reopen the border.\n\n")
        out.append(para)
        n, i = n + len(para), i + 2
    return "".join(out)


def test_drafting_statements_takes_linear_time() -> None:
    """CPU time of drafting with --sentences as the text doubles (10 to 40 kB): at most 3 times a step."""
    import time

    from briefcmp.analysis.document import Document
    from briefcmp.drafting.draft import BriefMeta, build_draft

    def seconds(text: str) -> tuple[float, int]:
        meta = BriefMeta(id="x", title="", source="s.txt", source_sha256="")
        start = time.process_time()
        draft = build_draft(text, meta=meta, document=Document(text), positions=True)
        return time.process_time() - start, len(draft.claims)

    seconds(_statements(3_000))  # warm up: the tagger's lexicon
    runs = [seconds(_statements(n)) for n in (10_000, 20_000, 40_000)]
    assert all(claims > 0 for _, claims in runs)
    for (t, _), (t2, _) in zip(runs, runs[1:]):
        assert t2 <= 3 * t + 0.05, runs


def test_each_drafted_quote_read_again_alone_gives_its_actor(entities: Entities) -> None:
    """`align` reads a drafted statement's quote again, with no context but the actor its id starts with: a
    person, an office, "it" and "the bloc" must give the same actor (and action) as in the brief."""
    paragraph = ["Kenyan President William Ruto signed the housing levy.", "Ruto has not withdrawn the levy.",
                 "The European Union froze its aid to Niger.", "The bloc has not suspended humanitarian aid.",
                 "It also halted its security cooperation with Niger.",
                 "Peru imposed new duties, including a ban on gold exports and the suspension of mining permits.",
                 "Ghana is mulling new levies in addition to freezing the accounts of traders.",
                 "Critics attacked Peru's total ban on gold mining in the Amazon.",
                 "Turkey banned exports of steel to Israel for military end uses, officials said."]
    ctx = Context()
    for sentence in paragraph:
        for f in read_facts(sentence, entities, ctx.subject, context=ctx):
            quote = sentence[f.start:f.end]
            again = read_facts(quote, entities, f.actor, clause=True)
            assert (f.actor, f.verb, f.value) in {(g.actor, g.verb, g.value) for g in again}, quote


from hypothesis import given, settings, strategies as st  # noqa: E402

_WORDS = st.sampled_from(["Governor", "Minister", "President", "Ana", "Costa", "the", "tribunal", "ministry", "'s",
                          "\u2019s", "ban", "closure", "on", "of", "including", ",", "in", "addition", "to", "He", "It",
                          ":", "urge", "We", "not", "for", "military", "uses", "that", "claim", "denied", "reports",
                          "undecided", "No", ".", "6", "its", "decision", "restart", "Kenya", "Chile", "froze",
                          "was", "banned", "by", "and", "other", "countries", "would", "be", "wise", "left", "open",
                          "whether", "the bloc", "proposal", "lifted", "\u5e74", "(", ")"])


@settings(max_examples=80, deadline=None)
@given(st.lists(_WORDS, max_size=30), st.sampled_from(["", "kenya"]), st.booleans())
def test_any_words_read_without_error_in_any_context(words: list[str], home: str, clause: bool) -> None:
    sentence = " ".join(words)
    ctx = Context(home)
    for carried in ("", "chile"):
        for f in read_facts(sentence, _ENTITIES, carried, clause=clause, context=ctx):
            assert 0 <= f.start < f.end <= len(sentence) and f.actor
            assert f.value in ("yes", "no", "undecided", "support", "oppose", "mild", "severe")


_ENTITIES = Entities()


def test_a_phrase_of_time_is_not_the_object(entities: Entities) -> None:
    # "at the start of the month", "by the end of the year": when, not what was suspended or done
    (f,) = read_facts("Peru suspended its trade talks with Chile at the start of the month.", entities)
    assert set(f.nouns) == {"trade", "talk"} and f.value == "yes"
    (g,) = read_facts("Peru has not suspended its trade talks with Chile.", entities)
    assert set(g.nouns) == set(f.nouns) and g.value == "no"


def test_the_as_of_reads_the_time_phrase_the_quote_stops_before(tmp_path: Path) -> None:
    # "by the end of 2026" ends the object (when, not what), but it dates the claim
    src = tmp_path / "brief.txt"
    src.write_text("Coal exit\nAndes Review | 3 May 2024\n\nPeru should ban all imports of thermal coal by the end "
                   "of 2026, the institute said.\n", encoding="utf-8")
    out = tmp_path / "brief.claims.yaml"
    assert CliRunner().invoke(app, ["annotate", str(src), "-o", str(out), "--sentences"]).exit_code == 0
    (claim,) = [c for c in yaml.safe_load(out.read_text(encoding="utf-8"))["claims"]
                if (c.get("value") or {}).get("stance")]
    assert claim["quote"] == "Peru should ban all imports of thermal coal" and str(claim["as_of"]) == "2026"


def test_the_as_of_of_a_statement_from_a_weekday_an_opening_time_phrase_or_a_when_clause() -> None:
    from briefcmp.corpus.model import PartialDate
    from briefcmp.drafting.factclaims import _as_of

    monday = PartialDate(2023, 5, 15)  # a Monday
    assert str(_as_of("Chile banned the imports on Friday", monday)) == "2023-05-12"
    assert str(_as_of("the ministry had refused to lift the ban", monday, "On Thursday, a day after the vote, ")) \
        == "2023-05-11"
    assert str(_as_of("when Peru did not impose duties", monday, "It was the line it took in 2019, when ")) == "2019"
    # the publication's own weekday is today or a week ago; a forecast's weekday is the next one: neither is said
    assert _as_of("Chile banned the imports on Monday", monday) is None
    assert _as_of("Chile will ban the imports on Friday", monday, "", "forecast") is None
    assert _as_of("Chile banned the imports on Friday", PartialDate(2023, 5)) is None  # no day of publication
    assert _as_of("Chile banned the imports", monday, "In its statement, ") is None


def test_a_relative_clause_without_that_is_no_part_of_the_object(entities: Entities) -> None:
    (f,) = [f for f in read_facts("Chile lifted the ban it imposed in 2019.", entities) if f.actor == "chile"]
    assert f.verb == "lift" and f.words == ("ban",)
    (g,) = [f for f in read_facts("Peru adopted the duties the Andean Community agreed on.", entities)
            if f.actor == "peru"]
    assert g.words == ("duty",)
    (h,) = read_facts("Chile gave the firms the licences.", entities)  # two objects, no clause
    assert h.words == ("firm", "licence")
