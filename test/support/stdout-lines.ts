/** What a handler wrote to stdout while `run` ran, one parsed JSON object per line (log lines and embedded metrics alike). */
export const stdoutLinesOf = async (run: () => unknown): Promise<Record<string, unknown>[]> => {
  const lines: string[] = [];
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    return true;
  });
  try {
    await run();
  } finally {
    write.mockRestore();
  }
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
};

/** The lines with the given log message. */
export const linesWithMessage = (lines: Record<string, unknown>[], message: string) => lines.filter((line) => line.message === message);
