/**
 * How gold files compare text with what Dossier returns: lower case, curly quotes and apostrophe
 * look-alikes straight, whitespace runs as one space. Gold snippets are copied from the pages, so
 * this forgives only what copying changes.
 */
export function normalizeForMatch(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’ʼ`]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}
