/**
 * More health subjects vitabot does not cover, found with question set 6, kept apart from
 * `vocabulary.ts`'s lists so each reads as data; `vocabulary.ts` joins them into `UNCOVERED`.
 */

/** Alcoholic drinks by their everyday names. */
const ALCOHOL =
  "alcohol|booze|wines?|beers?|lagers?|ales?|ciders?|sherry|sherries|whisk(e)?y|gin|vodka|rum|brandy|prosecco|champagne|spirits|pints?|(a|one|two|few|small|couple of) drinks";

/** Medicines taken every day that a drink may not mix with, by name, kind and ending. */
const MEDICINES_TAKEN =
  "warfarin|blood thinners?|anticoagulants?|\\w+xaban|dabigatran|statins?|\\w+statin|antibiotics?|metronidazole|painkillers?|tablets|pills|meds|medications?|medicines?|metformin|insulin|methotrexate|antidepressants?|\\w+(pril|olol|sartan|mycin|cillin|oxetine|prazole|semide|triptyline|azepam|sone|solone)";

/** Uncovered subjects by kind, as regex alternatives (matched as whole words). */
export const MORE_UNCOVERED_KINDS = {
  /** Remedies and problems of breastfeeding: ours is only what a nutrient does for muscle. */
  lactation:
    "lecithin|sunflower lecithin|blocked ducts?|clogged ducts?|milk ducts?|milk supply|lactation (cookies|supplements?|teas?|consultants?)|domperidone|brewer'?s yeast|moringa",
  /** Vitamin A and its forms. */
  vitaminA: "retinol|retinoids?|retinyl \\w+|beta[ -]?carotene",
  /** Omega-6 and the seed-oil debate (not the omega-3 in flaxseed or canola oil). */
  otherFats: "omega[ -]?(6|9)s?|seed oils|linoleic( acid)?|trans fats?|saturated fats?",
  /** Traditional and animal tonics. */
  tonics:
    "bird'?s nests?|edible nests?|swiftlet nests?|royal jelly|bee pollen|propolis|deer antlers?( velvet)?|antler velvet|cordyceps|reishi|lion'?s mane|sea cucumbers?|chicken essence|shilajit|spirulina|chlorella|herbal tonics?",
  /** Being fed by a tube or a liquid formula only. */
  liquidFeeding:
    "enteral\\w*|tube fe\\w*|feeding tubes?|nasogastric|ng tube|peg tube|elemental diet|liquid diet|(formula|liquid|shakes?)[ -]only|only (formula|shakes)|modulen|peptamen|elecare|neocate|pediasure|paediasure",
  /** Nerves pinched or pressed on, and the numbness that position or pressure brings on. */
  pressedNerves:
    "carpal tunnel|cubital tunnel|tarsal tunnel|trapped nerves?|pinched nerves?|ulnar( nerve)?|sciatica|handlebar palsy|cyclist'?s palsy|morton'?s neuroma|(numb(?!er)\\w*|tingl\\w*|pins and needles|go(es)? dead)( \\S+){0,8} (on|from|after|during) (the |my |a |long |longer )*(handlebars?|bars|drops|hoods|saddle|rides?|riding|cycling|spin class(es)?|shoes|boots)|(numb(?!er)\\w*|tingl\\w*|pins and needles|go(es)? dead|falls? asleep)( \\S+){0,8} (when|while|after|from) (i |i'm |im )?(sleep(ing)? on|lean(ing)? on|cross(ing)? my legs|kneel\\w*|typ(e|ing)|using (a |the |my )?(mouse|keyboard|phone|controller)|gaming)",
  /** Skin and feet: sores, blisters, chafing. */
  skinAndFeet:
    "saddle sores?|blisters?|chaf(e|es|ed|ing)|corns|calluse?s?|athlete'?s foot|verrucas?|bunions?|ingrown (toe)?nails?|varicose( veins)?|spider veins",
  /** Supports for a strained joint, and strain from repeated movements. */
  strainAndSupports:
    "braces?|splints?|strapping|kinesio\\w*|k ?tape|wrist supports?|rsi|repetitive strain\\w*|gamer'?s thumb|text(ing)? thumb",
  /**
   * Fingers or toes that blanch and turn blue in the cold (Raynaud's phenomenon), chilblains:
   * the circulation, not a nutrient, and a question for the GP.
   */
  coldCirculation:
    "raynaud'?s|chilblains?|(vibration )?white finger|(fingers?|toes?|fingertips?) (go|goes|turn|turns|went|turned|going|turning|are|look) (white|blue|purple|waxy)",
  /** Eyes and screens. */
  eyes: "eye ?strain|blue light( glasses)?|dry eyes|eyesight|vision|screen time",
  /** The gut and what is sold for it. */
  gut: "colostrum|gut health|prebiotics?|kefir|kombucha|digestive enzymes?|apple cider vinegar",
  /**
   * Other dietary supplements the NIH Office of Dietary Supplements writes fact sheets on, not
   * named in `vocabulary.ts`'s lists: the vitamins and minerals of its index
   * (https://ods.od.nih.gov/factsheets/list-all/), carnitine, vitamin K2 by its own names, and
   * the ingredients of its exercise and athletic performance sheet
   * (https://ods.od.nih.gov/factsheets/ExerciseAndAthleticPerformance-HealthProfessional/).
   */
  odsSupplements:
    "(acetyl[ -]?)?(l[ -]?)?carnitine|choline|molybdenum|fluoride|pantothenic( acid)?|phosphorus|vitamin b(2|3|5|7|9)|k2|mk[ -]?7|menaquinones?|(l[ -]?)?arginine|(l[ -]?)?citrulline|nitrates?|d[ -]?ribose|betaine|dhea|tribulus|sodium bicarbonate",
  /**
   * Alcohol with a medicine ("a glass of wine on warfarin", "beer with my statin"): a question
   * for the pharmacist who knows the medicine, whatever the drink.
   */
  alcoholWithMedicine: `(${ALCOHOL})( \\S+){0,5} (with|on|while on|while taking|alongside|and) (my |the |your |his |her |their )?(${MEDICINES_TAKEN})|(on|taking|with) (my |the |your |his |her |their )?(${MEDICINES_TAKEN})( \\S+){0,8} (${ALCOHOL})`,
  /**
   * Fatigue conditions with their own treatment debates (graded exercise, pacing): ME/CFS and
   * post-viral fatigue. Beside a covered nutrient (a B12 result in ME/CFS) the nutrient is the subject.
   */
  fatigueConditions:
    "chronic fatigue( syndrome)?|me ?/ ?cfs|cfs ?/ ?me|cfs|myalgic encephalomyelitis|post[ -]viral fatigue( syndrome)?|graded exercise( therapy)?",
  /**
   * Corticosteroids by name and by the endings of their names (-sone, -solone): what a steroid
   * does to muscle is a question for the prescriber. Beside a covered nutrient (steroids lower
   * vitamin D and calcium absorption) the nutrient is the subject.
   */
  corticosteroids:
    "corticosteroids?|glucocorticoids?|steroid (tablets?|pills?|inhalers?|injections?|courses?)|budesonide|entocort|cortisone|\\w+(sone|solone)",
} as const;

