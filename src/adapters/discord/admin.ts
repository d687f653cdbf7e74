/**
 * Who counts as an admin on Discord: members with Manage Channels (or Administrator,
 * which implies it), and anyone listed in ADMIN_USER_IDS as `discord:<user id>`. The
 * dispatcher enforces admin-only subcommands with this flag at run time.
 */
import { isListedAdmin } from "../chat-adapter.js";
import { ADMINISTRATOR, MANAGE_CHANNELS } from "./limits.js";

/** Parses Discord's permission string (a decimal bit set); null when absent or malformed. */
export function parsePermissions(value: string | bigint | null | undefined): bigint | null {
  if (typeof value === "bigint") return value;
  if (typeof value !== "string" || !/^\d+$/.test(value)) return null;
  return BigInt(value);
}

/**
 * @example isDiscordAdmin(new Set(["discord:42"]), "42", null) // true
 * @example isDiscordAdmin(new Set(), "7", 16n) // true: Manage Channels
 */
export function isDiscordAdmin(
  adminUserIds: ReadonlySet<string>,
  userId: string,
  permissions: bigint | null,
): boolean {
  if (isListedAdmin(adminUserIds, "discord", userId)) return true;
  if (permissions === null) return false;
  return (permissions & (MANAGE_CHANNELS | ADMINISTRATOR)) !== 0n;
}
