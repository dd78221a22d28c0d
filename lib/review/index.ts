/** Team-lead review: log bundles, rollups, metrics, drill-down, goals. Pure; no DB access here. */
export * from './bundle';
export * from './csv';
export * from './drilldown';
export * from './filter';
export * from './goals';
export * from './metrics';
export * from './normalise';
export * from './rollups';
export * from './staffing';
export { quantilesOfCounts, isoWeekOfDay, daysOfIsoWeek, type Quantiles } from './stats';
