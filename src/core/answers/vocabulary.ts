/**
 * The engine's word lists: what a question is asking for (intent), nutrients we
 * don't cover, and whether a message is about health at all. Kept apart from the
 * logic so they read as data.
 */
import { MORE_HEALTH_WORDS, MORE_TAKEN_KINDS, MORE_UNCOVERED_KINDS } from "./more-uncovered.js";

/** What a question asks about; matches the FAQ topics, so retrieval can prefer them. */
export const INTENTS = {
  food: /\b(foods?|eat|eating|ate|diet|dietary|meals?|sources?|rich in|high in|get (more|enough)|recipes?|snacks?|drink|fortified|vegan sources|which fish)\b/,
  test: /\b(tests?|tested|testing|blood ?work|labs?|levels?|checked|check (my|your|for)|measure|measured|diagnos\w*|25 ?hydroxy\w*|25\(oh\)d|mma|methylmalonic|homocysteine|result|results|ng ?\/ ?ml|nmol|pg ?\/ ?ml|pmol)\b/,
  dose: /\b(how much|how many|dose|doses|dosage|rda|intake|intakes|per day|a day|daily|iu|mcg|mg|micrograms?|milligrams?|upper limit|ul|too much|overdose|toxic|toxicity|maximum|max|limit|megadose|high dose|10000|5000|50000|2000|1000|4000)\b/,
  reversibility:
    /\b(revers\w*|permanent\w*|recover\w*|go away|goes away|come back|get better|gets better|how long|undo|heal\w*|back to normal|regain|rebuild|fixable|cured?)\b/,
  symptoms:
    /\b(symptoms?|signs?|feel|feeling|feels|tired|fatigue|weak|weakness|cramps?|cramping|tingl\w*|numb(?!er)\w*|aches?|aching|pain|sore|twitch\w*|spasms?|dizzy|balance|pins and needles|exhausted)\b/,
  mechanism:
    /\b(why|how does|how do|how can|mechanism|what does .* do|role|affect\w*|harm\w*|damage\w*|cause\w*|lead to|link\w*|connection|related|fibres?|fibers?|mitochondri\w*|nerves?|myopathy|atrophy)\b/,
  risk: /\b(who|at risk|risk|vegan\w*|vegetarian\w*|plant based|older|elderly|seniors?|aging|ageing|over 50|over 60|over 65|over 70|metformin|ppis?|omeprazole|antacids?|acid reducers?|pregnan\w*|breastfeed\w*|gastric bypass|crohn\w*|celiac|coeliac|dark skin|indoors?)\b/,
  safety:
    /\b(interact\w*|side effects?|safe|safety|dangerous|danger|harmful|warfarin|blood thinners?|anticoagulants?|medications?|medicines?|drugs?|with my|bleed\w*|surgery|kidney stones?|digoxin|diuretics?|antibiotics?)\b/,
  comparison:
    /\b(compare|comparison|vs|versus|difference|differences|better than|which is (better|worse|more))\b/,
  evidence:
    /\b(evidence|proven|studies|study|research|science|worth|really help|actually help|does it help|work|works|build muscle|stronger|strength|gains|boost)\b/,
  lifestyle:
    /\b(sun|sunlight|sunshine|outdoors?|outside|exercise|workout|work out|gym|lift\w*|weights|resistance|training|walk\w*|protein|sleep|active|activity)\b/,
} as const satisfies Record<string, RegExp>;
export type Intent = keyof typeof INTENTS;

/**
 * Health subjects vitabot does not cover, by kind. A question whose subject is one of them
 * and that names none of the six nutrients is "unknown": said plainly, never answered with
 * a nutrient FAQ it did not ask about.
 */
