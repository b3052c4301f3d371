import type { Context, ScheduledEvent } from 'aws-lambda';
import { inventoryImports } from '../../shared/composition/inventory-imports';
import { importDroppedFiles, type ImportRunDeps } from '../../shared/domain/jobs/import-dropped-files';
import { lambdaHandler } from '../../shared/runtime/lambda-handler';

/** What the scheduled import is built over, per invocation; tests pass fakes through `handler.with(...)`. */
export interface ImportFilesParts {
  context: (lambda: Context) => ImportRunDeps;
}

const over = (parts: Partial<ImportFilesParts>) =>
  lambdaHandler((_event: ScheduledEvent, lambda) =>
    importDroppedFiles({ remainingMs: () => lambda.getRemainingTimeInMillis() }, (parts.context ?? inventoryImports)(lambda)),
  );

/** Scheduled: imports the new stock files of every account, one after the other, oldest first. */
export const handler = Object.assign(over({}), { with: over });
