import { randomUUID } from 'node:crypto';
import { Engine } from '../shared/engine/engine';
import { InMemoryEngineStore } from '../shared/engine/in-memory-store';
import { createCoreRegistry } from '../shared/engine/rules/core/core-rules';
import type { Workflow } from '../shared/engine/workflow';
import { systemClock } from '../shared/adapters/clock/system-clock';
import { median, type BenchResult } from './report';

/** A ruleset of three rules, as the goal states it. */
export const threeRuleWorkflow: Workflow = {
  retailerId: 'bench',
  entityType: 'ORDER',
  subtype: 'HD',
  statuses: [{ name: 'CREATED' }, { name: 'BOOKED' }],
  rulesets: [
    {
      name: 'CREATE',
      type: 'ORDER',
      rules: [
        { name: 'ordo.core.SetAttributes', props: { attributes: { channel: 'web' } } },
        { name: 'ordo.core.Log', props: { message: 'order received' } },
        { name: 'ordo.core.SetState', props: { status: 'BOOKED' } },
      ],
    },
    {
      name: 'UPDATE',
      type: 'ORDER',
      rules: [
        { name: 'ordo.core.SetAttributes', props: { fromEvent: ['note'] } },
        { name: 'ordo.core.Log', props: { message: 'order updated' } },
        { name: 'ordo.core.SendEventIf', props: { eventName: 'NEVER', condition: { source: 'event', path: 'note', op: 'eq', value: 'escalate' } } },
      ],
    },
  ],
};

const event = (ref: string) => ({
  id: randomUUID(),
  name: 'CREATE',
  retailerId: 'bench',
  entityType: 'ORDER',
  entitySubtype: 'HD',
  entityRef: ref,
});

/** Executions per second of one core, in-process with the in-memory store: the engine's own cost. */
export const engineThroughput = async (executions = 20_000, runs = 5): Promise<BenchResult> => {
  const rates: number[] = [];
  for (let run = 0; run < runs; run++) {
    const store = new InMemoryEngineStore();
    store.putWorkflow(threeRuleWorkflow);
    const engine = new Engine({ store, registry: createCoreRegistry(), clock: systemClock, ids: randomUUID });
    const events = Array.from({ length: executions }, (_, i) => event(`B-${run}-${i}`));
    await engine.process(event(`warm-${run}`));
    const started = process.hrtime.bigint();
    for (const next of events) await engine.process(next);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    rates.push(executions / seconds);
  }
  const value = Math.round(median(rates));
  return {
    name: 'engine executions/s, in-process, 3-rule ruleset (one core)',
    value,
    unit: 'exec/s',
    goal: '>= 10000',
    met: value >= 10_000,
    detail: { executionsPerRun: executions, runs, rates: rates.map(Math.round) },
  };
};
