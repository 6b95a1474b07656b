"""Detect which kind of rupture an incident describes.

Embeddings from the small default model blur the situations together, so retrieval
mixes vector similarity with the cues found here. Pure Python and regex only: this module is
imported on fast paths and must stay cheap.

Scoring: each situation has weighted cue patterns. A cue either matches or not (matching it
twice adds nothing), and the matched weights are combined as a noisy-OR,
``1 - prod(1 - w)``. That keeps every score in [0, 1], lets several weak cues add up, and
lets two situations score high at once (an interruption usually happens in a meeting).
"""

from __future__ import annotations

import math
import re

# The first five are the original situations; the rest are the finer kinds of rupture named
# in training/GUIDE.md. Order matters only to break ties, so the original five come first.
CORE_SITUATIONS: tuple[str, ...] = ("tense_meeting", "interrupting", "feedback", "withdrawal", "decision")
SITUATIONS: tuple[str, ...] = CORE_SITUATIONS + (
    "credit_taken",
    "cancelled_one_on_ones",
    "humiliating_joke",
    "concern_brushed_off",
    "public_correction",
    "broken_promise",
    "ignored_on_call",
    "harsh_code_review",
    "temper_with_team",
    "dismissive_gesture",
    "sarcasm",
    "micromanaging",
    "excluded",
    "overruled",
    "not_backing_up",
    "confidence_broken",
    "blamed_publicly",
    "after_hours_pressure",
    "favouritism",
    "rushed_hard_news",
)

# Reusable fragments. _WHO: an object pronoun, a group, or any single word (names arrive
# lowercased). _POSS: a possessive, so "her idea" and "dev's idea" both match.
_WHO = r"(?:him|her|them|you|me|us|everyone|everybody|people|the team|the group|\w+(?:'s)?)"
_POSS = r"(?:his|her|their|your|\w+'s)"
# Words that judge a piece of work or a person; strong only when attached to a remark.
_HARSH = r"(?:garbage|rubbish|trash|worst|terrible|awful|useless|lazy|sloppy|mediocre|weak|poor|amateur(?:ish)?|embarrassing|unacceptable|shoddy|pointless|careless|a mess|messy|disappointing|unprofessional|sub-?par|not good enough|missed the point|wrong|naive|childish|clueless)"
# Fragments for the finer kinds. _ONE_ON_ONE: a standing private meeting. _WORK: a piece of
# work someone hands in for review. _AUDIENCE: the people who make a moment public. _GROUP: a
# whole team or shift as the target. _TEMPER: the leader losing their temper.
_ONE_ON_ONE = r"(?:one[- ]on[- ]ones?|one[- ]to[- ]ones?|1[:-]1s?|1on1s?|121s?|check[- ]?ins?|catch[- ]?ups?|(?:weekly|fortnightly|monthly|regular) (?:with \w+|sync|meeting|chat|call)s?|(?:our|my) (?:weekly|fortnightly|monthly|regular)\b)"
_WORK = r"(?:prs?|pull requests?|merge requests?|mrs?|code|commits?|changes?|diffs?|patch(?:es)?|design docs?|designs?|drafts?|docs?|documents?|brief|copy|articles?|chapters?|manuscripts?|specs?|proposals?|mock-?ups?|wireframes?|decks?|slides|reports?|essays?|lesson plans?|scripts?|story|stories|pieces?|write-?ups?|rfcs?|tests?|narratives?|applications?|submissions?|bids?|pitch(?:es)?|thesis|papers?|schemas?|migrations?|queries|query|pipelines?|configs?|layouts?|logos?|summar(?:y|ies)|plans?|budgets?|forecasts?|models?|analys[ie]s|floor plans?|menus?|campaigns?|storyboards?|sketch(?:es)?|illustrations?|prototypes?|dashboards?|notebooks?|scripts?)"
_AUDIENCE = r"(?:everyone|everybody|all|others|the room|(?:the |his |her |their |my |our |a |an |two |three |several |other )?(?:\w+ ){0,2}(?:client|clients|customer|customers|board|team|teams|reports|staff|crew|directors?|vp|ceo|cfo|execs?|executives?|peers|colleagues|students|patients|vendor|prospects?|partners?|stakeholders|interns|class|department|org|floor|group|managers?|leadership|people|cto|coo|cio|founder|owner|chair|md|gm|family|families|parents|guests|auditors?|inspectors?|regulators?|visitors|press|panel|committee|council|residents|public|juniors|trainees|new starters))"
_GROUP = r"(?:the (?:whole|entire) (?:\w+ )?\w+|all of (?:them|you|us)|them all|the lot of them|everyone|everybody|the (?:\w+ ){0,2}(?:team|crew|shift|staff|brigade|kitchen|floor|class|squad|department|group|newsroom|desk|unit|office)|(?:my|our) (?:\w+ )?(?:team|crew|staff|shift|brigade|kitchen|department|squad|class|group|reports))"
_TEMPER = r"(?:lost my (?:temper|cool|rag|head)|lost it|blew up|blown up|went off|exploded|shout(?:ed|ing)?|yell(?:ed|ing)?|scream(?:ed|ing)?|snapp?(?:ed|ing)?|lashed out|had a go|rant(?:ed)?|raged|unloaded|tore into|laid into|flew off the handle|went ballistic|kicked off|bawled out|ripped into|swore(?! to\b)|cursed)"


def _cues(*pairs: tuple[str, float]) -> tuple[tuple[re.Pattern[str], float], ...]:
    # Compile once at import; all matching runs over lowercased text.
    return tuple((re.compile(pattern), weight) for pattern, weight in pairs)


