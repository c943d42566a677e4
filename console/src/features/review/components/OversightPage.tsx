// The leader's view of the department's 督办 orders and 效能问责 records.
import { Card, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { PageHeading } from '../../../components/PageHeading';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { formatInstant } from '../../../lib/format';
import { useCatalogue } from '../../../lib/useCatalogue';
import { usePolling } from '../../../lib/usePolling';
import { accountabilityRecords, supervisionOrders, type AccountabilityRecord, type SupervisionOrder } from '../api/review';

export function OversightPage() {
  const catalogue = useCatalogue();
  const orders = usePolling(supervisionOrders, [], 10_000);
  const records = usePolling(accountabilityRecords, [], 10_000);
  const stepLink = (stepId: string, text: string) => <Link to={`/review/steps/${encodeURIComponent(stepId)}`}>{text}</Link>;
  return (
    <>
      <PageHeading title="督办与问责" />
      <ProblemAlert error={orders.error ?? records.error} />
      <Card title="督办单" style={{ marginBottom: 16 }}>
        <Table<SupervisionOrder>
          rowKey="id"
          size="small"
          dataSource={orders.data?.items ?? []}
          loading={orders.loading && !orders.data}
          locale={{ emptyText: '暂无督办单' }}
          scroll={{ x: true }}
          columns={[
            { title: '事项', key: 'matter', render: (_, o) => stepLink(o.stepId, catalogue?.matterName(o.matterCode) ?? o.matterCode) },
            { title: '状态', key: 'status', render: (_, o) => (o.status === 'open' ? <Tag color="red">督办中</Tag> : <Tag>已销号</Tag>) },
            { title: '督办时间', key: 'opened', render: (_, o) => formatInstant(o.openedAt) },
            { title: '督办期限', key: 'deadline', render: (_, o) => formatInstant(o.deadlineAt) },
            { title: '催办次数', dataIndex: 'urgeCount' },
            { title: '销号说明', key: 'note', render: (_, o) => o.closeNote ?? '—' },
          ]}
        />
      </Card>
      <Card title="效能问责记录">
        <Table<AccountabilityRecord>
          rowKey="id"
          size="small"
          dataSource={records.data?.items ?? []}
          loading={records.loading && !records.data}
          locale={{ emptyText: '暂无问责记录' }}
          scroll={{ x: true }}
          columns={[
            { title: '环节', key: 'step', render: (_, r) => stepLink(r.stepId, r.stepId) },
            { title: '记录时间', key: 'at', render: (_, r) => formatInstant(r.createdAt) },
            { title: '完整性', key: 'intact', render: (_, r) => (r.intact ? <Tag color="success">未被篡改</Tag> : <Tag color="error">内容与存证不符</Tag>) },
          ]}
        />
      </Card>
    </>
  );
}
