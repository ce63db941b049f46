import type { EligibilityView } from '@zhenggong/core';

type PromotionStatus = 'in_progress' | 'approved' | 'rejected' | 'withdrawn';
import { App, Button, Descriptions, Drawer, Empty, Space, Spin, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { usePermission } from '../../../shared/auth/usePermission';
import { downloadPromotionForm, useCadreProfile, useCreatePromotion } from '../api';
import { ReasonList } from './ReasonList';

const statusColor: Record<string, string> = {
  eligible: 'green',
  not_yet: 'default',
  blocked: 'red',
  top: 'blue',
  selection: 'purple',
  no_data: 'orange',
};

/** One person's eligibility on every track with the reason trace, histories, and the button that opens a promotion case. */
export function PersonDrawer({ personId, onClose }: { personId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const profile = useCadreProfile(personId);
  const create = useCreatePromotion();
  const canWrite = usePermission('cadres:write');
  const p = profile.data;
  const track = (e: EligibilityView) => (
    <div key={e.track} data-testid={`eligibility-${e.track}`} style={{ marginBottom: 16 }}>
      <Space wrap>
        <Typography.Text strong>{t(`cadres.due.tracks.${e.track}`)}</Typography.Text>
        <span>
          {e.fromName} → {e.toName}
        </span>
        <Tag color={statusColor[e.status]}>{t(`cadres.due.${e.status}`)}</Tag>
        {e.dueDate && <Typography.Text type="secondary">{e.dueDate}</Typography.Text>}
        {canWrite && e.status === 'eligible' && !p?.cases.some((c) => c.status === 'in_progress' && c.track === e.track) && (
          <Button
            type="primary"
            size="small"
            loading={create.isPending}
            data-testid={`propose-${e.track}`}
            onClick={() =>
              create.mutate(
                { personId: p!.person.id, track: e.track },
                { onSuccess: () => void message.success(t('cadres.due.proposed')), onError: showError },
              )
            }
          >
            {t('cadres.due.propose')}
          </Button>
        )}
      </Space>
      <div style={{ marginTop: 6 }}>
        <ReasonList reasons={e.reasons} />
      </div>
    </div>
  );
  return (
    <Drawer
      open={personId !== null}
      onClose={onClose}
      width={Math.min(720, window.innerWidth)}
      title={p ? `${t('cadres.person.title')} · ${p.person.name}` : t('cadres.person.title')}
    >
      {profile.isLoading && <Spin />}
      {p && (
        <>
          <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
            <Descriptions.Item label={t('cadres.due.unit')}>{p.person.orgName}</Descriptions.Item>
            <Descriptions.Item label={t('cadres.person.grade')}>{p.person.levelName}</Descriptions.Item>
            <Descriptions.Item label={t('cadres.person.levelDate')}>{p.person.levelDate ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('cadres.person.postLevel')}>{p.person.postLevel ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('cadres.person.rank')}>
              {p.person.rankName} {p.person.rankDate ?? ''}
            </Descriptions.Item>
            <Descriptions.Item label={t('cadres.person.retirement')}>{p.retirement.month}</Descriptions.Item>
          </Descriptions>
          <div style={{ marginTop: 16 }}>{p.eligibility.map(track)}</div>
          <Typography.Title level={5}>{t('cadres.person.gradeHistory')}</Typography.Title>
          <Table
            size="small"
            rowKey={(r) => `${r.level}-${r.startDate}`}
            pagination={false}
            data-testid="grade-history"
            dataSource={p.gradeHistory}
            columns={[
              { title: t('cadres.person.grade'), dataIndex: 'name' },
              { title: t('cadres.teams.since'), dataIndex: 'startDate' },
              { title: '', dataIndex: 'endDate', render: (v: string | null) => v ?? t('cadres.person.current') },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('cadres.person.appraisals')}
          </Typography.Title>
          {p.appraisals.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            <Space wrap>
              {p.appraisals.map((a) => (
                <Tag key={a.year} color={a.grade === '优秀' ? 'gold' : a.grade === '称职' ? 'green' : 'red'}>
                  {a.year} {a.grade}
                </Tag>
              ))}
            </Space>
          )}
          {p.cases.length > 0 && (
            <>
              <Typography.Title level={5} style={{ marginTop: 16 }}>
                {t('cadres.person.cases')}
              </Typography.Title>
              {p.cases.map((c) => (
                <div key={c.id}>
                  {c.fromName} → {c.toName} <Tag>{t(`cadres.promotions.statuses.${c.status as PromotionStatus}`)}</Tag>
                  <Button type="link" size="small" onClick={() => void downloadPromotionForm(c.id).catch(showError)}>
                    {t('cadres.promotions.form')}
                  </Button>
                </div>
              ))}
            </>
          )}
        </>
      )}
    </Drawer>
  );
}
