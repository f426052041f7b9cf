import { ButtonStyle, ComponentType } from 'discord.js';
import type { CommandResult } from '../../commandKit/results.ts';
import { present } from '../../present/present.ts';
import type { View } from '../../present/view.ts';
import { CITE_MENU_ID, pageId, POST_ID, type StoredQuestion } from './buttons.ts';
import { fileUpload } from './fileUpload.ts';
import { renderCitation } from './renderCitation.ts';
import { citeMenu, renderAnswer } from './renderAnswer.ts';
import { renderHelp } from './renderHelp.ts';
import { button, renderNotice, renderView, type DiscordMessage, type Pager } from './render.ts';
import type { Responder } from './responder.ts';
import { TIMELINE_IMAGE_NAME, timelineAttachment } from './timelineImage.ts';

/**
 * A command result as a Discord message: an answer leads with its answering sentence and offers
 * its full passages and citations; a result with pages gets Prev and Next keyed to its question
 * (under `key` when the question is stored already); a result with a file gets it attached; a
 * timeline page with three dates or more gets its picture. A private answer gets "Post to channel".
 */

export interface ResultMessage {
  readonly message: DiscordMessage;
  /** Nothing answers: said to the asker alone, as Discord's convention keeps such replies. */
  readonly empty: boolean;
}

export interface ResultMessageOptions {
  /** The key the question is stored under already (a later page of it). */
  readonly key?: string;
  /** The answer is shown to the asker alone. */
  readonly private: boolean;
  /** The ids of the slash commands where the answer is shown, for /help to make them clickable; asked for only by /help. */
  readonly commandIds?: () => Promise<ReadonlyMap<string, string>>;
}

export async function resultMessage(
  result: CommandResult,
  question: StoredQuestion,
  uploadLimit: number | undefined,
  { answers, citeMenus, log }: Pick<Responder, 'answers' | 'citeMenus' | 'log'>,
  options: ResultMessageOptions,
): Promise<ResultMessage> {
  const view = present(result);
  let storedKey = options.key;
  const keyOf = () => (storedKey ??= answers.put(question));
  const pager: Pager = {
    ...(view.previousOffset !== undefined ? { previousId: pageId('page', keyOf(), view.previousOffset) } : {}),
    ...(view.nextOffset !== undefined ? { nextId: pageId('page', keyOf(), view.nextOffset) } : {}),
  };
  const empty = view.tone === 'empty';
  const message =
    result.kind === 'help'
      ? renderHelp(view, (await options.commandIds?.()) ?? new Map())
      : await messageFor(result, view, pager, uploadLimit, { keyOf, citeMenus, log });
  return { message: options.private && !empty ? withPostButton(message) : message, empty };
}

async function messageFor(
  result: CommandResult,
  view: View,
  pager: Pager,
  uploadLimit: number | undefined,
  { keyOf, citeMenus, log }: { keyOf: () => string } & Pick<Responder, 'citeMenus' | 'log'>,
): Promise<DiscordMessage> {
  if (result.kind === 'ask' && !view.file && view.tone === 'answer') {
    return renderAnswer(view, {
      firstNumber: view.firstNumber ?? 1,
      ...pager,
      fullId: pageId('full', keyOf(), result.offset),
      ...(citeMenus ? { citeMenuId: CITE_MENU_ID } : {}),
    });
  }
  if (result.kind === 'cite') return renderCitation(view, result.passage.id, result.style);
  if (view.file) {
    const upload = fileUpload(view.file, uploadLimit);
    return upload.ok ? { ...renderView(view, { pager }), files: [upload.attachment] } : renderNotice(upload.message);
  }
  if (result.kind !== 'timeline') return renderView(view, { pager });
  const picture = await timelineAttachment(result.events, { title: view.title }).catch((error: unknown) => {
    log.warn({ event: 'timeline_image_failed', err: error }, 'timeline picture failed; answering without it');
    return null;
  });
  const message = renderView(view, { pager, ...(picture ? { imageUrl: `attachment://${TIMELINE_IMAGE_NAME}` } : {}) });
  // `attachments: []` drops an earlier page's picture when a page replaces the message in place.
  return { ...message, files: picture ? [picture] : [], attachments: [] };
}

/** An answer's passages in full, for the asker alone: the "Full passages" button's reply. */
export function fullPassagesMessage(result: CommandResult, citeMenus: boolean): DiscordMessage {
  const view = present(result);
  const first = view.firstNumber ?? 1;
  const message = renderView(view, { firstNumber: first });
  const passages = view.items.flatMap((item) => (item.kind === 'passage' ? [item] : []));
  const menu =
    citeMenus && passages.length > 0
      ? [{ type: ComponentType.ActionRow as const, components: [citeMenu(CITE_MENU_ID, passages, first)] }]
      : [];
  return withPostButton({ ...message, components: [...menu, ...message.components] });
}

/** "Post to channel" under a private answer, in a row of its own. */
export function withPostButton(message: DiscordMessage): DiscordMessage {
  return {
    ...message,
    components: [
      ...message.components,
      { type: ComponentType.ActionRow, components: [button(POST_ID, 'Post to channel', ButtonStyle.Secondary)] },
    ],
  };
}
