import { writeFileSync } from 'node:fs';
import type { PlannedFault } from '../../shared/adapters/faults/planned-faults';

/** The running local stack's faults file (the e2e global setup names it). */
const faultsFile = (): string => {
  const file = process.env.ORDO_E2E_FAULTS_FILE;
  if (!file) throw new Error('ORDO_E2E_FAULTS_FILE is not set: faults can only be planned on the e2e stack');
  return file;
};

/** Plans these faults for the stack's handlers, replacing any planned before; they apply from the next commit on. */
export const planFaults = (faults: PlannedFault[]): void => writeFileSync(faultsFile(), JSON.stringify({ faults }));

/** Lets every handler of the stack run as normal again. */
export const clearFaults = (): void => planFaults([]);
