// 代办办件: every case the agent accompanies, live, with each case's clocks, what it still owes
// (容缺) and 催办.
import { Card, Table } from 'antd';
import { useState } from 'react';
import { LightTag } from '../../../components/LightTag';
import { PageHeading } from '../../../components/PageHeading';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { CaseStatusTag, ChannelTag } from '../../../components/StatusTag';
import { formatInstant } from '../../../lib/format';
import { useCatalogue } from '../../../lib/useCatalogue';
import { usePolling } from '../../../lib/usePolling';
import type { CaseSummary } from '../../../lib/types';
import { getMyCases } from '../api/agent';
import { useCaseView } from '../hooks/useCaseView';
import { CaseCard } from './CaseCard';

function CaseDetail({ id, onChange }: { id: string; onChange: () => void }) {
  const view = useCaseView(id);
  if (!view.data) return <ProblemAlert error={view.error} />;
  const c = view.data;
  return (
    <CaseCard
      entry={{
        id: c.id, trackingCode: c.trackingCode, status: c.status, channel: c.channel, light: c.light, dueAt: c.dueAt,
        acceptedAt: c.acceptedAt, decidedAt: c.decidedAt, deliveredAt: c.deliveredAt,
        steps: c.steps.map((s) => ({ ...s, assignee: s.assignee?.username ?? null })),
        pauses: [],
      }}
      onChange={() => { void view.reload(); onChange(); }}
    />
  );
}

export function CasesPage() {
  const [page, setPage] = useState(1);
  const cases = usePolling(() => getMyCases(page, 20), [page]);
  const catalogue = useCatalogue();
  return (
    <>
      <PageHeading title="代办办件" />
      <ProblemAlert error={cases.error} />
      <Card size="small">
        <Table<CaseSummary>
          size="small"
          rowKey="id"
          loading={cases.loading}
          scroll={{ x: true }}
          dataSource={cases.data?.items ?? []}
          locale={{ emptyText: '暂无代办办件' }}
          pagination={{ current: page, pageSize: 20, total: cases.data?.total ?? 0, onChange: setPage, showTotal: (total) => `共 ${total} 件` }}
          expandable={{ expandedRowRender: (row) => <CaseDetail id={row.id} onChange={() => void cases.reload()} /> }}
          columns={[
            { title: '查询码', dataIndex: 'trackingCode' },
            { title: '申请人', key: 'applicant', render: (_, c) => c.applicant.name },
            { title: '事项', key: 'matters', render: (_, c) => c.matterCodes.map((code) => catalogue?.matterName(code) ?? code).join('、') },
            { title: '通道', key: 'channel', render: (_, c) => <ChannelTag channel={c.channel} /> },
            { title: '状态', key: 'status', render: (_, c) => <CaseStatusTag status={c.status} /> },
            { title: '时限', key: 'light', render: (_, c) => <LightTag light={c.light} /> },
            { title: '承诺办结时间', key: 'due', render: (_, c) => formatInstant(c.dueAt) },
          ]}
        />
      </Card>
    </>
  );
}
