// 催办 and 销号 of one 督办 order: each asks for its note in a small dialog and answers in place.
import { Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useAction } from '../../../components/useAction';
import { closeOrder, urgeOrder, type SupervisionOrder } from '../api/supervision';

type Kind = 'urge' | 'close';

const TITLES: Record<Kind, string> = { urge: '催办', close: '销号' };

export function OrderActions({ order, onDone }: { order: SupervisionOrder; onDone: () => void }) {
  const [open, setOpen] = useState<Kind | null>(null);
  const [form] = Form.useForm<{ note?: string }>();
  const { run, busy, error, clearError } = useAction();
  if (order.status !== 'open') return null;

  const submit = async () => {
    const { note } = await form.validateFields();
    const text = note?.trim() || undefined;
    const done = open === 'urge'
      ? await run(() => urgeOrder(order.id, text ? { note: text } : {}), '已催办，部门负责人将收到通知', form)
      : await run(() => closeOrder(order.id, { note: text ?? '' }), '督办已销号', form);
    if (done) {
      setOpen(null);
      form.resetFields();
      onDone();
    }
  };

  const label = `督办单 ${order.id}`;
  return (
    <>
      <Space>
        <Button size="small" onClick={() => { clearError(); setOpen('urge'); }} aria-label={`催办 ${label}`}>催办</Button>
        <Button size="small" onClick={() => { clearError(); setOpen('close'); }} aria-label={`销号 ${label}`}>销号</Button>
      </Space>
      <Modal
        open={open !== null}
        title={open ? `${TITLES[open]}：${label}` : ''}
        okText={open ? `确认${TITLES[open]}` : '确定'}
        cancelText="取消"
        confirmLoading={busy}
        onOk={() => void submit()}
        onCancel={() => setOpen(null)}
        destroyOnHidden
      >
        <ProblemAlert error={error} />
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="note"
            label={open === 'close' ? '销号说明' : '催办说明（可选）'}
            rules={open === 'close' ? [{ required: true, whitespace: true, message: '请填写销号说明' }] : []}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
