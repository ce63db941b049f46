import { Button, Card, Col, Drawer, Row, Statistic, Table, Typography } from 'antd';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../../shared/components/EChart';
import { QueryErrorAlert } from '../../../shared/components/QueryErrorAlert';
import { shortUnitNames } from '../../../shared/utils/unit-names';
import { useCockpit, useDrill, type DrillQuery } from '../api';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** 领导驾驶舱: the force's condition from the monthly snapshot; every unit bar and structure slice opens the list behind it. */
export function CockpitPage() {
  const { t } = useTranslation();
  // Keys built from API enums (statuses, levels, figures); the locale files list every value.
  const tk = t as unknown as (key: string, options?: Record<string, unknown>) => string;
  const [big, setBig] = useState(false);
  const [orgId, setOrgId] = useState<string | undefined>();
  const c = useCockpit({ orgId });
  const [drill, setDrill] = useState<(DrillQuery & { title: string }) | null>(null);
  const list = useDrill(
    drill
      ? { asOf: drill.asOf, orgId: drill.orgId, figure: drill.figure, key: drill.key, page: drill.page, pageSize: drill.pageSize }
      : null,
  );
  const d = c.data;
  const open = (org: string, orgName: string, figure: string, label: string, key?: string) =>
    d &&
    setDrill({
      asOf: d.asOf,
      orgId: org,
      figure,
      key,
      page: 1,
      pageSize: 10,
      title: t('warning.cockpit.drill', { org: orgName, figure: label }),
    });
  const units = d?.strengthByUnit ?? [];
  const style = big ? { background: '#0b1d3a', color: '#fff', padding: 16, minHeight: '100vh' } : {};
  return (
    <div style={style} data-testid="cockpit">
      <Card
        title={`${t('warning.cockpit.title')}${d ? ` · ${d.orgName}` : ''}`}
        extra={
          <>
            {d ? <Typography.Text type="secondary">{t('warning.cockpit.asOf', { date: d.asOf })} </Typography.Text> : null}
            {orgId ? (
              <Button size="small" onClick={() => setOrgId(undefined)}>
                ↑
              </Button>
            ) : null}
            <Button size="small" onClick={() => setBig(!big)}>
              {big ? t('warning.cockpit.exitBigScreen') : t('warning.cockpit.bigScreen')}
            </Button>
          </>
        }
      >
        <QueryErrorAlert error={c.error} />
        {d ? (
          <>
            <Row gutter={[12, 12]}>
              {[
                ['people', d.totals.people, 'people'],
                ['officers', d.totals.officers, 'officers'],
                ['auxiliaries', d.totals.auxiliaries, 'auxiliaries'],
                ['openAlerts', d.totals.openAlerts, null],
                ['interventions', d.interventionsOpen, null],
                ['training', `${Math.round(d.trainingCoverage * 100)}%`, null],
                ['exam', d.examAverage ?? '—', null],
              ].map(([key, value, figure]) => (
                <Col xs={12} sm={8} md={6} lg={3} key={String(key)}>
                  <Card
                    size="small"
                    hoverable={figure !== null}
                    onClick={() => figure && open(d.orgId, d.orgName, String(figure), tk(`warning.cockpit.${String(key)}`))}
                    data-testid={`stat-${String(key)}`}
                  >
                    <Statistic title={tk(`warning.cockpit.${String(key)}`)} value={value as string | number} />
                  </Card>
                </Col>
              ))}
            </Row>
            <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
              <Col xs={24} lg={12}>
                <Card size="small" title={t('warning.cockpit.byUnit')}>
                  <EChart
                    testId="unit-chart"
                    style={{ height: 300 }}
                    onItemClick={(i, series) => {
                      // The bar of each series opens its own list; open alerts are listed on the alerts page.
                      const u = units[i];
                      const figure = (['officers', 'auxiliaries'] as const)[series];
                      if (u && figure) open(u.orgId, u.orgName, figure, t(`warning.cockpit.${figure}`));
                    }}
                    option={{
                      tooltip: { trigger: 'axis' },
                      legend: {},
                      grid: { left: 8, right: 16, bottom: 8, top: 32, containLabel: true },
                      yAxis: { type: 'category', data: shortUnitNames(units.map((u) => u.orgName)) },
                      xAxis: { type: 'value' },
                      series: [
                        { name: t('warning.cockpit.officers'), type: 'bar', stack: 's', data: units.map((u) => u.officers) },
                        { name: t('warning.cockpit.auxiliaries'), type: 'bar', stack: 's', data: units.map((u) => u.auxiliaries) },
                        { name: t('warning.cockpit.openAlerts'), type: 'bar', data: units.map((u) => u.openAlerts) },
                      ],
                    }}
                  />
                  <Table
                    size="small"
                    rowKey="orgId"
                    pagination={false}
                    dataSource={units}
                    onRow={(u) => ({
                      onClick: () => open(u.orgId, u.orgName, 'officers', t('warning.cockpit.officers')),
                      style: { cursor: 'pointer' },
                    })}
                    columns={[
                      {
                        title: t('warning.alerts.org'),
                        dataIndex: 'orgName',
                        render: (v: string, u) => (
                          <a
                            onClick={(e) => {
                              e.stopPropagation();
                              setOrgId(u.orgId);
                            }}
                          >
                            {v}
                          </a>
                        ),
                      },
                      { title: t('warning.cockpit.officers'), dataIndex: 'officers' },
                      {
                        title: t('warning.cockpit.auxiliaries'),
                        dataIndex: 'auxiliaries',
                        onCell: (u) => ({
                          onClick: (e) => {
                            e.stopPropagation();
                            open(u.orgId, u.orgName, 'auxiliaries', t('warning.cockpit.auxiliaries'));
                          },
                        }),
                      },
                      { title: t('warning.cockpit.openAlerts'), dataIndex: 'openAlerts' },
                    ]}
                  />
                </Card>
              </Col>
              <Col xs={24} lg={12}>
                <Card size="small" title={t('warning.cockpit.trend')}>
                  <EChart
                    style={{ height: 260 }}
                    option={{
                      tooltip: { trigger: 'axis' },
                      legend: {},
                      xAxis: { type: 'category', data: d.awardsTrend.map((m) => m.month) },
                      yAxis: { type: 'value' },
                      series: [
                        { name: t('warning.cockpit.awards'), type: 'line', data: d.awardsTrend.map((m) => m.awards) },
                        { name: t('warning.cockpit.discipline'), type: 'line', data: d.awardsTrend.map((m) => m.discipline) },
                      ],
                    }}
                  />
                </Card>
                <Row gutter={12}>
                  <Col xs={24} sm={12}>
                    <Card size="small" title={t('warning.cockpit.ages')}>
                      <EChart
                        style={{ height: 220 }}
                        onItemClick={(i) => {
                          const b = d.ageBands[i];
                          if (b) open(d.orgId, d.orgName, 'ageBand', b.label, b.key);
                        }}
                        option={{
                          tooltip: {},
                          series: [
                            { type: 'pie', radius: ['35%', '65%'], data: d.ageBands.map((b) => ({ name: b.label, value: b.value })) },
                          ],
                        }}
                      />
                    </Card>
                  </Col>
                  <Col xs={24} sm={12}>
                    <Card size="small" title={t('warning.cockpit.alertsByLevel')}>
                      <EChart
                        style={{ height: 220 }}
                        option={{
                          tooltip: {},
                          series: [
                            { type: 'pie', radius: ['35%', '65%'], data: d.alertsByLevel.map((b) => ({ name: b.label, value: b.value })) },
                          ],
                        }}
                      />
                    </Card>
                  </Col>
                </Row>
              </Col>
            </Row>
          </>
        ) : null}
      </Card>
      <Drawer open={drill !== null} onClose={() => setDrill(null)} title={drill?.title} width={Math.min(560, window.innerWidth)}>
        <Table
          data-testid="drill-list"
          size="small"
          rowKey="personId"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          pagination={{
            current: drill?.page,
            pageSize: drill?.pageSize,
            total: list.data?.total ?? 0,
            onChange: (p, s) => drill && setDrill({ ...drill, page: p, pageSize: s }),
          }}
          columns={[
            { title: t('warning.cockpit.name'), dataIndex: 'name' },
            { title: t('warning.alerts.org'), dataIndex: 'orgName' },
            { title: t('warning.cockpit.kind'), dataIndex: 'kind' },
            { title: t('warning.cockpit.ageBand'), dataIndex: 'ageBand' },
            { title: t('warning.cockpit.rank'), dataIndex: 'rank' },
          ]}
        />
      </Drawer>
    </div>
  );
}
