import type { CommandResult } from '../../commandKit/results.ts';
import { present } from '../../present/present.ts';
import { moreId, type StoredQuestion } from './buttons.ts';
import { fileUpload } from './fileUpload.ts';
import { renderNotice, renderView, type DiscordMessage } from './render.ts';
import type { Responder } from './responder.ts';
import { TIMELINE_IMAGE_NAME, timelineAttachment } from './timelineImage.ts';

/**
 * A command result as a Discord message: an /ask, or any result with a next page, gets a "More"
 * button keyed to its question (under `key` when the question is stored already); a result with
 * a file gets it attached; a timeline page with three dates or more gets its picture attached.
 */
export async function resultMessage(
  result: CommandResult,
  question: StoredQuestion,
  uploadLimit: number | undefined,
  { answers, citeButtons, log }: Pick<Responder, 'answers' | 'citeButtons' | 'log'>,
  key?: string,
): Promise<DiscordMessage> {
  const view = present(result);
  let storedKey = key;
  const paged = result.kind === 'ask' || view.nextOffset !== undefined;
  const more = paged ? { moreCustomId: (offset: number) => moreId((storedKey ??= answers.put(question)), offset) } : {};
  if (result.kind === 'ask') return renderView(view, { firstNumber: result.offset + 1, cite: citeButtons, ...more });
  if (view.file) {
    const upload = fileUpload(view.file, uploadLimit);
    return upload.ok ? { ...renderView(view, more), files: [upload.attachment] } : renderNotice(upload.message);
  }
  if (result.kind !== 'timeline') return renderView(view, more);
  const picture = await timelineAttachment(result.events, { title: view.title }).catch((error: unknown) => {
    log.warn({ event: 'timeline_image_failed', err: error }, 'timeline picture failed; answering without it');
    return null;
  });
  const message = renderView(view, { ...more, ...(picture ? { imageUrl: `attachment://${TIMELINE_IMAGE_NAME}` } : {}) });
  // `attachments: []` drops an earlier page's picture when "More" replaces the message in place.
  return { ...message, files: picture ? [picture] : [], attachments: [] };
}
