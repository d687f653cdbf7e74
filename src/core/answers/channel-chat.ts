/**
 * Channel chat that borrows a health word for something else. Wellness channels and club
 * servers talk about the shop's stock, a bake sale, a bike, a poll, a video, a bot command or
 * a game, and those words name nutrients, supplements, conditions and body parts as products,
 * materials, flavours, colours and jokes ("the magnesium frame", "the vitamin D bay", "zero
 * bone density, squishiest build"). Such a message asks vitabot nothing unless it also asks
 * about a body, an amount, safety or an effect; then the setting is only the setting.
 */

/** What such chat is about, by kind: words that rarely appear in a question about one's health. */
const SETTINGS = {
  /** A shop's stock, shelves, tills and rota. */
  shopFloor:
    "restock\\w*|re stock\\w*|planograms?|aisles?|shel(f|ves)(?! life)|bays?|tills|(on|at|behind|the) till(?! \\d)|goods[ -]in|stock ?room|stock ?take|pallets?|cages?|shelf labels?|price (tags?|labels?|points?)|barcodes?|endcaps?|end caps?|facings?|on lates|on earlies|rota|before close|after close|promos?|signage|signs? (up|down)|(up|down) the signs?",
  /** Selling and swapping things. */
  selling: "selling|for sale|\\d+ ono|ono|collection only|swap (for|my)",
  /** Events: bake sales, fun runs, raffles, fundraisers and what they need. */
  events:
    "bake[ -]?(off|sale)s?|entr(y|ies)|judges?|judging|fundrais\\w*|sponsor\\w*|raffle|tombola|fun runs?|fancy dress|still happening|if it (rains|snows)|weather (permitting|forecast)|forecast (says|is)|rain or shine|postponed|first come first served|reminder|who'?s bringing|bring (your|a|some)|rsvp|happy hour|first round|(room|ward|level|floor) \\d+|badges?|volunteers?( needed)?|marshal\\w*|timekeep\\w*|start line|finish line|meet(ing)? point|route|club (runs?|rides?|night|meets?)|(lan|birthday|office|christmas|xmas|leaving|team|house|garden) part(y|ies)",
  /** Kit, colours and votes. */
  kitAndPolls:
    "polls?|vote|voting|hoodies?|jerseys?|t[ -]?shirts?|merch|logos?|colou?rs? (poll|vote|scheme|choice|options?)|(pick|choose|vote on|vote for|about|on) (a |the )?colou?r|colou?rways?|paint",
  /** Bikes and gear made of something. */
  gear: "alloys?|(carbon|titanium|alumini?um|steel)( \\w+)? (frames?|wheels?|rims?|forks?|bikes?|handlebars?|seatposts?|cranks?)|frames?|(?<!(at|behind) the )wheels?|wheelsets?|rims?|velodrome|groupsets?",
  /** Links, videos and pinned messages. */
  media:
    "(the|a|that|this|youtube|dead|broken) links?(?! between)|links? (in|below|above|here)|in the thread|relink|videos?|youtube|playlists?|pinned|podcast episodes?|the stream|livestream",
  /** Software: bots, commands, errors, code. */
  software:
    "bots?|slash commands?|commands?|\\w*error|exceptions?|undefined|stack ?traces?|my code|the code|script|api|repo|devs?|the update",
  /** Infrastructure and the work around code: clusters, workers, pipelines, deploys, tickets. */
  infrastructure:
    "infra|kubectl|k8s|kubernetes|clusters?(?! headaches?)|staging (clusters?|servers?|env\\w*|sites?|db|deploy\\w*|is down)|(on|to|in) staging|prod|pods?|containers?|workers? (pods?|nodes?|process\\w*|queues?)|\\w+[ -]ingest|ingest( worker)?|oom ?kill\\w*|oom|memory limits?|ci|ci ?cd|pipelines?|deploys?(?! ?ments?)|redeploy\\w*|builds? (server|failed|broke|is red)|build servers?|jira|tickets?|autocomplete\\w*|regressions?|hotfix\\w*|rollbacks?|outages?|incidents?|uptime|latency|servers? (is|are|went) down|namespaces?|grafana|datadog|sentry|dashboards?|env vars?",
  /** A site, a yard or a depot: parts, materials, machines and who supplies them. */
  worksite:
    "haulier|chase (the|up)( the)?( suppliers?)?|depot(?! (injections?|jabs?|shots?))|loading (bay|dock)|trailers? \\d+|in the trailer|spill kits?|out of service|off hire|anodes?|(sacrificial|anode) rods?|(?<!ear )drums?|sacks?|(came|arrived) (\\w+ )?short|backorder\\w*|purchase orders?|invoices?",
  /** Design work: reviews, mock-ups, illustrations, icons and themes. */
  design:
    "design (crit|review|system|team)|crits?|mock ?ups?|wireframes?|figma|illustrations?|icons?|onboarding( screens?| flow)?|(dark|light) mode|fonts?|typography|brand guidelines|palette",
  /** A command typed in the wrong place. */
  channels:
    "wrong channel|wrong chat|meant (that|this) for|dont @|don't @|@ me|@everyone|@here|^[!?/]\\w+|roles? (channel|command|menu)|self[ -]?assign\\w*",
  /** Games: roles, builds, matches and ranks. */
  games:
    "scrims?|ranked|glass cannon|(tank|dps|healer|support|squishy|squishiest|meta) builds?|squish\\w*|healer|tank|dps|(support|tank|healer|dps|jungle|mid|top) mains?|nerfed|buffed|loadouts?|lobby|respawn|0 ?\\/ ?\\d+|gg|ez|lan|tournaments?|game nights?",
  /** How the channel is run: which thread a subject belongs in, introductions, off-topic posts. */
  channelRules:
    "keep (the |all |any |our )?(\\w+ ){0,3}(chat|talk|posts?|questions?|discussions?|stuff) (to|in|for) (the |our )?(\\w+ ){0,2}(threads?|channels?)|(threads?|channels?) (is|are) (for|only for)|off[ -]topic|introductions?|new members?",
  /** Food and drink fetched for the group: a coffee run, a tea round, who is ordering. */
  rounds:
    "coffee runs?|tea rounds?|brew rounds?|(coffee|tea|drinks|food|lunch|pizza|takeaway) orders?|who'?s (sorting|organi[sz]ing|ordering|booking|getting) (the|a|some|our)|reunions?",
  /** Something lost or found, and who has it. */
  lostProperty:
    "lost property|^(lost|found) ?[:!-]|has anyone (seen|found|picked up|handed in)|has anyone got (it|them|my)|(left|dropped) (behind )?(in|at|on) the|left (my|a|her|his|our) (\\w+ ){1,4}(in|at|on) the",
  /** Course material asked for: slides, notes and recordings of a lecture. */
  studyMaterial:
    "slides|lecture notes|lectures?|handouts?|seminars?|recordings? (of|from)|past papers?|revision notes|reading lists?",
  /** Crafts: knitting, crochet and sewing, and the pattern for a thing to make. */
  crafts:
    "knit\\w*|crochet\\w*|yarn|cos(y|ies)|quilt\\w*|sewing|embroider\\w*|cross[ -]stitch\\w*|(knitting|crochet|sewing|quilting) patterns?|patterns? for (the|that|a|an|those|these|this|my|her|his)",
  /** Naming a thing as a joke and thanking the channel. */
  jokes:
    "(named|called|call) (him|her|it)|jokes?|puns?|memes?|riddles?|knock knock|cheers (all|everyone|for all)|thank(s| you) (all|everyone)|kind messages|lol|lmao|\u{1f602}|\u{1f480}",
} as const;

