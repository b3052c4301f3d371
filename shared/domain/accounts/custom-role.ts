import * as z from 'zod';
import { PERMISSIONS, ROLES, type Permission } from './roles';

/** A role an account defines for itself, beside the built-in ones. */
export interface CustomRole {
  accountId: string;
  name: string;
  permissions: Permission[];
  createdOn: string;
  updatedOn: string;
}

const BUILT_IN_NAMES = new Set<string>(ROLES.map((role) => role.toLowerCase()));

// The name travels in URL paths and in key records: keep it to URL-safe characters. Built-in names are
// refused whatever their case, so "admin" can never be mistaken for ADMIN.
export const roleNameSchema = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, 'must be 1 to 64 characters of A-Z, a-z, 0-9, "_" and "-", starting with a letter')
  .refine((name) => !BUILT_IN_NAMES.has(name.toLowerCase()), 'is the name of a built-in role');

export const roleDefinitionSchema = z.strictObject({
  permissions: z
    .array(z.enum(PERMISSIONS))
    .max(PERMISSIONS.length * 2)
    .transform((permissions) => [...new Set(permissions)]),
});

export type RoleDefinition = z.infer<typeof roleDefinitionSchema>;
