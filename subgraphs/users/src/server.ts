import { createLogger } from '../../shared/src/logger';
import { serveSubgraph, type RunningServer } from '../../shared/src/serve';
import { createDb } from './db';
import { schema } from './schema';

export interface StartUsersOptions {
  port: number;
  databaseUrl: string;
  jwtSecret: string;
  gatewaySecret: string;
  /** Default: 0.0.0.0. */
  host?: string;
}

/** Starts the users subgraph; the caller owns the returned server's lifetime. */
export async function start(options: StartUsersOptions): Promise<RunningServer> {
  const db = createDb(options.databaseUrl);
  const server = await serveSubgraph({
    name: 'users',
    schema,
    port: options.port,
    host: options.host,
    gatewaySecret: options.gatewaySecret,
    logger: createLogger('users'),
    buildContext: (base) => ({ ...base, db, jwtSecret: options.jwtSecret }),
  });
  return {
    ...server,
    stop: async () => {
      await server.stop();
      await db.$disconnect();
    },
  };
}
