// Stored histories must replay against today's workflow code: a chart or workflow change that
// would break running cases fails here (gate such changes with patched()).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { expect } from 'chai';
import { workflowBundle } from '../support/temporal';

const HISTORIES = path.join(__dirname, '..', 'histories');

describe('replay of stored histories', function () {
  this.timeout(60_000);
  const files = readdirSync(HISTORIES).filter((file) => file.endsWith('.json'));

  it('when the history folder is read, then it holds the case and step histories', () => {
    // Recorded before step clocks existed, with them, with a 会签 panel step, with the window
    // channels (即办件, 容缺) and with the §32 window deadline, each gated by patched(); a key
    // project through its first stage; a step that used 加签 and 退回 to the previous signer, and one
    // that was also sent back to the window.
    expect(files).to.include.members([
      'case-delivered.json', 'step-approved.json', 'case-delivered-clock.json', 'step-approved-clock.json',
      'case-delivered-panels.json', 'step-approved-panels.json', 'case-delivered-window-channels.json',
      'case-tolerated-window-channels.json', 'case-delivered-window-deadline.json', 'case-tolerated-window-deadline.json',
      'project-stage.json', 'step-reviewed-reviewer-verbs.json', 'case-reviewed-reviewer-verbs.json',
      'step-reviewed-send-back-window.json', 'case-reviewed-send-back-window.json',
      // The whole 电子监察 ladder from fired timers, after a calendar-change signal (record-ladder.ts).
      'step-ladder-clock-ladder.json', 'case-ladder-clock-ladder.json',
      // Search attributes upserted as status and light change (patch `search-attributes`).
      'case-delivered-search-attributes.json', 'step-approved-search-attributes.json', 'case-tolerated-search-attributes.json',
      'case-reviewed-search-attributes.json', 'step-reviewed-search-attributes.json', 'project-stage-search-attributes.json',
      // Projections, notices and calendar answers as local activities (patch `local-activities`, withdrawn).
      'case-delivered-local-activities.json', 'step-approved-local-activities.json', 'case-tolerated-local-activities.json',
      'case-reviewed-local-activities.json', 'step-reviewed-local-activities.json', 'project-stage-local-activities.json',
      'step-ladder-local-activities.json', 'case-ladder-local-activities.json',
      // Calendar answers as local activities, writes as regular ones again (patch `local-calendar`);
      // steps report to their case only where their clock can move, and the case re-reads its
      // clock as steps decide (patches `clock-actions-report`, `case-clock-outcomes`).
      'case-delivered-local-calendar.json', 'step-approved-local-calendar.json', 'case-tolerated-local-calendar.json',
      'case-reviewed-local-calendar.json', 'step-reviewed-local-calendar.json', 'project-stage-local-calendar.json',
      'step-ladder-local-calendar.json', 'case-ladder-local-calendar.json',
      // Born consolidated: one patch marker per run stands for every change above (workflows/patches.ts).
      'case-delivered-consolidated.json', 'step-approved-consolidated.json', 'case-tolerated-consolidated.json',
      'case-reviewed-consolidated.json', 'step-reviewed-consolidated.json', 'project-stage-consolidated.json',
      'step-ladder-consolidated.json', 'case-ladder-consolidated.json',
    ]);
  });

  for (const file of files) {
    it(`when ${file} is replayed against the current workflows, then it is deterministic`, async () => {
      const history = temporal.api.history.v1.History.fromObject(JSON.parse(readFileSync(path.join(HISTORIES, file), 'utf8')));
      await Worker.runReplayHistory({ workflowBundle: await workflowBundle() }, history);
    });
  }
});