/**
 * The kinds above whose topics are taken as supplements or remedies: what a question may ask
 * about beside a covered nutrient (see `asked-subject.ts`).
 */
export const MORE_TAKEN_KINDS = ["vitaminA", "tonics", "odsSupplements"] as const;

/** Health words that make a message a health question, though not a subject of ours on their own. */
export const MORE_HEALTH_WORDS =
  "coeliac\\w*|celiac\\w*|gluten\\w*|veins?|poo|poop|stools?|nappies|nappy|diapers?|bowel movements?|breastfed|breast ?feeding|bottle ?fed|formula ?fed|weaning|nipples?";

/**
 * Other nutrients asked about inside a covered nutrient's product ("the vitamin A in cod liver
 * oil", "the vitamin K in my D3 drops"): the uncovered nutrient is the subject.
 * Read on text whose covered-nutrient mentions are `mention`.
 */
export function otherNutrientInside(masked: string, mention: string): boolean {
  const other = `vitamins? (a|c|k|k2|b6|b1)|retinol|iron|zinc|iodine|potassium|folate|folic acid|selenium`;
  return new RegExp(
    `\\b(${other}) (is |are )?(in|from|inside) (a |an |the |my |your |this |that |some )?(\\w+ ){0,3}${mention}\\b`,
  ).test(masked);
}
