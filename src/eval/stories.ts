import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { OperationalError } from '../errors.ts';

/**
 * A story Dossier is measured on: a folder under eval/stories/ with `story.json`, its articles as
 * scraped (`articles/`, or `corpus` elsewhere), `questions.json` (answerable and off-topic
 * questions with gold snippets), and optionally `pages.gold.json` (what each page states: title,
 * outlet, date, furniture) and `timeline.gold.json` (dated events). A held-out story is never
 * tuned on: its figures say how Dossier does on a story it has not seen.
 */
export interface Story {
  readonly name: string;
  readonly kind: string;
  readonly heldOut: boolean;
  readonly dir: string;
  readonly corpusDir: string;
  /** The story's questions, then any shared set beside the repository (development checkouts only). */
  readonly questionFiles: readonly string[];
  readonly pagesGold: string | null;
  readonly timelineGold: string | null;
}

const storySchema = z.object({
  name: z.string().min(1),
  kind: z.string().min(1),
  about: z.string(),
  heldOut: z.boolean(),
  articles: z.number().int().optional(),
  /** The articles' folder, relative to the story's; default `articles`. */
  corpus: z.string().optional(),
  /** Another question file over the same articles, scored when it exists. */
  sharedQuestions: z.string().optional(),
});

const STORIES_DIR = 'eval/stories';

function readStory(dir: string): Story {
  const path = join(dir, 'story.json');
  let parsed;
  try {
    parsed = storySchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  } catch (error) {
    throw new OperationalError('bad_story', `${path} is not a story description: ${(error as Error).message}`);
  }
  const optional = (file: string): string | null => (existsSync(join(dir, file)) ? join(dir, file) : null);
  const questionFiles = [join(dir, 'questions.json')];
  if (parsed.sharedQuestions && existsSync(resolve(dir, parsed.sharedQuestions)))
    questionFiles.push(resolve(dir, parsed.sharedQuestions));
  return {
    name: parsed.name,
    kind: parsed.kind,
    heldOut: parsed.heldOut,
    dir,
    corpusDir: resolve(dir, parsed.corpus ?? 'articles'),
    questionFiles,
    pagesGold: optional('pages.gold.json'),
    timelineGold: optional('timeline.gold.json'),
  };
}

/** Every story under `root`: the bundled seed first, held-out stories last, the rest by name. */
export function findStories(root: string = STORIES_DIR): Story[] {
  const stories = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, 'story.json')))
    .map((entry) => readStory(join(root, entry.name)));
  const order = (story: Story): number => (story.name === 'seed' ? 0 : story.heldOut ? 2 : 1);
  return stories.sort((a, b) => order(a) - order(b) || (a.name < b.name ? -1 : 1));
}
