/**
 * The frozen, blind triage sets (tests/fixtures/triage/set-N.yaml) and how triage is
 * scored on them. Shared by the targets test and `npm run bench answers`.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { load as parse } from "js-yaml";
import { z } from "zod";
import { TierSchema } from "../../src/core/content/triage-schema.js";
import { PACKAGE_ROOT } from "../../src/paths.js";

const ItemSchema = z.discriminatedUnion("expect", [
  z.strictObject({
    id: z.string(),
    text: z.string().min(1),
    expect: z.literal("urgent"),
    tier: TierSchema,
    category: z.string(),
    voice: z.string(),
  }),
  z.strictObject({
    id: z.string(),
    text: z.string().min(1),
    expect: z.literal("none"),
    category: z.string(),
    voice: z.string(),
  }),
]);
export type TriageItem = z.infer<typeof ItemSchema>;

/**
 * The sets whose targets the tests hold, with each one's urgent recall target: set 1 was
 * tuned on (every urgent message); sets written after tuning, 98%. A new set is committed
 * before it is ever scored, and its first score (reported in the closing note) is
 * taken before any fix; it joins these once the engine meets its targets on it. Every
 * committed set is scored by `npm run bench answers`.
 */
export const SCORED_TRIAGE_SETS: readonly { set: number; recall: number }[] = [
  { set: 1, recall: 1 },
  { set: 2, recall: 0.98 },
  { set: 3, recall: 0.98 },
];

/**
 * Sets whose first score missed the targets and that the engine does not meet yet: the
 * tests hold the figures reached so far (a floor, so they can only improve), and the
 * issue stays open. Set 4 after two rounds of fixes: 425/478 urgent (30 of the misses are
 * messages mostly in another language), 25/278 look-alikes, 1 emergency as same_day (in Hindi).
 * Set 5 after two rounds: 222/265 urgent, 28/178 look-alikes, 1 emergency as same_day.
 * After a third round (passed stroke signs, breathing, history, confusion): set 4 429/478
 * urgent, 25/278 look-alikes; set 5 230/265 urgent, 24/178 look-alikes; 1 emergency as
 * same_day each. After a fourth round (an exception clears only the sign it follows, kinds
 * of look-alikes, messages mostly in another language): set 4 443/478 urgent, 25/278
 * look-alikes; set 5 232/265 urgent, 24/178 look-alikes; no emergency as same_day.
 * Set 6, written blind before that round landed and scored after it (its first run):
 * 83/107 urgent, 8/58 look-alikes, 2 emergencies as same_day. Set 7 (that round's third
 * author, reviewed later), first run: 45/60 urgent, 2/48 look-alikes, 2 emergencies as same_day.
 * After a fifth round, tuned on sets 4-7 (readings of a place or an activity, people's own
 * images of stroke and paralysis, indirect self-harm, snake bites): set 4 444/478 urgent,
 * 25/278 look-alikes; set 5 235/265, 24/178; set 6 90/107, 5/58; set 7 50/60, 0/48; no
 * emergency as same_day on any.
 * Set 8, written blind after sets 6 and 7 were scored, first run (engine of 1be392d):
 * 54/67 urgent, 9/50 look-alikes, 4 emergencies as same_day; after the fifth round (which
 * never saw it): 55/67 urgent, 9/50 look-alikes, 3 emergencies as same_day. Set 9, written
 * blind after that, first run: 53/70 urgent, 6/69 look-alikes, 3 emergencies as same_day.
 * After a sixth round, tuned on set 8 and the question sets (cauda equina and thunderclap
 * headache in lay words, Wernicke's, dehydration and bowel obstruction, look-alikes of quizzes,
 * forms and pressure on a limb): set 8 64/67 urgent, 0/50 look-alikes, none as same_day; set 4
 * 445/478; set 9, which it never saw, unchanged at 53/70, 6/69 and 3.
 * After a seventh round, tuned on set 9 and the question sets (symptoms in people's own
 * images, a child and an adult's prenatal or mineral multivitamin, laxatives and potassium,
 * angina at rest, reduced urine, a faint with an injury, portrayals and stories asked in
 * general, a sign built from settings inside a general question) and the same kinds on sets
 * 4-8: set 9 70/70 urgent, 0/69 look-alikes, none as same_day; set 4 445/478, 23/278; set 5
 * 241/265, 23/178; set 6 94/107, 4/58; set 7 51/60, 0/48; set 8 65/67, 0/50.
 * Set 10, written blind while that round was on a branch, first run (on main without it):
 * 49/59 urgent, 11/37 look-alikes, 1 emergency as same_day; with it (it never saw set 10):
 * the same, 49/59, 11/37 and 1.
 * After an eighth round, tuned on set 10 and question sets 9-10 (quoted words read, lay and
 * clinicians' words for seizure, paraparesis, retention, passive wishes not to exist, nonsense
 * texts, fever with fast breathing, adrenal crisis, septic arthritis; role-play, drills,
 * training and plans for others as hypothetical): set 10 59/59 urgent, 0/37 look-alikes, none
 * as same_day; set 4 445/478, 22/278; sets 5-9 unchanged.
 * Set 11, written blind while that round was on a branch and committed after it landed (it never
 * saw set 11), first run: 104/122 urgent, 8/65 look-alikes, 2 emergencies as same_day.
 * After a ninth round, tuned on set 11 (haemoptysis in lay words, any head blow on a blood
 * thinner, disorientation and new hallucinations, symptoms since a recent infection, a fast
 * rhythm with shock signs, scant urine with palpitations, hopelessness with a means; an
 * animal's illness, crowd hyperbole, mimicry, a bruise from a kick as look-alikes): set 11
 * 122/122 urgent, 0/65 look-alikes, none as same_day; set 5 242/265; the others unchanged.
 * Then, for safety, the animal look-alikes clear only their own clause (they cleared the whole
 * message, so a person's stroke told beside a call to the vet was missed): set 11 1/65
 * look-alikes again and set 4 23/278 (a dog panting in the heat), set 4 446/478 urgent.
 * For the same reason, acting a part, training days and drills, and plans or cards written
 * for others clear only their own sentence (they cleared the whole message, so "made a crib
 * sheet for the sitter. now my toddler has swallowed my iron tablets" was missed): look-alikes
 * set 4 26/278, set 5 24/178, set 10 1/37; when in doubt, urgent. No cue clears a whole
 * message any more (quizzes, forms and "out of curiosity" clear their own sentence): set 2 1/314.
 */
