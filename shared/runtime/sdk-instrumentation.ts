/** What wraps an AWS SDK client as the composition root builds it (the tracer, where a function loads it). */
type Instrumentation = <C>(client: C) => C;

const instrumentations: Instrumentation[] = [];

/**
 * Registered by the tracer's module when a function imports it. The public routes (health, the
 * fallback) never do: the X-Ray SDK would more than double the health check's bundle, and Lambda's
 * own trace still shows their invocations.
 */
export const instrumentSdkClients = (instrumentation: Instrumentation): void => {
  instrumentations.push(instrumentation);
};

/** The client with every registered instrumentation; built once per container, after the handler's imports ran. */
export const instrumented = <C>(client: C): C => instrumentations.reduce((wrapped, instrumentation) => instrumentation(wrapped), client);
