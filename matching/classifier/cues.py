"""The phrase vocabulary the checklist is read with: cues per question, and the known traps.

Data, kept apart from the reading itself (``inference``): each ``Cue`` is a phrase pattern
that is evidence for one answer to one checklist question, and each ``Trap`` a known way
the wording misleads, with its pull towards a role and the reason in client terms. Add a
cue or a trap here; the dev set (``corpus/dev.jsonl``) is what they are tuned on, never the
held-out set.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marketplace.vocabulary import AI_ENGINEER as AI
from marketplace.vocabulary import ML_ENGINEER as ML


@dataclass(frozen=True)
class Cue:
    key: str
    answer: bool
    pattern: re.Pattern[str]
    strength: float
    # A negation before the phrase (or inside it, for verb phrases) flips the answer.
    negatable: bool = True
    negation_inside: bool = False
    # A clause matching this is about something else ("quality drifts when we edit the
    # prompt" is not a model to retrain).
    veto: re.Pattern[str] | None = None


@dataclass(frozen=True)
class Trap:
    name: str
    role: str
    pull: float  # log-odds magnitude towards ``role``
    reason: str  # client-facing, completed with the quote
    # The trap fires when every pattern matches somewhere; the first one gives the quote.
    patterns: tuple[re.Pattern[str], ...]
    # Cues this trap explains away: their inferred answers are dropped.
    cancels: tuple[str, ...] = ()
    # The trap does not apply when the brief answers this confidently ("85 categories that
    # change every year" are still learnable from 1.2 million filed letters).
    unless: tuple[tuple[str, bool], ...] = ()
    # An answer the trap implies, with the trap's quote (a weaker cue may be overruled).
    implies: tuple[tuple[str, bool], ...] = ()


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


# --- Shared phrase fragments ------------------------------------------------------------

_NUM = (
    r"(?:\d[\d,.]*\s*(?:k|m|million|thousand|hundred)?|a few thousand|thousands of|"
    r"hundreds of|millions of)"
)
_FEW = (
    r"(?:a|an|one|two|three|four|five|six|seven|eight|a couple of|a few|few|couple of|"
    r"couple|\d{1,2})"
)
_ITEMS = (
    r"(?:records|rows|examples|images|pictures|scans|photos|x-rays|transactions|claims|tickets|"
    r"calls|emails|reviews|orders|invoices|disputes|cases|readings|logs|samples|reports|"
    r"sessions|visits|applications|loans|patients|recordings|events|entries|messages|"
    r"documents|contracts|files|videos|clips|parts|inspections|shipments|bookings|deliveries|"
    r"students|essays|listings|leads|policies|accounts|customers|items|products|labels|letters|"
    r"chargebacks|payments|returns|jobs|incidents|alerts|frames|hours of audio|scripts|"
    r"parcels|pairs|posts|comments|purchases|buys|visits|counts|hours|photo|image|picture|"
    r"scan|notes|essays|compounds|molecules|audits|trips|rides|voyages|flights|meters|"
    r"tenders|bids|quotes|deals|opportunities|conversations|chats)"
)
# Words that say the examples carry an outcome or label; also used by the rationale.
LABELLED = (
    r"(?:labell?ed|tagged|annotated|graded|scored|classified|categori[sz]ed|signed|marked|"
    r"verified|confirmed|reviewed|rated|checked|judged|coded|flagged|resolved|diagnosed|filed|"
    r"sorted|assigned|routed|approved|rejected|removed|deleted|blocked|banned|moderated|"
    r"reported|escalated|transcribed|corrected|outlined|measured|keyed|tested|inspected)"
)
_GENERAL = (
    r"(?:chat\s?gpt|gpt[- ]?\d[\w.-]*|gpt|claude|gemini|copilot|llama|mistral|openai|"
    r"(?:the |a |an )?(?:hosted|general|general[- ]purpose|generic|public|off[- ]the[- ]shelf|"
    r"commercial|existing|standard|big|cloud|vendor|vendor'?s|pre-?trained|foundation|"
    r"frontier|out[- ]of[- ]the[- ]box)\s(?:[\w-]+\s){0,2}?(?:models?|llms?|apis?|tools?|ocr|"
    r"services?|products?|vision models?|solutions?|software|vendors?|ai|scores?|ratings?|"
    r"forecasts?|systems?|classifiers?|filters?|modules?)|(?:the |an? )?llms?|the vendors?|"
    r"vendors|apis|(?:an? |the )?(?:ai|llm|vision|speech|translation|ocr|document) apis?|"
    r"(?:the )?(?:[\w-]+\s){0,3}?(?:tools?|systems?|products?|models?|apis?|vendors?|"
    r"solutions?|software|modules?) (?:we|that we|i) (?:tried|tested|trialled|trialed|"
    r"evaluated|bought|looked at|piloted|use|used))"
)
_DOCS = (
    r"(?:docs|documents|documentation|manuals?|handbooks?|wiki|wikis|policies|policy documents|"
    r"knowledge[- ]base|help[- ]cent(?:re|er)(?: articles)?|faqs?|articles|pdfs|notion|"
    r"confluence|sharepoint|website|web ?site|guides?|procedures|playbooks?|product (?:info\w*|"
    r"sheets?|pages)|catalogue|catalog|brochures?|contracts|intranet|files|content|"
    r"tone of voice|brand voice|style guide|terms and conditions|t&cs|past answers|"
    r"standard answers|support macros|templates|notes|slides|course material|menus?)"
)
_DEADLINE = (
    r"(?:live|ready|working|running|launch(?:ed)?|ship(?:ped)?|deliver(?:ed)?|done|finished|"
    r"in place|in production|deployed|needed|need it|need this|needs to|pilot|prototype|demo|"
    r"mvp|results|value|something|start(?:ed)?|go[- ]live|use it|using it|up|out|help|need|"
    r"quick|fast|quickly|wanted|want it)"
)
_FACTS = (
    r"(?:opening hours|hours|prices|pricing|promotions|promos|offers|deals|stock levels|stock|"
    r"inventory|availability|menus?|schedules?|timetables?|closures|policies|rates|fees|"
    r"catalogue|catalog|product range|specials|rota|discounts|dates|listings|exchange rates|"
    r"office hours|contact details|staff list|vacancies|terms|event details|room types|tariffs)"
)
_TEACH = (
    r"(?:fine[- ]?tun\w*|re-?train\w*|train(?:ed|ing)?|teach\w*|learn(?:s|ed|t)?|"
    r"feed(?:ing)?|memori[sz]e\w*|know(?:s)?)"
)
_ASSISTANT = (
    r"(?:bot|chatbot|chat bot|assistant|agent|copilot|chat|gpt|chatgpt|llm|the ai|our ai|"
    r"virtual|concierge|helpdesk|answer(?:s|ing)? (?:questions|customers|guests))"
)

_PROMPT_TALK = _rx(r"\b(?:prompts?|instructions?|system message|wording of the bot)\b")


CUES: tuple[Cue, ...] = (
    # --- has_training_data ----------------------------------------------------------------
    Cue(
        "has_training_data",
        True,
        _rx(
            r"\b(?:years?|decades?|\d+ months|months|seasons) of (?:\w+[\s-]){0,3}?(?:"
            r"sales|transactions|claims|disputes|readings|outcomes|"
            r"orders|bookings|labels|results|tickets|examples|measurements|observations|"
            r"reservations|payments|chargebacks|decisions|inspections|scans|images|calls|"
            r"applications|telemetry|sensor data|returns|repayments|loans|failures|archives?)\b"
        ),
        0.75,
    ),
    # History without a word about outcomes is weaker evidence of usable training data.
    Cue(
        "has_training_data",
        True,
        _rx(
            r"\b(?:years?|decades?|\d+ months|months|seasons) of (?:\w+[\s-]){0,3}?(?:history|"
            r"histories|records|data|logs|archives?)\b"
        ),
        0.5,
    ),
    Cue(
        "has_training_data",
        True,
        _rx(rf"\b{_NUM}\s+(?:[\w-]+\s){{0,3}}?{_ITEMS}\s+(?:\w+\s){{0,2}}?{LABELLED}\b"),
        0.85,
    ),
    Cue(
        "has_training_data",
        True,
        _rx(rf"\b{_NUM}\s+(?:[\w-]+\s){{0,3}}?{LABELLED}\s+(?:[\w-]+\s){{0,2}}?{_ITEMS}\b"),
        0.85,
    ),
    Cue(
        "has_training_data",
        True,
        _rx(
            rf"\b{_NUM}\s+(?:[\w-]+\s){{0,3}}?{_ITEMS}\s+(?:each )?(?:with|and) (?:their |the |"
            r"its |a |an )?(?:\w+\s)?(?:labels?|outcomes?|diagnos[ie]s|reports|results|grades|"
            r"ratings|verdicts|answers|scores|decisions|resolutions|dispositions|categories|"
            r"ground truth)\b"
        ),
        0.8,
    ),
    Cue(
        "has_training_data",
        True,
        _rx(
            r"\b(?:hand[- ])?(?:labell?ed|tagged|annotated|historic(?:al)?|graded|scored) "
            r"(?:[\w-]+\s){0,2}?(?:data|dataset|datasets|examples|records|history|outcomes|cases|images|"
            r"scans|transactions|claims|disputes|tickets|calls|archive|samples|photos)\b"
        ),
        0.7,
    ),
    Cue(
        "has_training_data",
        True,
        _rx(rf"\b{LABELLED} (?:by|as) \w+"),
        0.6,
    ),
    Cue("has_training_data", True, _rx(r"\bground[- ]truth\b"), 0.6),
    Cue(
        "has_training_data",
        True,
        _rx(
            rf"\b{_NUM}\s+(?:past|historical|historic|previous|old|closed|completed|resolved|"
            rf"settled|finished)\s+(?:[\w-]+\s)?{_ITEMS}\b|\b{LABELLED} (?:about |over |around |"
            rf"some |nearly |almost |more than |roughly )?{_NUM}\s+(?:[\w-]+\s){{0,2}}?{_ITEMS}\b|"
            r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|twelve) (?:years?|yrs|"
            rf"months|seasons) (?:of )?(?:[\w-]+\s){{0,2}}?{LABELLED}\b"
        ),
        0.75,
    ),
    Cue(
        "has_training_data",
        True,
        _rx(
            r"\b(?:years?|decades?|\d+ months|months|seasons|yrs) of (?:[\w-]+\s){0,3}?"
            rf"{_ITEMS}\b|\b(?:sales|sells|data|history|records|logs) (?:of|for|from) (?:the )?"
            r"(?:last |past )?(?:\d+|two|three|four|five|six|seven|eight|nine|ten) (?:years?|yrs|"
            r"seasons)\b|\bevery (?:confirmed|recorded|past|reported|logged) \w+ (?:with|and|"
            r"is|was)\b"
        ),
        0.6,
    ),
    Cue(
        "has_training_data",
        True,
        _rx(
            r"\b(?:records|data|logs|history|kept|tracked|logged|stored|recorded|archived|"
            r"readings|measurements|registered|failures|breakdowns|incidents|sales|orders|"
            r"transactions|trip|trips|batch|batches|history)\b"
            r"[^.;]{0,40}?\b(?:since|back to|going back to) (?:19|20)\d\d\b"
        ),
        0.6,
    ),
    Cue(
        "has_training_data",
        True,
        _rx(
            r"\bwe (?:know|recorded|logged|kept track of|tracked) (?:exactly )?(?:which|who|"
            r"what|whether|when) (?:\w+\s){0,3}?(?:churned|failed|defaulted|cancel+ed|left|broke|"
            r"was fraud|were fraud|converted|won|lost|returned|paid|repaid|bought|clicked|"
            r"quit|renewed|sold)"
        ),
        0.7,
    ),
    Cue(
        "has_training_data",
        True,
        _rx(
            r"\b(?:outcomes?|results?|labels?|the answer|the verdict) (?:for|of|on) (?:each|every|"
            r"all (?:of )?(?:them|those))\b|\bevery (?:one|case|record|claim|transaction|image|"
            r"scan|call|ticket) (?:has|came with|comes with|is marked|was marked)"
        ),
        0.6,
    ),
    Cue(
        "has_training_data",
        False,
        _rx(
            r"\b(?:nobody|no one|no-one|noone|never|nobody has|nobody ever|none of (?:it|them|"
            r"us)) (?:\w+\s){0,2}?(?:tagged|tag|labell?ed|label|marked|mark|annotated|annotate|"
            r"recorded|record|tracked|track|logged|kept|classified|categori[sz]ed|noted|wrote "
            r"down|graded|scored)\b"
        ),
        0.85,
        negatable=False,
    ),
    Cue(
        "has_training_data",
        False,
        _rx(
            r"\b(?:no|zero|without|lack(?:ing)?(?: of)?|don'?t have(?: any)?|do not have(?: any)?|"
            r"haven'?t got(?: any)?|have no|has no|had no|not have(?: any)?|no any|"
            r"there (?:are|is) no|there's no|we have not|we has not|we have none)\s+"
            r"(?:\w+\s){0,2}?(?:labels?|labell?ed|tagged|annotat\w*|training (?:data|examples|"
            r"set)|historical|historic|history|histories|examples|past data|outcomes?|ground "
            r"truth|records? of|datas?set|track record)\b"
        ),
        0.8,
        negatable=False,
    ),
    Cue(
        "has_training_data",
        False,
        _rx(
            r"\b(?:don'?t have|do not have|haven'?t got|have not got|not have|have no|has no|"
            r"we have not|no have)\s+(?:any |much |enough |the |real )?(?:\w+\s)?datas?\b"
        ),
        0.75,
        negatable=False,
    ),
    Cue(
        "has_training_data",
        False,
        _rx(
            r"\bno (?:\w+ )?data(?=[,.;]| and| or|$)|\bnothing (?:has been|is|was|ever) "
            r"(?:labell?ed|tagged|annotated|recorded)|"
            r"\b(?:untagged|unlabell?ed|unannotated|un-labell?ed|not (?:been )?labell?ed|"
            r"not (?:been )?tagged|never been (?:labell?ed|tagged|annotated)|no one has labell?ed)"
            r"\b"
        ),
        0.8,
        negatable=False,
    ),
    Cue(
        "has_training_data",
        False,
        _rx(
            r"\b(?:brand[- ]new|just (?:launched|started|opened)|not (?:yet )?launched|"
            r"pre-?launch|haven'?t launched|launching (?:next|this|in)|no (?:customers|users|"
            r"sales|history|orders) yet|(?:start|starting) from (?:zero|scratch|nothing)|"
            r"new (?:product|service|category|market) (?:with|and) no)\b"
        ),
        0.6,
        negatable=False,
    ),
    Cue(
        "has_training_data",
        False,
        _rx(
            r"\b(?:only|just) (?:a (?:few|handful|dozen)(?: of)?|\d{1,2}|a couple of|some) "
            r"(?:\w+\s)?(?:examples|samples|records|images|photos|labell?ed|tagged)"
        ),
        0.55,
        negatable=False,
    ),
    # --- needs_value_within_weeks ------------------------------------------------------------
    Cue(
        "needs_value_within_weeks",
        True,
        _rx(
            rf"\b{_DEADLINE}\b[^.;]{{0,45}}?\b(?:in|within|inside|under|by|before|after|in the "
            rf"next|less than|max|maximum) (?:the next |just |only |about )?(?:{_FEW}[- ])?"
            r"(?:days?|weeks?|fortnight)\b"
        ),
        0.8,
    ),
    Cue(
        "needs_value_within_weeks",
        True,
        _rx(
            r"\b(?:is|are|starts?|opens?|begins?|happens?|comes?|lands?|due|arrives?|kicks? off|"
            rf"relaunch\w*|launch\w*|goes live) in (?:just |only |about )?(?:{_FEW}[- ])?"
            rf"(?:days?|weeks?|fortnight)\b|\b(?:{_FEW}|a few) weeks? (?:max|maximum|at most|"
            r"tops)\b|\bwithin (?:a few|days|a fortnight)\b"
        ),
        0.7,
    ),
    Cue(
        "needs_value_within_weeks",
        True,
        _rx(
            rf"\b{_FEW}[- ]weeks?(?:[- ]\w+)? (?:deadline|pilot|timeline|sprint|project|"
            r"engagement|window|contract|trial|budget|proof of concept|poc)\b|\b(?:we have|"
            rf"we've got|got|only|just|deadline is|deadline in|deadline of) (?:{_FEW} )?weeks?\b"
        ),
        0.75,
    ),
    Cue(
        "needs_value_within_weeks",
        True,
        _rx(
            r"\b(?:asap|a\.s\.a\.p|as soon as possible|right away|urgently|quick win|"
            r"time[- ]critical|by yesterday|by (?:monday|tuesday|wednesday|thursday|friday|the "
            r"weekend|tomorrow)|by (?:next|the end of (?:the|this|next)) (?:week|month|sprint)|"
            r"this week|next week|(?:in|within) (?:a|one) month|by month end|by (?:the )?end of "
            r"(?:the )?month|fast please|quickly please|before (?:christmas|black friday|"
            r"the holidays|the conference|the trade show|the launch|launch))\b"
        ),
        0.6,
    ),
    Cue(
        "needs_value_within_weeks",
        False,
        _rx(
            rf"\b{_DEADLINE}\b[^.;]{{0,45}}?\b(?:in|within|over|by|after|in the next|for the "
            r"next) (?:the next |about |roughly |around )?(?:\d+|two|three|four|five|six|nine|"
            r"twelve|eighteen|several|a few|few|many|couple of|a couple of)[- ]months\b"
        ),
        0.7,
    ),
    Cue(
        "needs_value_within_weeks",
        False,
        _rx(
            r"\b(?:no rush|no hurry|not in a hurry|in no hurry|not urgent|no (?:hard |fixed |"
            r"real )?deadline|take (?:the |your )?time|long[- ]term (?:project|investment|"
            r"programme|program|engagement|effort|bet|roadmap|partner\w*|hire)|(?:multi|two|"
            r"three|one|1|2|3)[- ]years? (?:project|programme|program|roadmap|effort|"
            r"engagement|budget|plan|horizon)|(?:\d+|six|nine|twelve|eighteen)[- ]months? "
            r"(?:project|programme|program|roadmap|timeline|engagement|budget|effort|runway|"
            r"plan|horizon)|over the (?:next|coming) (?:year|two years|few years|quarters|"
            r"several quarters|\d+ months|months)|months (?:rather|not) (?:than )?weeks|"
            r"year[- ]long|multi[- ]year|months[- ]long|we can "
            r"wait|happy to wait|patient|no quick fix|not a quick)\b"
        ),
        0.7,
        negatable=False,
    ),
    # --- general_model_sufficient -------------------------------------------------------------
    Cue(
        "general_model_sufficient",
        True,
        _rx(
            # Within one clause: "we use an LLM for replies, and that's fine" is about replies.
            rf"\b{_GENERAL}\b[^.;,]{{0,60}}?\b(?:already |actually |mostly |pretty much |really )?"
            r"(?:gets?|got|handles?|handled|works?|worked|manages?|managed|is (?:fine|good "
            r"enough|great|accurate|decent|ok|okay)|was (?:fine|good|great|decent|spot on)|"
            r"looked (?:promising|good|great)|answers?|answered|nails?|nailed|did (?:a )?(?:good|"
            r"decent|great|fine)|does (?:a )?(?:good|decent|great|fine)|does (?:it|the job|most|"
            r"well)|did (?:it|the job|most|well)|(?:is|are|was|were) (?:surprisingly )?good|"
            r"impressed|can do|caught|found|flagged|spotted|read|extracted|picked up|"
            r"(?:\w+\s){0,4}?(?:well|fine|correctly|accurately|nicely|right))\b"
        ),
        0.7,
        negation_inside=True,
    ),
    Cue(
        "general_model_sufficient",
        True,
        _rx(
            # "good enough" needs a verb of its own: "documentation good enough for a CE
            # submission" says nothing about a general model.
            r"\b(?:(?:is|are|was|were|be|it'?s|that'?s|already) good enough|gets? us (?:most|\d+%|"
            r"there|close)|got us (?:most|\d+%|there|"
            r"close)|most of the way|does the job|out of the box|no need to (?:train|build)|"
            r"(?:don'?t|do not) need (?:our own|a custom|a bespoke|to train|to build)(?: a)? "
            r"model|doesn'?t need (?:a custom|its own|a bespoke) model|surprisingly well|"
            r"works (?:fine|well) already)\b"
        ),
        0.65,
        negation_inside=True,
    ),
    Cue(
        "general_model_sufficient",
        True,
        _rx(
            r"\b(?:in a (?:quick )?(?:test|trial)|we tried|we tested|we played with|a quick "
            r"(?:test|trial|prototype|experiment)|prototyped?|hacked together|tried it)\b"
            r"[^.;]{0,80}?\b(?:worked|works|promising|impressive|surprisingly good|pretty good|"
            r"did well|nailed|handled|fine|decent|useful|right)\b"
        ),
        0.6,
        negation_inside=True,
    ),
    Cue(
        "general_model_sufficient",
        True,
        _rx(
            rf"\b(?:from|using|based on|grounded in|out of|in|over|against|with) (?:our|the|"
            rf"their|its|my) (?:own |existing |internal |current |\w+ ){{0,2}}{_DOCS}\b"
        ),
        0.45,
    ),
    Cue(
        "general_model_sufficient",
        False,
        _rx(
            rf"\b{_GENERAL}\b[^.;]{{0,60}}?\b(?:miss(?:es|ed)?|fail(?:s|ed)?|struggle[sd]?|"
            r"hallucinat\w*|choke[sd]?|(?:gets?|got|getting) (?:\w+\s){0,3}?wrong|mix(?:es|ed)? "
            r"up|confuse[sd]?|can(?:not|'?t) (?:\w+\s){0,2}?(?:read|handle|tell|see|detect|spot|"
            r"understand|match|do|cope|deal|predict|answer|classify|find|say)|could(?:n'?t| not) "
            r"(?:\w+\s){0,2}?(?:read|handle|"
            r"tell|see|detect|spot|understand|match|do|cope|deal)|(?:don'?t|do not|doesn'?t|does "
            r"not|didn'?t|did not|wont|won'?t) (?:\w+\s){0,2}?(?:work|know|understand|handle|"
            r"recogni[sz]e|get|cope|see|read|speak|cover)|(?:are|is|were|was)(?:n'?t| not)? "
            r"(?:\w+\s)?(?:not )?(?:good enough|accurate enough|close|useless|poor|bad|unusable|"
            r"too generic|nowhere near|wrong|unreliable|terrible|awful|rubbish|weak)|useless|"
            r"only (?:gets?|got|reach(?:es)?|manages?|managed) |top(?:s|ped)? out|plateau\w*|"
            r"(?:are|is|were|was) (?:\w+\s)?(?:wrong|off)|only right|right only|no better than|"
            r"worse than|bad at|poor at|terrible at|lousy|mis(?:s|count|read|label|classif|"
            r"identif|understand)\w*|(?:\w+\s)?the wrong \w+|(?:only |just )?guess\w*|"
            r"(?:far |way |much )?too (?:blunt|generic|coarse|crude|simple|inaccurate|vague|"
            r"general)|(?:raises?|gives?|throws?|produces?) (?:\w+\s)?false (?:alarms|"
            r"positives)|have no idea|no better)"
        ),
        0.8,
        negatable=False,
    ),
    Cue(
        "general_model_sufficient",
        False,
        _rx(
            r"\bno (?:public|open|hosted|existing|off[- ]the[- ]shelf|commercial|general|"
            r"available|generic|standard)(?:[- ]\w+)? (?:\w+\s)?(?:models?|llms?|apis?|tools?|"
            r"products?|vendors?|solutions?|ones?)\b(?: \w+){0,3}? (?:can|could|comes? close|"
            r"matches|match|handles?|does|gets|is|knows)|\b(?:nothing|none) (?:on the market|off "
            r"the shelf|off-the-shelf|available|out there) (?:\w+\s){0,3}?(?:does|works|handles|"
            r"can|comes? close|fits)|\bnot (?:something|a problem) (?:\w+\s){0,3}?(?:off the "
            r"shelf|a general model|chatgpt|an llm)"
        ),
        0.85,
        negatable=False,
    ),
    Cue(
        "general_model_sufficient",
        False,
        _rx(
            r"\b(?:beat|beats|outperform\w*|better than|more accurate than|match or beat|"
            r"outdo) (?:the |what |any |every )?(?:\w+\s){0,2}?(?:vendors?|off[- ]the[- ]shelf|"
            r"hosted|generic|general|existing|public|commercial|chat\s?gpt|gpt\S*|competitors?'?|"
            r"rivals?'?)"
        ),
        0.6,
        negatable=False,
    ),
    # --- model_is_moat ------------------------------------------------------------------------
    Cue(
        "model_is_moat",
        True,
        _rx(
            r"\b(?:whole|only|main|real|entire|number one|no\. ?1|biggest) reason (?:\w+\s){0,4}?"
            r"(?:come to us|choose us|pick us|use us|pay us|buy from us|buy|pay|stay|sign|"
            r"subscribe|switch(?:ed)? to us|work with us|come|use)\b"
        ),
        0.85,
    ),
    Cue(
        "model_is_moat",
        True,
        _rx(
            r"\b(?:our|the|a|its) (?:competitive |real |main |only |biggest |whole )?(?:edge|"
            r"moat|advantage|differentiator|unique selling point|usp|secret sauce|crown jewels?)"
            r"\b"
        ),
        0.7,
    ),
    Cue(
        "model_is_moat",
        True,
        _rx(
            r"\b(?:sets us apart|set us apart|makes us different|what we sell|our core product|"
            r"the core of (?:our|the) (?:product|business|offering|service)|the product is the "
            r"(?:model|prediction|score|forecast)|(?:the )?model is (?:our|the) product|we sell "
            r"(?:the )?(?:scores?|predictions?|forecasts?|models?|ratings?|risk scores?)|"
            r"(?:customers|clients|users|brokers|buyers|members|insurers|lenders|retailers|"
            r"subscribers|partners) (?:pay|choose us|pick us|come to us|buy|subscribe|stay|"
            r"renew)(?: us)? (?:\w+\s){0,3}?(?:for|because of) (?:the |our |its |how )?"
            r"(?:accura\w+|predictions?|scores?|forecasts?|recommendations|model|ranking|"
            r"matching|quality|precision|detection|good|right))|\b(?:a big|the main|a major|the "
            r"biggest|a key|the real|a large) (?:part of |reason )?why (?:we|customers|clients|"
            r"people|users|merchants|sellers|buyers) (?:beat|win|choose|pick|stay|come|trust|"
            r"prefer)|\b(?:are|is) what (?:\w+\s){0,2}?(?:pay us for|pay for|buy|come to us for|"
            r"choose us for)|\b(?:customers|clients|users|brokers|buyers|members|merchants|"
            r"sellers|growers|retailers) (?:pick|choose|prefer|trust) us (?:over (?:\w+\s){0,3}?)?"
            r"(?:for|because)\b|\b(?:pay|buy from) us (?:more )?because\b"
        ),
        0.8,
    ),
    Cue(
        "model_is_moat",
        True,
        _rx(
            r"\b(?:competitors?|rivals?|the big players|others|nobody else|no one else|"
            r"incumbents) (?:\w+\s){0,2}?(?:can'?t|cannot|couldn'?t|won'?t be able to|are "
            r"unable to|don'?t have|do not have|lack|can only dream) (?:\w+\s){0,2}?(?:copy|"
            r"match|replicate|reproduce|buy|have|get|see)\b|\bdata (?:nobody|no one) else has\b|"
            r"\b(?:our own (?:ip|intellectual property)|proprietary (?:ip|models?|algorithms?|"
            r"scoring|methods?))"
            r"\b"
        ),
        0.75,
    ),
    Cue(
        "model_is_moat",
        False,
        _rx(
            r"\b(?:internal (?:tool|use|only|helper|assistant|productivity)|back[- ]office|for "
            r"(?:our )?(?:own )?(?:staff|team|employees) only|nice[- ]to[- ]have|not (?:our|the|"
            r"a) (?:core|differentiator|product|edge|moat)|(?:customers|clients|users) "
            r"(?:won'?t|will never|don'?t|do not|never) (?:even )?see (?:it|this|the model)|a "
            r"commodity|commodity (?:task|feature|problem)|(?:doesn'?t|does not|don'?t|do not) "
            r"need to be (?:perfect|the best|better than|state of the art)|nothing proprietary|"
            r"standard (?:task|feature|stuff|problem)|everyone (?:has|does) (?:this|one)|"
            r"just (?:want|need) (?:it|this) to work)\b"
        ),
        0.6,
        negatable=False,
    ),
    # --- needs_continuous_retraining ----------------------------------------------------------
    Cue(
        "needs_continuous_retraining",
        True,
        _rx(r"\bre-?train(?:ed|ing|s)?\b|\bre-?fit(?:ted|ting)?\b|\brecalibrat\w*"),
        0.8,
        negation_inside=True,
        veto=_PROMPT_TALK,
    ),
    Cue(
        "needs_continuous_retraining",
        True,
        _rx(
            r"\b(?:as|when|because|while|since|whenever|every time) (?:the |our |their |new |"
            r"these )?(?:\w+\s){0,2}?(?:fraudsters|scammers|attackers|spammers|bots|criminals|"
            r"cheaters|customers|users|patterns|behaviou?rs?|habits|tastes|markets?|demand|"
            r"scanners?|sensors?|machines?|equipment|devices|cameras|conditions|weather|"
            r"seasons|data|traffic|competitors|the mix|suppliers|crops|fleet|population|inputs|"
            r"lines?|materials|tactics|threats|risks?|players|drivers|patients|claims|wear|"
            r"engines|components|hardware|microphones|lighting|soil|prices|portfolio)\b"
            r"(?:\s\w+){0,2}?\s(?:adapt|adapts|change|changes|changed|drift|drifts|evolve|"
            r"evolves|shift|shifts|move|moves|age|ages|get replaced|are replaced|is replaced|"
            r"wear|vary|varies|come and go|get upgraded|are upgraded|update|learn|catch on|"
            r"figure (?:it|us) out|find new|try new|invent)"
        ),
        0.8,
    ),
    Cue(
        "needs_continuous_retraining",
        True,
        _rx(
            r"\b(?:drift|drifts|drifting|decay(?:s|ing)? over time|degrad(?:e|es|ing|ation) "
            r"over time|goes? stale|gets? stale|model monitoring|monitor(?:ing)? (?:the |its |"
            r"their )?(?:model|models|accuracy|performance|predictions)|keep (?:the model |the "
            r"models |it |them )?(?:learning|improving|accurate|calibrated|sharp|current)|"
            r"keeps? learning|learn(?:s|ing)? (?:from )?(?:new|fresh|each|every) (?:data|"
            r"outcomes?|cases?|examples?|months?|weeks?|seasons?)|(?:own|maintain|run|look "
            r"after|babysit|evolve|improve) "
            r"(?:it|the model|them|the models|this)(?: \w+){0,3}? (?:as|over time|long[- ]term|"
            r"going forward|for years|after launch|in production|every)|mlops|ml ops|feedback "
            r"loop|continuous(?:ly)? (?:learning|training|improvement|improving)|(?:weekly|monthly|"
            r"nightly|quarterly|yearly) (?:re-?train\w*|refresh(?:es)? of the model|model updates?|"
            r"updates? to the model)|over the (?:years|long run|long term)|"
            r"for (?:the )?years to come|gets? better (?:over time|every|with)|become better with "
            r"time|learn(?:s|ing)? again|re-?learn\w*|(?:maintained|improved|updated|retrained|"
            r"monitored|refined|kept up)(?: and \w+)? over time|(?:patterns|behaviou?rs?|fraud|"
            r"tactics|habits|tastes|demand|the market|markets|conditions|threats|attackers|"
            r"fraudsters|scammers|spammers|abusers) (?:\w+\s)?(?:evolve|evolves|change|changes|"
            r"shift|shifts|drift|drifts|adapt|adapts))"
        ),
        0.75,
        negation_inside=True,
        veto=_PROMPT_TALK,
    ),
    Cue(
        "needs_continuous_retraining",
        False,
        _rx(
            r"\b(?:one[- ]off|one[- ]time|once[- ]off|a single (?:batch|run|report|analysis|pass|"
            r"job)|run (?:it )?once|just once|throwaway|throw[- ]away|set (?:it )?and forget|no "
            r"(?:ongoing |long-term )?(?:maintenance|retraining|upkeep)|hand (?:it )?over and "
            r"(?:walk away|leave|be done)|static (?:data|dataset|rules|content|list)|(?:rarely|"
            r"never|hardly ever|won'?t|doesn'?t|does not|don'?t|do not) change|stays? the same|"
            r"(?:nobody|no one|don'?t want|do not want|won'?t have anyone|can'?t afford) "
            r"(?:\w+\s){0,3}?to (?:maintain|babysit|retrain|look after)|one and done|"
            r"(?:just |only )?(?:this )?once|(?:switched|turned|shut) (?:it )?(?:off|down)|"
            r"nothing to maintain|no (?:ongoing|further) work|no upkeep|single (?:batch|pass|"
            r"run))\b"
        ),
        0.6,
        negatable=False,
    ),
)


TRAPS: tuple[Trap, ...] = (
    Trap(
        "documents_are_retrieval",
        AI,
        2.5,
        "Teaching an assistant your documents is retrieval: a general model reads them as it "
        "answers, and nothing is trained",
        (
            _rx(
                rf"\b(?:train|trained|training|fine[- ]?tun\w*|teach\w*|feed|educate|upload|"
                rf"retrain\w*)\b(?: \w+){{0,4}}? (?:on|with|using|from|about|in) (?:all )?(?:of )?"
                rf"(?:our|the|its|their|my|this|these)? ?(?:\w+[\s-]){{0,2}}?{_DOCS}\b"
            ),
        ),
        cancels=("needs_continuous_retraining", "has_training_data"),
        # Labelled documents to sort or score are training data after all.
        unless=(("has_training_data", True),),
        implies=(("general_model_sufficient", True),),
    ),
    Trap(
        "changing_facts_are_retrieval",
        AI,
        3.0,
        "Facts that keep changing belong where the assistant looks them up (retrieval or a "
        "tool call), not in trained weights",
        (
            # The facts (or a pronoun for them) are what changes, not patterns or demand.
            _rx(
                rf"\b(?:{_FACTS}|these|they|those|all of (?:this|it|them)|which|this info\w*|"
                r"that info\w*|the details|the answers)(?: \w+){0,2}? (?:all )?(?:change|changes|"
                r"changing|changed|get updated|are updated|is updated|vary|varies|move|moves)"
                r"(?: \w+)?\s(?:every|each|all the time|often|constantly|weekly|daily|monthly|"
                r"regularly|frequently|per|by the|from (?:week|day|month)|at short notice)\b"
            ),
            _rx(rf"\b{_TEACH}\b"),
            _rx(rf"\b{_FACTS}\b"),
            _rx(rf"\b{_ASSISTANT}\b"),
        ),
        cancels=("needs_continuous_retraining", "has_training_data"),
        implies=(("general_model_sufficient", True),),
    ),
    Trap(
        "moving_definition_is_an_instruction",
        AI,
        1.5,
        "What counts keeps being redefined, which suits an instruction you can edit rather "
        "than labels you would have to collect again",
        (
            _rx(
                r"\b(?:definition|definitions|criteria|categories|rules|priorities|taxonomy|"
                r"guidelines|what counts as(?: \w+){1,2}|meaning of(?: \w+){1,2}|what we call"
                r"(?: \w+){1,2})\b(?: of(?: \w+){1,2})?[^.;]{0,25}?\b(?:changes?|changing|shifts?|"
                r"evolves?|keeps? changing|gets? redefined|is redefined|are redefined|gets? "
                r"updated|is updated|are updated|moves?|differs?|depends)\b"
            ),
        ),
        cancels=("needs_continuous_retraining",),
        unless=(("has_training_data", True), ("needs_continuous_retraining", True)),
    ),
    Trap(
        "owning_the_model",
        ML,
        1.5,
        "You want a model of your own, served and retrained by you, which is building and "
        "keeping a model",
        (
            _rx(
                r"\b(?:serve|host|run|deploy|keep) (?:it|the model|them|the weights|our model|"
                r"the models|our own model)(?: \w+){0,2}? (?:ourselves|in-house|on our own|"
                r"on-?prem\w*|on our (?:own )?(?:servers|gpus|hardware|infrastructure|cluster))"
                r"\b|\bown (?:the )?(?:weights|model)\b|\bour own model\b"
            ),
            _rx(
                r"\bre-?train\w*|\b(?:no|none of the) (?:public|open|hosted|existing|"
                r"off[- ]the[- ]shelf|general)\b|\bmiss(?:es)? \d|\bbetter than\b|\bbeat\b"
            ),
        ),
    ),
    Trap(
        "custom_model_under_the_chat",
        ML,
        2.0,
        "The chat layer is the small part: the custom predictive model underneath it is the "
        "project",
        (
            _rx(
                r"\b(?:chat|chatbot|assistant|llm|gpt|natural[- ]language|conversational|"
                r"genai|gen ai|generative|ask questions)\b[^.]{0,80}?\b(?:on top of|around|in "
                r"front of|wrapp\w*|layer over|explains?|explaining|front[- ]end (?:for|to)|"
                r"interface (?:to|for|over)|over)\b[^.]{0,60}?\b(?:forecast\w*|predict\w*|"
                r"scor\w*|risk model|churn model|pricing model|custom model|our own model|"
                r"propensity|estimates?)"
            ),
            _rx(
                r"\b(?:build|train|develop|create|need|needs|want)\b[^.]{0,50}?\b(?:forecast\w*|"
                r"predict\w*|model|scor\w*|estimat\w*)\b"
            ),
            _rx(rf"{_NUM}|\byears? of\b|\bhistory\b|\bhistorical\b"),
        ),
    ),
)
