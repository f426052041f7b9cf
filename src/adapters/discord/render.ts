import { ButtonStyle, ComponentType } from 'discord.js';
import type {
  AttachmentBuilder,
  MessageEditAttachmentData,
  APIActionRowComponent,
  APIButtonComponentWithCustomId,
  APIComponentInMessageActionRow,
  APIEmbed,
  APIEmbedField,
} from 'discord.js';
import { CITATION_STYLES, STYLE_LABELS, type CitationStyle } from '../../cite/styles.ts';
import {
  eventSources,
  isWholeQuote,
  type EntryItem,
  type PassageItem,
  type Syntax,
  type Tone,
  type View,
} from '../../present/view.ts';
import { citeId } from './buttons.ts';
import { BUDGET } from './limits.ts';
import { clip, fitEscaped, literal } from './text.ts';

/**
 * The one place that turns a View into a Discord message: the twin of ../../present/text.ts.
 * Every string from the corpus or the asker is cut to Discord's limits first and escaped after
 * (so a cut never leaves half of Dossier's own markup), and no message can mention anyone.
 */

export type ComponentRow = APIActionRowComponent<APIComponentInMessageActionRow>;

/** What `interaction.reply`, `editReply` and `update` are given (flags are added by the caller). */
export interface DiscordMessage {
  readonly content?: string;
  readonly embeds: APIEmbed[];
  readonly components: ComponentRow[];
  readonly allowedMentions: { readonly parse: [] };
  /** Files uploaded with the message (a timeline's picture). */
  readonly files?: AttachmentBuilder[];
  /** The attachments an edit keeps (`[]`: none of the earlier ones); discord.js adds `files` to it. */
  readonly attachments?: MessageEditAttachmentData[];
}

/** Custom ids of the buttons to the pages before and after this one; no button where absent. */
export interface Pager {
  readonly previousId?: string;
  readonly nextId?: string;
}

export interface RenderOptions {
  readonly pager?: Pager;
  /** Number of the first passage shown (1 on the first page, 6 on the next page of five). */
  readonly firstNumber?: number;
  /** A picture shown in the embed, such as `attachment://timeline.png` for a file sent with the message. */
  readonly imageUrl?: string;
}

/** Mentions are never parsed, whatever the text says (the client default says so too). */
export const NO_MENTIONS = { parse: [] as [] } as const;

export const COLORS: Record<Tone, number> = { answer: 0x2f6f9f, info: 0x5b6770, empty: 0xc28a1e };

/** Per-passage quote budgets tried in turn until the whole embed fits Discord's 6000 characters. */
const QUOTE_BUDGETS = [900, 700, 520, 400, 300, 220, 160, 120, 90] as const;
const ENTRY_BUDGETS = [1000, 600, 400, 260, 180, 120, 80] as const;

export function renderView(view: View, options: RenderOptions = {}): DiscordMessage {
  const title = fitEscaped(view.title, BUDGET.embedTitle);
  const image = options.imageUrl ? { image: { url: options.imageUrl } } : {};
  if (view.items.length > 0 && view.items.every((item) => item.kind === 'entry' && item.events)) {
    const embed: APIEmbed = { ...renderDated(view, title, view.items as EntryItem[]), ...image };
    return { embeds: [embed], components: pagerRows(options.pager), allowedMentions: NO_MENTIONS };
  }
  const lone = loneEntry(view);
  if (lone) {
    // One entry (a citation): the description holds four times what a field does, so it is rarely cut.
    const heading = `**${fitEscaped(lone.heading, BUDGET.fieldName)}**`;
    const intro = [describe(view), heading].filter(Boolean).join('\n\n');
    const footer = footerText(view, 0);
    const room =
      Math.min(BUDGET.embedDescription, BUDGET.embedTotal - title.length - (footer?.length ?? 0)) - intro.length - 2;
    const body = withTimestamps(
      fitEscaped(lone.body, room, lone.preformatted ? codeBlock(lone.syntax) : literal),
      lone,
    );
    const embed: APIEmbed = {
      title,
      color: COLORS[view.tone],
      description: `${intro}\n\n${body}`,
      ...(footer ? { footer: { text: footer } } : {}),
      ...image,
    };
    return { embeds: [embed], components: [], allowedMentions: NO_MENTIONS };
  }
  const description = describe(view);
  const first = options.firstNumber ?? 1;
  const budgets = view.items.some((item) => item.kind === 'passage') ? QUOTE_BUDGETS : ENTRY_BUDGETS;

  // The longest passages that let every item fit; failing that, as many items as fit at the shortest.
  const candidates = view.items.slice(0, BUDGET.fields);
  let fields: APIEmbedField[] = [];
  for (const budget of budgets) {
    const built = candidates.map((item, index) => field(item, first + index, budget));
    fields = built.slice(
      0,
      fittingCount(
        built,
        (count) =>
          title.length + (description?.length ?? 0) + (footerText(view, view.items.length - count)?.length ?? 0),
      ),
    );
    if (fields.length === candidates.length) break;
  }
  const shown = fields.length;
  const footer = footerText(view, view.items.length - shown);

  const embed: APIEmbed = {
    title,
    color: COLORS[view.tone],
    ...(description ? { description } : {}),
    ...(fields.length > 0 ? { fields } : {}),
    ...(footer ? { footer: { text: footer } } : {}),
    ...image,
  };
  return { embeds: [embed], components: pagerRows(options.pager), allowedMentions: NO_MENTIONS };
}

