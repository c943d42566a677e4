// The departments' steps of one case, side by side: status, light, due instant, who holds it.
import { Table } from 'antd';
import type { ReactNode } from 'react';
import { formatInstant } from '../lib/format';
import type { StepView } from '../lib/types';
import { useCatalogue } from '../lib/useCatalogue';
import { LightTag } from './LightTag';
import { StepStatusTag } from './StatusTag';

export function StepsTable({ steps, action }: { steps: StepView[]; action?: (step: StepView) => ReactNode }) {
  const catalogue = useCatalogue();
  return (
    <Table<StepView>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={steps}
      scroll={{ x: true }}
      columns={[
        { title: '部门', key: 'department', render: (_, s) => catalogue?.departmentName(s.departmentCode) ?? s.departmentCode },
        { title: '事项', key: 'matter', render: (_, s) => catalogue?.matterName(s.matterCode) ?? s.matterCode },
        { title: '状态', key: 'status', render: (_, s) => <StepStatusTag status={s.status} /> },
        { title: '时限', key: 'light', render: (_, s) => <LightTag light={s.light} /> },
        { title: '承诺办结时间', key: 'due', render: (_, s) => formatInstant(s.dueAt) },
        { title: '办理人', key: 'assignee', render: (_, s) => s.assignee?.username ?? '—' },
        { title: '审查意见', key: 'opinion', render: (_, s) => s.opinion ?? s.reason ?? '—' },
        ...(action ? [{ title: '操作', key: 'action', render: (_: unknown, s: StepView) => action(s) }] : []),
      ]}
    />
  );
}
