// 我的项目: the materials still owed on the agent's cases, and the projects the agent accompanies
// with the stage under way, the project clock and the next half-monthly report.
import { Card, Space, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { LightTag } from '../../../components/LightTag';
import { PageHeading } from '../../../components/PageHeading';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useWorkingDaysLeft } from '../../../lib/calendar';
import { formatDate, formatInstant, workingDaysLeft } from '../../../lib/format';
import { label } from '../../../lib/labels';
import { usePolling } from '../../../lib/usePolling';
import { getProjects, type Project } from '../api/agent';
import { lastDay, nextReportDue, periodName } from '../hooks/reportPeriod';
import { PROJECT_STATUS_LABELS } from './labels';
import { OwedOverview } from './OwedOverview';

const ended = (project: Project) => project.status === 'completed' || project.status === 'closed';

export function ProjectsPage() {
  const projects = usePolling(getProjects, []);
  const left = useWorkingDaysLeft();
  return (
    <>
      <PageHeading title="我的项目" />
      <ProblemAlert error={projects.error} />
      <OwedOverview />
      <Card size="small" title="代办项目">
        <Table<Project>
          size="small"
          rowKey="id"
          loading={projects.loading}
          pagination={false}
          scroll={{ x: true }}
          dataSource={projects.data?.items ?? []}
          locale={{ emptyText: '暂无代办项目' }}
          columns={[
            { title: '项目', key: 'name', render: (_, p) => <Link to={`/agent/projects/${p.id}`}>{p.name}</Link> },
            { title: '项目编号', dataIndex: 'code' },
            { title: '类型', key: 'key', render: (_, p) => (p.key ? <Tag color="green">重点项目</Tag> : <Tag>一般项目</Tag>) },
            { title: '所处阶段', key: 'status', render: (_, p) => label(PROJECT_STATUS_LABELS, p.status) },
            { title: '项目时限', key: 'light', render: (_, p) => (ended(p) ? '—' : <Space><LightTag light={p.light} />{p.limitWorkingDays} 个工作日</Space>) },
            { title: '剩余', key: 'left', render: (_, p) => (ended(p) ? '—' : workingDaysLeft(left(p.dueAt))) },
            { title: '项目办结期限', key: 'due', render: (_, p) => `${formatInstant(p.dueAt)}${p.provisional ? '（暂定）' : ''}` },
            {
              title: '下次半月汇报', key: 'report',
              render: (_, p) => {
                if (!p.key || ended(p)) return '—';
                const next = nextReportDue(p.registeredAt, p.lastReportPeriod);
                return `${periodName(next.period)}（截止 ${formatDate(lastDay(next.endsAt))}）`;
              },
            },
          ]}
        />
      </Card>
    </>
  );
}
