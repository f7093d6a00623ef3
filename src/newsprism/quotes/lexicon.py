"""Word lists the attribution rules rely on.

Kept in one place so that a reader can see, and a contributor extend, what
counts as a reporting verb or a title without reading the rules.  The lists
are general English news usage, not taken from any one article.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


__all__ = [
    "ANONYMOUS_NOUNS",
    "CUE_VERBS",
    "DOCUMENT_NOUNS",
    "GENERIC_PERSON_NOUNS",
    "GROUP_NOUNS",
    "OBJECT_CUE_VERBS",
    "OCCUPATION_NOUNS",
    "ORG_NOUNS",
    "ORG_PRONOUNS",
    "PERSON_PRONOUNS",
    "QUOTE_ONLY_CUE_VERBS",
    "SPEECH_NOUNS",
    "STATEMENT_VERBS",
    "TITLE_WORDS",
    "VOICE_NOUNS",
]

#: Verbs that report speech, writing or a stated position and take a clause
#: or a quotation as content.
CUE_VERBS: frozenset[str] = _words(
    """
    say tell state add warn remark write claim argue note explain insist ask announce
    tweet post report suggest acknowledge admit deny respond reply declare assert emphasize
    emphasise stress contend caution predict confirm urge describe characterize characterise
    recall complain testify maintain concede observe allege accuse criticize criticise
    praise reiterate repeat mention point disclose reveal indicate
    vow promise pledge threaten boast joke quip muse answer counter retort agree
    conclude estimate believe think hope fear worry doubt expect predict argue
    question wonder caution advise recommend propose demand signal hint
    acknowledge lament complain concede declare proclaim yell shout scream whisper
    write blog email text inform notify brief assure reassure remind
    """
)

#: Verbs that are not verbs of speech but report a public statement or what a
#: document shows, with an object or a prepositional phrase as content: calling
#: and naming ("called for", "referred to him as"), documents' findings ("a poll
#: shows", "the study found"), talking about something ("discussed", "cited",
#: "pointed to"), public praise and criticism ("blasted", "defended"),
#: agreement ("agreed", "expressed"), endorsing.  Stances and intentions ("supports",
#: "wants", "refused to") are left to broad mode.  Used by the
#: default mode only where the cue classifier reads the use as an attribution.
STATEMENT_VERBS: frozenset[str] = _words(
    """
    call refer describe label dub brand
    show find list
    talk speak discuss mention comment address weigh raise highlight cite point note
    outline lay detail repeat reiterate
    praise criticize criticise attack blast slam denounce condemn decry mock rail applaud
    hail thank welcome blame accuse dismiss reject defend challenge question tout complain
    agree disagree express endorse
    """
)

#: Nouns that name something said or written ("Trump's claim that ...",
#: "her promise to ..."): with a possessor and a clause they report speech.
SPEECH_NOUNS: frozenset[str] = _words(
    """
    claim statement remark comment promise pledge vow warning assertion accusation
    charge denial admission announcement suggestion argument insistence threat
    testimony tweet prediction complaint declaration contention allegation assurance
    response answer reply message
    """
)

#: Verbs that count as a cue only next to a quotation ("he described it as
#: 'X'"), not with any clause: alone they rarely report speech.
QUOTE_ONLY_CUE_VERBS: frozenset[str] = _words(
    "describe characterize characterise call dub label brand term praise criticize "
    "criticise highlight reference cite continue underscore read"
)

#: Reporting verbs whose object is itself the message ("denied the report",
#: "announced his candidacy", "urged voters to stay home"), unlike "told
#: reporters" or "added his voice", whose object is an addressee or an idiom.
OBJECT_CUE_VERBS: frozenset[str] = _words(
    "announce deny confirm tweet write ask urge demand predict propose acknowledge admit "
    "reveal disclose claim promise vow pledge threaten warn accuse criticize criticise "
    "praise blame dismiss reject defend endorse recommend"
)

#: Nouns that stand for an organisation's voice: "SpaceX's media relations
#: account said" is SpaceX speaking.
VOICE_NOUNS: frozenset[str] = _words(
    "account statement release website site feed tweet post email letter blog filing "
    "announcement memo note page channel handle"
)

#: Titles written before a name ("Sen. Jeanne Shaheen"); lower-cased, no dot.
#: Not one list with ``entities._TITLE_WORDS``: that one strips a title off an entity's
#: name, this one also marks words that open or head a role ("former", "top", "rival",
#: "owner", "leader", "speaker"), which stripped off an entity's name would make "Top
#: Gear" "Gear"; and it lacks words entities strips that phrase and name rules here
#: would then split off ("producer", "editor", "father").  Either side's output would
#: change, so the two stay apart.
TITLE_WORDS: frozenset[str] = _words(
    """
    mr mrs ms miss dr prof sir dame lord lady rev
    sen senator rep representative congressman congresswoman del delegate
    councilman councilwoman councillor councilor alderman alderwoman assemblyman assemblywoman
    gov governor lt col gen adm maj capt sgt cmdr
    president vice secretary minister premier chancellor mayor judge justice
    administrator director chairman chairwoman chair ceo cfo coo founder spokesman
    spokeswoman spokesperson ambassador attorney commissioner chief deputy assistant
    former acting ranking top leader speaker majority minority whip sheriff officer
    professor pastor bishop pope king queen prince princess
    owner rival nominee candidate challenger incumbent manager coach
    auditor solicitor surgeon comptroller ombudsman lawyer reeve warden trustee
    mp mpp mla mna constable const cst inspector insp superintendent supt detective det
    corporal cpl sergeant sheikh sheik ayatollah mullah emir
    """
)

#: Nouns a definite description of a person can use ("the senator said").
GENERIC_PERSON_NOUNS: frozenset[str] = _words(
    """
    senator congressman congresswoman lawmaker representative governor president
    secretary minister mayor judge official spokesman spokeswoman spokesperson
    chairman chairwoman ceo executive founder director administrator attorney
    lawyer analyst expert professor candidate nominee leader official aide adviser
    advisor diplomat ambassador commissioner chief economist researcher
    businessman businesswoman billionaire entrepreneur man woman
    """
)

#: What people do, written capitalised before a name at the head of a sentence
#: ("Comedian Ellen Hart said", "Pensioner Ada Roe said") and used by a later
#: description ("the comedian"): a role, not part of the name.  Nouns that are
#: common surnames (baker, cook, farmer, hunter, mason, porter ...) are left out:
#: "Baker Mayfield" is a name.
OCCUPATION_NOUNS: frozenset[str] = _words(
    """
    comedian comic actor actress singer songwriter musician rapper artist painter sculptor
    author novelist poet playwright writer journalist reporter columnist correspondent
    broadcaster presenter host anchor commentator editor publisher photographer
    filmmaker producer designer architect engineer scientist historian academic
    lecturer teacher student pupil sophomore freshman pensioner retiree priest vicar imam
    rabbi nun monk
    chef restaurateur shopkeeper landlord landlady tenant homeowner motorist cyclist
    passenger commuter pilot astronaut athlete footballer cricketer golfer boxer
    campaigner activist blogger entrepreneur businessman businesswoman billionaire
    millionaire tycoon magnate philanthropist psychologist psychiatrist pharmacist
    dentist surgeon doctor nurse paramedic firefighter midwife veteran soldier
    plumber electrician mechanic accountant banker trader economist analyst
    """
)

#: Kinds of organisation: a definite description names one ("the ministry said",
#: "the company said"), and a name holding one is no person ("Coastal Ferry Workers
#: Union").  Not "network", "team" or "party", which as often mean people or a channel.
ORG_NOUNS: frozenset[str] = _words(
    """
    company firm group ministry department council committee union association alliance
    organisation organization commission authority board office agency bank institute
    foundation observatory university college church hospital charity operator carrier
    airline retailer manufacturer developer insurer lender broadcaster
    """
)

#: Plural nouns for groups of people a later "they" can continue quoting
#: ("officials said ... They added"), besides GENERIC_PERSON_NOUNS.
GROUP_NOUNS: frozenset[str] = _words(
    """
    people member voter supporter critic ally source activist resident worker employee
    democrat republican conservative liberal progressive delegate donor investor
    economist scientist strategist operative staffer observer watcher veteran student
    teacher parent union group organizer protester advocate opponent proponent
    friend relative neighbour neighbor colleague classmate witness hostage survivor fan
    """
)

#: Nouns for written things that are quoted as saying something.
DOCUMENT_NOUNS: frozenset[str] = _words(
    """
    indictment complaint lawsuit suit filing affidavit memo memorandum email e-mail letter
    report study survey poll analysis document documents record transcript statement
    release ruling decision order opinion brief motion subpoena warrant audit review
    assessment estimate projection forecast data figures tally count paper article
    editorial column website site post tweet ad advertisement video clip spot film
    textbook book manual guidance guideline regulation law bill legislation policy plan
    proposal platform budget contract agreement treaty dossier cable
    """
)

#: Nouns that usually describe someone the article does not name ("the
#: official said"): a description with one of them never takes a name by
#: salience alone, only from a person the article gave that role.
ANONYMOUS_NOUNS: frozenset[str] = _words(
    """
    official source aide adviser advisor spokesman spokeswoman spokesperson person expert
    analyst diplomat researcher executive economist lawyer attorney staffer insider
    employee worker resident witness officer investigator prosecutor agent
    """
)

PERSON_PRONOUNS: frozenset[str] = frozenset({"he", "she", "him", "her"})
ORG_PRONOUNS: frozenset[str] = frozenset({"it"})
