/**
 * Discord's documented limits, and the lower budgets Dossier renders to, so a message is never
 * refused for being a few characters over (and a future label tweak has room to spare).
 * https://discord.com/developers/docs/resources/message#embed-object-embed-limits
 */

/** Hard limits, as Discord enforces them. */
export const DISCORD_LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fields: 25,
  footerText: 2048,
  /** Sum of every embed's title, description, field names and values, footer and author. */
  embedTotal: 6000,
  embeds: 10,
  actionRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  commandDescription: 100,
  commandOptions: 25,
} as const;

/** What Dossier renders to: each hard limit less a margin. */
export const BUDGET = {
  content: 1900,
  embedTitle: 240,
  embedDescription: 3900,
  fieldName: 240,
  fieldValue: 1000,
  /** One field is kept free for "and N more". */
  fields: 24,
  footerText: 1000,
  embedTotal: 5600,
  buttonsPerRow: 5,
  actionRows: 5,
  buttonLabel: 60,
  customId: 100,
} as const;
