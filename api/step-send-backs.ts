// 退回 to the window, seen from the case: which steps wait for the applicant's supplement. Read
// from the case timeline, where each step's SEND_BACK {to: "window"} is followed, once the
// window has the materials, by its SUPPLEMENTED.
import type { AuditEvent } from '../entities';

export function stepsAwaitingWindow(timeline: AuditEvent[]): string[] {
  const waiting = new Set<string>();
  for (const event of timeline) {
    if (!event.stepId) continue;
    if (event.action === 'SEND_BACK' && event.detail?.to === 'window') waiting.add(event.stepId);
    if (event.action === 'SUPPLEMENTED') waiting.delete(event.stepId);
  }
  return [...waiting];
}
