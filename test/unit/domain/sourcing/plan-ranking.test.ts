import { rankingOf, TopChoices } from '../../../../shared/domain/sourcing/plan-ranking';

describe('rankingOf', () => {
  it('completes a partial ranking with the criteria it leaves out, in the default order', () => {
    // Act
    const ranking = rankingOf(['SHORTEST_DISTANCE']);

    // Assess
    expect(ranking).toEqual(['SHORTEST_DISTANCE', 'SINGLE_LOCATION', 'FEWEST_SPLITS']);
  });
});

describe('TopChoices', () => {
  it('keeps the best plans by the ranking, at most the limit, each location set once', () => {
    // Prepare
    const top = new TopChoices(['SINGLE_LOCATION', 'FEWEST_SPLITS', 'SHORTEST_DISTANCE'], 2);

    // Act
    top.offer([0, 1], 5);
    top.offer([2], 40);
    top.offer([0, 1], 5);
    top.offer([3, 4], 3);

    // Assess
    expect(top.choices).toEqual([
      { members: [2], distance: 40 },
      { members: [3, 4], distance: 3 },
    ]);
  });

  it('lets in no plan that could not outrank the worst kept once full', () => {
    // Prepare
    const top = new TopChoices(['SINGLE_LOCATION', 'FEWEST_SPLITS', 'SHORTEST_DISTANCE'], 1);
    top.offer([0], 10);

    // Act
    const singles = top.threshold(1);
    const pairs = top.threshold(2);

    // Assess
    expect(singles).toBe(10);
    expect(pairs).toBe(-Infinity);
  });
});
