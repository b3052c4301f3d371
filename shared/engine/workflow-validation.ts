import { InvalidWorkflowError, type WorkflowProblem } from './engine-errors';
import type { RuleDefinition, RuleRegistry } from './rule-registry';
import { CREATE_EVENT, initialStatusOf, workflowSchema, type Workflow } from './workflow';
import { workflowPath } from './workflow-path';

export type { WorkflowProblem };

export interface WorkflowValidation {
  /** Any problem makes the workflow unusable: reject the upload. */
  problems: WorkflowProblem[];
  /** Worth a look, but the workflow can run (e.g. unreachable statuses). */
  warnings: WorkflowProblem[];
}

interface RuleUse {
  rulesetIndex: number;
  definition: RuleDefinition;
  props: unknown;
}

/** Statuses a rule can move an entity to: its transitions, else the statuses its props name. */
const transitionsOf = ({ definition, props }: RuleUse): string[] =>
  (definition.transitions ?? definition.statusProps)?.call(definition, props) ?? [];

const overlap = (a: { status: string }[] | undefined, b: { status: string }[] | undefined): boolean => {
  if (!a?.length || !b?.length) return true;
  // A set keeps a workflow of many same-named rulesets with many triggers from costing triggers² per pair.
  const statuses = new Set(a.map((trigger) => trigger.status));
  return b.some((trigger) => statuses.has(trigger.status));
};

/**
 * Checks what a well-formed workflow refers to and lists every problem at once: duplicate or
 * undeclared statuses, unknown rules, props the rule rejects, triggers on unknown statuses and
 * a missing CREATE ruleset. Statuses no ruleset can reach are warnings.
 */
export const validateWorkflow = (workflow: Workflow, registry: RuleRegistry): WorkflowValidation => {
  const problems: WorkflowProblem[] = [];
  const warnings: WorkflowProblem[] = [];
  const declared = new Map<string, number>();

  workflow.statuses.forEach((status, index) => {
    const first = declared.get(status.name);
    if (first === undefined) declared.set(status.name, index);
    else problems.push({ path: `statuses[${index}].name`, message: `Status '${status.name}' is already declared at statuses[${first}]` });
  });

  const initialStatus = initialStatusOf(workflow);
  if (!declared.has(initialStatus)) {
    problems.push({
      path: workflow.initialStatus === undefined ? 'statuses' : 'initialStatus',
      message: `The initial status '${initialStatus}' is not declared in statuses`,
    });
  }

  const hasCreate = workflow.rulesets.some(
    (ruleset) => ruleset.name === CREATE_EVENT && ruleset.type === workflow.entityType && (ruleset.eventType ?? 'NORMAL') === 'NORMAL',
  );
  if (!hasCreate) {
    problems.push({
      path: 'rulesets',
      message: `There is no ${CREATE_EVENT} ruleset of type ${workflow.entityType}: a new ${workflow.entityType} would match nothing`,
    });
  }

  const uses: RuleUse[] = [];
  workflow.rulesets.forEach((ruleset, rulesetIndex) => {
    const at = `rulesets[${rulesetIndex}]`;
    ruleset.triggers?.forEach((trigger, index) => {
      if (!declared.has(trigger.status)) {
        problems.push({ path: `${at}.triggers[${index}].status`, message: `Trigger status '${trigger.status}' is not declared in statuses` });
      }
    });

    ruleset.rules.forEach((rule, ruleIndex) => {
      const ruleAt = `${at}.rules[${ruleIndex}]`;
      const definition = registry.get(rule.name);
      if (!definition) {
        problems.push({ path: `${ruleAt}.name`, message: `Rule '${rule.name}' is not registered` });
        return;
      }
      const parsed = definition.props.safeParse(rule.props ?? {});
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const propPath = workflowPath(['props', ...issue.path]);
          problems.push({ path: `${ruleAt}.${propPath}`, message: `${rule.name} ${propPath}: ${issue.message}` });
        }
        return;
      }
      for (const status of definition.statusProps?.(parsed.data) ?? []) {
        if (!declared.has(status)) {
          problems.push({ path: `${ruleAt}.props`, message: `${rule.name} names status '${status}', which is not declared in statuses` });
        }
      }
      for (const message of definition.problemsIn?.(parsed.data, ruleset) ?? []) {
        problems.push({ path: `${ruleAt}.props`, message: `${rule.name}: ${message}` });
      }
      uses.push({ rulesetIndex, definition, props: parsed.data });
    });

    // One warning per shadowed ruleset, naming the first it overlaps, keeps the answer small.
    const earlierIndex = workflow.rulesets
      .slice(0, rulesetIndex)
      .findIndex(
        (earlier) =>
          earlier.name === ruleset.name &&
          earlier.type === ruleset.type &&
          (earlier.subtype === undefined || earlier.subtype === ruleset.subtype) &&
          (earlier.eventType ?? 'NORMAL') === (ruleset.eventType ?? 'NORMAL') &&
          overlap(earlier.triggers, ruleset.triggers),
      );
    if (earlierIndex >= 0) {
      warnings.push({
        path: at,
        message: `Ruleset '${ruleset.name}' overlaps rulesets[${earlierIndex}] for the same entity and statuses; only the first one matches there`,
      });
    }
  });

  for (const status of unreachableStatuses(workflow, initialStatus, uses)) {
    warnings.push({
      path: `statuses[${declared.get(status)}]`,
      message: `Status '${status}' cannot be reached from '${initialStatus}'`,
    });
  }
  return { problems, warnings };
};

/** Reachable: the initial status, and whatever a ruleset that can run from a reachable status moves to. */
const unreachableStatuses = (workflow: Workflow, initialStatus: string, uses: RuleUse[]): string[] => {
  const reachable = new Set([initialStatus]);
  const ran = new Set<number>();
  let grew = true;
  while (grew) {
    grew = false;
    workflow.rulesets.forEach((ruleset, index) => {
      if (ran.has(index)) return;
      const triggers = ruleset.triggers ?? [];
      if (triggers.length > 0 && !triggers.some((trigger) => reachable.has(trigger.status))) return;
      ran.add(index);
      grew = true;
      for (const use of uses) {
        if (use.rulesetIndex === index) for (const status of transitionsOf(use)) reachable.add(status);
      }
    });
  }
  return [...new Set(workflow.statuses.map((status) => status.name))].filter((status) => !reachable.has(status));
};

/**
 * Parses an uploaded workflow and validates it. Throws InvalidWorkflowError listing every
 * problem (a 400 naming each field); returns the workflow and its warnings otherwise.
 */
export const parseWorkflow = (raw: unknown, registry: RuleRegistry): { workflow: Workflow; warnings: WorkflowProblem[] } => {
  const parsed = workflowSchema.safeParse(raw);
  if (!parsed.success) {
    throw new InvalidWorkflowError(
      parsed.error.issues.map((issue) => ({ path: workflowPath(issue.path) || '(root)', message: issue.message })),
    );
  }
  const { problems, warnings } = validateWorkflow(parsed.data, registry);
  if (problems.length > 0) throw new InvalidWorkflowError(problems);
  return { workflow: parsed.data, warnings };
};
