import { FetchStageApi } from '../adapters/http/fetch-stage-api';
import { openLoopbackWebhookInbox } from '../adapters/http/loopback-webhook-inbox';
import type { StageUnderTest } from '../domain/operations/stage-smoke-checks';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Whether `base` is a stack on this machine, the only place plain http and a local webhook receiver make sense. */
export const isLoopbackUrl = (base: URL): boolean => LOOPBACK_HOSTS.has(base.hostname) || base.hostname.startsWith('127.');

/**
 * The stage at `base` as the smoke checks see it. Plain http is refused anywhere but this machine: the key would
 * cross the network in clear. A local stack gets a receiver here for the webhook round trip.
 */
export const smokeTarget = (base: string, apiKey: string | undefined): StageUnderTest => {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new Error(`--base must be a URL, got "${base}"`);
  }
  const loopback = isLoopbackUrl(url);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new Error(`--base ${base}: use https (plain http is only for a stack on this machine)`);
  }
  return { api: new FetchStageApi(url.toString()), apiKey, ...(loopback ? { inbox: openLoopbackWebhookInbox } : {}) };
};
