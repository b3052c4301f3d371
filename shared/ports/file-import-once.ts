import type { DropFile } from './import-drop';

/** How a file's import went when overlapping runs may list the same file. */
export type FileImportRun<T> =
  /** This run imported it. */
  | { state: 'RAN'; value: T }
  /** An earlier run imported this version of the file; its outcome. */
  | { state: 'DONE_BEFORE'; value: T }
  /** Another run is importing it right now. */
  | { state: 'IN_PROGRESS' };

/**
 * Lets one of the runs that list a version of a file (its key and ETag) import it. A finished import
 * answers for its version for a while; an import that throws is forgotten, so the next run tries again.
 */
export interface FileImportOnce {
  run<T>(file: DropFile, importFile: () => Promise<T>): Promise<FileImportRun<T>>;
}
