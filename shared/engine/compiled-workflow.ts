import { RuleFailedError } from './engine-errors';
import { workflowPath } from './workflow-path';
import type { Entity } from './engine-model';
import type { RuleDefinition, RuleRegistry } from './rule-registry';
import type { Ruleset, RulesetEventType, Workflow } from './workflow';

export interface CompiledRule {
  name: string;
  /** As written in the workflow, for the audit. */
  rawProps: Record<string, unknown> | undefined;
  definition: RuleDefinition | undefined;
  /** Parsed by the rule's schema once, not on every run. */
  props: unknown;
  /** Why the rule cannot run: thrown when the ruleset reaches it. */
  problem: RuleFailedError | undefined;
}

export interface CompiledRuleset {
  ruleset: Ruleset;
  eventType: RulesetEventType;
  triggers: ReadonlySet<string> | undefined;
  rules: CompiledRule[];
}

const matchKey = (eventType: RulesetEventType, eventName: string, entityType: string): string =>
  `${eventType}|${eventName}|${entityType}`;

const compileRule = (rule: Ruleset['rules'][number], registry: RuleRegistry): CompiledRule => {
  const definition = registry.get(rule.name);
  const compiled: CompiledRule = { name: rule.name, rawProps: rule.props, definition, props: undefined, problem: undefined };
  if (!definition) {
    compiled.problem = new RuleFailedError(`Rule '${rule.name}' is not registered`, 'UNKNOWN_RULE');
    return compiled;
  }
  const parsed = definition.props.safeParse(rule.props ?? {});
  if (parsed.success) {
    compiled.props = parsed.data;
  } else {
    const issue = parsed.error.issues[0];
    const where = workflowPath(['props', ...(issue?.path ?? [])]);
    compiled.problem = new RuleFailedError(
      `Rule '${rule.name}' has invalid ${where}: ${issue?.message ?? 'invalid'}`,
      'INVALID_RULE_PROPS',
    );
  }
  return compiled;
};

/**
 * A workflow made ready to run: rulesets indexed by (event type, event name, entity type) and
 * rule props parsed once. Built once per workflow object and registry.
 */
export class CompiledWorkflow {
  readonly statuses: ReadonlySet<string>;
  private readonly index = new Map<string, CompiledRuleset[]>();
  private readonly names = new Set<string>();

  constructor(
    readonly workflow: Workflow,
    registry: RuleRegistry,
  ) {
    this.statuses = new Set(workflow.statuses.map((status) => status.name));
    for (const ruleset of workflow.rulesets) {
      const eventType = ruleset.eventType ?? 'NORMAL';
      const key = matchKey(eventType, ruleset.name, ruleset.type);
      this.names.add(`${eventType}|${ruleset.name}`);
      const candidates = this.index.get(key) ?? [];
      candidates.push({
        ruleset,
        eventType,
        triggers: ruleset.triggers?.length ? new Set(ruleset.triggers.map((trigger) => trigger.status)) : undefined,
        rules: ruleset.rules.map((rule) => compileRule(rule, registry)),
      });
      this.index.set(key, candidates);
    }
  }

  hasRuleset(eventType: RulesetEventType, eventName: string): boolean {
    return this.names.has(`${eventType}|${eventName}`);
  }

  /** The first ruleset for this event name, entity type and subtype whose triggers allow the entity's status. */
  match(eventType: RulesetEventType, eventName: string, entity: Entity): CompiledRuleset | undefined {
    const candidates = this.index.get(matchKey(eventType, eventName, entity.entityType));
    if (!candidates) return undefined;
    for (const candidate of candidates) {
      if (candidate.ruleset.subtype !== undefined && candidate.ruleset.subtype !== entity.subtype) continue;
      if (candidate.triggers && !candidate.triggers.has(entity.status)) continue;
      return candidate;
    }
    return undefined;
  }
}

/** Compiles each workflow object once per registry. */
export class WorkflowCompiler {
  private readonly compiled = new WeakMap<Workflow, CompiledWorkflow>();

  constructor(private readonly registry: RuleRegistry) {}

  compile(workflow: Workflow): CompiledWorkflow {
    let compiled = this.compiled.get(workflow);
    if (!compiled) {
      compiled = new CompiledWorkflow(workflow, this.registry);
      this.compiled.set(workflow, compiled);
    }
    return compiled;
  }
}
