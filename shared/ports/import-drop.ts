/**
 * Where accounts drop stock files for the scheduled import. Layout (one bucket for every account):
 *
 *   accounts/<accountId>/inventory/<name>                       a new file, waiting
 *   accounts/<accountId>/inventory/processed/<name>             imported (a job was run)
 *   accounts/<accountId>/inventory/processed/<name>.report.json its report
 *   accounts/<accountId>/inventory/failed/<name>                refused, nothing written
 *   accounts/<accountId>/inventory/failed/<name>.report.json    why
 */

/** A file waiting directly under an account's inventory prefix. */
export interface DropFile {
  /** The full object key. */
  key: string;
  /** Taken from the key; not checked against the control plane here. */
  accountId: string;
  /** The file name: the last segment of the key. */
  name: string;
  /** Identifies this version of the content; a re-upload with other content has another. */
  etag: string;
  size: number;
  lastModified: string;
}

export type DropFolder = 'processed' | 'failed';

export interface ImportDrop {
  /** Every new file of every account, oldest first; never moved files or reports. */
  listNewFiles(): Promise<DropFile[]>;
  /**
   * The file's bytes as they arrive, and its ETag. Fails when the content is no longer the version
   * listed (another upload replaced it), so two reads of one DropFile see the same bytes.
   */
  read(file: DropFile): Promise<{ etag: string; chunks: AsyncIterable<Uint8Array> }>;
  /** Moves the file into `processed/` or `failed/` beside it; returns the new key. */
  move(file: DropFile, to: DropFolder): Promise<string>;
  /** Writes `<moved key>.report.json` as JSON; returns its key. */
  writeReport(file: DropFile, to: DropFolder, report: object): Promise<string>;
}
