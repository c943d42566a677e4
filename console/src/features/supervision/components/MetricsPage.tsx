// 效能统计: 办结率, 提前办结率, 超期率 and 提速率 by department or matter over a chosen period, as
// charts and as a table, with the CSV export of the same rows.
import { Button, Card, DatePicker, Radio, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { PageHeading } from '../../../components/PageHeading';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useAction } from '../../../components/useAction';
import { usePolling } from '../../../lib/usePolling';
import { downloadCsv, getMetrics, metricsCsvUrl, type MetricGroup, type MetricRow } from '../api/supervision';
import { usePeriod } from '../hooks/usePeriod';
import { EChart, type ChartOption } from './EChart';
import { percent } from './rates';

const RATES = [
  { field: 'completionRate', label: '办结率' },
  { field: 'earlyCompletionRate', label: '提前办结率' },
  { field: 'overdueRate', label: '超期率' },
  { field: 'speedupRate', label: '提速率' },
] as const;

const DAYS = [
  { field: 'avgActualWorkingDays', label: '平均实际用时' },
  { field: 'avgCommittedDays', label: '平均承诺时限' },
  { field: 'avgLegalDays', label: '平均法定时限' },
] as const;

const pct = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);
const days = (value: number | null) => (value === null ? '—' : `${value} 个工作日`);

export function MetricsPage() {
  const { period, range, onRange } = usePeriod();
  const [groupBy, setGroupBy] = useState<MetricGroup>('department');
  const metrics = usePolling(() => getMetrics(period, groupBy), [period.from, period.to, groupBy], 30_000);
  const download = useAction();
  const rows = useMemo(() => metrics.data ?? [], [metrics.data]);
  const groupWord = groupBy === 'department' ? '部门' : '事项';
  const names = rows.map((row) => row.name ?? row.key);

  const rateOption = useMemo<ChartOption>(() => ({
    tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => (value === null || value === undefined ? '—' : `${String(value)}%`) },
    legend: { top: 0, data: RATES.map((rate) => rate.label) },
    grid: { top: 40, left: 8, right: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: names, axisLabel: { rotate: 30, interval: 0 } },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: RATES.map((rate) => ({ name: rate.label, type: 'bar', data: rows.map((row) => pct(row[rate.field])) })),
  }), [rows]);

  const daysOption = useMemo<ChartOption>(() => ({
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: DAYS.map((item) => item.label) },
    grid: { top: 48, left: 8, right: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: names, axisLabel: { rotate: 30, interval: 0 } },
    yAxis: { type: 'value', name: '工作日' },
    series: DAYS.map((item) => ({ name: item.label, type: 'line', connectNulls: true, data: rows.map((row) => row[item.field]) })),
  }), [rows]);

  const fileName = `效能统计-${groupWord}-${period.from}至${period.to}.csv`;
  return (
    <>
      <PageHeading
        title="效能统计"
        extra={(
          <Space wrap>
            <label htmlFor="metrics-period">统计期间</label>
            <DatePicker.RangePicker id="metrics-period" value={range} onChange={onRange} allowClear={false} />
            <Radio.Group
              aria-label="统计维度"
              optionType="button"
              value={groupBy}
              onChange={(event) => setGroupBy(event.target.value as MetricGroup)}
              options={[{ value: 'department', label: '按部门' }, { value: 'matter', label: '按事项' }]}
            />
            <Button
              href={metricsCsvUrl(period, groupBy)}
              loading={download.busy}
              onClick={(event) => {
                event.preventDefault();
                void download.run(() => downloadCsv(metricsCsvUrl(period, groupBy), fileName), '已导出 CSV');
              }}
            >
              导出 CSV
            </Button>
          </Space>
        )}
      />
      <ProblemAlert error={metrics.error ?? download.error} />
      <Card title={`各${groupWord}效能指标（%）`} size="small">
        <EChart label={`各${groupWord}办结率、提前办结率、超期率、提速率柱状图`} option={rateOption} />
      </Card>
      <Card title={`各${groupWord}平均用时（工作日）`} size="small" style={{ marginTop: 16 }}>
        <EChart label={`各${groupWord}平均实际用时、承诺时限、法定时限折线图`} option={daysOption} height={280} />
      </Card>
      <Card title="指标明细" size="small" style={{ marginTop: 16 }}>
        <Typography.Paragraph type="secondary">
          办结率 = 办结数 / 受理数；提前办结率 = 提前办结数 / 办结数；超期率 = 超期数 / 受理数；提速率 = 1 − 平均实际用时 / 平均法定时限。
        </Typography.Paragraph>
        <Table<MetricRow>
          size="small"
          rowKey="key"
          loading={metrics.loading}
          pagination={false}
          scroll={{ x: true }}
          dataSource={rows}
          columns={[
            { title: groupWord, key: 'name', render: (_, row) => row.name ?? row.key },
            { title: '受理数', dataIndex: 'accepted' },
            { title: '办结数', dataIndex: 'completed' },
            ...RATES.map((rate) => ({ title: rate.label, key: rate.field, render: (_: unknown, row: MetricRow) => percent(row[rate.field]) })),
            ...DAYS.map((item) => ({ title: item.label, key: item.field, render: (_: unknown, row: MetricRow) => days(row[item.field]) })),
          ]}
        />
      </Card>
    </>
  );
}
