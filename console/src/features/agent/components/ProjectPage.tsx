// One project's 工作台帐: the four stages with their cases and step clocks, the project clock,
// 半月汇报, escalations and the project's timeline.
import { Alert, Card, Empty, Space, Spin, Steps, Table, Tag, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { PageHeading } from '../../../components/PageHeading';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { formatInstant } from '../../../lib/format';
import { label } from '../../../lib/labels';
import { useCatalogue } from '../../../lib/useCatalogue';
import { usePolling } from '../../../lib/usePolling';
import { getLedger, type LedgerStage } from '../api/agent';
import { periodName } from '../hooks/reportPeriod';
import { CaseCard } from './CaseCard';
import { PROJECT_EVENT_LABELS, PROJECT_STATUS_LABELS } from './labels';
import { ProjectClock } from './ProjectClock';
import { ReportForm } from './ReportForm';

const STEP_STATUS: Record<LedgerStage['status'], 'finish' | 'process' | 'wait' | 'error'> = {
  passed: 'finish', current: 'process', pending: 'wait', closed: 'error',
};
const STAGE_WORDS: Record<LedgerStage['status'], string> = { passed: '已通过', current: '进行中', pending: '未开始', closed: '已终止' };

export function ProjectPage() {
  const { id = '' } = useParams();
  const ledger = usePolling(() => getLedger(id), [id]);
  const catalogue = useCatalogue();
  const data = ledger.data;
  const project = data?.project;
  const ended = project && (project.status === 'completed' || project.status === 'closed');
  const reload = () => void ledger.reload();

  return (
    <>
      <PageHeading
        title={project ? `${project.name}（${project.code}）` : '项目台账'}
        extra={<Link to="/agent">返回我的项目</Link>}
      />
      <ProblemAlert error={ledger.error} />
      {project && (
        <>
          <Space wrap style={{ marginBottom: 8 }}>
            {project.key && <Tag color="green">重点项目 · 绿色通道</Tag>}
            <Tag color="blue">{label(PROJECT_STATUS_LABELS, project.status)}</Tag>
          </Space>
          <ProjectClock project={project} />
        </>
      )}
      {data && (
        <>
          <Card size="small" title="审批阶段" style={{ marginTop: 16 }}>
            <Steps
              responsive
              items={data.stages.map((stage) => ({
                title: stage.name,
                status: STEP_STATUS[stage.status],
                description: STAGE_WORDS[stage.status],
              }))}
            />
          </Card>
          {data.stages.filter((stage) => stage.cases.length > 0 || stage.status === 'current').map((stage) => (
            <Card key={stage.code} size="small" title={`${stage.name}（${STAGE_WORDS[stage.status]}）`} style={{ marginTop: 16 }}>
              {stage.cases.length === 0 ? <Empty description="本阶段尚未申报，请联系窗口收件" /> : stage.cases.map((entry) => (
                <CaseCard key={entry.id} entry={entry} onChange={reload} />
              ))}
            </Card>
          ))}
          <Card size="small" title="半月汇报" style={{ marginTop: 16 }}>
            {project?.key && !ended && <ReportForm project={project} onDone={reload} />}
            {project && !project.key && <Alert type="info" showIcon message="非重点项目不要求半月汇报，如有进展亦可汇报。" style={{ marginBottom: 8 }} />}
            {project && !project.key && !ended && <ReportForm project={project} onDone={reload} />}
            <Table
              size="small"
              rowKey={(row) => `${row.period}-${row.at}`}
              style={{ marginTop: 16 }}
              pagination={false}
              dataSource={data.reports}
              locale={{ emptyText: '尚无汇报' }}
              columns={[
                { title: '期间', key: 'period', render: (_, row) => periodName(row.period) },
                { title: '提交时间', key: 'at', render: (_, row) => formatInstant(row.at) },
                { title: '汇报人', key: 'by', render: (_, row) => row.by ?? '—' },
                { title: '项目进展', dataIndex: 'progress' },
                { title: '存在问题', key: 'problems', render: (_, row) => row.problems ?? '—' },
              ]}
            />
          </Card>
          <Card size="small" title="预警、督办与问责" style={{ marginTop: 16 }}>
            {data.escalations.project.length + data.escalations.supervisionOrders.length + data.escalations.accountabilityRecords.length === 0
              ? <Typography.Text>本项目没有预警、督办或问责记录。</Typography.Text>
              : (
                <ul>
                  {data.escalations.project.map((event) => (
                    <li key={`p-${event.seq}`}>{formatInstant(event.at)} {label(PROJECT_EVENT_LABELS, event.action)}
                      {typeof event.detail?.period === 'string' ? `（${periodName(event.detail.period)}）` : ''}</li>
                  ))}
                  {data.escalations.supervisionOrders.map((order) => (
                    <li key={`o-${order.id}`}>
                      {formatInstant(order.openedAt)} 督办 {catalogue?.departmentName(order.departmentCode) ?? order.departmentCode}，期限 {formatInstant(order.deadlineAt)}
                      {order.status === 'closed' ? `，已于 ${formatInstant(order.closedAt)} 销号` : '，未销号'}
                    </li>
                  ))}
                  {data.escalations.accountabilityRecords.map((record) => (
                    <li key={`a-${record.id}`}>{formatInstant(record.createdAt)} 效能问责 {catalogue?.departmentName(record.departmentCode) ?? record.departmentCode}</li>
                  ))}
                </ul>
              )}
          </Card>
          <Card size="small" title="项目记录" style={{ marginTop: 16 }}>
            <Timeline
              items={data.timeline.map((event) => ({
                key: event.seq,
                color: event.action === 'PROJECT_OVERDUE' ? 'red' : event.action === 'PROJECT_WARNING' || event.action === 'REPORT_URGED' ? 'orange' : 'blue',
                children: (
                  <span>
                    <Typography.Text strong>{label(PROJECT_EVENT_LABELS, event.action)}</Typography.Text>{' '}
                    <Typography.Text type="secondary">{formatInstant(event.at)} · {event.actor?.username ?? '系统'}</Typography.Text>
                  </span>
                ),
              }))}
            />
          </Card>
        </>
      )}
      {!data && !ledger.error && <Spin tip="正在加载…"><div style={{ minHeight: 40 }} /></Spin>}
    </>
  );
}
