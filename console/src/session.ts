import type { Schemas } from './api/client';

/**
 * The API key lives in session storage: it survives a reload of the tab and is gone when the
 * tab closes; it is never put in a URL.
 */
const KEY = 'ordo.apiKey';

export const apiKey = (): string | undefined => sessionStorage.getItem(KEY) ?? undefined;
export const keepApiKey = (key: string) => sessionStorage.setItem(KEY, key);
export const forgetApiKey = () => sessionStorage.removeItem(KEY);

export type Account = Schemas['Account'];
export type Permission = Schemas['Permission'];

export const may = (account: Account, permission: Permission) => account.permissions.includes(permission);
