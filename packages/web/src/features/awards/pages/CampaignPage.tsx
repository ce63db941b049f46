import { Alert, Button, Card, Checkbox, Descriptions, Form, Input, Modal, Space, Table, Tag } from 'antd';
import type { CandidateView } from '@zhenggong/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { usePermission } from '../../../shared/auth/usePermission';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useAnnounce, useCampaign, useCampaignAction, useNominateCandidate, useSuspicious, useVote } from '../api';
import { PersonMultiSelect } from '../components/PersonMultiSelect';

/** One campaign: candidates with their votes, voting once per account, the stage actions and the suspicious-pattern report. */
export function CampaignPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const campaign = useCampaign(id);
  const canManage = usePermission('exemplars:manage');
  const canNominate = usePermission('exemplars:nominate');
  const action = useCampaignAction(id);
  const vote = useVote(id);
  const announce = useAnnounce(id);
  const nominate = useNominateCandidate(id);
  const suspicious = useSuspicious(id, canManage && campaign.data?.status !== 'nominating');
  const showError = useErrorMessage();
  const [choices, setChoices] = useState<string[]>([]);
  const [nominating, setNominating] = useState(false);
  const [form] = Form.useForm<{ personIds: string[]; deeds: string }>();
  const c = campaign.data;
  if (!c) return campaign.error ? <QueryErrorAlert error={campaign.error} /> : null;
  const voting = c.status === 'voting' && !c.myBallot;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Descriptions title={c.title} column={{ xs: 1, md: 3 }} size="small" bordered>
        <Descriptions.Item label={t('awards.exemplars.kind')}>{c.kind}</Descriptions.Item>
        <Descriptions.Item label={t('awards.exemplars.status')}>{t(`awards.exemplars.statuses.${c.status}`)}</Descriptions.Item>
        <Descriptions.Item label={t('awards.exemplars.ballots')}>{c.ballots}</Descriptions.Item>
        <Descriptions.Item label={t('awards.exemplars.criteria')} span={3}>
          {c.criteria}
        </Descriptions.Item>
      </Descriptions>
      <Space wrap>
        {c.status === 'nominating' && canNominate && <Button onClick={() => setNominating(true)}>{t('awards.exemplars.nominate')}</Button>}
        {canManage && c.status === 'nominating' && (
          <Button onClick={() => void action.mutateAsync('open-voting').catch(showError)}>{t('awards.exemplars.openVoting')}</Button>
        )}
        {canManage && c.status === 'voting' && (
          <Button onClick={() => void action.mutateAsync('close-voting').catch(showError)}>{t('awards.exemplars.closeVoting')}</Button>
        )}
        {canManage && c.status === 'closed' && (
          <Button type="primary" disabled={choices.length === 0} onClick={() => void announce.mutateAsync(choices).catch(showError)}>
            {t('awards.exemplars.announce')}
          </Button>
        )}
        {voting && (
          <Button
            type="primary"
            disabled={choices.length === 0 || choices.length > c.maxChoices}
            onClick={() =>
              void vote
                .mutateAsync(choices)
                .then(() => setChoices([]))
                .catch(showError)
            }
          >
            {t('awards.exemplars.vote')}（{choices.length}/{c.maxChoices}）
          </Button>
        )}
        {c.myBallot && <Tag color="green">{t('awards.exemplars.voted')}</Tag>}
      </Space>
      <Table<CandidateView>
        rowKey="id"
        size="middle"
        scroll={{ x: 600 }}
        dataSource={c.items}
        pagination={false}
        columns={[
          {
            title: '',
            width: 48,
            render: (_: unknown, r) =>
              (voting || (canManage && c.status === 'closed')) && r.status === 'approved' ? (
                <Checkbox
                  checked={choices.includes(r.id)}
                  onChange={(e) => setChoices(e.target.checked ? [...choices, r.id] : choices.filter((x) => x !== r.id))}
                />
              ) : null,
          },
          {
            title: t('awards.discipline.person'),
            dataIndex: 'name',
            render: (n: string, r) => (
              <Space>
                {n}
                {r.winner && <Tag color="red">{t('awards.exemplars.winner')}</Tag>}
              </Space>
            ),
          },
          { title: t('awards.list.org'), dataIndex: 'orgName' },
          { title: t('awards.exemplars.deeds'), dataIndex: 'deeds' },
          {
            title: t('awards.exemplars.status'),
            dataIndex: 'status',
            render: (s: CandidateView['status']) => t(`awards.exemplars.candidateStatus.${s}`),
          },
          { title: t('awards.exemplars.votes'), dataIndex: 'votes', width: 80 },
        ]}
      />
      {suspicious.data && (
        <Card size="small" title={t('awards.exemplars.suspicious')}>
          {suspicious.data.groups.length === 0 ? (
            <Alert type="success" message={t('awards.exemplars.noSuspicious')} />
          ) : (
            suspicious.data.groups.map((g) => (
              <div key={`${g.by}:${g.value}`}>
                {g.by} {g.value}：{g.votes}（{g.from} ~ {g.to}）
              </div>
            ))
          )}
        </Card>
      )}
      <Modal
        open={nominating}
        title={t('awards.exemplars.nominate')}
        onCancel={() => setNominating(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) =>
            void nominate
              .mutateAsync({ personId: v.personIds[0] ?? '', deeds: v.deeds })
              .then(() => setNominating(false))
              .catch(showError)
          }
        >
          <Form.Item name="personIds" label={t('awards.discipline.person')} rules={[{ required: true }]}>
            <PersonMultiSelect single />
          </Form.Item>
          <Form.Item name="deeds" label={t('awards.exemplars.deeds')} rules={[{ required: true }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
