// 工作日历: a year's holidays and 调休 make-up days as twelve month grids, provisional years
// flagged, and the edit of one day (declare a holiday or a working day, or restore the published
// day). Running steps, cases and projects re-plan their deadlines after each edit.
import { Alert, Button, Card, Col, DatePicker, Form, Input, InputNumber, Row, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { PageHeading } from '../../../components/PageHeading';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useAction } from '../../../components/useAction';
import { formatDate } from '../../../lib/format';
import { restoreCalendarDay, setCalendarDay, type CalendarDay, type DayKind } from '../api/admin';
import { useCalendarYear } from '../hooks/useCalendarYear';
import { DAY_STATUS, SOURCE_LABELS, dayStatus } from './calendarDays';
import { MonthGrid } from './MonthGrid';

const thisYear = (): number => Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));

interface DayForm {
  date: Dayjs | null;
  name: string;
}

export function CalendarPage() {
  const [year, setYear] = useState(thisYear);
  const calendar = useCalendarYear(year);
  const special = useMemo(() => new Map((calendar.data?.days ?? []).map((day) => [day.date, day])), [calendar.data]);
  const [form] = Form.useForm<DayForm>();
  const [selected, setSelected] = useState<string | null>(null);
  const action = useAction();

  const select = (date: string) => {
    setSelected(date);
    form.setFieldsValue({ date: dayjs(date), name: special.get(date)?.name ?? '' });
  };

  const declare = async (kind: DayKind) => {
    const values = await form.validateFields();
    const date = values.date!.format('YYYY-MM-DD');
    const done = await action.run(
      () => setCalendarDay(date, { kind, name: values.name.trim() }),
      `${formatDate(date)}已设为${kind === 'holiday' ? '节假日' : '工作日'}，在办时限已重新计算`,
      form,
    );
    if (done) {
      setSelected(date);
      if (Number(date.slice(0, 4)) !== year) setYear(Number(date.slice(0, 4)));
      void calendar.reload();
    }
  };

  const restore = async () => {
    const values = await form.validateFields(['date']);
    const date = (values.date as Dayjs).format('YYYY-MM-DD');
    if (await action.run(() => restoreCalendarDay(date), `${formatDate(date)}已恢复原安排，在办时限已重新计算`, form)) {
      void calendar.reload();
    }
  };

  const editedDate = Form.useWatch('date', form)?.format('YYYY-MM-DD');
  const edited = editedDate ? special.get(editedDate) : undefined;

  return (
    <>
      <PageHeading
        title="工作日历"
        extra={(
          <Space>
            <Button onClick={() => setYear(year - 1)} aria-label="上一年">‹ 上一年</Button>
            <label htmlFor="calendar-year">年份</label>
            <InputNumber id="calendar-year" min={1901} max={2099} value={year} onChange={(value) => value && setYear(value)} />
            <Button onClick={() => setYear(year + 1)} aria-label="下一年">下一年 ›</Button>
          </Space>
        )}
      />
      <ProblemAlert error={calendar.error} />
      {calendar.data?.provisional && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message={`${year}年的节假日安排尚未发布：以下为按法定节日推算的暂定日历，据此计算的时限标注为“暂定”。`}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card
            size="small"
            title={`${year}年日历${calendar.data?.provisional ? '（暂定）' : ''}`}
            extra={(
              <Space wrap aria-label="图例">
                {(['holiday', 'makeup', 'weekend', 'workday'] as const).map((status) => (
                  <Tag key={status} style={{ background: DAY_STATUS[status].background, color: DAY_STATUS[status].color }}>
                    {DAY_STATUS[status].short ? `${DAY_STATUS[status].short} ` : ''}{DAY_STATUS[status].label}
                  </Tag>
                ))}
              </Space>
            )}
          >
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(230px, 1fr))', gap: 16 }}>
              {Array.from({ length: 12 }, (_, i) => (
                <MonthGrid key={i} year={year} month={i + 1} special={special} selected={selected} onSelect={select} />
              ))}
            </div>
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title="调整某一天">
            <Typography.Paragraph type="secondary">
              选择日期（或点击左侧日历中的某一天），设为节假日或工作日。保存后，在办环节、办件和项目的时限将按新日历重新计算。
            </Typography.Paragraph>
            <ProblemAlert error={action.error} />
            <Form form={form} layout="vertical" initialValues={{ date: null, name: '' }}>
              <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
                <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} onChange={(value: Dayjs | null) => value && setSelected(value.format('YYYY-MM-DD'))} />
              </Form.Item>
              <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称，如“国庆节”或“调休上班”' }]}>
                <Input maxLength={64} placeholder="如：国庆节、调休上班" />
              </Form.Item>
              {editedDate && (
                <Typography.Paragraph>
                  当前：{DAY_STATUS[dayStatus(editedDate, edited)].label}
                  {edited?.name ? `（${edited.name}）` : ''}
                  {edited ? `，来源：${SOURCE_LABELS[edited.source] ?? edited.source}` : ''}
                </Typography.Paragraph>
              )}
              <Space wrap>
                <Button type="primary" danger loading={action.busy} onClick={() => void declare('holiday')}>设为节假日</Button>
                <Button type="primary" loading={action.busy} onClick={() => void declare('workday')}>设为工作日</Button>
                <Button loading={action.busy} disabled={edited?.source !== 'admin'} onClick={() => void restore()}>恢复原安排</Button>
              </Space>
            </Form>
          </Card>
          <Card size="small" title="节假日与调休" style={{ marginTop: 16 }}>
            <Table<CalendarDay>
              size="small"
              rowKey="date"
              loading={calendar.loading}
              pagination={false}
              scroll={{ y: 420 }}
              dataSource={calendar.data?.days ?? []}
              onRow={(row) => ({ onClick: () => select(row.date) })}
              columns={[
                { title: '日期', key: 'date', render: (_, row) => `${Number(row.date.slice(5, 7))}月${Number(row.date.slice(8))}日` },
                { title: '类型', key: 'kind', render: (_, row) => DAY_STATUS[dayStatus(row.date, row)].label },
                { title: '名称', key: 'name', render: (_, row) => row.name ?? '—' },
                { title: '来源', key: 'source', render: (_, row) => SOURCE_LABELS[row.source] ?? row.source },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