const SETTING = new RegExp(`(^|[^\\w])(${Object.values(SETTINGS).join("|")})(?!\\w)`, "u");

/** Someone's own body. */
const OWN_BODY =
  "(my|your|his|her|their) (own )?(legs?|arms?|muscles?|bones?|back|hands?|fingers?|feet|foot|body|joints?|knees?|calves|thighs?|skin|heart|blood|health|diet|urine|pee|poo|stools?)";

/**
 * What makes a message a health question whatever its setting: a symptom or state of the body,
 * a question about an effect, an amount or safety, a test or a clinician, someone's own body.
 */
const ASKS = [
  // symptoms and states
  "weak\\w*|tired\\w*|exhausted|wrecked|drained|knackered|shattered|fatigue\\w*|cramp\\w*|pains?|painful|ach(e|es|ing|y)|hurts?|hurting|sore\\w*|numb(?!er)\\w*|tingl\\w*|twitch\\w*|spasm\\w*|dizz\\w*|sick|unwell|symptoms?|deficien\\w*|stiff\\w*|knots?|knotted|swell\\w*|shaky|fractur\\w*|broke(n)? (my|a|her|his|their)|heal(s|ed|ing)?|recover\\w*|low (in |on )?(vitamin|b12|levels?)",
  // an effect, an amount, safety
  "help(s|ed|ing)?|matter(s|ed)?|diff?e?rences?|differ\\w*|vs|versus|compared? (to|with)|toxic\\w*|poison\\w*|harm\\w*|(the )?same (as|thing)|as good as|(do|does|did) (you|u|anyone|people) (use|take|get|buy|recommend)|good for|bad for|any good|best|better|mean(s)? (anything|something)|healthy|safe\\w*|dangerous|side effects?|how (much|many|often|long)|doses?|dosage|\\d+ ?(mg|mcg|iu|micrograms?|milligrams?|g)|enough|too much|worth (it|taking|trying)|does it (work|do)|do anything|(actually|really) (do|help|work)\\w*|gains|works? for|benefits?|causes?|prevents?|stops?|absorb\\w*|interact\\w*|evidence|affect\\w*|why|link between|linked|connection|science|research|studies|proof|legit|is (that|this|it) (true|right|correct|ok|okay)|is (that|this|it|mine) (\\w+ )?(bad|normal|serious|low|high|a problem|worrying|concerning)|normal|worr\\w*|(ok|okay|fine|good) (with|to|for|after)|expir\\w*|out of date|(anyone|has anyone|have you|you ever) tried",
  // what a food holds
  "which (one|ones|of|food|foods)|ha(s|ve) (any|more|the most|much|enough)|rich in|high in|sources? of|contain\\w*|way to get|get (more|enough|my)",
  // taking or needing something
  "should (i|we|you|he|she|they)|can (i|you|we|he|she) (take|eat|have|use)|do (i|you|we|they) need|need(s)? (more|less|extra)|tak(e|es|ing)(?! (a look|over|part|turns|photos?|pics?|the (signs?|cage|stock|bins?|rubbish|delivery|kids?|dog|bus|train|car|bike))|(it|them) back| down| up| out| off)|took|supplement(ing|ed)",
  // tests and clinicians
  "doctors?|gp|nurse|pharmacist|surgeon|surgery|dietitian|blood tests?|tested|levels?|results?|diagnos\\w*|prescri\\w*",
  // what something is taken for, and treatments
  "for (my |your |the )?(energy|sleep|cramps?|bones?|muscles?|strength|recovery|mood|immunity|tiredness|joints?|heart|brain|skin)|injections?|infusions?|jabs?",
  // someone at work describing themselves: a job, shifts, days indoors, a result of their own
  "^\\w+ here|(i'?m|im|i am|as) an? \\w+|(engineer|driver|operator|nurse|developer|scaffolder|labourer|welder|electrician|plumber|roofer|trucker|porter|picker|packer|cleaner|carer)s?|(night|day|long|late|early|\\d+ ?(hr|hour)) shifts?|shift work\\w*|indoors|inside all day|came back (at|as|low|high)|(is|was) (down to|only|at) \\d+|\\d+ ?(nmol|pmol|ng|pg)",
  OWN_BODY,
] as const;

