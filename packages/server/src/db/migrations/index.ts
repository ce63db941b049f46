import type { Migration } from 'kysely';
import * as foundation from './20261129T000000-foundation.ts';
import * as personnel from './20261129T010000-personnel.ts';
import * as accountPersonLink from './20261129T020000-account-person-link.ts';
import * as personTraining from './20261129T030000-person-training.ts';
import * as mT040000 from './20261129T040000-question-bank.ts';
import * as mT050000 from './20261129T050000-exams.ts';
import * as mT060000 from './20261129T060000-training.ts';
import * as mT070000 from './20261129T070000-study.ts';
import * as mT080000 from './20261129T080000-talent.ts';
import * as mT090000 from './20261129T090000-competitions.ts';
import * as mT100000 from './20261129T100000-recruitment.ts';
import * as mT110000 from './20261129T110000-auxiliary.ts';
import * as workflow from './20261206T010000-workflow.ts';
import * as jobs20261206 from './20261206T020000-jobs.ts';
import * as accountHoldsAndTotp from './20261206T050000-account-holds-and-totp.ts';
import * as auditMac from './20261206T060000-audit-mac.ts';
import * as intrusion from './20261206T061000-intrusion.ts';
import * as personListIndex from './20261206T080000-person-list-index.ts';
import * as personAppraisal from './20261207T000000-person-appraisal.ts';
import * as cadres from './20261207T030000-cadres.ts';
import * as party from './20261207T060000-party.ts';
import * as publicity from './20261207T061000-publicity.ts';
import * as welfare from './20261207T050000-welfare.ts';
import * as assessment20261207 from './20261207T020000-assessment.ts';
import * as warning from './20261207T040000-warning.ts';
import * as replication from './20261207T070000-replication.ts';
import * as awards from './20261207T010000-awards.ts';
import * as hoursLedger from './20261207T080000-hours-ledger.ts';
import * as closeLeaversMembership from './20261207T081000-close-leavers-membership.ts';
import * as auxLabourLaw from './20261207T082000-aux-labour-law.ts';
import * as competitionUnitCap from './20261207T083000-competition-unit-cap.ts';
import * as idNumberOriginal from './20261207T090000-id-number-original.ts';
import * as recruitmentStages from './20261208T143000-recruitment-stages.ts';
import * as partyActivities from './20261208T143600-party-activities.ts';
import * as cockpitTotals from './20261208T151500-cockpit-totals.ts';
import * as alertUnit from './20261209T090000-alert-unit.ts';
import * as culture from './20261208T143500-culture.ts';

/** Static list of migrations, in order. Never edit a migration after it has landed. */
export const migrations: Record<string, Migration> = {
  '20261129T000000-foundation': foundation,
  '20261129T010000-personnel': personnel,
  '20261129T020000-account-person-link': accountPersonLink,
  '20261129T030000-person-training': personTraining,
  '20261129T040000-question-bank': mT040000,
  '20261129T050000-exams': mT050000,
  '20261129T060000-training': mT060000,
  '20261129T070000-study': mT070000,
  '20261129T080000-talent': mT080000,
  '20261129T090000-competitions': mT090000,
  '20261129T100000-recruitment': mT100000,
  '20261129T110000-auxiliary': mT110000,
  '20261206T010000-workflow': workflow,
  '20261206T020000-jobs': jobs20261206,
  '20261206T050000-account-holds-and-totp': accountHoldsAndTotp,
  '20261206T060000-audit-mac': auditMac,
  '20261206T061000-intrusion': intrusion,
  '20261206T080000-person-list-index': personListIndex,
  '20261207T000000-person-appraisal': personAppraisal,
  '20261207T030000-cadres': cadres,
  '20261207T060000-party': party,
  '20261207T061000-publicity': publicity,
  '20261207T050000-welfare': welfare,
  '20261207T020000-assessment': assessment20261207,
  '20261207T040000-warning': warning,
  '20261207T070000-replication': replication,
  '20261207T010000-awards': awards,
  '20261207T080000-hours-ledger': hoursLedger,
  '20261207T081000-close-leavers-membership': closeLeaversMembership,
  '20261207T082000-aux-labour-law': auxLabourLaw,
  '20261207T083000-competition-unit-cap': competitionUnitCap,
  '20261207T090000-id-number-original': idNumberOriginal,
  '20261208T143000-recruitment-stages': recruitmentStages,
  '20261208T143500-culture': culture,
  '20261208T143600-party-activities': partyActivities,
  '20261208T151500-cockpit-totals': cockpitTotals,
  '20261209T090000-alert-unit': alertUnit,
};
