import { Space, Typography } from 'antd';
import type { ReactNode } from 'react';

export function PageHeading({ title, extra }: { title: string; extra?: ReactNode }) {
  return (
    <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
      <Typography.Title level={2} style={{ margin: 0, fontSize: '1.5em' }}>{title}</Typography.Title>
      {extra}
    </Space>
  );
}
