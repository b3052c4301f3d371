import type * as z from 'zod';
import type { Action } from './actions';
import type { Entity, OrdoEvent } from './engine-model';
import type { RuleServices } from './engine-store';
import type { Workflow } from './workflow';

/** What a rule sees. Read it, never change it: a rule's only output is its actions. */
export interface RuleContext {
  event: OrdoEvent;
  /** The entity the ruleset runs on, as changed by the rules before this one. */
  entity: Entity;
  /** Every entity of the root, keyed `${entityType}#${ref}`. */
  entities: ReadonlyMap<string, Entity>;
  workflow: Workflow;
  now: Date;
  /**
   * Read-only services from EngineDeps.services (empty when none). `services.inventory`, when
   * given, reads committed stock with this execution's pending inventory changes applied.
   */
  services: RuleServices;
  /**
   * The value set for a setting of the event's retailer (its own, else its account's), or
   * undefined when none is set: the rule then keeps its own behaviour. Read once per execution
   * and only when a rule asks.
   */
  setting(name: string): Promise<unknown>;
}

export interface RuleDefinition<P = unknown> {
  /** Fully qualified, e.g. `ordo.core.SetState` or `acme.orders.FlagFraud`. */
  name: string;
  description?: string;
  /** Validates a workflow's props for this rule on upload, and parses them before the rule runs. */
  props: z.ZodType<P>;
  /** Statuses the props refer to, so validation can flag undeclared ones. */
  statusProps?(props: P): string[];
  /**
   * What is wrong with valid props in this ruleset (its event name and entity type), checked on
   * upload: each message becomes a problem at the rule's props.
   */
  problemsIn?(props: P, ruleset: { name: string; type: string }): string[];
  /** Statuses the rule can move an entity to, for reachability and diagrams; default statusProps. */
  transitions?(props: P): string[];
  run(ctx: RuleContext, props: P): Action[] | Promise<Action[]>;
}

const RULE_NAME = /^[A-Za-z][A-Za-z0-9_-]*(\.[A-Za-z][A-Za-z0-9_-]*)+$/;

/** Lets TypeScript infer the props type from the schema when a rule is declared on its own. */
export const defineRule = <P>(definition: RuleDefinition<P>): RuleDefinition<P> => definition;

/** The rules workflows may name. Custom rules are registered in code; tenants only upload data. */
export class RuleRegistry {
  private readonly rules = new Map<string, RuleDefinition>();

  register<P>(definition: RuleDefinition<P>): this {
    if (!RULE_NAME.test(definition.name)) {
      throw new Error(`Rule name '${definition.name}' must be fully qualified, e.g. acme.orders.FlagFraud`);
    }
    if (this.rules.has(definition.name)) {
      throw new Error(`Rule '${definition.name}' is already registered`);
    }
    this.rules.set(definition.name, definition as RuleDefinition);
    return this;
  }

  get(name: string): RuleDefinition | undefined {
    return this.rules.get(name);
  }

  has(name: string): boolean {
    return this.rules.has(name);
  }

  names(): string[] {
    return [...this.rules.keys()].sort();
  }
}
