/**
 * Onboarding on Discord: when vitabot is added to a server (a GUILD_CREATE after the
 * client is ready), it posts a short welcome with a "Set up daily tips" button in the
 * server's system channel, or else its first text channel.
 */
import { ChannelType, type Client, Events, type Guild } from "discord.js";
import type { Logger } from "pino";
import type { Reply } from "../../core/reply/reply.js";
import { errorInfo } from "./discord-errors.js";
import { postToChannel } from "./post.js";

/** Where a welcome goes: the system channel, or the first text channel by position. */
function welcomeChannelId(guild: Guild): string | undefined {
  if (guild.systemChannelId) return guild.systemChannelId;
  const text = [...guild.channels.cache.values()]
    .filter((c) => c.type === ChannelType.GuildText)
    .sort((a, b) => ("position" in a && "position" in b ? a.position - b.position : 0));
  return text[0]?.id;
}

/** Posts the welcome whenever the client joins a new server. */
export function welcomeNewGuilds(client: Client, welcome: Reply, log: Logger): void {
  client.on(Events.GuildCreate, async (guild) => {
    const channelId = welcomeChannelId(guild);
    if (!channelId) return;
    try {
      await postToChannel(client.rest, { platform: "discord", workspaceId: guild.id, channelId }, welcome);
      log.info({ guild: guild.id }, "added to a server: welcome posted");
    } catch (error) {
      log.warn({ guild: guild.id, ...errorInfo(error) }, "welcome not posted");
    }
  });
}
