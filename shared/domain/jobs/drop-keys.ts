import type { DropFile, DropFolder } from '../../ports/import-drop';

/** Where files are dropped, moved and reported in the import bucket: one layout for the S3 adapter, the import and the CLI. */
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
