/**
 * The public face of the exemplar machinery (典型选树) for other modules: party building runs its
 * 好党员 and 优秀案例 selections as exemplar campaigns — nomination within the branch quota and
 * the award guards, review on the workflow, voting, announcement into the exemplar library.
 */
export { campaignDetail, createCampaign, listCampaigns, nominateCandidate } from './exemplars.ts';
