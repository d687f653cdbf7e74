/**
 * What a person typed into a refused form, kept in this process under a short key (the
 * Try again button's custom_id holds only the key: custom_ids are at most 100
 * characters), so Try again reopens the form filled in. Bounded, and each draft lives
 * 15 minutes (an interaction token's life); a draft that is gone reopens the form with
 * its defaults.
 */
import type { FormValues } from "../../core/forms/forms.js";
import { shortKey } from "./form-ids.js";

/** Drafts kept at most; the oldest goes first. */
const MAX_DRAFTS = 2000;
/** How long a draft is kept: as long as Discord keeps an interaction token. */
const DRAFT_TTL_MS = 15 * 60 * 1000;

interface Draft {
  values: FormValues;
  /** Who typed it: only they may reopen it. */
  userId: string;
  at: number;
}

/** @example const drafts = createFormDrafts(() => Date.now()); const key = drafts.keep("U1", values) */
export function createFormDrafts(now: () => number) {
  const drafts = new Map<string, Draft>();
  return {
    /** Keeps the values; returns the key for the Try again button. */
    keep(userId: string, values: FormValues): string {
      const key = shortKey();
      drafts.set(key, { values, userId, at: now() });
      if (drafts.size > MAX_DRAFTS) drafts.delete(drafts.keys().next().value as string);
      return key;
    },
    /** The values kept under `key` for this person; undefined when gone, expired or another's. */
    get(key: string, userId: string): FormValues | undefined {
      const draft = drafts.get(key);
      if (!draft || draft.userId !== userId) return undefined;
      if (now() - draft.at > DRAFT_TTL_MS) {
        drafts.delete(key);
        return undefined;
      }
      return draft.values;
    },
  };
}
