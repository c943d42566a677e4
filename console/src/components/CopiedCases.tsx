// 抄送我的: the cases copied to the signed-in person (by name, or to the department they review
// for), newest copy first, with who copied each and when; each row opens the workspace's case page.
import { Card, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../lib/api';
import type { paths } from '../lib/api-schema';
import { formatInstant } from '../lib/format';
import { CASE_STATUS_LABELS } from '../lib/labels';
import type { CopiedCase, Page } from '../lib/types';
import { useCatalogue } from '../lib/useCatalogue';
import { usePolling } from '../lib/usePolling';
import { LightTag } from './LightTag';
import { PageHeading } from './PageHeading';
import { ProblemAlert } from './ProblemAlert';
import { CaseStatusTag } from './StatusTag';

type CaseStatus = NonNullable<NonNullable<paths['/api/cases']['get']['parameters']['query']>['status']>;

const PAGE_SIZE = 20;

const copiedCases = (query: { page: number; status?: CaseStatus }) =>
  unwrap<Page<CopiedCase>>(api.GET('/api/cases', { params: { query: { copied: 'true', pageSize: PAGE_SIZE, ...query } } }));

export function CopiedCasesPage({ caseLink }: { caseLink: (kase: CopiedCase) => string }) {
  const [status, setStatus] = useState<CaseStatus>();
  const [page, setPage] = useState(1);
  const catalogue = useCatalogue();
  const { data, error, loading } = usePolling(() => copiedCases({ page, ...(status ? { status } : {}) }), [page, status], 15_000);
  const filter = (value: CaseStatus | undefined) => {
    setStatus(value);
    setPage(1);
  };

  return (
    <>
      <PageHeading
        title="抄送我的"
        extra={(
          <label>
            状态筛选{' '}
            <Select<CaseStatus> allowClear placeholder="全部" style={{ width: 180 }} value={status} onChange={filter} aria-label="状态筛选"
              options={Object.entries(CASE_STATUS_LABELS).map(([value, label]) => ({ value: value as CaseStatus, label }))} />
          </label>
        )}
      />
      <ProblemAlert error={error} />
      <Card>
        <Table<CopiedCase>
          rowKey="id"
          size="small"
          loading={loading && !data}
          dataSource={data?.items ?? []}
          scroll={{ x: true }}
          locale={{ emptyText: '暂无抄送给您的办件' }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, hideOnSinglePage: true, showSizeChanger: false, onChange: setPage }}
          columns={[
            { title: '查询码', key: 'code', render: (_, c) => <Link to={caseLink(c)}>{c.trackingCode}</Link> },
            { title: '申请人', key: 'applicant', render: (_, c) => c.applicant.name },
            { title: '事项', key: 'matters', render: (_, c) => c.matterCodes.map((code) => catalogue?.matterName(code) ?? code).join('、') },
            { title: '状态', key: 'status', render: (_, c) => <CaseStatusTag status={c.status} /> },
            { title: '时限', key: 'light', render: (_, c) => <LightTag light={c.light} /> },
            { title: '抄送人', key: 'by', render: (_, c) => c.copy.by },
            { title: '抄送时间', key: 'at', render: (_, c) => formatInstant(c.copy.at) },
            { title: '附言', key: 'note', render: (_, c) => (c.copy.note ? <Typography.Text>{c.copy.note}</Typography.Text> : '—') },
          ]}
        />
      </Card>
    </>
  );
}
