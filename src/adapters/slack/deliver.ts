/**
 * Pictures and files with a Slack reply. Slack cannot attach files to ephemeral messages,
 * so an answer only its asker sees shows a chart's text version and sends the picture and
 * any files (CSV export, JSON data export) to the person by DM, saying so. An answer for
 * everyone (channel post, Share, a mention's thread) is followed by the picture in the
 * same place; its message already shows the text version. A failed upload (missing scope,
 * not_in_channel) is logged as a warning and the text version stands in: never a crash.
 */
import type { webApi } from "@slack/bolt";
import type { Reply, ReplyFile, ReplyImage, ReplySection } from "../../core/reply/reply.js";
import type { Logger } from "../../logger.js";
import { toPlatformError } from "./errors.js";
import { SLACK_LIMITS as L } from "./limits.js";
import { escapeMrkdwn, truncate } from "./text.js";
import { openDirectMessage, type SlackUpload, uploadFiles } from "./upload.js";

/** Where and for whom a reply is delivered. */
export interface DeliveryContext {
  client: webApi.WebClient;
  /** The bot token, when the client does not carry the workspace's own (adapter.post). */
  token?: string;
  logger: Logger;
  /** Who asked: what is only for them goes to their DM. Absent for scheduled posts. */
  userId?: string;
  /** Where everyone sees the answer; absent when only the asker sees it (ephemeral). */
  channel?: { channelId: string; threadTs?: string };
  requestId?: string;
}

/**
 * The delivery of an answer to `asker`; `channel` when everyone sees it (else only the asker
 * does, and what cannot be shown goes to their DM).
 * @example answerDelivery(client, logger, { userId: "U1", requestId }, { channelId: "C1" })
 */
export function answerDelivery(
  client: webApi.WebClient,
  logger: Logger,
  asker: { userId: string; requestId: string },
  channel?: DeliveryContext["channel"],
): DeliveryContext {
  const { userId, requestId } = asker;
  return { client, logger, userId, requestId, ...(channel ? { channel } : {}) };
}

/** Which uploads go where: by DM and to the channel before the message, the picture after it. */
export interface AttachmentPlan {
  dm: { image?: ReplyImage; files: ReplyFile[] };
  channelFiles: ReplyFile[];
  channelImage?: ReplyImage;
  /** Files nobody can receive (no channel, no person): shown as text. */
  unsendable: ReplyFile[];
}

/** What happened to the uploads made before the message, for the note in it. */
export interface DeliveryOutcome {
  /** File names that reached the person's DM. */
  sentByDm: string[];
  /** Files that could not be sent anywhere: their content goes into the message. */
  unsent: ReplyFile[];
  /** The picture was meant for the DM and did not get there. */
  imageUnsent: boolean;
}

/**
 * Pure: where each attachment goes. Files go to the channel only when the reply is meant
 * for everyone; otherwise they are the asker's own data and go to their DM.
 */
export function planAttachments(
  reply: Reply,
  where: { inChannel: boolean; hasUser: boolean },
): AttachmentPlan {
  const files = reply.files ?? [];
  const filesToChannel = where.inChannel && (reply.visibility === "channel" || !where.hasUser);
  const filesToDm = !filesToChannel && where.hasUser;
  const imageToDm = !where.inChannel && where.hasUser;
  return {
    dm: { ...(imageToDm && reply.image ? { image: reply.image } : {}), files: filesToDm ? files : [] },
    channelFiles: filesToChannel ? files : [],
    ...(where.inChannel && reply.image ? { channelImage: reply.image } : {}),
    unsendable: filesToChannel || filesToDm ? [] : files,
  };
}

const listOf = (names: readonly string[]) =>
  names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;

/** A file shown in the message instead: its text in a code block, shortened to fit one section. */
function fileAsText(file: ReplyFile): ReplySection {
  const fence = "```";
  const room = L.fileAsText - 2 * fence.length - 200;
  const body = truncate(file.content.trimEnd(), room);
  const cut = body.length < file.content.trimEnd().length ? " (shortened to fit a message)" : "";
  return {
    heading: `${file.title} (${file.filename})`,
    text: `I couldn't send you the file, so here it is as text${cut}:\n${fence}\n${body}\n${fence}`,
  };
}