export const FLOOR_TRIAGE_SETS: readonly {
  set: number;
  recall: number;
  falseAlarmRate: number;
  emergencyAsSameDay: number;
}[] = [
  { set: 4, recall: 0.93, falseAlarmRate: 0.094, emergencyAsSameDay: 0 },
  { set: 5, recall: 0.913, falseAlarmRate: 0.135, emergencyAsSameDay: 0 },
  { set: 6, recall: 0.878, falseAlarmRate: 0.069, emergencyAsSameDay: 0 },
  { set: 7, recall: 0.85, falseAlarmRate: 0, emergencyAsSameDay: 0 },
  { set: 8, recall: 0.97, falseAlarmRate: 0, emergencyAsSameDay: 0 },
  { set: 9, recall: 1, falseAlarmRate: 0, emergencyAsSameDay: 0 },
  { set: 10, recall: 1, falseAlarmRate: 0.028, emergencyAsSameDay: 0 },
  { set: 11, recall: 1, falseAlarmRate: 0.016, emergencyAsSameDay: 0 },
];

/** At most this share of a set's look-alikes may be flagged. */
export const MAX_FALSE_ALARM_RATE = 0.05;

function triageSetPath(n: number): string {
  return join(PACKAGE_ROOT, `tests/fixtures/triage/set-${n}.yaml`);
}

/** The sets committed so far, in order (set 1, set 2, …). */
export function availableTriageSets(): number[] {
  const sets: number[] = [];
  for (let n = 1; existsSync(triageSetPath(n)); n++) sets.push(n);
  return sets;
}

export function loadTriageSet(n: number): TriageItem[] {
  return z.array(ItemSchema).parse(parse(readFileSync(triageSetPath(n), "utf8")));
}

/** What triage said about one message. */
export type Verdict = { urgent: false } | { urgent: true; tier: "emergency" | "same_day" };

export interface TriageScore {
  urgent: number;
  found: number;
  /** Urgent items answered at the labelled tier. */
  tierAgreed: number;
  /** `emergency` items answered as `same_day`: the error that must not happen. */
  emergencyAsSameDay: TriageItem[];
  missed: TriageItem[];
  lookalikes: number;
  falseAlarms: TriageItem[];
}

export function scoreTriage(items: readonly TriageItem[], judge: (text: string) => Verdict): TriageScore {
  const score: TriageScore = {
    urgent: 0,
    found: 0,
    tierAgreed: 0,
    emergencyAsSameDay: [],
    missed: [],
    lookalikes: 0,
    falseAlarms: [],
  };
  for (const item of items) {
    const verdict = judge(item.text);
    if (item.expect === "urgent") {
      score.urgent++;
      if (!verdict.urgent) score.missed.push(item);
      else {
        score.found++;
        if (verdict.tier === item.tier) score.tierAgreed++;
        else if (item.tier === "emergency") score.emergencyAsSameDay.push(item);
      }
    } else {
      score.lookalikes++;
      if (verdict.urgent) score.falseAlarms.push(item);
    }
  }
  return score;
}
