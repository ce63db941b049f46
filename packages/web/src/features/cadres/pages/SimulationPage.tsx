import type { SimulationItem } from '@zhenggong/core';
import { Alert, App, Button, DatePicker, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../../../shared/auth/usePermission';
import { OrgTreeSelect } from '../../../shared/components/OrgTreeSelect';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useErrorMessage } from '../../../shared/hooks/useErrorMessage';
import { downloadSimulation, useCreateBatch, useRuleSets, useSimulation, type SimulationRequest } from '../api';
import { ReasonList } from '../components/ReasonList';

type SimStatus = 'converted' | 'fallback' | 'quota' | 'deferred' | 'no_source' | 'changed';
const color: Record<string, string> = { converted: 'green', fallback: 'gold', quota: 'orange', deferred: 'red', no_source: 'default' };

/** 套改测算: pick a rule set (or an edited copy), a date and a scope; see every person's result and why; compare; export; confirm as a batch. */
export function SimulationPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useErrorMessage();
  const rules = useRuleSets();
  const conversions = (rules.data?.items ?? []).filter((r) => r.kind === 'conversion');
  const [form, setForm] = useState<Omit<SimulationRequest, 'page' | 'pageSize'>>({ ruleSetId: 'rank.convert@2019' });
  const [q, setQ] = useState<SimulationRequest | null>(null);
  const sim = useSimulation(q);
  const batch = useCreateBatch();
  const canSimulate = usePermission('cadres:simulate');
  const chosen = conversions.find((r) => r.id === form.ruleSetId);
  const run = (patch: Partial<SimulationRequest> = {}) =>
    setQ({ ...form, page: 1, pageSize: 20, ...(q?.status ? { status: q.status } : {}), ...patch });
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          style={{ width: 300 }}
          value={form.ruleSetId}
          onChange={(v) => setForm({ ...form, ruleSetId: v })}
          options={conversions.map((r) => ({ value: r.id, label: r.name }))}
          aria-label={t('cadres.simulation.ruleSet')}
          data-testid="rule-set"
        />
        <Select
          allowClear
          style={{ width: 260 }}
          placeholder={t('cadres.simulation.compareWith')}
          value={form.compareWith}
          onChange={(v) => setForm({ ...form, compareWith: v })}
          options={conversions.filter((r) => r.id !== form.ruleSetId).map((r) => ({ value: r.id, label: r.name }))}
        />
        <OrgTreeSelect
          allowClear
          placeholder={t('cadres.simulation.org')}
          value={form.orgId}
          onChange={(v) => setForm({ ...form, orgId: v })}
          style={{ width: 200 }}
        />
        <DatePicker
          placeholder={t('cadres.simulation.date')}
          value={form.date ? dayjs(form.date) : null}
          onChange={(d) => setForm({ ...form, date: d ? d.format('YYYY-MM-DD') : undefined })}
        />
        <Button type="primary" disabled={!canSimulate} onClick={() => run()} data-testid="run-simulation">
          {t('cadres.simulation.run')}
        </Button>
        <Button disabled={!q} onClick={() => void downloadSimulation(form).catch(showError)}>
          {t('cadres.simulation.export')}
        </Button>
        <Button
          danger
          disabled={!q}
          loading={batch.isPending}
          onClick={() =>
            batch.mutate(
              { ruleSetId: form.ruleSetId, orgId: form.orgId, date: form.date },
              { onSuccess: (r) => void message.success(t('cadres.simulation.confirmed', { people: r.people })), onError: showError },
            )
          }
        >
          {t('cadres.simulation.confirm')}
        </Button>
      </Space>
      {chosen && (
        <Alert
          type={chosen.evidence === 'V' ? 'info' : 'warning'}
          showIcon
          style={{ marginBottom: 12 }}
          message={`${t('cadres.simulation.evidence')}：${chosen.evidence} · ${chosen.source}`}
          description={`${chosen.note ?? ''} ${t('cadres.simulation.nothingWritten')}`}
        />
      )}
      {sim.error && <QueryErrorAlert error={sim.error} />}
      {sim.data && (
        <>
          <Space wrap size="large" style={{ marginBottom: 12 }} data-testid="simulation-summary">
            <Statistic title={t('cadres.simulation.people')} value={sim.data.people} />
            {Object.entries(sim.data.summary).map(([k, v]) => (
              <Statistic key={k} title={t(`cadres.simulation.statuses.${k as SimStatus}`)} value={v} />
            ))}
          </Space>
          <Space style={{ marginBottom: 8 }}>
            <Select
              allowClear
              style={{ width: 160 }}
              placeholder={t('cadres.simulation.status')}
              value={q?.status}
              onChange={(v) => setQ((cur) => (cur ? { ...cur, status: v, page: 1 } : cur))}
              options={Object.keys(sim.data.summary).map((k) => ({ value: k, label: t(`cadres.simulation.statuses.${k as SimStatus}`) }))}
            />
          </Space>
          <Table<SimulationItem>
            rowKey="personId"
            size="small"
            loading={sim.isFetching}
            dataSource={sim.data.items}
            scroll={{ x: 900 }}
            data-testid="simulation-table"
            pagination={{
              current: q?.page,
              pageSize: q?.pageSize,
              total: sim.data.total,
              onChange: (page, pageSize) => setQ((cur) => (cur ? { ...cur, page, pageSize } : cur)),
            }}
            columns={[
              { title: t('cadres.due.name'), dataIndex: 'name', width: 80, fixed: 'left' },
              { title: t('cadres.due.unit'), dataIndex: 'unitName', width: 110 },
              { title: t('cadres.due.from'), dataIndex: 'fromName', width: 120 },
              { title: t('cadres.due.to'), dataIndex: 'toName', width: 120 },
              {
                title: t('cadres.simulation.status'),
                dataIndex: 'status',
                width: 100,
                render: (v: string) => <Tag color={color[v]}>{t(`cadres.simulation.statuses.${v as SimStatus}`)}</Tag>,
              },
              ...(sim.data.compareWith
                ? [
                    {
                      title: t('cadres.simulation.compareWith'),
                      key: 'b',
                      width: 120,
                      render: (_: unknown, r: SimulationItem) => (
                        <Typography.Text type={r.toB !== r.to ? 'warning' : undefined}>{r.toBName}</Typography.Text>
                      ),
                    },
                  ]
                : []),
              {
                title: t('cadres.due.reasons'),
                key: 'reasons',
                render: (_, r) => <ReasonList reasons={r.reasons.filter((x) => x.rule !== 'CONDITION' || x.ok).slice(-3)} />,
              },
            ]}
          />
          <Typography.Title level={5}>{t('cadres.simulation.usage')}</Typography.Title>
          <Table
            size="small"
            rowKey={(u) => `${u.unitId}-${u.ruleId}`}
            pagination={false}
            scroll={{ x: 500 }}
            dataSource={sim.data.usage.filter((u) => u.limit > 0 || u.used > 0)}
            columns={[
              { title: t('cadres.due.unit'), dataIndex: 'unitName' },
              { title: t('cadres.due.quota'), dataIndex: 'name' },
              { title: t('cadres.simulation.used'), dataIndex: 'used', width: 80 },
              { title: t('cadres.simulation.limit'), dataIndex: 'limit', width: 80 },
            ]}
          />
        </>
      )}
    </>
  );
}
