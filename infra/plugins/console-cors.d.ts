export interface ConsoleCorsSettings {
  origins: string | string[];
  headers: string[];
}

export interface ServerlessHttpFunction {
  events?: Record<string, unknown>[];
}

declare class ConsoleCorsPlugin {
  constructor(serverless: unknown);
  hooks: Record<string, () => void>;
  apply(): void;
}

declare namespace ConsoleCorsPlugin {
  /** Puts `cors` on every `http` event when the settings list an origin; answers how many events it changed. */
  function applyConsoleCors(functions: Record<string, ServerlessHttpFunction>, settings: ConsoleCorsSettings | undefined): number;
  function consoleOrigins(origins: string | string[] | undefined): string[];
  /** Drops credentials, and every Access-Control-* header for an origin not in the list; in place. */
  function keepToConsoleOrigins(headers: Record<string, unknown>, origin: string, origins: string[]): void;
}

export = ConsoleCorsPlugin;
