import type { RuleRegistry } from './rule-registry';
import { CREATE_EVENT, initialStatusOf, type Ruleset, type Workflow } from './workflow';

export interface WorkflowDiagramOptions {
  /** Which entity type's rulesets to draw; default the workflow's root type. */
  entityType?: string;
  /** Lets custom rules contribute transitions; without it only ordo.core.SetState does. */
  registry?: RuleRegistry;
}

const SET_STATE = 'ordo.core.SetState';
const SENDS_INLINE = new Set(['ordo.core.SendEvent', 'ordo.core.SendEventIf']);

const stateId = (status: string): string => {
  const id = status.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[0-9]/.test(id) ? `s_${id}` : id;
};

const label = (text: string): string => text.replace(/[:;]/g, ' ');

/** Statuses a ruleset moves its entity to. */
const targetsOf = (ruleset: Ruleset, registry: RuleRegistry | undefined): string[] =>
  ruleset.rules.flatMap((rule) => {
    if (rule.name === SET_STATE) return typeof rule.props?.status === 'string' ? [rule.props.status] : [];
    const definition = registry?.get(rule.name);
    if (!definition) return [];
    const parsed = definition.props.safeParse(rule.props ?? {});
    if (!parsed.success) return [];
    return (definition.transitions ?? definition.statusProps)?.call(definition, parsed.data) ?? [];
  });

/** Events a ruleset sends to its own entity, to run inline straight away. */
const inlineEventsOf = (ruleset: Ruleset): string[] =>
  ruleset.rules.flatMap((rule) => {
    const props = rule.props ?? {};
    const toSelf = props.target === undefined || props.target === 'SELF';
    return SENDS_INLINE.has(rule.name) && toSelf && props.delaySeconds === undefined && typeof props.eventName === 'string'
      ? [props.eventName]
      : [];
  });

/**
 * A Mermaid stateDiagram-v2 of the workflow: `[*] --> initialStatus`, and an edge for each
 * status change a ruleset makes, labelled with its event name. A ruleset with no triggers
 * runs from the statuses its inline senders leave the entity in, or else from any status.
 */
export const workflowDiagram = (workflow: Workflow, options: WorkflowDiagramOptions = {}): string => {
  const entityType = options.entityType ?? workflow.entityType;
  const rulesets = workflow.rulesets.filter((ruleset) => ruleset.type === entityType);
  const statuses = [...new Set(workflow.statuses.map((status) => status.name))];
  const initialStatus = initialStatusOf(workflow);
  const isRoot = entityType === workflow.entityType;
  const targets = new Map(rulesets.map((ruleset) => [ruleset, targetsOf(ruleset, options.registry)]));

  const sourcesOf = (ruleset: Ruleset, visiting: Set<Ruleset>): string[] => {
    if (ruleset.triggers?.length) return ruleset.triggers.map((trigger) => trigger.status);
    const sources = new Set<string>();
    if (isRoot && ruleset.name === CREATE_EVENT) sources.add(initialStatus);
    visiting.add(ruleset);
    for (const sender of rulesets) {
      if (visiting.has(sender) || !inlineEventsOf(sender).includes(ruleset.name)) continue;
      const after = targets.get(sender)?.length ? (targets.get(sender) as string[]) : sourcesOf(sender, visiting);
      for (const status of after) sources.add(status);
    }
    visiting.delete(ruleset);
    return sources.size > 0 ? [...sources] : statuses;
  };

  const edges = new Set<string>();
  const outgoing = new Set<string>();
  const incoming = new Set<string>();
  for (const ruleset of rulesets) {
    const name = ruleset.eventType === 'EXCEPTION' ? `${ruleset.name} (EXCEPTION)` : ruleset.name;
    for (const from of sourcesOf(ruleset, new Set())) {
      for (const to of targets.get(ruleset) ?? []) {
        if (from === to) continue;
        edges.add(`    ${stateId(from)} --> ${stateId(to)} : ${label(name)}`);
        outgoing.add(from);
        incoming.add(to);
      }
    }
  }

  const lines = ['stateDiagram-v2'];
  for (const status of statuses) {
    if (stateId(status) !== status) lines.push(`    state "${label(status)}" as ${stateId(status)}`);
    else if (!incoming.has(status) && !outgoing.has(status) && (status !== initialStatus || !isRoot)) lines.push(`    ${status}`);
  }
  if (isRoot) lines.push(`    [*] --> ${stateId(initialStatus)}`);
  lines.push(...edges);
  for (const status of statuses) {
    if (incoming.has(status) && !outgoing.has(status)) lines.push(`    ${stateId(status)} --> [*]`);
  }
  return lines.join('\n');
};