const ASK = new RegExp(`\\b(${ASKS.join("|")})\\b`);

/**
 * Words that name a health subject without asking about it, set aside before a message is read
 * for a question: an event named for what it offers ("the flu jab clinic", "the b12 injection
 * drop-in"), what a lecture or talk is about ("the lecture on b12 absorption"), and the body
 * joked to be made of a drink ("my blood is 80% coffee").
 */
const NAMES_NOT_ASKS = new RegExp(
  [
    "\\b(\\w+ ){0,3}(clinics?|drop[ -]ins?|sessions?|workshops?|webinars?)\\b",
    "\\b(lectures?|talks?|seminars?|presentations?|slides|webinars?|workshops?|modules?) (on|about|covering)( [\\w'-]+){1,3}",
    "\\b(my |our )?(blood|veins?)( type)? (is|are|runs? on) (\\S+ ){0,3}?(coffee|caffeine|tea|espresso|flat whites?|lattes?|cappuccinos?|energy drinks?|red bull|monster)\\b",
    // an event named by its subject: "the vitamins and strong bones talk", "tonight's sleep webinar"
    "\\b(the|a|our|this|next|tonight'?s|tomorrow'?s|friday'?s|monday'?s) ([\\w'-]+ ){1,5}(talks?|lectures?|presentations?|seminars?|webinars?|zooms?)\\b",
    // a title or theme in quotes: "topic is 'iron and you'", "a 'gym bros' fancy dress"
    "\\b(topic|theme|title|subject|called|titled|named)( is| was| will be| this (week|month|time))?:? (?<=\\s)['\"][^'\"]{1,80}['\"](?=[\\s.,!?]|$)",
    "(?<=^|\\s)['\"][^'\"]{1,80}['\"] (fancy dress|dress[ -]up|themed?|theme night|night|social|party|quiz|talk|webinar|evening)\\b",
  ].join("|"),
  "g",
);