_CUES: dict[str, tuple[tuple[re.Pattern[str], float], ...]] = {
    # Heat in a shared setting: the leader's tone, volume or temper, and the room's reaction.
    "tense_meeting": _cues(
        (r"\bheated\b|\bgot (?:really |very |quite )?(?:heated|tense|personal|ugly)\b", 0.6),
        (r"\bsnap(?:s|ped|ping)?\b", 0.6),
        (r"\braised? my voice\b|\braising my voice\b|\bhard voice\b|\bharsh tone\b", 0.6),
        (r"\b(?:yell|shout|scream)(?:s|ed|ing)?\b|\bshouting match\b", 0.6),
        (r"\blost my (?:temper|cool)\b|\bblew up\b|\blash(?:ed)? out\b|\bflew off the handle\b", 0.65),
        (r"\b(?:very |really |so )?(?:angry|furious|irritated)\b|\bfrustrat(?:ed|ion)\b", 0.35),
        # Sharpness of tone, in the many ways people describe it.
        (
            r"\bbark(?:ed|ing)?\b|\bsnipp?(?:ed|y)\b|\bcurt\b|\bterse\b|\btesty\b|\bshort with\b|\bsharp(?:ly)?\b|\brude\b|\baggressive\b",
            0.5,
        ),
        (
            r"\bboil(?:ed|ing)? over\b|\bgot out of hand\b|\blost it\b|\bexploded\b|\bbit (?:his|her|their) head off\b|\btempers?\b|\b(?:swore|cursed)\b|\bderail(?:ed)?\b",
            0.55,
        ),
        # The leader's own irritation, aimed at people rather than at a task.
        (
            r"\b(?:impatient|annoyed|exasperated|condescending|patroni[sz]ing|snide|cold)\b|\bstop wasting\b|\bshut up\b|\bwhat(?:'s| is) wrong with (?:you|everyone)\b",
            0.45,
        ),
        # Named outbursts and public telling-offs.
        (
            r"\bbull(?:y|ied|ying)\b|\btook it out on\b|\bconfront(?:ation|ed)\b|\bout-?burst\b|\btirade\b|\brant(?:ed)?\b|\bmeltdown\b|\bberat(?:e|ed)\b|\bscold(?:ed)?\b|\bchewed (?:\w+ )?out\b|\btold (?:\w+ )?off\b|\bhad a go at\b|\blaid into\b|\bwent off on\b|\bdressed (?:\w+ )?down\b",
            0.55,
        ),
        (
            r"\bjust to (?:end|stop|get out of) it\b|\bagreed with me just\b|\bnobody (?:dared|wanted) to\b",
            0.35,
        ),
        (
            r"\bblam(?:e|ed|ing)\b|\bthreaten(?:ing|ed)?\b|\bescalat(?:ed|ing)\b|\bdemand(?:ed|ing)\b|\bin a (?:\w+ ){0,2}tone\b|\bmy tone\b",
            0.4,
        ),
        (
            r"\bstress show\b|\bsick of\b|\bfed up\b|\binterrogat(?:e|ed|ion|ing)\b|\bwent sideways\b|\b(?:pound|bang|thump|hit)(?:ed)? (?:on )?the (?:table|desk)\b|\bnobody (?:was|is) taking\b|\bclipped\b|\bnasty\b",
            0.45,
        ),
        (
            r"\bthings i regret\b|\bmood (?:was|went|turned|got) (?:awful|sour|bad|dark|tense|flat)\b|\bvisibly upset\b|\bflinch(?:ed)?\b|\baccus(?:ed|ing)\b",
            0.4,
        ),
        (r"\btens(?:e|ion|ions)\b|\bicy\b|\bstandoff\b|\bhostile\b", 0.5),
        (r"\broom (?:went|go|goes|turned|fell|got) (?:cold|quiet|silent|still)\b", 0.6),
        (r"\b(?:argu(?:e|ed|ing|ment)|clash(?:ed)?)\b", 0.4),
        (
            r"\bslamm?(?:ed|ing)?\b|\bstormed out\b|\bwalked out\b|\bleft (?:the (?:call|meeting|room) )?before the end\b",
            0.45,
        ),
        (r"\blectur(?:e|ed|ing)\b|\bsarcas(?:m|tic)\b|\bdefensive\b|\bloudest\b", 0.35),
        (r"\bin front of (?:everyone|everybody|the (?:whole )?(?:team|room|group)|all)\b", 0.2),
        (r"\b(?:uncomfortable|awkward|scared|intimidat(?:ed|ing))\b|\batmosphere\b", 0.25),
        # Venue alone is weak evidence: most ruptures happen in some meeting.
        (
            r"\b(?:meeting|standup|stand-up|retro|retrospective|all-hands|town hall|offsite|"
            r"workshop|sprint review|planning (?:session|meeting)|q&a|call|sync|huddle|kickoff|kick-off|"
            r"committee|session|ops review|board)s?\b",
            0.15,
        ),
    ),
    # Taking the floor from someone or brushing past their contribution.
    "interrupting": _cues(
        (r"\binterrupt(?:s|ed|ing|ion|ions)?\b", 0.75),
        (r"\bcut(?:ting|s)? " + _WHO + r" off\b|\bcut off\b|\bcut (?:in|across)\b", 0.75),
        (r"\b(?:talk|spoke|speak|talked|talking|speaking)s? over\b", 0.75),
        (r"\bsteamroll(?:ed|ing)?\b|\bbulldoz(?:ed|ing)\b|\bover-?rode " + _WHO + r"\b", 0.5),
        (
            r"\b(?:didn't|did not|don't|wouldn't|never) let "
            + _WHO
            + r" (?:to )?(?:finish|speak|talk|explain|get a word in)",
            0.7,
        ),
        (r"\bget a word in\b|\bwithout letting " + _WHO + r" (?:finish|explain|speak)\b", 0.6),
        (r"\bfinish(?:ed|ing)? " + _POSS + r" sentences?\b", 0.6),
        (r"\bbefore (?:he|she|they|you)(?:'d| had)? (?:even )?finish(?:ed)?\b", 0.45),
        (r"\bjump(?:ed|ing)? in (?:over|on)\b|\bjump(?:ed|ing)? in before\b", 0.6),
        (
            r"\bdismiss(?:ed|ing)? (?:it|"
            + _POSS
            + r" (?:idea|suggestion|proposal|point|input|concern|question))",
            0.6,
        ),
        (r"\bdismiss(?:ed|ive|ing)?\b", 0.3),
        (
            r"\bbrush(?:ed|ing)? (?:aside|off|past)\b|\bwav(?:ed|ing) (?:it |"
            + _WHO
            + r" )?(?:off|away|aside)\b",
            0.6,
        ),
        (r"\bshot down\b|\bshut (?:him|her|them|it) down\b", 0.5),
        (r"\bnever (?:came|come|got) back to (?:him|her|them)\b|\bkept (?:going|talking)\b", 0.45),
        (r"\bas if (?:it|they) (?:were|was) mine\b|\btook credit\b", 0.4),
        (r"\b(?:her|his|their) hand (?:up|raised)\b", 0.25),
        (
            r"\bjump(?:ed|ing)? in (?:while|when|as)\b|\bmid-?sentence\b|\bbutt?(?:ed)? in\b|\bover-?r(?:ode|ide|iding) "
            + _WHO
            + r"\b",
            0.6,
        ),
        (
            r"\bbefore (?:he|she|they) could (?:finish|get to|make|say)\b|\bdidn't (?:hear|let) "
            + _WHO
            + r" (?:out|finish)\b|\bwithout hearing "
            + _WHO
            + r" out\b",
            0.6,
        ),
        (
            r"\bignor(?:ed|ing) "
            + _POSS
            + r" (?:suggestion|idea|point|question|comment|concern|input)s?\b|\blaugh(?:ed)? (?:it |"
            + _WHO
            + r" )?off\b|\brolled my eyes\b",
            0.55,
        ),
        (
            r"\bmoved (?:straight |right )?on\b|\bnext agenda item\b|\bdon't have time for (?:that|this)\b|\btook over "
            + _POSS
            + r" (?:demo|presentation|slot|talk|update|meeting)\b",
            0.4,
        ),
        # Taking someone's turn: answering for them, leaving them no room, changing the subject.
        (
            r"\bbefore (?:he|she|they) (?:had|got|could get) (?:a |the )?chance\b|\b(?:no|any|enough) (?:space|room|chance|airtime|time) to (?:speak|talk|finish|explain|respond|answer|contribute)\b",
            0.6,
        ),
        (
            r"\banswered (?:the|a|his|her|their) question\b.{0,40}\basked\b|\banswered for (?:him|her|them)\b|\bspoke for (?:him|her|them)\b",
            0.55,
        ),
        (
            r"\bstarted talking about something else\b|\bchanged the (?:subject|topic)\b|\bwithout (?:discussing|discussion|listening|hearing (?:it|"
            + _WHO
            + r") out|letting (?:it|"
            + _WHO
            + r") land)\b",
            0.45,
        ),
        (
            r"\b(?:proposed|suggested|pitched|offered|raised)\b.{0,80}\bi (?:said no|shut|dismiss|rejected|brushed|waved|ignored|cut|laughed|said ['\"]?no)\b|\bnot doing that\b",
            0.5,
        ),
        # Blocking someone's attempt to speak, or steering away from their contribution.
        (
            r"\b(?:tried|started|began|wanted) to (?:add|say|speak|explain|finish|answer|respond|chime in|make (?:a|her|his|their) point)\b",
            0.4,
        ),
        (
            r"\b(?:didn't|did not|never|wouldn't) let (?:\w+ ){1,3}(?:finish|speak|talk|explain|answer)\b|\btalked louder\b|\blouder than (?:him|her|them)\b",
            0.65,
        ),
        (
            r"\b(?:take|took|discuss|discussed|deal with) (?:it|this|that) offline\b|\bsteer(?:ed|ing)? (?:the (?:discussion|conversation|meeting) )?back\b|\bnever (?:really )?engaged with\b|\bbrushed past\b",
            0.45,
        ),
        (
            r"\bhold that thought\b|\bnever (?:went|came|got) back to (?:it|that|them)\b|\btalk(?:ed|ing)? (?:right )?through "
            + _POSS
            + r"\b|\binstead of listening\b|\bat "
            + _POSS
            + r" expense\b|\bmock(?:ed|ing)\b",
            0.55,
        ),
        (
            r"\b"
            + _POSS
            + r" (?:idea|ideas|suggestion|point|question|concern|summary|input|objection)\b|\bfloated\b|\bopened (?:his|her|their) mouth\b|\balready moved on\b",
            0.3,
        ),
        (
            r"\bfilled the silence\b|\bpaused to think\b|\bpark (?:that|it|this)\b|\bparking lot\b|\bnever returned to\b|\blost (?:his|her|their) train of thought\b|\bout loud\b",
            0.5,
        ),
        (
            r"\bwhile (?:he|she|they) (?:was|were) (?:presenting|talking|speaking|answering|explaining)\b|\bkept adding\b|\bhalfway through\b",
            0.3,
        ),
    ),
    # Judging someone's work: reviews, critiques, comments on a named piece of work.
    "feedback": _cues(
        (r"\bfeedback\b", 0.7),
        (r"\bcritiqu(?:e|ed|es|ing)\b|\bcritici[sz](?:e|ed|es|ing|m)\b", 0.6),
        (r"\bcritical (?:comments?|remarks?|review|email|message)\b", 0.4),
        (
            r"\bperformance (?:review|conversation|talk)\b|\b(?:mid-?year|annual|year-end) (?:review|check-?in)\b|\bappraisal\b",
            0.6,
        ),
        (
            r"\b(?:tore|tear|tearing|ripped|rip) (?:it |"
            + _POSS
            + r" \w+ )?apart\b|\bpicked (?:it )?apart\b",
            0.65,
        ),
        (
            r"\bcomments? (?:on|about) " + _POSS + r"\b|\b(?:written|review) comments\b|\bmake comments\b",
            0.55,
        ),
        (r"\b(?:code|design|pull request|pr) review\b|\bpull request\b", 0.35),
        (
            r"\btold "
            + _WHO
            + r" (?:that )?(?:the |"
            + _POSS
            + r" )(?:whole )?\w+ (?:was|were|is|are|wasn't)\b",
            0.45,
        ),
        (r"\b(?:sloppy|mediocre|half-baked|amateur(?:ish)?|not good enough|not ready for)\b", 0.45),
        (r"\bwhat was wrong with\b|\bwrong with " + _POSS + r"\b|\bpointed out\b|\bcorrect(?:ed|ing)\b", 0.4),
        (
            r"\bnothing positive\b|\b(?:did|done) well\b|\bwork quality\b|\bquality of " + _POSS + r" work\b",
            0.45,
        ),
        (r"\b(?:too|very|quite|pretty) (?:harsh|blunt|direct|cutting)\b|\bblunt\b", 0.35),
        (
            r"\b(?:unhappy|disappointed) with "
            + _POSS
            + r" (?:work|performance)\b|\bambushed\b|\bmissed deadlines\b",
            0.4,
        ),
        (
            r"\b"
            + _POSS
            + r" (?:report|draft|doc|document|slides|deck|presentation|code|design|figures|numbers|work|proposal|analysis)\b",
            0.15,
        ),
        (r"\breview(?:ed|ing)?\b", 0.15),
        (
            r"\bnotes on\b|\bmark(?:ed)? (?:it )?up\b|\bin red\b|\bred pen\b|\bsent (?:it )?back\b|\bneeds? fixing\b|\bfull of (?:holes|mistakes|errors)\b",
            0.5,
        ),
        (
            r"\b(?:brutal|scathing|withering|nitpick(?:ed|ing|y)?)\b|\blacks? (?:initiative|focus|rigou?r|ownership|attention)\b",
            0.45,
        ),
        (
            r"\b(?:below|didn't meet|did not meet) expectations\b|\bunderperform(?:ing|ance)?\b|\bimprovement plan\b|\brated "
            + _WHO
            + r"\b|\brating\b|\bevaluation\b|\bappraisal\b",
            0.55,
        ),
        (
            r"\bcalled "
            + _WHO
            + r" out\b|\bcalled out "
            + _POSS
            + r"\b|\btore into\b|\bnot up to (?:standard|scratch)\b",
            0.45,
        ),
        # Judging performance in general terms: weaknesses, assessments, a period of someone's work.
        (
            r"\bweakness(?:es)?\b|\bassessment\b|\bcalibration\b|\bwrite-?up\b|\bhanded (?:it |"
            + _POSS
            + r" \w+ )?back\b|\btry again\b|\bmockups?\b",
            0.45,
        ),
        (
            r"\b"
            + _POSS
            + r" (?:quarter|year|performance|output|progress|promotion case)\b|\bimprovements?\b|\bstrengths\b",
            0.35,
        ),
        # A piece of someone's work paired with an evaluative word, or a telling-off about quality.
        (
            r"\b(?:"
            + _POSS
            + r"|the) (?:first |latest |last )?(?:\w+ )?(?:pitch|plan|pack|numbers|figures|spec|estimate|update|ticket|tests?|work|report|draft|deck|slides|code|design|copy|proposal|analysis)\b.{0,40}\b(?:weak|poor|sloppy|careless|lazy|failing|bad|wrong|holes|gaps?|typos|errors|mistakes)\b",
            0.45,
        ),
        (
            r"\bhard time (?:about|over)\b|\b(?:about|over) (?:the |his |her |their )?(?:typos|mistakes|errors|bugs|quality)\b|\bpick(?:ed)? at\b|\bline by line\b|\btold (?:him|her|them) so\b|\btold (?:him|her|them) (?:he|she|they) (?:was|were) (?:failing|not|too|bad|wrong)\b|\bfailing\b",
            0.45,
        ),
        # Any remark that judges someone's work or conduct with a negative evaluative word.
        (
            r"\b(?:said|told \w+|called|wrote|replied|commented|remarked|suggested)\b.{0,60}\b(?:is|was|were|are|looked|looks|seemed)\b.{0,25}\b"
            + _HARSH
            + r"\b",
            0.5,
        ),
        # A harsh word on its own is weak: it must sit next to other feedback cues.
        (r"\b" + _HARSH + r"\b", 0.18),
        (
            r"\battitude\b|\blisted (?:all|every|each)\b|\bthoughts on "
            + _POSS
            + r"\b|\b"
            + _POSS
            + r" (?:errors|mistakes|documentation|docs|writing|roadmap|attitude|behaviou?r)\b",
            0.45,
        ),
        (
            r"\b"
            + _POSS
            + r" (?:review|appraisal|evaluation|rating|scorecard)\b|\bnegative (?:appraisal|review|feedback|rating|comments?)\b|\bnot (?:\w+ )?material\b",
            0.5,
        ),
        (
            r"\breturned "
            + _POSS
            + r" \w+\b|\bcovered in (?:comments|red|notes)\b|\bcomments, most of them\b|\bsarcastic comments?\b",
            0.45,
        ),
        (
            r"\b(?:his|her|their|the) (?:analysis|proposal|copy|draft|report|deck|slides|code|design|pitch|work)\b.{0,40}\b(?:harsh|holes|wrong|weak|poor|bad|fixing|problems)\b",
            0.35,
        ),
    ),
    # Someone pulling back: quiet, absent, off camera, no longer engaging.
    "withdrawal": _cues(
        (r"\b(?:went|gone|go|goes|going|been|very|is|seems) (?:quiet|silent)\b|\bquieter\b", 0.7),
        (
            r"\bstopped (?:speaking|talking|contributing|coming|participating|joining|sharing|replying|answering|engaging|asking)\b",
            0.75,
        ),
        (r"\bcameras? (?:off|turned off)\b|\bturn(?:ed|s)? (?:off )?(?:his|her|their) camera\b", 0.7),
        (
            r"\bwithdr(?:ew|awn|aw|awing|aws)\b|\bpulled back\b|\bdisengag(?:ed|ing)\b|\bchecked out\b|\bshut down\b(?! the)",
            0.65,
        ),
        (
            r"\bhasn't (?:spoken|said|talked|replied)\b|\bhas not (?:spoken|said|talked|replied)\b|\bbarely (?:says|said|speaks|talks)\b",
            0.6,
        ),
        (
            r"\bnot (?:participating|contributing|engaging)\b|(?<!we are )(?<!we're )\bno longer\b|\bdistant\b|\bsilent\b|\bquiet\b",
            0.45,
        ),
        (r"\bkept (?:his|her|their) head down\b|\bnods? along\b|\bavoid(?:s|ing|ed)? me\b", 0.55),
        (r"\bskipped (?:our|the|his|her|their)\b|\bdeclined\b|\bdidn't reschedule\b", 0.35),
        (r"\bdid not answer\b|\bdidn't answer\b|\bonly (?:answers|replies|responds)\b|\bone-word\b", 0.35),
        (
            r"\bsomething (?:shifted|changed)\b|\b(?:don't|do not) know why\b|\bnot sure (?:whether|why|if)\b",
            0.3,
        ),
        (r"\bsince (?:our|the|then|last|two|a|i)\b", 0.15),
        (
            r"\bone-line (?:replies|answers)\b|\bshort replies\b|\bkeep(?:s|ing)? (?:his|her|their) distance\b|\bkeeps? to (?:himself|herself|themselves)\b",
            0.6,
        ),
        (
            r"\bskip(?:s|ped|ping)? (?:the |our |team )?(?:socials?|lunch|drinks|standups?|meetings?|one-to-ones?|1:1s?)\b|\bon mute\b|\bmic(?:rophone)? off\b|\bstopped showing up\b",
            0.5,
        ),
        (
            r"\b(?:less|not as) (?:active|engaged|involved|chatty|talkative|present)\b|\bhasn't volunteered\b|\bnot (?:been )?(?:himself|herself|themselves)\b|\bclosed off\b|\bstand-?offish\b",
            0.55,
        ),
        # Someone else not communicating: a third-person subject with a negated talk verb.
        (
            r"(?<!\bi )\b(?:didn't|hasn't|haven't|hadn't|doesn't|has not|did not|does not|won't) (?:say|said|speak|spoken|speak up|post(?:ed)?|talk(?:ed)?|answer(?:ed)?|repl(?:y|ied)|respond(?:ed)?|contribut(?:e|ed)|shar(?:e|ed)|join(?:ed)?|engag(?:e|ed)|volunteer(?:ed)?|push(?:ed)? back)\b",
            0.5,
        ),
        (
            r"\bunusual for (?:him|her|them)\b|\bhours later\b|\bvery formal\b|\bkeeps? (?:it|things) (?:very )?(?:formal|brief|short)\b|\bmove (?:his|her|their) desk\b|\basked to (?:move|switch|be moved|transfer)\b",
            0.45,
        ),
        (
            r"\bafter (?:our|the|my|that) (?:disagreement|argument|conversation|talk|exchange|clash|comment|feedback|meeting)\b|\bsince (?:the|our) (?:escalation|incident|argument|disagreement|offsite|meeting|review)\b",
            0.3,
        ),
        # A contrast with how they usually are is weak alone, useful next to other cues.
        (r"\b(?:normally|usually|typically|used to)\b", 0.18),
        (r"\b(?:more|much more|very) (?:guarded|careful|reserved|formal|cautious)\b|\bguarded\b", 0.4),
        (
            r"\bhasn't (?:really )?(?:looked|spoken|talked|said|replied)\b|\bleft (?:the )?(?:\w+ ){0,2}early\b|\bturned down\b|\beye contact\b|\bno longer asks\b|\b(?:become|got|gotten|getting) (?:really |very )?(?:short|quiet|distant|curt|formal)\b",
            0.5,
        ),
        (
            r"(?<!\bi )\b(?:has |have |had )?stopped \w+ing\b|\bworks? around me\b|\bscared to\b|\bafraid to\b|\bwary of me\b|\bagrees? with everything\b|\boff sick\b|\b(?:didn't|doesn't|did not) come to\b",
            0.5,
        ),
        (
            r"\banymore\b|\bnow (?:he|she|they) (?:just |only )?\w+|\bseems? (?:scared|afraid|nervous|hesitant|reluctant)\b",
            0.3,
        ),
        (
            r"\bonly (?:communicates|talks|speaks|responds|replies|writes|emails|messages)\b|\bmentally elsewhere\b|\blike before\b|\bhaven't heard (?:a peep|anything|from)\b|\bstatus is (?:always )?away\b|\b(?:doesn't|don't|didn't) offer\b",
            0.5,
        ),
        (
            r"\bseems? (?:flat|off|down|withdrawn|upset|low)\b|\bonly talks to me when\b|\bused to (?:joke|chat|talk|speak|be the first)\b|\bnow (?:she|he|they) only\b|\btaken off the project\b",
            0.45,
        ),
    ),
    # A leadership call that affects people: the choice itself, or how it was rolled out.
    "decision": _cues(
        (r"\bdeci(?:de|ded|des|ding|sion|sions)\b|\bmade the (?:call|choice)\b", 0.65),
        (
            r"\bre-?org(?:anisation|anization|anised|anized|anising|anizing)?s?\b|\brestructur(?:e|ed|ing)\b",
            0.7,
        ),
        (r"\blay-?offs?\b|\blaid off\b|\bredundanc(?:y|ies)\b|\bheadcount\b|\bhiring freeze\b", 0.7),
        (r"\bcancel(?:l?ed|l?ing|s)?\b|\bshelv(?:e|ed)\b|\bscrapp?(?:ed)?\b", 0.45),
        # "Pause" only as a decision about work, not someone pausing to think.
        (
            r"\bpaus(?:e|ed|ing) (?:the|our|their|all|\w+'s) (?:\w+ ){0,2}(?:projects?|work|initiatives?|programs?|programmes?|hiring|rollouts?)\b|\bprojects? to pause\b",
            0.45,
        ),
        (
            r"\breturn to (?:the )?office\b|\brto\b|\bremote (?:work|fridays?|days?)\b|\boffice days?\b|\b\w+ days a week\b",
            0.6,
        ),
        (r"\bpolic(?:y|ies)\b|\bmerg(?:er|e|ed|ing)\b|\brelocat(?:e|ed|ion)\b", 0.55),
        (r"\boverrul(?:e|ed|ing)\b|\bveto(?:ed)?\b", 0.6),
        (r"\bannounc(?:e|ed|ing|ement)\b|\brolled (?:it |this )?out\b|\bswitched to\b", 0.4),
        (r"\b(?:chose|picked|selected|hired|promoted|appointed)\b.{0,60}\bover\b", 0.5),
        (
            r"\bchang(?:e|ed|ing) the (?:rota|schedule|process|plan|structure|priorities|roadmap)\b|\bmov(?:e|ed) the (?:launch|deadline|date|release)\b",
            0.5,
        ),
        (
            r"\bbudget (?:was |got |has been )?cut\b|\bcut the budget\b|\bwithout consulting\b|\bapproved\b",
            0.4,
        ),
        (r"\bright call\b|\bstand by\b|\bthe (?:rota|candidate|role)\b|\binstead of\b", 0.2),
        (
            r"\b(?:froze|freez(?:e|ing)) (?:hiring|pay|salaries|budgets?|raises)\b|\bconsolidat(?:e|ed|ing|ion)\b|\boutsourc(?:e|ed|ing)\b|\boffshor(?:e|ed|ing)\b",
            0.6,
        ),
        (
            r"\bclos(?:e|ed|ing) (?:the|our|a) (?:\w+ )?(?:site|office|branch|team|plant|store)\b|\bshut(?:ting)? down the (?:\w+ )?(?:project|office|site|team|product)\b|\bdiscontinu(?:e|ed|ing)\b|\bsunset(?:ting)?\b|\bdeprioriti[sz](?:e|ed|ing)\b",
            0.6,
        ),
        (
            r"\btook (?:the |his |her |their )?\w+ (?:account|project|client|team|portfolio) away\b|\breassign(?:ed|ing)?\b|\btransferr?(?:ed|ing)\b|\bmoved "
            + _POSS
            + r" team\b|\bmoved (?:him|her|them) (?:to|under|off)\b",
            0.55,
        ),
        (
            r"\bbr(?:oke|eak) the news\b|\bdeliver(?:ed)? the (?:message|news)\b|\b(?:management|leadership|the board|the exec(?:utive)?s?) (?:chose|decided|approved|wants)\b|\bchose to\b",
            0.5,
        ),
        (
            r"\bagainst (?:the team's|their|his|her) (?:recommendation|advice|wishes)\b|\bwithout asking\b|\bcut (?:everyone's |the |our |their )?(?:travel |training |team )?(?:budgets?|bonus(?:es)?|perks|headcount)\b",
            0.45,
        ),
        # Ending or handing out something people valued: programmes, perks, roles.
        (
            r"\b(?:end(?:ed|ing)?|dropp?(?:ed|ing)?|scrapp?(?:ed|ing)?|kill(?:ed|ing)?|ax(?:e|ed|ing)|withdr(?:ew|awn)|revok(?:e|ed|ing)) (?:the|our|their|a) (?:\w+ ){0,3}(?:pilot|program|programme|project|initiative|scheme|perk|arrangement|benefit|budget|allowance|policy|team|product)\b",
            0.6,
        ),
        (
            r"\bflexible (?:hours|working)\b|\bfour-day week\b|\bhybrid\b|\bwork from home\b|\bwfh\b|\bgave the (?:promotion|role|job|position|project|account|lead) to\b|\bagreed to (?:it|the)\b|\bmerged into\b|\bfound out from\b",
            0.35,
        ),
        # The leader setting or changing how things work for the team.
        (
            r"\bi (?:set|introduced|imposed|instituted|brought in|put in place|rolled out|switched|changed|removed|ended|dropped|scrapped|chose|picked|approved|signed off|agreed)\b|\bmy (?:call|choice|decision)\b",
            0.4,
        ),
        (
            r"\b(?:a |the |new )?rule\b|\bno one can\b|\bnobody can\b|\beveryone (?:must|has to|will have to|now has to)\b|\bbring in (?:a|an|external)\b|\bcontractors?\b|\bpromot(?:e|ed|ing) from within\b",
            0.45,
        ),
        (
            r"\bcut the team\b|\bfrom \w+ (?:people )?to \w+\b|\bwho would (?:go|stay|leave)\b|\bovernight\b|\bwithout any (?:discussion|consultation|warning|notice|input)\b",
            0.35,
        ),
        (
            r"\bcut (?:\w+(?:'s)? ){0,3}(?:budgets?|bonus(?:es)?|perks|headcount|hours|pay|allowance)\b|\bbr(?:ought|ing) (?:forward|back) the\b|\btake on (?:a|another|the) \w+\b|\badopt(?:ing|ed)? (?:the|a) new\b|\bsigned (?:the|a) (?:contract|deal)\b|\bbecause i (?:decided|signed|agreed|chose)\b",
            0.5,
        ),
        (
            r"\bcancel (?:their|our) (?:holidays?|leave|vacations?|plans)\b|\btwice the (?:scope|work)\b|\bsame (?:people|headcount)\b|\bscope\b",
            0.35,
        ),
        (
            r"\b(?:we are|we're|we will be) no longer (?:doing|running|holding|funding|offering|going)\b|\bto save (?:money|costs?)\b|\bcost-?cutting\b|\bi didn't ask (?:anyone|them|the team|people)\b|\bmoved (?:the|our) (?:whole )?team\b|\b(?:night|weekend|late|early) shifts?\b|\bshift (?:patterns?|rotas?)\b",
            0.45,
        ),
        (
            r"\bpicked (?:the|a) \w+ (?:vendor|supplier|option|candidate|tool|approach|plan)\b|\bnew (?:process|rule|tool|structure|system|rota|schedule)\b|\bmandat(?:e|ed|ory)\b",
            0.45,
        ),
    ),
    # -- the finer kinds ---------------------------------------------------------------
    # Each kind pairs cues for the act itself (0.4-0.8: the leader's words and deeds) with
    # context that only counts in combination (0.1-0.35: the setting, the audience, the
    # vocabulary of the kind). Most cues that describe someone else's behaviour exclude the
    # leader as subject, so "she skipped our one-to-one" stays withdrawal.
    # Someone else's work or idea presented as the leader's, or the credit left uncorrected.
    "credit_taken": _cues(
        (
            r"\b(?:took|take|taking|takes|claimed|claiming|accepted|got|grabbed|stole|steal|stealing) (?:all |the |full )*credit\b|\bcredit (?:for|that) (?:\w+ ){0,4}(?:was|belonged|should have gone)\b",
            0.8,
        ),
        (
            r"\bas (?:if|though) (?:it|they|the \w+|that) (?:was|were|had been) (?:mine|my (?:own )?\w+|our \w+)\b|\bas (?:my|our) own\b|\bpass(?:ed|ing)? (?:it|them|that|\w+ \w+) off as\b|\bput my (?:own )?name (?:on|to)\b|\bmy name on\b|\bunder my (?:own )?name\b|\bin my name\b",
            0.75,
        ),
        (
            r"\blet (?:them|everyone|everybody|people|him|her|the \w+|my \w+) (?:assume|think|believe|go on thinking)\b|\b(?:didn't|did not|never) (?:correct(?:ed)?|set (?:him|her|them|it|the record) straight)\b",
            0.55,
        ),
        (
            r"\b(?:without|never|not once|didn't|did not) (?:once )?(?:mention(?:ing|ed)?|credit(?:ing|ed)?|nam(?:e|ing|ed)|acknowledg(?:e|ing|ed)|say(?:ing)?|said) (?:\w+ ){0,2}(?:name|names|him|her|them|who (?:did|built|wrote|made))\b",
            0.55,
        ),
        (
            r"\b(?:thanked|congratulated|praised|complimented|credited|applauded) me\b|\bpraise (?:went|came) to me\b|\bi (?:said|told (?:\w+ )?)(?:that )?i (?:had )?(?:found|came up with|designed|built|wrote|created|solved|fixed)\b",
            0.5,
        ),
        (
            r"\bit was (?:\w+|all \w+)(?:'s)? (?:\w+ )?(?:who|work|idea|analysis|model|design|research|doing)\b|\b(?:was|were) (?:all )?(?:his|her|their|\w+'s) (?:work|idea|doing)\b|\b(?:came|come|comes) from \w+\b|\b(?:start to finish|most of|almost all of|the bulk of)\b",
            0.35,
        ),
        (
            r"\b(?:presented|showed|shared|pitched|demoed|walked (?:\w+ )?through|sent|used|reused|forwarded|circulated|submitted|published|posted|took) "
            + _POSS
            + r" (?:\w+ ){0,2}(?:work|idea|analysis|model|design|research|slides|deck|findings|report|proposal|plan|numbers|forecast|fix|solution|flow|prototype|code|dashboard|data|insight|concept|summary|process|method|approach|strategy)\b",
            0.4,
        ),
        (
            r"\bwho (?:came up with|thought of|built|designed|wrote|created|did|found|suggested)\b|\bwhose (?:idea|work)\b|\bsaid ['\"\u201c]?(?:we|i) did\b|\b(?:designed|built|wrote|created|came up with|did|drafted) (?:the )?(?:whole|entire) (?:thing|\w+)\b",
            0.4,
        ),
        (r"\b(?:her|his|their|\w+'s) (?:idea|work|analysis|research|design|findings|model)\b", 0.15),
        # Praise accepted by the leader, and the real author named next to it.
        (
            r"\b(?:great|good|nice|excellent|brilliant|amazing) (?:job|work|stuff) on\b|\bi (?:just )?(?:replied|said|wrote back) ['\"\u201c]?thanks\b|\b(?:accepted|took|soaked up|enjoyed) (?:the |all the )?(?:praise|thanks|applause|compliments?|bow|glory|limelight|spotlight|kudos|award)\b",
            0.45,
        ),
        (
            r"\b(?!i\b)\w+ (?:built|designed|wrote|created|developed|came up with|did|drafted|found|negotiated|made|produced|coded|ran|led|researched|analy[sz]ed|authored|invented|thought of|put together|worked out|cracked|solved) (?:it|all|every|the whole|most|that|those|them|this|the entire|each)\b",
            0.4,
        ),
        (
            r"\blike (?:it|they|that) (?:was|were) (?:my|mine)\b|\bas if i(?:'d| had) (?:built|designed|written|done|made|created|come up with)\b|\b(?:talked|walked) (?:\w+ )?through (?:\w+ ){0,3}like\b",
            0.55,
        ),
        (
            r"\b(?:to|for|with) the (?:investors?|board|execs?|executives?|vp|ceo|cfo|client|clients|directors?|leadership|partners|steering (?:group|committee)|senior \w+)\b",
            0.15,
        ),
        (
            r"\b(?:shout-?out|kudos|thanks|praise|credit|recognition|award|applause|congratulations|bonus) (?:was |went |came )?(?:for|to) (?:me\b|my\b|['\"\u201c]my)|\bsaid ['\"\u201c]?(?:ours|mine|my team|me)\b|\bwhose (?:\w+ )?(?:idea|work|concept|design|plan|proposal|analysis|model|campaign|code|solution|research)\b",
            0.5,
        ),
        (
            r"\bit was (?:\w+'s|his|hers|theirs)\b(?! (?:fault|mistake|error|call|decision|doing|problem|turn|job to))|\b(?!i\b)\w+ (?:had )?(?:spent|put|poured|invested) (?:\w+ ){0,3}(?:months?|weeks?|days?|hours|ages|evenings|weekends|nights) (?:on|into|building|writing|making|developing)\b",
            0.45,
        ),
        (
            r"\b(?:left|took|kept|cut|dropped) (?:his|her|their|\w+'s) name (?:off|out)\b|\b(?:his|her|their|\w+'s) name (?:off|out of|wasn't on|was missing|nowhere)\b|\bwithout (?:his|her|their|\w+'s) name\b",
            0.75,
        ),
        (
            r"\b(?:credit|credited|kudos|shout-?out|recognition|accolades?|limelight|spotlight|game ?changer)\b|\b(?:thanked|congratulated|praised) (?:me|us)\b|\bi (?:just )?smiled\b|\bsaid i was glad\b|\bsmiled and (?:said|nodded|took)\b",
            0.3,
        ),
        (
            r"\b(?:on|in) (?:his|her|their) own time\b|\b(?!i\b)\w+ (?:wrote|built|designed|made|created|did|drafted) (?:it|them|that|those|the \w+)\b",
            0.25,
        ),
        (
            r"['\"\u201c](?:my|mine|our)['\"\u201d]|\b(?:was|were) (?:all|entirely|really|actually|mostly|completely) (?:\w+'s|his|hers|theirs)\b",
            0.55,
        ),
        (
            r"\b(?:great|good|excellent|brilliant|nice|fantastic) (?:work|job|stuff) (?:from|by) me\b|\bas (?:my|our) (?:initiative|idea|work|project|baby)\b|\bi (?:just )?asked for it\b",
            0.5,
        ),
    ),
    # One-on-ones cancelled, moved or skipped, usually more than once.
    "cancelled_one_on_ones": _cues(
        (
            r"(?<!\bshe )(?<!\bhe )(?<!\bthey )(?<!'s )(?<!\bhas )\b(?:cancel(?:l?ed|l?ing|s)?|mov(?:e|ed|es|ing)|push(?:ed|es|ing)?|reschedul(?:e|ed|es|ing)|skipp?(?:ed|ing|s)?|bump(?:ed|ing|s)?|dropp?(?:ed|ing|s)?|postpon(?:e|ed|es|ing)|shift(?:ed|ing|s)?|shorten(?:ed|ing)?|cut short|miss(?:ed|ing)?|forgot|bail(?:ed)? on|no-?show(?:ed)? (?:to|at|for)?)\b.{0,40}"
            + _ONE_ON_ONE
            + r"\b",
            0.75,
        ),
        (
            r"\b"
            + _ONE_ON_ONE
            + r".{0,40}\b(?:cancel(?:l?ed|led)?|moved|pushed|reschedul(?:ed|ing)|skipped|bumped|dropped|postponed|keeps? (?:getting|being) (?:moved|cancel(?:l?ed)|pushed|dropped)|(?:has|have) (?:been )?(?:dropped|cancel(?:l?ed)|moved|skipped))\b",
            0.7,
        ),
        (
            r"\b(?:has(?:n't| not)|have(?:n't| not)|had(?:n't| not)) had (?:a |an |any |our |their |his |her )?(?:proper |real |single )?"
            + _ONE_ON_ONE
            + r"\b|\bsince (?:our|the) last "
            + _ONE_ON_ONE
            + r"\b",
            0.65,
        ),
        (
            r"\b(?:something|another thing|a fire|an emergency) (?:always |keeps? )?(?:comes?|came|coming) up\b|\bthe one (?:i|who) (?:always )?(?:bump|drop|cancel|move|push)\b|\bstop having (?:them|these|our)\b",
            0.5,
        ),
        (
            r"\binstead of (?:having |doing |holding |keeping )?(?:our|the|a|his|her|their|my) (?:\w+ ){0,2}"
            + _ONE_ON_ONE
            + r"\b|\b(?:let's|we'll|we can) (?:catch up|talk|meet|do it) (?:next week|another time|later|tomorrow)\b",
            0.55,
        ),
        (
            r"\b(?:in a row|straight|running|again and again|time after time|every (?:single )?(?:week|time))\b|\b(?:third|fourth|fifth|sixth|several|many|multiple|three|four|five|six|\d+) (?:times|weeks)\b",
            0.25,
        ),
        (r"\bagain\b", 0.1),
        (r"\b" + _ONE_ON_ONE + r"\b", 0.2),
        (
            r"\b(?:haven't|hasn't|have not|has not|hadn't) (?:\w+ )?(?:met|had|sat down|talked|spoken|caught up)\b.{0,25}\b(?:one[- ]to[- ]one|one[- ]on[- ]one|1[:-]1|properly|alone|in private|privately|just the two of us)\b",
            0.6,
        ),
        (
            r"\bfind (?:a |some |another )?reason to (?:move|cancel|skip|push|drop|postpone|shorten)\b|\b(?:every|each) time (?:it's|it is|we're|we are|it gets) (?:in|on|booked|scheduled|in the diary)\b|\b(?:no-?show(?:ed)?|stood (?:him|her|them) up|blew (?:it|him|her|them) off|put (?:it|him|her|them) off)\b",
            0.55,
        ),
        (r"\b(?:in|on|from) the (?:diary|calendar|schedule)\b|\bdiary\b", 0.25),
        (
            r"\bfirst (?:thing|meeting|one|to go|to be dropped)\b.{0,20}\b(?:drop|cancel|move|go|bump|skip)\w*\b|\b"
            + _ONE_ON_ONE
            + r"\b.{0,80}\b(?:drop(?:ped)?|cancel(?:l?ed)?|bump(?:ed)?|skip(?:ped)?)\b",
            0.5,
        ),
        (
            r"\b(?:cancel\w*|reschedul\w*|postpon\w*|bump(?:ed|ing)?|pushed (?:it )?back|moved (?:it|them)|drop(?:ped)? (?:it|them))\b",
            0.2,
        ),
        (r"\bcancel(?:l?ed|l?ing|s)? on (?:him|her|them|\w+)\b", 0.5),
    ),
    # A joke at someone's expense that embarrassed them.
    "humiliating_joke": _cues(
        (
            r"\b(?:made|cracked|told|threw out|tossed off) (?:a |an |some |that )?(?:\w+ )?(?:joke|jokes|crack|quip|gag|dig|wisecrack|pun)\b",
            0.65,
        ),
        (
            r"\bjok(?:e|ed|es|ing)\b.{0,25}\b(?:about|at|that|on)\b|\b(?:at|on) "
            + _POSS
            + r" expense\b|\bmade fun of\b|\bpoke(?:d)? fun\b|\bmock(?:ed|ing)\b|\bridicul(?:e|ed|ing)\b",
            0.65,
        ),
        (r"\bjok(?:e|ed|es|ing|ey|ingly)\b|\b(?:a |the )?crack about\b|\bbanter\b|\bwisecrack\b", 0.35),
        (
            r"\bteas(?:e|ed|es|ing)\b|\broast(?:ed|ing)?\b|\b(?:did|doing) (?:an |my )?impression of\b|\bimitat(?:ed|ing)\b|\bnicknam(?:e|ed|es|ing)\b|\bfor a laugh\b|\b(?:get|got|getting) a laugh\b|\bto be funny\b|\bas a joke\b|\bonly joking\b|\bjust kidding\b|\bkidding\b",
            0.6,
        ),
        (
            r"\b(?:everyone|everybody|people|the (?:room|team|table|others)|they all|the whole \w+) (?:laughed|was laughing|were laughing|cracked up|chuckled|giggled)\b|\blaughed along\b|\bexcept (?:him|her|them)\b|\b(?:he|she|they) didn't (?:laugh|find it funny)\b|\bdidn't land\b",
            0.5,
        ),
        (r"\bcalled (?:him|her|them|\w+) (?:a |an |my |our )?['\"\u201c]\w+", 0.5),
        (
            r"\b(?:embarrass(?:ed|ing)|mortified|humiliat(?:ed|ing)|went (?:bright )?red|turned (?:bright )?red|blush(?:ed|ing)|red in the face|cringe)\b",
            0.35,
        ),
        (r"\b(?:accent|weight|age|appearance|hair|clothes|outfit|typos?|cooking|spelling|height)\b", 0.15),
        (
            r"\b(?:hilarious|funny|amusing|giggl(?:e|ed|ing)|chuckl(?:e|ed|ing)|sniggered|snickered|punchline|prank(?:ed)?|gag (?:award|gift)|fake (?:award|certificate|trophy)|booby prize|most likely to)\b",
            0.3,
        ),
        (
            r"\bfound it (?:hilarious|funny|amusing)\b|\b(?:everyone|everybody|people|they) (?:thought it was|found it) (?:hilarious|funny)\b|\bmost likely to\b",
            0.5,
        ),
        (
            r"\bmust have (?:written|done|made|built|typed|drawn) (?:this|it|that)\b|\bafter a few (?:pints|drinks|beers)\b|\b(?:a child|my (?:kid|son|daughter|dog|cat|nan|gran|grandmother)) could have\b|\bwith (?:his|her|their) eyes closed\b",
            0.45,
        ),
        (
            r"\b(?:at|during|in) (?:the |my |his |her |their )?(?:toast|speech|leaving do|leaving party|awards?(?: dinner| night)?|christmas party|party|team dinner|team lunch|away ?day)\b|\b(?:up )?on the (?:big )?screen\b",
            0.2,
        ),
        (
            r"\bsaid ['\"\u201c][^'\"\u201d]*\b(?:he|she|they)(?:'s| is| was| breaks| can't| never| always| probably| must| couldn't| wouldn't)\b|\bas ['\"\u201c](?:our |the |my )?(?:resident|office|team) \w+",
            0.4,
        ),
        (r"\bin front of (?:" + _AUDIENCE + r")\b", 0.2),
        (
            r"\bposted (?:a |an |this |that )?(?:\w+ )?(?:meme|gif|picture|photo|cartoon|video|sticker)\b|\bcompar(?:ed|ing) (?:him|her|them|\w+(?:'s)?)(?: \w+)? to (?:a |an )?\w+",
            0.5,
        ),
        (
            r"\b(?:meme|gif|emojis?|laughing|lol|lmao|haha|toddler|five-year-old|monkey|grandpa|granny|clown|circus|comedy|comedian)\b",
            0.3,
        ),
        (
            r"\b(?:called|calling|call) (?:him|her|them|\w+) ['\"\u201c]?(?:mr|mrs|miss|ms|little|old|the|our) \w+|\bthe whole team (?:uses|calls|says) it\b|\bit(?:'s| has) stuck\b|\bdid a bit about\b",
            0.5,
        ),
    ),
    # A raised safety, workload or wellbeing concern waved away.
    "concern_brushed_off": _cues(
        (
            r"\b(?:we(?:'ve| have) always (?:managed|coped|been fine|done it)|everyone(?:'s| is) (?:busy|stretched|tired|under pressure|in the same boat|struggling)|we(?:'re| are) all (?:busy|stretched|tired|under pressure)|we all are|not (?:really )?my problem|not my concern|(?:not to|don't) be (?:so )?(?:dramatic|sensitive|negative|paranoid|precious)|overreact(?:ing)?|it(?:'ll| will) (?:calm down|settle|pass|be fine|sort itself out)|toughen up|part of the job|suck it up|man up|deal with it|that's how it is|comes with the (?:job|territory)|stop (?:worrying|complaining|moaning)|you'll be fine|it's fine|knows what (?:they're|they are|he's|he is|she's|she is) doing|(?:they|it|he|she)(?:'ll| will) be (?:fine|ok|okay|alright)|nothing to worry about|i'm sure it's fine|don't worry about it|not to worry|what do you expect|that's the deal|that's the job|that's (?:just )?how it is|that's life|welcome to|goes with the territory|it's (?:summer|winter|(?:just )?(?:a |the )?busy (?:time|season|period)|peak|the season)|(?:you|they) signed up for|(?:he's|she's|they're|it's) just (?:old-fashioned|joking|banter|friendly|like that|his way|her way|being friendly|having a laugh)|that's just how (?:he|she|they) (?:is|are)|don't take it personally|(?:just )?ignore (?:him|her|them|it))\b",
            0.7,
        ),
        (
            r"(?<!\bi )\b(?:flagged|raised|warned|reported|mentioned|brought up|pointed out|told me|said|asked|admitted|confided|emailed me|messaged me|wrote to me|came to me|texted me|warned me|let me know)\b.{0,80}\b(?:unsafe|safety|hazard(?:ous)?|danger(?:ous)?|short-?staffed|understaffed|(?:\w+ )?short\b|burn(?:ing|t|ed)? ?out|burnout|exhausted|overwhelmed|overloaded|too much|workload|stretched|struggling|stress(?:ed|ful)?|not coping|can't cope|sick|injur(?:y|ed)|not realistic|unrealistic|(?:can't|cannot|couldn't) (?:cope|keep up|manage|do|make)|keep up|every (?:weekend|night|evening)|childcare|pickup|pick-?up|brakes|broken|faulty|leak(?:ing)?|wellbeing|well-being|mental health|harass(?:ed|ment)?|sexual|inappropriate|creepy|touch(?:ed|ing)|crash(?:es|ing)?|pain|hurt(?:s|ing)?|ach(?:e|es|ing)|sore|strain(?:ed)?|breaking point|end of (?:his|her|their) tether|can't take (?:any )?more|falling apart|in tears|crying|drowning|loose|scaffold\w*|ladders?|wiring|electrical|fire (?:exit|door|alarm)s?|gas|fumes|slippery|spill|trip hazard|exposed|unguarded|guard|lights? (?:are|were|is|was) (?:out|off|broken)|(?:his|her|their) (?:back|wrist|shoulder|knee|neck|eyes|health|sleep)|too (?:hot|cold|loud|heavy|fast|dark|noisy|much|many)|not sleeping|can't sleep|isn't sleeping|losing sleep|(?:work)?load)\b",
            0.55,
        ),
        (
            r"\b(?:brush|wav|shrug|laugh|bat|swat|pooh-pooh|dismiss)(?:ed|ing)? (?:it|this|that|them|him|her|the \w+|"
            + _POSS
            + r" \w+)?\s?(?:off|aside|away)\b|\bdismiss(?:ed|ing)? (?:it|the (?:\w+ )?(?:concern|worry|warning|issue|risk)|"
            + _POSS
            + r" (?:\w+ )?(?:concern|worry|warning|worries|concerns))\b|\bdidn't take (?:it|that|him|her|them) seriously\b|\bnot (?:take|taking) (?:it|that) seriously\b",
            0.55,
        ),
        (
            r"\b(?:concerns?|worr(?:y|ied|ies)|safety|unsafe|workload|burn(?:ing|t)? ?out|burnout|wellbeing|well-being|overload(?:ed)?|exhausted|short-?staffed|understaffed|overworked|overtime|hazard)\b",
            0.35,
        ),
        (
            r"\b(?:changed the (?:subject|topic)|moved on (?:to|with)|moved (?:straight )?on|carried on|told (?:him|her|them) not to worry|said (?:it was|it's) fine|said we'd (?:manage|cope|be fine))\b",
            0.3,
        ),
        # Handing the problem back to the person who raised it.
        (
            r"\bi (?:said|told (?:him|her|them)|suggested) (?:that )?(?:he|she|they|you) (?:should|could|just need(?:ed|s)? to|had to|ought to) (?:just )?\w+|\btold (?:him|her|them) to (?:just )?(?:restart|ignore|push through|get on with|try harder|stretch|rest|relax|manage|deal with|work around|be patient|wait)\b",
            0.45,
        ),
        (
            r"\blet me know if it happens again\b|\bif it happens again\b|\bkeep an eye on it\b|\bsee how it goes\b|\bwait and see\b|\btold (?:him|her|them) to (?:just )?(?:focus on|concentrate on|get back to|prioriti[sz]e|stick to|keep an eye)\b|\bfocus on the (?:numbers|targets|work|job|deadline)\b|\bnot (?:a|the) priority\b|\bnot (?:now|today)\b",
            0.5,
        ),
        (
            r"(?<!\bi )\b(?:told me|said|mentioned|raised|reported|flagged|warned)\b.{0,80}\b(?:following (?:her|him|them) home|harass\w*|threat\w*|abus\w*|stalk\w*|grop\w*|assault\w*|bull(?:y|ied|ying)|intimidat\w*|scared|afraid|frightened|unsafe|skipping (?:breaks|lunch)|no breaks|missing (?:lunch|breaks)|working through (?:lunch|breaks)|long hours|double shifts|can't (?:sleep|switch off))\b",
            0.55,
        ),
        (
            r"\bi (?:just )?(?:replied|answered|said|wrote back) ['\"\u201c]?(?:noted|ok|okay|fine|sure|thanks|will do|got it)['\"\u201d]?(?: and (?:nothing else|left it|moved on|that was it))?\b|\bnothing else\b|\band left it(?: there)?\b|\b(?:didn't|never|did not) (?:follow up|do anything|look into it|get back to (?:him|her|them))\b|\bdid nothing\b",
            0.45,
        ),
        (
            r"\b(?:sort|fix|look at|deal with|get to|get round to|check) (?:it|that|them) (?:next (?:week|month|quarter|year)|later|another time|after (?:the|launch|christmas|peak)|when (?:we|things|it) \w+)\b|\bjust need to get through\b|\bget through (?:q[1-4]|the (?:quarter|month|launch|season|peak))\b",
            0.5,
        ),
        (
            r"\b(?:tyres?|bald|worn|faulty|damaged|leaking|cracked|frayed|overheating|broken (?:lock|door|window|step|rail|chair|machine))\b",
            0.3,
        ),
        (r"\bthere (?:was|is|'s) (?:nobody|no one|nothing) else\b|\band walked off\b|\bwalked away\b", 0.4),
    ),
    # Correcting someone while others watch: clients, their team, a big call.
    "public_correction": _cues(
        (
            r"\bcorrect(?:ed|ing|s)?\b.{0,70}\b(?:in front of|publicly|in public|out loud|aloud|to the (?:whole )?(?:committee|board|room|group|team|class|meeting)|on the (?:\w+ ){0,2}call|with (?:\w+ ){0,4}(?:watching|listening|there|present)|before the (?:whole )?(?:\w+ )?(?:team|board|room|client|customer|group))\b",
            0.75,
        ),
        (
            r"\b(?:in front of|on the (?:\w+ ){0,2}call with|during (?:the|his|her|their) (?:\w+ )?(?:presentation|update|talk|demo|pitch))\b.{0,70}\bcorrect(?:ed|ing)?\b",
            0.7,
        ),
        (r"\bcorrect(?:ed|ing|s)?\b|\bcontradict(?:ed|ing|s)?\b", 0.4),
        (
            r"\bcontradict(?:ed|ing)?\b.{0,60}\bin front of\b|\bin front of\b.{0,60}\bcontradict(?:ed|ing)?\b",
            0.6,
        ),
        (
            r"\b(?:no|actually|wrong),? (?:that's|that is|it's|it is) not\b|\bthat's not (?:how|what|right|correct|true|the case)\b|\btook over the answer\b|\banswered (?:it )?for (?:him|her|them)\b",
            0.45,
        ),
        (
            r"\bwhile (?:he|she|they|\w+) (?:was|were) (?:still )?(?:answering|presenting|explaining|talking|speaking|responding|pitching|briefing|reading|demoing|teaching)\b|\bout loud\b|\baloud\b",
            0.3,
        ),
        (
            r"\b(?:actually,? (?:that's|that is|it's|it is) (?:not|wrong)|that's (?:not right|wrong|incorrect)|(?:got|had) (?:it|that|the \w+|\w+) wrong|was wrong|were wrong|not quite right|mixed up|muddled|misquoted|misstated|wrong (?:\w+ )?(?:figure|number|date|answer)s?|gave the (?:correct|right|real) (?:answer|number|figure)|explained it (?:properly|correctly|again) myself|put (?:him|her|them) right|set (?:him|her|them) straight)\b",
            0.45,
        ),
        (
            r"\bin front of (?:"
            + _AUDIENCE
            + r")\b|\bwith (?:\w+ ){0,3}(?:people )?watching\b|\bpublicly\b|\bin public\b",
            0.3,
        ),
        (
            r"\b(?:stepped|cut|jumped|butted) in\b|\bstopped (?:him|her|them|\w+) (?:to|and|mid)\b|\bhalfway through\b|\bmid-?(?:sentence|presentation|pitch|demo)\b",
            0.25,
        ),
        (
            r"\bpointed out (?:the |a |an |his |her |their |\w+'s )?(?:\w+ )?(?:typo|mistake|error|bug|slip|problem|inaccuracy|flaw|gap|hole|omission)s?\b|\b(?:jumped|stepped|cut|butted) in to (?:fix|correct|clarify|answer|explain|add|set)\b|\bfix(?:ed)? (?:his|her|their|\w+'s) (?:answer|slide|number|figure|explanation|point|statement)\b|\bmade (?:him|her|them) (?:fix|change|redo|correct|re-?do) it\b",
            0.5,
        ),
        (
            r"\b(?:live|on the spot|there and then|in real time|on screen|mid-?(?:webinar|call|meeting|presentation|sentence|talk|answer|update|review|pitch|demo))\b",
            0.25,
        ),
        (
            r"\b(?:to|in front of|with) (?:an |the |a )?(?:attendees?|audience|viewers|delegates|whole room)\b|\bin front of the (?:whole |entire )?(?:\w+ )?(?:team|room|group|board|floor)\b",
            0.3,
        ),
        (
            r"\binterrupt(?:ed|ing)? (?:\w+ )?to (?:say|correct|point out|fix|clarify|add)\b|\b(?:it|that) was actually\b|\bit's actually\b|\bthe (?:real|right|correct|actual) (?:number|figure|answer|date|price|amount)\b",
            0.45,
        ),
        (
            r"\bin front of\b.{0,60}\b(?:wrong|incorrect|mistaken|not right|mistake|error|inaccurate|mixed up|muddled)\b|\b(?:wrong|incorrect|mistaken|mistake|error|mixed up|muddled)\b.{0,60}\bin front of\b",
            0.6,
        ),
        (
            r"\bin the middle of (?:his|her|their|the) (?:\w+ )?(?:demo|presentation|talk|pitch|answer|update|session|lesson|class|briefing|report|speech)\b",
            0.35,
        ),
        (
            r"\bto tell (?:the|a|our|his|her|their) (?:\w+ )?(?:client|customer|prospect|audience|board|room|team|group|panel|committee|parents?|patient|family|class) (?:that )?(?:he|she|they)(?:'d| had| was| were| got)\b",
            0.55,
        ),
    ),
    # A commitment the leader made and did not keep.
    "broken_promise": _cues(
        (
            r"\bpromis(?:e|ed|es|ing)\b|\bgave (?:him|her|them|\w+) my word\b|\bmy word\b|\bi swore\b|\bswore to\b|\bvowed\b|\bpledged\b|\bguaranteed\b",
            0.6,
        ),
        (
            r"\b(?:said|told(?: \w+){0,2}|committed|agreed|offered|assured(?: \w+)?) (?:that )?(?:i|we)(?:'d| would| will|'ll| was going to| were going to)\b|\bcommitted to\b|\bi(?:'d| had) (?:offered|agreed|volunteered) to\b|\bi agreed to let\b|\b(?:agreed|said) (?:that )?(?:she|he|they) could\b|\btold \w+ (?:she|he|they) could (?:have|take|go|leave|work|start|keep)\b|\btold \w+ (?:she|he|they)(?:'d| would) (?:get|have|be|lead|receive|go|see)\b|\btold \w+ (?:his|her|their) (?:\w+ ){1,2}would\b",
            0.4,
        ),
        (
            r"\b(?:still )?(?:haven't|hasn't|have not|has not|didn't|did not|never) (?:actually |even |once )?(?:done|delivered|followed (?:up|through)|raised it|raise it|raised|brought it up|opened|got(?:ten)? (?:round|around) to|happened|come through|came through|made it happen|put (?:it|him|her|them) forward|put in|submitted|scheduled|booked|sorted|chased)\b|\bstill (?:haven't|hasn't|no|nothing|waiting|not)\b|\bthere(?:'s| is) (?:still )?(?:no one|nobody|nothing|no sign|no \w+)\b",
            0.45,
        ),
        (
            r"\bbacked out\b|\bwent back on\b|\bfell through\b|\bforgot (?:to|about)\b|\bdidn't follow through\b|\bnever happened\b|\bdropped the ball\b|\blet it slide\b|\bpulled (?:it|the \w+|out)\b|\bchanged my mind\b|\btook it back\b|\bthen (?:asked|told|cancelled|called|made) (?:him|her|them|\w+)\b|\bthen (?:quietly |just )?(?:dropped|cancell?ed|pulled|shelved|forgot|scrapped|cut) (?:it|that|the \w+)\b|\bquietly dropped\b|\bat the last minute\b|\blast-minute\b|\b(?:wasn't|isn't|was no longer|is no longer) possible\b|\bany ?more\b.{0,5}$|\bafter all\b",
            0.45,
        ),
        (
            r"\b(?:months?|weeks?|a year|quarters?) (?:ago|later|on)\b|\b(?:it's|it is) (?:now )?(?:january|february|march|april|may|june|july|august|september|october|november|december)\b|\bby (?:now|the end of)\b|\bin (?:january|february|march|april|may|june|july|august|september|october|november|december|q[1-4])\b",
            0.25,
        ),
        (
            r"\bstill (?:working (?:round|around)|waiting|without|stuck|using|living with|haven't|hasn't|not|no|broken|on hold)\b|\bthat was (?:in |back in |last )?(?:january|february|march|april|may|june|july|august|september|october|november|december|spring|summer|autumn|winter|the spring|last year|months ago)\b|\b(?:before|by) (?:christmas|the summer|the new year|easter|(?:the )?end of (?:the )?(?:month|quarter|year))\b",
            0.4,
        ),
    ),
    # Someone ignored on a call or in a meeting: a raised hand, a chat question, no turn.
    "ignored_on_call": _cues(
        (
            r"\bhands? (?:icon |emoji )?(?:was |were |stayed |had been |went )?(?:up|raised)\b|\braised (?:his|her|their) hands?\b|\braise(?:d)? hands?\b|\bhand-?raise|\bvirtual hand\b|\bhand icon\b",
            0.55,
        ),
        (
            r"\b(?:never|didn't|did not|forgot to|failed to) (?:call|come back) (?:on|to) (?:him|her|them|\w+)\b|(?:\bi|\band|\bthen) (?:\w+ )?skipp?(?:ed|ing) (?:over )?(?:him|her|them|\w+)\b(?! (?:lunch|breaks?|the|our|a|it|my|work))|\bwent (?:round|around) the (?:room|table|group|circle)\b|\bleft (?:him|her|them|\w+) out of the (?:round|updates)\b|\bnever (?:got|gave (?:him|her|them)) (?:a|his|her|their) (?:turn|chance|say)\b",
            0.6,
        ),
        (
            r"\b(?:in|on|into) the (?:\w+ )?chat\b|\bchat (?:messages?|questions?)\b|\bquestions? in (?:the )?chat\b|\b(?:typed|posted|put|dropped|left|raised) (?:a |his |her |their |the |two |three |several )?(?:\w+ )?(?:questions?|comments?)\b",
            0.35,
        ),
        (
            r"\b(?:scrolled|skipped|went|read|moved|looked) (?:right |straight )?past (?:it|them|him|her|his|their|the)\b|\bkept moving (?:on )?to the next\b|\bmoved on to the next (?:person|speaker|item|slide)\b",
            0.6,
        ),
        (
            r"\b(?:didn't|did not|never|nobody|no one|none of us) (?:\w+ )?(?:respond(?:ed)?|answer(?:ed)?|repl(?:y|ied)|acknowledg(?:e|ed)|pick(?:ed)? (?:it|that) up|see|saw|notice|noticed|call(?:ed)? on)\b|\bunanswered\b|\bwent unanswered\b|\bpretended not to (?:see|hear|notice)\b|\bignor(?:ed|ing) (?:him|her|them|\w+|it|the)\b",
            0.45,
        ),
        (
            r"\b(?:zoom|teams|google meet|webex|video call|conference call|the call|on the call|webinar|on mute|unmut(?:e|ed|ing)|muted|breakout)\b",
            0.2,
        ),
        (
            r"\b(?:carried on|kept going|just kept|ploughed on|plowed on|pressed on|talked right past|kept clicking|kept presenting|went on with)\b",
            0.35,
        ),
        (r"\b(?:tried|trying|kept trying|wanted) to (?:say|ask|speak|add|come in|get in|chime in)\b", 0.25),
        (
            r"\bunmut(?:ed|ing)\b.{0,30}\bto (?:ask|say|speak|add|come in|answer|object|raise)\b|\b(?:tried|trying|kept trying|wanted|waiting|waited) to (?:ask|say) something\b",
            0.5,
        ),
        (
            r"\b(?:without|never|didn't|did not) (?:ever )?(?:getting|got|get|coming|came|come) (?:round |back )?to (?:him|her|them)\b|\b(?:closed|ended|wrapped up|finished) the (?:call|meeting|session|webinar)\b",
            0.45,
        ),
        (r"\bkept (?:talking|presenting|going|reading)\b|\btalked (?:right )?(?:on|through)\b", 0.3),
        (
            r"\b(?:never|didn't|did not|forgot to) (?:even )?(?:looked?|read|check(?:ed)?|see|saw|got to|opened) (?:at )?(?:the |his |her |their |any )?(?:\w+ ){0,2}(?:questions?|chat|hands?|comments?|messages?)\b|\b(?:remote|online) (?:people|attendees|colleagues|staff|team|participants|folks)\b|\bdialled in\b|\bdialed in\b|\bon the line\b",
            0.5,
        ),
        (
            r"\b(?:kept|keep) (?:going|calling) (?:round|on|back to) the same\b|\bthe same (?:two|three|four|few) people\b|\b(?:tried|trying|kept trying) to get a word in\b",
            0.5,
        ),
    ),
    # A review of someone's code, design or draft that was harsh or contemptuous.
    "harsh_code_review": _cues(
        (
            r"\b(?:code|design|pr|pull request|merge request|doc|draft|peer|copy|editorial|manuscript|script) reviews?\b|\breview(?:ed|ing)? (?:of )?"
            + _POSS
            + r" (?:\w+ )?"
            + _WORK
            + r"\b|\b(?:pr|pull request|merge request|mr) (?:comments?|review|thread)\b",
            0.55,
        ),
        (
            r"\b(?:comments?|notes?|remarks?|review|annotations?|markups?) (?:on|in|to|across|all over) (?:the )?"
            + _POSS
            + r" (?:\w+ ){0,2}"
            + _WORK
            + r"\b",
            0.55,
        ),
        (
            r"\b(?:left|wrote|added|put|posted|scrawled|scribbled) (?:a |an |the |some |my |\d+ |twenty |dozens of |loads of |a (?:few|couple|dozen|bunch) (?:of )?|several |many )?(?:\w+ )?(?:comments?|notes?|review|remarks?|annotations?)\b",
            0.45,
        ),
        (
            r"\b(?:margins?|margin notes|red pen|in red|red ink|written across|across the top|track(?:ed)? changes|every (?:line|page|paragraph)|(?:covered|full) (?:in|of) (?:\w+ )?(?:comments|notes|red))\b",
            0.4,
        ),
        (
            r"\b(?:did you even|seriously\??|who (?:approved|wrote|thought|let|signed off)|makes no sense|start (?:again|over)|from scratch|junior-?level|(?:is|was) this (?:a joke|serious)|what (?:is|was) this|nonsense|brutal(?:ly)?|scathing|savage|contemptuous|condescending|withering|cutting|nitpick(?:ed|ing|y)?|lgtm)\b|\b(?:reads|read|looks|looked) like (?:a |an )?(?:child|kid|first-?year|student|intern|junior|school|amateur|beginner)\w*\b",
            0.45,
        ),
        (r"\b(?:my|the) (?:written )?review\b|\b" + _WORK + r" review\b", 0.25),
        (
            r"\b(?:sent|handed|gave|kicked|bounced) (?:it )?back "
            + _POSS
            + r" (?:\w+ ){0,2}"
            + _WORK
            + r"\b|\breturned "
            + _POSS
            + r" (?:\w+ ){0,2}"
            + _WORK
            + r"\b|\bmy only comment\b",
            0.45,
        ),
        (
            r"\b(?:commented|wrote|noted|scrawled|scribbled|annotated|replied|responded|added|left|said|notes like|comments like)\b[^.]{0,25}['\"\u201c][^'\"\u201d]{0,40}\b"
            + _HARSH
            + r"\b",
            0.5,
        ),
        (
            r"\b(?:marked up|red-?lined|redlined|tore apart|shredded|ripped apart|savaged|trashed|slated|butchered) "
            + _POSS
            + r" (?:\w+ ){0,2}"
            + _WORK
            + r"\b|\bdid nobody teach you\b|\bdo you even know\b|\bwho taught you\b|\bhave you ever (?:heard|used|written)\b",
            0.5,
        ),
        (
            r"\b(?:press releases?|newsletters?|posters?|memos?|minutes|contracts?|clauses?|lessons?|pages?|chapters?|copy)\b",
            0.15,
        ),
        (
            r"\b(?:wrote|left|put|posted|commented|scrawled) (?:[^.]{0,40}) on "
            + _POSS
            + r" (?:\w+ ){0,2}"
            + _WORK
            + r"\b|\bas the subject line\b",
            0.5,
        ),
    ),
    # Losing one's temper with the whole team rather than one person.
    "temper_with_team": _cues(
        (r"\b" + _TEMPER + r"\b.{0,40}\b" + _GROUP + r"\b", 0.75),
        (
            r"\b"
            + _GROUP
            + r"\b.{0,30}\b(?:got|received|took|caught) (?:the same |an? |the )?(?:lecture|earful|rant|dressing-?down|telling-?off|blast|roasting|tirade|shouting)\b|\beveryone got\b|\bwe all got\b|\bin (?:all )?caps\b|\ball-?caps\b",
            0.55,
        ),
        (r"\b" + _TEMPER + r"\b", 0.45),
        (
            r"\b(?:bunch of|pack of|you lot|you people|the worst (?:team|crew|brigade|shift|group)|(?:they|you) (?:were|are) (?:all )?(?:useless|hopeless|amateurs|idiots|a joke|pathetic|lazy))\b",
            0.45,
        ),
        (r"\b" + _GROUP + r"\b", 0.25),
        (
            r"\b(?:swore|yelled|shouted|screamed|snapped|raged|cursed) at (?:them|all of them|them all|everyone|everybody|the lot)\b",
            0.55,
        ),
    ),
    # Eye-rolls, sighs, phone-checking: a gesture that says "not worth my attention".
    "dismissive_gesture": _cues(
        (r"\broll(?:ed|ing)? my eyes\b|\beye[- ]?roll(?:s|ed|ing)?\b|\brolled (?:my )?eyes\b", 0.8),
        (
            r"\bsigh(?:ed|s|ing)?\b|\bgroan(?:ed|s|ing)?\b|\btutt?(?:ed|ing)?\b|\bscoff(?:ed|ing)?\b|\bsnort(?:ed|ing)?\b|\bsmirk(?:ed|ing)?\b|\bshook my head\b|\bshaking my head\b|\blaughed under my breath\b|\byawn(?:ed|ing)?\b|\b(?:crossed|folded) my arms\b|\bdrumm(?:ed|ing) my fingers\b|\bpulled a face\b|\bmade a face\b|\bgrimac(?:ed|ing)\b|\bthrew my head back\b|\bthrew up my hands\b|\bthrew my hands up\b|\bput my head in my hands\b",
            0.6,
        ),
        (
            r"\b(?:on|at|checking|check|checked|scroll(?:ed|ing)?(?: through)?|looking at|looked at|glanc(?:ed|ing) at|typing (?:on|away on)|tapping (?:at|on)|answering|replying to|reading) (?:my )?(?:phone|email|emails|inbox|messages|slack|laptop|watch|screen|notifications|texts)\b|\b(?:at|checked|checking|watching|watched) the (?:clock|time)\b|\bglanc(?:e|es|ed|ing) at (?:the |my )?(?:clock|watch|phone|time|door)\b|\bon my (?:phone|laptop)\b|\b(?:answered|took) (?:a |an )?(?:email|call|text|message)s? (?:while|during)\b|\bmulti-?task(?:ed|ing)\b",
            0.6,
        ),
        (r"\bscroll(?:ed|ing)\b(?! past)", 0.35),
        (
            r"\bwhile (?:he|she|they|\w+) (?:was|were) (?:\w+ )?(?:speaking|talking|presenting|explaining|walking us through|sharing|asking|answering|pitching|describing)\b|\bthe whole time (?:\w+ ){0,3}(?:spoke|talked|presented|explained)\b",
            0.3,
        ),
        (r"\b(?:loud enough|audibly|visibly|out loud|noticed|saw (?:me|it|that))\b", 0.2),
        (
            r"\b(?:turned away|looked away|looked out of the window|didn't look up|never looked up|not looking at (?:him|her|them))\b",
            0.45,
        ),
        (
            r"\bpfft\b|\btsk\b|\bhuff(?:ed|ing)?\b|\b(?:leaned|sat|rocked|rolled|tipped) back in my chair\b|\bslumped\b|\blooked bored\b|\bzoned out\b|\bmade a (?:\w+ )?(?:noise|sound)\b|\b(?:looked|stared) (?:at|up at) the ceiling\b|\blooked out (?:of )?the window\b|\bdrummed\b|\bfidget(?:ed|ing)\b",
            0.55,
        ),
        (
            r"\bwhen (?:he|she|they|\w+) (?:suggested|proposed|asked|raised|brought up|mentioned|started|began|offered|pitched)\b",
            0.15,
        ),
        (
            r"\bevery time (?:he|she|they|\w+) (?:speaks|talks|presents|asks|starts|opens (?:his|her|their) mouth)\b|\b(?:visibly|obviously|clearly) (?:bored|uninterested|impatient|distracted|annoyed)\b",
            0.35,
        ),
        (
            r"\b(?:was|were) (?:\w+ )?(?:explaining|presenting|speaking|talking|walking (?:me|us) through|pitching|sharing)\b.{0,60}\bi (?:\w+ ){0,4}(?:texting|typing|emailing|scrolling|on my phone|on my laptop|checking|answering)\b|\bthe whole (?:time|meeting|call|presentation) (?:texting|typing|emailing|scrolling|on my phone|on my laptop|checking)\b",
            0.6,
        ),
    ),
    # Answering someone with sarcasm.
    "sarcasm": _cues(
        (r"\bsarcas(?:m|tic|tically)\b|\bsnark(?:y|ily)?\b", 0.5),
        (
            r"\b(?:was|got|being|were) (?:a bit |really |very |quite )?(?:sarcastic|snarky|snide|facetious|flippant) (?:with|to|towards|about|in)\b|\bsarcastic (?:reply|replies|response|answer|remark|comment|tone|note|message)\b",
            0.5,
        ),
        (
            r"\boh (?:great|sure|wonderful|brilliant|perfect|fantastic|good|lovely|excellent|yes)\b|\bwow,? (?:what|thanks|great|so|such)\b|\bnice of you to\b|\bthanks for (?:nothing|joining|finally|gracing)\b|\bso (?:well|brilliantly|nicely)\b|\bwhy not (?:just )?(?:take|make|do|have)\b|\bwhat a (?:groundbreaking|brilliant|great|novel|genius|shock|surprise|concept|revelation|idea)\b|\bgood one\b|\bgenius\b|\bbig surprise\b|\bshocker\b|\bhow original\b|\bmust be nice\b|\bglad you could (?:make|join)\b|\blook who(?:'s| is)\b|\bi'll just (?:tell|ask|pull|magic|conjure|invent|make)\b|\bsure,? (?:why not|because|i'll)\b|\byeah,? right\b|\bno pressure\b|\bclearly\b",
            0.6,
        ),
        (
            r"\b(?:replied|answered|responded|said|wrote|quipped|shot back|retorted)\b[^.]{0,30}['\"\u201c]",
            0.2,
        ),
        (
            r"\baren't you (?:a |the )?\w+\b|\bwell done(?:,)? you\b|\bgood for you\b|\bhow (?:nice|kind|lovely|thoughtful|generous) of you\b|\blucky you\b|\bwho knew\b|\bwhat a (?:shock|surprise)\b|\bcaptain obvious\b|\bno kidding\b|\bstop time\b|\b(?:i'll|we'll) just (?:\w+ )?(?:stop|invent|magic|conjure|pull|print|clone|freeze|tell|ask|make|move|cancel)\b|\bshall i (?:also |just )?\b|\bwould you like me to\b|\bdo you want me to (?:do|hold|write|finish|wipe)\b|\bwhy don't i just\b|\b(?:in|with) (?:a|that) (?:\w+ )?tone\b|\btone that made it clear\b|\bmocking(?:ly)?\b|\bsneer(?:ed|ing)?\b",
            0.55,
        ),
        (
            r"['\"\u201c](?:well|oh|wow|sure|great|right|yeah|brilliant|fantastic|lovely|nice|no|gosh|ooh),? ",
            0.35,
        ),
        (
            r"\bonly (?:\w+ ){1,2}(?:late|overdue|behind)\b|\bnice of you\b|\bwhile you're at it\b|\bwhy don't you (?:just )?(?:take|have|go|do)\b|\bdon't (?:strain|hurt) yourself\b|\bno rush\b|\btake your time\b",
            0.5,
        ),
        (
            r"['\"\u201c][^'\"\u201d]{1,60}\?['\"\u201d]|\bwhich (?:friday|monday|tuesday|wednesday|thursday|week|year|month|century|decade|lifetime)\b|\bcongratulations on (?:\w+ing|finally)\b",
            0.45,
        ),
        (
            r"['\"\u201c][^'\"\u201d]{0,20}\b(?:oh|wow|sure|great|nice|well done|congratulations|thanks|brilliant|genius|fantastic|lovely|amazing|impressive|bravo|cheers)\b|\bfinally\b",
            0.3,
        ),
    ),
    # Taking over or redoing someone's work without asking.
    "micromanaging": _cues(
        (
            r"\bi(?:'ve| have| was| had| am|'m)? (?:been |kind of |basically )?micro-?manag(?:e|ed|ing)\b|\bmicro-?manag(?:e|ing) (?:him|her|them|\w+)\b",
            0.8,
        ),
        (r"\bmicro-?manag\w*\b", 0.4),
        (
            r"(?<!\bto )\b(?:re-?did|re-?done|re-?do(?:ing)?|re-?wrote|re-?writ(?:e|ing|ten)|re-?built|re-?buil(?:d|ding)|re-?work(?:ed|ing)|re-?ran|re-?made|re-?edited|fixed up|tidied up|overwrote|overwriting|reformatted)\b(?! (?:my|our) own)",
            0.5,
        ),
        (
            r"(?<!\bto )\b(?:re-?did|re-?do(?:ing)?|re-?wrote|re-?writ(?:e|ing)|re-?built|re-?buil(?:d|ding)|re-?work(?:ed|ing)|took over|taken over|tak(?:e|ing) over|changed|edited) (?:the )?(?:entire |whole |all of )?(?:"
            + _POSS
            + r"|the \w+ (?:he|she|they)(?:'d| had)) (?:\w+ ){0,3}(?:\w+)\b",
            0.6,
        ),
        (
            r"\b(?:took|take|taking|taken) (?:over|the (?:keyboard|mouse|wheel|controls|pen|marker|lead) (?:from|off))\b|\bgrab(?:bed|bing)? the (?:keyboard|mouse|pen|marker|laptop)\b|\b(?:do|did|doing|finish(?:ed|ing)?) (?:it|them|the \w+|(?:his|her|their) \w+) myself\b|\bmy (?:own )?version\b|\bsent mine\b|\bused mine\b|\binstead of (?:letting|leaving) (?:him|her|them|\w+)\b",
            0.55,
        ),
        (
            r"\b(?:check(?:ed|ing)?|review(?:ed|ing)?|approv(?:e|ed|ing)|read(?:ing)?|edit(?:ed|ing)?|rewrit(?:e|ing)|chang(?:e|ed|ing)|correct(?:ed|ing)?|fix(?:ed|ing)?|tweak(?:ed|ing)?|redo|redid) every (?:single )?(?:\w+ )?(?:email|line|message|ticket|decision|change|step|slide|word|reply|post|draft|report|formula|cell|number|sentence|detail|figure|pixel|comma)s?\b|\b(?:sat|stood|hung) (?:with|over|behind) (?:him|her|them|\w+) (?:while|as|the whole)\b|\bhover(?:ed|ing)?\b|\bbreathing down\b|\bover (?:his|her|their|\w+'s) shoulders?\b|\bstood over\b|\bsign off on everything\b|\bcc me on everything\b",
            0.6,
        ),
        (
            r"\bwithout (?:asking|telling|checking with|consulting|talking to|a word to) (?:him|her|them|\w+)\b|\b(?:didn't|did not|never) (?:ask|tell|check with) (?:him|her|them|\w+) (?:first|before)\b|\bbehind (?:his|her|their) back\b|\bquietly\b",
            0.3,
        ),
        (
            r"\b(?:was|is|had been) (?:leading|running|doing|handling|managing|in charge of|responsible for|owning)\b",
            0.2,
        ),
        (
            r"\b(?:it|them|the (?:\w+ )?\w+|everything|the whole thing) myself\b|\bended up (?:doing|leading|running|taking|handling|writing|presenting|fixing|finishing|chairing|facilitating|redoing|rewriting)\b",
            0.5,
        ),
        (
            r"\b(?:was|were) (?:meant|supposed|going|due|set) to (?:run|lead|do|present|handle|own|chair|facilitate|write|draft|manage|deliver)\b|\bit was (?:his|her|their|\w+'s) (?:project|task|job|workshop|meeting|piece|call|work)\b|\b(?:runs|owns|leads|manages|is in charge of) (?:\w+ )?(?:social|the \w+|it|that|this)\b",
            0.35,
        ),
        (
            r"\bcc'?(?:ing|ed|'d)? myself\b|\bcopy(?:ing)? myself\b|\b(?:answering|replying|responding|jumping in|stepping in|doing it) (?:\w+ ){0,3}before (?:he|she|they) (?:can|could|had a chance|got)\b|\bon every (?:email|call|message|decision|thread|ticket|meeting)\b|\b(?:is|was) the lead on\b",
            0.5,
        ),
        (
            r"\b(?:re-?wrote|re-?did|re-?worked|changed|edited|re-?built|re-?made|redrafted) the (?:\w+ ){1,2}(?:that )?(?!i\b)\w+ (?:had |'d )?(?:prepared|written|drafted|made|built|planned|designed|put together|created|done|set up)\b",
            0.6,
        ),
        (
            r"\b(?:go|goes|went|going) (?:back )?in (?:afterwards|after|later|behind (?:him|her|them)) and (?:change|move|fix|redo|edit|tweak|rewrite|adjust|redo)\w*\b|\btelling (?:him|her|them) (?:exactly )?how to\b|\bmove (?:people|things|it|them|everything|shifts) around\b",
            0.55,
        ),
        (
            r"\bevery time (?:he|she|they|\w+) (?:makes|does|writes|sends|builds|plans|creates|drafts|sets up|puts together|designs)\b",
            0.35,
        ),
        (
            r"\bkeep (?:re-?writing|re-?doing|changing|editing|fixing|correcting|tweaking|re-?working|adjusting|checking) (?:the|his|her|their|\w+'s|everything|all)\b",
            0.5,
        ),
        (
            r"\b(?:made|make|making|had|have|got|asked|told) (?:him|her|them|\w+) (?:to )?(?:send|show|run|copy|cc|forward|check) (?:me|everything|every|it past me|all)\b|\bfor (?:my )?(?:approval|sign-?off)\b|\b(?:send|show|run|forward) (?:me|it past me) (?:every|all|everything)\b",
            0.5,
        ),
        (
            r"\breassign(?:ed|ing)? (?:his|her|their|\w+'s) (?:\w+ )?(?:tickets|tasks|work|jobs|cases|shifts|leads|accounts)\b",
            0.55,
        ),
        (
            r"\b(?:logging|logged|going|went|getting|got) (?:in)?to (?:his|her|their|\w+'s) (?:\w+ )?(?:board|account|spreadsheet|system|inbox|calendar|files|doc|tracker|queue)\b",
            0.55,
        ),
        (r"\bmy (?:own )?way\b|\bkept (?:jumping|stepping|butting) in\b|\bkept taking over\b", 0.45),
    ),
    # Leaving someone out of a meeting, thread or decision that was theirs.
    "excluded": _cues(
        (
            r"\bleft (?!(?:his|her|their|\w+'s) name\b)(?:\w+ ){1,2}(?:out|off)\b(?! (?:early|the office|work|that))|\b(?:was|were|got|felt|been|being) left out\b|\bleaving (?:\w+ ){1,2}(?:out|off)\b(?! early)|\bcut (?:him|her|them|\w+) out\b|\bfroze (?:him|her|them|\w+) out\b",
            0.6,
        ),
        (
            r"\b(?:wasn't|was not|weren't|were not|isn't|hadn't been|not) (?:even )?(?:invited|included|consulted|involved|looped in|copied|cc'?d|asked|told|there|part of|in on|in the room|on the (?:invite|thread|call|list|email|cc|distribution|chain|channel|agenda))\b|\b(?:didn't|did not|never|forgot to) (?:even )?(?:invite|include|loop|involve|cc|copy|add|consult) (?!that\b|it\b|this\b|the\b|a\b|to\b|any\w*\b|up\b|more\b)(?:him|her|them|\w+)\b|\bwithout (?:inviting|including|looping|involving|consulting|copying|cc'?ing) (?:him|her|them|\w+)\b|\b(?:nobody|no one|none of us) (?:\w+ ){0,2}(?:ask(?:ed)?|invit(?:e|ed)|includ(?:e|ed)|tell|told|consult(?:ed)?|loop(?:ed)?|involv(?:e|ed)) (?:him|her|them)\b",
            0.6,
        ),
        (
            r"\b(?:set|decided|agreed|made|planned|drawn up|drew up|finali[sz]ed|signed off) by me (?:and|with)\b|\bfor (?:his|her|their|\w+'s) (?:own )?(?:department|team|area|unit|project|product|service|ward|store|site|patch|account)\b",
            0.35,
        ),
        (
            r"\bloop(?:ed|ing)? (?:him|her|them|\w+) in\b|\bout of the loop\b|\bin the loop\b|\bwent ahead without\b|\bwithout (?:him|her|them)\b|\b(?:met|decided|made|held|ran|had) (?:\w+ ){0,8}without (?:him|her|them|\w+)\b|\bbehind (?:his|her|their) back\b",
            0.5,
        ),
        (
            r"\b(?:his|her|their|\w+'s) own (?:feature|project|service|team|account|area|product|work|proposal|module|client|ward|department|budget|event|plan|system|code)\b|\b(?:it's|it is|it was) (?:his|her|their) (?:service|account|project|area|call|decision|team|product|feature|client|work)\b|\bwho owns\b|\b(?:he|she|they) owns?\b|\bowner of\b",
            0.4,
        ),
        (
            r"\b(?:invite|invites|invitation|invite list|thread|distribution list|mailing list|email chain|channel|calendar|cc line|the room)\b",
            0.2,
        ),
        (
            r"\b(?:found out|heard about it|learned about it|learnt about it) (?:later|afterwards|after|from|through|via)\b",
            0.3,
        ),
        (
            r"\b(?:meeting|call|discussion|session|workshop|thread|email|conversation|planning|review) (?:about|on|for|to discuss|to decide) (?:\w+ ){0,2}(?:his|her|their|\w+'s)\b",
            0.45,
        ),
        (
            r"\b(?:everyone|everybody|the (?:whole|entire) \w+|all of (?:us|them)|the rest|the group|the team)\b.{0,60}\bexcept\b|\bexcept (?:him|her|them|for (?:him|her|them))\b",
            0.55,
        ),
        (
            r"\bwho (?:manages|runs|leads|owns|heads|is responsible for|looks after|is in charge of|is the lead|'s the lead)\b|\bwho's (?:the )?(?:lead|owner|manager|head)\b",
            0.35,
        ),
        (
            r"\b(?:didn't|did not|never|forgot to) (?:even )?tell (?:him|her|them) (?:about (?:it|the \w+)|it was (?:happening|on)|there was|we were (?:meeting|having))\b",
            0.55,
        ),
        (
            r"\b(?:meeting|call|discussion|session|workshop|thread|email|conversation|review|decision|plan|choice)(?: with (?:\w+ ){1,3})? (?:about|on|for|to discuss|to decide|to \w+) (?:\w+ ){0,2}(?:his|her|their|\w+'s) (?:\w+ )?(?:project|team|account|area|work|product|service|client|department|unit|site|lab|plan|proposal|feature)\b",
            0.45,
        ),
        (
            r"\bi (?:just |completely |simply )?forgot (?:about )?(?:him|her|them)\b|\b(?:his|her|their|\w+'s) own (?:route|rota|patch|round|shift|territory|region|class|ward|store|branch)\b|\b(?:channel|thread|group|chat|room) (?:she|he|they)(?:'s| is|'re| are) not in\b",
            0.5,
        ),
        (
            r"\bside (?:conversation|meeting|chat|channel)\b|\bbehind closed doors\b|\bbetween me and (?:the|my|our) \w+\b",
            0.45,
        ),
    ),
    # Reversing someone's decision in their own area, often in front of others.
    "overruled": _cues(
        (r"\boverr(?:uled|ode|ule|ules|ide|ides|idden|iding|uling)\b", 0.55),
        # Overriding a person (not their sentence: "overrode him mid-sentence" is talking over).
        (
            r"\b(?:overr(?:uled|ode|ule|ide|iding|uling)|countermanded|undermined) (?:him|her|them|\w+)\b(?! mid)",
            0.7,
        ),
        # Someone else had settled it, and then the leader changed it.
        (
            r"\b(?!i\b|who\b|we\b)\w+ (?:had |'d )?(?:already )?(?:decided|approved|agreed to|chose|picked|signed off|promised|given|granted|quoted|offered|allowed|arranged|booked|scheduled|planned|organi[sz]ed|set up|changed|set|made|told the \w+|told (?:his|her|their) \w+)\b.{0,80}\bi (?:\w+ ){0,2}(?:overr\w+|revers\w+|undid|cancel\w*|changed|scrapped|vetoed|pulled|went over|announced|approved|allowed|granted|signed|agreed to|withdrew|revoked|rescinded|took (?:it|that) away|said we|told (?:them|everyone|the \w+) we|contradicted|took (?:it|that) back)\b|\bcontradict(?:ed|ing)? (?:the|his|her|their|\w+'s) (?:\w+ ){0,2}(?:\w+ )?(?:had|'d) (?:already )?\w+",
            0.5,
        ),
        (
            r"\b(?:revers(?:e|ed|ing)|undid|undo(?:ne|ing)?|countermand(?:ed)?|overturn(?:ed)?|vetoed|scrapp?(?:ed)?|cancel(?:l?ed)|pulled|withdrew|rescinded|changed|went against) (?:\w+ ){0,2}(?:\w+'s|his|her|their) (?:\w+ ){0,2}(?:decision|call|choice|approval|plan|ruling|sign-?off|instruction|priorit(?:y|ies)|pick)\b|\brevers(?:ed|e|ing) (?:it|that|the call|the decision|course)\b|\breversed\b",
            0.65,
        ),
        (
            r"\bwent (?:over|around) (?:his|her|their|\w+'s) head\b|\bover (?:his|her|their) head\b|\bundermin(?:e|ed|ing)\b",
            0.65,
        ),
        (
            r"\b(?!i\b)(?:he|she|they|\w+) (?:had|'d) (?:already )?(?:decided|approved|agreed|promised|chosen|picked|given|granted|quoted|offered|allowed|scheduled|planned|organi[sz]ed|arranged|booked|set up|told (?:his|her|their) (?:\w+ )?(?:team|staff|reports|people|crew|customer|client)|signed off|set)\b|\b(?:had|'d) already (?:told|decided|approved|agreed|announced)\b|\bthe (?:one|call|decision|choice|plan) (?:he|she|they)(?:'d| had)? (?:made|picked|chosen|approved)\b|\b(?:he|she|they)(?:'d| had) (?:made|picked|chosen)\b",
            0.45,
        ),
        (
            r"\b(?:his|her|their|\w+'s) own (?:department|area|team|ward|project|call|remit|domain|budget|staff|unit|store|site|people)\b|\bfor (?:his|her|their) (?:own )?(?:department|ward|team|area|unit|store|site|staff)\b",
            0.35,
        ),
        (
            r"\bin front of (?:"
            + _AUDIENCE
            + r")\b|\bwith (?:his|her|their) (?:\w+ )?(?:staff|team|reports|crew|people) (?:there|watching|present|standing there)\b|\bpublicly\b",
            0.3,
        ),
        (r"\banyway\b|\binstead\b", 0.15),
        (
            r"\b(?:he|she|they|\w+) (?:had|'d) (?:already )?(?:turned down|refused|declined|rejected|said no to|ruled out)\b",
            0.45,
        ),
        (
            r"\bbehind (?:his|her|their) back\b|\bwent and (?:approved|did|changed|cancell?ed|agreed|signed|reversed|undid)\b",
            0.4,
        ),
        (
            r"\b(?:changed|put|switched|moved|set|turned) it back\b|\brevert(?:ed|ing)? (?:it|his|her|their|the)\b|\bundid (?:it|his|her|their)\b|\bwithout (?:talking|speaking|checking|a word) (?:to|with) (?:him|her|them)\b",
            0.5,
        ),
    ),
    # Not standing by them with a client, an executive or another team.
    "not_backing_up": _cues(
        (
            r"\bi (?:just |then |simply |still )?(?:didn't|did not|never|failed to|wouldn't|couldn't|did nothing to) (?:\w+ )?(?:stand up for|stick up for|back (?:him|her|them|\w+) up|back (?:him|her|them)|defend|support|step in|speak up|speak up for|go to bat|have (?:his|her|their) back|intervene|push back)\b|\binstead of (?:defending|backing|supporting|standing up for|sticking up for|protecting)\b",
            0.7,
        ),
        (
            r"\b(?:agreed with (?:them|him|her|the \w+)|sided with (?:them|him|her|the \w+)|took (?:their|the \w+'s|the \w+) side|backed down|backed off|caved|folded|hung (?:him|her|them) out to dry|left (?:him|her|them) to (?:it|fend|take)|let (?:them|the \w+|him|her|\w+) (?:speak to|talk to|blame|tear|go after|criticise|criticize|shout at|pile on|lay into|rip into|have a go|walk all over))\b",
            0.6,
        ),
        (
            r"\bi (?:just |simply |then )?(?:stayed|kept|remained|was) (?:quiet|silent)\b|\bi (?:just )?said nothing\b|\bi (?:just )?sat there\b|\bkept my mouth shut\b|\bi (?:just )?(?:didn't|did not) say (?:a word|anything)\b|\bi (?:just )?watched\b|\bi (?:just )?nodded\b|\bi let it (?:go|slide|happen)\b",
            0.35,
        ),
        (
            r"\b(?:\w+|they|the \w+(?: \w+)?) (?:blamed|criticised|criticized|questioned|attacked|accused|tore into|went after|complained about|challenged|pushed back on|laid into|shouted at|was rude to|spoke (?:\w+ )?to) (?:him|her|them|\w+(?:'s)?)\b.{0,80}\bi (?:stayed|kept|said|didn't|did not|sat|just|agreed|let|backed|caved|went along|nodded|told the \w+|sided|apologi[sz]ed|didn't mention|never mentioned)\b",
            0.6,
        ),
        (
            r"\b(?:client|clients|customer|exec|execs|executive|cfo|ceo|cto|coo|vp|svp|director|board|other team|another team|the \w+ team|senior|partner|stakeholders?|their manager|head of \w+)\b",
            0.2,
        ),
        (
            r"\b(?:even though|although|though|when) i(?:'d| had)? (?:checked|approved|signed (?:it )?off|agreed|reviewed|seen|asked for)\b|\bwhich i(?:'d| had)? (?:signed off|approved|checked|reviewed|agreed)\b|\bi (?:had )?(?:signed (?:it )?off|approved it) myself\b",
            0.35,
        ),
        (
            r"(?<!\bhe )(?<!\bshe )(?<!\bthey )\b(?:and|but|i) (?:just )?(?:said nothing|did nothing|stood there|stood by|watched|nodded along|went along with (?:it|them|him|her))\b|\bi (?:just )?(?:looked at|stared at) (?:the (?:table|floor|desk)|my (?:screen|notes|laptop|phone|feet))\b|\bnodded along\b",
            0.5,
        ),
        (
            r"\b(?:\w+|they|the \w+(?: \w+)?) (?:yelled at|screamed at|swore at|snapped at|had a go at|berated|insulted|abused|humiliated|undermined|dismissed|mocked|belittled|shouted down|talked down to|ripped into) (?:him|her|them|\w+|our \w+(?: \w+)?)\b.{0,80}\bi (?:\w+ )?(?:stayed|kept|said|didn't|did not|sat|just|agreed|let|backed|caved|went along|nodded|stood|looked|watched)\b",
            0.6,
        ),
        (
            r"\blet (?:him|her|them|\w+) (?:take|carry|shoulder|wear) (?:the )?(?:heat|blame|fall|hit|responsibility|flak|rap)\b|\bhung (?:him|her|them|\w+) out to dry\b|\bleft (?:him|her|them|\w+) exposed\b|\bthrew (?:him|her|them|\w+) to the wolves\b",
            0.7,
        ),
        (
            r"\b(?:which|when|though|even though) (?:she|he|they) (?:hadn't|had not|didn't|did not|wasn't|weren't)\b|\bi said i had doubts too\b|\bi had doubts too\b",
            0.4,
        ),
        (
            r"\b(?:\w+|the \w+) said (?:that )?(?:\w+'s|his|her|their) (?:\w+ ){0,3}(?:was|were|is|are)\b.{0,60}\bi (?:just )?(?:nodded|agreed|said nothing|stayed quiet|kept quiet|didn't|did not|went along)\b|\b(?:i'd|i had) (?:told|asked|instructed) (?:him|her|them) to\b",
            0.5,
        ),
    ),
    # Repeating something told in confidence.
    "confidence_broken": _cues(
        (
            r"\basked me not to (?:tell|share|say|mention|pass|repeat)?|\b(?:even though|although|though) (?:he|she|they|\w+) (?:had )?asked me not to\b|\bin confidence\b|\bconfid(?:ed|ing|ential)\b|\boff the record\b|\bbetween (?:us|the two of us|you and me)\b|\blet it slip\b|\bslipped out\b|\bbreach(?:ed)? (?:of )?(?:\w+ )?(?:trust|confidence|privacy)\b|\bbroke (?:his|her|their|a) confidence\b",
            0.7,
        ),
        (
            r"\btold me (?:\w+ ){0,2}(?:privately|in private|in confidence|one-on-one|in our (?:\w+ )?(?:1:1|one-on-one|one-to-one|1-1|chat|catch-?up|check-?in)|personally|quietly|about (?:his|her|their) (?:health|diagnosis|divorce|pregnancy|family|illness|condition|treatment))\b|\b(?:privately|in private|not ready to (?:announce|share|tell|go public))\b",
            0.5,
        ),
        (
            r"\b(?:repeated|passed (?:it |that |this )?on|passed on|mentioned (?:it|that|this)|shared (?:it|that|this|what|something)|told (?:\w+ )?(?:others|other people|other managers|two|three|a peer|peers|a colleague|colleagues|my boss|her manager|his manager|their manager|hr|(?:my|a|her|his|their|the other|another) (?:\w+ )?(?:co-?manager|manager|boss|peer|colleague|deputy|director|partner|lead))|brought (?:it|that|this) up (?:with|to|in front of|at|in|during)|relayed|forwarded (?:it|the message|her message|his message)|ended up in|got back to|spread|gossip(?:ed|ing)?)\b",
            0.45,
        ),
        (
            r"\b(?:now )?(?:the whole|everyone|everybody|the entire) (?:\w+ )?(?:knows|know|heard|found out)\b|\beveryone knows\b|\bnow knows\b|\bwithout (?:asking|his permission|her permission|their permission|permission|consent|checking with) (?:him|her|them)?\b",
            0.4,
        ),
        (
            r"\b(?:pregnan(?:t|cy)|ivf|fertility|diagnos(?:is|ed)|mental health|therapy|therapist|divorce|separation|illness|cancer|medical|health|condition|job hunting|looking for (?:a|another) job|thinking (?:of|about) leaving|interview(?:ing)? elsewhere|salary|debt|grief|bereavement|miscarriage|disability|sexuality|coming out|complaint (?:about|against)|(?:his|her|their) (?:dad|mum|mom|mother|father|partner|wife|husband|child|son|daughter|family|parents?) (?:is|was|has been) (?:ill|sick|unwell|in hospital|dying))\b|\bto explain why (?:he|she|they)(?:'s| is|'d| had| has| was| were|'ve| have)\b",
            0.35,
        ),
    ),
    # Blaming them in front of others for a failure that was partly the leader's.
    "blamed_publicly": _cues(
        (
            r"\bi (?:\w+ )?(?:blamed|scapegoated)\b|\b(?:i|and) (?:pinned|put|laid|placed|dumped|pushed|shifted) (?:it|the (?:\w+ ){0,2}\w+|(?:all )?the blame|most of the blame) on\b|\bput (?:it|the (?:\w+ ){0,2}\w+|\w+ \w+) down to\b|\bthrew (?:\w+ ){0,3}under the bus\b|\bthrow (?:\w+ ){0,3}under the bus\b|\bmade (?:him|her|them|\w+) (?:the |a )?scapegoat\b|\bpoint(?:ed|ing) (?:the )?finger(?:s)? at\b",
            0.7,
        ),
        (r"\bblam(?:ed|ing)\b(?! (?:session|game|culture))|\bblame (?:it )?on\b|\bthe blame\b", 0.35),
        (
            r"\b(?:was|were|is) (?:all )?(?:\w+'s|his|her|their) fault\b|\b(?:his|her|their|\w+'s) fault\b|\b(?:was |were )?(?:down to|because of) (?:\w+'s|his|her|their) (?:team|mistake|error|code|work|delay|part)\b|\bit was (?:\w+'s|his|her|their) (?:team|mistake|error|doing)\b|\b(?:mistake|error|fault|slip|oversight|failure) (?:by|of|from|on the part of) (?!me\b)\w+|\bsaid (?:that )?(?:the|it|this) (?:\w+ ){0,3}(?:was|happened) (?:down to|because of|caused by|on)\b",
            0.5,
        ),
        (
            r"\b(?:happened|failed|slipped|broke|was late|went wrong|overran|missed|fell through|crashed) because (?:of )?(?:\w+'s|his|her|their|\w+) (?:team |people |code |work )?\w+",
            0.45,
        ),
        (
            r"\b(?:it's|it is|this is|this one's|that's|that one's|it was|that was) (?:all )?on (?!me\b|us\b|the\b|my\b|our\b|a\b|an\b|it\b|hold\b|track\b|time\b|fire\b|purpose\b|top\b|its\b)\w+\b",
            0.55,
        ),
        (
            r"\bbut i was the one\b|\bi was the one who\b|\b(?:half|most|part|some) of (?:it|the (?:\w+ ){0,2}\w+) (?:was|came from|is) (?:on )?me\b|\b(?:even )?though i(?:'d| had)? (?:approved|signed off|rushed|changed|pushed|agreed|skipped|asked for)\b|\b(?:not mentioning|leaving out|left out|omitting|skipping over|glossing over|without mentioning|never mentioning|didn't add|without adding|not adding|didn't say)\b.{0,40}\b(?:i|my|me)\b|\bdidn't mention (?:that )?i\b|\bwhen i(?:'d| had) (?:told|asked|instructed|pushed) (?:him|her|them)\b|\bwithout mentioning (?:that )?(?:i|my)\b|\bmy (?:own )?(?:part|call|sign-?off|decision|change)\b|\bfrom me changing\b|\bi(?:'d| had) (?:approved|signed off|rushed|changed)\b",
            0.45,
        ),
        (
            r"\bin front of (?:"
            + _AUDIENCE
            + r")\b|\bat the (?:all-?hands|town hall|standup|stand-up|director review|board|review|retro)\b|\bin the (?:incident review|post-?mortem|retro|retrospective|review|all-?hands|meeting|debrief)\b|\bpost-?mortem\b|\bto the (?:client|customer|board|director|vp|exec)\b|\bpublicly\b",
            0.3,
        ),
        (
            r"\b(?:told|said to|informed|updated) the (?:\w+ )?(?:committee|board|client|customer|directors|execs|vp|room|group|whole \w+|steering \w+)\b|\bwith (?:the whole team|everyone|everybody|the (?:whole )?room) (?:listening|watching|there)\b",
            0.3,
        ),
        (
            r"\bsaid ['\"\u201c]?(?:it was |this is |that was )?(?!i\b|we\b)\w+ (?:pushed|broke|caused|did|messed up|deleted|dropped|missed|forgot|screwed up|failed|skipped|lost|botched)\b|\bon the (?:incident|outage|bridge|crisis|war[- ]room) call\b",
            0.5,
        ),
        (
            r"\bi said ['\"\u201c]?(?:ask|it was|that was|that's|blame|talk to|check with) (?:\w+'s|his|her|their)\b|\b(?:\w+'s|his|her|their) (?:mistake|error|change|code|bug|slip|team|config|process) (?:had )?(?:caused|led to|broke|created|triggered)\b",
            0.55,
        ),
    ),
    # Pressing for answers late at night, on leave or at the weekend.
    "after_hours_pressure": _cues(
        (
            r"\b(?:at |around |after |past )?(?:8|9|10|11|12)(?::\d\d)? ?pm\b|\b(?:1|2|3|4|5)(?::\d\d)? ?am\b|\bmidnight\b|\blate at night\b|\bat night\b|\bin the middle of the night\b|\b(?:at )?(?:1|2|3|4|5|one|two|three|four|five) in the morning\b|\bearly hours\b|\bsmall hours\b|\bon (?:a |the )?(?:saturday|sunday|weekend)(?: morning| afternoon| night| evening)?\b|\blate (?:in the )?evening\b|\b(?:ten|eleven|nine|twelve)(?: or (?:ten|eleven|twelve))? (?:at night|o'clock at night|pm)\b|\bbefore (?:6|7|six|seven) ?(?:am|in the morning)\b|\bafter hours\b|\bout of hours\b|\bafter work\b|\bbedtime\b",
            0.5,
        ),
        (
            r"\bweekends?\b(?! (?:staff|shifts?|team|crew|rota|cover|workers|manager|duty))|\bsaturday\b|\bsunday\b|\bbank holiday\b|\bpublic holiday\b|\bchristmas (?:day|eve)\b|\bnew year's\b|\bfriday (?:night|evening)\b|\bevenings?\b",
            0.35,
        ),
        (
            r"\bon (?:annual |parental |maternity |paternity |sick |study |compassionate )?leave\b|\bof (?:his |her |their )?(?:holiday|leave|vacation|annual leave|time off)\b|\b(?:over|during) (?:the )?(?:christmas|holidays|the break|easter|new year|summer holidays|half[- ]term)\b|\bon holiday\b|\bon vacation\b|\bhoneymoon\b|\b(?:his|her|their) day off\b|\bon (?:a |his |her |their )?day off\b|\bpto\b|\bwhile (?:he|she|they) (?:was|were) (?:away|off|out|on)\b|\bout of (?:the )?office\b|\booo\b|\bsick day\b|\bat (?:his|her|their) (?:wedding|funeral|kid's|child's|daughter's|son's)\b",
            0.5,
        ),
        (
            r"\b(?:messag(?:ed|ing)|text(?:ed|ing)|email(?:ed|ing)|call(?:ed|ing)|rang|ringing|ping(?:ed|ing)|slack(?:ed|ing)|whatsapp(?:ed|ing)|phon(?:ed|ing)|dm(?:'d|ed)|chas(?:ed|ing)|voice ?(?:note|mail|message)s?)\b|\bsent (?:him|her|them) (?:a |an |\w+ )?(?:messages?|emails?|texts?|notes?)\b",
            0.25,
        ),
        (
            r"\b(?:five|four|three|several|multiple|\d+|two|a dozen|a string of|a stream of) (?:times|messages|calls|emails|texts|pings)\b",
            0.25,
        ),
        (
            r"\b(?:kept|keep|keeps|kept on) (?:pinging|messaging|texting|calling|emailing|chasing|ringing|sending)\b|\buntil (?:he|she|they) (?:answered|replied|responded|picked up|got back)\b|\bexpect(?:ed|ing|s)? (?:an? )?(?:answers?|repl(?:y|ies)|responses?|(?:him|her|them) to (?:answer|reply|respond|pick up|be available))\b|\bfor the morning\b|\bby (?:the )?morning\b|\bfirst thing\b",
            0.45,
        ),
        (
            r"\b(?:rang|called|messaged|texted|emailed|pinged|chased|slacked) (?:\w+ )?again\b|\basked (?:\w+ ){0,4}why (?:he|she|they) (?:hadn't|didn't|wasn't|weren't|haven't) (?:yet )?(?:replied|answered|responded|got back|picked up|seen)\b|\bgot (?:annoyed|angry|irritated|frustrated) when (?:he|she|they) (?:didn't|hadn't|wouldn't) (?:answer|reply|respond|pick up)\b",
            0.45,
        ),
    ),
    # An opportunity given to someone else with no word or reason to them.
    "favouritism": _cues(
        (
            r"\bfavou?rit(?:e|es|ism)\b|\bteacher's pet\b|\bgolden (?:boy|girl|child)\b|\b(?:my|an?) (?:old )?(?:friend|mate|buddy|colleague|drinking buddy)\b|\bplay(?:ed|ing)? favou?rites\b|\balways (?:give|gives|gave|pick|picks|choose|chooses|ask|asks|send|sends|put|puts)\b|\bkeep (?:choosing|picking|giving|asking|sending|taking|putting|inviting)\b",
            0.6,
        ),
        (
            r"\b(?:the others|the rest of the team|everyone else|other people) (?:have |has )?(?:started to |begun to )?(?:comment(?:ed)?|notic(?:e|ed)|complain(?:ed)?|ask(?:ed)?|talk(?:ed)?)\b|\bwithout opening it (?:up )?(?:to\b)?|\bopen(?:ed|ing)? it up\b|\b(?:the )?others who(?:'d| had)? (?:asked|applied|wanted)\b",
            0.4,
        ),
        (
            r"\b(?:gave|give|given|handed|offered|assigned|awarded) (?:the |a |an |that )?(?:[\w-]+ ){0,3}(?:slot|role|promotion|project|opportunity|assignment|lead|place|spot|budget|client|clients|account|accounts|shift|chance|talk|trip|conference|training|secondment|job|position|course|award|pitch|interview|work) to\b|\b(?:gave|give|handed) (?:\w+ ){1,2}the (?:\w+ ){0,2}(?:slot|role|promotion|project|opportunity|assignment|lead|place|spot|budget|talk|trip|training|secondment)\b",
            0.5,
        ),
        (
            r"\b(?:role|promotion|slot|spot|project|assignment|opportunity|lead|job|position|place|budget|trip|chance|account|accounts|client|clients|training|secondment|talk|award|overtime|shifts?)\b(?: \w+){0,5} (?:went|goes|always goes) to\b|\b(?:\w+) got the (?:\w+ ){0,2}(?:role|promotion|slot|budget|project|training|place|spot|assignment|job|lead|opportunity|secondment)\b|\b(?:picked|chose|selected|nominated|put forward|tapped) (?:\w+ ){1,2}(?:to lead|for the|over)\b",
            0.5,
        ),
        (
            r"\bwithout (?:a word|a single word|saying anything|explaining|any explanation|a reason|mentioning it|a heads-?up|talking) to\b|\bi (?:\w+ )?(?:never|didn't|did not|hadn't|haven't) (?:\w+ )?(?:explain(?:ed)?|said anything|say anything|told (?:him|her|them)|tell (?:him|her|them)|mention(?:ed)? it)\b|\bno (?:reason|explanation|word)\b|\bfound out (?:from|through|via|on|in|when)\b|\bheard (?:it|about it) from\b",
            0.45,
        ),
        (r"\bwithout (?:telling|explaining (?:it )?to) (?:him|her|them|\w+)\b", 0.3),
        (
            r"\b(?:who|that) (?:had |'d |has )?(?:asked|applied|been asking|put (?:herself|himself|themselves) forward|wanted (?:it|the)|volunteered|been waiting|been promised|expected)\b|\b(?:she|he|they)(?:'d| had) (?:asked|applied|been asking|volunteered)\b|\bapplied for\b|\bpassed over\b|\bover (?:her|him|them)\b|\binstead of (?:her|him|them)\b",
            0.45,
        ),
        (r"\bnoticed\b|\bthe rest of the team\b|\bagain\b", 0.1),
        (
            r"\b(?:keeps?|always) get(?:s|ting)? (?:the )?(?:best|good|nice|interesting|easy|plum|preferred|choice|weekday|day|first pick|pick of|to (?:choose|pick|go first|have first))\b|\b(?:takes?|gets?|get|take) what's left\b|\bthe rest (?:of (?:the )?\w+ )?get(?:s)? (?:whatever's left|what's left|the rest|the leftovers|the scraps|nothing)\b|\bwhatever's left\b|\bwhat's left over\b|\bleftovers\b|\b(?:he|she|they) asks? for\b",
            0.5,
        ),
        (
            r"\b(?:my )?(?:prot[eé]g[eé]e?|mentee|pet)\b|\bwho(?:'d| had) been (?:preparing|working towards|hoping|lobbying|angling|getting ready)\b",
            0.5,
        ),
        (
            r"\b(?!i\b)\w+ (?:had|'d) (?:asked|applied|been asking|volunteered|put (?:herself|himself|themselves) forward) (?:for|about|to)\b|\bnever got back to (?:him|her|them)\b|\bthe same (?:two |three |few )?(?:people|person|guys|ones|names)\b",
            0.45,
        ),
    ),
    # Hard news (a rating, a no, a change of role) given carelessly or in passing.
    "rushed_hard_news": _cues(
        (
            r"\b(?:in the (?:corridor|hallway|hall|lift|elevator|kitchen|car park|parking lot|stairwell|lobby|doorway)|(?:in|over) a quick (?:chat|word|call|message|note)|by the (?:coffee machine|printer|water cooler|kettle|lifts?|door|vending machine)|quick word|at (?:the|a) (?:christmas |office |leaving |summer |team )?(?:party|do|drinks|social|dinner|lunch|bbq|barbecue)|at the (?:pub|bar)|over (?:lunch|drinks|a drink|coffee)|in the middle of (?:a|the) (?:busy )?(?:shift|service|rush|meeting|call|day|lunch)|as i (?:walked|was walking) (?:past|by|out|away)|walked past|(?:while|as) (?:i was|we were|we) (?:walking|waiting|waited|passing|leaving|queueing|heading|getting)|walking (?:to|out|back)|on the way (?:to|out|back)|in passing|as an afterthought|by text|over text|via text|in a text|over (?:slack|teams|chat|email|whatsapp)|on (?:slack|teams|whatsapp|chat)|by email|in an email|in a (?:quick )?(?:message|dm|chat message)|at the end of (?:a|the|our|my) (?:group |team |long |weekly )?(?:call|meeting|day|standup|stand-up|huddle)|(?:between|in between) (?:two |a couple of )?(?:other )?(?:\w+ )?(?:meetings|messages|calls)|(?:five|two|three|ten|thirty|30|5|2|10)[- ](?:minute|second)|thirty seconds|a few seconds|a minute|while (?:we|i) (?:were|was) (?:walking|waiting|grabbing|getting|leaving)|blurted|just dropped it|dropped it on|on (?:a|the) (?:friday|way out)|at (?:his|her|their) desk)\b",
            0.4,
        ),
        (
            r"\b(?:bonus|raise|pay rise|promotion|rating|role|job|position|application|transfer|contract|hours|post|shift|secondment|visa|request|probation)\b.{0,20}\b(?:was|is|were|being|had been|has been|wasn't|isn't|won't be|would not be|will not be|got) (?:\w+ )?(?:cut|denied|rejected|refused|not happening|happening|eliminated|cancell?ed|ending|ended|moved|changed|reduced|down|gone|going|frozen|withdrawn|turned down|scrapped|declined|extended|failed|not confirmed|not renewed|renewed|confirmed|approved|going ahead)\b|\b(?:didn't|did not|wouldn't|won't|isn't going to|wasn't|weren't|isn't|aren't|not) (?:get|be getting|getting) (?:the|his|her|their|a) (?:promotion|raise|role|job|bonus|transfer|secondment|pay rise|place|contract|extension)\b|\b(?:his|her|their) (?:role|job|position|team|hours|contract) (?:would be|will be|is|was) (?:changing|going|ending|moving|cut|disappearing)\b|\bbeing (?:moved|cut|let go|made redundant|demoted|transferred|reassigned|put on)\b|\bneeds improvement\b|\bperformance (?:improvement )?plan\b|\bpip\b|\bput on (?:a |an )?(?:performance plan|warning|notice|probation|improvement plan)\b|\bformal warning\b|\bdisciplinary\b|\b(?:low|poor|bad|lower|below) (?:\w+ )?rating\b|\b(?:rating|score|grade) (?:was|is|of|would be) (?:a |an |only |just )?(?:\d|one|two|low|poor|below)|\bnot (?:getting|happening)\b|\bturned down\b",
            0.5,
        ),
        (
            r"\b(?:told|let|informed|gave|broke|mentioned)\b.{0,30}\b(?:news|know|verdict|rating|outcome|result|decision)\b|\bbroke the news\b|\bhard news\b|\bbad news\b|\bthe news\b",
            0.35,
        ),
        (
            r"\bwith (?:\w+ )?(?:other )?(?:everyone|everybody|the (?:whole )?team|others|people|the others|colleagues) (?:still )?(?:on|there|listening|watching|present|around|in the room)\b|\bin front of (?:everyone|everybody|the (?:whole )?team|others)\b",
            0.35,
        ),
        # Telling someone about their own pay, rating or role: the news is about them.
        (
            r"\b(?:told|let \w+ know|informed|gave|warned) (?:\w+ )?(?:that )?(?:his|her|their) (?:\w+ )?(?:bonus|raise|pay rise|pay|promotion|rating|role|job|position|application|transfer|contract|hours|secondment|review outcome|probation|redundancy|notice)\b",
            0.45,
        ),
        (
            r"\b(?:with )?no (?:explanation|context|warning|time|discussion|chance)\b|\bwithout (?:any )?(?:explanation|context|warning|discussion|sitting down)\b|\bcareless(?:ly)?\b|\bcasual(?:ly)?\b|\boffhand(?:edly)?\b|\bin a rush\b|\brushed\b|\bquickly\b|\bbriefly\b|\bgroup call\b",
            0.35,
        ),
    ),
}


