import { useTranslation } from 'react-i18next';
import { APPLICANT_STEPS, type StepState } from '../applicant-step';

/**
 * 注册 → 填表 → 上传材料 → 资格审核 → 准考证 → 成绩 → 公示, with the applicant's place marked.
 * A plain row rather than antd Steps: its dot steps are 140px each, seven do not fit a phone.
 */
export function ApplicantSteps({ current, status }: StepState) {
  const { t } = useTranslation();
  const at = APPLICANT_STEPS.indexOf(current);
  return (
    <ol className="portal-steps" data-testid="applicant-steps" data-current={current} aria-label={t('portal.steps.label')}>
      {APPLICANT_STEPS.map((step, i) => {
        const state = i < at || (i === at && status === 'finish') ? 'done' : i === at ? (status === 'error' ? 'error' : 'current') : 'todo';
        return (
          <li key={step} className={`portal-step portal-step-${state}`} aria-current={i === at ? 'step' : undefined}>
            <span className="portal-step-dot" />
            <span className="portal-step-title">{t(`portal.steps.${step}`)}</span>
          </li>
        );
      })}
    </ol>
  );
}
