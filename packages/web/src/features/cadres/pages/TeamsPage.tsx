import { Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrgTreeSelect } from '../../../shared/components/OrgTreeSelect';
import { useTeam } from '../api';
import { ReasonList } from '../components/ReasonList';

/** 领导班子: posts and holders of a unit, vacancies, structure against its targets, and team evaluations with follow-ups. */
export function TeamsPage() {
  const { t } = useTranslation();
  const [orgId, setOrgId] = useState<string | null>(null);
  const team = useTeam(orgId);
  return (
    <>
      <OrgTreeSelect
        value={orgId}
        onChange={(v) => setOrgId(v ?? null)}
        placeholder={t('cadres.teams.pick')}
        style={{ width: 260, marginBottom: 12 }}
      />
      {!team.data && <Empty description={t('cadres.teams.pick')} />}
      {team.data && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            scroll={{ x: 600 }}
            dataSource={team.data.posts}
            columns={[
              { title: t('cadres.teams.post'), dataIndex: 'title' },
              {
                title: t('cadres.teams.holder'),
                key: 'holder',
                render: (_, p) => (p.holder ? `${p.holder.name}（${p.holder.age}）` : <Tag color="orange">{t('cadres.teams.vacant')}</Tag>),
              },
              { title: t('cadres.teams.since'), dataIndex: 'since' },
              { title: t('cadres.teams.docNo'), dataIndex: 'docNo' },
            ]}
          />
          <Card size="small" title={t('cadres.teams.structure')}>
            <ReasonList reasons={team.data.structure} />
          </Card>
          <Typography.Title level={5}>{t('cadres.teams.evaluations')}</Typography.Title>
          {team.data.evaluations.map((e) => (
            <Card key={e.id} size="small" title={`${e.date} ${e.title}`} extra={`${t('cadres.teams.average')} ${e.average}`}>
              {e.items.map((i) => (
                <Tag key={i.name}>
                  {i.name} {i.score}
                </Tag>
              ))}
              <div style={{ marginTop: 8 }}>
                {e.followups.map((f) => (
                  <div key={f.item}>
                    {f.item} · {f.dueDate} {f.overdue && <Tag color="red">{t('cadres.teams.overdue')}</Tag>}
                  </div>
                ))}
              </div>
            </Card>
          ))}
        </Space>
      )}
    </>
  );
}
