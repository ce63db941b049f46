import { auxiliaryAuthorizationFixtures } from '../modules/auxiliary/authorization-fixtures.ts';
import { cadresAuthorizationFixtures } from '../modules/cadres/authorization-fixtures.ts';
import { assessmentAuthorizationFixtures } from '../modules/assessment/authorization-fixtures.ts';
import { awardsAuthorizationFixtures } from '../modules/awards/authorization-fixtures.ts';
import { competitionAuthorizationFixtures } from '../modules/competitions/authorization-fixtures.ts';
import { partyAuthorizationFixtures } from '../modules/party/authorization-fixtures.ts';
import { publicityAuthorizationFixtures } from '../modules/publicity/authorization-fixtures.ts';
import { examAuthorizationFixtures } from '../modules/exams/authorization-fixtures.ts';
import { questionBankAuthorizationFixtures } from '../modules/question-bank/authorization-fixtures.ts';
import { recruitmentAuthorizationFixtures } from '../modules/recruitment/authorization-fixtures.ts';
import { studyAuthorizationFixtures } from '../modules/study/authorization-fixtures.ts';
import { talentAuthorizationFixtures } from '../modules/talent/authorization-fixtures.ts';
import { trainingAuthorizationFixtures } from '../modules/training/authorization-fixtures.ts';
import { provinceAuthorizationFixtures } from '../modules/province/authorization-fixtures.ts';
import { workflowAuthorizationFixtures } from '../platform/workflow/authorization-fixtures.ts';
import { welfareAuthorizationFixtures } from '../modules/welfare/authorization-fixtures.ts';
import { warningAuthorizationFixtures } from '../modules/warning/authorization-fixtures.ts';
import { cultureAuthorizationFixtures } from '../modules/culture/authorization-fixtures.ts';
import type { ModuleFixtureSeeder } from './authorization-fixtures.ts';

/** Every business module's branch-B fixtures, seeded in this order. */
export const moduleFixtureSeeders: readonly ModuleFixtureSeeder[] = [
  questionBankAuthorizationFixtures,
  examAuthorizationFixtures,
  trainingAuthorizationFixtures,
  studyAuthorizationFixtures,
  talentAuthorizationFixtures,
  competitionAuthorizationFixtures,
  recruitmentAuthorizationFixtures,
  auxiliaryAuthorizationFixtures,
  partyAuthorizationFixtures,
  publicityAuthorizationFixtures,
  cadresAuthorizationFixtures,
  welfareAuthorizationFixtures,
  assessmentAuthorizationFixtures,
  warningAuthorizationFixtures,
  awardsAuthorizationFixtures,
  workflowAuthorizationFixtures,
  provinceAuthorizationFixtures,
  cultureAuthorizationFixtures,
];
