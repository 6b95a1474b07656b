from __future__ import annotations

import pytest

from assistant.core.act_extraction import extract_act, own_from_note


@pytest.mark.parametrize(
    ("incident", "person", "expected"),
    [
        (
            "In today's meeting I cut Priya off twice and said we don't have time for this.",
            "Priya",
            "I cut you off twice and said we don't have time for this.",
        ),
        ("In today's meeting I cut Priya off twice.", "", "I cut Priya off twice."),
        (
            "Aroha went quiet after I questioned her estimate in standup and hasn't said much since.",
            "",
            "I questioned her estimate in standup.",
        ),
        (
            "In his review I told him his work was mediocre, and he left looking shaken.",
            "",
            "I told him his work was mediocre.",
        ),
        # A reason inside what was said is the sarcasm itself, not an excuse to cut.
        (
            "Mariam asked about the till course. I said 'Oh yes, because we're so overstaffed.' She left.",
            "Mariam",
            "I said 'Oh yes, because we're so overstaffed.'",
        ),
        (
            "I called Idris's new level 'a corridor with delusions of grandeur' and the room laughed.",
            "Idris",
            "I called your new level 'a corridor with delusions of grandeur'.",
        ),
        # What the leader was doing is an act; what was going on when they did it is the scene.
        (
            "In my 1:1 with Jae-won I was checking my phone the whole time.",
            "Jae-won",
            "I was checking my phone the whole time.",
        ),
        (
            "Ahmed asked about his pay at the gate as I was leaving. I said 'no rise this year' and drove off.",
            "Ahmed",
            "I said 'no rise this year' and drove off.",
        ),
        (
            "I was shouting, and Efua started explaining and I cut her off mid-sentence.",
            "Efua",
            "I cut you off mid-sentence.",
        ),
        # What was said is quoted whole, commas, names and question marks included.
        (
            "Bongani asked about training. I said 'No, Bongani, we'll just hand them out' and moved on.",
            "Bongani",
            "I said 'No, Bongani, we'll just hand them out' and moved on.",
        ),
        (
            "Kiri asked for August off and I replied 'August! Bold choice, given the backlog.' She withdrew it.",
            "Kiri",
            "I replied 'August! Bold choice, given the backlog.'",
        ),
        (
            "I rejected Ama's caching proposal in the review two weeks ago she only posts status updates.",
            "Ama",
            "I rejected your caching proposal in the review two weeks ago.",
        ),
        (
            "I've cancelled Chen's last three one-to-ones, twice on the day.",
            "Chen",
            "I've cancelled your last three one-to-ones, twice on the day.",
        ),
        (
            "I raised my voice at the team because the outage happened twice.",
            "",
            "I raised my voice at the team.",
        ),
        (
            "After I overruled the team on the framework, Bilal stopped contributing.",
            "",
            "I overruled the team on the framework.",
        ),
        ("I tore apart Hana's draft in the dry run.", "Hana", "I tore apart your draft in the dry run."),
    ],
)
def test_the_leaders_own_account_of_the_act(incident: str, person: str, expected: str) -> None:
    assert extract_act(incident, person) == expected


@pytest.mark.parametrize(
    "incident",
    [
        "Jun has stopped speaking in meetings since our disagreement.",
        "I think my comments landed badly.",
        "I'm not sure whether it was something I said.",
        "I feel awful about the meeting.",
        "I've been worried about Ana since the review.",
        "",
    ],
)
def test_no_act_means_no_seed(incident: str) -> None:
    assert extract_act(incident) is None


@pytest.mark.parametrize(
    "incident, person, expected",
    [
        (
            "I told Wei in front of the whole team that his test plan was lazy.",
            "Wei",
            "I told you in front of the whole team that your test plan was lazy.",
        ),
        (
            "I snapped at Jonas in our one-on-one when he asked about his promotion.",
            "Jonas",
            "I snapped at you in our one-on-one when you asked about your promotion.",
        ),
        ("I told Lena her report was sloppy.", "Lena", "I told you your report was sloppy."),
        ("I cut Priya off and talked over her.", "Priya", "I cut you off and talked over you."),
        # With a second person named, "her" may be someone else: left as it is.
        (
            "I criticised Aisha's plan in front of Marco and told her it was weak.",
            "Aisha",
            "I criticised your plan in front of Marco and told her it was weak.",
        ),
    ],
)
def test_the_seeded_own_is_spoken_to_the_person(incident: str, person: str, expected: str) -> None:
    assert extract_act(incident, person) == expected


