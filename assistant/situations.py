"""Detect which kind of rupture an incident describes.

Embeddings from the small default model blur the five situations together, so retrieval
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

SITUATIONS: tuple[str, ...] = ("tense_meeting", "interrupting", "feedback", "withdrawal", "decision")

# Reusable fragments. _WHO: an object pronoun, a group, or any single word (names arrive
# lowercased). _POSS: a possessive, so "her idea" and "dev's idea" both match.
_WHO = r"(?:him|her|them|you|me|us|everyone|everybody|people|the team|the group|\w+(?:'s)?)"
_POSS = r"(?:his|her|their|your|\w+'s)"
# Words that judge a piece of work or a person; strong only when attached to a remark.
_HARSH = r"(?:garbage|rubbish|trash|worst|terrible|awful|useless|lazy|sloppy|mediocre|weak|poor|amateur(?:ish)?|embarrassing|unacceptable|shoddy|pointless|careless|a mess|messy|disappointing|unprofessional|sub-?par|not good enough|missed the point|wrong|naive|childish|clueless)"


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
        (r"\bbark(?:ed|ing)?\b|\bsnipp?(?:ed|y)\b|\bcurt\b|\bterse\b|\btesty\b|\bshort with\b|\bsharp(?:ly)?\b|\brude\b|\baggressive\b", 0.5),
        (r"\bboil(?:ed|ing)? over\b|\bgot out of hand\b|\blost it\b|\bexploded\b|\bbit (?:his|her|their) head off\b|\btempers?\b|\b(?:swore|cursed)\b|\bderail(?:ed)?\b", 0.55),
        # The leader's own irritation, aimed at people rather than at a task.
        (r"\b(?:impatient|annoyed|exasperated|condescending|patroni[sz]ing|snide|cold)\b|\bstop wasting\b|\bshut up\b|\bwhat(?:'s| is) wrong with (?:you|everyone)\b", 0.45),
        # Named outbursts and public telling-offs.
        (r"\bbull(?:y|ied|ying)\b|\btook it out on\b|\bconfront(?:ation|ed)\b|\bout-?burst\b|\btirade\b|\brant(?:ed)?\b|\bmeltdown\b|\bberat(?:e|ed)\b|\bscold(?:ed)?\b|\bchewed (?:\w+ )?out\b|\btold (?:\w+ )?off\b|\bhad a go at\b|\blaid into\b|\bwent off on\b|\bdressed (?:\w+ )?down\b", 0.55),
        (r"\bjust to (?:end|stop|get out of) it\b|\bagreed with me just\b|\bnobody (?:dared|wanted) to\b", 0.35),
        (r"\bblam(?:e|ed|ing)\b|\bthreaten(?:ing|ed)?\b|\bescalat(?:ed|ing)\b|\bdemand(?:ed|ing)\b|\bin a (?:\w+ ){0,2}tone\b|\bmy tone\b", 0.4),
        (r"\bstress show\b|\bsick of\b|\bfed up\b|\binterrogat(?:e|ed|ion|ing)\b|\bwent sideways\b|\b(?:pound|bang|thump|hit)(?:ed)? (?:on )?the (?:table|desk)\b|\bnobody (?:was|is) taking\b|\bclipped\b|\bnasty\b", 0.45),
        (r"\bthings i regret\b|\bmood (?:was|went|turned|got) (?:awful|sour|bad|dark|tense|flat)\b|\bvisibly upset\b|\bflinch(?:ed)?\b|\baccus(?:ed|ing)\b", 0.4),
        (r"\btens(?:e|ion|ions)\b|\bicy\b|\bstandoff\b|\bhostile\b", 0.5),
        (r"\broom (?:went|go|goes|turned|fell|got) (?:cold|quiet|silent|still)\b", 0.6),
        (r"\b(?:argu(?:e|ed|ing|ment)|clash(?:ed)?)\b", 0.4),
        (r"\bslamm?(?:ed|ing)?\b|\bstormed out\b|\bwalked out\b|\bleft (?:the (?:call|meeting|room) )?before the end\b", 0.45),
        (r"\blectur(?:e|ed|ing)\b|\bsarcas(?:m|tic)\b|\bdefensive\b|\bloudest\b", 0.35),
        (r"\bin front of (?:everyone|everybody|the (?:whole )?(?:team|room|group)|all)\b", 0.2),
        (r"\b(?:uncomfortable|awkward|scared|intimidat(?:ed|ing))\b|\batmosphere\b", 0.25),
        # Venue alone is weak evidence: most ruptures happen in some meeting.
        (r"\b(?:meeting|standup|stand-up|retro|retrospective|all-hands|town hall|offsite|"
         r"workshop|sprint review|planning (?:session|meeting)|q&a|call|sync|huddle|kickoff|kick-off|"
         r"committee|session|ops review|board)s?\b", 0.15),
    ),
    # Taking the floor from someone or brushing past their contribution.
    "interrupting": _cues(
        (r"\binterrupt(?:s|ed|ing|ion|ions)?\b", 0.75),
        (r"\bcut(?:ting|s)? " + _WHO + r" off\b|\bcut off\b|\bcut (?:in|across)\b", 0.75),
        (r"\b(?:talk|spoke|speak|talked|talking|speaking)s? over\b", 0.75),
        (r"\bsteamroll(?:ed|ing)?\b|\bbulldoz(?:ed|ing)\b|\bover-?rode " + _WHO + r"\b", 0.5),
        (r"\b(?:didn't|did not|don't|wouldn't|never) let " + _WHO + r" (?:to )?(?:finish|speak|talk|explain|get a word in)", 0.7),
        (r"\bget a word in\b|\bwithout letting " + _WHO + r" (?:finish|explain|speak)\b", 0.6),
        (r"\bfinish(?:ed|ing)? " + _POSS + r" sentences?\b", 0.6),
        (r"\bbefore (?:he|she|they|you)(?:'d| had)? (?:even )?finish(?:ed)?\b", 0.45),
        (r"\bjump(?:ed|ing)? in (?:over|on)\b|\bjump(?:ed|ing)? in before\b", 0.6),
        (r"\bdismiss(?:ed|ing)? (?:it|" + _POSS + r" (?:idea|suggestion|proposal|point|input|concern|question))", 0.6),
        (r"\bdismiss(?:ed|ive|ing)?\b", 0.3),
        (r"\bbrush(?:ed|ing)? (?:aside|off|past)\b|\bwav(?:ed|ing) (?:it |" + _WHO + r" )?(?:off|away|aside)\b", 0.6),
        (r"\bshot down\b|\bshut (?:him|her|them|it) down\b", 0.5),
        (r"\bnever (?:came|come|got) back to (?:him|her|them)\b|\bkept (?:going|talking)\b", 0.45),
        (r"\bas if (?:it|they) (?:were|was) mine\b|\btook credit\b", 0.4),
        (r"\b(?:her|his|their) hand (?:up|raised)\b", 0.25),
        (r"\bjump(?:ed|ing)? in (?:while|when|as)\b|\bmid-?sentence\b|\bbutt?(?:ed)? in\b|\bover-?r(?:ode|ide|iding) " + _WHO + r"\b", 0.6),
        (r"\bbefore (?:he|she|they) could (?:finish|get to|make|say)\b|\bdidn't (?:hear|let) " + _WHO + r" (?:out|finish)\b|\bwithout hearing " + _WHO + r" out\b", 0.6),
        (r"\bignor(?:ed|ing) " + _POSS + r" (?:suggestion|idea|point|question|comment|concern|input)s?\b|\blaugh(?:ed)? (?:it |" + _WHO + r" )?off\b|\brolled my eyes\b", 0.55),
        (r"\bmoved (?:straight |right )?on\b|\bnext agenda item\b|\bdon't have time for (?:that|this)\b|\btook over " + _POSS + r" (?:demo|presentation|slot|talk|update|meeting)\b", 0.4),
        # Taking someone's turn: answering for them, leaving them no room, changing the subject.
        (r"\bbefore (?:he|she|they) (?:had|got|could get) (?:a |the )?chance\b|\b(?:no|any|enough) (?:space|room|chance|airtime|time) to (?:speak|talk|finish|explain|respond|answer|contribute)\b", 0.6),
        (r"\banswered (?:the|a|his|her|their) question\b.{0,40}\basked\b|\banswered for (?:him|her|them)\b|\bspoke for (?:him|her|them)\b", 0.55),
        (r"\bstarted talking about something else\b|\bchanged the (?:subject|topic)\b|\bwithout (?:discussing|discussion|listening|hearing (?:it|" + _WHO + r") out|letting (?:it|" + _WHO + r") land)\b", 0.45),
        (r"\b(?:proposed|suggested|pitched|offered|raised)\b.{0,80}\bi (?:said no|shut|dismiss|rejected|brushed|waved|ignored|cut|laughed|said ['\"]?no)\b|\bnot doing that\b", 0.5),
        # Blocking someone's attempt to speak, or steering away from their contribution.
        (r"\b(?:tried|started|began|wanted) to (?:add|say|speak|explain|finish|answer|respond|chime in|make (?:a|her|his|their) point)\b", 0.4),
        (r"\b(?:didn't|did not|never|wouldn't) let (?:\w+ ){1,3}(?:finish|speak|talk|explain|answer)\b|\btalked louder\b|\blouder than (?:him|her|them)\b", 0.65),
        (r"\b(?:take|took|discuss|discussed|deal with) (?:it|this|that) offline\b|\bsteer(?:ed|ing)? (?:the (?:discussion|conversation|meeting) )?back\b|\bnever (?:really )?engaged with\b|\bbrushed past\b", 0.45),
        (r"\bhold that thought\b|\bnever (?:went|came|got) back to (?:it|that|them)\b|\btalk(?:ed|ing)? (?:right )?through " + _POSS + r"\b|\binstead of listening\b|\bat " + _POSS + r" expense\b|\bmock(?:ed|ing)\b", 0.55),
        (r"\b" + _POSS + r" (?:idea|ideas|suggestion|point|question|concern|summary|input|objection)\b|\bfloated\b|\bopened (?:his|her|their) mouth\b|\balready moved on\b", 0.3),
        (r"\bfilled the silence\b|\bpaused to think\b|\bpark (?:that|it|this)\b|\bparking lot\b|\bnever returned to\b|\blost (?:his|her|their) train of thought\b|\bout loud\b", 0.5),
        (r"\bwhile (?:he|she|they) (?:was|were) (?:presenting|talking|speaking|answering|explaining)\b|\bkept adding\b|\bhalfway through\b", 0.3),
    ),
    # Judging someone's work: reviews, critiques, comments on a named piece of work.
    "feedback": _cues(
        (r"\bfeedback\b", 0.7),
        (r"\bcritiqu(?:e|ed|es|ing)\b|\bcritici[sz](?:e|ed|es|ing|m)\b", 0.6),
        (r"\bcritical (?:comments?|remarks?|review|email|message)\b", 0.4),
        (r"\bperformance (?:review|conversation|talk)\b|\b(?:mid-?year|annual|year-end) (?:review|check-?in)\b|\bappraisal\b", 0.6),
        (r"\b(?:tore|tear|tearing|ripped|rip) (?:it |" + _POSS + r" \w+ )?apart\b|\bpicked (?:it )?apart\b", 0.65),
        (r"\bcomments? (?:on|about) " + _POSS + r"\b|\b(?:written|review) comments\b|\bmake comments\b", 0.55),
        (r"\b(?:code|design|pull request|pr) review\b|\bpull request\b", 0.35),
        (r"\btold " + _WHO + r" (?:that )?(?:the |" + _POSS + r" )(?:whole )?\w+ (?:was|were|is|are|wasn't)\b", 0.45),
        (r"\b(?:sloppy|mediocre|half-baked|amateur(?:ish)?|not good enough|not ready for)\b", 0.45),
        (r"\bwhat was wrong with\b|\bwrong with " + _POSS + r"\b|\bpointed out\b|\bcorrect(?:ed|ing)\b", 0.4),
        (r"\bnothing positive\b|\b(?:did|done) well\b|\bwork quality\b|\bquality of " + _POSS + r" work\b", 0.45),
        (r"\b(?:too|very|quite|pretty) (?:harsh|blunt|direct|cutting)\b|\bblunt\b", 0.35),
        (r"\b(?:unhappy|disappointed) with " + _POSS + r" (?:work|performance)\b|\bambushed\b|\bmissed deadlines\b", 0.4),
        (r"\b" + _POSS + r" (?:report|draft|doc|document|slides|deck|presentation|code|design|figures|numbers|work|proposal|analysis)\b", 0.15),
        (r"\breview(?:ed|ing)?\b", 0.15),
        (r"\bnotes on\b|\bmark(?:ed)? (?:it )?up\b|\bin red\b|\bred pen\b|\bsent (?:it )?back\b|\bneeds? fixing\b|\bfull of (?:holes|mistakes|errors)\b", 0.5),
        (r"\b(?:brutal|scathing|withering|nitpick(?:ed|ing|y)?)\b|\blacks? (?:initiative|focus|rigou?r|ownership|attention)\b", 0.45),
        (r"\b(?:below|didn't meet|did not meet) expectations\b|\bunderperform(?:ing|ance)?\b|\bimprovement plan\b|\brated " + _WHO + r"\b|\brating\b|\bevaluation\b|\bappraisal\b", 0.55),
        (r"\bcalled " + _WHO + r" out\b|\bcalled out " + _POSS + r"\b|\btore into\b|\bnot up to (?:standard|scratch)\b", 0.45),
        # Judging performance in general terms: weaknesses, assessments, a period of someone's work.
        (r"\bweakness(?:es)?\b|\bassessment\b|\bcalibration\b|\bwrite-?up\b|\bhanded (?:it |" + _POSS + r" \w+ )?back\b|\btry again\b|\bmockups?\b", 0.45),
        (r"\b" + _POSS + r" (?:quarter|year|performance|output|progress|promotion case)\b|\bimprovements?\b|\bstrengths\b", 0.35),
        # A piece of someone's work paired with an evaluative word, or a telling-off about quality.
        (r"\b(?:" + _POSS + r"|the) (?:first |latest |last )?(?:\w+ )?(?:pitch|plan|pack|numbers|figures|spec|estimate|update|ticket|tests?|work|report|draft|deck|slides|code|design|copy|proposal|analysis)\b.{0,40}\b(?:weak|poor|sloppy|careless|lazy|failing|bad|wrong|holes|gaps?|typos|errors|mistakes)\b", 0.45),
        (r"\bhard time (?:about|over)\b|\b(?:about|over) (?:the |his |her |their )?(?:typos|mistakes|errors|bugs|quality)\b|\bpick(?:ed)? at\b|\bline by line\b|\btold (?:him|her|them) so\b|\btold (?:him|her|them) (?:he|she|they) (?:was|were) (?:failing|not|too|bad|wrong)\b|\bfailing\b", 0.45),
        # Any remark that judges someone's work or conduct with a negative evaluative word.
        (r"\b(?:said|told \w+|called|wrote|replied|commented|remarked|suggested)\b.{0,60}\b(?:is|was|were|are|looked|looks|seemed)\b.{0,25}\b" + _HARSH + r"\b", 0.5),
        # A harsh word on its own is weak: it must sit next to other feedback cues.
        (r"\b" + _HARSH + r"\b", 0.18),
        (r"\battitude\b|\blisted (?:all|every|each)\b|\bthoughts on " + _POSS + r"\b|\b" + _POSS + r" (?:errors|mistakes|documentation|docs|writing|roadmap|attitude|behaviou?r)\b", 0.45),
        (r"\b" + _POSS + r" (?:review|appraisal|evaluation|rating|scorecard)\b|\bnegative (?:appraisal|review|feedback|rating|comments?)\b|\bnot (?:\w+ )?material\b", 0.5),
        (r"\breturned " + _POSS + r" \w+\b|\bcovered in (?:comments|red|notes)\b|\bcomments, most of them\b|\bsarcastic comments?\b", 0.45),
        (r"\b(?:his|her|their|the) (?:analysis|proposal|copy|draft|report|deck|slides|code|design|pitch|work)\b.{0,40}\b(?:harsh|holes|wrong|weak|poor|bad|fixing|problems)\b", 0.35),
    ),
    # Someone pulling back: quiet, absent, off camera, no longer engaging.
    "withdrawal": _cues(
        (r"\b(?:went|gone|go|goes|going|been|very|is|seems) (?:quiet|silent)\b|\bquieter\b", 0.7),
        (r"\bstopped (?:speaking|talking|contributing|coming|participating|joining|sharing|replying|answering|engaging|asking)\b", 0.75),
        (r"\bcameras? (?:off|turned off)\b|\bturn(?:ed|s)? (?:off )?(?:his|her|their) camera\b", 0.7),
        (r"\bwithdr(?:ew|awn|aw|awing|aws)\b|\bpulled back\b|\bdisengag(?:ed|ing)\b|\bchecked out\b|\bshut down\b(?! the)", 0.65),
        (r"\bhasn't (?:spoken|said|talked|replied)\b|\bhas not (?:spoken|said|talked|replied)\b|\bbarely (?:says|said|speaks|talks)\b", 0.6),
        (r"\bnot (?:participating|contributing|engaging)\b|(?<!we are )(?<!we're )\bno longer\b|\bdistant\b|\bsilent\b|\bquiet\b", 0.45),
        (r"\bkept (?:his|her|their) head down\b|\bnods? along\b|\bavoid(?:s|ing|ed)? me\b", 0.55),
        (r"\bskipped (?:our|the|his|her|their)\b|\bdeclined\b|\bdidn't reschedule\b", 0.35),
        (r"\bdid not answer\b|\bdidn't answer\b|\bonly (?:answers|replies|responds)\b|\bone-word\b", 0.35),
        (r"\bsomething (?:shifted|changed)\b|\b(?:don't|do not) know why\b|\bnot sure (?:whether|why|if)\b", 0.3),
        (r"\bsince (?:our|the|then|last|two|a|i)\b", 0.15),
        (r"\bone-line (?:replies|answers)\b|\bshort replies\b|\bkeep(?:s|ing)? (?:his|her|their) distance\b|\bkeeps? to (?:himself|herself|themselves)\b", 0.6),
        (r"\bskip(?:s|ped|ping)? (?:the |our |team )?(?:socials?|lunch|drinks|standups?|meetings?|one-to-ones?|1:1s?)\b|\bon mute\b|\bmic(?:rophone)? off\b|\bstopped showing up\b", 0.5),
        (r"\b(?:less|not as) (?:active|engaged|involved|chatty|talkative|present)\b|\bhasn't volunteered\b|\bnot (?:been )?(?:himself|herself|themselves)\b|\bclosed off\b|\bstand-?offish\b", 0.55),
        # Someone else not communicating: a third-person subject with a negated talk verb.
        (r"(?<!\bi )\b(?:didn't|hasn't|haven't|hadn't|doesn't|has not|did not|does not|won't) (?:say|said|speak|spoken|speak up|post(?:ed)?|talk(?:ed)?|answer(?:ed)?|repl(?:y|ied)|respond(?:ed)?|contribut(?:e|ed)|shar(?:e|ed)|join(?:ed)?|engag(?:e|ed)|volunteer(?:ed)?|push(?:ed)? back)\b", 0.5),
        (r"\bunusual for (?:him|her|them)\b|\bhours later\b|\bvery formal\b|\bkeeps? (?:it|things) (?:very )?(?:formal|brief|short)\b|\bmove (?:his|her|their) desk\b|\basked to (?:move|switch|be moved|transfer)\b", 0.45),
        (r"\bafter (?:our|the|my|that) (?:disagreement|argument|conversation|talk|exchange|clash|comment|feedback|meeting)\b|\bsince (?:the|our) (?:escalation|incident|argument|disagreement|offsite|meeting|review)\b", 0.3),
        # A contrast with how they usually are is weak alone, useful next to other cues.
        (r"\b(?:normally|usually|typically|used to)\b", 0.18),
        (r"\b(?:more|much more|very) (?:guarded|careful|reserved|formal|cautious)\b|\bguarded\b", 0.4),
        (r"\bhasn't (?:really )?(?:looked|spoken|talked|said|replied)\b|\bleft (?:the )?(?:\w+ ){0,2}early\b|\bturned down\b|\beye contact\b|\bno longer asks\b|\b(?:become|got|gotten|getting) (?:really |very )?(?:short|quiet|distant|curt|formal)\b", 0.5),
        (r"(?<!\bi )\b(?:has |have |had )?stopped \w+ing\b|\bworks? around me\b|\bscared to\b|\bafraid to\b|\bwary of me\b|\bagrees? with everything\b|\boff sick\b|\b(?:didn't|doesn't|did not) come to\b", 0.5),
        (r"\banymore\b|\bnow (?:he|she|they) (?:just |only )?\w+|\bseems? (?:scared|afraid|nervous|hesitant|reluctant)\b", 0.3),
        (r"\bonly (?:communicates|talks|speaks|responds|replies|writes|emails|messages)\b|\bmentally elsewhere\b|\blike before\b|\bhaven't heard (?:a peep|anything|from)\b|\bstatus is (?:always )?away\b|\b(?:doesn't|don't|didn't) offer\b", 0.5),
        (r"\bseems? (?:flat|off|down|withdrawn|upset|low)\b|\bonly talks to me when\b|\bused to (?:joke|chat|talk|speak|be the first)\b|\bnow (?:she|he|they) only\b|\btaken off the project\b", 0.45),
    ),
    # A leadership call that affects people: the choice itself, or how it was rolled out.
    "decision": _cues(
        (r"\bdeci(?:de|ded|des|ding|sion|sions)\b|\bmade the (?:call|choice)\b", 0.65),
        (r"\bre-?org(?:anisation|anization|anised|anized|anising|anizing)?s?\b|\brestructur(?:e|ed|ing)\b", 0.7),
        (r"\blay-?offs?\b|\blaid off\b|\bredundanc(?:y|ies)\b|\bheadcount\b|\bhiring freeze\b", 0.7),
        (r"\bcancel(?:l?ed|l?ing|s)?\b|\bshelv(?:e|ed)\b|\bscrapp?(?:ed)?\b", 0.45),
        # "Pause" only as a decision about work, not someone pausing to think.
        (r"\bpaus(?:e|ed|ing) (?:the|our|their|all|\w+'s) (?:\w+ ){0,2}(?:projects?|work|initiatives?|programs?|programmes?|hiring|rollouts?)\b|\bprojects? to pause\b", 0.45),
        (r"\breturn to (?:the )?office\b|\brto\b|\bremote (?:work|fridays?|days?)\b|\boffice days?\b|\b\w+ days a week\b", 0.6),
        (r"\bpolic(?:y|ies)\b|\bmerg(?:er|e|ed|ing)\b|\brelocat(?:e|ed|ion)\b", 0.55),
        (r"\boverrul(?:e|ed|ing)\b|\bveto(?:ed)?\b", 0.6),
        (r"\bannounc(?:e|ed|ing|ement)\b|\brolled (?:it |this )?out\b|\bswitched to\b", 0.4),
        (r"\b(?:chose|picked|selected|hired|promoted|appointed)\b.{0,60}\bover\b", 0.5),
        (r"\bchang(?:e|ed|ing) the (?:rota|schedule|process|plan|structure|priorities|roadmap)\b|\bmov(?:e|ed) the (?:launch|deadline|date|release)\b", 0.5),
        (r"\bbudget (?:was |got |has been )?cut\b|\bcut the budget\b|\bwithout consulting\b|\bapproved\b", 0.4),
        (r"\bright call\b|\bstand by\b|\bthe (?:rota|candidate|role)\b|\binstead of\b", 0.2),
        (r"\b(?:froze|freez(?:e|ing)) (?:hiring|pay|salaries|budgets?|raises)\b|\bconsolidat(?:e|ed|ing|ion)\b|\boutsourc(?:e|ed|ing)\b|\boffshor(?:e|ed|ing)\b", 0.6),
        (r"\bclos(?:e|ed|ing) (?:the|our|a) (?:\w+ )?(?:site|office|branch|team|plant|store)\b|\bshut(?:ting)? down the (?:\w+ )?(?:project|office|site|team|product)\b|\bdiscontinu(?:e|ed|ing)\b|\bsunset(?:ting)?\b|\bdeprioriti[sz](?:e|ed|ing)\b", 0.6),
        (r"\btook (?:the |his |her |their )?\w+ (?:account|project|client|team|portfolio) away\b|\breassign(?:ed|ing)?\b|\btransferr?(?:ed|ing)\b|\bmoved " + _POSS + r" team\b|\bmoved (?:him|her|them) (?:to|under|off)\b", 0.55),
        (r"\bbr(?:oke|eak) the news\b|\bdeliver(?:ed)? the (?:message|news)\b|\b(?:management|leadership|the board|the exec(?:utive)?s?) (?:chose|decided|approved|wants)\b|\bchose to\b", 0.5),
        (r"\bagainst (?:the team's|their|his|her) (?:recommendation|advice|wishes)\b|\bwithout asking\b|\bcut (?:everyone's |the |our |their )?(?:travel |training |team )?(?:budgets?|bonus(?:es)?|perks|headcount)\b", 0.45),
        # Ending or handing out something people valued: programmes, perks, roles.
        (r"\b(?:end(?:ed|ing)?|dropp?(?:ed|ing)?|scrapp?(?:ed|ing)?|kill(?:ed|ing)?|ax(?:e|ed|ing)|withdr(?:ew|awn)|revok(?:e|ed|ing)) (?:the|our|their|a) (?:\w+ ){0,3}(?:pilot|program|programme|project|initiative|scheme|perk|arrangement|benefit|budget|allowance|policy|team|product)\b", 0.6),
        (r"\bflexible (?:hours|working)\b|\bfour-day week\b|\bhybrid\b|\bwork from home\b|\bwfh\b|\bgave the (?:promotion|role|job|position|project|account|lead) to\b|\bagreed to (?:it|the)\b|\bmerged into\b|\bfound out from\b", 0.35),
        # The leader setting or changing how things work for the team.
        (r"\bi (?:set|introduced|imposed|instituted|brought in|put in place|rolled out|switched|changed|removed|ended|dropped|scrapped|chose|picked|approved|signed off|agreed)\b|\bmy (?:call|choice|decision)\b", 0.4),
        (r"\b(?:a |the |new )?rule\b|\bno one can\b|\bnobody can\b|\beveryone (?:must|has to|will have to|now has to)\b|\bbring in (?:a|an|external)\b|\bcontractors?\b|\bpromot(?:e|ed|ing) from within\b", 0.45),
        (r"\bcut the team\b|\bfrom \w+ (?:people )?to \w+\b|\bwho would (?:go|stay|leave)\b|\bovernight\b|\bwithout any (?:discussion|consultation|warning|notice|input)\b", 0.35),
        (r"\bcut (?:\w+(?:'s)? ){0,3}(?:budgets?|bonus(?:es)?|perks|headcount|hours|pay|allowance)\b|\bbr(?:ought|ing) (?:forward|back) the\b|\btake on (?:a|another|the) \w+\b|\badopt(?:ing|ed)? (?:the|a) new\b|\bsigned (?:the|a) (?:contract|deal)\b|\bbecause i (?:decided|signed|agreed|chose)\b", 0.5),
        (r"\bcancel (?:their|our) (?:holidays?|leave|vacations?|plans)\b|\btwice the (?:scope|work)\b|\bsame (?:people|headcount)\b|\bscope\b", 0.35),
        (r"\b(?:we are|we're|we will be) no longer (?:doing|running|holding|funding|offering|going)\b|\bto save (?:money|costs?)\b|\bcost-?cutting\b|\bi didn't ask (?:anyone|them|the team|people)\b|\bmoved (?:the|our) (?:whole )?team\b|\b(?:night|weekend|late|early) shifts?\b|\bshift (?:patterns?|rotas?)\b", 0.45),
        (r"\bpicked (?:the|a) \w+ (?:vendor|supplier|option|candidate|tool|approach|plan)\b|\bnew (?:process|rule|tool|structure|system|rota|schedule)\b|\bmandat(?:e|ed|ory)\b", 0.45),
    ),
}


_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
_SPACES = re.compile(r"\s+")


def _normalise(text: str) -> str:
    # Curly apostrophes and line breaks would otherwise defeat "didn't" and multi-word cues.
    return _SPACES.sub(" ", (text or "").translate(_APOSTROPHES)).lower().strip()


def detect_situations(text: str) -> dict[str, float]:
    """Score each of the five situations in [0, 1]; 0 means no cue matched.

    All five keys are always present so callers can index without checks.
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