_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
_SPACES = re.compile(r"\s+")


def _normalise(text: str) -> str:
    # Curly apostrophes and line breaks would otherwise defeat "didn't" and multi-word cues.
    return _SPACES.sub(" ", (text or "").translate(_APOSTROPHES)).lower().strip()


def detect_situations(text: str) -> dict[str, float]:
    """Score each situation in [0, 1]; 0 means no cue matched.

    Every key of SITUATIONS is always present so callers can index without checks.
    """
    lowered = _normalise(text)
    scores: dict[str, float] = {}
    for situation in SITUATIONS:
        miss = 1.0  # probability that none of the matched cues is real evidence
        for pattern, weight in _CUES[situation]:
            if pattern.search(lowered):
                miss *= 1.0 - weight
        score = 1.0 - miss
        # Round away float noise so "no evidence" is exactly 0.0 and ties compare cleanly.
        scores[situation] = round(min(1.0, max(0.0, score)), 4) if not math.isclose(miss, 1.0) else 0.0
    return scores


def top_situations(text: str, limit: int = 2, floor: float = 0.2) -> list[str]:
    """Situations scoring at least ``floor``, highest first, at most ``limit`` of them."""
    if limit <= 0:
        return []
    scores = detect_situations(text)
    # Stable tie-break on SITUATIONS order keeps results deterministic.
    ranked = sorted(SITUATIONS, key=lambda s: (-scores[s], SITUATIONS.index(s)))
    return [s for s in ranked if scores[s] >= floor][:limit]
