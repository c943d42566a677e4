// 消息中心 in the header: the unread count, the latest notices, and 全部标为已读.
import { Badge, Button, Empty, List, Popover, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../lib/api';
import { formatInstant } from '../lib/format';
import { usePolling } from '../lib/usePolling';

interface Notice {
  id: number;
  kind: string;
  title: string;
  body?: string | null;
  at: string;
  readAt: string | null;
}

interface Notices {
  items: Notice[];
  unread: number;
}

export function NoticesBell() {
  const [open, setOpen] = useState(false);
  const { data, reload } = usePolling(
    () => unwrap<Notices>(api.GET('/api/notices', { params: { query: { pageSize: 8 } } })),
    [],
    15_000,
  );
  const readAll = async () => {
    await unwrap(api.POST('/api/notices/read-all', { body: {} })).catch(() => undefined);
    await reload();
  };
  const unread = data?.unread ?? 0;
  const content = (
    <div style={{ width: 320, maxWidth: '80vw' }}>
      {data?.items.length ? (
        <List
          size="small"
          dataSource={data.items}
          renderItem={(notice) => (
            <List.Item>
              <div>
                <Typography.Text strong={!notice.readAt}>{notice.title}</Typography.Text>
                {notice.body && <div>{notice.body}</div>}
                <Typography.Text type="secondary">{formatInstant(notice.at)}</Typography.Text>
              </div>
            </List.Item>
          )}
        />
      ) : <Empty description="暂无消息" />}
      {unread > 0 && <Button block onClick={() => void readAll()}>全部标为已读</Button>}
    </div>
  );
  return (
    <Popover content={content} title="消息中心" trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight">
      <Badge count={unread} size="small">
        <Button aria-label={unread ? `消息中心，${unread} 条未读` : '消息中心'}>消息</Button>
      </Badge>
    </Popover>
  );
}
