import path from 'node:path';
import { budgetOf, formatBudget, frameCategory, readProcessProfile } from '../../scripts/bench/profile';

/**
 * The budget table of `npm run bench -- --profile` charges each CPU sample to the innermost frame
 * of its stack a rule knows. The fixture is a hand-made profile of ten 1 ms samples: idle, GC,
 * graphql's execute, our resolver called by it, JSON.stringify, graphql's parse, pg-protocol
 * under our resolver, a socket read under an event emitter, a frame no rule knows, idle.
 */
const profile = readProcessProfile(path.join(__dirname, 'fixtures/profile'));

describe('the CPU budget of a profile', () => {
  it('charges each sample to the innermost frame a rule knows, idle to nothing', () => {
    expect(budgetOf(profile)).toEqual({
      'parse/validate': 1,
      'execute/resolve': 2,
      'Prisma/SQL': 1,
      serialization: 1,
      'network/http': 1,
      'query planning': 0,
      'gateway execute/merge': 0,
      logging: 0,
      GC: 1,
      other: 1,
    });
  });

  it('counts only the samples taken inside the window', () => {
    const budget = budgetOf(profile, { from: 1_003_500, to: 1_006_500 });
    expect(budget).toMatchObject({ 'execute/resolve': 1, serialization: 1, 'parse/validate': 1, 'Prisma/SQL': 0, GC: 0, other: 0 });
  });

  it('tells graphql’s parse from JSON.parse by the url', () => {
    expect(frameCategory({ functionName: 'parse', url: '' })).toBe('serialization');
    expect(frameCategory({ functionName: 'parse', url: 'file:///app/node_modules/graphql/language/parser.js' })).toBe('parse/validate');
    expect(frameCategory({ functionName: 'buildQueryPlan', url: 'file:///app/node_modules/@apollo/query-planner/dist/buildPlan.js' })).toBe(
      'query planning',
    );
    expect(frameCategory({ functionName: 'write', url: 'file:///app/node_modules/pino/lib/proto.js' })).toBe('logging');
    expect(frameCategory({ functionName: 'resolve', url: 'file:///app/subgraphs/feed/src/schema.ts' })).toBeUndefined();
  });

  it('prints CPU ms per page, per category, per process and for all of them', () => {
    const lines = formatBudget(
      [
        { process: 'feed', budget: budgetOf(profile), measuredMs: 6 },
        { process: 'gateway-cameo', budget: budgetOf(profile, { from: 1_003_500, to: 1_006_500 }), measuredMs: 2 },
      ],
      2,
    );
    expect(lines).toHaveLength(13);
    expect(lines[0]).toMatch(/^CPU ms per page\s+feed\s+gateway-cameo\s+all$/);
    expect(lines[2]).toMatch(/^execute\/resolve\s+1\.00\s+0\.50\s+1\.50$/);
    expect(lines[9]).toMatch(/^GC\s+0\.50\s+0\.00\s+0\.50$/);
    expect(lines[11]).toMatch(/^total\s+4\.00\s+1\.50\s+5\.50$/);
    expect(lines[12]).toMatch(/^measured CPU\s+3\.00\s+1\.00\s+4\.00$/);
  });
});
