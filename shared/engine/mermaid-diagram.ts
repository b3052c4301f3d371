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

/** Mermaid's own entity codes, decoded when it draws; readable where a name has them. */
const NAMED_CODES: Record<string, string> = { '"': '#quot;', '&': '#amp;', '<': '#lt;', '>': '#gt;' };

/**
 * Text as Mermaid draws it and never parses: letters, digits and a few inert marks stay, line
 * breaks and other white space become one space, and everything else (quotes, brackets, pipes,
 * `#`, `;`, `:`, `%`, backticks, …) becomes an entity code such as `#quot;` or `#59;`.
 */
export const label = (text: string): string =>
  text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[^\p{L}\p{N} _.,/+=!?@-]/gu, (char) => NAMED_CODES[char] ?? `#${char.codePointAt(0)};`);

/** Words stateDiagram-v2 reads as syntax where a state id stands. */
const KEYWORDS = new Set(['as', 'class', 'classdef', 'click', 'direction', 'end', 'note', 'state', 'style']);

/**
 * Ids are letters, digits and `_`, never a keyword; two statuses that would share one get a
 * numbered suffix.
 */
const stateIds = (statuses: string[]): Map<string, string> => {
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  for (const status of statuses) {
    const safe = status.replace(/[^A-Za-z0-9_]/g, '_');
    const base = /^[0-9]/.test(safe) || KEYWORDS.has(safe.toLowerCase()) ? `s_${safe}` : safe;
    let id = base;
    for (let n = 2; taken.has(id); n += 1) id = `${base}_${n}`;
    taken.add(id);
    ids.set(status, id);
  }
  return ids;
};

/** Statuses a ruleset moves its entity to. */
const targetsOf = (ruleset: Ruleset, registry: RuleRegistry | undefined): string[] => [
  ...new Set(
    ruleset.rules.flatMap((rule) => {
      if (rule.name === SET_STATE) return typeof rule.props?.status === 'string' ? [rule.props.status] : [];
      const definition = registry?.get(rule.name);
      if (!definition) return [];
      const parsed = definition.props.safeParse(rule.props ?? {});
      if (!parsed.success) return [];
      return (definition.transitions ?? definition.statusProps)?.call(definition, parsed.data) ?? [];
    }),
  ),
];

/** Events a ruleset sends to its own entity, to run inline straight away. */
const inlineEventsOf = (ruleset: Ruleset): Set<string> =>
  new Set(
    ruleset.rules.flatMap((rule) => {
      const props = rule.props ?? {};
      const toSelf = props.target === undefined || props.target === 'SELF';
      return SENDS_INLINE.has(rule.name) && toSelf && props.delaySeconds === undefined && typeof props.eventName === 'string'
        ? [props.eventName]
        : [];
    }),
  );

/**
 * The statuses each ruleset can run from. A ruleset with triggers runs from them. One without
 * runs from the statuses its inline senders leave the entity in (what they set, or else where
 * they ran from), a root CREATE also from the initial status, and one nothing leads to from any
 * status. Worked out as a fixpoint over the sender graph: each set only grows and is bounded by
 * the statuses, so the work is polynomial in the workflow's size, never one step per path.
 */
