// The applicant's public calls: progress by tracking code + phone digits, 好差评, 效能投诉.
import { api, unwrap } from '../../../lib/api';

export interface Tracking {
  trackingCode: string;
  status: string;
  submittedAt: string | null;
  acceptedAt: string | null;
  deliveredAt: string | null;
  deficiency: { owed: { code: string; name: string }[]; dueAt: string | null } | null;
  steps: { matterCode: string; departmentCode: string; status: string; dueAt: string | null }[];
}

export const track = (trackingCode: string, phoneLast4: string) =>
  unwrap<Tracking>(api.GET('/api/track/{trackingCode}', { params: { path: { trackingCode }, query: { phoneLast4 } } }));

export const evaluate = (trackingCode: string, body: { phoneLast4: string; level: number; comment?: string }) =>
  unwrap<{ id: number }>(api.POST('/api/track/{trackingCode}/evaluation', { params: { path: { trackingCode } }, body }));

export const complain = (trackingCode: string, body: { phoneLast4: string; content: string; departmentCode?: string }) =>
  unwrap<{ number: string; status: string; receivedAt: string | null; deadlineAt: string | null }>(
    api.POST('/api/track/{trackingCode}/complaints', { params: { path: { trackingCode } }, body }),
  );
