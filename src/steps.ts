/**
 * Long computations (indexing a corpus, finding its republished paragraphs, assembling a corpus a
 * worker built) are written as generators that yield between slices of work, so one piece of code
 * serves two callers: a script or test runs it straight through, and the bot runs it giving the
 * event loop a turn between slices. A rebuild of a million passages is minutes of work; without
 * the turns the bot could not answer anyone, or keep its Discord connection alive, until it ended.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs the steps to the end at once. */
export function runSteps<T>(steps: Steps<T>): T {
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/**
 * Runs the steps, letting other work (timers, network, interactions) run between them: after every
 * step, or, with `sliceMs`, once that long has passed since the last turn (for steps too small to
 * be worth a turn each, so the slices stay about `sliceMs` long on any machine).
 */
export async function runStepsYielding<T>(steps: Steps<T>, sliceMs = 0): Promise<T> {
  let sliceStart = performance.now();
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    if (sliceMs > 0 && performance.now() - sliceStart < sliceMs) continue;
    await new Promise<void>((resolve) => setImmediate(resolve));
    sliceStart = performance.now();
  }
}
