import { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { createS3Client, S3ImportDrop } from '../adapters/s3/s3-import-drop';
import { TTL_ATTRIBUTE } from '../adapters/dynamodb/table-schemas';
import type { ImportFileDeps } from '../domain/jobs/import-inventory-file';
import { dependencies, dynamoDbClient } from './dependencies';
import { jobsFor } from './jobs';

/**
 * How long a finished import's idempotency record answers for its file version (bucket + key + ETag).
 * It only has to outlast a schedule run that listed the file before another run moved it: a run lasts
 * at most the function's 300 s. The same content dropped again under the same name within this time
 * waits in the folder until the record expires, then is imported as a new file.
 */
export const IMPORT_IDEMPOTENCY_SECONDS = 15 * 60;

export interface Imports {
  bucket: string;
  deps: ImportFileDeps;
  idempotency: { persistenceStore: DynamoDBPersistenceLayer; config: IdempotencyConfig };
}

let built: Imports | undefined;

/**
 * The scheduled import: the drop bucket, the control plane that says which accounts exist, each
 * account's jobs, and Powertools idempotency records in the control-plane table.
 */
export const imports = (): Imports => {
  if (!built) {
    const { settings, controlPlane, clock } = dependencies();
    built = {
      bucket: settings.importBucket,
      deps: { drop: new S3ImportDrop(createS3Client(), settings.importBucket), accounts: controlPlane, jobsFor, clock },
      idempotency: {
        // The control-plane table is keyed PK (hash) + SK (range) with TTL on expiresAt, like
        // ControlPlaneTable in serverless.yml: every record shares one PK and the idempotency key is
        // the SK, so the records stay out of the account items (ACCOUNT#…) and the GSI1 listings.
        persistenceStore: new DynamoDBPersistenceLayer({
          tableName: settings.controlTableName,
          keyAttr: 'PK',
          sortKeyAttr: 'SK',
          staticPkValue: 'IDEMPOTENCY#importInventoryFile',
          expiryAttr: TTL_ATTRIBUTE,
          awsSdkV3Client: dynamoDbClient(),
        }),
        config: new IdempotencyConfig({ expiresAfterSeconds: IMPORT_IDEMPOTENCY_SECONDS }),
      },
    };
  }
  return built;
};
