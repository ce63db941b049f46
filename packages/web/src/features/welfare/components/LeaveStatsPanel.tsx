import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../../shared/components/EChart';
import { useLeaveStats } from '../api';

/** Annual leave entitled against taken, per unit. */
export function LeaveStatsPanel() {
  const { t } = useTranslation();
  const stats = useLeaveStats(new Date().getFullYear());
  const units = stats.data?.units ?? [];
  if (stats.data && units.length === 0) return <Empty />;
  return (
    <EChart
      testId="leave-stats-chart"
      style={{ height: 360 }}
      option={{
        title: { text: t('welfare.leave.chartTitle'), textStyle: { fontSize: 14 } },
        tooltip: { trigger: 'axis' },
        legend: { top: 24 },
        grid: { top: 64, left: 48, right: 16, bottom: 64 },
        xAxis: { type: 'category', data: units.map((u) => u.orgName), axisLabel: { rotate: 30 } },
        yAxis: { type: 'value' },
        series: [
          { name: t('welfare.leave.entitledTotal'), type: 'bar', data: units.map((u) => u.annualEntitled) },
          { name: t('welfare.leave.takenTotal'), type: 'bar', data: units.map((u) => u.annualTaken) },
        ],
      }}
    />
  );
}
