/**
 * Bolt's InstallationStore over our Storage, so one deployment serves many workspaces
 * and every replica sees the same installs. Installations hold bot tokens, so they are
 * sealed with AES-256-GCM under a key derived from SLACK_STATE_SECRET before they reach
 * the database; a short in-process cache keeps authorize() off the database.
 * @see https://docs.slack.dev/tools/bolt-js/concepts/authenticating-oauth
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import type { Installation, InstallationQuery, InstallationStore } from "@slack/bolt";
import { workspaceReturned } from "../../core/privacy/workspace-removal.js";
import type { SlackInstallationKey, Storage } from "../../core/storage-ports/storage.js";
import type { Logger } from "../../logger.js";

/** How long a fetched installation is reused by this process (authorize runs on every request). */
const INSTALLATION_CACHE_TTL_MS = 30_000;
const SEAL_VERSION = "v1";

/** Encrypts and decrypts installation JSON; the key never leaves this closure. */
export function createSealer(secret: string) {
  const key = Buffer.from(hkdfSync("sha256", secret, "vitabot", "slack-installations", 32));
  return {
    seal(plain: string): string {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return [SEAL_VERSION, iv, cipher.getAuthTag(), body]
        .map((p) => (typeof p === "string" ? p : p.toString("base64")))
        .join(":");
    },
    /** @throws Error when the data was sealed with another secret or was altered. */
    open(sealed: string): string {
      const [version, iv, tag, body] = sealed.split(":");
      if (version !== SEAL_VERSION || !iv || !tag || body === undefined)
        throw new Error("not a sealed installation");
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64"));
      decipher.setAuthTag(Buffer.from(tag, "base64"));
      return Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]).toString("utf8");
    },
  };
}

/** The storage key: an org install by enterprise, a workspace install by team (and enterprise on Grid). */
export function installationKey(query: {
  teamId?: string | undefined;
  enterpriseId?: string | undefined;
  isEnterpriseInstall?: boolean | undefined;
}): SlackInstallationKey {
  if (query.isEnterpriseInstall) return { enterpriseId: query.enterpriseId ?? "", teamId: "" };
  return { enterpriseId: query.enterpriseId ?? "", teamId: query.teamId ?? "" };
}

function keyOfInstallation(installation: Installation): SlackInstallationKey {
  return installationKey({
    teamId: installation.team?.id,
    enterpriseId: installation.enterprise?.id,
    isEnterpriseInstall: installation.isEnterpriseInstall,
  });
}

/** Storage, the sealing secret and a logger for the installation store. */
export interface InstallationStoreOptions {
  storage: Storage;
  /** SLACK_STATE_SECRET: changing it makes stored installations unreadable (reinstall then). */
  secret: string;
  logger: Logger;
  now?: () => number;
  cacheTtlMs?: number;
}

/**
 * @example new App({ installationStore: createInstallationStore({ storage, secret, logger }), … })
 */
export function createInstallationStore(options: InstallationStoreOptions): InstallationStore {
  const { storage, logger } = options;
  const sealer = createSealer(options.secret);
  const now = options.now ?? Date.now;
  const ttl = options.cacheTtlMs ?? INSTALLATION_CACHE_TTL_MS;
  const cache = new Map<string, { at: number; installation: Installation }>();
  const cacheKey = (key: SlackInstallationKey) => `${key.enterpriseId}/${key.teamId}`;

  async function load(key: SlackInstallationKey): Promise<Installation> {
    const record = await storage.findSlackInstallation(key);
    if (!record)
      throw new Error(
        `vitabot is not installed in ${key.teamId || key.enterpriseId}; install it from /slack/install`,
      );
    try {
      return JSON.parse(sealer.open(record.data)) as Installation;
    } catch (error) {
      logger.error(
        { err: error, ...key },
        "stored Slack installation cannot be opened (was SLACK_STATE_SECRET changed?)",
      );
      throw new Error("stored Slack installation cannot be opened; reinstall the app", { cause: error });
    }
  }

  return {
    async storeInstallation(installation) {
      const key = keyOfInstallation(installation as Installation);
      await storage.saveSlackInstallation({
        ...key,
        data: sealer.seal(JSON.stringify(installation)),
        updatedAt: now(),
      });
      cache.delete(cacheKey(key));
      // Installed (again): a removal still in its grace period is cancelled, nothing is purged.
      // Org-wide installs have no single workspace id; their workspaces return one by one.
      const returned = key.teamId ? await workspaceReturned(storage, "slack", key.teamId) : false;
      logger.info({ ...key, returned }, "Slack installation stored");
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const key = installationKey(query);
      const hit = cache.get(cacheKey(key));
      if (hit && now() - hit.at < ttl) return hit.installation;
      const installation = await load(key);
      cache.set(cacheKey(key), { at: now(), installation });
      return installation;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      const key = installationKey(query);
      cache.delete(cacheKey(key));
      const removed = await storage.deleteSlackInstallation(key);
      logger.info({ ...key, removed }, "Slack installation deleted");
    },
  };
}
