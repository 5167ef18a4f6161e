/** A counting semaphore. @internal */
export interface Semaphore {
  /**
   * Runs a task once a slot is free.
   * @param task - the task
   */
  run<T>(task: () => Promise<T>): Promise<T>;
}

/**
 * Creates a counting semaphore with `size` slots (FIFO).
 * @param size - number of tasks that may run at once
 * @returns the semaphore
 * @internal
 */
export function createSemaphore(size: number): Semaphore {
  let free = size;
  const waiting: (() => void)[] = [];
  let head = 0;
  const release = (): void => {
    const next = waiting[head];
    if (next) {
      waiting[head++] = () => {};
      if (head > 1024 && head * 2 > waiting.length) {
        waiting.splice(0, head);
        head = 0;
      }
      next();
    } else free++;
  };
  return {
    async run(task) {
      if (free > 0) free--;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}
