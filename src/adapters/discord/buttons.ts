import { randomBytes } from 'node:crypto';
import type { RawValue } from '../../commandKit/args.ts';
import { CITATION_STYLES, type CitationStyle } from '../../cite/styles.ts';
import { DISCORD_LIMITS } from './limits.ts';

/**
 * The controls under an answer, and the state behind them. A custom id carries at most 100
 * characters, so the pager carries only a short random key into a bounded in-memory store of the
 * question; a citation carries the passage id itself (passage ids are stable across reloads).
 *
 *   page:<key>:<offset>          the page from <offset> of the question stored under <key> (Prev, Next)
 *   full:<key>:<offset>          that page's passages in full, privately
 *   cite:<passageId>[:<style>]   a private citation of the passage (the default style when none)
 *   cite-menu                    "Cite a passage…": the menu's value is the passage id
 *   post                         posts the private answer it sits under to the channel
 */

export type ButtonAction =
  | { readonly kind: 'page' | 'full'; readonly key: string; readonly offset: number }
  | { readonly kind: 'cite'; readonly passageId: string; readonly style: CitationStyle | null }
  | { readonly kind: 'post' };

export const CITE_MENU_ID = 'cite-menu';
export const POST_ID = 'post';

/** `page:<key>:<offset>` or `full:<key>:<offset>`. */
export function pageId(kind: 'page' | 'full', key: string, offset: number): string {
  return `${kind}:${key}:${offset}`;
}

/** `cite:<passageId>[:<style>]`, or null when the id would not fit in a custom id. */
export function citeId(passageId: string, style?: CitationStyle): string | null {
  const id = `cite:${passageId}${style ? `:${style}` : ''}`;
  return id.length <= DISCORD_LIMITS.customId && !passageId.includes(':') ? id : null;
}

/** Reads a custom id this module wrote; anything else (an old or foreign button) is null. */
export function parseButtonId(customId: string): ButtonAction | null {
  if (customId === POST_ID) return { kind: 'post' };
  const page = /^(page|full):([\w-]{1,32}):(\d{1,6})$/.exec(customId);
  if (page) return { kind: page[1] as 'page' | 'full', key: page[2]!, offset: Number(page[3]) };
  const cite = /^cite:([^:]{1,90})(?::([a-z-]+))?$/.exec(customId);
  if (cite) {
    const style = cite[2] === undefined ? null : CITATION_STYLES.find((candidate) => candidate === cite[2]);
    if (style === undefined) return null;
    return { kind: 'cite', passageId: cite[1]!, style };
  }
  return null;
}

/** What the pager needs to ask the same question again, and whose it is. */
export interface StoredQuestion {
  readonly command: string;
  /** The command's options, without offset. */
  readonly options: Readonly<Record<string, RawValue>>;
  /** Who asked: only they page the message; anyone else gets their own private copy. */
  readonly ownerId: string;
}

export interface AnswerStoreOptions {
  /** Questions kept at most; the least recently used goes first (default 500). */
  readonly maxEntries?: number;
  /** A question expires this long after it was last used (default 15 minutes). */
  readonly ttlMs?: number;
  readonly now?: () => number;
}

const STORE_DEFAULTS = { maxEntries: 500, ttlMs: 15 * 60 * 1000, now: Date.now } as const;

/** A small LRU with a time-to-live: Map keeps insertion order, so the first key is the oldest. */
export class AnswerStore {
  private readonly entries = new Map<string, { question: StoredQuestion; touched: number }>();
  private readonly options: Required<AnswerStoreOptions>;

  constructor(options: AnswerStoreOptions = {}) {
    this.options = { ...STORE_DEFAULTS, ...options };
  }

  /** Stores a question and returns its key (8 URL-safe characters). */
  put(question: StoredQuestion): string {
    let key = randomBytes(6).toString('base64url');
    while (this.entries.has(key)) key = randomBytes(6).toString('base64url');
    const now = this.options.now();
    // The first entry is the least recently used: drop expired ones from the front, then any excess.
    for (const [oldKey, entry] of this.entries) {
      if (now - entry.touched <= this.options.ttlMs) break;
      this.entries.delete(oldKey);
    }
    this.entries.set(key, { question, touched: now });
    while (this.entries.size > this.options.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return key;
  }

  /** The question under `key`, or undefined when it expired or was pushed out. Using it keeps it fresh. */
  get(key: string): StoredQuestion | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const now = this.options.now();
    this.entries.delete(key);
    if (now - entry.touched > this.options.ttlMs) return undefined;
    this.entries.set(key, { question: entry.question, touched: now });
    return entry.question;
  }

  get size(): number {
    return this.entries.size;
  }
}
