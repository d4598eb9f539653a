"""The quote rules' word lists. Every list is a class of words that the rules' docs name: speech verbs,
claim verbs, unnamed crowds and authorities, kinds of document, words for people, quantifiers, titles.
"""
from __future__ import annotations

import functools
import re

SPEECH_VERBS = frozenset("""
said says say saying told tells telling added adds adding asked asks asking explained explains explaining
noted notes noting wrote writes writing argued argues arguing acknowledged acknowledges recalled recalls
insisted insists warned warns warning continued continues replied replies responded responds announced
announces claimed claims claiming admitted admits confirmed confirms stated states posted posts tweeted tweets
reported reports remarked remarks observed observes commented comments commenting declared declares testified testifies
conceded concedes stressed stresses emphasised emphasized emphasises emphasizes quipped quips urged urges
revealed reveals predicted predicts cautioned cautions reiterated reiterates reminded reminds agreed agrees
countered counters maintained maintains contended contends suggested suggests recounted recounts joked jokes
complained complains boasted boasts described describes called calls wondered wonders shouted yelled whispered
mused sighed laughed vowed vows promised promises pleaded pledged assured assures admitted conceded lamented
laments greeted answered answers texted emailed messaged confided confides underscored underscores retorted
retorts interjected recalling insisting lamenting complaining joking shared shares alleged alleges mentioned mentions spoke speaks informed informs
dished dishes spilled spills gushed gushes
""".split())
# speech verbs in the finite forms that introduce a speaker after a quotation: `," said another person`
QUOTATIVE = frozenset(w for w in SPEECH_VERBS if not w.endswith("ing"))
# speech verbs that attribute even with no quotation in sight ("a source told", "one insider revealed");
# the others ("wrote", "asked", "claims", "calls") name a speaker only next to a quotation
REPORTING = frozenset({"said", "says", "told", "tells", "revealed", "reveals", "insisted", "insists", "alleged",
                       "alleges", "confided", "admitted", "admits", "recalled", "recalls", "confirmed", "confirms"})
# verbs with which a crowd "holds" a claim: "experts say", "many analysts believe", "studies show"
CLAIM_VERBS = frozenset("""
say says said believe believes believed think thinks thought argue argues argued claim claims claimed agree
agrees agreed warn warns warned note notes noted suggest suggests suggested predict predicts predicted contend
contends insist insists insisted maintain maintains estimate estimates estimated fear fears feared reckon
reckons told tell tells report reports reported point points pointed caution cautions cautioned concur concurs
show shows showed shown find finds found indicate indicates indicated prove proves proved proven confirm
confirms confirmed reveal reveals revealed demonstrate demonstrates demonstrated detail details detailed hint
hints hinted disclose discloses disclosed allege alleges alleged expose exposes exposed identify identifies
identified project projects projected recommend recommends recommended advise advises advised cite cites
cited deny denies denied leak leaks leaked state states stated emphasize emphasizes emphasized emphasise emphasises emphasised stress stresses stressed
explain explains explained praise praises praised hail hails hailed forecast forecasts
""".split())
STUDY_VERBS = frozenset("""
show shows showed shown suggest suggests suggested find finds found indicate indicates indicated prove proves
proved proven confirm confirms confirmed reveal reveals revealed demonstrate demonstrates demonstrated
""".split())
# an unnamed crowd presented as an authority
CROWDS = frozenset("""
experts analysts scientists researchers economists observers critics commentators insiders sources specialists
pundits scholars historians doctors psychologists academics strategists friends pals confidants netizens advocates
eyewitnesses
""".split())
# crowds that are often a specific team in news ("doctors said the boy is stable"): vague only when quantified
QUANTIFIED_ONLY = frozenset({"doctors", "psychologists"})
STUDIES = frozenset({"studies", "research", "reports", "surveys", "polls", "study", "report", "survey", "poll",
                     "statistics", "rumours", "rumors"})
