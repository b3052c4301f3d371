import type { AuditKind, AuditRecord } from './engine-model';

export type AuditDetails = Pick<
  AuditRecord,
  'name' | 'props' | 'durationMs' | 'from' | 'to' | 'message' | 'outcome' | 'inlineEventId'
>;

/** The audit records of one execution; seq is the position, so the trail can be cut back. */
export class AuditTrail {
  readonly records: AuditRecord[] = [];

  constructor(
    private readonly eventId: string,
    private readonly rootEntityType: string,
    private readonly rootRef: string,
    private readonly at: string,
  ) {}

  get size(): number {
    return this.records.length;
  }

  add(kind: AuditKind, entityType: string, entityRef: string, details?: AuditDetails): void {
    const record: AuditRecord = {
      eventId: this.eventId,
      seq: this.records.length + 1,
      at: this.at,
      kind,
      entityType,
      entityRef,
      rootEntityType: this.rootEntityType,
      rootRef: this.rootRef,
    };
    if (details) {
      // Only defined values: stores such as DynamoDB reject undefined attributes.
      for (const field of Object.keys(details) as (keyof AuditDetails)[]) {
        if (details[field] !== undefined) (record as unknown as Record<string, unknown>)[field] = details[field];
      }
    }
    this.records.push(record);
  }

  /** Drops every record after the first `size`, e.g. those of a run that failed. */
  truncate(size: number): void {
    this.records.length = Math.min(size, this.records.length);
  }
}
