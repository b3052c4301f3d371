import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../../scripts/cli/io';

/** The CLI's output captured as strings; `tty` makes stderr look like a terminal. */
export const captureIo = (options: { tty?: boolean } = {}) => {
  const output = { stdout: '', stderr: '' };
  const io: CliIo = {
    stdout: { write: (text: string) => (output.stdout += text) },
    stderr: { write: (text: string) => (output.stderr += text), isTTY: options.tty ?? false, columns: 200 },
  };
  return { io, output };
};

/** A scratch folder for input files, removed by `remove`. */
export const scratchFolder = () => {
  const folder = mkdtempSync(join(tmpdir(), 'ordo-cli-'));
  return {
    write: (name: string, content: string) => {
      const path = join(folder, name);
      writeFileSync(path, content);
      return path;
    },
    remove: () => rmSync(folder, { recursive: true, force: true }),
  };
};
