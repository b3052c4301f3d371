import * as z from 'zod';

/**
 * The fields of Fluent Commerce's inventory batch records (the InventoryPost of
 * https://docs.fluentcommerce.com/by-type/knowledge_tracks/integrate-and-connect/inventory-batches
 * and https://docs.fluentcommerce.com/essential-knowledge/inventory-batch-api) that Ordo's own
 * records lack. A migrating integration sends them unchanged: each is mapped, or reported as
 * ignored or unsupported on the records that carried it, instead of failing the record.
 */
export const fluentRecordFields = {
  correctedQty: z.number().int().min(-1_000_000_000).max(1_000_000_000).optional(),
  retailerId: z.union([z.string().max(100), z.number().int().nonnegative()]).transform(String).optional(),
  type: z.string().max(100).optional(),
  action: z.string().max(100).optional(),
  inventoryId: z.union([z.string().max(200), z.number()]).optional(),
  reservedQty: z.number().optional(),
  attributes: z.record(z.string(), z.unknown()).optional(),
  dateAtLocation: z.string().max(100).optional(),
  expectedOn: z.string().max(100).optional(),
  status: z.string().max(100).optional(),
};

type FluentFields = { [K in keyof typeof fluentRecordFields]?: z.output<(typeof fluentRecordFields)[K]> };

/** What became of a Fluent field, on every record that carried it. */
export interface FieldNote {
  field: string;
  code: 'MAPPED_FIELD' | 'IGNORED_FIELD' | 'UNSUPPORTED_FIELD';
  message: string;
  /** Indexes of the records that carried it, in the batch as sent. */
  records: number[];
}

type Note = Omit<FieldNote, 'records'>;

const IGNORED: Record<string, string> = {
  inventoryId: 'Ordo finds a position by skuRef and locationRef',
  reservedQty: 'Ordo keeps its own reservations, from the orders it sources',
};

const UNSUPPORTED: Record<string, string> = {
  attributes: 'Ordo keeps no attributes on stock positions; the value is dropped',
  dateAtLocation: 'Ordo has no future stock; the value is dropped',
  expectedOn: 'Ordo has no future stock; the value is dropped',
  status: 'Ordo has no position status; the value is dropped',
};

/** The on-hand count types Ordo takes: Fluent's default, a full count of the stock on hand. */
const ON_HAND_TYPES = ['LAST_ON_HAND'];

/**
 * A record's Fluent fields read against the job they are sent to: the on-hand count they
 * make of `qty`, what became of each field, or why the record cannot be applied (the field named).
 */
export const readFluentFields = (
  record: FluentFields & { qty: number },
  job: { retailerId?: string },
): { onHand: number; notes: Note[] } | { problem: string } => {
  const notes: Note[] = [];
  if (record.retailerId !== undefined) {
    if (job.retailerId !== undefined && record.retailerId !== job.retailerId) return { problem: `retailerId: ${record.retailerId} is not the job's retailer ${job.retailerId}` };
    notes.push({ field: 'retailerId', code: 'IGNORED_FIELD', message: "the job's retailer; a job's records are all its retailer's" });
  }
  if (record.type !== undefined) {
    if (!ON_HAND_TYPES.includes(record.type)) return { problem: `type: only ${ON_HAND_TYPES.join(', ')} counts are supported, not ${record.type.slice(0, 64)}` };
    notes.push({ field: 'type', code: 'IGNORED_FIELD', message: 'qty is always the on-hand count, as LAST_ON_HAND' });
  }
  if (record.action !== undefined) {
    if (record.action !== 'UPSERT') return { problem: `action: only UPSERT is supported, not ${record.action.slice(0, 64)}` };
    notes.push({ field: 'action', code: 'IGNORED_FIELD', message: "the batch's action; every record is an UPSERT" });
  }
  for (const [field, message] of Object.entries(IGNORED)) {
    if (record[field as keyof FluentFields] !== undefined) notes.push({ field, code: 'IGNORED_FIELD', message });
  }
  for (const [field, message] of Object.entries(UNSUPPORTED)) {
    if (record[field as keyof FluentFields] !== undefined) notes.push({ field, code: 'UNSUPPORTED_FIELD', message });
  }
  if (record.correctedQty === undefined) return { onHand: record.qty, notes };
  const onHand = record.qty + record.correctedQty;
  if (onHand > 1_000_000_000) return { problem: `correctedQty: qty ${record.qty} corrected by ${record.correctedQty} is over 1,000,000,000` };
  if (onHand < 0) return { problem: `correctedQty: qty ${record.qty} corrected by ${record.correctedQty} would leave less than nothing on hand` };
  notes.push({ field: 'correctedQty', code: 'MAPPED_FIELD', message: 'added to qty: the on-hand count is qty + correctedQty' });
  return { onHand, notes };
};

/** Notes of many records gathered by field: one entry per field, listing the records. */
export const gatherNotes = () => {
  const byField = new Map<string, FieldNote>();
  return {
    add: (index: number, notes: readonly Note[]) => {
      for (const note of notes) {
        const gathered = byField.get(note.field) ?? { ...note, records: [] };
        gathered.records.push(index);
        byField.set(note.field, gathered);
      }
    },
    notes: (): FieldNote[] => [...byField.values()],
  };
};
