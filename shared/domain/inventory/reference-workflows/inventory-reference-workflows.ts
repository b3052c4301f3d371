import type { Workflow } from '../../../engine/workflow';
import position from './inventory-position.json';

/**
 * The reference INVENTORY_POSITION workflow, for a retailer: a batch that changes a count
 * makes it release the retailer's orders waiting in AWAITING_STOCK for that SKU.
 */
export const inventoryPositionWorkflow = (retailerId: string): Workflow => ({ ...(position as Workflow), retailerId });
