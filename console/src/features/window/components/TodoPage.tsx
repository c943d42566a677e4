// 窗口待办: cases waiting on the window — to accept (§32: within 5 working days of receipt), to
// receive supplements, or to deliver.
import { Card, Tag } from 'antd';
import { PageHeading } from '../../../components/PageHeading';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useWorkingDaysSince } from '../../../lib/calendar';
import { usePolling } from '../../../lib/usePolling';
import type { CaseSummary } from '../../../lib/types';
import { listCases } from '../api/window';
import { useOwedCases } from '../hooks/useOwedCases';
import { formatInstant } from '../../../lib/format';
import { stepsAwaitingWindow } from './window-actions';
import { CaseTable } from './CaseTable';
import { NEXT_STEP, WAITING_STATUSES } from './window-actions';

/** §32: the window decides within 5 working days of receiving complete materials. */
const DECISION_WORKING_DAYS = 5;

export function TodoPage() {
  const { data, error, loading } = usePolling(async () => {
    const pages = await Promise.all(WAITING_STATUSES.map((status) => listCases({ status, pageSize: 100 })));
    return pages.flatMap((page) => page.items)
      .sort((a, b) => (a.channel === b.channel ? (a.submittedAt ?? '').localeCompare(b.submittedAt ?? '') : a.channel === 'green' ? -1 : 1));
  }, []);
  const since = useWorkingDaysSince();
  const owed = useOwedCases();

  const nextStep = (kase: CaseSummary) => {
    const words = NEXT_STEP[kase.status] ?? '';
    if (kase.status !== 'submitted') return <Tag>{words}</Tag>;
    const elapsed = since(kase.submittedAt);
    if (elapsed === null) return <Tag>{words}</Tag>;
    const left = DECISION_WORKING_DAYS - elapsed;
    return (
      <Tag color={left <= 1 ? 'red' : left <= 2 ? 'gold' : 'blue'}>
        {words}（受理期限剩余 {Math.max(left, 0)} 个工作日）
      </Tag>
    );
  };

  return (
    <>
      <PageHeading title="窗口待办" />
      <ProblemAlert error={error} />
      <Card>
        <CaseTable cases={data ?? []} loading={loading && !data} extra={{ title: '待办事项', render: nextStep }} />
      </Card>
      <Card title="待收取的补正材料（容缺受理、部门退回）" style={{ marginTop: 16 }}>
        <CaseTable
          cases={owed.data ?? []}
          loading={owed.loading && !owed.data}
          extra={{
            title: '待收取',
            render: (kase) => {
              const view = owed.data?.find((v) => v.id === kase.id);
              if (view?.deficiency?.owed.length) {
                return <Tag color="gold" style={{ whiteSpace: 'normal' }}>容缺：{view.deficiency.owed.map((m) => m.name).join('、')}（{formatInstant(view.deficiency.dueAt)} 前）</Tag>;
              }
              return <Tag color="orange">部门退回 {stepsAwaitingWindow(view?.timeline ?? []).length} 个环节待补正</Tag>;
            },
          }}
        />
      </Card>
    </>
  );
}