const UNCOVERED_KINDS = {
  /** Other vitamins, minerals and nutrients. */
  nutrients:
    "vitamin (a|c|k|k2|b6|b1|b)|vitamins? (a|c|k|k2|b6|b1)\\b|iron|ferritin|zinc|potassium|sodium|salt|selenium|iodine|copper|manganese|chromium|folate|folic acid|thiamine?|riboflavin|niacin|biotin|pyridoxine|b6|boron|phosphate|cholesterol|strontium( ranelate| citrate)?",
  /** Sports and body-building supplements, protein and the drinks sold for sport or frailty. */
  sportsSupplements:
    "creatine|collagen|glutamine|bcaa|beta[ -]?alanine|hmb|leucine|taurine|protein|whey|protein powders?|plant protein|pea protein|pre[ -]?workouts?|electrolytes?|carbs?|carbohydrates?|energy gels?|energy drinks?|sports drinks?|coconut water|meal replacements?|nutrition(al)? drinks?|ensure (drinks?|shakes?|plus|compact)|fortisip|complan",
  /** Herbal and other remedies. */
  remedies:
    "ashwagandha|melatonin|caffeine|l[ -]?theanine|theanine|glucosamine|chondroitin|lutein|zeaxanthin|probiotics?|fiber supplements?|turmeric|coq10|co q10|coenzyme q10|ubiquinol|ginger|beetroot|quinine|tonic water|st\\.? john'?s wort|ginkgo|ginseng|cranberr(y|ies)|fenugreek|echinacea|valerian|milk thistle|evening primrose|black cohosh|saw palmetto|elderberry|tart cherr(y|ies)|cherry juice|grapefruit|benfotiamine|alpha[ -]lipoic( acid)?|nmn|resveratrol|quercetin|inositol",
  /**
   * Medicines that are the question's subject, by name or by their ending (blood-pressure
   * drugs, antibiotics, antidepressants). Statins, acid reducers and blood thinners stay out:
   * the content covers muscle aches on statins, B12 on acid reducers, and supplements with
   * blood thinners.
   */
  medicines:
    "hrt|hormone replacement|acetazolamide|diamox|ibuprofen|paracetamol|acetaminophen|naproxen|codeine|tramadol|levothyroxine|thyroxine|gabapentin|pregabalin|sertraline|citalopram|fluoxetine|antidepressants?|semaglutide|wegovy|ozempic|mounjaro|tirzepatide|saxenda|glp ?1|weight loss (pills?|jabs?|injections?)|testosterone|naltrexone|ldn|baclofen|modafinil|amantadine|methotrexate|hydroxychloroquine|\\w+(pril|olol|sartan|mycin|cillin|oxetine)",
  /** Diets, weight, other food topics (sugar, sweeteners, seed oils, gluten, fasting) and named products. */
  dietsAndProducts:
    "keto|ketogenic|diabetes diet|intermittent fasting|carnivore diet|weight gain|weight loss|lose weight|losing weight|ag1|athletic greens|centrum|one a day|greens? powders?|super ?greens|nature made|garden of life|vitafusion|optimum nutrition|opti[ -]?men|opti[ -]?women|huel|soylent|yfood|dioralyte|oral rehydration|rehydration (salts|sachets)|sugars?|added sugar|sugary|sweeteners?|seed oils?|gluten|fasting|fasted|berocca|redoxon|red ?bull|monster energy|lucozade|pro ?plus|wellman|wellwoman|well ?kid|perfectil|pregnacare|vitabiotics|emergen[ -]?c|liquid[ -]?i ?v|nuun|hydralyte|prime hydration|zma|alpha brain",
  /** Conditions, injuries and sports medicine outside muscle nutrition. */
  /**
   * Blood tests the content does not read, by their usual names and abbreviations (creatine
   * kinase, HbA1c, kidney function, blood fats, PSA, thyroid): a result is for the person
   * who ordered it, even beside a muscle ache.
   */
  labTests:
    "(coronary |cardiac |ct |heart )?calcium (scores?|scans?|scoring)|cac (score|scan)|coronary calcium|ck|cpk|creatine kinase|creatine phosphokinase|hba1c|a1c|egfr|ldl|hdl|triglycerides?|psa|lipid (panel|profile)",
  /**
   * Physical treatments and what is rubbed on or worn: massage, needles, manipulation,
   * compression and tape, creams, gels and balms, heat and ice, TENS, cannabis products.
   */
  treatments:
    "massages?|massage guns?|cupping|acupuncture|acupressure|dry needling|chiropract\\w*|osteopath\\w*|compression (socks|stockings|sleeves|tights|garments?)|kinesio\\w*|k ?tape|taping|strapping|creams?|gels?|balms?|ointments?|sprays?|tiger balm|deep heat|voltarol|diclofenac|ice packs?|heat (pads?|packs?|patch(es)?|wraps?)|hot water bottles?|(heat|ice) or (heat|ice)|tens machines?|cbd|cannabi\\w*|hemp oil|(copper|magnetic) bracelets?",
  /** Sun protection: sunscreen and its factor, sunburn. Ours only beside vitamin D, which is then named. */
  sunProtection:
    "spf|spf ?\\d+|sunscreens?|sun ?creams?|sun ?blocks?|suncream|sunblock|sun ?lotion|sunburn\\w*|factor \\d+ (sun ?cream|sunscreen|lotion)",
  conditions:
    "thyroid|underactive thyroid|hypothyroid\\w*|tsh|fibromyalgia|gout|tennis elbow|shin splints?|plantar fasciitis|\\w+itis|doms|delayed onset muscle soreness|foam roll\\w*|ice baths?|tendin\\w*|tendon\\w*|achilles|runner'?s knee|it band|iliotibial|sprain\\w*|morning sickness|afterbirth|red[ -]s|relative energy deficiency|amenorrh\\w*|periods? (have |has )?stopped|osteoarthritis|polymyalgia|strain(ed|s)?|pulled (a |my )?(muscle|hamstring|calf|groin|back|quad)|torn (muscle|hamstring|calf|ligament|cartilage|meniscus)|ligaments?|meniscus|whiplash|dislocat\\w*|heat ?stroke|heat exhaustion|sunstroke|heat illness|heat rash|prickly heat|dumping syndrome|(late|early) dumping|(is (that|this|it)|that'?s|sounds like|could (it|this|that) be) dumping",
} as const;

