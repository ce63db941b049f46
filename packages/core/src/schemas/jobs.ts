import { Type, type Static } from '@sinclair/typebox';
import { Strict } from './common.ts';

/** The system administrator's list of scheduled jobs (platform/jobs). */
export const JobRunState = Type.Union([Type.Literal('running'), Type.Literal('succeeded'), Type.Literal('failed'), Type.Literal('dead')]);

export const JobView = Type.Object({
  name: Type.String(),
  schedule: Type.String(),
  lastRun: Type.Union([
    Type.Object({
      slot: Type.String(),
      state: JobRunState,
      attempt: Type.Integer(),
      startedAt: Type.String(),
      finishedAt: Type.Union([Type.String(), Type.Null()]),
      error: Type.Union([Type.String(), Type.Null()]),
      nextAttemptAt: Type.Union([Type.String(), Type.Null()]),
    }),
    Type.Null(),
  ]),
  nextRunAt: Type.String(),
});
export type JobView = Static<typeof JobView>;

export const JobList = Type.Object({ items: Type.Array(JobView) });
export type JobList = Static<typeof JobList>;

export const JobNameParams = Strict({ name: Type.String({ pattern: '^[a-z0-9.-]{1,64}$' }) });
