/**
 * What a handler wrote while `run` ran, one parsed JSON object per line, in order: log lines
 * (errors go to stderr) and embedded metrics alike, as CloudWatch Logs would receive them.
 */
export const linesWrittenBy = async (run: () => unknown): Promise<Record<string, unknown>[]> => {
  const lines: string[] = [];
  const capture = (chunk: string | Uint8Array) => {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    return true;
  };
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(capture);
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(capture);
  try {
    await run();
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
};

/** The lines with the given log message. */
export const linesWithMessage = (lines: Record<string, unknown>[], message: string) => lines.filter((line) => line.message === message);
