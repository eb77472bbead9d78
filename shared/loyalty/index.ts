export { retentionRate, churnRate } from './retention';
export { netPromoterScore, npsCategory, npsOfCounts, type NpsCategory } from './nps';
export { countFeedback, emptyCounts, npsFigures, type FeedbackCounts, type NpsCounts } from './nps-figures';
export { lifetimeValue } from './ltv';
export { abcClasses, xyzClass, coefficientOfVariation, type AbcClass, type XyzClass } from './abc-xyz';
export {
  rfmScores,
  rfmSegment,
  RFM_SEGMENTS,
  DEFAULT_RFM_FIXED,
  type RfmSegment,
  type RfmScore,
  type RfmInput,
  type RfmMethod,
  type RfmFixedThresholds,
  type Score,
} from './rfm';
export {
  ladderStage,
  LADDER_STAGES,
  DEFAULT_LADDER_RULES,
  type LadderStage,
  type LadderRules,
  type LadderFacts,
} from './ladder';
export { reachesShare, exceedsShare } from './cut-offs';
export { shareAmong, allocateTrip, keyClients, topShare, type TripMoney } from './money';
export {
  monthsBetween,
  addMonths,
  addDays,
  daysBetween,
  periodOf,
  periodsEndingAt,
  nextAnniversary,
  type Period,
  type PeriodKind,
} from './periods';
export {
  analyse,
  analyseSummaries,
  stageAt,
  retention,
  retentionOf,
  segmentFigures,
  type SegmentSums,
  type Analysis,
  type ClientFacts,
  type ClientTrip,
  type FeedbackFact,
  type ClientClass,
} from './analysis';
export {
  latestScore,
  referralsBy,
  summarise,
  summaryPlan,
  windowYears,
  type ClientSummary,
  type SummaryPlan,
} from './summary';
export { worklistReasons, nextSeasonStart, type WorklistClient, type WorklistRules } from './worklist';
export * from './model';
export * from './feedback-model';
export * from './worklist-model';
