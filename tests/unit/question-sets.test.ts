/**
 * Both labelled question sets load and are scored the same way by the engine test and
 * `npm run bench answers`: the blind set written for the content review (questions-2.yaml) lists the kinds a
 * message with several questions may also get (`accept`), and the keyword baseline is
 * scored on it beside the engine.
 */
import { describe, expect, it } from "vitest";
import { createKeywordBaseline } from "../../bench/baseline-keyword.js";
import { createAnswerEngine } from "../../src/core/answers/engine.js";
import { realContent } from "../helpers/content.js";
import { judge, type Labelled, loadQuestionSet, QUESTION_SETS, score } from "../kit/question-set.js";

describe("the labelled question sets", () => {
  it.each(QUESTION_SETS)("%s loads", (file) => {
    expect(loadQuestionSet(file).length).toBeGreaterThanOrEqual(120);
  });

  it("set 2 holds messages that accept more than one kind", () => {
    expect(loadQuestionSet("questions-2.yaml").some((item) => (item.accept ?? []).length > 1)).toBe(true);
  });

  const several: Labelled = {
    q: "is a statin safe with vitamin D, and also, what is the weather tomorrow",
    kind: "answer",
    nutrients: ["vitamin-d"],
    accept: ["answer", "out_of_scope"],
    category: "several",
  };

  it("counts an accepted kind as right, without asking an answer's nutrient of it", () => {
    expect(judge(several, { kind: "out_of_scope", nutrients: [] }).right).toBe(true);
    expect(judge(several, { kind: "unknown", nutrients: [] }).right).toBe(false);
    expect(judge(several, { kind: "answer", nutrients: ["calcium"] }).right).toBe(false);
    expect(judge(several, { kind: "answer", nutrients: ["vitamin-d"] }).right).toBe(true);
  });

  it("scores the keyword baseline and the engine on set 2 side by side", () => {
    const set = loadQuestionSet("questions-2.yaml");
    const content = realContent();
    const baseline = createKeywordBaseline(content);
    const engine = createAnswerEngine(content, { emergencyNumber: "911" });
    const of = (ask: (q: string) => Parameters<typeof judge>[1]) =>
      score(set.map((item) => judge(item, ask(item.q))));
    const [base, ours] = [of(baseline), of((q) => engine.ask(q))];
    expect(base.total).toBe(set.length);
    expect(ours.accuracy).toBeGreaterThan(base.accuracy);
  });
});

