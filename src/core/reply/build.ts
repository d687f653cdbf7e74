/**
 * Reply builders shared by several commands: an engine answer as a reply, with its
 * buttons (foods, compare, feedback, share), and a nutrient's card.
 */
import type { Answer } from "../answers/engine.js";
import type { Nutrient, NutrientId, Source } from "../content/schema.js";
import type { Knowledge } from "../knowledge/knowledge.js";
import { intakeNotes, intakeTable } from "./intake-table.js";
import type { Reply, ReplyButton, ReplyTone } from "./reply.js";

const TONE: Record<Answer["kind"], ReplyTone> = {
  answer: "info",
  urgent: "urgent",
  unknown: "info",
  out_of_scope: "info",
};

/** 👍/👎 under an answer, naming the answer they rate. */
function feedbackButtons(answerId: string): ReplyButton[] {
  return [
    { label: "👍 Helpful", action: `feedback up answer:${answerId}` },
    { label: "👎 Not helpful", action: `feedback down answer:${answerId}` },
  ];
}

/** "Compare with B12" (or with D, when the answer is about B12). */
function compareButton(kb: Knowledge, id: NutrientId): ReplyButton {
  const other: NutrientId = id === "vitamin-b12" ? "vitamin-d" : "vitamin-b12";
  return { label: `Compare with ${kb.nutrient(other).shortName}`, action: `compare ${id} ${other}` };
}

/**
 * An engine answer as a reply; `shareAction` is the command line that reproduces it.
 * An urgent answer carries only a Share button; a crisis answer (self-harm) none, and is
 * private to the asker wherever they asked; the plain "outside what I cover" none either.
 */
export function answerReply(kb: Knowledge, answer: Answer, shareAction: string): Reply {
  const reply: Reply = {
    title: answer.title,
    tone: TONE[answer.kind],
    sections: [{ text: answer.body }],
    sources: answer.sources,
    disclaimer: answer.disclaimer,
    visibility: "ephemeral",
  };
  if (answer.kind === "urgent") {
    if (kb.engine.isPrivate(answer)) return { ...reply, private: true };
    reply.buttons = [
      { label: "Share to channel", action: `ask answer:${answer.id}:${answer.urgency}`, share: true },
    ];
    return reply;
  }
  // An uncovered topic's own reply from content (quinine) is shared and rated like an answer.
  const ownReply = answer.kind === "unknown" && answer.id.startsWith("faq:");
  if (answer.kind !== "answer" && !ownReply) return reply;
  const [first] = answer.nutrients;
  const buttons: ReplyButton[] = [];
  if (first) buttons.push({ label: "Foods", action: `foods ${first}` }, compareButton(kb, first));
  buttons.push(...feedbackButtons(answer.id), {
    label: "Share to channel",
    action: shareAction,
    share: true,
  });
  reply.buttons = buttons;
  return reply;
}

/**
 * Said in the channel when a private answer (a crisis answer to a mention) cannot reach
 * the asker privately, e.g. their DMs are closed: it repeats nothing they wrote.
 */
export function privateUnreachableReply(kb: Knowledge): Reply {
  return {
    title: "I'd like to answer you privately",
    tone: "info",
    sections: [
      {
        text: `I couldn't send you a direct message. Please message me directly or use /ask, and I'll answer only you. If anyone needs help right now, call ${kb.engine.numbers.emergency}.`,
      },
    ],
    visibility: "channel",
  };
}

function sourcesOf(kb: Knowledge, ids: readonly string[]): Source[] {
  return [...new Set(ids)].flatMap((id) => {
    const source = kb.content.sources.get(id);
    return source ? [source] : [];
  });
}

/**
 * The `vitamin` card: role, how low levels harm muscle, signs, test, evidence, and every
 * reference intake the content holds as a table (see intake-table.ts).
 */
export function nutrientCard(kb: Knowledge, n: Nutrient): Reply {
  return {
    title: n.name,
    tone: "info",
    sections: [
      { text: n.summary },
      { heading: "How low levels harm muscle", text: n.mechanisms.map((m) => `• ${m.title}`).join("\n") },
      { text: n.fibreEffect },
      { heading: "Signs", text: n.symptoms.slice(0, 6).join("; ") },
    ],
    fields: [
      { label: "Test", value: n.labTest.name },
      { label: "Reversible?", value: n.reversibility.summary },
      { label: "Evidence", value: n.evidence[0]?.text ?? "" },
      { label: "Daily intakes", value: intakeNotes(n.intakes) },
    ],
    table: intakeTable(n.intakes),
    sources: sourcesOf(kb, n.sources).slice(0, 4),
    disclaimer: kb.content.safety.disclaimer,
    buttons: [
      { label: "Foods", action: `foods ${n.id}` },
      compareButton(kb, n.id),
      { label: "Share to channel", action: `vitamin ${n.id}`, share: true },
    ],
    visibility: "ephemeral",
  };
}

/**
 * The short welcome posted when vitabot is added to a channel (Slack) or a server
 * (Discord), with a "Set up daily tips" button.
 */
export function welcomeReply(kb: Knowledge): Reply {
  return {
    title: "Hi, I'm vitabot 👋",
    tone: "info",
    sections: [
      {
        text:
          `I answer short questions about ${kb.covered} and muscle health, with sources, and I can post one ` +
          "muscle-health tip a day here. Try /vitabot why are my legs weak, or ask me in a thread.",
      },
      { text: "Admins: set up daily tips with the button, or /tips subscribe 09:00 Europe/Berlin weekdays." },
    ],
    disclaimer: kb.content.safety.disclaimer,
    buttons: [
      // Opens the "Set up daily tips" form (Slack modal, Discord modal); `action` opens it by text elsewhere.
      { label: "Set up daily tips", action: "tips setup", form: "tips-setup", style: "primary" },
      { label: "What can you do?", action: "help" },
    ],
    visibility: "channel",
  };
}
