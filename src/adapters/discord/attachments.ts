/**
 * Sending a rendered message with its files: discord.js `AttachmentBuilder`s for the
 * gateway's interaction replies, or the JSON body plus multipart parts (`payload_json`
 * and `files[i]`, matched by `attachments[i].id`) for raw REST calls (channel posts,
 * webhook edits in HTTP interactions mode). Ephemeral messages may carry files on Discord.
 * @see https://discord.com/developers/docs/reference#uploading-files
 */
import { type APIAttachment, AttachmentBuilder, type RawFile } from "discord.js";
import type { DiscordMessage } from "./render.js";

/** True when the message has files, so it must go as multipart rather than plain JSON. */
export function hasFiles(message: DiscordMessage | undefined): boolean {
  return (message?.files?.length ?? 0) > 0;
}

/**
 * The attachment metadata a multipart body declares: ids match the `files[i]` parts.
 * Discord types the id as a snowflake, which is a string ("0"), never the number 0.
 */
type AttachmentMeta = Pick<APIAttachment, "id" | "filename" | "description">;

/** The JSON part of a message: everything but the file bytes, with `attachments` declaring them. */
export function jsonBody(
  message: DiscordMessage,
): Omit<DiscordMessage, "files"> & { attachments?: AttachmentMeta[] } {
  const { files, ...body } = message;
  if (!files?.length) return body;
  const attachments = files.map((f, i) => ({ id: String(i), filename: f.name, description: f.description }));
  return { ...body, attachments };
}

/** The multipart file parts for @discordjs/rest (`files[0]`, `files[1]`, …). */
function restFiles(message: DiscordMessage): RawFile[] {
  return (message.files ?? []).map((f) => ({ name: f.name, data: f.data, contentType: f.contentType }));
}

/**
 * For discord.js interaction replies and message replies, which build the attachment
 * metadata themselves.
 * @example await interaction.reply({ embeds, files: attachmentBuilders(message) })
 */
export function attachmentBuilders(message: DiscordMessage): AttachmentBuilder[] {
  return (message.files ?? []).map(
    (f) => new AttachmentBuilder(f.data, { name: f.name, description: f.description }),
  );
}

/** The message without its files, and without embed images that would point at them. */
export function withoutFiles(message: DiscordMessage): DiscordMessage {
  const { files: _files, ...rest } = message;
  const embeds = message.embeds.map(({ image: _image, ...embed }) => embed);
  return { ...rest, embeds };
}

/**
 * Arguments for `rest.post`/`rest.patch`: JSON alone, or JSON and files as multipart.
 * @example await rest.post(Routes.channelMessages(id), requestOf(renderReply(reply)))
 */
export function requestOf(message: DiscordMessage): { body: ReturnType<typeof jsonBody>; files?: RawFile[] } {
  const body = jsonBody(message);
  return hasFiles(message) ? { body, files: restFiles(message) } : { body };
}