/** Longest event sentences tried in turn until every event of the page fits one message: whole, unless a page is crowded. */
const EVENT_BUDGETS = [1000, 300, 200, 140, 100, 70] as const;

/**
 * Entries that list dated events (a timeline): one field per date, named by the date, with a
 * line per event (“• sentence”) and the outlets and passage ids they come from once, under them.
 * Every event of the page is shown: only a crowded page's sentences are shortened, never the list,
 * so the next page starts where this one ends. A date with more than a field holds continues in
 * the next field; with more dates than fields, dates share fields, each led by its date.
 */
function renderDated(view: View, title: string, entries: readonly EntryItem[]): APIEmbed {
  const description = describe(view);
  const footer = footerText(view, 0);
  const fixed = title.length + (description?.length ?? 0) + (footer?.length ?? 0);
  const fits = (fields: readonly APIEmbedField[]) =>
    fields.length <= BUDGET.fields &&
    fields.reduce((sum, f) => sum + f.name.length + f.value.length, fixed) <= BUDGET.embedTotal;
  let fields: APIEmbedField[] = [];
  search: for (const shared of [false, true]) {
    for (const budget of EVENT_BUDGETS) {
      fields = packDated(entries, budget, shared);
      if (fits(fields)) break search;
    }
  }
  return {
    title,
    color: COLORS[view.tone],
    ...(description ? { description } : {}),
    // Only a page far larger than /timeline allows could still be too long: then it is cut.
    fields: fields.slice(
      0,
      Math.min(
        BUDGET.fields,
        fittingCount(fields, () => fixed),
      ),
    ),
    ...(footer ? { footer: { text: footer } } : {}),
  };
}

/** A date's lines: its events' sentences cut to `budget`, then where they come from. */
function dateLines(entry: EntryItem, budget: number): string[] {
  const events = entry.events ?? [];
  const sources = eventSources(events).map(
    (source) =>
      `${fitEscaped(source.outlets, 60, (raw) => `*${literal(raw)}*`)} · ${source.passageIds.map((id) => `\`${id.replaceAll('`', '')}\``).join(', ')}`,
  );
  return [...events.map((event) => `• ${fitEscaped(event.text, budget)}`), `— ${sources.join(' · ')}`];
}

/** "• **Sep 1, 2020** sentence": a line led by its date, after its bullet. */
function ledBy(heading: string, line: string): string {
  const bullet = line.startsWith('• ') ? '• ' : '';
  return `${bullet}**${literal(heading)}** ${line.slice(bullet.length)}`;
}

