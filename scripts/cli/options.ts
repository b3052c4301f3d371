import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError, type CliEnv } from './io';

/** Options every command that calls the API takes. */
export const CONNECTION_OPTIONS = {
  account: { type: 'string' },
  url: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options'];

/** `parseArgs` in strict mode, with its complaints turned into usage errors. */
export const parseCommandLine = <const T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T) => {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
};

export const defaultBaseUrl = (env: CliEnv) => env.ORDO_URL || `http://localhost:${env.PORT || 3000}`;

export const apiKeyFrom = (account: string | undefined, env: CliEnv) => {
  const apiKey = account || env.ORDO_API_KEY;
  if (!apiKey) throw new UsageError('--account <apiKey> is required (or set ORDO_API_KEY)');
  return apiKey;
};

export const integerOption = (value: string | undefined, name: string, bounds: { min: number; max: number; default: number }) => {
  if (value === undefined) return bounds.default;
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || number < bounds.min || number > bounds.max) {
    throw new UsageError(`--${name} must be a whole number from ${bounds.min} to ${bounds.max}, got "${value}"`);
  }
  return number;
};

export const onePositional = (positionals: string[], what: string) => {
  if (positionals.length === 0) throw new UsageError(`${what} is required`);
  if (positionals.length > 1) throw new UsageError(`expected one ${what}, got ${positionals.length}: ${positionals.join(' ')}`);
  return positionals[0];
};
