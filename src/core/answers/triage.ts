/**
 * Red-flag triage, run before anything else: a message that describes an emergency
 * gets the urgent message and nothing more.
 */
import type { Safety } from "../content/schema.js";
import { normalize } from "./normalize.js";

/** Opening words of a general-knowledge question ("can low magnesium cause…"). */
const GENERAL_QUESTION =
  /^(can|could|does|do|did|is|are|was|were|will|would|what|whats|what's|why|how|which|when|should|at what|in what)\b/;
/** Hypothetical subjects that don't mean someone is living through it now. */
const HYPOTHETICAL_SUBJECT =
  /\b(can|could|should|would|will|do|does|might|if) (i|you|we|someone|somebody|people|a person)\b/g;
/** Words that place the situation in someone's life now. */
const PERSONAL =
  /\b(i|i'm|im|i've|ive|i'd|me|my|mine|myself|we|our|us|he|she|his|her|him|they|their|them|dad|father|mom|mum|mother|wife|husband|son|daughter|kid|child|baby|friend|grandma|grandpa|grandmother|grandfather|partner|coworker|colleague|right now|currently)\b/;

export interface RedFlagMatch {
  id: string;
  label: string;
}

/** Compiles the red-flag patterns once; `check` then runs per message. */
export function createTriage(safety: Safety) {
  const flags = safety.redFlags.map((flag) => ({
    id: flag.id,
    label: flag.label,
    patterns: flag.patterns.map((source) => new RegExp(source, "iu")),
  }));

  /** `check` for text already passed through `normalize` (the engine normalises once). */
  function checkNormalized(text: string): RedFlagMatch | undefined {
    const flag = flags.find((f) => f.patterns.some((p) => p.test(text)));
    if (!flag) return undefined;
    if (isGeneralQuestion(text)) return undefined;
    return { id: flag.id, label: flag.label };
  }

  /** The first red flag the message raises, or undefined when it reads as non-urgent. */
  function check(message: string): RedFlagMatch | undefined {
    return checkNormalized(normalize(message));
  }

  return { check, checkNormalized };
}

/** "can low magnesium cause palpitations?" is general; "why is my heart racing" is not. */
export function isGeneralQuestion(normalized: string): boolean {
  if (!GENERAL_QUESTION.test(normalized)) return false;
  return !PERSONAL.test(normalized.replace(HYPOTHETICAL_SUBJECT, " "));
}

export type Triage = ReturnType<typeof createTriage>;
