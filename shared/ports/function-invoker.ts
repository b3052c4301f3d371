/** What one invocation of a function version answered. */
export interface Invocation {
  /** The error type when the function failed (threw, timed out, could not load). */
  functionError?: string;
  /** The parsed answer, or the raw text when it is not JSON. */
  payload: unknown;
}

/** Invokes one version of one of the stage's functions directly, around any alias. */
export interface FunctionInvoker {
  invoke(functionName: string, version: string, event: unknown): Promise<Invocation>;
}
