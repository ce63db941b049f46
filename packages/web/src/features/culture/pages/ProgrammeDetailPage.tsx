import type { RegistrationView } from '@zhenggong/core';
import { App, Button, Checkbox, Descriptions, Flex, InputNumber, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { useParticipation, useProgramme } from '../api';

type Draft = Record<string, { attended: boolean; amount: number | null }>;

/** A programme's registrations; the organisers tick who attended and, for reading and fitness, the hours or kilometres. */
export function ProgrammeDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const detail = useProgramme(id);
  const save = useParticipation(id);
  const showError = useErrorMessage();
  const { message } = App.useApp();
  const [draft, setDraft] = useState<Draft>({});
  useEffect(() => {
    if (!detail.data) return;
    setDraft(Object.fromEntries(detail.data.registrations.map((r) => [r.id, { attended: r.attended ?? false, amount: r.amount }])));
  }, [detail.data]);
  if (detail.isError) return <QueryErrorAlert error={detail.error} onRetry={() => void detail.refetch()} />;
  const g = detail.data?.programme;
  const set = (rid: string, patch: Partial<Draft[string]>) =>
    setDraft((d) => ({ ...d, [rid]: { attended: false, amount: null, ...d[rid], ...patch } }));
  return (
    <Flex vertical gap={12}>
      {g && (
        <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }} title={g.title}>
          <Descriptions.Item label={t('culture.programme.kind')}>{t(`culture.kind.${g.kind}`)}</Descriptions.Item>
          <Descriptions.Item label={t('culture.programme.org')}>{g.orgName}</Descriptions.Item>
          <Descriptions.Item label={t('culture.programme.dates')}>{`${g.startDate} ~ ${g.endDate}`}</Descriptions.Item>
          <Descriptions.Item label={t('culture.programme.deadline')}>{g.deadline}</Descriptions.Item>
          <Descriptions.Item label={t('culture.programme.capacity')}>{g.capacity ?? t('culture.programme.unlimited')}</Descriptions.Item>
          <Descriptions.Item label={t('culture.programme.status')}>{t(`culture.status.${g.status}`)}</Descriptions.Item>
          {g.description && <Descriptions.Item label={t('culture.programme.description')}>{g.description}</Descriptions.Item>}
        </Descriptions>
      )}
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('culture.programme.registrations')}（{detail.data?.registrations.length ?? 0}）
      </Typography.Title>
      <Table<RegistrationView>
        data-testid="registrations"
        rowKey="id"
        size="small"
        scroll={{ x: 560 }}
        loading={detail.isFetching}
        dataSource={detail.data?.registrations}
        pagination={false}
        columns={[
          { title: t('culture.programme.name'), dataIndex: 'name' },
          { title: t('culture.programme.unit'), dataIndex: 'orgName' },
          {
            title: t('culture.programme.registeredAt'),
            dataIndex: 'registeredAt',
            render: (v: string) => v.slice(0, 16).replace('T', ' '),
          },
          {
            title: t('culture.programme.present'),
            key: 'attended',
            render: (_, r) => (
              <Checkbox
                data-testid="attended"
                checked={draft[r.id]?.attended ?? false}
                onChange={(e) => set(r.id, { attended: e.target.checked })}
              />
            ),
          },
          ...(g?.measure
            ? [
                {
                  title: t(`culture.measure.${g.measure}`),
                  key: 'amount',
                  render: (_: unknown, r: RegistrationView) => (
                    <InputNumber
                      data-testid="amount"
                      min={0}
                      max={10000}
                      step={0.5}
                      precision={1}
                      disabled={!draft[r.id]?.attended}
                      value={draft[r.id]?.amount}
                      onChange={(v) => set(r.id, { amount: v })}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      <div>
        <Button
          type="primary"
          data-testid="save-participation"
          disabled={!detail.data?.registrations.length || g?.status !== 'published'}
          loading={save.isPending}
          onClick={() =>
            save.mutate(
              {
                records: Object.entries(draft).map(([registrationId, d]) => ({
                  registrationId,
                  attended: d.attended,
                  amount: d.attended ? d.amount : null,
                })),
              },
              { onSuccess: () => void message.success(t('culture.saved')), onError: showError },
            )
          }
        >
          {t('culture.programme.saveParticipation')}
        </Button>
      </div>
    </Flex>
  );
}