/**
 * Health and nutrition subjects vitabot does not cover: the answer is "unknown". A topic set
 * aside ("apart from protein, which vitamins…") is not the question's subject.
 */
export const UNCOVERED = new RegExp(
  `(?<!\\b(apart from|aside from|besides|other than|except|except for) )\\b(${[...Object.values(UNCOVERED_KINDS), ...Object.values(MORE_UNCOVERED_KINDS)].join("|")})\\b`,
);

const UNCOVERED_ALL = new RegExp(UNCOVERED.source, "g");

/**
 * Uncovered topics that are taken as a supplement or remedy (other vitamins and minerals, sports
 * supplements, herbal remedies, tonics), as regex alternatives: what a question may ask about
 * beside a covered nutrient ("is K2 needed with my D3"), unlike a medicine or a condition, which
 * is its setting.
 */
export const TAKEN_TOPICS = [
  UNCOVERED_KINDS.nutrients,
  UNCOVERED_KINDS.sportsSupplements,
  UNCOVERED_KINDS.remedies,
  ...MORE_TAKEN_KINDS.map((kind) => MORE_UNCOVERED_KINDS[kind]),
].join("|");

/** A taken uncovered topic named as such (not set aside: "apart from protein"). */
export const TAKEN_UNCOVERED = new RegExp(
  `(?<!\\b(apart from|aside from|besides|other than|except|except for) )\\b(${TAKEN_TOPICS})\\b`,
);

/**
 * The kinds of uncovered topic that can be the setting of a question about the six rather than
 * its subject: a medicine or a diet someone is on.
 */
const SETTING_KINDS = new RegExp(`^(${UNCOVERED_KINDS.medicines}|${UNCOVERED_KINDS.dietsAndProducts})$`);

/** A question that asks which vitamins, minerals or nutrients: the six are its subject. */
const NUTRIENTS_ASKED = /\b(which|what) (of (the|my|your) )?(vitamins?|minerals?|nutrients?)\b/;

/**
 * A question that asks which of several vitamins, minerals or nutrients matter: its answer names
 * several. `normalize` reads "vitamins" as "vitamin", so a plural shows in the words beside it.
 */
export const SEVERAL_NUTRIENTS_ASKED =
  /\b(which|what) (of (the|my|your|these) )?(vitamins? (and|or|\/) minerals|minerals|nutrients)\b/;

/**
 * Whether an uncovered topic is the subject of a normalised text. A medicine or diet is only
 * the setting when the question asks which vitamins or minerals matter ("on a GLP-1 medicine
 * and eating little, which vitamins should I watch"); what the medicine itself does is not ours.
 */
export function uncoveredSubject(normalized: string): boolean {
  const topics = uncoveredTopics(normalized);
  if (topics.length === 0) return false;
  return !(NUTRIENTS_ASKED.test(normalized) && topics.every((topic) => SETTING_KINDS.test(topic)));
}

/**
 * The forms a plant or food product is sold in: "X powder", "X root", "X extract". A word that
 * says how a drink is made or when it is drunk ("sweet tea", "milky tea", "morning tea") names
 * no product.
 */
const PRODUCT_FORM =
  /\b(?!(?:sweet|sweetened|sugary|milky|strong|weak|black|white|iced|cold|plain|warm|morning|afternoon|evening|breakfast|builders?)\b)([a-z]{4,}) (powders?|extracts?|roots?|leaf|leaves|teas?|tinctures?)\b/g;

