// A case as a reviewer reads it (a copy to them, or their department's case): the facts, every
// department's step and the timeline, without actions; their own department's steps open the step page.
import { Card, Descriptions, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { CaseProgress } from '../../../components/CaseProgress';
import { LightTag } from '../../../components/LightTag';
import { PageHeading } from '../../../components/PageHeading';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { CaseStatusTag, ChannelTag } from '../../../components/StatusTag';
import { formatInstant } from '../../../lib/format';
import { useSession } from '../../../lib/session';
import { useCatalogue } from '../../../lib/useCatalogue';
import { usePolling } from '../../../lib/usePolling';
import { getCase } from '../api/review';

export function CasePage() {
  const { id = '' } = useParams();
  const { data: kase, error } = usePolling(() => getCase(id), [id]);
  const catalogue = useCatalogue();
  const department = useSession()?.user.departmentCode;
  if (!kase) return error ? <ProblemAlert error={error} /> : <Typography.Text>正在加载…</Typography.Text>;

  return (
    <>
      <PageHeading title={`办件 ${kase.trackingCode}`} />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
          <Descriptions.Item label="查询码">{kase.trackingCode}</Descriptions.Item>
          <Descriptions.Item label="状态"><CaseStatusTag status={kase.status} /></Descriptions.Item>
          <Descriptions.Item label="通道"><ChannelTag channel={kase.channel} /></Descriptions.Item>
          <Descriptions.Item label="申请人">{kase.applicant.name}</Descriptions.Item>
          <Descriptions.Item label="项目名称">{kase.projectName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="申请事项">{kase.matterCodes.map((code) => catalogue?.matterName(code) ?? code).join('、')}</Descriptions.Item>
          <Descriptions.Item label="受理时间">{formatInstant(kase.acceptedAt)}</Descriptions.Item>
          <Descriptions.Item label="办结期限">{formatInstant(kase.dueAt)}</Descriptions.Item>
          <Descriptions.Item label="时限状态"><LightTag light={kase.light} /></Descriptions.Item>
        </Descriptions>
      </Card>
      <CaseProgress kase={kase} action={(step) => (step.departmentCode === department
        ? <Link to={`/review/steps/${encodeURIComponent(step.id)}`}>办理</Link>
        : null)} />
    </>
  );
}
