import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { OperationalError } from '../errors.ts';

const questionFileSchema = z.object({
  about: z.string().optional(),
  questions: z
    .array(
      z.object({ id: z.string(), question: z.string().min(1), gold: z.array(z.string()), kind: z.string().optional() }),
    )
    .min(1),
});

export type EvalQuestion = z.infer<typeof questionFileSchema>['questions'][number];

export async function readQuestions(path: string): Promise<EvalQuestion[]> {
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new OperationalError('bad_question_file', `Cannot read questions from ${path}: ${(error as Error).message}`);
  }
  const parsed = questionFileSchema.safeParse(data);
  if (!parsed.success)
    throw new OperationalError(
      'bad_question_file',
      `${path} is not a question file: ${parsed.error.issues[0]!.path.join('.')} ${parsed.error.issues[0]!.message}`,
    );
  return parsed.data.questions;
}
