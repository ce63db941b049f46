import type { FastifyInstance } from 'fastify';
import type { BareOptions } from './bare.ts';
import { registerBareAutosave } from './exams/bare-autosave.ts';
import { registerBarePortal } from './portal/bare-portal.ts';
import { registerBareVotes } from './votes/bare-votes.ts';
import { registerBareIngest } from './wearables/bare-ingest.ts';
import { registerBareCockpit } from './warning/bare-cockpit.ts';

/** Bare routes of the standalone benchmarks (bench/exams, bench/portal, bench/votes, bench/wearables), by case name. */
export const extraBareRoutes: Record<string, (app: FastifyInstance, opts: BareOptions) => void> = {
  'exam-autosave': registerBareAutosave,
  'portal-burst': registerBarePortal,
  'vote-burst': registerBareVotes,
  'wearable-ingest': registerBareIngest,
  'warning-cockpit': registerBareCockpit,
};
