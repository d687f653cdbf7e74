/**
 * User-supplied names and notes, made safe before they are stored or shown: invisible and
 * bidi-override characters removed, mentions (@everyone, @here, @channel, <@…>, <@&…>,
 * <#…>, <!…>) and links made inert, and lengths limited. Platform escaping of markdown
 * stays in each adapter's renderer; this is the platform-neutral part.
 */
import { UserFacingError } from "../../errors.js";

/** Longest display name, in grapheme clusters. */
export const NAME_MAX_CHARS = 40;
/** Longest team name. */
const TEAM_MAX_CHARS = 30;
/** Longest challenge name. */
export const CHALLENGE_NAME_MAX_CHARS = 60;
/** Longest check-in note. */
export const NOTE_MAX_CHARS = 200;

const ZERO_WIDTH_SPACE = "\u200b";

/**
 * C0/C1 controls (but tab and newline), the zero-width space and non-joiner, word joiner
 * and other invisible operators, BOM, and every bidi control that can reorder what a
 * reader sees ("Trojan Source"): the Arabic letter mark (U+061C), LRM/RLM (U+200E-F), the
 * embeddings and overrides (U+202A-E) and the isolates (U+2066-9).
 */
const INVISIBLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/**
 * The zero-width joiner (U+200D) outside an emoji sequence. Between two emoji it stays, so
 * 👩‍💻, 🏳️‍🌈 and ❤️‍🔥 keep their meaning (a skin tone or variation selector may sit before
 * it); anywhere else it only hides in text, and goes. Scripts that use ZWJ/ZWNJ for
 * shaping (Persian, Devanagari) still read correctly without them, only less finely joined.
 */
const STRAY_ZWJ =
  /(?<!\p{Extended_Pictographic}[\u{FE0F}\u{1F3FB}-\u{1F3FF}]?)\u200d|\u200d(?!\p{Extended_Pictographic})/gu;

/**
 * User text without invisible and bidi control characters (see INVISIBLE and STRAY_ZWJ):
 * what the dispatcher does to every line and option before a command reads it, so nothing
 * typed can reorder or hide text in a reply that echoes it.
 * @example stripInvisible("k\u202eevil") // "kevil"
 */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, "").replace(STRAY_ZWJ, "");
}

/** Slack/Discord angle tokens: <@U1>, <@!1>, <@&1>, <#C1|general>, <!here>, <!subteam^S1|@devs>. */
const ANGLE_TOKEN = /<([@#!])([^<>|\s]*)(?:\|([^<>]*))?>/g;
const BROADCAST = /@(everyone|here|channel|all)\b/gi;
const SLACK_LINK = /<((?:https?|ftp|mailto):[^<>|\s]*)(?:\|([^<>]*))?>/gi;
const MARKDOWN_LINK = /\[([^\]]*)\]\(([^)\s]*)\)/g;
const SCHEME = /\b(?:https?|ftp):\/\/|\bmailto:/gi;
/** A host name: labels joined by dots, ending in an alphabetic top-level domain. */
const DOMAIN = /\b((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,24})\b/gi;

/** Options for `cleanText`. */
export interface CleanOptions {
  /** Longest result in user-perceived characters (grapheme clusters), "…" included. */
  max: number;
  /** Keep line breaks (notes); otherwise all whitespace becomes single spaces (names). */
  multiline?: boolean;
}

/**
 * Makes mentions inert: angle tokens lose their brackets (`<@U1>` → `@U1`, `<#C1|general>`
 * → `#general`, `<!here>` → `@here`), then broadcast words get a zero-width space after "@".
 * @example neutralizeMentions("<!channel> hi @here") // "@\u200bchannel hi @\u200bhere"
 */
