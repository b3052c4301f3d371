import type { Action } from './actions';
import type { Entity, OrdoEvent } from './engine-model';
import { DEFAULT_SUBTYPE, initialStatusOf, workflowRefOf, type Workflow } from './workflow';

/** What sets one new entity apart from another made by the same execution. */
export interface EntitySpec {
  retailerId: string;
  entityType: string;
  subtype: string;
  ref: string;
  status: string;
  attributes: Record<string, unknown> | undefined;
  /** The workflow the entity is pinned to for its whole life. */
  workflowRef: string;
  workflowVersion: number;
}

/** What every entity an execution makes shares: the root it belongs to and the execution's time; the id is its own. */
export interface EntityOrigin {
  id: string;
  rootEntityType: string;
  rootRef: string;
  at: string;
}

export type ChildSpec = Extract<Action, { type: 'CREATE_ENTITY' }>['entity'];

/** A new entity at version 0: the commit writes it as version 1 and refuses it if the ref is taken. */
export const newEntity = (spec: EntitySpec, origin: EntityOrigin): Entity => ({
  retailerId: spec.retailerId,
  entityType: spec.entityType,
  subtype: spec.subtype,
  ref: spec.ref,
  id: origin.id,
  status: spec.status,
  attributes: { ...spec.attributes },
  workflowRef: spec.workflowRef,
  workflowVersion: spec.workflowVersion,
  version: 0,
  rootEntityType: origin.rootEntityType,
  rootRef: origin.rootRef,
  createdOn: origin.at,
  updatedOn: origin.at,
});

/** The entity a CREATE event makes, pinned to the workflow the execution runs. */
export const entityOfCreateEvent = (event: OrdoEvent, workflow: Workflow, origin: EntityOrigin): Entity =>
  newEntity(
    {
      retailerId: event.retailerId,
      entityType: event.entityType,
      subtype: event.entitySubtype ?? DEFAULT_SUBTYPE,
      ref: event.entityRef,
      status: initialStatusOf(workflow),
      attributes: event.attributes,
      workflowRef: workflowRefOf(workflow),
      workflowVersion: workflow.version ?? 1,
    },
    origin,
  );

/** A child a rule creates: of its parent's retailer and pinned to its parent's workflow. */
export const childEntity = (parent: Entity, child: ChildSpec, status: string, origin: EntityOrigin): Entity =>
  newEntity(
    {
      retailerId: parent.retailerId,
      entityType: child.entityType,
      subtype: child.subtype,
      ref: child.ref,
      status,
      attributes: child.attributes,
      workflowRef: parent.workflowRef,
      workflowVersion: parent.workflowVersion,
    },
    origin,
  );
