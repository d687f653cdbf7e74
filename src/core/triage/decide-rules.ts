/**
 * Deciding by rule: the clinical categories whose rules are met by the concepts that
 * count, each at the tier of its highest rule, emergency first, then content order.
 */
import type { Category, Concept, Rule, Tier, TriageModel } from "../content/triage-schema.js";
import type { Active, Spot } from "./apply-modifiers.js";

export interface Decision {
  category: Category;
  tier: Tier;
  /** The rule that set the tier, as its `all` list. */
  rule: Rule;
  /** The action template (with `{emergency}` etc. still in it). */
  action: string;
}

const TIER_RANK: Record<Tier, number> = { emergency: 0, same_day: 1 };

/** Compiles the rules once; the result then decides on a message's counted concepts. */
export function createDecider(model: TriageModel): (active: Active, otherLanguage?: boolean) => Decision[] {
  /** Fires only for a message mostly in another language. */
  const gated = model.modifiers.otherLanguage?.category;
  const resolving = new Set([...model.concepts].filter(([, c]) => c.resolves).map(([id]) => id));

  /** A rule with its entries split once: all of `all` (each any of its ids), none of `unless`. */
  const compiled = model.categories.map((category) => ({
    category,
    rules: category.rules.map((rule) => {
      const all = rule.all.map((entry) => entry.split("|"));
      return {
        rule,
        all,
        /** The ids of `all` that are signs, not settings: what a resolving exception must cover. */
        signs: all.flat().filter((id) => !(model.concepts.get(id) as Concept).context),
        unless: rule.unless.map((u) => {
          const entries = (Array.isArray(u) ? u : [u]).map((entry) => entry.split("|"));
          return { entries, resolves: entries.flat().filter((id) => resolving.has(id)) };
        }),
      };
    }),
  }));

  /**
   * Whether a "resolved" mention (`resolves`: "it settled") covers a sign's mention: the
   * signs before it in its sentence and in its own clause, and those of the last sentence
   * before it that names a sign ("My chest felt tight. It settled."). A later clause or
   * sentence is a new episode it does not reach.
   */
  function covers(by: Spot, sign: Spot, lastSignSentenceBefore: (sentence: number) => number): boolean {
    if (sign.sentence === by.sentence) return sign.clause <= by.clause;
    return sign.sentence < by.sentence && sign.sentence === lastSignSentenceBefore(by.sentence);
  }

  function decide(active: Active, otherLanguage = false): Decision[] {
    const any = (ids: readonly string[]) => ids.some((id) => active.has(id));
    const signSpots = [...active.values()].flat().filter((s) => s.sign);
    const lastSignSentenceBefore = (sentence: number) => {
      let last = -1;
      for (const s of signSpots) if (s.sentence < sentence && s.sentence > last) last = s.sentence;
      return last;
    };
    /** An exception with a resolving part clears the rule only when it covers every mention of the rule's signs. */
    const clears = (exception: { entries: string[][]; resolves: string[] }, signs: readonly string[]) => {
      if (!exception.entries.every(any)) return false;
      if (exception.resolves.length === 0) return true;
      const by = exception.resolves.flatMap((id) => active.get(id) ?? []);
      return signs.every((id) =>
        (active.get(id) ?? []).every((sign) => by.some((b) => covers(b, sign, lastSignSentenceBefore))),
      );
    };
    const fired: Decision[] = [];
    for (const { category, rules } of compiled) {
      if (category.id === gated && !otherLanguage) continue;
      let best: Rule | undefined;
      for (const { rule, all, signs, unless } of rules) {
        if (best && TIER_RANK[rule.tier] >= TIER_RANK[best.tier]) continue;
        if (all.every(any) && !unless.some((exception) => clears(exception, signs))) best = rule;
      }
      if (best) {
        const action = best.action ?? category.actions[best.tier] ?? "";
        fired.push({ category, tier: best.tier, rule: best, action });
      }
    }
    fired.sort((a, b) => TIER_RANK[a.tier] - TIER_RANK[b.tier]); // stable: content order within a tier
    return fired;
  }

  return decide;
}