INSTITUTIONS = frozenset({"officials", "authorities"})
QUANTIFIERS = frozenset("""
many some most several numerous countless various certain other top leading plenty growing number majority lot
multiple recent new independent
""".split())
# determiners and words that tie a group to something specific: "the experts", "97 percent of scientists"
SPECIFIC = frozenset("""
the these those this that its their his her our your my whose which all both each every
""".split())
ADVERBS_EXTRA = frozenset({"also", "then", "later", "once", "still", "even", "now", "often", "always", "too", "here",
                           "just", "further", "again", "long", "generally", "largely", "repeatedly", "well", "yesterday",
                           "today", "tonight"})
# verbs of saying and believing, for a crowd in a relative clause ("insiders who say"; "insiders who expose such
# practices" describes a kind of person)
SAYING = frozenset("say says said claim claims claimed believe believes think thinks warn warns insist insists argue "
                   "argues predict predicts suggest suggests".split())
AUXILIARIES = frozenset({"have", "has", "had", "do", "does", "did", "will", "would", "may", "might", "could"})

ANON_INHERENT = frozenset({"source", "insider", "tipster", "whistleblower", "informant", "mole", "spy", "confidant",
                           "confidante", "bird", "birdie", "birdy"})  # "a little birdie told me"
ANON_MARKERS = frozenset({"anonymous", "unnamed", "unidentified", "nameless"})
FORMER = frozenset({"ex", "former"})
# people who are not anyone in particular: quoted vox-pop style with "one", "another", "a"
_ANYONE = frozenset("""
person user commenter resident attendee caller viewer reader fan woman man neighbour neighbor bystander onlooker
witness eyewitness local employee staffer worker customer shopper member poster follower listener participant guest
visitor friend acquaintance relative colleague coworker classmate parent student individual pal buddy
passerby pedestrian motorist taxpayer constituent parishioner churchgoer concertgoer festivalgoer
beachgoer moviegoer theatregoer diner patron client subscriber redditor tweeter influencer streamer gamer
villager islander townsperson newcomer addict enthusiast fanatic devotee collector tester
""".split())
# professions a claim can lean on ("some engineers warn", "many economists believe")
PROFESSIONS = frozenset("""
nutritionist dietitian dietician doctor physician surgeon nurse midwife paramedic pharmacist dentist therapist
psychologist psychiatrist counsellor counselor vet veterinarian
teacher lecturer tutor professor researcher scientist professional
biologist chemist physicist geologist ecologist epidemiologist virologist climatologist meteorologist astronomer
statistician
dermatologist cardiologist neurologist oncologist radiologist pathologist gastroenterologist endocrinologist
gynecologist gynaecologist obstetrician pediatrician paediatrician ophthalmologist optometrist audiologist
urologist nephrologist pulmonologist rheumatologist immunologist allergist hematologist haematologist
anesthesiologist anaesthetist orthopedist podiatrist chiropractor physiotherapist osteopath neurosurgeon
clinician hygienist sonographer geneticist neuroscientist microbiologist zoologist botanist entomologist
ornithologist oceanographer seismologist volcanologist hydrologist glaciologist archaeologist anthropologist
sociologist criminologist historian linguist mathematician toxicologist pharmacologist astrophysicist
cosmologist physiologist gerontologist kinesiologist trichologist cosmetologist esthetician aesthetician
horticulturist arborist agronomist
lawyer attorney solicitor barrister
strategist consultant analyst economist banker trader broker investor accountant auditor
engineer developer programmer designer architect technician mechanic electrician plumber builder contractor
reporter journalist photographer producer writer blogger columnist reviewer
""".split())
# other roles and occupations
_ROLES = frozenset("""
carer caregiver nanny headteacher paralegal juror clerk
carpenter farmer fisherman grower miner driver pilot sailor skipper crewman conductor
aide adviser advisor assistant attendant intern volunteer organiser organizer partner agent associate leader
activist campaigner protester protestor demonstrator voter
negotiator mediator investigator inspector lobbyist diplomat
councillor councilor councilman councilwoman lawmaker legislator politician senator congressman congresswoman
supporter opponent donor delegate
owner shopkeeper vendor seller retailer landlord tenant homeowner renter supervisor boss founder entrepreneur
chef cook waiter waitress bartender barista baker butcher
facialist stylist hairstylist hairdresser manicurist masseuse beautician
soldier veteran guard firefighter executive exec courtier butler maid bodyguard chauffeur housekeeper
coach player athlete spectator swimmer runner cyclist rider racer competitor entrant contestant skier surfer
hiker walker climber angler golfer
cashier receptionist cleaner janitor porter courier trucker labourer laborer
dealer salesman saleswoman salesperson realtor installer landscaper
grandparent grandson granddaughter nephew niece stepfather stepmother fiance fiancee
patient survivor mother father mum mom dad son daughter sister brother wife husband grandmother grandfather
cousin uncle aunt teen teenager graduate pupil
passenger commuter traveller traveler tourist musician singer artist actor actress dancer priest pastor
""".split())
# people by role or occupation, quoted without a name ("a nutritionist told us", "said one aide")
GENERIC_PEOPLE = _ANYONE | PROFESSIONS | _ROLES
PERSON_NOUNS = GENERIC_PEOPLE | ANON_INHERENT | frozenset("""
official officials employee employees staffer staffers executive executives officer officers aide aides
diplomat diplomats adviser advisers advisor advisors spokesperson spokesman spokeswoman manager managers
director source sources insider insiders people persons worker workers member members figure figures
""".split())
INDEFINITE = frozenset({"a", "an", "one", "another"})
# whose person it is: "according to her stylist", "says their source": an unnamed person all the same
OWNERS = frozenset({"his", "her", "their"})
POSSESSIVES = OWNERS | {"my", "our"}  # and the writer's own: "says my source", "our sources indicate"
# the last word of a label over a list of unnamed voices ("User Comments:", "Customer Reviews:"): no name
SECTION_LABELS = frozenset({"comments", "reviews", "testimonials", "feedback", "quotes", "reactions", "responses",
                            "thoughts", "opinions", "voices"})
