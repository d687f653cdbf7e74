/**
 * What a person typed into a refused form, kept in storage under a short key (Discord's
 * Try again button carries only the key: custom_ids are at most 100 characters), so Try
 * again reopens the form filled in on any replica and after a restart. A draft is the
 * typist's alone and lives 15 minutes (an interaction token's life); the tick purges
 * expired ones (src/app.ts). A draft that cannot be kept or read is logged and the form
 * opens with its defaults: the refusal itself always reaches the person.
 */
import type { Platform } from "../../core/channel-ref.js";
import type { Clock } from "../../core/clock.js";
import type { FormValues } from "../../core/forms/forms.js";
import type { Storage } from "../../core/storage-ports/storage.js";
import type { Logger } from "../../logger.js";

/** How long a draft is kept: as long as Discord keeps an interaction token. */
const FORM_DRAFT_TTL_MS = 15 * 60 * 1000;

/** Who typed a draft. */
interface Typist {
  platform: Platform;
  userId: string;
}

interface FormDraftDeps {
  storage: Pick<Storage, "keepFormDraft" | "findFormDraft">;
  clock: Clock;
  logger: Logger;
  /** A new short key, sized for a custom_id (form-ids.ts). */
  newKey: () => string;
}

/** @example const drafts = createFormDrafts({ storage, clock, logger, newKey }); const key = await drafts.keep(who, "tips-setup", values) */
export function createFormDrafts({ storage, clock, logger, newKey }: FormDraftDeps) {
  return {
    /** Keeps what `who` typed into `form`; the key for its Try again button ("" when it could not be kept). */
    async keep(who: Typist, form: string, values: FormValues): Promise<string> {
      const key = newKey();
      const createdAt = clock.now().getTime();
      try {
        await storage.keepFormDraft({
          key,
          form,
          ...who,
          values,
          createdAt,
          expiresAt: createdAt + FORM_DRAFT_TTL_MS,
        });
        return key;
      } catch (error) {
        logger.warn({ err: error, form }, "could not keep a refused form's typed values");
        return "";
      }
    },
    /** What `who` typed into `form` under `key`; undefined when gone, expired, another's or unreadable. */
    async get(key: string, who: Typist, form: string): Promise<FormValues | undefined> {
      if (!key) return undefined;
      try {
        const draft = await storage.findFormDraft({ key, form, ...who }, clock.now().getTime());
        return draft?.values;
      } catch (error) {
        logger.warn({ err: error, form }, "could not read a refused form's typed values");
        return undefined;
      }
    },
  };
}
