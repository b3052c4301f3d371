/** Text helpers shared by the progress bar and the reports; independent of the locale. */

/** A whole number with thousands separators: 26,000. */
export const formatCount = (value: number) => String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export const formatSeconds = (seconds: number) => {
  if (!Number.isFinite(seconds)) return '--';
  const total = Math.max(0, Math.round(seconds));
  if (total < 60) return `${total}s`;
  const minutes = Math.floor(total / 60);
  if (minutes < 60) return `${minutes}m${String(total % 60).padStart(2, '0')}s`;
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
};

export const formatBytes = (bytes: number) => {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
};

/** Left-aligned columns, two spaces apart; numbers are right-aligned. */
export const formatTable = (rows: (string | number)[][]) => {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => cell(row[column]).length)));
  return rows
    .map((row) =>
      row
        .map((value, column) =>
          typeof value === 'number' ? cell(value).padStart(widths[column]) : cell(value).padEnd(widths[column]),
        )
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
};

const cell = (value: string | number | undefined) => (typeof value === 'number' ? formatCount(value) : (value ?? ''));

/** `SKU-1@LOC-1`; values that are not text (a JSON Lines file may hold anything) are shown as JSON. */
export const formatRefs = (skuRef: unknown, locationRef: unknown) =>
  [skuRef, locationRef].map((value) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? '?'))).join('@');
