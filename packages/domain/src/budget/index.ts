export * from './part-of.js';
/** Matching a plan's budget project to the RS system's projects by name, ministry and years. */
export {
  nameSimilarity,
  normaliseProjectName,
  projectNameStem,
  suggestRsMatches,
  type MatchBudgetProject,
  type MatchRsProject,
  type RsMatch,
} from './rs-match.js';
