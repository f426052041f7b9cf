import { analyze } from '../analyzer.ts';
import type { QuestionWord } from './types.ts';

/**
 * The first stage: the question's words as search terms, read as passages are (aliases, stop
 * words, stems), less the words that frame a question ("tell me", "how many"), each with the
 * words around it, which later stages use to choose senses and phrases.
 */
export function readQuestion(question: string): QuestionWord[] {
  return analyze(question, 'question');
}
