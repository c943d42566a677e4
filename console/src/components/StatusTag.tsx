import { Tag } from 'antd';
import { CASE_STATUS_LABELS, CHANNEL_LABELS, STEP_STATUS_LABELS, label } from '../lib/labels';

const CASE_COLORS: Record<string, string> = {
  submitted: 'blue', supplementRequested: 'orange', accepted: 'cyan', inReview: 'processing', suspended: 'warning',
  approved: 'success', partiallyApproved: 'gold', denied: 'error', delivered: 'default', refused: 'error', withdrawn: 'default',
};
const STEP_COLORS: Record<string, string> = {
  pending: 'blue', claimed: 'cyan', inReview: 'processing', suspended: 'warning', approved: 'success', rejected: 'error', withdrawn: 'default',
};

export function CaseStatusTag({ status }: { status: string }) {
  return <Tag color={CASE_COLORS[status]}>{label(CASE_STATUS_LABELS, status)}</Tag>;
}

export function StepStatusTag({ status }: { status: string }) {
  return <Tag color={STEP_COLORS[status]}>{label(STEP_STATUS_LABELS, status)}</Tag>;
}

export function ChannelTag({ channel }: { channel: string }) {
  return channel === 'green' ? <Tag color="green">{CHANNEL_LABELS.green}</Tag> : <Tag>{label(CHANNEL_LABELS, channel)}</Tag>;
}
