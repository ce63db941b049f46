import { Alert, InputNumber, Space, Table, Typography } from 'antd';
import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../../shared/components/EChart';
import { OrgTreeSelect } from '../../../shared/components/OrgTreeSelect';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { useRetirement } from '../api';

echarts.use([BarChart, GridComponent, TooltipComponent, AriaComponent, CanvasRenderer]);

/** 退休预警: who reaches the statutory age, per year (chart) and by person, under the 2024 decision. */
export function RetirementPage() {
  const { t } = useTranslation();
  const year = dayjs().year();
  const [q, setQ] = useState<{ fromYear: number; toYear: number; orgId?: string; page: number; pageSize: number }>({
    fromYear: year,
    toYear: year + 5,
    page: 1,
    pageSize: 20,
  });
  const data = useRetirement(q);
  const byYear = data.data?.byYear ?? [];
  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('cadres.retirement.note')} />
      <Space wrap style={{ marginBottom: 12 }}>
        <InputNumber
          addonBefore={t('cadres.retirement.from')}
          value={q.fromYear}
          min={2000}
          max={2100}
          onChange={(v) => v && setQ({ ...q, fromYear: v, page: 1 })}
        />
        <InputNumber
          addonBefore={t('cadres.retirement.to')}
          value={q.toYear}
          min={2000}
          max={2100}
          onChange={(v) => v && setQ({ ...q, toYear: v, page: 1 })}
        />
        <OrgTreeSelect
          allowClear
          placeholder={t('cadres.due.unit')}
          value={q.orgId}
          onChange={(v) => setQ({ ...q, orgId: v, page: 1 })}
          style={{ width: 200 }}
        />
      </Space>
      {data.error && <QueryErrorAlert error={data.error} />}
      <Typography.Title level={5}>{t('cadres.retirement.byYear')}</Typography.Title>
      <EChart
        testId="retirement-chart"
        style={{ height: 220 }}
        option={{
          aria: { enabled: true },
          tooltip: {},
          grid: { left: 40, right: 16, top: 16, bottom: 28 },
          xAxis: { type: 'category', data: byYear.map((y) => String(y.year)) },
          yAxis: { type: 'value', minInterval: 1 },
          series: [{ type: 'bar', data: byYear.map((y) => y.count), itemStyle: { color: '#1677ff' } }],
        }}
      />
      <Table
        rowKey="personId"
        loading={data.isFetching}
        dataSource={data.data?.items ?? []}
        scroll={{ x: 700 }}
        data-testid="retirement-table"
        pagination={{
          current: q.page,
          pageSize: q.pageSize,
          total: data.data?.total ?? 0,
          onChange: (page, pageSize) => setQ({ ...q, page, pageSize }),
        }}
        columns={[
          { title: t('cadres.retirement.name'), dataIndex: 'name', width: 90 },
          { title: t('cadres.retirement.unit'), dataIndex: 'orgName', width: 150 },
          { title: t('cadres.retirement.birth'), dataIndex: 'birthDate', width: 110 },
          {
            title: t('cadres.retirement.category'),
            dataIndex: 'category',
            width: 140,
            render: (v: 'male' | 'female55' | 'female50') => t(`cadres.retirement.categories.${v}`),
          },
          {
            title: t('cadres.retirement.age'),
            dataIndex: 'ageMonths',
            width: 110,
            render: (v: number) => t('cadres.retirement.years', { y: Math.floor(v / 12), m: v % 12 }),
          },
          { title: t('cadres.retirement.delay'), dataIndex: 'delayMonths', width: 90 },
          { title: t('cadres.retirement.month'), dataIndex: 'month', width: 100 },
        ]}
      />
    </>
  );
}
