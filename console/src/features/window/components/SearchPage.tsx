// 办件查询: by tracking code, acceptance number (SL + date + tracking code) or applicant name.
import { Card, Form, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { PageHeading } from '../../../components/PageHeading';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { CASE_STATUS_LABELS } from '../../../lib/labels';
import { usePolling } from '../../../lib/usePolling';
import type { CaseSummary } from '../../../lib/types';
import { listCases, type CaseStatus } from '../api/window';
import { CaseTable } from './CaseTable';

function matches(kase: CaseSummary, words: string): boolean {
  const q = words.trim().toUpperCase();
  if (!q) return true;
  return kase.trackingCode.includes(q)
    || (q.startsWith('SL') && q.endsWith(kase.trackingCode))
    || kase.applicant.name.toUpperCase().includes(q)
    || (kase.projectName ?? '').toUpperCase().includes(q);
}

export function SearchPage() {
  const [words, setWords] = useState('');
  const [status, setStatus] = useState<CaseStatus>();
  const { data, error, loading } = usePolling(() => listCases({ pageSize: 100, ...(status ? { status } : {}) }), [status]);
  const found = (data?.items ?? []).filter((kase) => matches(kase, words));

  return (
    <>
      <PageHeading title="办件查询" />
      <Card style={{ marginBottom: 16 }}>
        <Form layout="inline">
          <Space wrap>
            <Form.Item label="查询码、受理编号或申请人" htmlFor="case-search">
              <Input.Search id="case-search" allowClear onSearch={setWords} onChange={(e) => setWords(e.target.value)} style={{ width: 280 }} />
            </Form.Item>
            <Form.Item label="状态" htmlFor="case-status">
              <Select<CaseStatus>
                id="case-status"
                allowClear
                placeholder="全部"
                style={{ width: 180 }}
                value={status}
                onChange={setStatus}
                options={Object.entries(CASE_STATUS_LABELS).map(([value, label]) => ({ value: value as CaseStatus, label }))}
              />
            </Form.Item>
          </Space>
        </Form>
      </Card>
      <ProblemAlert error={error} />
      <Card>
        <CaseTable cases={found} loading={loading && !data} />
      </Card>
    </>
  );
}
