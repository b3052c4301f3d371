import { apiCompare, type Diff } from 'api-smart-diff';

/** One change between two versions of openapi.yaml, as an integrator would feel it. */
export interface ContractChange {
  type: 'breaking' | 'non-breaking' | 'annotation' | 'deprecated' | 'unclassified';
  action: string;
  /** Where the change is in the newer document, as a JSON path: `paths./v1/orders.post.requestBody...`. */
  path: string;
  description: string;
}

type Document = Record<string, unknown>;

// Components are compared where operations use them ($refs are resolved into each use), which is the
// only place their direction (request or response) is known; their own entries would count each change twice,
// classified without that direction. Security schemes are used by name, so their changes stay.
const RESOLVED_COMPONENTS = ['schemas', 'responses', 'parameters', 'requestBodies', 'headers', 'examples'];
const WEBHOOK_PATH_PREFIX = '/webhooks/';

/**
 * api-smart-diff leaves `webhooks` unclassified. A webhook message is what Ordo sends and an integrator
 * reads, the way a response is, so each message is compared as the 200 response of a path of its own:
 * a removed field or type, or a value a receiver has never seen, is breaking; an added field is not.
 */
const withWebhooksAsResponses = (document: Document): Document => {
  const webhooks = (document.webhooks ?? {}) as Record<string, { post?: { requestBody?: { content?: unknown } } }>;
  const paths = { ...((document.paths ?? {}) as Record<string, unknown>) };
  for (const [type, item] of Object.entries(webhooks)) {
    paths[`${WEBHOOK_PATH_PREFIX}${type}`] = {
      post: { responses: { '200': { description: type, content: item.post?.requestBody?.content ?? {} } } },
    };
  }
  const { webhooks: _webhooks, ...rest } = document;
  return { ...rest, paths };
};

const isResolvedComponent = (path: readonly PropertyKey[]) =>
  path[0] === 'components' && RESOLVED_COMPONENTS.includes(String(path[1]));

/** Puts a webhook change back where it is in openapi.yaml, and names it a message rather than a response. */
const located = (diff: Diff): Pick<ContractChange, 'path' | 'description'> => {
  const path = diff.path.map(String);
  const description = diff.description ?? '';
  if (path[0] === 'paths' && path[1]?.startsWith(WEBHOOK_PATH_PREFIX)) {
    const type = path[1].slice(WEBHOOK_PATH_PREFIX.length);
    const inBody = path.slice(6); // after post.responses.200.content
    return {
      path: ['webhooks', type, 'post', 'requestBody', 'content', ...inBody].join('.'),
      description: description
        .replace(/\[(\w+)\] operation POST \/webhooks\/(\S+)/, '[$1] webhook $2')
        .replace(/Response 200/g, `the ${type} webhook message`),
    };
  }
  return { path: path.join('.'), description };
};

// Tags only group operations in the docs; api-smart-diff classifies the list itself but not what is inside.
const typeOf = (diff: Diff): ContractChange['type'] => (diff.type === 'unclassified' && diff.path[0] === 'tags' ? 'annotation' : diff.type);

/** Every change from `before` to `after`, each classified by api-smart-diff's OpenAPI rules. */
export const contractChanges = (before: Document, after: Document): ContractChange[] =>
  apiCompare(withWebhooksAsResponses(before), withWebhooksAsResponses(after))
    .diffs.filter((diff) => !isResolvedComponent(diff.path))
    .map((diff) => ({ type: typeOf(diff), action: diff.action, ...located(diff) }));

/** The changes that can break an integrator built against `before`. */
export const breakingChanges = (before: Document, after: Document): ContractChange[] =>
  contractChanges(before, after).filter((change) => change.type === 'breaking');
