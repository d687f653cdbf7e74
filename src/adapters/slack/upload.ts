/**
 * Files to Slack through the external upload flow that files.uploadV2 wraps:
 * files.getUploadURLExternal per file, a POST of the bytes to the URL it returns, then one
 * files.completeUploadExternal that shares them all in a channel (or DM) as one message.
 * We take the three steps ourselves because the SDK's wrapper (web-api 8.2) sends the
 * picture's description as `alt_text`, while the method documents `alt_txt`: charts would
 * reach screen readers without their alt text.
 * @see https://docs.slack.dev/reference/methods/files.getUploadURLExternal
 * @see https://docs.slack.dev/reference/methods/files.completeUploadExternal
 */
import type { webApi } from "@slack/bolt";
import { PlatformError } from "../../errors.js";
import { SLACK_LIMITS as L } from "./limits.js";
import { truncate } from "./text.js";

/** Slack's upload service answers quickly; a stalled upload is a failure, not a wait. */
const UPLOAD_TIMEOUT_MS = 30_000;

/** One file to upload. */
export interface SlackUpload {
  filename: string;
  bytes: Uint8Array;
  title: string;
  /** Pictures only: what a screen reader says (at most 1,000 characters). */
  altText?: string;
}

/** Where the files are shared, with the token to use (Bolt's client may already carry one). */
export interface UploadTarget {
  channelId: string;
  threadTs?: string;
  initialComment?: string;
  token?: string;
}

interface UploadUrl {
  upload_url?: string;
  file_id?: string;
}

async function reserve(client: webApi.WebClient, file: SlackUpload, token: string | undefined) {
  const result = (await client.apiCall("files.getUploadURLExternal", {
    filename: file.filename,
    length: file.bytes.byteLength,
    ...(file.altText ? { alt_txt: truncate(file.altText, L.altText) } : {}),
    ...(token ? { token } : {}),
  })) as UploadUrl;
  if (!result.upload_url || !result.file_id)
    throw new PlatformError("slack", "upload_failed", "files.getUploadURLExternal gave no upload URL", {
      permanent: false,
    });
  return { url: result.upload_url, id: result.file_id };
}

/** The upload URL is pre-signed: it takes the raw bytes and needs no token. */
async function send(url: string, file: SlackUpload): Promise<void> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/octet-stream" },
    body: file.bytes,
    signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS),
  });
  await response.arrayBuffer();
  if (response.status !== 200)
    throw new PlatformError(
      "slack",
      "upload_failed",
      `Slack's upload service refused ${file.filename} (HTTP ${response.status})`,
      { permanent: false },
    );
}

/**
 * Uploads the files and shares them in one message.
 * @throws the Web API's errors (map them with toPlatformError), or PlatformError `upload_failed`.
 * @example await uploadFiles(client, [{ filename: "chart.png", bytes, title, altText }], { channelId })
 */
export async function uploadFiles(
  client: webApi.WebClient,
  files: readonly SlackUpload[],
  target: UploadTarget,
): Promise<void> {
  if (files.length === 0) return;
  const reserved = await Promise.all(files.map((file) => reserve(client, file, target.token)));
  await Promise.all(reserved.map((slot, i) => send(slot.url, files[i] as SlackUpload)));
  const [first, ...rest] = reserved.map((slot, i) => ({ id: slot.id, title: files[i]?.title ?? "" }));
  if (!first) return;
  await client.files.completeUploadExternal({
    files: [first, ...rest],
    channel_id: target.channelId,
    ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
    ...(target.initialComment ? { initial_comment: target.initialComment } : {}),
    ...(target.token ? { token: target.token } : {}),
  });
}

/**
 * The id of the bot's direct-message channel with a person (conversations.open, `im:write`).
 * @example const dm = await openDirectMessage(client, "U123")
 */
export async function openDirectMessage(
  client: webApi.WebClient,
  userId: string,
  token?: string,
): Promise<string> {
  const result = await client.conversations.open({ users: userId, ...(token ? { token } : {}) });
  const id = result.channel?.id;
  if (!id)
    throw new PlatformError("slack", "dm_unavailable", "conversations.open returned no channel", {
      permanent: false,
    });
  return id;
}
