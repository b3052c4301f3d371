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

export const DROP_ROOT = 'accounts/';
const INVENTORY = 'inventory';
export const REPORT_SUFFIX = '.report.json';

/**
 * The account and file name of a key `accounts/<accountId>/inventory/<name>`, or undefined for any
 * other key: folders, files deeper down (processed/, failed/, anything else) and reports.
 */
export const parseDropKey = (key: string): { accountId: string; name: string } | undefined => {
  const parts = key.split('/');
  if (parts.length !== 4 || `${parts[0]}/` !== DROP_ROOT || parts[2] !== INVENTORY) return undefined;
  const [, accountId, , name] = parts;
  if (!accountId || !name || name.endsWith(REPORT_SUFFIX)) return undefined;
  return { accountId, name };
};

/** `accounts/<accountId>/inventory/<folder>/<name>` */
export const movedKeyOf = (file: Pick<DropFile, 'accountId' | 'name'>, to: DropFolder): string =>
  `${DROP_ROOT}${file.accountId}/${INVENTORY}/${to}/${file.name}`;

export const reportKeyOf = (movedKey: string): string => `${movedKey}${REPORT_SUFFIX}`;

/** Where an account drops its files. */
export const dropPrefixOf = (accountId: string): string => `${DROP_ROOT}${accountId}/${INVENTORY}/`;