/** Machines and systems people joke about as if they had a body. */
const THINGS =
  "ci|builds?|pipelines?|servers?|clusters?|printers?|laptops?|apps?|code|codebase|website|site|wifi|network|database|db|deploys?|bots?|repos?|kettle|coffee machine|vans?|trucks?|lorr(y|ies)|cars?|cranes?|forklifts?|boilers?";

/**
 * A machine or system given a body in a joke: "our ci has a magnesium deficiency", "the printer
 * is low on b12 today". What follows is about the thing, not a person.
 */
const PERSONIFIED = new RegExp(
  `\\b(our|the|this|that|my) (\\w+ ){0,2}(${THINGS}) (has|have|had|got|gets|is|needs?|'s)( \\S+){0,4} (deficien\\w*|cramp\\w*|fatigue\\w*|tired\\w*|weak\\w*|low on|vitamin\\w*|b12|magnesium|calcium|omega\\w*|fish oil)\\b`,
);

/** A person's own body, state or amount, which a joke about a thing does not hold. */
const PERSON = new RegExp(
  `\\b(${OWN_BODY}|(i|i'm|im|i've|ive|i am|we|we're) (\\w+ ){0,2}(feel\\w*|get|got|have|am|are|take|taking)|should (i|we|you)|how (much|many)|doses?|\\d+ ?(mg|mcg|iu))\\b`,
);

/**
 * The forms of a joke whatever its subject: a riddle ("why did the X refuse…", "what do you
 * call…"), a knock-knock, the groan after a pun.
 */
const JOKE_FORM =
  /\b(i'?ll (see|show) myself out|i'?ll get my coat|ba ?dum( ?tss?)?|what do you call (a|an)|knock knock|pun intended|(dad|bad) jokes?|why did the (\w+ ){1,4}(cross|refuse\w*|break up|blush\w*|quit))\b/;

/**
 * A riddle its teller answers: the riddle's question, then a line that asks nothing more ("what
 * do you call a tired calcium ion? a bit of a drag"). Symptom words in it set up the punchline.
 */