/**
 * The blind sets written for the content issue are held at the figures reached (kind right
 * and, for answers, the first nutrient), so tuning can only improve them. Set 3 was
 * written after the tuning on set 2; its first score (133 of 170 kinds right with the CLI)
 * missed the targets, which are kind >= 90%, unknown >= 85% and no urgent message answered.
 * Set 4 was written after the fixes that followed; its first score (139 of 170 through the
 * engine, 140 with the CLI: unknown 15 of 34, five urgent messages answered) missed them too;
 * it is held at 162 after the unknown and triage fixes that followed. Set 5, written after
 * those, first scored 110 of 126 through the engine (110 with the CLI: kind 87.3%, unknown
 * 21 of 25, no urgent message answered): short of the kind and unknown targets. The floors
 * were raised to the figures reached after the question-kind fixes that followed (health words
 * of lab values, appetite, grief and sun protection; ordinary chat with everyday health words;
 * products by their form; deficiency diseases; slips in names of several words).
 * Set 6, written while set 5's fixes were on a branch, first scored 100 of 130 (engine and
 * CLI: kind 76.9%, unknown 20 of 28 through the engine, three urgent messages answered);
 * channel chat that borrows a health word (a shop's shelves, an event, kit, a link, a bot, a
 * game), the uncovered topics it showed (lactation remedies, nerves pressed on, seed oils and
 * omega-6, tonics, liquid-only feeding, coeliac diets, another vitamin in a covered one's
 * product) and a microgram dose beside little daylight read as vitamin D raised it to 119 on
 * their own branch, 118 merged with the fixes for sets 1-5. Set 7, written blind while those
 * fixes were on branches, first scored 107 of 130 on main with all of them (kind 82.3%, unknown
 * 20 of 28, no urgent message answered; one urgent message read as out of scope, because "a
 * video" marked a whole sentence as something watched: 108 once that was mended).
 * Set 8, written blind after set 7's first score while its fixes were on a branch, first
 * scored 108 of 130 on main with all of them (kind 83.1%, unknown 21 of 28, no urgent message
 * answered). After the last round of answer and triage fixes the floors are the figures
 * reached: sets 3, 5, 6 and 7 at 169, 126, 124 and 127; set 8 at 109 once "everyone" near a
 * conference bridge was no longer read as self-harm. The next round of question kinds (another
 * supplement asked about beside a covered nutrient, channel chat about the channel's rules, a
 * coffee run, lost property, course slides, a pun or a crop; answers for diuretics and cod
 * liver oil; the nutrient whose amount is asked leading; dumping syndrome) raised set 8 to 121
 * (kind 93.1%, unknown 26 of 28, every miss left an urgent reading for the triage work), set 7
 * to 128 and set 3 to 170; sets 2 and 4 are held at the 188 and 166 they had reached.
 * Set 9, written blind after set 8's first score while its fixes were on a branch, first scored
 * 101 of 130 on main before them (kind 77.7%, unknown 21 of 28, two urgent messages answered:
 * a racing heart with a tight chest after cardiac rehab, stopping steroids with vomiting and
 * near-fainting); after the round tuned on set 8, which never saw it: 103 (kind 79.2%, unknown
 * 22 of 28, the same two urgent messages answered).
 * The seventh triage round's look-alikes (muscles that seize up, a seizure threshold, a
 * coronary calcium score, spacing doses out, a guessed low level, beta-alanine tingling, a
 * prescribed vitamin D loading course, a low potassium the GP manages) raised set 2 to 191 and
 * set 8 to 130; set 9, which that round never saw, to 104.
 * Set 10, written blind after set 9's first score while set 9's fixes were on a branch, first
 * scored 104 of 130 on main with the round tuned on set 8 and the seventh triage round (kind
 * 80.0%, unknown 19 of 28, no urgent message answered, one urgent message read as unknown).
 * The round tuned on set 9 (channel requests and notices: a crafts pattern, a shift swap, a
 * walk moved or a meetup, a recipe for a shared meal, a reminder or praise for the bot; a remedy
 * for a person's complaint, alcohol with a medicine and corticosteroids as uncovered; a
 * comparison or harm asked beside "lol") raised set 9 to 116 (kind 89.2%, unknown 26 of 28;
 * every miss left is a triage reading, for the triage work); set 10, never looked at, held at 104.
 * The round tuned on set 10 preferred rules decided by a message's shape, each checked to leave
 * sets 1-9 where they were: messages that ask nothing (no question in any form, a mark of thanks,
 * celebration or notice, no one's symptom), something to make for others and a bot asked to
 * repeat itself, a riddle its teller answers, a subject in a naming place of the sentence that
 * the content never uses (a medicine started or changed, a risk of a condition, a remedy's worth,
 * how long a product keeps), "numbers" no longer read as numbness, conditions named inside
 * another (pernicious anaemia: B12), a nutrient's name clipped in a product (Magne B6) and
 * ME/CFS as uncovered. Set 10 rose to 123 (kind 94.6%, unknown 26 of 28, no urgent message
 * answered); the seven misses left are triage readings (six questions read as urgent, one
 * urgent missed), for the triage work.
 * The eighth triage round raised set 9 to 120 and set 10 to 124 (the urgent ones missed are now
 * flagged; past events named as time anchors are history); the question-side triage errors
 * left are nutrient questions naming a level, a chronic symptom or a mechanism.
 * Set 11, written blind while the round tuned on set 10 was on a branch and committed after it
 * landed (neither that round nor the eighth triage round saw it), first scored 116 of 130 (kind
 * 89.2%, unknown 25 of 28, first nutrient 70 of 70, no urgent message answered): the first new
 * set since set 5 that comes within one item of the kind target on its first run.
 * The round on set 11 (issue 17) raised it to 125 (kind 96.2%, out_of_scope 18 of 18): logistics
 * around a health topic (a supplier's number, who comes to a talk and when, a form posted or
 * scanned, an expense claimed, wood for a cabinet, catering, a meeting moved with its quoted
 * topic, an awareness day) is chat. The five misses left are triage readings (three `unknown`
 * questions and two nutrient questions read as urgent); without triage the answer side gives the
 * three `unknown`.
 */
const FLOORS = {
  "questions-2.yaml": 191,
  "questions-3.yaml": 170,
  "questions-4.yaml": 166,
  "questions-5.yaml": 126,
  "questions-6.yaml": 124,
  "questions-7.yaml": 128,
  "questions-8.yaml": 130,
  "questions-9.yaml": 120,
  "questions-10.yaml": 124,
  "questions-11.yaml": 125,
} as const;

describe("the blind question sets hold their floors", () => {
  const engine = createAnswerEngine(realContent(), { emergencyNumber: "911" });
  it.each(Object.entries(FLOORS) as [keyof typeof FLOORS, number][])(
    "%s: at least %i right",
    (file, floor) => {
      const set = loadQuestionSet(file);
      const result = score(set.map((item) => judge(item, engine.ask(item.q))));
      expect(result.right).toBeGreaterThanOrEqual(floor);
    },
  );

  it("set 2 answers no urgent message", () => {
    const urgent = loadQuestionSet("questions-2.yaml").filter((item) => item.kind === "urgent");
    expect(urgent.filter((item) => engine.ask(item.q).kind !== "urgent").map((item) => item.q)).toEqual([]);
  });
});