@pytest.mark.parametrize(
    "incident, person, expected",
    [
        # Named earlier, and nobody else: the pronouns in the act are theirs.
        (
            "Mbali was presenting the plan. I let her start and then kept jumping in.",
            "Mbali",
            "I let you start and then kept jumping in.",
        ),
        (
            "Svetlana raised the risk again. I told her she was overthinking it.",
            "Svetlana",
            "I told you that you were overthinking it.",
        ),
        (
            "Gwen joined the ward round. I forgot she was there for twenty minutes.",
            "Gwen",
            "I forgot you were there for twenty minutes.",
        ),
        # Quoted words were said to someone else and stay as they were said.
        (
            "Everyone looked at Ibrahim. I said 'Ibrahim can take you through it' and sat back.",
            "Ibrahim",
            "I said 'Ibrahim can take you through it' and sat back.",
        ),
        # A new clause with no comma before it ends the act.
        (
            "Since I reassigned Eun-ji's queue without warning she's stopped posting.",
            "Eun-ji",
            "I reassigned your queue without warning.",
        ),
        # A role is not the act: the next clause is.
        (
            "I run admissions. I emailed Delphine at 5am three days in a row.",
            "Delphine",
            "I emailed you at 5am three days in a row.",
        ),
        # "held" is not "he": only whole words change.
        (
            "Delphine came to my door. I held up one finger and kept typing.",
            "Delphine",
            "I held up one finger and kept typing.",
        ),
    ],
)
def test_pronouns_follow_the_account(incident: str, person: str, expected: str) -> None:
    assert extract_act(incident, person) == expected


def test_the_act_is_the_clause_that_names_a_harm_or_the_person_not_the_scene() -> None:
    incident = "I chair the Tuesday reviews. I snapped at Ines when she asked about the budget."
    assert extract_act(incident, "Ines") == "I snapped at you when you asked about the budget."
    # Without a better candidate the first clause is kept.
    assert (
        extract_act("I moved the launch to May without asking.", "")
        == "I moved the launch to May without asking."
    )


def test_a_quote_cut_off_at_its_full_stop_is_closed() -> None:
    incident = "Jasper asked to teach. I said 'Sure, once you can ski backwards.' He laughed."
    assert extract_act(incident, "Jasper") == "I said 'Sure, once you can ski backwards.'"


@pytest.mark.parametrize(
    "note, incident, person, expected",
    [
        # A jotted note: the "I" goes back in, and "he" is the person addressed.
        (
            "left a cell comment mocking how he'd learned Excel",
            "Ishaan built the budget model. I left a cell comment saying 'whoever taught you Excel owes us a refund'.",
            "Ishaan",
            "I left a cell comment mocking how you'd learned Excel.",
        ),
        (
            "promised the importer a release over Kerstin's hold",
            "Kerstin held a shipment. I wrote back to the importer that I'd get it released today.",
            "Kerstin",
            "I promised the importer a release over your hold.",
        ),
        ("cut her off twice", "In the review I cut Priya off twice.", "Priya", "I cut you off twice."),
        (
            "Came in unannounced at 2am and reset his line",
            "I came in at 2am and reset Ruben's line.",
            "Ruben",
            "I came in unannounced at 2am and reset your line.",
        ),
        (
            "Snapped at the team about the rota",
            "I snapped at everyone.",
            "the team",
            "I snapped at all of you about the rota.",
        ),
        # A note that already has its subject, or does not start with a past tense, keeps it.
        (
            "I told her the plan was weak.",
            "I told Lena her plan was weak.",
            "Lena",
            "I told you the plan was weak.",
        ),
        (
            "my comment about her accent",
            "I joked about Asha's accent.",
            "Asha",
            "My comment about your accent.",
        ),
        # Another person named in the note: "her" may be them, so it stays.
        (
            "told Marco that her numbers were wrong",
            "I told Marco in front of Aiko that her numbers were wrong.",
            "Aiko",
            "I told Marco that her numbers were wrong.",
        ),
        ("", "I cut Priya off.", "Priya", ""),
    ],
)
def test_a_note_on_what_i_did_becomes_the_own_seed(
    note: str, incident: str, person: str, expected: str
) -> None:
    assert own_from_note(note, incident, person) == expected


