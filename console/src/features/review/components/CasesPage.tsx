// 已办 and 部门办件: cases with a step of the department, by status.
import { Card, Select, Table } from 'antd';
import { useState } from 'react';
import { LightTag } from '../../../components/LightTag';
import { PageHeading } from '../../../components/PageHeading';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { CaseStatusTag, ChannelTag } from '../../../components/StatusTag';
import { formatInstant } from '../../../lib/format';
import { CASE_STATUS_LABELS } from '../../../lib/labels';
import type { CaseSummary } from '../../../lib/types';
import { useCatalogue } from '../../../lib/useCatalogue';
import { usePolling } from '../../../lib/usePolling';
import { useSession } from '../../../lib/session';
import { Link } from 'react-router';
import { listCases } from '../api/review';

const CONCLUDED = ['approved', 'partiallyApproved', 'denied', 'delivered'] as const;

export function CasesPage({ done }: { done: boolean }) {
  const [status, setStatus] = useState<string>();
  const catalogue = useCatalogue();
  const department = useSession()?.user.departmentCode;
  /** The department's step of a case: `<caseId>-<matterCode>`. */
  const ownStep = (c: CaseSummary) => c.matterCodes.find((code) => catalogue?.matters.find((m) => m.code === code)?.departmentCode === department);
  const { data, error, loading } = usePolling(async () => {
    if (done) {
      const pages = await Promise.all(CONCLUDED.map((s) => listCases({ status: s, pageSize: 100 })));
      return pages.flatMap((p) => p.items).sort((a, b) => (b.decidedAt ?? '').localeCompare(a.decidedAt ?? ''));
    }
    return (await listCases({ pageSize: 100, ...(status ? { status: status as never } : {}) })).items;
  }, [done, status]);

  return (
    <>
      <PageHeading
        title={done ? '已办' : '部门办件'}
        extra={done ? undefined : (
          <label>
            状态筛选{' '}
            <Select allowClear placeholder="全部" style={{ width: 180 }} value={status} onChange={setStatus}
              aria-label="状态筛选"
              options={Object.entries(CASE_STATUS_LABELS).map(([value, label]) => ({ value, label }))} />
          </label>
        )}
      />
      <ProblemAlert error={error} />
      <Card>
        <Table<CaseSummary>
          rowKey="id"
          size="small"
          loading={loading && !data}
          dataSource={data ?? []}
          scroll={{ x: true }}
          locale={{ emptyText: '暂无办件' }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: '查询码', key: 'code', render: (_, c) => {
              const code = ownStep(c);
              return code ? <Link to={`/review/steps/${encodeURIComponent(`${c.id}-${code}`)}`}>{c.trackingCode}</Link> : c.trackingCode;
            } },
            { title: '申请人', key: 'applicant', render: (_, c) => c.applicant.name },
            { title: '事项', key: 'matters', render: (_, c) => c.matterCodes.map((code) => catalogue?.matterName(code) ?? code).join('、') },
            { title: '通道', key: 'channel', render: (_, c) => <ChannelTag channel={c.channel} /> },
            { title: '状态', key: 'status', render: (_, c) => <CaseStatusTag status={c.status} /> },
            { title: '时限', key: 'light', render: (_, c) => <LightTag light={c.light} /> },
            { title: done ? '办结时间' : '受理时间', key: 'at', render: (_, c) => formatInstant(done ? c.decidedAt : c.acceptedAt) },
          ]}
        />
      </Card>
    </>
  );
}
