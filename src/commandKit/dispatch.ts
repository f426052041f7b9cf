/**
 * Where `runCommand` used to live, kept for test/rebuild-in-a-worker.test.ts and bench/reload.ts
 * (another change is editing them): they should import it from src/app/commands.ts, and then this
 * file goes. The command kit knows no commands; dispatch is ./dispatcher.ts.
 */
export { runCommand } from '../app/commands.ts';
