/** The orchestration engine's public surface. It imports no AWS SDK and no adapter; InMemoryEngineStore (tests, benchmarks) is deliberately left out. */
export * from './actions';
export * from './errors';
export * from './executor';
export * from './inventory';
export * from './mermaid-diagram';
export * from './model';
export * from './ports';
export * from './rule-registry';
export * from './rules/core';
export * from './workflow';
export * from './workflow-cache';
export * from './workflow-validation';
