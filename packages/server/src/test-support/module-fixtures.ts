import { auxiliaryAuthorizationFixtures } from '../modules/auxiliary/authorization-fixtures.ts';
import { competitionAuthorizationFixtures } from '../modules/competitions/authorization-fixtures.ts';
import { examAuthorizationFixtures } from '../modules/exams/authorization-fixtures.ts';
import { questionBankAuthorizationFixtures } from '../modules/question-bank/authorization-fixtures.ts';
import { recruitmentAuthorizationFixtures } from '../modules/recruitment/authorization-fixtures.ts';
import { studyAuthorizationFixtures } from '../modules/study/authorization-fixtures.ts';
import { talentAuthorizationFixtures } from '../modules/talent/authorization-fixtures.ts';
import { trainingAuthorizationFixtures } from '../modules/training/authorization-fixtures.ts';
import { workflowAuthorizationFixtures } from '../platform/workflow/authorization-fixtures.ts';
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
  workflowAuthorizationFixtures,
];
