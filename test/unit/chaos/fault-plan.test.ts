import { FaultPlan, type FaultName, type FaultRates } from '../../chaos/faults';

/** Rates so low that 20 seeded draws of each kind strike none. */
const RARE: FaultRates = { duplicate: 1e-9, beforeCommit: 1e-9, afterCommit: 1e-9, race: 1e-9, afterDelivery: 1e-9 };
const KINDS = Object.keys(RARE) as FaultName[];

/** Each kind's answers over `tries` chances, the kinds taken in turn. */
const answersOver = (plan: FaultPlan, tries: number): Record<FaultName, boolean[]> => {
  const answers = Object.fromEntries(KINDS.map((kind) => [kind, [] as boolean[]])) as Record<FaultName, boolean[]>;
  for (let n = 0; n < tries; n++) for (const kind of KINDS) answers[kind].push(plan.strikes(kind));
  return answers;
};

describe('a fault plan', () => {
  it('strikes the first chance of every kind when it must strike each at least once, and no later one a rare draw spares', () => {
    // Prepare
    const plan = new FaultPlan(RARE, 16, true);

    // Act
    const answers = answersOver(plan, 20);

    // Assess
    for (const kind of KINDS) expect(answers[kind]).toEqual([true, ...Array(19).fill(false)]);
    expect(plan.counts).toEqual({ duplicate: 1, beforeCommit: 1, afterCommit: 1, race: 1, afterDelivery: 1 });
  });

  it('leaves every kind to its seeded draws otherwise, so a rare fault may never happen', () => {
    // Prepare
    const plan = new FaultPlan(RARE, 16);

    // Act
    answersOver(plan, 20);

    // Assess
    expect(plan.counts).toEqual({ duplicate: 0, beforeCommit: 0, afterCommit: 0, race: 0, afterDelivery: 0 });
  });

  it('draws the same faults after the forced first ones as a plan that forces none, for the same seed', () => {
    // Prepare
    const rates: FaultRates = { duplicate: 0.3, beforeCommit: 0.3, afterCommit: 0.3, race: 0.3, afterDelivery: 0.3 };
    const forcing = new FaultPlan(rates, 7, true);
    const drawing = new FaultPlan(rates, 7);

    // Act
    const forced = answersOver(forcing, 50);
    const drawn = answersOver(drawing, 50);

    // Assess
    for (const kind of KINDS) expect(forced[kind].slice(1)).toEqual(drawn[kind].slice(1));
  });

  it('never strikes a kind whose rate is 0, even the first time', () => {
    // Prepare
    const plan = new FaultPlan({ ...RARE, race: 0 }, 16, true);

    // Act
    const answers = answersOver(plan, 5);

    // Assess
    expect(answers.race).toEqual([false, false, false, false, false]);
  });
});
