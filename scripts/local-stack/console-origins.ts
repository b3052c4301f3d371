import { parseConsoleOrigins } from '../../shared/http/console-origin';

/** The console's port on the local stack (`ORDO_CONSOLE_PORT`). */
export const DEFAULT_CONSOLE_PORT = 3003;

/**
 * The origins the local API answers CORS for: `ORDO_CONSOLE_ORIGINS` when set, else the console
 * served on `ORDO_CONSOLE_PORT` by either of the names a browser may use for this machine.
 */
export const localConsoleOrigins = (env: NodeJS.ProcessEnv = process.env): string[] => {
  if (env.ORDO_CONSOLE_ORIGINS !== undefined) return parseConsoleOrigins(env.ORDO_CONSOLE_ORIGINS);
  const port = env.ORDO_CONSOLE_PORT || String(DEFAULT_CONSOLE_PORT);
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
};