@pytest.mark.parametrize(
    ("incident", "person", "expected"),
    [
        # Typed in lower case, the account still names them, so "him" is them.
        (
            "wolfram came to my office to argue for his author and i ended up yelling at him and pointing at the door.",
            "Wolfram",
            "I ended up yelling at you and pointing at the door.",
        ),
        # A jotted account with no "I": the first sentence, with its "I" back and who they are dropped.
        (
            "Phoned Anouk, one of our court interpreters, after a judge complained about her pace, and "
            "opened with 'what on earth happened in there?'. The complaint was fair.",
            "Anouk",
            "I phoned you after a judge complained about your pace, and opened with 'what on earth happened in there?'.",
        ),
        (
            "Kept emailing Solveig, our librarian, through the night about missing parts.",
            "Solveig",
            "I kept emailing you through the night about missing parts.",
        ),
        (
            "replied to cosmin's weekly forecast with 'these numbers are fantasy'.",
            "Cosmin",
            "I replied to your weekly forecast with 'these numbers are fantasy'.",
        ),
        (
            "I told the dentist i work for that our hygienist perpetua is having a hard time at home.",
            "Perpetua",
            "I told the dentist I work for that you are having a hard time at home.",
        ),
        # A name that is also a word is matched only with its capital.
        (
            "i told will that i will take the account myself.",
            "Will",
            "I told will that I will take the account myself.",
        ),
        (
            "I told Will that I will take the account myself.",
            "Will",
            "I told you that I will take the account myself.",
        ),
        # "the team Priya" is two people, not a role and a name.
        (
            "I told the team Priya was slow with the figures.",
            "Priya",
            "I told the team you were slow with the figures.",
        ),
        (
            "I told my deputy Jo she was wrong in front of everyone.",
            "Jo",
            "I told you that you were wrong in front of everyone.",
        ),
        # No act in it at all: nothing to seed.
        ("The meeting went badly.", "Luz", None),
    ],
)
def test_the_act_is_found_in_lower_case_and_jotted_accounts(
    incident: str, person: str, expected: str | None
) -> None:
    assert extract_act(incident, person) == expected


@pytest.mark.parametrize(
    ("incident", "expected"),
    [
        (
            "At Friday's all-hands I lost my temper and told the whole support team they were making excuses.",
            "I lost my temper and told all of you that you were making excuses.",
        ),
        (
            "I told all the volunteer tutors that their session notes were useless to parents.",
            "I told all of you that your session notes were useless to parents.",
        ),
        # A thing of theirs is not them, and an act with no group in it is left as it is.
        (
            "I posted in the team chat that the rota was final.",
            "I posted in the team chat that the rota was final.",
        ),
        ("I cancelled the offsite without asking anyone.", "I cancelled the offsite without asking anyone."),
        ("I told my manager the team was lazy.", "I told my manager all of you were lazy."),
    ],
)
def test_a_seeded_own_speaks_to_the_whole_team(incident: str, expected: str) -> None:
    assert extract_act(incident, "the team") == expected


def test_a_jotted_note_speaks_to_the_team_too() -> None:
    assert (
        own_from_note("shouted at the crew in the yard", "", "the team")
        == "I shouted at all of you in the yard."
    )


