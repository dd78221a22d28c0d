/** Test support shared with the extension's end-to-end tests: a throw-away PostgreSQL, servers, a client. */
export { startPgCluster, pgUnavailableReason, realPgRequired, postgresBinDir, type PgCluster } from './pgCluster';
export { TeamClient, LiveConnection, ApiError } from './client';
export { sighting, replyEntry } from './fixtures';
export { startServer, type RunningServer, type StartOptions } from '../start';
export { createTeamWithLead } from './teams';
export { startNode, type ServerNode } from './nodes';
