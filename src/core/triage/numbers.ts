/**
 * The phone numbers an urgent answer names: the emergency number, a crisis line and
 * poison control. The deployment sets defaults (EMERGENCY_NUMBER, CRISIS_LINE,
 * POISON_CONTROL); admins can set their own per workspace or server (`/safety numbers`),
 * since one deployment may serve several countries.
 */
import { z } from "zod";

export interface SafetyNumbers {
  emergency: string;
  /** Unset: the answer names "a local crisis line or someone you trust" instead. */
  crisis?: string;
  /** Unset: the emergency number stands in. */
  poison?: string;
}

export const NUMBER_KINDS = ["emergency", "crisis", "poison"] as const;

/** What the crisis placeholder says when no crisis line is configured. */
export const NO_CRISIS_LINE = "a local crisis line or someone you trust";

/**
 * A number as people write it, with an optional short name: "112", "999 or 112",
 * "988 (call or text)", "Samaritans 116 123". Letters, digits, spaces and + ( ) - . , /
 * only, so no mention or link can ride along; at least two digits.
 */
export const SafetyNumberSchema = z
  .string()
  .trim()
  .min(2, "is too short")
  .max(60, "is too long (at most 60 characters)")
  .regex(/^[\p{L}\p{N} +()\-.,/']+$/u, "may contain only letters, digits, spaces and + ( ) - . , /")
  .refine((value) => (value.match(/\d/g) ?? []).length >= 2, { message: "must contain a phone number" });

/**
 * Replaces `{emergency}`, `{crisis}` and `{poison}` in an action template.
 * @example fillNumbers("Call {poison} now.", { emergency: "911" }) // "Call 911 now."
 */
export function fillNumbers(template: string, numbers: SafetyNumbers): string {
  return template
    .replaceAll("{emergency}", numbers.emergency)
    .replaceAll("{crisis}", numbers.crisis ?? NO_CRISIS_LINE)
    .replaceAll("{poison}", numbers.poison ?? numbers.emergency);
}

/** The workspace's own numbers over the deployment's defaults. */
export function mergeNumbers(
  defaults: SafetyNumbers,
  own: Partial<SafetyNumbers> | undefined,
): SafetyNumbers {
  if (!own) return defaults;
  const merged: SafetyNumbers = { emergency: own.emergency ?? defaults.emergency };
  const crisis = own.crisis ?? defaults.crisis;
  const poison = own.poison ?? defaults.poison;
  if (crisis !== undefined) merged.crisis = crisis;
  if (poison !== undefined) merged.poison = poison;
  return merged;
}
