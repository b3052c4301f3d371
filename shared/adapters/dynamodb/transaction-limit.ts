import { DomainError } from '../../domain/domain-errors';
import { MAX_STAGED_CHUNKS } from './staged-stock';

/** DynamoDB's cap on the items of one TransactWriteItems call. */
export const TRANSACTION_LIMIT = 100;

/** Items of every commit: the event record, the claim of its id and the OUTCOME audit record. */
export const FIXED_ITEMS = 3;

export class TransactionTooLargeError extends DomainError {
  constructor(count: number) {
    super(
      'TRANSACTION_TOO_LARGE',
      `One execution would write ${count} entities, claims of new root refs, inventory position items, outbox and scheduled records; its entities, claims, outbox and scheduled records must fit in one transaction (at most ${TRANSACTION_LIMIT - FIXED_ITEMS} items beside the event record, the claim of its id and its outcome), and its stock in that and ${MAX_STAGED_CHUNKS} more`,
    );
  }
}
