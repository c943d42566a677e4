// The whole-project clock (工程建设项目 ≤ 120 个工作日) and the next 半月汇报 due.
import { Descriptions, Tag } from 'antd';
import { LightTag } from '../../../components/LightTag';
import { useWorkingDaysLeft, useWorkingDaysSince } from '../../../lib/calendar';
import { formatDate, formatInstant, workingDaysLeft } from '../../../lib/format';
import type { Project } from '../api/agent';
import { lastDay, nextReportDue, periodName } from '../hooks/reportPeriod';

export function ProjectClock({ project }: { project: Project }) {
  const ended = project.status === 'completed' || project.status === 'closed';
  const next = project.key && !ended ? nextReportDue(project.registeredAt, project.lastReportPeriod) : null;
  const left = useWorkingDaysLeft();
  const since = useWorkingDaysSince();
  const used = since(project.registeredAt);
  return (
    <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered>
      <Descriptions.Item label="项目时限">
        {project.limitWorkingDays} 个工作日 <LightTag light={ended ? null : project.light} />
        {project.provisional && <Tag color="gold">按暂定日历计算</Tag>}
      </Descriptions.Item>
      <Descriptions.Item label="登记时间">{formatInstant(project.registeredAt)}</Descriptions.Item>
      <Descriptions.Item label="项目办结期限">{formatInstant(project.dueAt)}</Descriptions.Item>
      {!ended && <Descriptions.Item label="已用时">{used === null ? '—' : `${used} 个工作日`}</Descriptions.Item>}
      {!ended && <Descriptions.Item label="剩余时限">{workingDaysLeft(left(project.dueAt))}</Descriptions.Item>}
      <Descriptions.Item label="预警时间">{formatInstant(project.warnAt)}</Descriptions.Item>
      <Descriptions.Item label="最近汇报">{project.lastReportPeriod ? periodName(project.lastReportPeriod) : '尚未汇报'}</Descriptions.Item>
      <Descriptions.Item label="下次汇报">
        {next ? `${periodName(next.period)}，截止 ${formatDate(lastDay(next.endsAt))}` : project.key ? '—' : '非重点项目，无需半月汇报'}
      </Descriptions.Item>
      {project.completedAt && <Descriptions.Item label="结束时间">{formatInstant(project.completedAt)}</Descriptions.Item>}
    </Descriptions>
  );
}
