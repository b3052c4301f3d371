import { readFileSync } from 'node:fs';

/**
 * One failure to make on purpose at a named boundary of the code (`engine.commit`, …), for the
 * events it matches (all of them when no `eventName` is given). `code` becomes the error's name,
 * as the AWS SDK names its errors (`ProvisionedThroughputExceededException`).
 */
export interface PlannedFault {
  boundary: string;
  code: string;
  eventName?: string;
}

/** The error a planned fault throws: shaped like an AWS service error, so it takes the same path one would. */
export class InjectedFault extends Error {
  constructor(code: string, boundary: string) {
    super(`Fault injected at ${boundary}`);
    this.name = code;
  }
}

const isPlannedFault = (value: unknown): value is PlannedFault => {
  const fault = value as Partial<PlannedFault> | undefined;
  return typeof fault?.boundary === 'string' && typeof fault.code === 'string' && (fault.eventName === undefined || typeof fault.eventName === 'string');
};

/**
 * The faults planned in a JSON file (`{"faults": [PlannedFault, …]}`), read at every check, so a
 * test changes the plan while the stack runs. No file, or one that does not parse, plans none.
 */
export class PlannedFaults {
  constructor(private readonly file: string) {}

  /** Throws the fault planned at this boundary for this event, if there is one. */
  check(boundary: string, subject: { eventName?: string }): void {
    const fault = this.planned().find((candidate) => candidate.boundary === boundary && (candidate.eventName === undefined || candidate.eventName === subject.eventName));
    if (fault) throw new InjectedFault(fault.code, boundary);
  }

  private planned(): PlannedFault[] {
    try {
      const plan = JSON.parse(readFileSync(this.file, 'utf8')) as { faults?: unknown };
      return Array.isArray(plan.faults) ? plan.faults.filter(isPlannedFault) : [];
    } catch {
      return [];
    }
  }
}

/**
 * Faults are for the local stack alone: a file is named, the local stand-in for KMS is in use,
 * and the code runs under serverless offline or `serverless invoke local`. Anywhere else there are none.
 */
export const localPlannedFaults = (env: NodeJS.ProcessEnv): PlannedFaults | undefined => {
  const local = Boolean(env.IS_OFFLINE || env.IS_LOCAL) && Boolean(env.ORDO_MASTER_KEY);
  return local && env.ORDO_FAULTS_FILE ? new PlannedFaults(env.ORDO_FAULTS_FILE) : undefined;
};