/**
 * Whether a normalised text names a product by its form ("baobab powder", "maca root") made
 * of something the content never mentions: an uncovered topic, whatever it is sold for.
 * @param known whether the content (or the list of stop words) holds a word
 */
export function unknownProduct(normalized: string, known: (word: string) => boolean): boolean {
  return [...normalized.matchAll(PRODUCT_FORM)].some(([, made]) => !known(made as string));
}

/** The plain words of six letters or more that name uncovered topics ("creatine", "cherry"). */
export const UNCOVERED_WORDS: readonly string[] = [
  ...new Set(
    [...Object.values(UNCOVERED_KINDS), ...Object.values(MORE_UNCOVERED_KINDS)]
      .flatMap((kind) => kind.split("|"))
      .filter((alternative) => /^[a-z ]+$/.test(alternative))
      .flatMap((alternative) => alternative.split(" "))
      .filter((word) => word.length >= 6),
  ),
];

/** The uncovered topics a normalised text names ("quinine", "tonic water"), each once. */
export function uncoveredTopics(normalized: string): string[] {
  return [...new Set(normalized.match(UNCOVERED_ALL) ?? [])];
}

/**
 * Medicine and condition names by their word endings: statins (-statin), blood-pressure
 * drugs (-pril, -olol, -sartan), blood thinners (-xaban), acid reducers (-prazole),
 * antibiotics (-mycin, -cillin), antidepressants (-oxetine), and conditions (-itis,
 * -osis, -algia, -aemia, -pathy, -ectomy).
 */
const MEDICAL_ENDINGS =
  "\\w+(statin|pril|olol|sartan|xaban|prazole|mycin|cillin|oxetine|semide|zolamide|iracetam|dipine|azepam|triptyline|profen|itis|osis|algia|aemia|emia|pathy|ectomy)";

/** Words of care, medicines, the body and sport that make a question a health one. */
const HEALTH_MORE =
  "prescri\\w*|medicines?|medications?|meds|drugs?|pregnan\\w*|breastfeed\\w*|midwife|surgery|operation|periods?|menstrua\\w*|marathons?|ultra ?marathon|couch to 5k|parkrun|half marathon|stretch(es|ing)?|recovery|knees?|hips?|back pain|shins?|heels?|feet|foot|ankles?|wrists?|shoulders?|neck|stomach|bowel|kidneys?|liver|thyroid|hormones?|juice|posture|back (support|brace|belt)s?|metformin|insulin|diabet\\w*|hydrat\\w*|dehydrat\\w*|fluids|stress|anxiety|mood|depress\\w*|altitude|appetite|hunger|digest\\w*|constipat\\w*|diarrh\\w*|bloat\\w*|nause\\w*|urin\\w*|bladder|menopaus\\w*|fertility|grie(f|ve|ved|ving)|bereave\\w*|mourning|(pre)?diabet\\w*|blood (sugar|pressure|glucose)|glucose|hypertension|cholesterol|mmol|mg ?\\/ ?dl|umol|ng ?\\/ ?l|sun ?(cream|block|screen|burn)\\w*|spf|uv";

/**
 * The rest of the body and its everyday complaints, in the groups a consumer health index
 * such as MedlinePlus's health topics uses (body location, symptoms, infections, habits,
 * kinds of medicine, mental health, women's health, common long-term conditions): not ours, but health questions, so `unknown` rather than
 * `out_of_scope`. A place of care alone (a pharmacy's opening hours, a dentist appointment
 * to swap a shift for) is not a health word.
 */
