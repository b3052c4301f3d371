import * as z from 'zod';
import { retailerIdSchema } from '../../engine/workflow';

export const RETAILER_TEMPLATES = ['reference', 'none'] as const;
export type RetailerTemplate = (typeof RETAILER_TEMPLATES)[number];

export const retailerPathSchema = z.object({ retailerId: retailerIdSchema });

export const retailerBodySchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  /** `reference` installs the reference HD and CC order workflows and a default sourcing profile. */
  template: z.enum(RETAILER_TEMPLATES).default('reference'),
});

/** A retailer as the account table holds it. */
export interface RetailerRecord {
  retailerId: string;
  name: string;
  /** The template of the latest registration. */
  template: RetailerTemplate;
  createdOn: string;
  updatedOn: string;
}

/** The latest version of each workflow the retailer has. */
export interface RetailerWorkflow {
  entityType: string;
  subtype: string;
  version: number;
}

export interface Retailer extends RetailerRecord {
  workflows: RetailerWorkflow[];
}
