/**
 * The statistics sections after the first screen (the year, true retention, the distributions, calibration): the page loads them
 * while it reads the database, so they stay out of its first-load JavaScript and are there by the time they are shown.
 */
export { default as CalibrationPanel } from './CalibrationPanel.svelte';
export { default as DistributionPanels } from './DistributionPanels.svelte';
export { default as RetentionTable } from './RetentionTable.svelte';
export { default as YearPanel } from './YearPanel.svelte';
