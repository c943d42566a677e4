import { Result } from 'antd';

export default function PendingWorkspace() {
  return <Result status="info" title="该工作区正在建设中" subTitle="可通过 /api/docs/ 的接口文档使用相应功能。" />;
}
