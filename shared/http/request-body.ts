import type { APIGatewayProxyEvent } from 'aws-lambda';
import type * as z from 'zod';
import { PayloadTooLargeError, ValidationError } from '../domain/domain-errors';
import { validate } from '../domain/validation';
import { assertStorableBody } from '../domain/storable-values';

export { validate };

/** Parses the JSON body within the size limit, then validates it. */
export const readJsonBody = <S extends z.ZodType>(
  event: APIGatewayProxyEvent,
  schema: S,
  maxBytes: number,
): z.infer<S> => {
  const raw = event.isBase64Encoded && event.body ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (raw && Buffer.byteLength(raw, 'utf8') > maxBytes) {
    throw new PayloadTooLargeError(`The request body is larger than ${maxBytes} bytes`);
  }
  if (!raw || !raw.trim()) throw new ValidationError('A JSON request body is required', 'body');
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw new ValidationError(`The request body is not valid JSON: ${(error as Error).message}`, 'body');
  }
  const body = validate(schema, parsed);
  assertStorableBody(body);
  return body;
};
