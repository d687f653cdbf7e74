/**
 * The App Home tab and the Ask a question form, end to end over signed requests against
 * the Slack stand-in: app_home_opened publishes each person's panel (admins see the
 * workspace lists), the Ask button opens the modal with its trigger_id, a submitted
 * question is answered by DM (triaged), and a Check in pressed on Home redraws that Home.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeAction, encodeAction } from "../../../src/adapters/chat-adapter.js";
import { type SlackTestApp, startSlackTestApp } from "../../helpers/slack-app.js";
import {
  askSubmission,
  buttonPress,
  eventEnvelope,
  postSigned,
  slashCommand,
} from "../../kit/slack-requests.js";
import { type ApiCall, type SlackStandIn, startSlackStandIn } from "../../kit/slack-stand-in.js";

type Element = { type?: string; action_id?: string; value?: string; text?: { text?: string } };
type Block = { type: string; text?: { text?: string }; elements?: Element[] };
type View = { type: string; blocks: Block[]; callback_id?: string };

const ADMIN = "U0ADMIN01";
const MEMBER = "U0MEMBER1";
const CHALLENGE_CHANNEL = "C0WALKS01";
const TIPS_CHANNEL = "C0TIPS001";

let slack: SlackStandIn;
let bot: SlackTestApp;
let eventNumber = 0;

/** Runs `/vitabot <text>` as `user` in `channel` and waits for its answer. */
async function command(user: string, channel: string, text: string): Promise<string> {
  const target = slack.responseUrl();
  const request = slashCommand({ text, user_id: user, channel_id: channel, response_url: target.url });
  expect((await postSigned(bot.endpoint, request)).status).toBe(200);
  const response = await slack.waitFor(() => slack.responses.find((r) => r.id === target.id));
  return JSON.stringify(response.body.blocks);
}

const publishesFor = (user: string) =>
  slack.callsTo("views.publish").filter((call) => call.params.user_id === user);

/** Opens `user`'s Home tab and returns the view published for them. */
async function openHome(user: string): Promise<View> {
  const before = publishesFor(user).length;
  eventNumber += 1;
  const request = eventEnvelope("app-home-opened", {
    event: { user, channel: `D${user}` },
    envelope: { event_id: `Ev0HOME${eventNumber}` },
  });
  expect((await postSigned(bot.endpoint, request)).status).toBe(200);
  const call = await slack.waitFor(() => publishesFor(user)[before]);
  return call.params.view as View;
}

const textOf = (view: View) => JSON.stringify(view.blocks);
const buttonsOf = (view: View) =>
  view.blocks.flatMap((b) => (b.type === "actions" ? (b.elements ?? []) : []));
const actionsOf = (view: View) => buttonsOf(view).map((e) => decodeAction(e.value ?? "")?.line);

/** Presses a button of a Home view, as Slack sends it: no channel, no response_url. */
function pressOnHome(user: string, element: Element, triggerId = `trigger-${user}`) {
  const request = buttonPress(
    { value: element.value ?? "", actionId: element.action_id ?? "vb-0" },
    {
      user: { id: user, username: user.toLowerCase(), team_id: "T0001" },
      channel: undefined,
      response_url: undefined,
      message: undefined,
      container: { type: "view", view_id: "V0HOME" },
      view: { id: "V0HOME", type: "home", blocks: [] },
      trigger_id: triggerId,
    },
  );
  return postSigned(bot.endpoint, request);
}

const dmsTo = (user: string): ApiCall[] =>
  slack.callsTo("chat.postMessage").filter((call) => call.params.channel === user);

beforeAll(async () => {
  slack = await startSlackStandIn();
  slack.users.set(ADMIN, { is_admin: true, tz: "Europe/Berlin", real_name: "Ada Admin" });
  slack.users.set(MEMBER, { tz: "Europe/Berlin", real_name: "Mo Member" });
  bot = await startSlackTestApp(slack);
  expect(await command(ADMIN, TIPS_CHANNEL, "tips subscribe 09:00 Europe/Berlin weekdays")).toMatch(
    /Daily tips set up/,
  );
  expect(
    await command(
      ADMIN,
      CHALLENGE_CHANNEL,
      'challenge start daylight-walks "Lunch walks" zone:Europe/Berlin',
    ),
  ).toMatch(/Challenge started/);
  expect(await command(MEMBER, CHALLENGE_CHANNEL, "challenge join")).toMatch(/You joined/);
});
afterAll(async () => {
  await bot?.close();
  await slack?.close();
});

