/**
 * Forms on Slack end to end, over signed requests against the stand-in: a form's button
 * (block_actions) opens its modal with views.open and the press's trigger_id; a
 * view_submission runs the typed command through the dispatcher and answers with field
 * errors (`response_action: "errors"`) or a subscription that `/tips status` then shows.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SlackTestApp, startSlackTestApp } from "../../helpers/slack-app.js";
import { buttonPress, eventEnvelope, postSigned, viewSubmission } from "../../kit/slack-requests.js";
import { type SlackStandIn, startSlackStandIn } from "../../kit/slack-stand-in.js";

type View = {
  callback_id: string;
  private_metadata: string;
  blocks: { block_id: string; element: Record<string, unknown> }[];
};

let slack: SlackStandIn;
let bot: SlackTestApp;
const ADMIN = "U2147483697";
const MEMBER = "U0MEMBER";

beforeAll(async () => {
  slack = await startSlackStandIn();
  slack.users.set(ADMIN, { is_admin: true, tz: "America/New_York" });
  slack.users.set(MEMBER, { tz: "Europe/Berlin" });
  bot = await startSlackTestApp(slack);
});
afterAll(async () => {
  await bot?.close();
  await slack?.close();
});

/** Presses a form's button in `channel`; resolves with the modal views.open was given. */
async function openForm(actionId: string, channel: string, user = ADMIN) {
  const before = slack.callsTo("views.open").length;
  const request = buttonPress(
    { value: "vb|run|tips setup", actionId },
    {
      channel: { id: channel, name: "wellness" },
      user: { id: user, username: "steve", team_id: "T0001" },
      trigger_id: `trigger-${channel}`,
    },
  );
  await expect(postSigned(bot.endpoint, request)).resolves.toMatchObject({ status: 200 });
  const call = await slack.waitFor(() => slack.callsTo("views.open")[before]);
  // The Web API client sends `view` as JSON text inside the form body.
  const view = typeof call.params.view === "string" ? JSON.parse(call.params.view) : call.params.view;
  return { trigger: call.params.trigger_id, view: view as View };
}

async function submit(view: View, viewId: string, inputs: Record<string, Record<string, unknown>>) {
  const request = viewSubmission({ id: viewId, ...view }, inputs);
  const ack = await postSigned(bot.endpoint, request);
  return { status: ack.status, body: ack.text ? (JSON.parse(ack.text) as Record<string, unknown>) : {} };
}

const validTips = (channel: string) => ({
  channel: { type: "conversations_select", selected_conversation: channel },
  time: { type: "timepicker", selected_time: "08:30" },
  zone: { type: "static_select", selected_option: { value: "America/New_York" } },
  days: { type: "checkboxes", selected_options: [{ value: "mon" }, { value: "wed" }, { value: "fri" }] },
  theme: { type: "static_select", selected_option: { value: "vitamin-d" } },
});

