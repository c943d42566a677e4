import { Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { LightTag } from '../../../components/LightTag';
import { CaseStatusTag, ChannelTag } from '../../../components/StatusTag';
import { formatInstant } from '../../../lib/format';
import type { CaseSummary } from '../../../lib/types';
import { useCatalogue } from '../../../lib/useCatalogue';

export function CaseTable({ cases, loading, extra }: {
  cases: CaseSummary[];
  loading?: boolean;
  extra?: { title: string; render: (kase: CaseSummary) => ReactNode };
}) {
  const catalogue = useCatalogue();
  return (
    <Table<CaseSummary>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={cases}
      scroll={{ x: true }}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: '暂无办件' }}
      columns={[
        { title: '查询码', key: 'code', render: (_, c) => <Link to={`/window/cases/${c.id}`}>{c.trackingCode}</Link> },
        { title: '申请人', key: 'applicant', render: (_, c) => c.applicant.name },
        { title: '事项', key: 'matters', render: (_, c) => <Typography.Text>{c.matterCodes.map((code) => catalogue?.matterName(code) ?? code).join('、')}</Typography.Text> },
        { title: '通道', key: 'channel', render: (_, c) => <ChannelTag channel={c.channel} /> },
        { title: '状态', key: 'status', render: (_, c) => <CaseStatusTag status={c.status} /> },
        { title: '时限', key: 'light', render: (_, c) => <LightTag light={c.light} /> },
        { title: '收件时间', key: 'submitted', render: (_, c) => formatInstant(c.submittedAt) },
        ...(extra ? [{ title: extra.title, key: 'extra', render: (_: unknown, c: CaseSummary) => extra.render(c) }] : []),
      ]}
    />
  );
}
