import { access, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { STATE_PREFIX, readRegularFile, sha256, writeFileAtomic } from './files.ts';

/**
 * Edits that touch several files (a sidecar and an article; an article renamed by a new extension;
 * an article and its sidecar removed) are written under a journal: a small hidden file in the
 * corpus folder, written before the first change and removed after the last. If the process dies
 * in between, the next start (or reload, or edit) finds the journal and finishes the edit or undoes
 * it, so a crash never leaves two versions of an article live, or a sidecar that belongs to neither.
 *
 * An edit commits when its article file holds the new bytes (that write, an atomic rename, is its
 * last write): then the files it was to remove are removed. Before that, the files it overwrote
 * (sidecars) are put back as they were. Journals are read and written only under the folder lock
 * (lock.ts), so a journal found there belongs to a process that died.
 */

export const JOURNAL_NAME = `${STATE_PREFIX}journal`;

const journalSchema = z.object({
  version: z.literal(1),
  action: z.string(),
  pid: z.number(),
  /** The write that commits the edit, with the sha256 of its bytes; null when the edit only removes files. */
  commit: z.object({ name: z.string(), sha256: z.string() }).nullable(),
  /** Removed once committed. */
  removes: z.array(z.string()),
  /** Written back (or removed, for null) when the edit did not commit. */
  restores: z.array(z.object({ name: z.string(), content: z.string().nullable() })),
});

export type JournalPlan = Omit<z.infer<typeof journalSchema>, 'version' | 'pid'>;

/** What a recovery did, for the log. */
export interface Recovery {
  readonly action: string;
  readonly outcome: 'completed' | 'undone' | 'unreadable';
  /** The journal's writer, a process that is gone. */
  readonly pid: number | null;
}

/** Runs `work` (the edit's writes, in the plan's order) under a journal; if it throws, what it did is undone or completed before the error goes on. */
export async function journaled<T>(dir: string, plan: JournalPlan, work: () => Promise<T>): Promise<T> {
  await writeFileAtomic(dir, JOURNAL_NAME, JSON.stringify({ version: 1, pid: process.pid, ...plan }));
  let value: T;
  try {
    value = await work();
  } catch (error) {
    await recoverJournal(dir).catch(() => undefined);
    throw error;
  }
  await rm(join(dir, JOURNAL_NAME), { force: true });
  return value;
}

/** Whether `dir` holds a journal (cheap: checked before taking the lock to recover it). */
export function hasJournal(dir: string): Promise<boolean> {
  return access(join(dir, JOURNAL_NAME)).then(
    () => true,
    () => false,
  );
}

/**
 * Finishes or undoes the edit a journal in `dir` describes, then removes the journal. Returns what
 * it did, or null when there was no journal. Call it holding the folder lock.
 */
export async function recoverJournal(dir: string): Promise<Recovery | null> {
  const path = join(dir, JOURNAL_NAME);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let journal: z.infer<typeof journalSchema>;
  try {
    journal = journalSchema.parse(JSON.parse(text));
  } catch {
    // Written atomically by Dossier, so this is not one of its journals: nothing can be done with it.
    await rm(path, { force: true });
    return { action: 'unknown', outcome: 'unreadable', pid: null };
  }
  const committed = journal.commit === null || (await holds(dir, journal.commit.name, journal.commit.sha256));
  if (committed) {
    for (const name of journal.removes) await rm(join(dir, name), { force: true });
  } else {
    for (const { name, content } of journal.restores) {
      if (content === null) await rm(join(dir, name), { force: true });
      else await writeFileAtomic(dir, name, content);
    }
  }
  await rm(path, { force: true });
  return { action: journal.action, outcome: committed ? 'completed' : 'undone', pid: journal.pid };
}

async function holds(dir: string, name: string, expected: string): Promise<boolean> {
  const read = await readRegularFile(join(dir, name), Number.MAX_SAFE_INTEGER, () => '');
  return read.ok && sha256(read.bytes) === expected;
}
