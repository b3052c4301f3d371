import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DuplicateEventError, InsufficientStockError, VersionConflictError } from '../../engine/engine-errors';
import type { PositionDelta } from '../../engine/stock-changes';
import type { UnitOfWork } from '../../engine/engine-model';

/**
 * Why a commit's transaction was cancelled. Items are [event record, entities…, positions…,
 * then records that carry no condition]. A failed condition on the event record is a
 * duplicate; on an entity a version conflict; on a position InsufficientStockError. A
 * TransactionConflict (another transaction on one of the items at the same moment) is a
 * version conflict: re-running is the answer to all but the duplicate.
 */
export const commitFailure = (error: unknown, uow: UnitOfWork, stock: { delta: PositionDelta }[]): unknown => {
  if (!(error instanceof TransactionCanceledException)) return error;
  const reasons = error.CancellationReasons ?? [];
  if (reasons[0]?.Code === 'ConditionalCheckFailed') return new DuplicateEventError(uow.event.event.id);
  const failed = reasons.findIndex((reason, index) => index > 0 && reason.Code === 'ConditionalCheckFailed');
  const firstPosition = 1 + uow.entities.length;
  const change = failed > 0 && failed < firstPosition ? uow.entities[failed - 1] : undefined;
  if (change) return new VersionConflictError(`${change.entity.entityType} ${change.entity.ref} changed during the execution`);
  const delta = failed >= firstPosition ? stock[failed - firstPosition]?.delta : undefined;
  if (delta) {
    return new InsufficientStockError(
      delta.skuRef,
      delta.locationRef,
      `Not enough stock of ${delta.skuRef} at ${delta.locationRef}: ${describeDelta(delta)}`,
    );
  }
  const conflicted = reasons.findIndex((reason) => reason.Code === 'TransactionConflict');
  if (failed > 0 || conflicted >= 0) {
    const entity = uow.entities[conflicted - 1]?.entity;
    const position = stock[conflicted - firstPosition]?.delta;
    const what = entity
      ? `${entity.entityType} ${entity.ref}`
      : position && `The position of ${position.skuRef} at ${position.locationRef}`;
    return new VersionConflictError(what ? `${what} changed during the execution` : 'A concurrent write conflicted');
  }
  return error;
};

const describeDelta = (delta: PositionDelta): string => {
  const needs: string[] = [];
  if (delta.minAvailable > 0) needs.push(`${delta.minAvailable} available`);
  if (delta.minReserved > 0) needs.push(`${delta.minReserved} reserved`);
  return `the execution needs ${needs.join(' and ')}, or the position does not exist`;
};
