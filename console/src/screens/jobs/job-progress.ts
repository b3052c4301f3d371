import type { Schemas } from '../../api/client';

type Counts = Pick<Schemas['Batch'], 'status' | 'total' | 'applied' | 'unchanged' | 'failed'>;

/** Records dealt with so far, whichever way they went. */
export const doneOf = (counts: Counts) => counts.applied + counts.unchanged + counts.failed;

/** A batch or job still has records to deal with. */
export const isUnfinished = (counts: Pick<Counts, 'status'>) => counts.status === 'PENDING' || counts.status === 'RUNNING';
