// 电子监察 live board: open steps by light per department, the longest overdue steps, open 督办
// orders and the period's 效能问责 records. Refreshes by itself.
import { Alert, Card, Col, DatePicker, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { LightTag } from '../../../components/LightTag';
import { PageHeading } from '../../../components/PageHeading';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { StepStatusTag } from '../../../components/StatusTag';
import { formatInstant } from '../../../lib/format';
import { LIGHTS } from '../../../lib/labels';
import { usePolling } from '../../../lib/usePolling';
import { getAlerts, getBoard, type LightCounts } from '../api/supervision';
import { useNames } from '../hooks/useNames';
import { usePeriod } from '../hooks/usePeriod';
import { EChart } from './EChart';
import { OrderActions } from './OrderActions';
import { AccountabilityTable } from './AccountabilityTable';

/** The department's worst light, as words: where the board asks the eye to look first. */
function worst(row: LightCounts): 'red' | 'yellow' | 'green' | null {
  if (row.red > 0) return 'red';
  if (row.yellow > 0) return 'yellow';
  return row.green > 0 ? 'green' : null;
}

export function BoardPage() {
  const { period, range, onRange } = usePeriod();
  const board = usePolling(() => getBoard(period), [period.from, period.to]);
  const alerts = usePolling(getAlerts, []);
  const names = useNames();
  const data = board.data;
  const totals = (data?.openSteps ?? []).reduce((sum, row) => ({
    green: sum.green + row.green, yellow: sum.yellow + row.yellow, red: sum.red + row.red,
  }), { green: 0, yellow: 0, red: 0 });

  return (
    <>
      <PageHeading
        title="电子监察"
        extra={(
          <Space wrap>
            <label htmlFor="board-period">问责记录统计期间</label>
            <DatePicker.RangePicker id="board-period" value={range} onChange={onRange} allowClear={false} />
          </Space>
        )}
      />
      <ProblemAlert error={board.error ?? alerts.error} />
      {data && <Typography.Paragraph type="secondary">数据截至 {formatInstant(data.asOf)}，每 5 秒自动刷新。</Typography.Paragraph>}
      <Row gutter={[16, 16]}>
        {(['green', 'yellow', 'red'] as const).map((light) => (
          <Col xs={12} md={6} key={light}>
            <Card size="small">
              <Statistic title={<LightTag light={light} />} value={totals[light]} suffix="件在办" valueStyle={{ color: LIGHTS[light].color }} />
            </Card>
          </Col>
        ))}
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title="未销号督办" value={data?.supervisionOrders.open ?? 0} suffix="件" />
          </Card>
        </Col>
      </Row>

      <Card title="各部门在办环节（红黄绿灯）" size="small" style={{ marginTop: 16 }}>
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <Table<LightCounts>
              size="small"
              rowKey="departmentCode"
              loading={board.loading}
              pagination={false}
              dataSource={data?.openSteps ?? []}
              columns={[
                { title: '部门', key: 'department', render: (_, row) => names.department(row.departmentCode) },
                { title: '状态', key: 'worst', render: (_, row) => (worst(row) ? <LightTag light={worst(row)} /> : <Tag>无在办</Tag>) },
                { title: '绿灯（正常）', dataIndex: 'green' },
                { title: '黄灯（预警）', dataIndex: 'yellow' },
                { title: '红灯（超期）', dataIndex: 'red' },
                { title: '合计', dataIndex: 'open' },
              ]}
            />
          </Col>
          <Col xs={24} lg={12}>
            <EChart
              label="各部门在办环节红黄绿灯数量柱状图"
              height={280}
              option={{
                tooltip: { trigger: 'axis' },
                legend: { top: 0, data: ['绿灯', '黄灯', '红灯'] },
                grid: { top: 36, left: 8, right: 16, bottom: 8, containLabel: true },
                xAxis: { type: 'category', data: (data?.openSteps ?? []).map((row) => names.department(row.departmentCode)), axisLabel: { rotate: 30 } },
                yAxis: { type: 'value', minInterval: 1 },
                series: (['green', 'yellow', 'red'] as const).map((light) => ({
                  name: LIGHTS[light].label, type: 'bar', stack: 'lights', itemStyle: { color: LIGHTS[light].color },
                  data: (data?.openSteps ?? []).map((row) => row[light]),
                })),
              }}
            />
          </Col>
        </Row>
      </Card>

      <Card title="超期最久的环节" size="small" style={{ marginTop: 16 }}>
        <Table
          size="small"
          rowKey="stepId"
          pagination={false}
          scroll={{ x: true }}
          dataSource={data?.oldestOverdue ?? []}
          locale={{ emptyText: '目前没有超期环节' }}
          columns={[
            { title: '部门', key: 'department', render: (_, row) => names.department(row.departmentCode) },
            { title: '事项', key: 'matter', render: (_, row) => names.matter(row.matterCode) },
            { title: '办件', key: 'case', render: (_, row) => <Typography.Text copyable>{row.caseId}</Typography.Text> },
            { title: '状态', key: 'status', render: (_, row) => <StepStatusTag status={row.status} /> },
            { title: '办理人', key: 'assignee', render: (_, row) => row.assignee ?? '未签收' },
            { title: '承诺办结时间', key: 'due', render: (_, row) => formatInstant(row.dueAt) },
            { title: '已超期', key: 'late', render: (_, row) => (row.lateWorkingDays === null ? '—' : `${row.lateWorkingDays} 个工作日`) },
            { title: '亮牌', key: 'card', render: (_, row) => (row.card ? <Tag color={row.card === 'red' ? 'red' : 'gold'}>{row.card === 'red' ? '红牌' : '黄牌'}</Tag> : '—') },
          ]}
        />
      </Card>

      <Card title={`预警与超期环节（${alerts.data?.total ?? 0} 个）`} size="small" style={{ marginTop: 16 }}>
        <Table
          size="small"
          rowKey="stepId"
          loading={alerts.loading}
          scroll={{ x: true }}
          dataSource={alerts.data?.items ?? []}
          pagination={(alerts.data?.items.length ?? 0) > 10 ? { pageSize: 10 } : false}
          locale={{ emptyText: '目前没有黄灯或红灯环节' }}
          columns={[
            { title: '时限', key: 'light', render: (_, row) => <LightTag light={row.light} /> },
            { title: '部门', key: 'department', render: (_, row) => names.department(row.departmentCode) },
            { title: '事项', key: 'matter', render: (_, row) => names.matter(row.matterCode) },
            { title: '办件', key: 'case', render: (_, row) => <Typography.Text copyable>{row.caseId}</Typography.Text> },
            { title: '状态', key: 'status', render: (_, row) => <StepStatusTag status={row.status} /> },
            { title: '承诺办结时间', key: 'due', render: (_, row) => formatInstant(row.dueAt) },
          ]}
        />
      </Card>

      <Card title={`未销号督办（${data?.supervisionOrders.open ?? 0} 件）`} size="small" style={{ marginTop: 16 }}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: true }}
          dataSource={data?.supervisionOrders.items ?? []}
          locale={{ emptyText: '没有未销号的督办' }}
          columns={[
            { title: '督办单', dataIndex: 'id' },
            { title: '部门', key: 'department', render: (_, row) => names.department(row.departmentCode) },
            { title: '事项', key: 'matter', render: (_, row) => names.matter(row.matterCode) },
            { title: '督办时间', key: 'opened', render: (_, row) => formatInstant(row.openedAt) },
            { title: '督办期限', key: 'deadline', render: (_, row) => formatInstant(row.deadlineAt) },
            { title: '催办次数', dataIndex: 'urgeCount' },
            { title: '操作', key: 'actions', render: (_, row) => <OrderActions order={row} onDone={() => void board.reload()} /> },
          ]}
        />
      </Card>

      <Card title={`效能问责记录（统计期间内 ${data?.accountabilityRecords.count ?? 0} 条）`} size="small" style={{ marginTop: 16 }}>
        {data && data.accountabilityRecords.items.some((record) => !record.intact) && (
          <Alert type="error" showIcon message="有问责记录的内容与存证摘要不一致，请核查。" style={{ marginBottom: 8 }} />
        )}
        <AccountabilityTable records={data?.accountabilityRecords.items ?? []} />
      </Card>
    </>
  );
}