describe("the App Home tab", () => {
  it("publishes a member's panel: today's tip with Ask, their challenge with Check in, their data, no admin lists", async () => {
    const view = await openHome(MEMBER);
    expect(view.type).toBe("home");
    const text = textOf(view);
    expect(text).toContain("Today's tip");
    expect(text).toContain("Your challenges");
    expect(text).toContain("Lunch walks");
    expect(text).toMatch(/Day 1 of \d+/);
    expect(text).toContain("0 points");
    expect(text).toContain("Your data");
    expect(text).not.toContain("Channels with daily tips");
    expect(text).not.toContain("Running challenges");
    const ask = buttonsOf(view).find((e) => e.action_id === "vb-form-ask");
    expect(ask?.text?.text).toBe("Ask a question");
    const actions = actionsOf(view);
    expect(actions.some((a) => a?.startsWith("checkin ") && a.includes("cid:"))).toBe(true);
    expect(actions).toEqual(expect.arrayContaining(["privacy export", "privacy forget"]));
    expect(view.blocks.length).toBeLessThanOrEqual(100);
  });

  it("publishes an admin's panel with the channels with daily tips and the running challenges, with their buttons", async () => {
    const view = await openHome(ADMIN);
    const text = textOf(view);
    expect(text).toContain("Channels with daily tips");
    expect(text).toContain(`#${TIPS_CHANNEL}`);
    expect(text).toContain("09:00 Europe/Berlin, weekdays");
    expect(text).toContain("Next post:");
    expect(text).toContain("Running challenges");
    expect(text).toMatch(/1 participant\b/);
    expect(text).toMatch(/\d+ days left/);
    const actions = actionsOf(view);
    expect(actions).toEqual(
      expect.arrayContaining([`tips pause ch:${TIPS_CHANNEL}`, `tips post-now ch:${TIPS_CHANNEL}`]),
    );
    expect(actions.some((a) => a?.startsWith("challenge end cid:"))).toBe(true);
    expect(actions.some((a) => a?.startsWith("challenge export cid:"))).toBe(true);
  });

  it("a Check in pressed on Home checks in, answers by DM and re-publishes that person's Home with the new points", async () => {
    const home = await openHome(MEMBER);
    const checkIn = buttonsOf(home).find((e) => decodeAction(e.value ?? "")?.line.startsWith("checkin "));
    expect(checkIn).toBeDefined();
    const published = publishesFor(MEMBER).length;
    const adminPublished = publishesFor(ADMIN).length;
    const dms = dmsTo(MEMBER).length;
    expect((await pressOnHome(MEMBER, checkIn as Element)).status).toBe(200);
    const redrawn = await slack.waitFor(() => publishesFor(MEMBER)[published]);
    const text = textOf(redrawn.params.view as View);
    expect(text).not.toContain("0 points");
    expect(text).toMatch(/[1-9]\d* points?/);
    expect(text).toMatch(/streak 1 day/);
    const dm = await slack.waitFor(() => dmsTo(MEMBER)[dms]);
    expect(JSON.stringify(dm.params.blocks)).toMatch(/point/i);
    // Only the presser's Home is redrawn.
    expect(publishesFor(ADMIN).length).toBe(adminPublished);
  });

  it("an admin's Pause on Home pauses that channel's tips and the redrawn Home shows it paused with Resume", async () => {
    const home = await openHome(ADMIN);
    const pause = buttonsOf(home).find(
      (e) => decodeAction(e.value ?? "")?.line === `tips pause ch:${TIPS_CHANNEL}`,
    );
    const published = publishesFor(ADMIN).length;
    expect((await pressOnHome(ADMIN, pause as Element)).status).toBe(200);
    const redrawn = (await slack.waitFor(() => publishesFor(ADMIN)[published])).params.view as View;
    expect(textOf(redrawn)).toMatch(/Paused: paused by Ada Admin/);
    expect(actionsOf(redrawn)).toContain(`tips resume ch:${TIPS_CHANNEL}`);
  });

  it("shows your daily tip: off with a start button, then on after pressing it (profile zone), and an admin's personal tip is not a tip channel", async () => {
    const off = await openHome(ADMIN);
    expect(textOf(off)).toContain("Your daily tip");
    const start = buttonsOf(off).find((e) => decodeAction(e.value ?? "")?.line === "tips me 08:00");
    expect(start).toBeDefined();
    const published = publishesFor(ADMIN).length;
    expect((await pressOnHome(ADMIN, start as Element)).status).toBe(200);
    const on = (await slack.waitFor(() => publishesFor(ADMIN)[published])).params.view as View;
    expect(textOf(on)).toContain("On: 08:00 Europe/Berlin (your profile's zone), every day");
    expect(actionsOf(on)).toEqual(expect.arrayContaining(["tips me off", "tips me 08:00 weekdays"]));
    // The admin's own DM tip is theirs, not one of the workspace's channels with tips.
    expect(textOf(on)).toMatch(/Channels with daily tips[\s\S]*?1 channel\b/);
    expect(textOf(on)).not.toContain(`#@${ADMIN}`);
  });

  it("refuses an unsigned app_home_opened and publishes nothing", async () => {
    const before = slack.callsTo("views.publish").length;
    const request = eventEnvelope("app-home-opened", {
      event: { user: MEMBER },
      envelope: { event_id: "Ev0HOMEBAD" },
    });
    const response = await postSigned(bot.endpoint, { ...request, secret: "not-the-signing-secret" });
    expect(response.status).toBe(401);
    // A signed event after it is published: had the unsigned one gone through, it would be first.
    await openHome(ADMIN);
    expect(
      slack
        .callsTo("views.publish")
        .slice(before)
        .map((c) => c.params.user_id),
    ).toEqual([ADMIN]);
  });
});

