import type { UploadReader } from '../../commandKit/command.ts';
import { formatBytes, sizeProblem } from '../../corpus/load.ts';
import { InputError, OperationalError } from '../../errors.ts';
import type { AttachmentInfo } from './options.ts';

/**
 * Reads the files a moderator attached to a slash command (`/corpus add file:…`) by downloading
 * them from Discord's CDN: bounded in time (the whole download) and in size (Discord's stated size
 * is checked first, and the body is cut off past the limit whatever the size said).
 */

export interface AttachmentDownloadOptions {
  /** The whole download must finish within this (default 15 s). */
  readonly timeoutMs?: number;
  /** For tests. */
  readonly fetch?: typeof fetch;
}

export const DEFAULT_DOWNLOAD_TIMEOUT_MS = 15_000;

export function attachmentUploads(attachments: ReadonlyMap<string, AttachmentInfo>, options: AttachmentDownloadOptions = {}): UploadReader {
  const timeoutMs = options.timeoutMs ?? DEFAULT_DOWNLOAD_TIMEOUT_MS;
  const get = options.fetch ?? fetch;
  return {
    describe: (reference) => attachments.get(reference)?.name ?? reference,
    async read(reference, { maxBytes }) {
      const attachment = attachments.get(reference);
      if (!attachment) throw new InputError('missing_attachment', 'The attached file did not arrive with the command; attach it again.');
      const { name } = attachment;
      const stated = sizeProblem(attachment.size, maxBytes);
      if (stated) throw new InputError('too_large', `"${name}" ${stated}.`);
      if (!/^https?:\/\//i.test(attachment.url)) throw new OperationalError('download_failed', `Could not download "${name}": Discord gave no web address for it. Attach it again.`);
      const signal = AbortSignal.timeout(timeoutMs);
      try {
        const response = await get(attachment.url, { signal, redirect: 'follow' });
        if (!response.ok) {
          await response.body?.cancel().catch(() => undefined);
          throw new OperationalError('download_failed', `Could not download "${name}" (HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}). Attach it again; if it keeps failing, Discord may be having trouble.`);
        }
        const bytes = await readLimited(response, maxBytes, name);
        return { name, bytes };
      } catch (error) {
        if (error instanceof InputError || error instanceof OperationalError) throw error;
        if (signal.aborted) throw new OperationalError('download_failed', `Downloading "${name}" took longer than ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}, so it was given up. Try again.`, { cause: error });
        throw new OperationalError('download_failed', `Could not download "${name}" (${(error as Error).message}). Attach it again.`, { cause: error });
      }
    },
  };
}

/** The response body, refused once it passes `maxBytes` (a server may send more than it said). */
async function readLimited(response: Response, maxBytes: number, name: string): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new InputError('too_large', `"${name}" is over the ${formatBytes(maxBytes)} limit (MAX_ARTICLE_BYTES).`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
