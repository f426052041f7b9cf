/**
 * Runs `work`; if it is not done within `deferAfterMs`, acknowledges the interaction with `defer`
 * (Discord allows 3 s for the first response, 15 minutes for the edit that follows).
 */
export async function answerWithin<T>(
  deferAfterMs: number,
  defer: () => Promise<unknown>,
  work: () => Promise<T>,
): Promise<T> {
  // Work that may block the event loop for seconds is acknowledged first: no timer could fire during it.
  if (deferAfterMs <= 0) {
    await defer();
    return work();
  }
  const running = work();
  let timer: NodeJS.Timeout | undefined;
  const slow = new Promise<'slow'>((resolve) => (timer = setTimeout(() => resolve('slow'), deferAfterMs)));
  const first = await Promise.race([
    running.then(
      () => 'done' as const,
      () => 'done' as const,
    ),
    slow,
  ]);
  clearTimeout(timer);
  if (first === 'slow') await defer();
  return running;
}
