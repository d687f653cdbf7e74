/**
 * What became of a command, beside its reply: the dispatcher gives it with every reply
 * (src/core/commands/dispatch.ts), and the "share to channel" rule (share.ts) reads it.
 */
export type Outcome = "ok" | "user_error" | "fault" | "cooldown";
