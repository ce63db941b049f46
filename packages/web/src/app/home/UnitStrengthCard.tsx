import { useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useStats } from '../../features/stats/api';
import { StatsChart } from '../../features/stats/components/StatsChart';
import { shortUnitNames } from '../../shared/utils/unit-names';

/** 各单位人数 for the caller's scope; a bar opens the statistics of that unit. */
export function UnitStrengthCard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const stats = useStats({});
  if (!stats.data || stats.data.byUnit.length === 0) return null;
  const names = shortUnitNames(stats.data.byUnit.map((unit) => unit.orgName));
  return (
    <StatsChart
      title={t('home.unitStrength')}
      hint={t('home.unitStrengthHint')}
      type="bar"
      height={260}
      testId="home-unit-strength"
      data={stats.data.byUnit.map((unit, i) => ({ key: unit.orgId, name: names[i] ?? unit.orgName, value: unit.count }))}
      onSelect={(datum) => datum.key && navigate(`/stats?orgId=${encodeURIComponent(datum.key)}`)}
    />
  );
}
