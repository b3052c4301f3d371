import type { Entity } from '../engine/engine-model';

/** Entities of one account listed by type, newest first, optionally in one status. */
export interface EntityIndex {
  list(query: {
    entityType: string;
    status?: string;
    retailerId?: string;
    limit: number;
    cursor?: string;
    /** Oldest first instead (by creation, or by last update within a status). */
    oldestFirst?: boolean;
  }): Promise<{ items: Entity[]; cursor?: string }>;
}