const RIDDLE_ANSWERED =
  /\b(what do you call|why did the|what did the|what'?s the difference between)\b[^?]*\?[^?]+$/;

/**
 * Something to make for other people, asked of anyone: a quiz or its round, a worksheet or
 * lesson, a poem, limerick, song, card, poster, caption, speech or story. Its health words are
 * the material, not a question; a plan or a list for oneself is not among them.
 */
const MAKING = new RegExp(
  [
    "\\b(write|make|draft|create|put together|come up with|compose|design|do|knock up|set)( me| us| her| him| them)? (a|an|some|the|my|our)\\b[^.?!]{0,40}?\\b(quiz(zes)?|quiz rounds?|rounds?|worksheets?|lesson( plans?)?|crosswords?|word ?searches|poems?|limericks?|rhymes?|songs?|raps?|verses?|cards?|posters?|leaflets?|flyers?|captions?|speech(es)?|toasts?|stor(y|ies)|sketch(es)?)\\b",
    "\\b(got|have|has|share|made|found) (a|an|any|the|some) (\\w+ ){0,2}(worksheets?|quiz(zes)?|lesson plans?|crosswords?|word ?searches|posters?|flyers?)\\b",
    // a bot asked to repeat what it said before
    "\\b(paste|repeat|resend|send|post|show)( me| us)? (it|that|them|this|what you (said|sent|told me))( \\w+)? again\\b",
    "\\bwhat (i|you) (asked|said|told|sent)( you| me)? (yesterday|earlier|last (night|week|time))\\b",
  ].join("|"),
);

/**
 * Looking after plants, crops or livestock: magnesium sulphate on leaves or a mineral lick for
 * ewes is agronomy, not a question about a person's health.
 */
const GROWING =
  /\b(foliar|per (hectare|acre)|hectares?|chlorosis|leaf veins|yellow(ing)? (between )?(the )?(leaf|leaves)|leaves (are |keep )?(turning|going) yellow|fertili[sz]ers?|top ?dress\w*|grass staggers|livestock|(my|the|our) (vines|vineyards?|orchards?|seedlings|tomatoes|tomato plants|roses|lawns?|allotment|greenhouse|crops?|plants|hedges?|veg patch|cattle|ewes|herd|flock|cows|heifers))\b/;

/**
 * Long-term complaints of people (inflamed joints, gout, rheumatism, eczema, migraine, blood
 * pressure, diabetes): a remedy grown on an allotment and taken for one is a health question.
 */
const PERSON_COMPLAINT =
  "\\w+itis|gout|rheumati\\w*|eczema|psoriasis|asthma|migraines?|headaches?|blood pressure|cholesterol|diabet\\w*|insomnia|hay ?fever|colds?|flu|coughs?";

/** The writer's or someone's own body, or the writer having a symptom: not a riddle's material. */
const PERSON_BODY = new RegExp(
  `\\b(${OWN_BODY}|(i|i'm|im|i've|ive|i am) (\\w+ ){0,2}(have|get|got|getting|having|feel\\w*))\\b`,
);

/** Someone's own body, a symptom, a state or a complaint, which talk about plants or animals does not hold. */
const BODY_ASKED = new RegExp(
  `\\b(${ASKS[0]}|${OWN_BODY}|${PERSON_COMPLAINT}|(i|we) (take|eat|drink|swallow))\\b`,
);

/**
 * Requests and notices whose form makes them chat whatever health words they carry, by kind.
 * Only a symptom, someone's own body or complaint, or a question of amount or safety makes
 * such a message a health question.
 */
const REQUEST_KINDS = {
  /** A shift to swap or cover, and the favour owed for it. */
  rota: "(swap|cover|take over) (my|a|your|the|his|her|their|our) (\\w+ ){0,3}(shifts?|lates?|earl(y|ies)|nights?|long days?|weekends?|on ?calls?|walk ?rounds?|rounds?|dut(y|ies))|shift swaps?|i'?ll owe (you|u|ya)|owe (you|u|ya) (one|big)",
  /** A group's walk, class or meeting moved or cancelled, and a meetup announced. */
  notices:
    "(walks?|rides?|runs?|sessions?|class(es)?|meetings?|meet ?ups?|swims?|groups?|clubs?|socials?|rehearsals?|practices?|zooms?|calls?|talks?|webinars?|events?) (is |are |has |have )?(been )?(moved|cancell?ed|canceled|postponed|rescheduled|brought forward|put back)|moved to (\\d|the |next |(mon|tues|wednes|thurs|fri|satur|sun)day)|now (starts|meets|begins)|meet ?ups?|who'?s (in|coming|joining|up for it)|all welcome|everyone welcome",
  /** Who comes to an event and when it starts: an interpreter, a speaker, the start time. */
  attending:
    "(is|are|will) (the |a |an |our )?(\\w+ )?(interpreters?|speakers?|signers?|captioners?) (coming|there|booked|going to be)|what time (does |do |is |will )?(it|the \\w+|we|they)( \\w+)? (start|starts|finish|finishes|end|ends|begin|begins|open|opens|kick off)",
  /** A supplier or stockist's number asked for: the shop's business, not a body's. */
  suppliers:
    "(number|contact|details|email|phone|mobile) (for|of) (the |our |that |a )?(\\w+ ){0,2}(suppliers?|wholesalers?|stockists?|reps?|distributors?|guy|lady|company)",
  /** Forms and applications: whether a letter is posted or scanned, what goes online. */
  paperwork:
    "(\\w+ ){0,3}(allowance|benefits?|claim|application|registration|passport|visa|council|housing|blue badge|insurance) forms?|forms? (online|by post)|paperwork|(post|posted|send|sent|mail|mailed) (it|them|the \\w+|\\w+'?s letter) in\\b|(letters?|forms?|cop(y|ies)) (posted|sent|mailed) in\\b|scan (it|them|the \\w+)|(do|fill|fill in|complete|submit) (it |them |the (whole )?(thing|form|lot) )?online",
  /** Tax and expenses: what can be claimed. */
  tax: "tax (team|return|relief|man|office|deductible|year)|tax[ -]deductible|business expenses?|(claim|put) (\\w+ ){0,4}(as|on) (an? |my |the )?(business |work )?expenses?|hmrc|the irs|self[ -]assessment",
  /** Making furniture or fittings: the wood, the joints, the runners. */
  woodwork:
    "(oak|beech|pine|birch|walnut|maple|plywood|mdf|hardwood|softwood) or (oak|beech|pine|birch|walnut|maple|plywood|mdf|hardwood|softwood)|(in|from|out of) (solid )?(oak|beech|birch|walnut|plywood|mdf|hardwood|softwood)|drawer runners|dovetail\\w*|joinery|woodwork\\w*|dowels|hinges|(making|building|make|build|made|built) (\\w+ ){0,3}(a|an) (\\w+ ){0,3}(cabinet|shelf|shelving unit|rack|box|stand|organi[sz]er|cupboard|chest of drawers)",
  /** Catering for a group: which deli or caterer, how many to feed. */
  catering:
    "delis?|delicatessens?|caterers?|catering|buffets?|platters?|canapes|feed (about |around |roughly |some )?\\d+|for (about |around |roughly )?\\d+ (people|of us|guests|staff)|(office|team|staff|works|christmas|xmas|leaving|purim|eid|diwali|hanukkah|passover|lunar new year) (lunch|dinner|breakfast|meal|buffet)",
  /** A recipe asked of the group, and a shared meal. */
  recipes:
    "(anyone|anybody|someone|somebody) (\\w+ ){0,2}(got|have|has|share|know) (\\w+ ){0,4}recipes?|pot ?luck|bring[ -](and|a)[ -](share|dish|plate)",
  /** A reminder asked of the bot. */
  reminders:
    "remind (me|us) (every|each|daily|weekly|at|on|to|tomorrow|tonight|in|when|about)|set (me )?(up )?(a )?reminders?|reminders? (for|to|every|each)",
  /** Praise for an answer: feedback, not a question. */
  feedback:
    "(that|this|the|your) (\\w+ ){0,3}(explanation|answer|reply|summary|breakdown|rundown|write ?up|info|advice) (was|is|made|helped|really|makes|has)|(clearer|more helpful|more useful|easier to follow) than|made (a lot of |so much |more |much more )?sense",
} as const;

const REQUEST = new RegExp(`(^|[^\\w])(${Object.values(REQUEST_KINDS).join("|")})(?!\\w)`, "u");

/** A question of amount, safety or what a food holds, which a request or notice does not ask. */
const AMOUNT_OR_SAFETY = new RegExp(
  `\\b(how (much|many|often|long)|doses?|\\d+ ?(mg|mcg|iu)|should (i|we|he|she|they)|can (i|we|he|she) (take|have|eat|drink)|safe\\w*|(ok|okay|fine|alright) (to|with|on|for|after)|lots of|plenty of|full of|packed with|${ASKS[2]})\\b`,
);

/**
 * Whether a normalised message is channel chat with a health word used for something else: it
 * has the setting of a shop, an event, kit, gear, a link, software, a game or a joke, and asks
 * nothing about a body, an amount, safety or an effect.
 * @example isChannelChat("poll: team hoodie in calcium white or navy") === true
 * @example isChannelChat("saw a video that says magnesium helps cramps, true?") === false
 */
export function isChannelChat(normalized: string): boolean {
  if (PERSONIFIED.test(normalized) && !PERSON.test(normalized)) return true;
  const named = normalized.replace(NAMES_NOT_ASKS, " ");
  if (REQUEST.test(normalized) && !BODY_ASKED.test(named) && !AMOUNT_OR_SAFETY.test(named)) return true;
  if ((JOKE_FORM.test(normalized) || GROWING.test(normalized)) && !BODY_ASKED.test(normalized)) return true;
  if (RIDDLE_ANSWERED.test(normalized) && !PERSON_BODY.test(normalized)) return true;
  if (MAKING.test(normalized) && !AMOUNT_OR_SAFETY.test(normalized)) return true;
  return SETTING.test(normalized) && !ASK.test(named);
}
