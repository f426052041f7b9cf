import { randomBytes } from 'node:crypto';
import type { RawValue } from '../../commandKit/args.ts';
import { CITATION_STYLES, type CitationStyle } from '../../cite/styles.ts';
import { DISCORD_LIMITS } from './limits.ts';

/**
 * Buttons under an answer, and the state behind them. A custom id carries at most 100 characters,
 * so the "More" button carries only a short random key into a bounded in-memory store of the
 * question; "Cite" carries the passage id itself (passage ids are stable across reloads).
 *
 *   more:<key>:<offset>          next page of the question stored under <key>
 *   cite:<passageId>[:<style>]   a private citation of the passage (APA when no style)
 */

export type ButtonAction =
  | { readonly kind: 'more'; readonly key: string; readonly offset: number }
  | { readonly kind: 'cite'; readonly passageId: string; readonly style: CitationStyle | null };

/** `more:<key>:<offset>`. */
export function moreId(key: string, offset: number): string {
  return `more:${key}:${offset}`;
}

/** `cite:<passageId>[:<style>]`, or null when the id would not fit in a custom id. */
export function citeId(passageId: string, style?: CitationStyle): string | null {
  const id = `cite:${passageId}${style ? `:${style}` : ''}`;
  return id.length <= DISCORD_LIMITS.customId && !passageId.includes(':') ? id : null;
}

/** Reads a custom id this module wrote; anything else (an old or foreign button) is null. */
export function parseButtonId(customId: string): ButtonAction | null {
  const more = /^more:([\w-]{1,32}):(\d{1,6})$/.exec(customId);
  if (more) return { kind: 'more', key: more[1]!, offset: Number(more[2]) };
  const cite = /^cite:([^:]{1,90})(?::([a-z-]+))?$/.exec(customId);
  if (cite) {
    const style = cite[2] === undefined ? null : CITATION_STYLES.find((candidate) => candidate === cite[2]);
    if (style === undefined) return null;
    return { kind: 'cite', passageId: cite[1]!, style };
  }
  return null;
}

/** What a "More" button needs to ask the same question again: the command's options, without offset. */
export interface StoredQuestion {
  readonly command: string;
  readonly options: Readonly<Record<string, RawValue>>;
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