describe("the Ask a question form", () => {
  it("the Ask button opens the modal with the button's trigger_id", async () => {
    const ask = encodeAction({ label: "Ask a question", action: "ask", form: "ask" });
    const before = slack.callsTo("views.open").length;
    const ack = await pressOnHome(MEMBER, { value: ask, action_id: "vb-form-ask" }, "trigger-ask-42");
    expect(ack.status).toBe(200);
    const open = await slack.waitFor(() => slack.callsTo("views.open")[before]);
    expect(open.params.trigger_id).toBe("trigger-ask-42");
    const view = open.params.view as View;
    expect(view).toMatchObject({ type: "modal", callback_id: "vb-ask" });
    expect(JSON.stringify(view.blocks)).toContain("plain_text_input");
  });

  it("a submitted question is answered in the person's DM, through the dispatcher as /vitabot ask", async () => {
    const dms = dmsTo(MEMBER).length;
    const request = askSubmission("what foods have magnesium", {
      user: { id: MEMBER, username: "mo", team_id: "T0001" },
    });
    const ack = await postSigned(bot.endpoint, request);
    expect(ack).toEqual({ status: 200, text: "" });
    const dm = await slack.waitFor(() => dmsTo(MEMBER)[dms]);
    expect(JSON.stringify(dm.params.blocks)).toMatch(/magnesium/i);
  });

  it("an urgent question gets the urgent answer, by DM", async () => {
    const dms = dmsTo(MEMBER).length;
    const request = askSubmission("my face is drooping", {
      user: { id: MEMBER, username: "mo", team_id: "T0001" },
    });
    expect((await postSigned(bot.endpoint, request)).status).toBe(200);
    const dm = await slack.waitFor(() => dmsTo(MEMBER)[dms]);
    const blocks = dm.params.blocks as Block[];
    expect(blocks[0]?.type).toBe("header");
    expect(blocks[0]?.text?.text).toMatch(/^🚨/);
  });

  it("refuses a submission of a form vitabot did not make", async () => {
    const request = askSubmission("hello", { view: { id: "V1", callback_id: "someone-else" } });
    expect((await postSigned(bot.endpoint, request)).status).toBe(400);
  });
});
