/**
 * One background round every `intervalMs`, never two at once: a round still running when the
 * timer fires again is left to finish, and that tick is skipped. A failed round is dropped (the
 * next one retries: the database, not the timer, holds what is due). The timer does not keep the
 * process alive; `stop` clears it and waits for the round under way.
 */
export function startPoller(
  round: () => Promise<unknown>,
  intervalMs: number,
): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = round()
      .catch(() => undefined)
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
