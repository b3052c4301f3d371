import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { StockPosition } from '../../engine/engine-model';

/**
 * The availability read model: one item per SKU, `AVAIL#<skuRef>` / `SUMMARY`, holding the figures of
 * every location of the SKU, so sourcing reads one item per SKU however many locations there are.
 * `packed` is one binary attribute, raw deflate of `<refs>\t<figures>`:
 * - refs: the location refs joined by newlines (a ref holds neither a newline nor a tab);
 * - figures: JSON, three numbers per location in the same order: onHand, reserved, safetyStock.
 *   onHand is null where only a reservation item exists (no count: not a position); not a negative
 *   number, since a CONSUME after a recount below the reservations leaves a count below zero.
 * One compressed value, not a map: DynamoDB and the SDK hand back one value far faster than thousands
 * of attributes, JSON.parse reads a list of numbers faster than anything hand-written, and refs that
 * share prefixes compress several times over, so the response and the item stay small (5,000
 * locations of `LOC-0001` refs pack into about 11 KB, 20,000 of longer, varied refs into about 110 KB).
 * `version` grows by one with each write; every write is conditioned on the version it read.
 * A summary past SUMMARY_LIMIT_BYTES is stored `overflow: true` without figures, and read exactly.
 */
export const SUMMARY_SORT_KEY = 'SUMMARY';
export const summaryPartition = (skuRef: string) => `AVAIL#${skuRef}`;
export const summaryKey = (skuRef: string) => ({ PK: summaryPartition(skuRef), SK: SUMMARY_SORT_KEY });
export const isSummaryPartition = (pk: string) => pk.startsWith('AVAIL#');

/** Under DynamoDB's 400 KB item, with room for the key and the other attributes; of the packed bytes. */
export const SUMMARY_LIMIT_BYTES = 350_000;

/** What the summary keeps of one location: the count's figures and the reservations'. */
export interface SummaryFigures {
  /** Undefined where nothing was ever counted. */
  count?: { onHand: number; safetyStock: number };
  reserved: number;
}

export interface Summary {
  skuRef: string;
  version: number;
  /** Undefined when the figures did not fit in one item: read the SKU exactly. */
  figures?: Map<string, SummaryFigures>;
}

export const summaryItem = (summary: Summary): Record<string, unknown> => {
  const base = { ...summaryKey(summary.skuRef), skuRef: summary.skuRef, version: summary.version };
  if (!summary.figures) return { ...base, overflow: true };
  const refs: string[] = [];
  const numbers: (number | null)[] = [];
  for (const [locationRef, { count, reserved }] of summary.figures) {
    if (!count && reserved === 0) continue;
    refs.push(locationRef);
    numbers.push(count ? count.onHand : null, reserved, count?.safetyStock ?? 0);
  }
  if (refs.some((ref) => ref.includes('\n') || ref.includes('\t'))) return { ...base, overflow: true };
  const packed = deflateRawSync(Buffer.from(`${refs.join('\n')}\t${JSON.stringify(numbers)}`));
  return packed.length > SUMMARY_LIMIT_BYTES ? { ...base, overflow: true } : { ...base, packed };
};

/** The refs and figures of a packed summary; none for an item without them. */
const unpacked = (item: Record<string, unknown>): { refs: string[]; numbers: (number | null)[] } => {
  if (!(item.packed instanceof Uint8Array)) return { refs: [], numbers: [] };
  const text = inflateRawSync(item.packed).toString('utf8');
  const tab = text.indexOf('\t');
  const refs = tab > 0 ? text.slice(0, tab).split('\n') : [];
  return { refs, numbers: JSON.parse(text.slice(tab + 1)) as (number | null)[] };
};

export const summaryFromItem = (item: Record<string, unknown>): Summary => {
  const summary: Summary = { skuRef: item.skuRef as string, version: Number(item.version ?? 0) };
  if (item.overflow === true) return summary;
  const { refs, numbers } = unpacked(item);
  summary.figures = new Map();
  for (const [i, locationRef] of refs.entries()) {
    const onHand = numbers[3 * i];
    const figures: SummaryFigures = { reserved: numbers[3 * i + 1] ?? 0 };
    if (onHand !== null) figures.count = { onHand, safetyStock: numbers[3 * i + 2] ?? 0 };
    summary.figures.set(locationRef, figures);
  }
  return summary;
};

/**
 * The positions a summary holds, as a consistent read of the SKU's partition would give them,
 * without `updatedOn`. Read straight from the item: this is the path every availability check takes.
 */
export const positionsOfSummaryItem = (item: Record<string, unknown>): StockPosition[] | undefined => {
  if (item.overflow === true) return undefined;
  const skuRef = item.skuRef as string;
  const { refs, numbers } = unpacked(item);
  const positions: StockPosition[] = [];
  for (let i = 0; i < refs.length; i++) {
    const onHand = numbers[3 * i];
    if (onHand === null) continue;
    const reserved = numbers[3 * i + 1] ?? 0;
    const safetyStock = numbers[3 * i + 2] ?? 0;
    positions.push({ skuRef, locationRef: refs[i], onHand, reserved, safetyStock, available: onHand - reserved - safetyStock });
  }
  return positions;
};

/** The figures of a SKU's partition read whole (a rebuild): counts, and reservations even without a count. */
export const figuresOfItems = (items: readonly Record<string, unknown>[]): Map<string, SummaryFigures> => {
  const figures = new Map<string, SummaryFigures>();
  const of = (locationRef: string) => figures.get(locationRef) ?? figures.set(locationRef, { reserved: 0 }).get(locationRef)!;
  for (const item of items) {
    const sk = item.SK as string;
    const locationRef = item.locationRef as string;
    if (sk.startsWith('RES#')) of(locationRef).reserved = Number(item.reserved ?? 0);
    else if (sk.startsWith('LOC#')) of(locationRef).count = { onHand: Number(item.onHand ?? 0), safetyStock: Number(item.safetyStock ?? 0) };
  }
  return figures;
};
