import type { UploadReader } from '../../commandKit/command.ts';
import { DISCORD_ATTACHMENT_HOSTS } from '../../config.ts';
import { formatBytes, sizeProblem } from '../../corpus/load.ts';
import { InputError, OperationalError } from '../../errors.ts';
import type { AttachmentInfo } from './options.ts';

/**
 * Reads the files a moderator attached to a slash command (`/corpus add file:…`) by downloading
 * them from Discord's CDN: only from Discord's attachment hosts (a redirect is followed only to one
 * of them), bounded in time (the whole download) and in size (Discord's stated size is checked
 * first, and the body is cut off past the limit whatever the size said).
 */

export interface AttachmentDownloadOptions {
  /** The whole download must finish within this (default 15 s). */
  readonly timeoutMs?: number;
  /** Hosts downloads may come from (default: Discord's, DISCORD_ATTACHMENT_HOSTS). */
  readonly allowedHosts?: readonly string[];
  /** For tests. */
  readonly fetch?: typeof fetch;
}

const DEFAULT_DOWNLOAD_TIMEOUT_MS = 15_000;
/** Redirects followed at most (Discord's CDN answers directly; a chain is not Discord). */
const MAX_REDIRECTS = 3;

export function attachmentUploads(
  attachments: ReadonlyMap<string, AttachmentInfo>,
  options: AttachmentDownloadOptions = {},
): UploadReader {
  const timeoutMs = options.timeoutMs ?? DEFAULT_DOWNLOAD_TIMEOUT_MS;
  const get = options.fetch ?? fetch;
  const allowedHosts = new Set((options.allowedHosts ?? DISCORD_ATTACHMENT_HOSTS).map((host) => host.toLowerCase()));
  return {
    describe: (reference) => attachments.get(reference)?.name ?? reference,
    async read(reference, { maxBytes }) {
      const attachment = attachments.get(reference);
      if (!attachment)
        throw new InputError(
          'missing_attachment',
          'The attached file did not arrive with the command; attach it again.',
        );
      const { name } = attachment;
      const stated = sizeProblem(attachment.size, maxBytes);
      if (stated) throw new InputError('too_large', `"${name}" ${stated}.`);
      if (!/^https?:\/\//i.test(attachment.url))
        throw new OperationalError(
          'download_failed',
          `Could not download "${name}": Discord gave no web address for it. Attach it again.`,
        );
      const signal = AbortSignal.timeout(timeoutMs);
      try {
        const response = await fetchFromAllowedHost(get, attachment.url, allowedHosts, signal, name);
        if (!response.ok) {
          await response.body?.cancel().catch(() => undefined);
          throw new OperationalError(
            'download_failed',
            `Could not download "${name}" (HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}). Attach it again; if it keeps failing, Discord may be having trouble.`,
          );
        }
        const bytes = await readLimited(response, maxBytes, name);
        return { name, bytes };
      } catch (error) {
        if (error instanceof InputError || error instanceof OperationalError) throw error;
        if (signal.aborted)
          throw new OperationalError(
            'download_failed',
            `Downloading "${name}" took longer than ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}, so it was given up. Try again.`,
            { cause: error },
          );
        throw new OperationalError(
          'download_failed',
          `Could not download "${name}" (${(error as Error).message}). Attach it again.`,
          { cause: error },
        );
      }
    },
  };
}

/**
 * GETs `url`, following redirects by hand so each hop is checked: the address and every redirect
 * target must be on an allowed host, or the download is refused before anything is asked of it.
 */
async function fetchFromAllowedHost(
  get: typeof fetch,
  url: string,
  allowedHosts: ReadonlySet<string>,
  signal: AbortSignal,
  name: string,
): Promise<Response> {
  let address = new URL(url);
  for (let hops = 0; ; hops++) {
    if (!/^https?:$/.test(address.protocol) || !allowedHosts.has(address.hostname.toLowerCase())) {
      const what =
        hops === 0
          ? `its address is on ${address.hostname}`
          : `Discord's server redirected the download to ${address.hostname}`;
      throw new OperationalError(
        'download_refused',
        `Did not download "${name}": ${what}, which is not one of Discord's attachment hosts (${[...allowedHosts].join(', ')}). Attach the file to the command in Discord.`,
      );
    }
    const response = await get(address.href, { signal, redirect: 'manual' });
    const location = response.headers.get('location');
    if (response.status < 300 || response.status > 399 || location === null) return response;
    await response.body?.cancel().catch(() => undefined);
    if (hops >= MAX_REDIRECTS)
      throw new OperationalError(
        'download_failed',
        `Could not download "${name}": redirected more than ${MAX_REDIRECTS} times. Attach it again.`,
      );
    address = new URL(location, address);
  }
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