const BODY_AND_COMPLAINTS =
  "ears?|eyes?|eyesight|vision|teeth|tooth\\w*|gums?|hair ?loss|scalp|dandruff|nails?|throat|lungs?|breath\\w*|sinus\\w*|nose|spine|pelvic|prostate|\\w+aches?|headaches?|migraines?|itch\\w*|rash(es)?|stings?|stung|insect bites?|blisters?|snor\\w*|insomnia|tinnitus|acne|eczema|psoriasis|asthma|allerg\\w*|hay ?fever|coughs?|coughing|a cold|colds|common cold|flu|fevers?|infections?|contagious|chicken ?pox|measles|covid|vaccin\\w*|jabs?|hangovers?|calories?|kcal|alcohol|smoking|smoker|vap(e|es|ing)|cigarettes?|(good|bad|healthy|unhealthy) for (you|me|us|your|my|the body)|antibiotics?|antihistamines?|painkillers?|steroids?|inhalers?|antivirals?|side effects?|dizz\\w*|light ?headed|vomit\\w*|hiccups?|heartburn|reflux|indigestion|palpitations?|swollen|swelling|bruis\\w*|lumps?|moles?|warts?|verrucas?|colic|teething|nappy rash|bmi|body fat|burn ?out|panic( attacks?)?|adhd|autism|autistic|ocd|ptsd|therap(y|ist)|counsell?(ing|or)|dementia|alzheimer'?s?|hot (flush|flash)\\w*|contracepti\\w*|smear test|ovulat\\w*|cancers?|tumou?rs?|chemo\\w*|radiotherapy|lupus|parkinson'?s|multiple sclerosis|epilep\\w*|shingles|hernias?|sciatica|ibs|irritable bowel|coeliac|celiac|crohn'?s|copd|hiv|herpes|uti|thrush|hereditary|genetic|type (1|2|one|two) diabet\\w*|(ct|mri|pet|dexa|dxa|bone density) scans?|x ?rays?|mri|ultrasound|dexa|dxa";

/** Words that put a message in the health and nutrition domain. */
const HEALTH_WORDS =
  /\b(vitamins?|multivitamins?|minerals?|supplements?|deficien\w*|nutrients?|nutrition\w*|muscles?|muscular|weak\w*|tired|fatigue\w*|cramps?|bones?|nerves?|tingl\w*|numb(?!er)\w*|diet\w*|foods?|eat\w*|health\w*|doctor|gp|blood|pains?|aches?|aching|sore\w*|strength|strong|exercise|workout|gym|sarcopenia|aging|ageing|protein|pills?|tablets?|capsules?|dose|symptoms?|sick|ill|illness|injur\w*|joints?|energy|sleep|stamina|frail\w*|falls?|balance|legs?|arms?|body|weight|heart|brain|memory|skin|anemi\w*|anaemi\w*|dairy|milk|fish|meat|vegan\w*|vegetarian\w*|charley horses?|iu|mcg|methylmalonic|mma|homocysteine|osteomalacia|rickets|osteoporosis|statins?|twitch\w*|spasms?)\b/;

export const HEALTH = new RegExp(
  `${HEALTH_WORDS.source}|\\b(${HEALTH_MORE}|${BODY_AND_COMPLAINTS}|${MEDICAL_ENDINGS}|${MORE_HEALTH_WORDS})\\b|${UNCOVERED.source}`,
);

/**
 * Words of the subject vitabot answers: muscle, bone and nerve health and the supplements
 * and nutrients behind it. A question that names none of the six nutrients and describes
 * no deficiency sign is ours only when it says one of them; otherwise a question about a
 * medicine, a product or a condition would get whichever answer shares its other words.
 */
export const MUSCLE_DOMAIN =
  /\b(muscles?|muscular|sarcopenia|cramp\w*|charley horses?|weak\w*|strength|stronger|frail\w*|twitch\w*|spasms?|tingl\w*|numb(?!er)\w*|pins and needles|nerves?|neuropath\w*|bones?|osteo\w*|rickets|fractures?|falls?|falling|balance|grip|mobility|fatigue\w*|tired\w*|exhausted|aches?|aching|sore\w*|stiff\w*|vitamins?|multivitamins?|minerals?|supplements?|deficien\w*|nutrients?|fish oil|cod liver|sun(?!days?\b)\w*|iu|mcg|pains?|hurt\w*|bow(ed|ing|s)?|methylmalonic|mma|homocysteine)\b/;

/** Short social messages that are not questions at all. */
export const SMALL_TALK =
  /^((hi|hello|hey|hiya)( there| all| everyone| vitabot)?|yo|sup|(thanks?|thank you)( a lot| so much| very much| again| vitabot)?|thx|ty|ok|okay|cool|nice|lol|lmao|haha|bye|see you|good ?(morning|afternoon|night|evening)|gm|gn|test|ping)\b[\s!.?]*$/;

/** What a nutrient mention becomes before `NAMED_AS` reads the words around it. */
export const MENTION = "nutrientmention";

