export interface ServerlessFunctionEvents {
  events?: Record<string, unknown>[];
}
export function oneMessagePerCall(functions: Record<string, ServerlessFunctionEvents>): void;
