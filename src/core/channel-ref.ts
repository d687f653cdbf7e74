/**
 * Where something happens, on any platform: the platform, a fully qualified channel, a
 * person in it. Commands, stores and adapters all speak in these.
 */
export type Platform = "slack" | "discord" | "console";

/** A chat channel, fully qualified: platform, workspace (Slack team / Discord guild), channel. */
export interface ChannelRef {
  platform: Platform;
  /** Slack team id, Discord guild id, or "console"; "dm" for direct messages without one. */
  workspaceId: string;
  channelId: string;
}

/** A person in a channel. */
export interface UserRef extends ChannelRef {
  userId: string;
}
