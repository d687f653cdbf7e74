/**
 * Request bodies as Discord reads them, for the Discord stand-in: JSON, or
 * multipart/form-data whose `payload_json` part is the body and whose other parts
 * (`files[0]`, …) are the uploaded files.
 * @see https://discord.com/developers/docs/reference#uploading-files
 */
import type { IncomingMessage } from "node:http";
import type { BodyJson } from "./discord-json.js";

/** A file part of a multipart/form-data request (`files[0]`, …). */
export interface RestFile {
  field: string;
  name: string;
  contentType: string;
  data: Buffer;
}

function readRaw(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
  });
}

/** multipart/form-data as Discord reads it: `payload_json` is the body, the other parts are files. */
async function parseMultipart(
  raw: Buffer,
  contentType: string,
): Promise<{ body: BodyJson; files: RestFile[] }> {
  const form = await new Response(raw, { headers: { "content-type": contentType } }).formData();
  let body: BodyJson = {};
  const files: RestFile[] = [];
  for (const [field, value] of form.entries()) {
    if (typeof value === "string") {
      if (field === "payload_json") body = JSON.parse(value);
      continue;
    }
    const data = Buffer.from(await value.arrayBuffer());
    files.push({ field, name: value.name, contentType: value.type, data });
  }
  return { body, files };
}

/** The JSON body (or payload_json) and any file parts of a request. */
export async function readRequestBody(req: IncomingMessage): Promise<{ body: BodyJson; files: RestFile[] }> {
  const raw = await readRaw(req);
  const contentType = req.headers["content-type"] ?? "";
  if (contentType.startsWith("multipart/form-data")) return parseMultipart(raw, contentType);
  const text = raw.toString("utf8");
  try {
    return { body: text ? JSON.parse(text) : {}, files: [] };
  } catch {
    return { body: { content: text }, files: [] };
  }
}