/** The dates' lines packed into fields of at most `BUDGET.fieldValue`: one date per field, or (`shared`) dates sharing fields. */
function packDated(entries: readonly EntryItem[], budget: number, shared: boolean): APIEmbedField[] {
  const fields: Array<{ dates: string[]; lines: string[]; continued: boolean }> = [];
  for (const entry of entries) {
    dateLines(entry, budget).forEach((raw, index) => {
      // In a shared field, a date's first line there names it.
      const lead = shared && index === 0 ? ledBy(entry.heading, raw) : raw;
      const last = fields.at(-1);
      const sameField =
        last &&
        (shared || last.dates.at(-1) === entry.heading) &&
        [...last.lines, lead].join('\n').length <= BUDGET.fieldValue;
      if (sameField) {
        last.lines.push(lead);
        if (last.dates.at(-1) !== entry.heading) last.dates.push(entry.heading);
      } else {
        const continued = index > 0;
        fields.push({
          dates: [entry.heading],
          lines: [continued && shared ? ledBy(entry.heading, raw) : lead],
          continued,
        });
      }
    });
  }
  return fields.map((f) => {
    const name =
      f.dates.length > 1 ? `${f.dates[0]} – ${f.dates.at(-1)}` : `${f.dates[0]}${f.continued ? ' (continued)' : ''}`;
    return { name: fitEscaped(name, BUDGET.fieldName), value: f.lines.join('\n').slice(0, BUDGET.fieldValue) };
  });
}

/**
 * The moments an entry names as Discord timestamps (`<t:1601301909:f>`), which each reader sees
 * in their own time zone; no longer than the text they replace, so the entry still fits.
 */
function withTimestamps(text: string, entry: Pick<EntryItem, 'times'>): string {
  return (entry.times ?? []).reduce(
    (out, time) => out.replaceAll(literal(time.text), `<t:${Math.floor(time.at.getTime() / 1000)}:f>`),
    text,
  );
}

/** A short private message (errors, refusals, "expired"): plain content, escaped, no mentions. */
export function renderNotice(text: string): DiscordMessage {
  return { content: fitEscaped(text, BUDGET.content), embeds: [], components: [], allowedMentions: NO_MENTIONS };
}

/** A row of buttons, one per citation style, to show the same passage's citation in another style. */
export function citationStyleRow(passageId: string, current: CitationStyle): ComponentRow[] {
  const styleButtons = CITATION_STYLES.flatMap((style) => {
    const customId = citeId(passageId, style);
    return customId
      ? [
          button(
            customId,
            STYLE_LABELS[style],
            style === current ? ButtonStyle.Primary : ButtonStyle.Secondary,
            style === current,
          ),
        ]
      : [];
  });
  return rows(styleButtons);
}

/**
 * Fixed-width text (BibTeX, CSL-JSON, a reference list) in a code block, highlighted as the
 * syntax it is written in: shown verbatim; only a ``` inside could close the block early, so
 * those are broken up.
 */
export function codeBlock(syntax: Syntax = 'text'): (raw: string) => string {
  const language = syntax === 'text' ? '' : syntax;
  return (raw) => `\`\`\`${language}\n${raw.replaceAll('```', '`\u200b`\u200b`')}\n\`\`\``;
}

/** How many of `fields`, from the first, fit in one message along with the rest of the embed. */
function fittingCount(fields: readonly APIEmbedField[], fixed: (count: number) => number): number {
  let total = 0;
  let count = 0;
  for (const f of fields) {
    if (total + f.name.length + f.value.length + fixed(count + 1) > BUDGET.embedTotal) break;
    total += f.name.length + f.value.length;
    count += 1;
  }
  return count;
}

function loneEntry(view: View): EntryItem | undefined {
  const [only] = view.items;
  return view.items.length === 1 &&
    only?.kind === 'entry' &&
    (only.preformatted || only.body.length > BUDGET.fieldValue)
    ? only
    : undefined;
}

export function describe(view: View): string | undefined {
  const parts = [
    view.notice ? { text: view.notice, italic: true } : null,
    view.hint ? { text: view.hint, italic: false } : null,
  ].filter((part) => part !== null);
  if (parts.length === 0) return undefined;
  // With items to show, the notice and hint are kept short so the items have the room.
  const room = view.items.length > 0 ? Math.min(BUDGET.embedDescription, 1200) : BUDGET.embedDescription;
  const share = Math.floor((room - 2) / parts.length);
  return parts
    .map((part) => fitEscaped(part.text, share, (raw) => (part.italic ? `*${literal(raw)}*` : literal(raw))))
    .join('\n\n');
}

