// One case as the agent follows it: status, clock, each department's step clock, pauses, what is
// still owed, and 催办.
import { Card, Descriptions, Space, Table, Typography } from 'antd';
import { LightTag } from '../../../components/LightTag';
import { CaseStatusTag, ChannelTag, StepStatusTag } from '../../../components/StatusTag';
import { useWorkingDaysLeft } from '../../../lib/calendar';
import { formatInstant, workingDaysLeft } from '../../../lib/format';
import { ACTION_LABELS, label } from '../../../lib/labels';
import { useCatalogue } from '../../../lib/useCatalogue';
import type { LedgerCase } from '../api/agent';
import { useCaseView } from '../hooks/useCaseView';
import { OwedMaterials } from './OwedMaterials';
import { UrgeButton } from './UrgeButton';

const OPEN_CASE = ['accepted', 'inReview', 'suspended'];
const OPEN_STEP = ['pending', 'claimed', 'inReview', 'suspended'];

export function CaseCard({ entry, onChange }: { entry: LedgerCase; onChange: () => void }) {
  const catalogue = useCatalogue();
  const left = useWorkingDaysLeft();
  const live = OPEN_CASE.includes(entry.status) || entry.status === 'submitted' || entry.status === 'supplementRequested';
  const detail = useCaseView(live ? entry.id : null);
  const refresh = () => {
    void detail.reload();
    onChange();
  };
  const canUrge = OPEN_CASE.includes(entry.status) && entry.steps.some((step) => OPEN_STEP.includes(step.status));
  return (
    <Card
      size="small"
      style={{ marginTop: 8 }}
      title={<Space wrap>办件 {entry.trackingCode} <CaseStatusTag status={entry.status} /> <ChannelTag channel={entry.channel} /> <LightTag light={entry.light} /></Space>}
      extra={canUrge ? <UrgeButton caseId={entry.id} trackingCode={entry.trackingCode} onDone={refresh} /> : null}
    >
      <Descriptions size="small" column={{ xs: 1, md: 4 }}>
        <Descriptions.Item label="受理时间">{formatInstant(entry.acceptedAt)}</Descriptions.Item>
        <Descriptions.Item label="办件承诺办结">{formatInstant(entry.dueAt)}</Descriptions.Item>
        <Descriptions.Item label="审批决定">{formatInstant(entry.decidedAt)}</Descriptions.Item>
        <Descriptions.Item label="出件">{formatInstant(entry.deliveredAt)}</Descriptions.Item>
      </Descriptions>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: true }}
        dataSource={entry.steps}
        columns={[
          { title: '部门', key: 'department', render: (_, step) => catalogue?.departmentName(step.departmentCode) ?? step.departmentCode },
          { title: '事项', key: 'matter', render: (_, step) => catalogue?.matterName(step.matterCode) ?? step.matterCode },
          { title: '状态', key: 'status', render: (_, step) => <StepStatusTag status={step.status} /> },
          { title: '时限', key: 'light', render: (_, step) => <LightTag light={step.light} /> },
          { title: '承诺办结时间', key: 'due', render: (_, step) => formatInstant(step.dueAt) },
          { title: '剩余时限', key: 'left', render: (_, step) => (OPEN_STEP.includes(step.status) ? workingDaysLeft(left(step.dueAt)) : '—') },
          { title: '办结时间', key: 'decided', render: (_, step) => formatInstant(step.decidedAt) },
          { title: '办理人', key: 'assignee', render: (_, step) => step.assignee ?? '未签收' },
        ]}
      />
      {entry.pauses.length > 0 && (
        <Typography.Paragraph style={{ marginTop: 8 }}>
          暂停计时记录：
          {entry.pauses.map((pause) => (
            `${formatInstant(pause.at)} ${label(ACTION_LABELS, pause.action)}${typeof pause.detail?.kind === 'string' ? `（${pause.detail.kind}）` : ''}`
          )).join('；')}
        </Typography.Paragraph>
      )}
      {detail.data && <OwedMaterials view={detail.data} onDone={refresh} />}
    </Card>
  );
}
