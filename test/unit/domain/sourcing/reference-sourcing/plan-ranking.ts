import { RANKING_CRITERIA, type RankingCriterion } from '../../../../../shared/domain/sourcing/sourcing-model';
import { unitsCovered, type StockMatrix } from './stock-matrix';

/** A chosen set of candidates, before its lines are allocated. */
export interface Choice {
  /** Candidate indices, ascending. */
  members: number[];
  distance: number;
}

/** The profile's criteria, then any it leaves out, in the default order. */
export const rankingOf = (ranking: readonly RankingCriterion[]): readonly RankingCriterion[] => {
  if (ranking.length === RANKING_CRITERIA.length && RANKING_CRITERIA.every((criterion) => ranking.includes(criterion))) return ranking;
  const effective: RankingCriterion[] = [];
  for (const criterion of [...ranking, ...RANKING_CRITERIA]) if (!effective.includes(criterion)) effective.push(criterion);
  return effective;
};

const sameMembers = (a: readonly number[], b: readonly number[]): boolean => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

/** The best complete plans so far, best first, at most `limit`, with distinct location sets. */
export class TopChoices {
  readonly choices: Choice[] = [];

  constructor(
    private readonly ranking: readonly RankingCriterion[],
    private readonly limit: number,
  ) {}

  private compare(splitA: number, distanceA: number, splitB: number, distanceB: number): number {
    for (const criterion of this.ranking) {
      const difference =
        criterion === 'SINGLE_LOCATION'
          ? (splitA === 1 ? 0 : 1) - (splitB === 1 ? 0 : 1)
          : criterion === 'FEWEST_SPLITS'
            ? splitA - splitB
            : distanceA - distanceB;
      if (difference !== 0) return difference;
    }
    return 0;
  }

  /**
   * A plan of `splitCount` locations gets in only with a distance below this (any, if Infinity):
   * what lets every search stop as soon as nothing it could still find would outrank the plans kept.
   */
  threshold(splitCount: number): number {
    if (this.choices.length < this.limit) return Infinity;
    const worst = this.choices[this.choices.length - 1];
    for (const criterion of this.ranking) {
      if (criterion === 'SHORTEST_DISTANCE') return worst.distance;
      const mine = criterion === 'SINGLE_LOCATION' ? (splitCount === 1 ? 0 : 1) : splitCount;
      const theirs = criterion === 'SINGLE_LOCATION' ? (worst.members.length === 1 ? 0 : 1) : worst.members.length;
      if (mine !== theirs) return mine < theirs ? Infinity : -Infinity;
    }
    return worst.distance;
  }

  /**
   * Whether a plan at `distance` gets under a `threshold` from `threshold()`; a method, not a free
   * function, so the searches' hot loops call it on the object they already hold. Locations
   * without valid coordinates are infinitely far: last, but still usable.
   */
  enters(distance: number, threshold: number): boolean {
    return distance < threshold || threshold === Infinity;
  }

  /** Keeps the plan if it ranks among the best; equals keep the order they were found in. */
  offer(members: number[], distance: number): void {
    if (!this.enters(distance, this.threshold(members.length))) return;
    for (const kept of this.choices) if (sameMembers(kept.members, members)) return;
    let at = this.choices.length;
    while (at > 0 && this.compare(members.length, distance, this.choices[at - 1].members.length, this.choices[at - 1].distance) < 0) at--;
    this.choices.splice(at, 0, { members, distance });
    if (this.choices.length > this.limit) this.choices.pop();
  }
}

/** Partial plans rank by the units they cover, then the shortest; whatever the profile's ranking. */
export const isBetterPartial = (stock: StockMatrix, candidate: Choice, incumbent: Choice): boolean => {
  const units = unitsCovered(stock, candidate.members);
  const incumbentUnits = unitsCovered(stock, incumbent.members);
  return units > incumbentUnits || (units === incumbentUnits && candidate.distance < incumbent.distance);
};
