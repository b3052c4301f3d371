/**
 * Runs the tasks with at most `limit` in flight, and answers their results in task order.
 * Bulk work (a chunk's BatchWriteItem groups, its position events) uses it so one chunk
 * cannot flood the table or the queue.
 */
export const inParallel = async <T>(tasks: readonly (() => Promise<T>)[], limit: number): Promise<T[]> => {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
};
