// 联合审查 / 会商会审 of a case: the lead department's leader convenes, each department records
// its opinion once, the convening leader concludes with one consolidated opinion.
import { Card, Descriptions, Form, Input, List, Space, Tag, Typography } from 'antd';
import { ActionButton } from '../../../components/ActionButton';
import { formatInstant } from '../../../lib/format';
import { useSession } from '../../../lib/session';
import type { CaseView } from '../../../lib/types';
import { useCatalogue } from '../../../lib/useCatalogue';
import { usePolling } from '../../../lib/usePolling';
import { conclude, convene, jointReviews, recordOpinion } from '../api/review';

const required = (message: string) => [{ required: true, whitespace: true, message }];

export function JointReviews({ kase }: { kase: CaseView }) {
  const user = useSession()?.user;
  const catalogue = useCatalogue();
  const { data, reload } = usePolling(() => jointReviews(kase.id), [kase.id], 10_000);
  const name = (code: string) => catalogue?.departmentName(code) ?? code;
  const leadDepartment = kase.steps.find((s) => s.matterCode === kase.matterCodes[0])?.departmentCode;
  const mayConvene = user?.role === 'leader' && user.departmentCode === leadDepartment && kase.status === 'inReview';
  const done = () => void reload();

  return (
    <Card
      title="联合审查"
      style={{ marginBottom: 16 }}
      extra={mayConvene ? (
        <ActionButton<{ topic: string; heldOn?: string }>
          label="召开联合审查"
          fields={(
            <>
              <Form.Item label="审查议题" name="topic" rules={required('请填写审查议题')}><Input /></Form.Item>
              <Form.Item label="会议日期（选填，YYYY-MM-DD）" name="heldOn" rules={[{ pattern: /^\d{4}-\d{2}-\d{2}$/, message: '格式为 YYYY-MM-DD' }]}><Input /></Form.Item>
            </>
          )}
          run={({ topic, heldOn }) => convene(kase.id, { topic, ...(heldOn ? { heldOn } : {}) })}
          done="已召开联合审查，已通知各部门"
          onDone={done}
        />
      ) : undefined}
    >
      {!data?.length ? <Typography.Text type="secondary">本办件尚未召开联合审查。</Typography.Text> : (
        <List
          dataSource={data}
          renderItem={(review) => {
            const mine = user?.departmentCode;
            const mayGiveOpinion = !!mine && review.awaitingOpinions.includes(mine) && review.allowedEvents.includes('RECORD_OPINION');
            const mayConclude = user?.role === 'leader' && mine === review.leadDepartmentCode && review.allowedEvents.includes('CONCLUDE');
            return (
              <List.Item>
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Space wrap>
                    <Typography.Text strong>{review.topic}</Typography.Text>
                    {review.consolidatedOpinion ? <Tag color="success">已形成结论</Tag> : <Tag color="processing">审查中</Tag>}
                  </Space>
                  <Descriptions size="small" column={1}>
                    <Descriptions.Item label="牵头部门">{name(review.leadDepartmentCode)}</Descriptions.Item>
                    <Descriptions.Item label="召开时间">{formatInstant(review.convenedAt)}</Descriptions.Item>
                    <Descriptions.Item label="待提交意见">{review.awaitingOpinions.length ? review.awaitingOpinions.map(name).join('、') : '无'}</Descriptions.Item>
                    {review.consolidatedOpinion && <Descriptions.Item label="审查结论">{review.consolidatedOpinion}</Descriptions.Item>}
                  </Descriptions>
                  {review.opinions.map((o) => (
                    <div key={o.departmentCode}>{name(o.departmentCode)}：{o.opinion}（{o.recordedBy ?? ''}，{formatInstant(o.recordedAt)}）</div>
                  ))}
                  <Space wrap>
                    {mayGiveOpinion && (
                      <ActionButton<{ opinion: string }>
                        label="提交本部门意见"
                        fields={<Form.Item label="部门意见" name="opinion" rules={required('请填写部门意见')}><Input.TextArea rows={3} /></Form.Item>}
                        run={({ opinion }) => recordOpinion(review.id, opinion)}
                        done="已提交本部门意见"
                        onDone={done}
                      />
                    )}
                    {mayConclude && (
                      <ActionButton<{ consolidatedOpinion: string }>
                        label="形成审查结论"
                        fields={<Form.Item label="综合审查意见" name="consolidatedOpinion" rules={required('请填写综合审查意见')}><Input.TextArea rows={3} /></Form.Item>}
                        run={({ consolidatedOpinion }) => conclude(review.id, consolidatedOpinion)}
                        done="已形成联合审查结论"
                        onDone={done}
                      />
                    )}
                  </Space>
                </Space>
              </List.Item>
            );
          }}
        />
      )}
    </Card>
  );
}