@pytest.mark.parametrize(
    ("incident", "person", "expected"),
    [
        # A jotted opening that holds the later "I" is the act: the post, not the claim in it.
        (
            "Wrote a LinkedIn post about how I cut our missed deliveries by a third. The depot team did it.",
            "the team",
            "I wrote a LinkedIn post about how I cut our missed deliveries by a third.",
        ),
        # "all I did was" frames an act and is not one; the jotted promise is the act.
        (
            "Said in the group chat that I'd sort out Nikolai's payments by the weekend. That was three "
            "weekends ago. He asked again today and all I did was react with a heart.",
            "Nikolai",
            "I said in the group chat that I'd sort out your payments by the weekend.",
        ),
        # A full stop inside a closing quote ends the sentence: "She sent it…" is not the act.
        (
            "Texted Ilse at 10:40 on Saturday night asking for the bundle 'first thing.' She sent it at 6am.",
            "Ilse",
            "I texted you at 10:40 on Saturday night asking for the bundle 'first thing.'",
        ),
        # A comma inside a quotation is not where a long clause is cut.
        (
            "Sat with Bartosz at his desk going through his parts-inventory module for the shipyard and "
            "kept saying 'no, no, why would you do it like that.' He stopped explaining.",
            "Bartosz",
            "I sat with you at your desk going through your parts-inventory module for the shipyard and "
            "kept saying 'no, no, why would you do it like that.'",
        ),
        # An "I" inside what was said is not the leader's act.
        (
            "Answered Fabiola's question on the group email with 'as I already explained' and a link.",
            "Fabiola",
            "I answered your question on the group email with 'as I already explained' and a link.",
        ),
        # A name ending in -ed is a subject, not a jotted verb.
        (
            "Ahmed asked me about his pay review at the gate. I said 'no rise this year, sorry mate' and drove off.",
            "Ahmed",
            "I said 'no rise this year, sorry mate' and drove off.",
        ),
        # The reply, told as a thing, is the leader's act.
        (
            "Ingrid said the night staffing is too thin. My answer was 'every home is short, we manage.'",
            "Ingrid",
            "I replied 'every home is short, we manage.'",
        ),
        # Being copied in is where the act starts.
        (
            "An email said Beatriz mishandled the delay. I was cc'd, knew she'd followed my procedure, and didn't reply.",
            "Beatriz",
            "I was cc'd, knew you'd followed my procedure, and didn't reply.",
        ),
        # After "her", "without" means it was her: "at you without looking up".
        (
            "Oksana was walking me through her change and I waved a hand at her without looking up.",
            "Oksana",
            "I waved a hand at you without looking up.",
        ),
        # A full stop inside the quotation does not end the jotted sentence.
        (
            'Rejected Kim\'s merge request with one line: "Not ready. Redo the migration." Nothing else.',
            "Kim",
            'I rejected your merge request with one line: "Not ready. Redo the migration."',
        ),
        # ", as a joke" says what the act was: it stays.
        (
            'Introduced Rosa to the volunteers as "our resident drama queen", as a joke. She smiled.',
            "Rosa",
            'I introduced you to the volunteers as "our resident drama queen", as a joke.',
        ),
        # "Fridays" is a day, not a second person: "his" is still theirs.
        (
            "Emailed Yusuf that his flexible Fridays end next month because we need cover.",
            "Yusuf",
            "I emailed you that your flexible Fridays end next month.",
        ),
        # A fault laid on them in the account's words, kept.
        (
            "Posted in the incident channel that the outage happened because Tevita pushed a change without review.",
            "Tevita",
            "I posted in the incident channel that the outage happened because you pushed a change without review.",
        ),
    ],
)
def test_jotted_openings_quotes_and_framed_acts(incident: str, person: str, expected: str) -> None:
    assert extract_act(incident, person) == expected


@pytest.mark.parametrize(
    ("incident", "person", "expected"),
    [
        # What the leader said the cause was is the blame itself, kept.
        (
            "In the sprint review I said the release slipped because Goran's API wasn't ready.",
            "Goran",
            "I said the release slipped because your API wasn't ready.",
        ),
        # A reason of the leader's own is still an excuse, cut.
        (
            "I've cancelled our monthly one-to-ones since the summer because of the refit programme.",
            "Sam",
            "I've cancelled our monthly one-to-ones since the summer.",
        ),
        (
            "In sprint planning I had the devs estimate the fixes without Xochitl, because she was at "
            "another meeting.",
            "Xochitl",
            "I had the devs estimate the fixes without you.",
        ),
    ],
)
def test_blame_said_is_kept_and_an_excuse_is_cut(incident: str, person: str, expected: str) -> None:
    assert extract_act(incident, person) == expected