/**
 * Pure: the reply with a note on what went by DM, and any file that could not be sent
 * shown as text.
 * @example annotate(reply, { sentByDm: ["checkins.csv"], unsent: [], imageUnsent: false })
 */
export function annotate(reply: Reply, outcome: DeliveryOutcome): Reply {
  const notes: ReplySection[] = [];
  if (outcome.sentByDm.length > 0)
    notes.push({ text: `I sent you ${listOf(outcome.sentByDm)} as a direct message.` });
  if (outcome.imageUnsent)
    notes.push({ text: "I couldn't send you the picture, so the same data is shown here as text." });
  notes.push(...outcome.unsent.map(fileAsText));
  return notes.length > 0 ? { ...reply, sections: [...reply.sections, ...notes] } : reply;
}

/** Slack uploads for an image (titled like the reply) and files. */
function uploadsOf(title: string, image: ReplyImage | undefined, files: readonly ReplyFile[]): SlackUpload[] {
  const picture = image ? [{ filename: image.filename, bytes: image.png, title, altText: image.alt }] : [];
  const texts = files.map((file) => ({
    filename: file.filename,
    bytes: Buffer.from(file.content, "utf8"),
    title: file.title,
  }));
  return [...picture, ...texts];
}

/** Runs one upload step; a failure is logged as a warning and reported as false. */
async function attempt(ctx: DeliveryContext, what: string, step: () => Promise<void>): Promise<boolean> {
  try {
    await step();
    return true;
  } catch (error) {
    const failure = toPlatformError(error, what);
    ctx.logger.warn(
      { code: failure.code, requestId: ctx.requestId, err: failure },
      `could not ${what}; the text version stands in`,
    );
    return false;
  }
}

async function toDm(ctx: DeliveryContext, reply: Reply, uploads: SlackUpload[]): Promise<boolean> {
  const { userId } = ctx;
  if (uploads.length === 0) return true;
  if (!userId) return false;
  return attempt(ctx, "send files by direct message", async () => {
    const channelId = await openDirectMessage(ctx.client, userId, ctx.token);
    const comment = escapeMrkdwn(reply.title);
    await uploadFiles(ctx.client, uploads, { channelId, initialComment: comment, ...tokenOf(ctx) });
  });
}

function toChannel(ctx: DeliveryContext, uploads: SlackUpload[], what: string): Promise<boolean> {
  const channel = ctx.channel;
  if (uploads.length === 0) return Promise.resolve(true);
  if (!channel) return Promise.resolve(false);
  return attempt(ctx, what, () => uploadFiles(ctx.client, uploads, { ...channel, ...tokenOf(ctx) }));
}

const tokenOf = (ctx: DeliveryContext) => (ctx.token ? { token: ctx.token } : {});

/**
 * Sends a reply through `send` (response_url or chat.postMessage), with its picture and
 * files delivered as Slack allows. Only `send`'s own failure is thrown.
 * @example await deliverReply(reply, { client, logger, userId }, (message) => respond(toBlockKit(message)))
 */
export async function deliverReply(
  reply: Reply,
  ctx: DeliveryContext,
  send: (reply: Reply) => Promise<void>,
): Promise<void> {
  if (!reply.image && !reply.files?.length) return send(reply);
  const plan = planAttachments(reply, { inChannel: ctx.channel !== undefined, hasUser: !!ctx.userId });
  const dmUploads = uploadsOf(reply.title, plan.dm.image, plan.dm.files);
  const [dmSent, channelSent] = await Promise.all([
    toDm(ctx, reply, dmUploads),
    toChannel(ctx, uploadsOf(reply.title, undefined, plan.channelFiles), "upload files to the channel"),
  ]);
  await send(
    annotate(reply, {
      sentByDm: dmSent ? dmUploads.map((u) => u.filename) : [],
      unsent: [
        ...(dmSent ? [] : plan.dm.files),
        ...(channelSent ? [] : plan.channelFiles),
        ...plan.unsendable,
      ],
      imageUnsent: !dmSent && plan.dm.image !== undefined,
    }),
  );
  if (plan.channelImage)
    await toChannel(ctx, uploadsOf(reply.title, plan.channelImage, []), "upload the picture to the channel");
}
