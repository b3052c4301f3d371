import { accountTableSchema, controlPlaneTableSchema } from '../../../../shared/adapters/dynamodb/table-schemas';

describe('table schemas', () => {
  it('gives the control table the GSI1 index that API keys are listed by', () => {
    // Act
    const schema = controlPlaneTableSchema('ordo-unit-control');

    // Assess
    expect(schema.GlobalSecondaryIndexes?.map((index) => index.IndexName)).toEqual(['GSI1']);
  });

  it('gives every account table several overloaded indexes, each keyed by its own PK and SK attributes', () => {
    // Act
    const indexes = accountTableSchema('ordo-unit-acct-acme').GlobalSecondaryIndexes ?? [];

    // Assess
    expect(indexes.length).toBeGreaterThan(1);
    for (const index of indexes) {
      expect(index.KeySchema).toEqual([
        { AttributeName: `${index.IndexName}PK`, KeyType: 'HASH' },
        { AttributeName: `${index.IndexName}SK`, KeyType: 'RANGE' },
      ]);
      expect(index.Projection).toEqual({ ProjectionType: 'ALL' });
    }
  });

  it('streams every change to an account table with the item before and after it', () => {
    // Act
    const schema = accountTableSchema('ordo-unit-acct-acme');

    // Assess
    expect(schema.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
  });

  it('defines every attribute that a key schema uses, and no other', () => {
    // Prepare
    const schema = accountTableSchema('ordo-unit-acct-acme');

    // Act
    const keyAttributes = [
      ...(schema.KeySchema ?? []),
      ...(schema.GlobalSecondaryIndexes ?? []).flatMap((index) => index.KeySchema ?? []),
    ].map((key) => key.AttributeName);
    const defined = (schema.AttributeDefinitions ?? []).map((attribute) => attribute.AttributeName);

    // Assess
    expect([...defined].sort()).toEqual([...new Set(keyAttributes)].sort());
  });

  it('creates tables on demand billing with encryption at rest', () => {
    // Act
    const schema = accountTableSchema('ordo-unit-acct-acme');

    // Assess
    expect(schema).toMatchObject({ TableName: 'ordo-unit-acct-acme', BillingMode: 'PAY_PER_REQUEST', SSESpecification: { Enabled: true } });
  });
});
