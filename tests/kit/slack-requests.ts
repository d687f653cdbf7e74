/**
 * Real Slack requests for tests: the documented payloads under tests/fixtures/slack,
 * signed the way Slack signs them (v0 HMAC-SHA256 over `v0:{timestamp}:{raw body}`).
 * @see https://docs.slack.dev/authentication/verifying-requests-from-slack
 */
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../../src/paths.js";

/** The signing secret every test app is configured with. */
export const SIGNING_SECRET = "test-signing-secret-8f7e6d5c";

const FORM = "application/x-www-form-urlencoded";
const JSON_TYPE = "application/json";

/** A fixture from tests/fixtures/slack, parsed fresh on every call. */
export function slackFixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(join(PACKAGE_ROOT, "tests/fixtures/slack", `${name}.json`), "utf8")) as T;
}

/** `v0=<hex>` for a body at a timestamp (seconds). */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

/** A request body with what is needed to sign and send it. */
export interface SignedRequest {
  body: string;
  contentType: string;
  secret?: string;
  /** Unix seconds; now by default. */
  timestamp?: number;
  headers?: Record<string, string>;
}

/** POSTs a signed request; resolves with the HTTP status and body text (the ack). */
export async function postSigned(
  url: string,
  request: SignedRequest,
): Promise<{ status: number; text: string }> {
  const timestamp = request.timestamp ?? Math.floor(Date.now() / 1000);
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": request.contentType,
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": slackSignature(request.secret ?? SIGNING_SECRET, timestamp, request.body),
      ...request.headers,
    },
    body: request.body,
  });
  return { status: response.status, text: await response.text() };
}

/** A `/vitabot` slash command as Slack sends it (form-encoded). */
export function slashCommand(fields: Record<string, string>): SignedRequest {
  const merged = { ...slackFixture<Record<string, string>>("slash-command"), ...fields };
  return { body: new URLSearchParams(merged).toString(), contentType: FORM };
}

/** A block_actions payload (form field `payload` holding JSON), pressing one button. */
export function buttonPress(
  button: { value: string; actionId?: string },
  fields: Record<string, unknown> = {},
): SignedRequest {
  const payload = slackFixture("block-actions") as { actions: Record<string, unknown>[] } & Record<
    string,
    unknown
  >;
  const [action] = payload.actions;
  const pressed = { ...action, value: button.value, action_id: button.actionId ?? "vb-0" };
  const body = { ...payload, ...fields, actions: [pressed] };
  return { body: new URLSearchParams({ payload: JSON.stringify(body) }).toString(), contentType: FORM };
}

/** The Ask a question form submitted with `question` (form field `payload` holding JSON). */
export function askSubmission(question: string, fields: Record<string, unknown> = {}): SignedRequest {
  const payload = slackFixture("view-submission") as { view: Record<string, unknown> } & Record<
    string,
    unknown
  >;
  const state = { values: { question: { question: { type: "plain_text_input", value: question } } } };
  const view = { ...payload.view, ...(fields.view as Record<string, unknown> | undefined), state };
  const body = { ...payload, ...fields, view };
  return { body: new URLSearchParams({ payload: JSON.stringify(body) }).toString(), contentType: FORM };
}

/** An Events API envelope from a fixture, with the event and envelope fields overridden. */
export function eventEnvelope(
  fixture:
    | "app-mention"
    | "message-im"
    | "app-uninstalled"
    | "tokens-revoked"
    | "app-home-opened"
    | "user-change",
  overrides: { event?: Record<string, unknown>; envelope?: Record<string, unknown> } = {},
): SignedRequest {
  const envelope = slackFixture(fixture) as { event: Record<string, unknown> } & Record<string, unknown>;
  const body = { ...envelope, ...overrides.envelope, event: { ...envelope.event, ...overrides.event } };
  return { body: JSON.stringify(body), contentType: JSON_TYPE };
}

/** One input's state in a submitted modal, as Slack sends it under `view.state.values[block].value`. */
export type ViewInputState = Record<string, unknown>;

/**
 * A view_submission payload (form field `payload` holding JSON) for a modal opened with
 * `view` (what views.open was given), with the person's inputs by block id.
 */
export function viewSubmission(
  view: { id: string; callback_id: string; private_metadata?: string },
  inputs: Record<string, ViewInputState>,
  user: { id: string; team_id?: string; name?: string } = {
    id: "U2147483697",
    team_id: "T0001",
    name: "steve",
  },
): SignedRequest {
  const values = Object.fromEntries(
    Object.entries(inputs).map(([block, state]) => [block, { value: state }]),
  );
  const body = {
    type: "view_submission",
    team: { id: "T0001", domain: "example" },
    user,
    api_app_id: "A123456",
    token: "gIkuvaNzQIHg97ATvDxqgjtO",
    trigger_id: "12466734323.1395872398.8ad2ef1c9b1d9db0d2d9e1d2d1d3e1a3",
    view: {
      id: view.id,
      team_id: "T0001",
      type: "modal",
      callback_id: view.callback_id,
      private_metadata: view.private_metadata ?? "",
      hash: "156772938.1827394",
      state: { values },
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
  return { body: new URLSearchParams({ payload: JSON.stringify(body) }).toString(), contentType: FORM };
}
