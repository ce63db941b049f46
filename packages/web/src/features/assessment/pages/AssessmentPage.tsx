import type { RoundView, SchemeView } from '@zhenggong/core';
import { App, Button, Card, DatePicker, Form, Input, Modal, Select, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../../../shared/auth/usePermission';
import { OrgTreeSelect } from '../../../shared/components/OrgTreeSelect';
import { useCreateScheme, useOpenRound, usePublishScheme, useRounds, useSchemes } from '../api';
import { AppealsPanel } from '../components/AppealsPanel';
import { RoundDrawer } from '../components/RoundDrawer';

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** 绩效考核: schemes (political department), rounds per unit and period, appeals to decide. */
export function AssessmentPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const schemes = useSchemes();
  const rounds = useRounds();
  const canScheme = usePermission('assessment:scheme');
  const canScore = usePermission('assessment:score');
  const canReview = usePermission('assessment:review');
  const create = useCreateScheme();
  const publish = usePublishScheme();
  const openRound = useOpenRound();
  const [opening, setOpening] = useState(false);
  const [roundId, setRoundId] = useState<string | null>(null);
  const [form] = Form.useForm<{
    schemeId: string;
    orgId: string;
    period: string;
    range: [{ format(f: string): string }, { format(f: string): string }];
  }>();

  /** A new version of a scheme from its latest version's body (editing the body is done through the API for now). */
  const newVersion = async (from: SchemeView) => {
    try {
      await create.mutateAsync({
        code: from.code,
        name: from.name,
        subject: from.subject,
        personKind: from.personKind,
        periodKind: from.periodKind,
        effectiveFrom: from.effectiveFrom,
        evidence: from.evidence,
        source: from.source,
        body: from.body,
      });
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  const submitOpen = async () => {
    const v = await form.validateFields();
    try {
      const r = await openRound.mutateAsync({
        schemeId: v.schemeId,
        orgId: v.orgId,
        period: v.period,
        startDate: v.range[0].format('YYYY-MM-DD'),
        endDate: v.range[1].format('YYYY-MM-DD'),
      });
      setOpening(false);
      setRoundId(r.id);
    } catch (e) {
      void message.error(errorText(e));
    }
  };

  const roundsTab = (
    <Card
      size="small"
      extra={
        canScore && (
          <Button type="primary" onClick={() => setOpening(true)} data-testid="open-round">
            {t('assessment.round.open')}
          </Button>
        )
      }
    >
      <Table<RoundView>
        data-testid="rounds"
        rowKey="id"
        size="small"
        loading={rounds.isFetching}
        dataSource={rounds.data?.items}
        scroll={{ x: 720 }}
        columns={[
          {
            title: t('assessment.round.org'),
            dataIndex: 'orgName',
            filters: [...new Set(rounds.data?.items.map((r) => r.orgName))].map((n) => ({ text: n, value: n })),
            onFilter: (v, r) => r.orgName === v,
          },
          { title: t('assessment.scheme.name'), dataIndex: 'schemeName' },
          { title: t('assessment.round.period'), dataIndex: 'period', sorter: (a, b) => a.period.localeCompare(b.period) },
          { title: t('assessment.round.people'), dataIndex: 'people' },
          { title: t('assessment.round.mean'), dataIndex: 'meanTotal', sorter: (a, b) => (a.meanTotal ?? 0) - (b.meanTotal ?? 0) },
          {
            title: t('assessment.round.status'),
            dataIndex: 'status',
            render: (s: RoundView['status']) => <Tag>{t(`assessment.round.statuses.${s}`)}</Tag>,
          },
          {
            title: '',
            key: 'go',
            render: (_, r) => (
              <Button size="small" onClick={() => setRoundId(r.id)}>
                {t('assessment.round.view')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
  const schemesTab = (
    <Card size="small">
      <Table<SchemeView>
        data-testid="schemes"
        rowKey="id"
        size="small"
        dataSource={schemes.data?.items}
        scroll={{ x: 640 }}
        expandable={{
          expandedRowRender: (s) => s.body.indicators.map((i) => `${i.parent ? '\u3000' : ''}${i.name} ${i.maxPoints}`).join('；'),
        }}
        columns={[
          { title: t('assessment.scheme.name'), dataIndex: 'name' },
          { title: t('assessment.scheme.version'), dataIndex: 'version' },
          {
            title: t('assessment.scheme.subject'),
            dataIndex: 'subject',
            render: (s: SchemeView['subject']) => t(`assessment.scheme.subjects.${s}`),
          },
          {
            title: t('assessment.scheme.period'),
            dataIndex: 'periodKind',
            render: (s: SchemeView['periodKind']) => t(`assessment.scheme.periods.${s}`),
          },
          { title: t('assessment.scheme.evidence'), dataIndex: 'evidence' },
          {
            title: t('assessment.scheme.status'),
            dataIndex: 'status',
            render: (s: SchemeView['status'], r) =>
              s === 'draft' && canScheme ? (
                <Button
                  size="small"
                  type="primary"
                  onClick={() => publish.mutate(r.id, { onError: (e) => void message.error(errorText(e)) })}
                >
                  {t('assessment.scheme.publish')}
                </Button>
              ) : (
                <>
                  <Tag color={s === 'published' ? 'green' : undefined}>{t(`assessment.scheme.statuses.${s}`)}</Tag>
                  {canScheme && (
                    <Button size="small" onClick={() => void newVersion(r)}>
                      {t('assessment.scheme.createDefault')}
                    </Button>
                  )}
                </>
              ),
          },
        ]}
      />
    </Card>
  );
  return (
    <>
      <Tabs
        items={[
          { key: 'rounds', label: t('assessment.tabs.rounds'), children: roundsTab },
          { key: 'schemes', label: t('assessment.tabs.schemes'), children: schemesTab },
          ...(canReview ? [{ key: 'appeals', label: t('assessment.tabs.appeals'), children: <AppealsPanel /> }] : []),
        ]}
      />
      <Modal
        open={opening}
        title={t('assessment.round.open')}
        onOk={() => void submitOpen()}
        onCancel={() => setOpening(false)}
        confirmLoading={openRound.isPending}
      >
        <Form form={form} layout="vertical">
          <Form.Item name="schemeId" label={t('assessment.scheme.name')} rules={[{ required: true }]}>
            <Select
              options={schemes.data?.items
                .filter((s) => s.status === 'published')
                .map((s) => ({ value: s.id, label: `${s.name}（第${s.version}版）` }))}
            />
          </Form.Item>
          <Form.Item name="orgId" label={t('assessment.round.org')} rules={[{ required: true }]}>
            <OrgTreeSelect />
          </Form.Item>
          <Form.Item name="period" label={t('assessment.round.period')} rules={[{ required: true, min: 4 }]}>
            <Input placeholder="2025" />
          </Form.Item>
          <Form.Item name="range" label={`${t('assessment.round.start')} ~ ${t('assessment.round.end')}`} rules={[{ required: true }]}>
            <DatePicker.RangePicker />
          </Form.Item>
        </Form>
      </Modal>
      {roundId && <RoundDrawer roundId={roundId} onClose={() => setRoundId(null)} schemes={schemes.data?.items ?? []} />}
    </>
  );
}
