/**
 * Acknowledges a Slack request as soon as the request guard has checked it (signature,
 * timestamp window, shape), then lets Bolt process it with an ack that does nothing.
 * Through Bolt's receiver the ack came only from the listener, after Bolt had verified
 * and parsed the body again, authorized the workspace (with OAuth, a storage look-up)
 * and run the middleware: a slow database or a burst of work on the event loop pushed
 * acks past Slack's 3 seconds, and Bolt answers 404 itself when none came by then.
 * Only requests whose ack carries no body are acknowledged here: slash commands (our
 * listener acks with nothing), button presses (Slack ignores a block_actions ack body),
 * the Ask form's submission (an empty ack closes the modal) and Events API deliveries (Bolt acks them empty, before any listener). Everything
 * else (url_verification, the SSL check) still goes through Bolt's receiver.
 * @see https://docs.slack.dev/interactivity/implementing-slash-commands#responding_basic_receipt
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { HTTPModuleFunctions, type ReceiverEvent } from "@slack/bolt";
import { ASK_CALLBACK_ID } from "./ask-form.js";
import type { SlackRequestBody } from "./request-shape.js";

/** Whether Slack expects nothing in this request's ack, so it may go out before any work. */
export function acksEmpty(body: SlackRequestBody): boolean {
  if ("command" in body) return true;
  // The Ask form's submission acked empty closes the modal (its answer comes by DM); a
  // set-up form's ack carries its field errors, so it goes through Bolt's receiver.
  if (body.type === "view_submission") return body.view.callback_id === ASK_CALLBACK_ID;
  return body.type === "block_actions" || body.type === "event_callback";
}

const ackedAlready = async (): Promise<void> => {};

/**
 * Writes the empty 200 and returns the event for Bolt's `processEvent`, whose ack is a
 * no-op (the listeners still call it).
 * @example const event = ackNow(req, res, body); await bolt.processEvent(event);
 */
export function ackNow(req: IncomingMessage, res: ServerResponse, body: SlackRequestBody): ReceiverEvent {
  res.writeHead(200, { "content-length": "0" }).end();
  return {
    body,
    ack: ackedAlready,
    retryNum: HTTPModuleFunctions.extractRetryNumFromHTTPRequest(req),
    retryReason: HTTPModuleFunctions.extractRetryReasonFromHTTPRequest(req),
    customProperties: {},
  };
}
