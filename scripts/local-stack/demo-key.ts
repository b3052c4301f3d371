import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isLoopbackUrl } from '../../shared/composition/smoke-target';

const DEMO_KEY_FILE = join(__dirname, '..', '..', '.ordo', 'demo-key');

/** The demo account's key that `npm start` writes, for a target on this machine only; undefined elsewhere or without a stack. */
export const localDemoKey = (base: string): string | undefined => {
  const local = URL.canParse(base) && isLoopbackUrl(new URL(base));
  return local && existsSync(DEMO_KEY_FILE) ? readFileSync(DEMO_KEY_FILE, 'utf8').trim() || undefined : undefined;
};
