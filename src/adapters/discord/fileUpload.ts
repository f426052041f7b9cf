import { gzipSync } from 'node:zlib';
import { AttachmentBuilder } from 'discord.js';

/** Discord's upload limit in a server without boosts, when an interaction does not state its own. */
const DEFAULT_UPLOAD_LIMIT_BYTES = 10 * 1024 * 1024;

export type FileUpload =
  | { readonly ok: true; readonly attachment: AttachmentBuilder; readonly compressed: boolean }
  | { readonly ok: false; readonly message: string };

/**
 * A result's file (an exported bibliography) as an attachment within the server's upload limit.
 * Discord refuses the whole reply when a file is over it, so a large file goes gzip-compressed
 * (a million passages' BibTeX, 36 MB, compresses to 7.8 MB: under the usual 10 MB), and one
 * still too large becomes a message saying where to get it instead.
 */
export function fileUpload(
  file: { readonly name: string; readonly text: string },
  limitBytes: number = DEFAULT_UPLOAD_LIMIT_BYTES,
): FileUpload {
  const bytes = Buffer.from(file.text, 'utf8');
  if (bytes.length <= limitBytes)
    return { ok: true, attachment: new AttachmentBuilder(bytes, { name: file.name }), compressed: false };
  const compressed = gzipSync(bytes, { level: 9 });
  if (compressed.length <= limitBytes)
    return { ok: true, attachment: new AttachmentBuilder(compressed, { name: `${file.name}.gz` }), compressed: true };
  return {
    ok: false,
    message: `${file.name} is ${size(bytes.length)} (${size(compressed.length)} compressed), more than the ${size(limitBytes)} this server lets the bot upload. Run “npm run cli -- export” where the bot runs to get the whole file.`,
  };
}

function size(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${bytes} bytes`;
}
