// Links for the operators: the Temporal UI (workflow histories) and the API reference.
import { Card, Descriptions, Typography } from 'antd';
import { PageHeading } from '../../../components/PageHeading';

/** The embedded Temporal dev server's UI (`TEMPORAL_UI_PORT`, 8233 by default) on the server's machine. */
const TEMPORAL_UI = 'http://127.0.0.1:8233';

export function OperationsPage() {
  return (
    <>
      <PageHeading title="运维链接" />
      <Card size="small">
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label="Temporal 工作流控制台（运维人员）">
            <Typography.Link href={TEMPORAL_UI} target="_blank" rel="noreferrer">{TEMPORAL_UI}</Typography.Link>
            <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
              查看每个办件、环节和项目的工作流历史与计时器。地址为服务器本机的默认端口；生产部署请使用运维提供的地址。
            </Typography.Paragraph>
          </Descriptions.Item>
          <Descriptions.Item label="接口文档">
            <Typography.Link href="/api/docs/" target="_blank">/api/docs/</Typography.Link>
          </Descriptions.Item>
          <Descriptions.Item label="健康检查">
            <Typography.Link href="/healthz" target="_blank">/healthz</Typography.Link>
          </Descriptions.Item>
          <Descriptions.Item label="Prometheus 指标">
            <Typography.Link href="/metrics" target="_blank">/metrics</Typography.Link>
          </Descriptions.Item>
        </Descriptions>
      </Card>
    </>
  );
}
