// `npx tsx test/histories/record-ladder.ts <tag>`: records, on the time-skipping server, a step that
// lives through a calendar change and climbs the whole 电子监察 ladder (warning, overdue, 督办
// order, accountability record), and its case. The replay test then keeps those timer and signal
// paths from changing under running cases. Files are never overwritten. The instants run on a
// declared 2030 in the recording's era (test/support/test-era.ts), so it records on any date.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { applyCalendarOverride } from '../../activities/calendar-service';
import { acceptCaseUpdate, calendarChangedSignal, claimStepUpdate, stepStateQuery } from '../../workflows/messages';
import { advanceTo, startWorkflowRig } from '../support/temporal';
import { declaredYear, testEra } from '../support/test-era';
import { caseInput, clerk, officer, startCase, stepHandle } from '../workflows/scenarios';

async function main(): Promise<void> {
  const tag = process.argv[2] ?? 'current';
  const files = ['step-ladder', 'case-ladder'].map((name) => path.join(__dirname, `${name}-${tag}.json`));
  if (files.some((file) => existsSync(file))) throw new Error(`histories tagged ${tag} exist; choose another tag`);
  const era = testEra('2030-11-04T10:00:00');
  const rig = await startWorkflowRig({ prepare: (db) => declaredYear(db, era, 2030) });
  try {
    // Mon 2030-11-04 10:00, limit 2: due Wed 11-06 17:30 until Tue 11-05 is declared a holiday,
    // then Thu 11-07 17:30; 督办 two working days later, its deadline two more.
    await advanceTo(rig.env, era('2030-11-04T10:00:00'));
    const input = caseInput([{ code: 'ZRJ-009', name: '建设用地规划许可证核发', departmentCode: 'zrj', legalDays: 20, committedDays: 2 }]);
    const { handle } = await startCase(rig.env.client, rig.taskQueue, input);
    await handle.executeUpdate(acceptCaseUpdate, { args: [{ actor: clerk }] });
    const step = await stepHandle(rig.env.client, input.caseId, 'ZRJ-009');
    await step.executeUpdate(claimStepUpdate, { args: [{ actor: officer('zrj') }] });
    await applyCalendarOverride(rig.db, { date: era('2030-11-05'), kind: 'holiday', name: '临时休息日', by: 'admin1' });
    await step.signal(calendarChangedSignal, { date: era('2030-11-05') });
    await handle.signal(calendarChangedSignal, { date: era('2030-11-05') });
    await advanceTo(rig.env, era('2030-11-20T09:00:00'));
    const fired = (await step.query(stepStateQuery)).clock?.fired;
    if (!fired?.accountability) throw new Error(`the ladder did not reach the accountability record: ${JSON.stringify(fired)}`);
    writeFileSync(files[0], JSON.stringify(await step.fetchHistory(), null, 1));
    writeFileSync(files[1], JSON.stringify(await handle.fetchHistory(), null, 1));
  } finally {
    await rig.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
