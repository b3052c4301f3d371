import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  paginateListObjectsV2,
  PutObjectCommand,
  S3Client,
  type _Object,
} from '@aws-sdk/client-s3';
import { DROP_ROOT, movedKeyOf, parseDropKey, reportKeyOf } from '../../domain/jobs/drop-keys';
import type { DropFile, DropFolder, ImportDrop } from '../../ports/import-drop';

/**
 * Tag put on everything moved or written into processed/ and failed/. The bucket's lifecycle rule
 * expires objects tagged `processed` (a prefix filter cannot match `accounts/<any id>/inventory/processed/`).
 */
export const IMPORT_STATE_TAG = 'ordo-import';

const tagging = (to: DropFolder) => `${IMPORT_STATE_TAG}=${to}`;

/**
 * An S3 client for the import bucket. A local endpoint (AWS_ENDPOINT_URL_S3, which the SDK reads
 * itself) serves buckets by path, not by host name; AWS gets the SDK's defaults.
 */
export const createS3Client = (env: NodeJS.ProcessEnv = process.env): S3Client =>
  new S3Client(env.AWS_ENDPOINT_URL_S3 ? { forcePathStyle: true } : {});

const toDropFile = (object: _Object): DropFile | undefined => {
  const parsed = object.Key ? parseDropKey(object.Key) : undefined;
  if (!parsed || !object.Key || !object.ETag) return undefined;
  return {
    key: object.Key,
    ...parsed,
    etag: object.ETag,
    size: object.Size ?? 0,
    lastModified: (object.LastModified ?? new Date(0)).toISOString(),
  };
};

/** The drop folders of every account, in one S3 bucket. */
export class S3ImportDrop implements ImportDrop {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  async listNewFiles(): Promise<DropFile[]> {
    const files: DropFile[] = [];
    for await (const page of paginateListObjectsV2({ client: this.client }, { Bucket: this.bucket, Prefix: DROP_ROOT })) {
      for (const object of page.Contents ?? []) {
        const file = toDropFile(object);
        if (file) files.push(file);
      }
    }
    // Oldest first: when two files count one position, the later upload is applied last.
    return files.sort((a, b) => a.lastModified.localeCompare(b.lastModified) || a.key.localeCompare(b.key));
  }

  async read(file: DropFile): Promise<{ etag: string; chunks: AsyncIterable<Uint8Array> }> {
    const { Body, ETag } = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: file.key, IfMatch: file.etag }));
    // In Node the body is an IncomingMessage: a Readable, which yields Buffers (Uint8Arrays).
    if (!Body || !(Symbol.asyncIterator in Body)) throw new Error(`s3://${this.bucket}/${file.key} has no readable body`);
    return { etag: ETag ?? file.etag, chunks: Body as AsyncIterable<Uint8Array> };
  }

  async move(file: DropFile, to: DropFolder): Promise<string> {
    const target = movedKeyOf(file, to);
    await this.client.send(
      new CopyObjectCommand({
        Bucket: this.bucket,
        Key: target,
        CopySource: `${this.bucket}/${encodeURIComponent(file.key)}`,
        // Moves the version that was read, never a newer upload under the same key.
        CopySourceIfMatch: file.etag,
        TaggingDirective: 'REPLACE',
        Tagging: tagging(to),
      }),
    );
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: file.key, IfMatch: file.etag }));
    } catch (error) {
      // A newer upload took the key after the copy: it stays, and the next run imports it.
      if ((error as { name?: string }).name !== 'PreconditionFailed') throw error;
    }
    return target;
  }

  async writeReport(file: DropFile, to: DropFolder, report: object): Promise<string> {
    const key = reportKeyOf(movedKeyOf(file, to));
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: `${JSON.stringify(report, null, 2)}\n`,
        ContentType: 'application/json',
        Tagging: tagging(to),
      }),
    );
    return key;
  }
}
