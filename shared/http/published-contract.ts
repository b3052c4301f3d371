import { createHash } from 'node:crypto';

/** The API's OpenAPI document as GET /v1/openapi.json serves it, with the ETag of exactly that text. */
export interface PublishedContract {
  document: unknown;
  etag: string;
}

/**
 * The contract is the same for everyone and changes only with a deploy, so caches may keep it;
 * the ETag changes with its content, so a client can tell a new contract from the one it has.
 */
export const CONTRACT_CACHE_CONTROL = 'public, max-age=300';

export const publishedContract = (document: unknown): PublishedContract => ({
  document,
  etag: `"${createHash('sha256').update(JSON.stringify(document)).digest('base64url')}"`,
});

/** Its caching headers: public, unlike every other answer, which may carry account data. */
export const contractHeaders = ({ etag }: PublishedContract): Record<string, string> => ({ etag, 'cache-control': CONTRACT_CACHE_CONTROL });
