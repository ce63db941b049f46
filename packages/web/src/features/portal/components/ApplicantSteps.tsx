import { Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import { APPLICANT_STEPS, type StepState } from '../applicant-step';

/** 注册 → 填表 → 上传材料 → 资格审核 → 准考证 → 成绩 → 公示, with the applicant's place marked. */
export function ApplicantSteps({ current, status }: StepState) {
  const { t } = useTranslation();
  return (
    <div className="portal-steps" data-testid="applicant-steps" data-current={current}>
      <Steps
        size="small"
        progressDot
        responsive={false}
        current={APPLICANT_STEPS.indexOf(current)}
        status={status}
        items={APPLICANT_STEPS.map((step) => ({ title: t(`portal.steps.${step}`) }))}
      />
    </div>
  );
}
