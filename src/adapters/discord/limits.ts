/**
 * Discord's message and component limits as one typed table. The renderer fits every
 * reply inside them; a request over any of them is refused by Discord with a 400.
 * @see https://discord.com/developers/docs/resources/message#embed-object-embed-limits
 * @see https://discord.com/developers/docs/components/reference
 */
export const DISCORD_LIMITS = {
  /** Embed title. */
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  /** Title, description, field names and values, footer and author, over all embeds of a message. */
  embedTotal: 6000,
  buttonsPerRow: 5,
  rows: 5,
  customId: 100,
  buttonLabel: 80,
  /** Autocomplete answers at most 25 choices, each name and value at most 100 characters. */
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
  /**
   * Files on one message, an attachment's description (alt text), and the size vitabot
   * sends: 8 MiB, what an interaction's `attachment_size_limit` gives every server.
   * @see https://discord.com/developers/docs/reference#uploading-files
   */
  attachments: 10,
  attachmentDescription: 1024,
  attachmentBytes: 8 * 1024 * 1024,
  /**
   * Modals (interaction response type 9): a title of 45, at most 5 top-level components
   * (here Labels, type 18), each label 45 and its description 100; a text input's value
   * 4000 and placeholder 100.
   * @see https://discord.com/developers/docs/components/reference#label
   * @see https://discord.com/developers/docs/components/reference#text-input
   */
  modalTitle: 45,
  modalComponents: 5,
  label: 45,
  labelDescription: 100,
  textInputValue: 4000,
  textInputPlaceholder: 100,
  /**
   * String selects (component type 3, in a message row or a modal's Label): at most 25
   * options, each label, value and description 100, a placeholder 150.
   * @see https://discord.com/developers/docs/components/reference#string-select
   */
  selectOptions: 25,
  optionLabel: 100,
  optionValue: 100,
  optionDescription: 100,
  selectPlaceholder: 150,
  /** Our own cap for a chart's text version in the embed description (fences included). */
  chartText: 1500,
} as const;

/** Permission bit for Manage Channels (1 << 4); admin commands require it by default. */
export const MANAGE_CHANNELS = 1n << 4n;
/** Permission bit for Administrator (1 << 3), which implies every other permission. */
export const ADMINISTRATOR = 1n << 3n;
/** Message flag that shows a message only to the person who used the command. */
export const EPHEMERAL_FLAG = 1 << 6;
