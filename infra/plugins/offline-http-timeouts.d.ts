export interface ServerlessFunctionTimeout {
  timeout?: number;
  events?: Record<string, unknown>[];
}
export const API_GATEWAY_LIMIT_SECONDS: number;
export function raiseHttpTimeouts(functions: Record<string, ServerlessFunctionTimeout>, providerTimeout?: number): void;