/** Things at work that people give names to: a sprint, a project, a channel. */
const NAMED_THINGS =
  "sprints?|projects?|teams?|squads?|channels?|releases?|epics?|milestones?|boards?|branch(es)?|repos?|repository|tickets?|stand ?ups?|retros?|meetings?|workstreams?|initiatives?|launch(es)?|rollouts?|migrations?|roadmaps?|okrs?|hackathons?|offsites?|servers?|codenames?|code names?|apps?|dashboards?|decks?|pipelines?|wikis?|spreadsheets?|rotas?";

/** What happens to a piece of work: it ships, goes live, gets a version. */
const WORK_NEWS = "v\\d[\\w.]*|ships|shipped|shipping|went live|goes live|is live|deployed|merged";

/**
 * A covered nutrient's name used as the name of something at work: "the b12 team", "#omega3",
 * "project calcium", "magnesium is what we called the release", "calcium v2 shipped", "on call
 * for omega3". Read on text whose nutrient mentions are `MENTION`. A calcium channel blocker
 * is a medicine, not a channel.
 */
export const NAMED_AS = new RegExp(
  [
    `\\b${MENTION} (${NAMED_THINGS})\\b(?! block)`,
    `\\b${MENTION} (${WORK_NEWS})\\b`,
    `\\b(${NAMED_THINGS}|called|named|codenamed|dubbed|on ?call for) (is )?(called |named |the )?${MENTION}\\b`,
    `\\b${MENTION} (is|was|as) (the |our |a |what we |what they )?(\\w+ )?(name|codename|called|named)\\b`,
    `#${MENTION}\\b`,
  ].join("|"),
);

/**
 * Health words that are everyday words at work and at home too: a food in the fridge (milk,
 * sugar, protein bars), a gym as a venue, the arm of a chair, a prescription to collect, a
 * doctor thanked. Alone they do
 * not make a message about something else a health question.
 */
const EVERYDAY_WORDS =
  /\b(foods?|milk|fish|meat|dairy|juice|eat\w*|gym|arms?|legs?|body|feet|foot|neck|heart|brain|memory|skin|doctors?|gp|prescri\w*|pills?|tablets?|capsules?|meds|medicines?|medications?|drugs?|weight|balance|falls?|exercise|workout|operation|recovery|stress|mood|protein( bars?| shakes?| shakers?)?|sugars?|coffee|caffeine|energy drinks?)\b/g;

/** What ordinary chat is about, by kind. */
const CHAT_KINDS = {
  /** Getting things from one place to another. */
  logistics:
    "deliver\\w*|address|parcels?|couriers?|postcode|post (it|them|my|your|her|his)|collect(ion|ing)?|pick(ing)? (it |them )?up|drop(ping)? (it |them )?off|bookings?|reservations?|forward(ed|ing)? to",
  /** Finding a place or a thing to do. */
  places:
    "near(by| me| here| the| work| the office)|nearest|around here|venues?|recommendations?|recommend (a|an|any|somewhere)|anyone know (a|an|any|of|where)|where (can|do|should) (i|we) (go|meet)",
  /** The office and its shared things, and who moved them. */
  officeLife:
    "office|desks?|fridge|canteen|kitchen|kitchenette|\\d+(st|nd|rd|th) floor|meeting rooms?|monitors?|laptops?|chairs?|printers?|stapler|wifi|car park|parking|lockers?|hot ?desk\\w*|drawers?|whoever|who (keeps|took|moved|has been|ate|drank|finished|borrowed)|someone (keeps|took|ate|drank|moved|borrowed|finished|left)|my name on it|(cover|swap|take) (my|a|the|your) shifts?",
  /** Plans with colleagues or friends. */
  socialPlans:
    "team (social|outing|night out|lunch|drinks|building|event)|socials?|night out|away ?day|part(y|ies)|birthday|quiz|outing|after work drinks",
  /** Jokes and thanks: not a question at all. */
  jokesAndThanks: "jokes?|puns?|memes?|riddles?|^(thanks|thank you|many thanks|cheers)",
} as const;

const CHAT = new RegExp(`\\b(${Object.values(CHAT_KINDS).join("|")})\\b`);

/**
 * Whether a message is ordinary chat (logistics, places, office life, social plans, a joke, a
 * thank-you note) whose only health words are everyday ones: "who keeps taking the milk from
 * the fridge". A health word of its own (a symptom, a condition, a nutrient, a lab value, an
 * uncovered topic) or a word of the muscle subject keeps it a health question.
 */
export function isChat(text: string): boolean {
  return CHAT.test(text) && !HEALTH.test(text.replace(EVERYDAY_WORDS, " ")) && !MUSCLE_DOMAIN.test(text);
}
