export const LADDER_STAGES = ['oneTrip', 'repeat', 'regular', 'loyal', 'advocate'] as const;
export type LadderStage = (typeof LADDER_STAGES)[number];

export interface LadderRules {
  /** Trips that make a repeat client (seed: a second purchase). */
  repeatTrips: number;
  /** Trips that make a regular client (seed: ≥ 3). */
  regularTrips: number;
  /** Trips that make a loyal client, and the distinct years they must span. */
  loyalTrips: number;
  loyalYears: number;
  /** Trips an advocate needs at least; then a referral who travelled or a latest score of 9–10. */
  advocateMinTrips: number;
}

export const DEFAULT_LADDER_RULES: LadderRules = {
  repeatTrips: 2,
  regularTrips: 3,
  loyalTrips: 5,
  loyalYears: 3,
  advocateMinTrips: 1,
};

export interface LadderFacts {
  trips: number;
  /** Distinct calendar years with a trip. */
  years: number;
  /** Clients this one recommended who have travelled since. */
  referralsTravelled: number;
  /** The client's latest NPS score (0–10), null when never asked. */
  latestScore: number | null;
}

/** The client ladder of the seed (§2.1); null for a client who has not travelled yet. */
export function ladderStage(
  facts: LadderFacts,
  rules: LadderRules = DEFAULT_LADDER_RULES,
): LadderStage | null {
  if (facts.trips <= 0) return null;
  const recommends = facts.referralsTravelled > 0 || (facts.latestScore !== null && facts.latestScore >= 9);
  if (recommends && facts.trips >= rules.advocateMinTrips) return 'advocate';
  if (facts.trips >= rules.loyalTrips && facts.years >= rules.loyalYears) return 'loyal';
  if (facts.trips >= rules.regularTrips) return 'regular';
  if (facts.trips >= rules.repeatTrips) return 'repeat';
  return 'oneTrip';
}
