import { auditEnUS, auditZhCN } from '../features/audit/locales';
import { jobsEnUS, jobsZhCN } from '../features/jobs/locales';
import { authEnUS, authZhCN } from '../features/auth/locales';
import { dictsEnUS, dictsZhCN } from '../features/dicts/locales';
import { orgsEnUS, orgsZhCN } from '../features/orgs/locales';
import { personnelEnUS, personnelZhCN } from '../features/personnel/locales';
import { rolesEnUS, rolesZhCN } from '../features/roles/locales';
import { selfServiceEnUS, selfServiceZhCN } from '../features/self-service/locales';
import { statsEnUS, statsZhCN } from '../features/stats/locales';
import { usersEnUS, usersZhCN } from '../features/users/locales';
import { questionBankEnUS, questionBankZhCN } from '../features/question-bank/locales';
import { examsEnUS, examsZhCN } from '../features/exams/locales';
import { trainingEnUS, trainingZhCN } from '../features/training/locales';
import { studyEnUS, studyZhCN } from '../features/study/locales';
import { talentEnUS, talentZhCN } from '../features/talent/locales';
import { competitionsEnUS, competitionsZhCN } from '../features/competitions/locales';
import { recruitmentEnUS, recruitmentZhCN } from '../features/recruitment/locales';
import { portalEnUS, portalZhCN } from '../features/portal/locales';
import { auxiliaryEnUS, auxiliaryZhCN } from '../features/auxiliary/locales';
import { partyEnUS, partyZhCN } from '../features/party/locales';
import { publicityEnUS, publicityZhCN } from '../features/publicity/locales';
import { cultureEnUS, cultureZhCN } from '../features/culture/locales';
import { cadresEnUS, cadresZhCN } from '../features/cadres/locales';
import { welfareEnUS, welfareZhCN } from '../features/welfare/locales';
import { assessmentEnUS, assessmentZhCN } from '../features/assessment/locales';
import { warningEnUS, warningZhCN } from '../features/warning/locales';
import { awardsEnUS, awardsZhCN } from '../features/awards/locales';
import { workflowEnUS, workflowZhCN } from '../features/workflow/locales';
import { provinceEnUS, provinceZhCN } from '../features/province/locales';
import type { LocaleShape } from '../shared/i18n/locale-shape';
import { sharedEnUS } from '../shared/i18n/shared.en-US';
import { sharedZhCN } from '../shared/i18n/shared.zh-CN';
import { appEnUS, appZhCN } from './app-locales';

/**
 * One i18next namespace; each feature owns its own section (`users.*`, `roles.*` …) and the
 * shared tables (`perm.*`, `orgType.*`, `dataScope.*` …) sit at the top level.
 */
export const zhCN = {
  ...sharedZhCN,
  ...appZhCN,
  auth: authZhCN,
  orgs: orgsZhCN,
  users: usersZhCN,
  roles: rolesZhCN,
  audit: auditZhCN,
  jobs: jobsZhCN,
  dicts: dictsZhCN,
  personnel: personnelZhCN,
  stats: statsZhCN,
  selfService: selfServiceZhCN,
  questionBank: questionBankZhCN,
  exams: examsZhCN,
  training: trainingZhCN,
  study: studyZhCN,
  talent: talentZhCN,
  competitions: competitionsZhCN,
  recruitment: recruitmentZhCN,
  portal: portalZhCN,
  auxiliary: auxiliaryZhCN,
  party: partyZhCN,
  publicity: publicityZhCN,
  culture: cultureZhCN,
  cadres: cadresZhCN,
  welfare: welfareZhCN,
  assessment: assessmentZhCN,
  warning: warningZhCN,
  awards: awardsZhCN,
  workflow: workflowZhCN,
  province: provinceZhCN,
};

export const enUS: LocaleShape<typeof zhCN> = {
  ...sharedEnUS,
  ...appEnUS,
  auth: authEnUS,
  orgs: orgsEnUS,
  users: usersEnUS,
  roles: rolesEnUS,
  audit: auditEnUS,
  jobs: jobsEnUS,
  dicts: dictsEnUS,
  personnel: personnelEnUS,
  stats: statsEnUS,
  selfService: selfServiceEnUS,
  questionBank: questionBankEnUS,
  exams: examsEnUS,
  training: trainingEnUS,
  study: studyEnUS,
  talent: talentEnUS,
  competitions: competitionsEnUS,
  recruitment: recruitmentEnUS,
  portal: portalEnUS,
  auxiliary: auxiliaryEnUS,
  party: partyEnUS,
  publicity: publicityEnUS,
  culture: cultureEnUS,
  cadres: cadresEnUS,
  welfare: welfareEnUS,
  assessment: assessmentEnUS,
  warning: warningEnUS,
  awards: awardsEnUS,
  workflow: workflowEnUS,
  province: provinceEnUS,
};
