/**
 * The Slack app manifest, generated from the command definitions (pure): one `/vitabot`
 * slash command whose usage hint lists the commands, interactivity for the buttons, the
 * events vitabot answers, and the fewest bot scopes that work.
 * @see https://docs.slack.dev/reference/app-manifest
 */
import type { CommandDefinition } from "../../core/commands/define-command.js";

/** The one slash command; everything else is its first word. */
export const SLASH_COMMAND = "/vitabot";

/**
 * Bot scopes, each for one reason (docs/slack.md explains them to admins):
 * commands: /vitabot · chat:write: answers, threads, DMs, scheduled posts ·
 * chat:write.public: post in public channels without being invited ·
 * users:read: admin/owner flag and time zone (users.info), and the user_change event
 * (a personal tip follows the person's new time zone, and stops when they are deactivated) ·
 * app_mentions:read: the app_mention event · im:history: the message.im event ·
 * channels:read, groups:read: the member_joined_channel event, to welcome a channel when
 * vitabot is added to it (public and private channels) ·
 * files:write: charts in channel posts, and pictures and exports sent by DM (files.uploadV2's
 * steps) · im:write: conversations.open, to DM a person what Slack cannot attach to an
 * ephemeral answer (their chart, CSV export, privacy export).
 */
export const SLACK_BOT_SCOPES = [
  "commands",
  "chat:write",
  "chat:write.public",
  "users:read",
  "app_mentions:read",
  "im:history",
  "channels:read",
  "groups:read",
  "files:write",
  "im:write",
] as const;

/** Events vitabot subscribes to; app_uninstalled and tokens_revoked need no scope. */
export const SLACK_BOT_EVENTS = [
  "app_mention",
  "message.im",
  "member_joined_channel",
  "user_change",
  "app_uninstalled",
  "tokens_revoked",
  "app_home_opened",
] as const;

/** Where the committed manifest points until someone passes `--url`. */
const PLACEHOLDER_BASE_URL = "https://vitabot.example.com";

/** Deployment-specific parts of the manifest. */
export interface ManifestOptions {
  /** Public base URL of the HTTP endpoint, without a path. */
  baseUrl?: string;
  /** Socket Mode apps have no request URLs. */
  socketMode?: boolean;
  name?: string;
  description?: string;
}

/** The manifest's JSON shape (the parts vitabot sets). */
export interface SlackManifest {
  _metadata: { major_version: number; minor_version: number };
  display_information: { name: string; description: string; background_color: string };
  features: {
    app_home: {
      home_tab_enabled: boolean;
      messages_tab_enabled: boolean;
      messages_tab_read_only_enabled: boolean;
    };
    bot_user: { display_name: string; always_online: boolean };
    slash_commands: {
      command: string;
      description: string;
      usage_hint: string;
      should_escape: boolean;
      url?: string;
    }[];
  };
  oauth_config: { redirect_urls?: string[]; scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url?: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url?: string };
    org_deploy_enabled: boolean;
    socket_mode_enabled: boolean;
    token_rotation_enabled: boolean;
  };
}

const USAGE_HINT_MAX = 100;

/** `[ask|vitamin|…] [args] or a question`, listing as many command names as fit Slack's short hint. */
export function usageHint(commands: readonly CommandDefinition[]): string {
  const tail = " [args] or a question";
  const names: string[] = [];
  for (const { name } of commands) {
    const next = [...names, name];
    if (`[${next.join("|")}|…]${tail}`.length > USAGE_HINT_MAX) return `[${names.join("|")}|…]${tail}`;
    names.push(name);
  }
  return `[${names.join("|")}]${tail}`;
}

/**
 * Builds the manifest from the registered commands.
 * @example writeFileSync("manifest.json", JSON.stringify(buildManifest(commands), null, 2));
 */
export function buildManifest(
  commands: readonly CommandDefinition[],
  options: ManifestOptions = {},
): SlackManifest {
  const name = options.name ?? "vitabot";
  const base = (options.baseUrl ?? PLACEHOLDER_BASE_URL).replace(/\/+$/, "");
  const socket = options.socketMode === true;
  const url = socket ? {} : { url: `${base}/slack/events` };
  const requestUrl = socket ? {} : { request_url: `${base}/slack/events` };
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name,
      description:
        options.description ?? "Short, sourced answers on the vitamins and minerals behind muscle weakness",
      background_color: "#1f6f5c",
    },
    features: {
      app_home: {
        home_tab_enabled: true,
        messages_tab_enabled: true,
        messages_tab_read_only_enabled: false,
      },
      bot_user: { display_name: name, always_online: true },
      slash_commands: [
        {
          command: SLASH_COMMAND,
          description: "Ask about vitamins, minerals and muscle weakness, or run a command",
          usage_hint: usageHint(commands),
          should_escape: false,
          ...url,
        },
      ],
    },
    oauth_config: {
      ...(socket ? {} : { redirect_urls: [`${base}/slack/oauth_redirect`] }),
      scopes: { bot: [...SLACK_BOT_SCOPES] },
    },
    settings: {
      event_subscriptions: { ...requestUrl, bot_events: [...SLACK_BOT_EVENTS] },
      interactivity: { is_enabled: true, ...requestUrl },
      org_deploy_enabled: false,
      socket_mode_enabled: socket,
      token_rotation_enabled: false,
    },
  };
}
