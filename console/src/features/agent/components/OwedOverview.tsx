// 待补材料: every case of the agent's that still owes materials after a 容缺 acceptance, with the
// deadline and the hand-in.
import { Card, Empty, Typography } from 'antd';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useCatalogue } from '../../../lib/useCatalogue';
import { useOwedCases } from '../hooks/useOwedCases';
import { OwedMaterials } from './OwedMaterials';

export function OwedOverview() {
  const owed = useOwedCases();
  const catalogue = useCatalogue();
  return (
    <Card size="small" title={`待补材料（容缺）${owed.data ? `：${owed.data.length} 件办件` : ''}`} style={{ marginBottom: 16 }} loading={owed.loading && !owed.data}>
      <ProblemAlert error={owed.error} />
      {owed.data?.length === 0 && <Empty description="没有待补交的材料" />}
      {owed.data?.map((view) => (
        <div key={view.id} style={{ marginBottom: 12 }}>
          <Typography.Text strong>办件 {view.trackingCode}</Typography.Text>{' '}
          <Typography.Text type="secondary">
            {view.applicant.name} · {view.matterCodes.map((code) => catalogue?.matterName(code) ?? code).join('、')}
          </Typography.Text>
          <OwedMaterials view={view} onDone={() => void owed.reload()} />
        </div>
      ))}
    </Card>
  );
}
