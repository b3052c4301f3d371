import { spawnSync } from 'node:child_process';

const INSTALL_HINT = [
  'DynamoDB Local needs Java 17 or newer. Install it, then run npm start again:',
  '  Debian/Ubuntu: sudo apt-get install -y openjdk-17-jre-headless',
  '  macOS:         brew install openjdk@17',
].join('\n');

/** Stops with the install command when java is missing or too old. */
export const assertJava = (): void => {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) throw new Error(`java was not found.\n${INSTALL_HINT}`);
  const match = /version "(\d+)/.exec(`${result.stderr}${result.stdout}`);
  const major = match ? Number(match[1]) : 0;
  if (major > 0 && major < 17) throw new Error(`java ${major} is too old.\n${INSTALL_HINT}`);
};