const sourcesOf = (
  rulesets: Ruleset[],
  targets: Map<Ruleset, string[]>,
  statuses: string[],
  initial: string | undefined,
): Map<Ruleset, Set<string>> => {
  const sources = new Map<Ruleset, Set<string>>();
  const byName = new Map<string, Ruleset[]>();
  for (const ruleset of rulesets) {
    byName.set(ruleset.name, [...(byName.get(ruleset.name) ?? []), ruleset]);
    const fixed = ruleset.triggers?.length ? ruleset.triggers.map((trigger) => trigger.status) : [];
    if (!fixed.length && initial !== undefined && ruleset.name === CREATE_EVENT) fixed.push(initial);
    sources.set(ruleset, new Set(fixed));
  }
  const receivers = new Map<Ruleset, Ruleset[]>();
  const sent = new Set<Ruleset>();
  for (const sender of rulesets) {
    const reached = [...inlineEventsOf(sender)]
      .flatMap((name) => byName.get(name) ?? [])
      .filter((receiver) => receiver !== sender && !receiver.triggers?.length);
    receivers.set(sender, reached);
    for (const receiver of reached) sent.add(receiver);
  }
  const from = (ruleset: Ruleset) => sources.get(ruleset) as Set<string>;
  // A sender that cannot run yet leaves nothing behind.
  const after = (sender: Ruleset): Iterable<string> =>
    from(sender).size && targets.get(sender)?.length ? (targets.get(sender) as string[]) : from(sender);

  const propagate = (pending: Ruleset[]) => {
    while (pending.length) {
      const sender = pending.pop() as Ruleset;
      for (const receiver of receivers.get(sender) ?? []) {
        const into = from(receiver);
        const before = into.size;
        for (const status of after(sender)) into.add(status);
        if (into.size > before) pending.push(receiver);
      }
    }
  };
  const anyStatus = (ruleset: Ruleset) => {
    sources.set(ruleset, new Set(statuses));
    return ruleset;
  };
  propagate(rulesets.filter((ruleset) => from(ruleset).size > 0));
  // What nothing leads to can run from any status, and so can the first of a cycle of senders
  // that nothing else leads into; what they send runs from where they leave the entity.
  propagate(rulesets.filter((ruleset) => from(ruleset).size === 0 && !sent.has(ruleset)).map(anyStatus));
  for (let free = rulesets.find((ruleset) => from(ruleset).size === 0); free; free = rulesets.find((ruleset) => from(ruleset).size === 0)) {
    propagate([anyStatus(free)]);
  }
  return sources;
};

/**
 * A Mermaid stateDiagram-v2 of the workflow: `[*] --> initialStatus`, and an edge for each
 * status change a ruleset makes, labelled with its event name. Names are drawn through `label`,
 * so a workflow's text can never change the diagram's structure.
 */
export const workflowDiagram = (workflow: Workflow, options: WorkflowDiagramOptions = {}): string => {
  const entityType = options.entityType ?? workflow.entityType;
  const rulesets = workflow.rulesets.filter((ruleset) => ruleset.type === entityType);
  const statuses = [...new Set(workflow.statuses.map((status) => status.name))];
  const initialStatus = initialStatusOf(workflow);
  const isRoot = entityType === workflow.entityType;
  const targets = new Map(rulesets.map((ruleset) => [ruleset, targetsOf(ruleset, options.registry)]));
  const sources = sourcesOf(rulesets, targets, statuses, isRoot ? initialStatus : undefined);
  const ids = stateIds([...new Set([...statuses, initialStatus, ...[...targets.values()].flat()])]);
  const idOf = (status: string) => ids.get(status) as string;

  const edges = new Set<string>();
  const outgoing = new Set<string>();
  const incoming = new Set<string>();
  for (const ruleset of rulesets) {
    const name = ruleset.eventType === 'EXCEPTION' ? `${label(ruleset.name)} (EXCEPTION)` : label(ruleset.name);
    for (const from of sources.get(ruleset) ?? []) {
      for (const to of targets.get(ruleset) ?? []) {
        if (from === to) continue;
        edges.add(`    ${idOf(from)} --> ${idOf(to)} : ${name}`);
        outgoing.add(from);
        incoming.add(to);
      }
    }
  }

  const lines = ['stateDiagram-v2'];
  for (const [status, id] of ids) {
    if (id !== status) lines.push(`    state "${label(status)}" as ${id}`);
    else if (statuses.includes(status) && !incoming.has(status) && !outgoing.has(status) && (status !== initialStatus || !isRoot)) {
      lines.push(`    ${status}`);
    }
  }
  if (isRoot) lines.push(`    [*] --> ${idOf(initialStatus)}`);
  lines.push(...edges);
  for (const status of statuses) {
    if (incoming.has(status) && !outgoing.has(status)) lines.push(`    ${idOf(status)} --> [*]`);
  }
  return lines.join('\n');
};
