/**
 * The file side of the Slack stand-in: files.getUploadURLExternal hands out upload URLs
 * on 127.0.0.1, those URLs take the bytes, files.completeUploadExternal shares what was
 * uploaded (refusing ids never uploaded), and conversations.open opens `D_<user>`.
 * Everything is recorded for tests: the bytes, the announced length and `alt_txt`, where
 * each file was shared.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

/** The Web API methods answered here. */
export const FILE_METHODS: ReadonlySet<string> = new Set([
  "files.getUploadURLExternal",
  "files.completeUploadExternal",
  "conversations.open",
]);

/** Where upload URLs point, followed by the file id. */
export const UPLOAD_PATH = "/upload/";

/** Bytes POSTed to an upload URL from files.getUploadURLExternal. */
interface UploadedBytes {
  fileId: string;
  bytes: Buffer;
  contentType: string | undefined;
}

/** A file as files.completeUploadExternal shared it: what was reserved, uploaded and where it went. */
export interface SharedFile {
  id: string;
  title: string | undefined;
  filename: string;
  /** The `length` announced when the upload URL was requested. */
  length: number;
  /** The documented `alt_txt` argument. */
  altTxt: string | undefined;
  bytes: Buffer | undefined;
  channelId: string;
  threadTs: string | undefined;
  initialComment: string | undefined;
  token: string | undefined;
}

/** A Web API call as the stand-in parsed it. */
interface Call {
  token: string | undefined;
  params: Record<string, unknown>;
}

const ok = (body: Record<string, unknown>) => ({ status: 200, body: { ok: true, ...body } });
const fail = (error: string) => ({ status: 200, body: { ok: false, error } });

async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** @param base the stand-in's http://127.0.0.1:port, known once it listens. */
export function createFileStandIn(base: () => string) {
  const reserved = new Map<string, Record<string, unknown>>();
  const uploads: UploadedBytes[] = [];
  const shared: SharedFile[] = [];
  let count = 0;

  function reserve(params: Record<string, unknown>) {
    count += 1;
    const id = `F${String(count).padStart(6, "0")}`;
    reserved.set(id, params);
    return ok({ upload_url: `${base()}${UPLOAD_PATH}${id}`, file_id: id });
  }

  function complete(call: Call) {
    const { params } = call;
    const files = (params.files ?? []) as { id: string; title?: string }[];
    if (files.some((f) => !uploads.some((u) => u.fileId === f.id))) return fail("file_not_found");
    for (const file of files) {
      const meta = reserved.get(file.id) ?? {};
      shared.push({
        id: file.id,
        title: file.title,
        filename: String(meta.filename),
        length: Number(meta.length),
        altTxt: meta.alt_txt as string | undefined,
        bytes: uploads.find((u) => u.fileId === file.id)?.bytes,
        channelId: String(params.channel_id),
        threadTs: params.thread_ts as string | undefined,
        initialComment: params.initial_comment as string | undefined,
        token: call.token,
      });
    }
    return ok({ files: files.map((f) => ({ id: f.id, title: f.title })) });
  }

  return {
    uploads,
    shared,
    /** Answers one of FILE_METHODS; `authed` is whether the token belongs to a known workspace. */
    answer(method: string, call: Call, authed: boolean): { status: number; body: unknown } {
      if (!authed) return fail("invalid_auth");
      if (method === "conversations.open") return ok({ channel: { id: `D_${String(call.params.users)}` } });
      if (method === "files.getUploadURLExternal") return reserve(call.params);
      return complete(call);
    },
    /** The upload URL: the raw bytes for a reserved file id. */
    async receiveUpload(req: IncomingMessage, res: ServerResponse, fileId: string): Promise<void> {
      const bytes = await readRaw(req);
      const known = reserved.has(fileId);
      if (known) uploads.push({ fileId, bytes, contentType: req.headers["content-type"] });
      res.writeHead(known ? 200 : 404, { "content-type": "text/plain" });
      res.end(known ? `OK - ${bytes.length}` : "unknown upload");
    },
  };
}
