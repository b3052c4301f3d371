import type { Workflow } from '../../../engine/workflow';
import cc from './order-cc.json';
import hd from './order-hd.json';

/** The reference HD and CC order workflows, for a retailer. */
export const referenceWorkflows = (retailerId: string): Workflow[] =>
  [hd, cc].map((workflow) => ({ ...(workflow as Workflow), retailerId }));