export function neutralizeMentions(text: string): string {
  const unwrap = (_all: string, sigil: string, id: string, label: string | undefined) => {
    const shown = label?.trim() || id.split("^")[0] || "";
    const prefix = sigil === "#" ? "#" : "@";
    return shown.startsWith(prefix) ? shown : `${prefix}${shown}`;
  };
  let out = text;
  // Nested tokens ("<<@U1>>") unwrap one layer per pass; what is left gets a zero-width space.
  for (let pass = 0, before = ""; pass < 3 && before !== out; pass++) {
    before = out;
    out = out.replace(ANGLE_TOKEN, unwrap);
  }
  return out.replace(/<(?=[@#!])/g, `<${ZERO_WIDTH_SPACE}`).replace(BROADCAST, `@${ZERO_WIDTH_SPACE}$1`);
}

/** `https://a.example/x` → `a[.]example/x`: no scheme, and dots in host names bracketed. */
function defang(url: string): string {
  return url.replace(SCHEME, "").replace(DOMAIN, (host: string) => host.replaceAll(".", "[.]"));
}

/**
 * Makes links inert: Slack `<url|label>` and markdown `[label](url)` keep their label and a
 * defanged address; bare URLs and domain names are defanged so no client links them.
 * @example neutralizeLinks("see https://evil.example/x") // "see evil[.]example/x"
 */
export function neutralizeLinks(text: string): string {
  return defang(
    text
      .replace(SLACK_LINK, (_all, url: string, label: string | undefined) =>
        label?.trim() ? `${label.trim()} (${url})` : url,
      )
      .replace(MARKDOWN_LINK, (_all, label: string, url: string) =>
        label.trim() ? `${label} (${url})` : url,
      ),
  );
}

/** Made on first use: the first Segmenter loads ICU data (megabytes, milliseconds) that short text never needs. */
let graphemes: Intl.Segmenter | undefined;

/** Cuts to at most `max` grapheme clusters, ending in "…" when cut (never splits an emoji). */
function truncateGraphemes(text: string, max: number): string {
  // Never more graphemes than UTF-16 units, so short text needs no segmenting.
  if (text.length <= max) return text;
  graphemes ??= new Intl.Segmenter("en", { granularity: "grapheme" });
  const segments = [...graphemes.segment(text)];
  if (segments.length <= max) return text;
  return `${segments
    .slice(0, Math.max(0, max - 1))
    .map((s) => s.segment)
    .join("")
    .trimEnd()}…`;
}

/** Collapses whitespace: to single spaces, or (multiline) keeps at most one blank line. */
function tidySpace(text: string, multiline: boolean): string {
  if (!multiline) return text.replace(/\s+/g, " ").trim();
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[^\S\n]+/g, " ")
    .replace(/ *\n */g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/**
 * The safe form of any user-supplied text: NFC-normalised, invisible characters removed,
 * links and mentions neutralised, whitespace tidied, length-limited.
 * @example cleanText("<@U1> see https://x.example", { max: 40 }) // "@U1 see x[.]example"
 */
export function cleanText(input: string, options: CleanOptions): string {
  const visible = stripInvisible(input.normalize("NFC"));
  const inert = neutralizeMentions(neutralizeLinks(visible));
  return truncateGraphemes(tidySpace(inert, options.multiline ?? false), options.max);
}

/** A display name for leaderboards ("" when nothing usable is left). */
export const cleanName = (input: string) => cleanText(input, { max: NAME_MAX_CHARS });
/** A team name ("" when nothing usable is left). */
export const cleanTeam = (input: string) => cleanText(input, { max: TEAM_MAX_CHARS });
/** A challenge name ("" when nothing usable is left). */
export const cleanChallengeName = (input: string) => cleanText(input, { max: CHALLENGE_NAME_MAX_CHARS });
/** A check-in note, line breaks kept. */
export const cleanNote = (input: string) => cleanText(input, { max: NOTE_MAX_CHARS, multiline: true });

/**
 * A cleaned name that must not be empty.
 * @throws UserFacingError saying what to type instead.
 * @example requireName("  ", "team name", cleanTeam) // throws
 */
export function requireName(input: string, what: string, clean: (input: string) => string): string {
  const cleaned = clean(input);
  if (cleaned === "" || cleaned === "…") {
    throw new UserFacingError(`Please give a ${what} with some letters or digits in it.`, "bad_name");
  }
  return cleaned;
}

/**
 * A team name matched case-insensitively against existing teams, so "blue" joins "Blue".
 * @example canonicalTeam("blue ", ["Blue", "Red"]) // "Blue"
 */
export function canonicalTeam(input: string, existing: readonly string[]): string {
  const cleaned = requireName(input, "team name", cleanTeam);
  const key = cleaned.toLowerCase();
  return existing.find((team) => team.toLowerCase() === key) ?? cleaned;
}
