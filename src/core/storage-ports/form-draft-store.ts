/**
 * What storage keeps for forms: the values a person typed into a refused Discord form, so
 * its Try again button (whose custom_id holds only the draft's short key) reopens the form
 * filled in on any replica and after a restart. Part of the Storage port.
 */
import type { Platform } from "./records.js";

/** Drafts kept per person and platform at most; keeping one more deletes their oldest. */
export const MAX_FORM_DRAFTS_PER_PERSON = 20;

/** What a person typed into a form that was refused, kept until `expiresAt`. */
export interface FormDraft {
  /** The short key the Try again button carries. */
  key: string;
  /** The form's id (`tips-setup`, `challenge-new`, …). */
  form: string;
  platform: Platform;
  /** Who typed it: only they may reopen it. */
  userId: string;
  /** Each field's typed value, as text. */
  values: Record<string, string>;
  /** Epoch milliseconds. */
  createdAt: number;
  /** Epoch milliseconds; from then on the draft is gone. */
  expiresAt: number;
}

/** Which draft a Try again press asks for, and who presses it. */
export type FormDraftLookup = Pick<FormDraft, "key" | "form" | "platform" | "userId">;

export interface FormDraftStore {
  /** Keeps a draft under its key; past MAX_FORM_DRAFTS_PER_PERSON, the person's oldest goes. */
  keepFormDraft(draft: FormDraft): Promise<void>;
  /**
   * The draft under `key` when it is this person's (platform and user) and this form's and
   * has not expired by `now`; undefined otherwise, or when its stored values do not read back.
   */
  findFormDraft(lookup: FormDraftLookup, now: number): Promise<FormDraft | undefined>;
  /** Deletes the drafts expired by `now` (a job of the scheduler's tick); returns how many. */
  purgeFormDrafts(now: number): Promise<number>;
}
