// 办件查询: the server finds by tracking code, acceptance number (SL + date + tracking code),
// applicant name or project code, in the clerk's scope, newest first.
import { Card, Form, Input, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { PageHeading } from '../../../components/PageHeading';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { CASE_STATUS_LABELS } from '../../../lib/labels';
import { usePolling } from '../../../lib/usePolling';
import { listCases, type CaseStatus } from '../api/window';
import { CaseTable } from './CaseTable';

/** The server caps the words at this length (a longer search is a 400). */
const MAX_WORDS = 100;
/** Typing settles this long before the list asks the server. */
const SETTLE_MS = 300;

export function SearchPage() {
  const [typed, setTyped] = useState('');
  const [words, setWords] = useState('');
  const [status, setStatus] = useState<CaseStatus>();
  useEffect(() => {
    const settle = setTimeout(() => setWords(typed.trim()), SETTLE_MS);
    return () => clearTimeout(settle);
  }, [typed]);
  const { data, error, loading } = usePolling(
    () => listCases({ pageSize: 100, ...(status ? { status } : {}), ...(words ? { q: words } : {}) }),
    [status, words],
  );
  const found = data?.items ?? [];

  return (
    <>
      <PageHeading title="办件查询" />
      <Card style={{ marginBottom: 16 }}>
        <Form layout="inline">
          <Space wrap>
            <Form.Item label="查询码、受理编号或申请人" htmlFor="case-search">
              <Input.Search
                id="case-search"
                allowClear
                maxLength={MAX_WORDS}
                placeholder="也可输入项目编号"
                onSearch={(value) => { setTyped(value); setWords(value.trim()); }}
                onChange={(e) => setTyped(e.target.value)}
                style={{ width: 280 }}
              />
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
        {data && data.total > found.length && (
          <Typography.Paragraph type="secondary">共 {data.total} 件，显示最新的 {found.length} 件；请缩小查询范围。</Typography.Paragraph>
        )}
        <CaseTable cases={found} loading={loading && !data} />
      </Card>
    </>
  );
}
