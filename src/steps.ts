/**
 * Long computations (indexing a corpus, finding its republished paragraphs) are written as
 * generators that yield between slices of work, so one piece of code serves two callers: a
 * script or test runs it straight through, and the bot runs it giving the event loop a turn
 * after every slice. A rebuild of a million passages is minutes of work; without the turns the
 * bot could not answer anyone, or keep its Discord connection alive, until it ended.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs the steps to the end at once. */
export function runSteps<T>(steps: Steps<T>): T {
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/** Runs the steps, letting other work (timers, network, interactions) run between them. */
export async function runStepsYielding<T>(steps: Steps<T>): Promise<T> {
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
