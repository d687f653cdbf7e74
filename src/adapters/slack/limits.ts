/**
 * Slack's message limits as typed constants. The renderer checks every block against
 * them, and tests render every content item to prove no reply can exceed them.
 * @see https://docs.slack.dev/reference/block-kit/blocks
 */
export const SLACK_LIMITS = {
  /** Blocks in one message. */
  blocksPerMessage: 50,
  /** Blocks in a modal or the App Home tab. */
  viewBlocks: 100,
  /**
   * Our own cap for a view's serialised blocks (Slack documents no figure for views; its
   * messages fail near 13.2k, so a Home tab keeps to four times our message budget).
   */
  viewChars: 48_000,
  /** A plain-text input's value (the Ask a question form). */
  inputText: 3000,
  /** A section's `text`. */
  sectionText: 3000,
  /** Fields in one section, and the text of each. */
  sectionFields: 10,
  fieldText: 2000,
  /** Header blocks take plain_text only. */
  headerText: 150,
  /** Elements in a context block, and any text object's length. */
  contextElements: 10,
  contextText: 3000,
  /** Buttons in one actions block. */
  actionsElements: 25,
  buttonText: 75,
  /** A button's `value`, where vitabot keeps the encoded command line. */
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  /**
   * Undocumented: Slack answers `msg_blocks_too_long` at roughly 13.2k characters of
   * blocks even when each block is within its own limit, so we stay under 12k for the
   * serialised blocks plus the fallback text.
   * @see https://github.com/slackapi/bolt-js/issues/2509
   */
  messageChars: 12_000,
  /** Our own cap for the top-level `text`: notifications show only its beginning. */
  fallbackText: 3000,
  /**
   * An uploaded image's `alt_txt` (files.getUploadURLExternal answers `alt_txt_too_large`).
   * @see https://docs.slack.dev/reference/methods/files.getUploadURLExternal
   */
  altText: 1000,
  /** Our own cap for a file shown as text when it could not be sent (one section, fences included). */
  fileAsText: 2800,
  /**
   * Modals (views.open): a title and the submit and close labels of 24 characters
   * (`viewBlocks` above counts their blocks), private_metadata of 3,000, a label of 2,000,
   * a placeholder of 150.
   * @see https://docs.slack.dev/reference/views/modal-views
   */
  viewTitle: 24,
  viewButton: 24,
  privateMetadata: 3000,
  callbackId: 255,
  inputLabel: 2000,
  placeholder: 150,
  /**
   * Select menus: 100 options, or 100 option groups of 100 options; an option's text and
   * description 75 characters, its value 150; a group's label 75; checkboxes 10 options.
   * @see https://docs.slack.dev/reference/block-kit/block-elements/select-menu-element
   * @see https://docs.slack.dev/reference/block-kit/composition-objects/option-object
   */
  selectOptions: 100,
  optionGroups: 100,
  optionText: 75,
  optionDescription: 75,
  optionValue: 150,
  checkboxOptions: 10,
  /** Our own cap for an error shown under a field (`response_action: "errors"`). */
  fieldError: 300,
} as const;
