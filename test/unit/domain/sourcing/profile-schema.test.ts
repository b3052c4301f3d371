import { DEFAULT_SOURCING_PROFILE, sourcingProfileSchema } from '../../../../shared/domain/sourcing/sourcing';

const valid = {
  maxSplit: 2,
  locationTypes: ['WAREHOUSE'],
  ranking: ['SHORTEST_DISTANCE', 'SINGLE_LOCATION', 'FEWEST_SPLITS'],
  maxPlans: 20,
};

describe('sourcingProfileSchema', () => {
  it('accepts the default profile', () => {
    // Act
    const result = sourcingProfileSchema.safeParse(DEFAULT_SOURCING_PROFILE);

    // Assess
    expect(result.success).toBe(true);
  });

  it('accepts a profile with the criteria in another order and no maxPlans', () => {
    // Prepare
    const { maxPlans: _maxPlans, ...body } = valid;

    // Act
    const parsed = sourcingProfileSchema.parse(body);

    // Assess
    expect(parsed).toEqual(body);
  });

  it('rejects a ranking that repeats a criterion, naming the field', () => {
    // Prepare
    const body = { ...valid, ranking: ['SHORTEST_DISTANCE', 'SHORTEST_DISTANCE', 'FEWEST_SPLITS'] };

    // Act
    const result = sourcingProfileSchema.safeParse(body);

    // Assess
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['ranking']]);
  });

  it('rejects maxSplit 0, naming the field', () => {
    // Act
    const result = sourcingProfileSchema.safeParse({ ...valid, maxSplit: 0 });

    // Assess
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['maxSplit']]);
  });

  it.each([
    ['maxSplit 11', { maxSplit: 11 }],
    ['a fractional maxSplit', { maxSplit: 1.5 }],
    ['no location type', { locationTypes: [] }],
    ['a repeated location type', { locationTypes: ['STORE', 'STORE'] }],
    ['an unknown location type', { locationTypes: ['DARK_STORE'] }],
    ['a ranking missing a criterion', { ranking: ['SINGLE_LOCATION', 'FEWEST_SPLITS'] }],
    ['an unknown criterion', { ranking: ['SINGLE_LOCATION', 'FEWEST_SPLITS', 'CHEAPEST'] }],
    ['maxPlans 0', { maxPlans: 0 }],
    ['maxPlans 21', { maxPlans: 21 }],
    ['an unknown field', { priority: 1 }],
  ])('rejects %s', (_label, change) => {
    // Act
    const result = sourcingProfileSchema.safeParse({ ...valid, ...change });

    // Assess
    expect(result.success).toBe(false);
  });
});
