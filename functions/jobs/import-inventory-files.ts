import type { ScheduledEvent } from 'aws-lambda';
import { inventoryImports } from '../../shared/composition/inventory-imports';
import { importDroppedFiles } from '../../shared/domain/jobs/import-dropped-files';
import { consumerHandler } from '../../shared/runtime/lambda-handler';

/** Scheduled: imports the new stock files of every account, one after the other, oldest first. */
export const handler = consumerHandler(inventoryImports, (_event: ScheduledEvent, lambda, context) =>
  importDroppedFiles({ remainingMs: () => lambda.getRemainingTimeInMillis() }, context),
);
