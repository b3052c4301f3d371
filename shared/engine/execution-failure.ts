import { LoopGuardError } from './engine-errors';
import type { Entity, OrdoEvent } from './engine-model';
import { Execution } from './execution';
import {
  newRecording,
  type ExecutionEffects,
  type ExecutionError,
  type ExecutionFailure,
  type ExecutionRecording,
  type ExecutionSettings,
} from './execution-outcome';
import { WorkingCopy } from './working-copy';

/** What a FAILED event keeps: why it failed and, when an EXCEPTION ruleset of its name ran, that ruleset's effects. */
export interface FailureOutcome {
  error: ExecutionError;
  recovered?: { effects: ExecutionEffects; recording: ExecutionRecording | undefined };
}

/** The code a thrown value carries (RULE_EXCEPTION when it carries none) and its message. */
export const errorOf = (error: unknown): ExecutionError => {
  const code = (error as { code?: unknown } | undefined)?.code;
  return {
    code: typeof code === 'string' ? code : 'RULE_EXCEPTION',
    message: error instanceof Error ? error.message : String(error),
  };
};

/**
 * A rule threw or the loop guard tripped: the trail keeps none of what ran, only the failure.
 * If the workflow has an EXCEPTION ruleset of the event's name, it runs on the loaded entities.
 */
export const settleFailure = async (
  event: OrdoEvent,
  failure: ExecutionFailure,
  settings: ExecutionSettings,
  loaded: Entity[],
): Promise<FailureOutcome> => {
  const { trail } = settings;
  const { cause, position } = failure;
  const error = errorOf(cause);
  trail.truncate(1);

  if (cause instanceof LoopGuardError) {
    trail.add('LOOP_GUARD', position.entityType, position.entityRef, {
      name: position.eventName,
      message: error.message,
      props: { limit: cause.limit, rulesetsRun: failure.rulesetsRun - 1 },
      inlineEventId: position.inlineEventId,
    });
    return { error };
  }

  trail.add('EXCEPTION', position.entityType, position.entityRef, {
    name: position.rule ?? position.eventName,
    message: error.message,
    props: { code: error.code, ruleset: position.ruleset },
    inlineEventId: position.inlineEventId,
  });
  if (!settings.compiled.hasRuleset('EXCEPTION', event.name)) return { error };
  const recovered = await recover(event, settings, loaded);
  return recovered ? { error, recovered } : { error };
};

/** Runs the EXCEPTION ruleset on a fresh copy of the loaded entities; if that fails too, keeps only the failure. */
const recover = async (event: OrdoEvent, settings: ExecutionSettings, loaded: Entity[]): Promise<FailureOutcome['recovered']> => {
  const { trail } = settings;
  const mark = trail.size;
  const recording = settings.recording ? newRecording() : undefined;
  const recovery = await new Execution({ ...settings, recording }, new WorkingCopy(loaded)).run(event, 'EXCEPTION');
  if (recovery.outcome === 'NO_MATCH') return undefined;
  if (recovery.outcome === 'FAILED') {
    const { cause, position } = recovery.failure;
    trail.truncate(mark);
    const error = errorOf(cause);
    trail.add('EXCEPTION', event.entityType, event.entityRef, {
      name: position.rule ?? event.name,
      message: `The EXCEPTION ruleset failed too: ${error.message}`,
      props: { code: error.code, ruleset: position.ruleset },
    });
    return undefined;
  }
  return { effects: recovery.effects, recording };
};
