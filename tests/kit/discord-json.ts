/**
 * Loose types for the JSON the Discord stand-in receives: every field a test reads,
 * all optional, so tests read payloads without `any`.
 */

interface EmbedJson {
  title?: string;
  description?: string;
  url?: string;
  fields?: { name: string; value: string; inline?: boolean }[];
  footer?: { text: string };
  author?: { name: string };
  image?: { url: string };
}

/** An attachment a multipart message declares; `id` matches its `files[id]` part. */
interface AttachmentJson {
  id: number | string;
  filename?: string;
  description?: string;
}

export interface ButtonJson {
  type: number;
  style?: number;
  label?: string;
  custom_id: string;
}

interface RowJson {
  type: number;
  components: ButtonJson[];
}

export interface MessageJson {
  content?: string;
  embeds?: EmbedJson[];
  components?: RowJson[];
  flags?: number;
  allowed_mentions?: { parse: string[]; replied_user?: boolean };
  message_reference?: { message_id: string };
  attachments?: AttachmentJson[];
  choices?: { name: string; value: string }[];
}

/** An interaction callback, a webhook edit, a channel message or a command list. */
export interface BodyJson extends MessageJson {
  type?: number;
  data?: MessageJson;
}

/** Every button of a message, row by row. */
export function buttonsOf(message: MessageJson | undefined): ButtonJson[] {
  return (message?.components ?? []).flatMap((row) => row.components);
}
