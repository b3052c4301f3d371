import { IdempotencyAlreadyInProgressError, IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Context } from 'aws-lambda';
import type { DropFile } from '../../ports/import-drop';
import type { FileImportOnce, FileImportRun } from '../../ports/file-import-once';
import { TTL_ATTRIBUTE } from '../dynamodb/table-schemas';

/** What identifies one version of a dropped file: the idempotency key is its hash. */
interface FileVersion {
  bucket: string;
  key: string;
  etag: string;
}

interface ImportCall {
  importFile(): Promise<unknown>;
}

export interface FileImportOnceOptions {
  client: DynamoDBClient;
  /** The control-plane table. */
  tableName: string;
  bucket: string;
  /** How long a finished import's record answers for its file version. */
  expiresAfterSeconds: number;
}

/**
 * Powertools idempotency records, taken in the control-plane table before the import starts. A run
 * that finds the record in progress skips the file; one that finds it complete gets the stored
 * outcome without importing again. An import that throws deletes its record.
 */
export class PowertoolsFileImportOnce implements FileImportOnce {
  private readonly config: IdempotencyConfig;
  private readonly importOnce: (version: FileVersion, call: ImportCall) => Promise<unknown>;
  private readonly bucket: string;

  constructor({ client, tableName, bucket, expiresAfterSeconds }: FileImportOnceOptions) {
    this.bucket = bucket;
    this.config = new IdempotencyConfig({ expiresAfterSeconds });
    this.importOnce = makeIdempotent(async (_version: FileVersion, call: ImportCall) => call.importFile(), {
      // The control-plane table is keyed PK (hash) + SK (range) with TTL on expiresAt, like
      // ControlPlaneTable in serverless.yml: every record shares one PK and the idempotency key is
      // the SK, so the records stay out of the account items (ACCOUNT#…) and the GSI1 listings.
      persistenceStore: new DynamoDBPersistenceLayer({
        tableName,
        keyAttr: 'PK',
        sortKeyAttr: 'SK',
        staticPkValue: 'IDEMPOTENCY#importInventoryFile',
        expiryAttr: TTL_ATTRIBUTE,
        awsSdkV3Client: client,
      }),
      config: this.config,
      keyPrefix: 'importInventoryFile',
    });
  }

  /** The in-progress record of a run that dies expires with that run's remaining time. */
  during(lambda: Context): this {
    this.config.registerLambdaContext(lambda);
    return this;
  }

  async run<T>(file: DropFile, importFile: () => Promise<T>): Promise<FileImportRun<T>> {
    let ran = false;
    try {
      const value = (await this.importOnce(
        { bucket: this.bucket, key: file.key, etag: file.etag },
        {
          importFile: () => {
            ran = true;
            return importFile();
          },
        },
      )) as T;
      return ran ? { state: 'RAN', value } : { state: 'DONE_BEFORE', value };
    } catch (error) {
      if (error instanceof IdempotencyAlreadyInProgressError) return { state: 'IN_PROGRESS' };
      throw error;
    }
  }
}
