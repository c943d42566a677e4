// 待办: the department's open steps — green channel first, then the nearest due instant — with
// the working days left and the light.
import { Card, Table } from 'antd';
import { Link } from 'react-router';
import { LightTag } from '../../../components/LightTag';
import { PageHeading } from '../../../components/PageHeading';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { ChannelTag, StepStatusTag } from '../../../components/StatusTag';
import { useWorkingDaysLeft } from '../../../lib/calendar';
import { formatInstant, workingDaysLeft } from '../../../lib/format';
import type { StepView } from '../../../lib/types';
import { useCatalogue } from '../../../lib/useCatalogue';
import { usePolling } from '../../../lib/usePolling';
import { inbox } from '../api/review';

export function InboxPage() {
  const { data, error, loading } = usePolling(inbox, []);
  const catalogue = useCatalogue();
  const left = useWorkingDaysLeft();
  return (
    <>
      <PageHeading title="待办" />
      <ProblemAlert error={error} />
      <Card>
        <Table<StepView>
          rowKey="id"
          size="small"
          loading={loading && !data}
          dataSource={data ?? []}
          scroll={{ x: true }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: '暂无待办' }}
          columns={[
            { title: '事项', key: 'matter', render: (_, s) => <Link to={`/review/steps/${encodeURIComponent(s.id)}`}>{catalogue?.matterName(s.matterCode) ?? s.matterCode}</Link> },
            { title: '通道', key: 'channel', render: (_, s) => <ChannelTag channel={s.channel ?? 'standard'} /> },
            { title: '状态', key: 'status', render: (_, s) => <StepStatusTag status={s.status} /> },
            { title: '办理人', key: 'assignee', render: (_, s) => s.assignee?.username ?? '未签收' },
            { title: '承诺办结时间', key: 'due', render: (_, s) => formatInstant(s.dueAt) },
            { title: '剩余时间', key: 'left', render: (_, s) => workingDaysLeft(left(s.dueAt)) },
            { title: '时限', key: 'light', render: (_, s) => <LightTag light={s.light} /> },
          ]}
        />
      </Card>
    </>
  );
}
