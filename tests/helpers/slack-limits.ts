/**
 * An independent check of a rendered Slack message against Slack's documented limits,
 * written from the docs rather than from the renderer, so the two can disagree.
 */
import type { SlackMessage } from "../../src/adapters/slack/render.js";

interface TextObject {
  type: string;
  text: string;
}
interface AnyBlock {
  type: string;
  block_id?: string;
  text?: TextObject;
  fields?: TextObject[];
  elements?: { type: string; text?: TextObject | string; action_id?: string; value?: string }[];
}

/** Every limit the message breaks, as readable strings; empty when it is fine. */
export function slackLimitViolations(message: SlackMessage): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, problem: string) => ok || problems.push(problem);
  const blocks = message.blocks as unknown as AnyBlock[];
  const actionIds = new Set<string>();
  check(message.text.trim().length > 0, "fallback text is empty");
  check(blocks.length <= 50, `${blocks.length} blocks (max 50)`);
  check(JSON.stringify(blocks).length + message.text.length <= 12_000, "over ~12,000 characters in all");
  blocks.forEach((block, i) => {
    check((block.block_id ?? "").length <= 255, `block ${i}: block_id too long`);
    if (block.type === "header") {
      check(block.text?.type === "plain_text", `block ${i}: header must be plain_text`);
      check((block.text?.text.length ?? 0) <= 150, `block ${i}: header over 150`);
    }
    if (block.type === "section") {
      check((block.text?.text.length ?? 0) <= 3000, `block ${i}: section text over 3000`);
      check((block.fields ?? []).length <= 10, `block ${i}: more than 10 fields`);
      for (const field of block.fields ?? []) check(field.text.length <= 2000, `block ${i}: field over 2000`);
      check(Boolean(block.text?.text || block.fields?.length), `block ${i}: empty section`);
    }
    if (block.type === "context") {
      check((block.elements ?? []).length <= 10, `block ${i}: more than 10 context elements`);
      for (const element of block.elements ?? [])
        check(
          String((element as unknown as TextObject).text).length <= 3000,
          `block ${i}: context text over 3000`,
        );
    }
    if (block.type === "actions") {
      check((block.elements ?? []).length <= 25, `block ${i}: more than 25 buttons`);
      for (const button of block.elements ?? []) {
        const label = (button.text as TextObject | undefined)?.text ?? "";
        check(label.length > 0 && label.length <= 75, `block ${i}: button text "${label}" not 1–75`);
        check((button.action_id ?? "").length <= 255, `block ${i}: action_id over 255`);
        check(!actionIds.has(button.action_id ?? ""), `block ${i}: duplicate action_id ${button.action_id}`);
        actionIds.add(button.action_id ?? "");
        check((button.value ?? "").length <= 2000, `block ${i}: button value over 2000`);
      }
    }
  });
  return problems;
}
