/** Awards, discipline and exemplars: the plugins app.ts mounts. */
export { awardsRoutes } from './routes.ts';
export { disciplineRoutes } from './discipline-routes.ts';
export { exemplarRoutes } from './exemplar-routes.ts';
export { publicVoteRoutes } from './public-vote-routes.ts';