# things that can be "anonymous" without being a source
NOT_PEOPLE = frozenset("""
function functions struct structs type types class classes method methods block blocks lifetime lifetimes union
unions enum enums variable variables parameter parameters field fields namespace namespaces access mode data
statistics telemetry usage survey surveys poll polls voting ballot ballots browsing donation donations gift
gifts donor donors bidder bidders buyer buyers volume volumes object objects record records id ids
""".split())
DOC_NOUNS = frozenset("""
statement release email letter post tweet message note memo filing filings affidavit report interview
podcast video blog column op-ed essay caption sign notice complaint lawsuit ruling transcript speech
""".split())
NAME_STOP = frozenset("""
i he she they we you it this that these those there the a an one another someone somebody police officials
authorities investigators detectives experts analysts sources insiders critics residents people who what
when where why how many some most but and or so yet if as in on at by for with from of to after before
during while though although however meanwhile also still then later earlier today yesterday tomorrow
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december
""".split())

@functools.lru_cache(maxsize=1)
def _letter_classes() -> tuple[str, str]:
    """Regular-expression classes of the Basic Multilingual Plane's capitals and lowercase letters, as ranges
    (one pass over the plane for both)."""
    ranges: tuple[list[list[int]], list[list[int]]] = ([], [])
    for code in range(0x10000):
        ch = chr(code)
        kind = 0 if ch.isupper() else 1 if ch.islower() else -1
        if kind >= 0:
            found = ranges[kind]
            if found and found[-1][1] == code - 1:
                found[-1][1] = code
            else:
                found.append([code, code])
    upper, lower = ("[" + "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in found) + "]"
                    for found in ranges)
    return upper, lower


class NamePattern:
    """A regular expression in which ``{U}`` stands for a capital and ``{L}`` for a lowercase letter in any
    script (names: "Élodie Durand", "Łukasz Nowak", "José Núñez"). Compiled on first use: the two classes
    are large, and a document without quotations never needs them. Has the compiled pattern's methods."""

    def __init__(self, source: str) -> None:
        self.source = source
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str):
        if self._compiled is None:
            upper, lower = _letter_classes()
            self._compiled = re.compile(self.source.replace("{U}", upper).replace("{L}", lower))
        return getattr(self._compiled, name)

INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})


def plain(text: str) -> str:
    """Text for word tests: soft hyphens and zero-width characters removed, straight apostrophes."""
    return INVISIBLE.sub("", text).translate(_APOSTROPHES)


PEOPLE_VERBS = frozenset({"believe", "say", "claim", "argue", "think", "feel", "insist", "contend", "suggest", "predict",
                          "speculate"})
IMPERSONAL_VERBS = frozenset({"believed", "thought", "said", "claimed", "rumoured", "rumored", "argued", "reported",
                              "known", "accepted", "held", "suggested", "alleged"})
WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")
SOURCE_NOUNS = frozenset("""
study report survey paper data figures analysis census poll review audit statement filing filings records
research findings minutes
""".split())
TITLES = frozenset({"dr", "dr.", "mr", "mr.", "ms", "ms.", "mrs", "mrs.", "prof", "prof.", "professor", "sir", "dame",
                    "rep.", "sen.", "gov.", "gen.", "col.", "sgt.", "det.", "lt."})
# offices and ranks written before a name: "Mayor Osei", "Attorney General Ana Ruiz", "Coach Diaz"
ROLE_TITLES = frozenset("""
president vice prime minister chancellor governor senator representative congressman congresswoman mayor judge
justice chief commissioner secretary ambassador general colonel captain lieutenant sergeant detective officer
inspector superintendent sheriff coach bishop father reverend rabbi imam pastor pope king queen prince princess
lord lady councillor councilor councilman councilwoman alderman chairman chairwoman chair director dean
principal attorney premier speaker deputy trooper constable agent
""".split())
# words that make a run of capitalised words an organisation, a publication, a place or an event rather than
# a person: "Harbour Bank", "Supreme Court", "New York", "The Times", "Air Europa"
ORG_WORDS = frozenset("""
inc corp ltd llc plc co company companies group bank court council committee commission department ministry
agency authority office board party union association institute university college school academy hospital
clinic museum foundation trust times post news journal herald press media magazine tribune gazette
observer guardian telegraph daily weekly radio tv television channel street road avenue boulevard square city
county state states republic kingdom island islands river lake mountain airport station park center centre
church club team federal national international united new north south east west northern southern eastern
western supreme royal police army navy force forces government house senate congress parliament assembly
administration service services organization organisation network studio studios records airlines airways
air motors systems technologies labs foods holdings partners capital fund reserve exchange market hotel
restaurant cafe theatre theater festival games cup league championship hall bridge port harbour harbor
coast valley beach india china america europe africa asia american european british french german chinese
indian mexican canadian australian japanese russian african asian
""".split())


def is_adverb(word: str) -> bool:
    return (word.endswith("ly") and len(word) > 3) or word in ADVERBS_EXTRA


def plural(noun: str) -> str:
    """The plural of an English noun ("analyst" -> "analysts", "attorney" -> "attorneys", "fisherman" ->
    "fishermen", "midwife" -> "midwives", "coach" -> "coaches", "nanny" -> "nannies")."""
    if noun.endswith("man"):
        return noun[:-3] + "men"
    if noun.endswith("wife"):
        return noun[:-2] + "ves"
    if noun.endswith(("s", "sh", "ch", "x")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u"):
        return noun[:-1] + "ies"
    return noun + "s"


# the crowds a speaker is "one of" without a name: "said one of the traders", "one of the sources told"
ONE_OF = frozenset(plural(p) for p in GENERIC_PEOPLE | ANON_INHERENT)
# sentence openers that are capitalised only because they open the sentence
COMMON_STARTS = NAME_STOP | QUANTIFIERS | CROWDS | STUDIES | INSTITUTIONS | GENERIC_PEOPLE \
    | frozenset(plural(p) for p in PERSON_NOUNS) | frozenset("""
asked speaking according despite given following instead under over about across against among around
because since until unless whether both either neither each every no not nothing none all any few such
here now even only just yes no
""".split())
