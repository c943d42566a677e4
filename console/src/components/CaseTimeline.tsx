// 审批进度: every timeline entry with its Chinese action name, who, when and what was said.
import { Timeline, Typography } from 'antd';
import { formatInstant } from '../lib/format';
import { ACTION_LABELS, CASE_STATUS_LABELS, STEP_STATUS_LABELS, label } from '../lib/labels';
import type { TimelineEntry } from '../lib/types';

const DETAIL_WORDS: Record<string, string> = {
  reason: '理由', opinion: '意见', legalBasis: '法律依据', kind: '类别', note: '说明', workingDays: '工作日',
  toUsername: '转给', consolidatedOpinion: '结论', topic: '议题',
};

function detailText(detail: TimelineEntry['detail']): string {
  if (!detail) return '';
  return Object.entries(DETAIL_WORDS)
    .filter(([key]) => typeof detail[key] === 'string' || typeof detail[key] === 'number')
    .map(([key, word]) => `${word}：${String(detail[key])}`)
    .join('；');
}

const stateName = (state: string | null) => (state ? CASE_STATUS_LABELS[state] ?? STEP_STATUS_LABELS[state] ?? state : '');

export function CaseTimeline({ entries, stepName }: { entries: TimelineEntry[]; stepName?: (stepId: string) => string }) {
  return (
    <Timeline
      items={entries.map((entry, index) => {
        const extra = detailText(entry.detail);
        return {
          key: `${entry.at}-${index}`,
          color: entry.action === 'REJECT' || entry.action === 'REFUSE' ? 'red' : entry.action.includes('OVERDUE') ? 'red' : 'blue',
          children: (
            <div>
              <Typography.Text strong>{label(ACTION_LABELS, entry.action)}</Typography.Text>
              {entry.stepId && stepName ? <Typography.Text type="secondary">（{stepName(entry.stepId)}）</Typography.Text> : null}
              <div>
                <Typography.Text type="secondary">
                  {formatInstant(entry.at)} · {entry.actor ? entry.actor.username : '系统'}
                  {entry.toState ? ` · ${stateName(entry.toState)}` : ''}
                </Typography.Text>
              </div>
              {extra && <div>{extra}</div>}
            </div>
          ),
        };
      })}
    />
  );
}
