import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { handler } from '../../../functions/http/get-openapi';
import { publishedContract } from '../../../shared/http/published-contract';
import { logger } from '../../../shared/runtime/logger';
import { apiGatewayEvent, jsonBody, lambdaContext } from '../../support/lambda';

const CONTRACT = load(readFileSync(join(__dirname, '..', '..', '..', 'openapi.yaml'), 'utf8'));

const getOpenApi = () => handler(apiGatewayEvent({ method: 'GET', resource: '/v1/openapi.json' }), lambdaContext());

describe('GET /v1/openapi.json', () => {
  beforeEach(() => {
    jest.spyOn(logger, 'info').mockImplementation(() => undefined);
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('serves openapi.yaml as JSON to a caller without a key', async () => {
    // Act
    const response = await getOpenApi();

    // Assess
    expect(response.statusCode).toBe(200);
    expect(response.headers?.['content-type']).toMatch(/^application\/json/);
    expect(jsonBody(response)).toEqual(CONTRACT);
  });

  it('lets caches keep it, unlike every other answer', async () => {
    // Act
    const response = await getOpenApi();

    // Assess
    expect(response.headers?.['cache-control']).toBe('public, max-age=300');
  });

  it('tags it with an ETag that is the hash of exactly the bytes served', async () => {
    // Act
    const response = await getOpenApi();

    // Assess
    const served = createHash('sha256').update(response.body).digest('base64url');
    expect(response.headers?.etag).toBe(`"${served}"`);
  });
});

describe('publishedContract', () => {
  it('gives a changed contract another ETag', () => {
    // Prepare
    const changed = { ...(CONTRACT as object), info: { title: 'Ordo', version: '9.9.9' } };

    // Act
    const etags = [publishedContract(CONTRACT).etag, publishedContract(changed).etag];

    // Assess
    expect(etags[0]).not.toBe(etags[1]);
  });
});