describe("Slack forms: Set up daily tips", () => {
  it("the welcome's button opens the form with views.open, filled in for the channel and the person's zone", async () => {
    const before = slack.callsTo("chat.postMessage").length;
    await postSigned(
      bot.endpoint,
      eventEnvelope("app-mention", {
        envelope: { event_id: "EvFormsJoin" },
        event: {
          type: "member_joined_channel",
          user: "U0LAN0Z89",
          channel: "C0FORMS",
          text: undefined,
          ts: undefined,
        },
      }),
    );
    const welcome = await slack.waitFor(() => slack.callsTo("chat.postMessage")[before]);
    const ids = JSON.stringify(welcome.params.blocks);
    expect(ids).toContain('"action_id":"form:tips-setup"');

    const { trigger, view } = await openForm("form:tips-setup", "C0FORMS");
    expect(trigger).toBe("trigger-C0FORMS");
    expect(view.callback_id).toBe("form:tips-setup");
    const byBlock = Object.fromEntries(view.blocks.map((b) => [b.block_id, b.element]));
    expect(Object.keys(byBlock)).toEqual(["channel", "time", "zone", "days", "theme"]);
    expect(byBlock.channel).toMatchObject({ type: "conversations_select", initial_conversation: "C0FORMS" });
    expect(byBlock.time).toMatchObject({ type: "timepicker", initial_time: "09:00" });
    expect(byBlock.zone).toMatchObject({
      type: "static_select",
      initial_option: { value: "America/New_York" },
    });
    expect(byBlock.days).toMatchObject({ type: "checkboxes" });
    expect(JSON.parse(view.private_metadata)).toEqual({ channelId: "C0FORMS" });
  });

  it("a valid submission subscribes the chosen channel, and /tips status then shows it", async () => {
    const { view } = await openForm("form:tips-setup", "C0TIPS1");
    const ack = await submit(view, "V0VALID1", validTips("C0TIPS1"));
    expect(ack).toEqual({ status: 200, body: {} });
    const sub = await bot.app.storage.getSubscription({
      platform: "slack",
      workspaceId: "T0001",
      channelId: "C0TIPS1",
    });
    expect(sub).toMatchObject({
      time: "08:30",
      zone: "America/New_York",
      days: [1, 3, 5],
      theme: "vitamin-d",
    });
    const answer = await slack.waitFor(() =>
      slack.callsTo("chat.postEphemeral").find((c) => c.params.channel === "C0TIPS1"),
    );
    expect(JSON.stringify(answer.params.blocks)).toContain("Daily tips set up");

    const status = await bot.app.dispatcher.runLine(
      {
        platform: "slack",
        user: { id: ADMIN },
        channel: { platform: "slack", workspaceId: "T0001", channelId: "C0TIPS1" },
        isAdmin: true,
      },
      "tips status",
    );
    expect(JSON.stringify(status.reply.fields)).toContain(
      "08:30 America/New_York, Mon, Wed, Fri, focus: vitamin-d",
    );
  });

  it.each([
    [
      "a bad zone, with a did-you-mean",
      { zone: { type: "static_select", selected_option: { value: "Europe/Berln" } } },
      "zone",
      /Did you mean Europe\/Berlin\?/,
    ],
    ["25:00", { time: { type: "timepicker", selected_time: "25:00" } }, "time", /25:00/],
    ["no day", { days: { type: "checkboxes", selected_options: [] } }, "days", /at least one day/],
  ])("%s comes back as an error on its field, and nothing is saved", async (_, change, field, message) => {
    const channel = `C0BAD${field.toUpperCase()}`;
    const { view } = await openForm("form:tips-setup", channel);
    const ack = await submit(view, `V0BAD${field}`, { ...validTips(channel), ...change });
    expect(ack.status).toBe(200);
    expect(ack.body.response_action).toBe("errors");
    const errors = ack.body.errors as Record<string, string>;
    expect(Object.keys(errors)).toEqual([field]);
    expect(errors[field]).toMatch(message);
    const sub = await bot.app.storage.getSubscription({
      platform: "slack",
      workspaceId: "T0001",
      channelId: channel,
    });
    expect(sub).toBeUndefined();
  });

  it("a member who is not an admin gets the refusal on the form, through the same admin check", async () => {
    const channel = "C0TIPS1";
    const { view } = await openForm("form:tips-setup", channel, MEMBER);
    const request = viewSubmission(
      { id: "V0MEMBER", ...view },
      { ...validTips(channel), time: { type: "timepicker", selected_time: "07:00" } },
      { id: MEMBER, team_id: "T0001" },
    );
    const ack = await postSigned(bot.endpoint, request);
    const body = JSON.parse(ack.text) as { response_action: string; errors: Record<string, string> };
    expect(body.response_action).toBe("errors");
    expect(Object.values(body.errors).join(" ")).toMatch(/admin/i);
  });

  it("the same view submitted twice acts once", async () => {
    const { view } = await openForm("form:tips-setup", "C0TWICE");
    const announcements = () =>
      slack.callsTo("chat.postMessage").filter((c) => c.params.channel === "C0TWICE").length;
    const request = viewSubmission({ id: "V0TWICE", ...view }, validTips("C0TWICE"));
    const [first, second] = await Promise.all([
      postSigned(bot.endpoint, request),
      postSigned(bot.endpoint, request),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    await slack.waitFor(() =>
      slack.callsTo("chat.postEphemeral").find((c) => c.params.channel === "C0TWICE"),
    );
    expect(announcements()).toBe(1);
    expect(slack.callsTo("chat.postEphemeral").filter((c) => c.params.channel === "C0TWICE")).toHaveLength(1);
  });
});

describe("Slack forms: Start a challenge", () => {
  const validChallenge = {
    template: { type: "static_select", selected_option: { value: "daylight-walks" } },
    name: { type: "plain_text_input", value: "Walk team" },
    start: { type: "datepicker", selected_date: null },
    days: { type: "number_input", value: "10" },
    zone: { type: "static_select", selected_option: { value: "Europe/Berlin" } },
    reminder: { type: "timepicker", selected_time: "09:30" },
  };

  it("opens with a template select that shows each template's length and description", async () => {
    const { view } = await openForm("form:challenge-new", "C0CHAL");
    expect(view.callback_id).toBe("form:challenge-new");
    const template = view.blocks.find((b) => b.block_id === "template")?.element as {
      type: string;
      options: { value: string; description: { text: string } }[];
    };
    expect(template.type).toBe("static_select");
    expect(template.options.map((o) => o.value)).toContain("daylight-walks");
    expect(template.options.find((o) => o.value === "daylight-walks")?.description.text).toMatch(
      /^14 days: /,
    );
    expect(view.blocks.map((b) => b.block_id)).toEqual([
      "template",
      "name",
      "start",
      "days",
      "zone",
      "reminder",
    ]);
  });

  it("an empty template is refused on the template field", async () => {
    const { view } = await openForm("form:challenge-new", "C0CHAL");
    const ack = await submit(view, "V0CHALEMPTY", {
      ...validChallenge,
      template: { type: "static_select", selected_option: null },
    });
    expect(ack.body.response_action).toBe("errors");
    expect(Object.keys(ack.body.errors as object)).toEqual(["template"]);
  });

  it("a bad reminder time lands on the reminder field; a valid submission starts the challenge", async () => {
    const { view } = await openForm("form:challenge-new", "C0CHAL");
    const bad = await submit(view, "V0CHAL", {
      ...validChallenge,
      reminder: { type: "timepicker", selected_time: "25:00" },
    });
    expect(Object.keys(bad.body.errors as object)).toEqual(["reminder"]);
    const good = await submit(view, "V0CHAL", validChallenge);
    expect(good).toEqual({ status: 200, body: {} });
    const [challenge] = await bot.app.storage.listActiveChallenges({
      platform: "slack",
      workspaceId: "T0001",
      channelId: "C0CHAL",
    });
    expect(challenge).toMatchObject({
      name: "Walk team",
      days: 10,
      zone: "Europe/Berlin",
      templateId: "daylight-walks",
    });
  });
});
