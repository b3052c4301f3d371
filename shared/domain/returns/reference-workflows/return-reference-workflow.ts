import type { Workflow } from '../../../engine/workflow';
import returns from './return.json';

/** The reference RETURN_ORDER workflow, for a retailer. */
export const referenceReturnWorkflow = (retailerId: string): Workflow => ({ ...(returns as Workflow), retailerId });
