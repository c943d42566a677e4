import { Table, Tag, Typography } from 'antd';
import { formatInstant } from '../../../lib/format';
import type { AccountabilityRecord } from '../api/supervision';
import { useNames } from '../hooks/useNames';

/** 效能问责 records with their integrity: 存证完好 or 内容被改动 (words, not only colour). */
export function AccountabilityTable({ records, loading }: { records: AccountabilityRecord[]; loading?: boolean }) {
  const names = useNames();
  return (
    <Table<AccountabilityRecord>
      size="small"
      rowKey="id"
      loading={loading}
      pagination={records.length > 10 ? { pageSize: 10 } : false}
      scroll={{ x: true }}
      dataSource={records}
      locale={{ emptyText: '没有问责记录' }}
      columns={[
        { title: '编号', dataIndex: 'id' },
        { title: '部门', key: 'department', render: (_, row) => names.department(row.departmentCode) },
        { title: '办件', key: 'case', render: (_, row) => <Typography.Text copyable>{row.caseId}</Typography.Text> },
        { title: '环节', dataIndex: 'stepId' },
        { title: '记录时间', key: 'at', render: (_, row) => formatInstant(row.createdAt) },
        {
          title: '存证校验', key: 'intact',
          render: (_, row) => (row.intact ? <Tag color="green">✓ 存证完好</Tag> : <Tag color="red">✗ 内容被改动</Tag>),
        },
      ]}
    />
  );
}
