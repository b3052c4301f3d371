/** Reads `a.b.c` from nested attributes; undefined when any step is missing. */
export const readAttributePath = (attributes: Record<string, unknown> | undefined, path: string): unknown => {
  let value: unknown = attributes;
  for (const step of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[step];
  }
  return value;
};
