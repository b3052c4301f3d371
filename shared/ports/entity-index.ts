import type { Entity } from '../engine/engine-model';

export interface EntityListQuery {
  entityType: string;
  status?: string;
  retailerId?: string;
  /**
   * Only entities whose ref begins with this (case-sensitive). A search reads a bounded number
   * of index items per call, so its page may hold fewer than `limit` items and still a cursor.
   */
  refPrefix?: string;
  limit: number;
  cursor?: string;
  /** Oldest first instead (by creation, or by last update within a status). */
  oldestFirst?: boolean;
}

/** Entities of one account listed by type, newest first, optionally in one status. */
export interface EntityIndex {
  list(query: EntityListQuery): Promise<{ items: Entity[]; cursor?: string }>;
}
