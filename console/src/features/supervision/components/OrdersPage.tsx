// 督办 orders (open or closed) with 催办 and 销号, and every 效能问责 record with its integrity.
import { Card, Radio, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { PageHeading } from '../../../components/PageHeading';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { formatInstant } from '../../../lib/format';
import { usePolling } from '../../../lib/usePolling';
import { getAccountabilityRecords, getOrders, type SupervisionOrder } from '../api/supervision';
import { useNames } from '../hooks/useNames';
import { AccountabilityTable } from './AccountabilityTable';
import { OrderActions } from './OrderActions';

type Filter = 'open' | 'closed' | 'all';

export function OrdersPage() {
  const [filter, setFilter] = useState<Filter>('open');
  const orders = usePolling(() => getOrders(filter === 'all' ? undefined : filter), [filter]);
  const records = usePolling(getAccountabilityRecords, [], 15_000);
  const names = useNames();

  return (
    <>
      <PageHeading title="督办与问责" />
      <ProblemAlert error={orders.error ?? records.error} />
      <Card
        size="small"
        title="督办单"
        extra={(
          <Radio.Group
            aria-label="督办状态"
            optionType="button"
            value={filter}
            onChange={(event) => setFilter(event.target.value as Filter)}
            options={[{ value: 'open', label: '未销号' }, { value: 'closed', label: '已销号' }, { value: 'all', label: '全部' }]}
          />
        )}
      >
        <Table<SupervisionOrder>
          size="small"
          rowKey="id"
          loading={orders.loading}
          scroll={{ x: true }}
          dataSource={orders.data?.items ?? []}
          locale={{ emptyText: '没有督办单' }}
          columns={[
            { title: '督办单', dataIndex: 'id' },
            { title: '状态', key: 'status', render: (_, row) => (row.status === 'open' ? <Tag color="orange">未销号</Tag> : <Tag>已销号</Tag>) },
            { title: '部门', key: 'department', render: (_, row) => names.department(row.departmentCode) },
            { title: '事项', key: 'matter', render: (_, row) => names.matter(row.matterCode) },
            { title: '办件', key: 'case', render: (_, row) => <Typography.Text copyable>{row.caseId}</Typography.Text> },
            { title: '督办时间', key: 'opened', render: (_, row) => formatInstant(row.openedAt) },
            { title: '督办期限', key: 'deadline', render: (_, row) => formatInstant(row.deadlineAt) },
            { title: '催办', key: 'urges', render: (_, row) => (row.urgeCount ? `${row.urgeCount} 次，最近 ${formatInstant(row.lastUrgedAt)}` : '未催办') },
            { title: '销号', key: 'closed', render: (_, row) => (row.closedAt ? `${formatInstant(row.closedAt)} ${row.closedBy ?? ''}：${row.closeNote ?? ''}` : '—') },
            { title: '操作', key: 'actions', render: (_, row) => <OrderActions order={row} onDone={() => void orders.reload()} /> },
          ]}
        />
      </Card>
      <Card size="small" title="效能问责记录" style={{ marginTop: 16 }}>
        <AccountabilityTable records={records.data?.items ?? []} loading={records.loading} />
      </Card>
    </>
  );
}
