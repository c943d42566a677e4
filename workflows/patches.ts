// Which changes a run takes. Every change to the workflows is gated by a patch, and each patch a
// new run meets costs it two history events: Temporal writes a marker and upserts the
// `TemporalChangeVersion` search attribute. A new case (six runs) met 66 of them before it did any
// work.
//
// Since patch `consolidated-2026-11` a run born on this code asks that one patch, first thing, and
// takes every change listed below without asking again: two events per run instead of up to 16.
// Runs started before it replay as they were: their history has no consolidation marker, so each
// change is asked where it always was, and answers from its own marker. A change made after the
// consolidation is a patch of its own, asked by every run.
import { patched } from '@temporalio/workflow';

export const CONSOLIDATION_PATCH = 'consolidated-2026-11';

/** The changes the consolidation stands for: each was a patch of its own before it. */
export const CONSOLIDATED_PATCHES = [
  // case
  'window-channels', 'case-clock', 'window-deadline', 'case-clock-outcomes', 'outcome-dependencies', 'delivery-notice',
  'review-once-steps-run', 'case-clock-all-reported',
  // step
  'step-clock', 'approval-panels', 'resume-after-count-start', 'clock-actions-report', 'rejection-filing', 'step-release',
  'reviewer-verbs', 'send-back-window',
  // every run
  'search-attributes', 'local-calendar',
] as const;

export type ConsolidatedPatch = typeof CONSOLIDATED_PATCHES[number];

export interface RunPatches {
  /** Whether this run takes the change: always, for a run born consolidated; else its own marker decides. */
  has(patchId: ConsolidatedPatch): boolean;
}

/** A run's patches. Call once per run, before anything else, so the marker leads its history. */
export function runPatches(): RunPatches {
  const consolidated = patched(CONSOLIDATION_PATCH);
  return { has: (patchId) => consolidated || patched(patchId) };
}
