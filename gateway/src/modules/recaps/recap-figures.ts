/**
 * A recap's figures from its tally: the one place shares, percentiles and the satisfaction
 * summary are computed, whether the tally was counted live (recap-counter.ts) or merged from
 * daily rollups (recap-rollup-reads.ts).
 */
import { percent, summarizeAnswers } from "./recap.rules.js";
import { answersOf, countOf, percentileHours, type RecapTally } from "./recap-tally.rules.js";
import { SatisfactionQuestion, type RecapFigures } from "./recap.types.js";

const QUESTIONS = [SatisfactionQuestion.SERVICE, SatisfactionQuestion.RESTORED, SatisfactionQuestion.INFORMATION] as const;

/** The figures a tally shows. */
export function figuresOf(t: RecapTally): RecapFigures {
  const answered = countOf(t.answers[0]);
  return {
    ticketsIn: t.ticketsIn,
    resolved: t.resolved,
    closed: t.closed,
    cancelled: t.cancelled,
    reopened: t.reopened,
    backlog: countOf(t.backlogAges),
    backlogAgeMedianHours: percentileHours(t.backlogAges, 50),
    backlogAgeP90Hours: percentileHours(t.backlogAges, 90),
    responseTargets: t.responseTargets,
    responseTargetsKept: t.responseKept,
    responseKeptPercent: percent(t.responseKept, t.responseTargets),
    resolutionTargets: t.resolutionTargets,
    resolutionTargetsKept: t.resolutionKept,
    resolutionKeptPercent: percent(t.resolutionKept, t.resolutionTargets),
    firstResponseMedianHours: percentileHours(t.firstResponse, 50),
    firstResponseP90Hours: percentileHours(t.firstResponse, 90),
    resolutionMedianHours: percentileHours(t.resolution, 50),
    resolutionP90Hours: percentileHours(t.resolution, 90),
    firstContactResolved: t.firstContact,
    firstContactPercent: percent(t.firstContact, t.resolved),
    escalationsFunctional: t.functional,
    escalationsHierarchical: t.hierarchical,
    satisfaction: QUESTIONS.map((question, i) => ({ question, ...summarizeAnswers(answersOf(t.answers[i]!)) })),
    satisfactionResponseRate: percent(answered, t.resolved),
    suggestions: t.suggestions,
  };
}
