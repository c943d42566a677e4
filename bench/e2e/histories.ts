// History size of finished cases: events, workflow tasks and encoded bytes over every workflow
// of a case (A: the case and its steps; B: the parent and its children).
import { temporal as proto } from '@temporalio/proto';
import type { Client } from '@temporalio/client';

export interface HistoryFigures {
  cases: number;
  events: number;
  workflowTasks: number;
  bytes: number;
  workflows: number;
  stillRunning: number;
}

const COMPLETED = proto.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED;

export async function historyFigures(client: Client, cases: string[][]): Promise<HistoryFigures> {
  const figures: HistoryFigures = { cases: cases.length, events: 0, workflowTasks: 0, bytes: 0, workflows: 0, stillRunning: 0 };
  for (const ids of cases) {
    for (const id of ids) {
      const handle = client.workflow.getHandle(id);
      const [history, description] = await Promise.all([handle.fetchHistory(), handle.describe()]);
      const events = history.events ?? [];
      figures.workflows += 1;
      figures.events += events.length;
      figures.workflowTasks += events.filter((event) => event.eventType === COMPLETED).length;
      figures.bytes += proto.api.history.v1.History.encode(history).finish().length;
      if (description.status.name === 'RUNNING') figures.stillRunning += 1;
    }
  }
  return figures;
}

/** Per-case averages. */
export function perCase(figures: HistoryFigures): { events: number; workflowTasks: number; kb: number } {
  const n = Math.max(1, figures.cases);
  return { events: figures.events / n, workflowTasks: figures.workflowTasks / n, kb: figures.bytes / n / 1024 };
}
