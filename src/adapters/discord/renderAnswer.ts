import { ButtonStyle, ComponentType } from 'discord.js';
import type { APIEmbed, APISelectMenuOption, APIStringSelectComponent } from 'discord.js';
import type { PassageItem, View } from '../../present/view.ts';
import { BUDGET, DISCORD_LIMITS } from './limits.ts';
import { button, COLORS, describe, NO_MENTIONS, rows, type ComponentRow, type DiscordMessage } from './render.ts';
import { clip, fitEscaped, literal } from './text.ts';

/**
 * An answer as a member reads it at a glance: the sentence that answers, quoted first with its
 * source; then each other passage as its answering sentence with outlet, date and id; a fact
 * several articles state is shown once, saying how many. The whole paragraphs are one button
 * away ("Full passages"), a citation one pick away ("Cite a passage…").
 */

export interface AnswerControls {
  /** Number of the first passage of the page (6 on the second page of five). */
  readonly firstNumber: number;
  /** Custom ids of the pager's buttons, for the pages before and after; none when absent. */
  readonly previousId?: string;
  readonly nextId?: string;
  /** Custom id of the "Full passages" button. */
  readonly fullId?: string;
  /** Custom id of the "Cite a passage…" menu; no menu when absent. */
  readonly citeMenuId?: string;
}

/** What an answer's text may take in all: about a phone screen. */
const ANSWER_BUDGET = 1000;
/** Longest the answering sentence at the top may be; a longer one is cut at a sentence or word end. */
const LEAD_MAX = 320;
/** Longest any other passage's sentence may be, and the least it is cut to when the page is crowded. */
const LINE_MAX = 200;
const LINE_MIN = 100;
/** Longest an outlet's name is in a line: a title standing in for one is cut to its first words. */
const OUTLET_MAX = 36;

export function renderAnswer(view: View, controls: AnswerControls): DiscordMessage {
  const items = view.items.filter((item): item is PassageItem => item.kind === 'passage');
  const title = fitEscaped(view.title, BUDGET.embedTitle);
  const notice = describe(view);
  const [lead, ...rest] = items
    .map((item, index) => ({ item, number: controls.firstNumber + index }))
    .filter(({ item }) => item.repeats === null);
  const head = [notice, lead ? leadBlock(lead.item) : ''].filter(Boolean).join('\n\n');
  const metas = rest.map(({ item, number }) => lineMeta(item, number));
  const room =
    ANSWER_BUDGET -
    title.length -
    head.length -
    metas.reduce((sum, meta) => sum + meta.before.length + meta.after.length + 3, 0);
  const sentences = shares(
    rest.map(({ item }) => sentenceOf(item)),
    room,
  );
  const lines = rest.map((_, index) => `${metas[index]!.before}“${sentences[index]}”${metas[index]!.after}`);
  const description = [head, lines.join('\n')].filter(Boolean).join('\n\n');
  const footer = [view.page ? `Page ${view.page.number} of ${view.page.count}` : '', view.footer ?? '']
    .filter(Boolean)
    .join(' · ');
  const embed: APIEmbed = {
    title,
    color: COLORS[view.tone],
    description: description.slice(0, BUDGET.embedDescription),
    ...(footer ? { footer: { text: footer } } : {}),
  };
  return { embeds: [embed], components: answerComponents(items, controls), allowedMentions: NO_MENTIONS };
}

/** The answering sentence as a block quote, its source under it, and who else reports it. */
function leadBlock(item: PassageItem): string {
  const quote = `> **${fitEscaped(sentenceOf(item), LEAD_MAX)}**`;
  const source = `— ${literal(item.byline)} · ¶${item.paragraph} · \`${codeSafe(item.passageId)}\``;
  return [quote, source, ...(item.alsoReportedBy.length > 0 ? [alsoReported(item.alsoReportedBy)] : [])].join('\n');
}

/** "Also reported by 2 other articles (The Hill, VOA News)." */
function alsoReported(others: readonly string[]): string {
  const count = others.length === 1 ? '1 other article' : `${others.length} other articles`;
  return fitEscaped(`Also reported by ${count} (${others.join(', ')}).`, 240);
}

/**
 * The other passages' sentences within `room` in all: each at most a line's worth, the short
 * ones whole, and what they leave shared among the long ones (never less than LINE_MIN).
 */
function shares(sentences: readonly string[], room: number): string[] {
  const order = sentences
    .map((sentence, index) => ({ sentence, index }))
    .sort((a, b) => a.sentence.length - b.sentence.length);
  const out: string[] = [];
  let left = room;
  order.forEach(({ sentence, index }, rank) => {
    const fair = Math.floor(left / (order.length - rank));
    const text = fitEscaped(sentence, Math.max(LINE_MIN, Math.min(LINE_MAX, fair)));
    out[index] = text;
    left -= text.length;
  });
  return out;
}

/** What surrounds a passage's sentence in the list: its number, then its outlet, date and id, and how many others report it. */
function lineMeta(item: PassageItem, number: number): { before: string; after: string } {
  const others = item.alsoReportedBy.length > 0 ? ` · +${item.alsoReportedBy.length} more` : '';
  return {
    before: `**${number}.** `,
    after: ` — *${fitEscaped(item.outlet, OUTLET_MAX)}* · ${literal(item.date)} · \`${codeSafe(item.passageId)}\`${others}`,
  };
}

function sentenceOf(item: PassageItem): string {
  return item.quote.slice(item.answer.start, item.answer.end).trim();
}

function codeSafe(id: string): string {
  return id.replaceAll('`', '');
}

function answerComponents(items: readonly PassageItem[], controls: AnswerControls): ComponentRow[] {
  const menu: ComponentRow[] =
    controls.citeMenuId && items.length > 0
      ? [{ type: ComponentType.ActionRow, components: [citeMenu(controls.citeMenuId, items, controls.firstNumber)] }]
      : [];
  const pager = [
    ...(controls.previousId ? [button(controls.previousId, '◀ Prev', ButtonStyle.Secondary)] : []),
    ...(controls.nextId ? [button(controls.nextId, 'Next ▶', ButtonStyle.Primary)] : []),
    ...(controls.fullId ? [button(controls.fullId, 'Full passages', ButtonStyle.Secondary)] : []),
  ];
  return [...menu, ...rows(pager)];
}

/** "Cite a passage…": one option per passage of the page, named by number, outlet and paragraph, described by its first words. */
export function citeMenu(
  customId: string,
  items: readonly Pick<PassageItem, 'passageId' | 'byline' | 'paragraph' | 'quote'>[],
  firstNumber: number,
): APIStringSelectComponent {
  const options: APISelectMenuOption[] = items.slice(0, DISCORD_LIMITS.choices).map((item, index) => ({
    label: clip(`${firstNumber + index}. ${item.byline} · ¶${item.paragraph}`, DISCORD_LIMITS.choiceName),
    description: clip(item.quote, DISCORD_LIMITS.choiceName),
    value: item.passageId,
  }));
  return {
    type: ComponentType.StringSelect,
    custom_id: customId,
    placeholder: 'Cite a passage…',
    options,
    min_values: 1,
    max_values: 1,
  };
}