function footerText(view: View, hidden: number): string | undefined {
  // Footers do not render markdown, so they are cut but not escaped.
  const parts = [
    view.page ? `Page ${view.page.number} of ${view.page.count}.` : '',
    hidden > 0 ? `${hidden} more not shown here (Discord limits the size of a message).` : '',
    view.footer ?? '',
  ].filter(Boolean);
  return parts.length > 0 ? clip(parts.join(' '), BUDGET.footerText) : undefined;
}

function field(item: PassageItem | EntryItem, number: number, budget: number): APIEmbedField {
  if (item.kind === 'entry') {
    return {
      name: fitEscaped(item.heading, BUDGET.fieldName),
      value: withTimestamps(
        fitEscaped(
          item.body,
          Math.min(budget, BUDGET.fieldValue),
          item.preformatted ? codeBlock(item.syntax) : literal,
        ),
        item,
      ),
    };
  }
  const prefix = `${number}. `; // Dossier's own numbering: not escaped (it would read "1\.")
  const name =
    prefix +
    fitEscaped(item.byline, Math.max(60, Math.min(BUDGET.fieldName, Math.round(budget * 0.5))) - prefix.length);
  // The title and "Also in" shrink with the quote when many passages share one message.
  const titleMax = Math.max(40, Math.min(160, Math.round(budget * 0.3)));
  const alsoInMax = Math.max(60, Math.min(300, Math.round(budget * 0.4)));
  const meta = [
    `— ${fitEscaped(item.title, titleMax, (raw) => `*${literal(raw)}*`)} · ¶${item.paragraph} · id \`${item.passageId.replaceAll('`', '')}\``,
    ...(item.alsoIn.length > 0 ? [fitEscaped(`Also in: ${item.alsoIn.join('; ')}`, alsoInMax)] : []),
  ].join('\n');
  const quoteRoom = Math.min(budget, BUDGET.fieldValue - meta.length - 1);
  return { name, value: `${quoted(item, quoteRoom)}\n${meta}` };
}

/** The passage in curly quotes, cut to `max` characters in all, with its best sentence in bold. */
export function quoted(item: Pick<PassageItem, 'quote' | 'answer'>, max: number): string {
  return fitEscaped(item.quote, max, (clipped) => `“${emphasize(item, clipped)}”`);
}

/**
 * Escapes the kept part of the quote in up to three pieces, bolding the answering sentence when
 * the passage has others. The bold markers are added after the cut, around escaped text, so they
 * are always balanced.
 */
function emphasize(item: Pick<PassageItem, 'quote' | 'answer'>, clipped: string): string {
  const whole = clipped === item.quote;
  const kept = whole ? clipped : clipped.replace(/ ?…$/, '');
  const tail = whole ? '' : clipped.slice(kept.length);
  if (isWholeQuote(item)) return literal(kept) + tail;
  let start = Math.min(item.answer.start, kept.length);
  let end = Math.min(item.answer.end, kept.length);
  while (start < end && /\s/.test(kept[start]!)) start++;
  while (end > start && /\s/.test(kept[end - 1]!)) end--;
  if (end <= start) return literal(kept) + tail;
  return `${literal(kept.slice(0, start))}**${literal(kept.slice(start, end))}**${literal(kept.slice(end))}${tail}`;
}

/** "◀ Prev" and "Next ▶", where there are pages before and after. */
function pagerRows(pager: Pager | undefined): ComponentRow[] {
  return rows([
    ...(pager?.previousId ? [button(pager.previousId, '◀ Prev', ButtonStyle.Secondary)] : []),
    ...(pager?.nextId ? [button(pager.nextId, 'Next ▶', ButtonStyle.Primary)] : []),
  ]);
}

export function button(
  customId: string,
  label: string,
  style: ButtonStyle.Primary | ButtonStyle.Secondary,
  disabled = false,
): APIButtonComponentWithCustomId {
  return {
    type: ComponentType.Button,
    style,
    label: clip(label, BUDGET.buttonLabel),
    custom_id: customId,
    ...(disabled ? { disabled } : {}),
  };
}

export function rows(list: readonly APIButtonComponentWithCustomId[]): ComponentRow[] {
  const result: ComponentRow[] = [];
  for (let i = 0; i < list.length && result.length < BUDGET.actionRows; i += BUDGET.buttonsPerRow) {
    result.push({ type: ComponentType.ActionRow, components: list.slice(i, i + BUDGET.buttonsPerRow) });
  }
  return result;
}
