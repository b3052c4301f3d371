type TracerModule = typeof import('../../../shared/runtime/tracer');

/** The tracer module loaded afresh with `env` laid over the process's, and whether it loaded Powertools' tracer. */
const tracerModuleWith = (env: Record<string, string | undefined>): { module: TracerModule; loadedPowertools: boolean } => {
  const outer = { ...process.env };
  let loadedPowertools = false;
  let module: TracerModule | undefined;
  Object.assign(process.env, env);
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete process.env[name];
  try {
    jest.isolateModules(() => {
      jest.doMock('@aws-lambda-powertools/tracer', () => {
        loadedPowertools = true;
        return jest.requireActual('@aws-lambda-powertools/tracer');
      });
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      module = require('../../../shared/runtime/tracer') as TracerModule;
    });
  } finally {
    process.env = outer;
  }
  return { module: module as TracerModule, loadedPowertools };
};

describe('the tracer', () => {
  it('does not load the X-Ray SDK under serverless offline, where it would hook every promise of the process', () => {
    // Act
    const { module, loadedPowertools } = tracerModuleWith({ LAMBDA_TASK_ROOT: '/var/task', IS_OFFLINE: 'true', AWS_EXECUTION_ENV: undefined });

    // Assess
    expect(loadedPowertools).toBe(false);
    expect(() => module.annotateAccount('acct-1')).not.toThrow();
  });

  it('gives handlers outside Lambda a middleware that leaves their request alone', async () => {
    // Prepare
    const { module } = tracerModuleWith({ AWS_EXECUTION_ENV: undefined });
    const request = { event: { path: '/v1/health' }, context: {}, response: undefined, error: undefined, internal: {} };

    // Act
    const middleware = module.tracedHandler();
    const returned = await (middleware.before as (request: unknown) => unknown)(request);

    // Assess
    expect(returned).toBeUndefined();
    expect(Object.keys(middleware)).toEqual(['before']);
    expect(request).toEqual({ event: { path: '/v1/health' }, context: {}, response: undefined, error: undefined, internal: {} });
  });

  it("loads Powertools' tracer in Lambda and wraps the handler in its subsegment", () => {
    // Act
    const { module, loadedPowertools } = tracerModuleWith({ AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x', POWERTOOLS_TRACE_ENABLED: 'false' });

    // Assess
    expect(loadedPowertools).toBe(true);
    expect(Object.keys(module.tracedHandler())).toEqual(expect.arrayContaining(['before', 'after', 'onError']));
  });
});
