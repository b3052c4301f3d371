import { decodeCursor, encodeCursor } from '../../../../shared/adapters/dynamodb/pagination-cursor';
import { ValidationError } from '../../../../shared/domain/domain-errors';

const base64url = (text: string) => Buffer.from(text).toString('base64url');

describe('pagination cursor', () => {
  describe('encodeCursor', () => {
    it('encodes a key as URL-safe text', () => {
      // Act
      const cursor = encodeCursor({ PK: 'ROOT#ORDER#O-1/?+', SK: 'ENTITY#ORDER#O-1', GSI1PK: 'ENTITIES#ORDER', GSI1SK: '2025-03-01T10:00:00.000Z#O-1' });

      // Assess
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    });

    it('returns no cursor when there is no key, that is after the last page', () => {
      // Act
      const cursor = encodeCursor(undefined);

      // Assess
      expect(cursor).toBeUndefined();
    });
  });

  describe('decodeCursor', () => {
    it('gives back the key it encoded', () => {
      // Prepare
      const key = { PK: 'EVENT#evt-1', SK: 'EVENT', GSI3PK: 'EVENTS', GSI3SK: '2025-03-01T10:00:00.000Z#evt-1' };

      // Act
      const decoded = decodeCursor(encodeCursor(key));

      // Assess
      expect(decoded).toEqual(key);
    });

    it('reads no cursor as the first page', () => {
      // Act
      const decoded = decodeCursor(undefined);

      // Assess
      expect(decoded).toBeUndefined();
    });

    it('reads an empty cursor as the first page', () => {
      // Act
      const decoded = decodeCursor('');

      // Assess
      expect(decoded).toBeUndefined();
    });

    it('refuses text that is not an encoded key with a 400 ValidationError naming cursor', () => {
      // Act
      const attempt = () => decodeCursor('not-a-cursor!');

      // Assess
      expect(attempt).toThrow(ValidationError);
      expect(attempt).toThrow(expect.objectContaining({ field: 'cursor', code: 'VALIDATION_FAILED' }));
    });

    it.each([
      ['a string', '"EVENT#evt-1"'],
      ['a number', '42'],
      ['null', 'null'],
      ['an array', '["PK", "SK"]'],
      ['an empty object', '{}'],
    ])('refuses JSON that is %s rather than a key object', (_kind, json) => {
      // Act
      const attempt = () => decodeCursor(base64url(json));

      // Assess
      expect(attempt).toThrow(expect.objectContaining({ field: 'cursor', code: 'VALIDATION_FAILED' }));
    });

    it('refuses a key with an attribute that is not a table or index key', () => {
      // Prepare
      const forged = base64url(JSON.stringify({ PK: 'ROOT#ORDER#O-1', SK: 'ENTITY#ORDER#O-1', retailerId: 'R2' }));

      // Act
      const attempt = () => decodeCursor(forged);

      // Assess
      expect(attempt).toThrow(expect.objectContaining({ field: 'cursor', code: 'VALIDATION_FAILED' }));
    });

    it('refuses a key whose values are not strings', () => {
      // Prepare
      const forged = base64url(JSON.stringify({ PK: { S: 'ROOT#ORDER#O-1' }, SK: 7 }));

      // Act
      const attempt = () => decodeCursor(forged);

      // Assess
      expect(attempt).toThrow(expect.objectContaining({ field: 'cursor', code: 'VALIDATION_FAILED' }));
    });
  });
});
