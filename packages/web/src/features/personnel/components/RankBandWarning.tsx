import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DictLabel } from '../../../shared/dicts/dict-api';
import type { PersonListItem } from '../types';

/**
 * The server flags a 警衔 outside the band of the person's 职级 (rank.bands rule data); the
 * record is kept as it is, and this tag asks for a second look, naming the band.
 */
export function RankBandWarning({
  person,
  label,
  compact = false,
}: {
  person: Pick<PersonListItem, 'warnings' | 'officerLevel'>;
  label: DictLabel;
  /** A short tag for narrow table cells; the tooltip still names the band. */
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const warning = person.warnings?.find((w) => w.code === 'rank_outside_band');
  if (!warning) return null;
  const hint = t('personnel.profile.rankOutsideBandHint', {
    level: label('police_officer_level', person.officerLevel) || person.officerLevel,
    low: label('police_rank', warning.low) || warning.low,
    high: label('police_rank', warning.high) || warning.high,
  });
  return (
    <Tooltip title={hint}>
      <Tag color="warning" data-testid="rank-band-warning" aria-label={hint} style={{ marginInlineStart: 4 }}>
        {t(compact ? 'personnel.profile.rankOutsideBandShort' : 'personnel.profile.rankOutsideBand')}
      </Tag>
    </Tooltip>
  );
}
