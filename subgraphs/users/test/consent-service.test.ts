import express from 'express';
import type { AddressInfo } from 'node:net';
import http from 'node:http';
import { INTERNAL_TOKEN_HEADER, callInternal, signInternalToken } from '@cameo/kernel/internal-call';
import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { testSecrets } from '@cameo/test-helpers/stack';
import { checkConsent, type ConsentOutcome } from '../src/consent-service';
import { createDb, type UsersDb } from '../src/db';
import {
  CONSENT_CHANGES_PATH,
  CONSENT_CHECKS_PATH,
  SESSION_VERSIONS_PATH,
  USER_FACTS_PATH,
  USERS_INTERNAL_CALLERS,
  mountInternalRoutes,
} from '../src/internal-routes';

let database: TestDatabase;
let db: UsersDb;
let server: http.Server;
let baseUrl: string;
const statements: string[] = [];
let countedDb: UsersDb;
let owner: string, friend: string;
const cameoIds: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase('users_consent_service');
  db = createDb(database.url, 2);
  countedDb = createDb(database.url, { poolSize: 2, onQuery: (sql) => statements.push(sql) });
  const users = await Promise.all(
    ['owner', 'friend'].map((handle) => db.user.create({ data: { handle, displayName: handle, passwordHash: 'x' } })),
  );
  [owner, friend] = users.map((user) => user.id) as [string, string];
  // 100 verified cameos (pets and objects) with a mix of policies and grants.
  for (let i = 0; i < 100; i++) {
    const cameo = await db.cameo.create({
      data: {
        ownerId: owner,
        kind: i % 2 ? 'PET' : 'OBJECT',
        name: `thing ${i}`,
        status: 'VERIFIED',
        verificationPhrase: 'p',
        uploadKey: `key-${i}`,
        policy: (['ONLY_ME', 'APPROVED', 'MUTUALS', 'EVERYONE'] as const)[i % 4],
        restrictionTags: i % 4 === 3 ? ['NO_VIOLENCE'] : [],
      },
    });
    if (i % 4 === 1 && i % 8 === 1) await db.cameoGrant.create({ data: { cameoId: cameo.id, granteeId: friend } });
    cameoIds.push(cameo.id);
  }
  const app = express();
  mountInternalRoutes(app, db, testSecrets.internalCallSecret);
  server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await db?.$disconnect();
  await countedDb?.$disconnect();
  await database?.drop();
});

describe('checkConsent in bulk', () => {
  it('answers 100 cameos with a fixed number of SQL statements and records each decision', async () => {
    statements.length = 0;
    const outcomes = await checkConsent(
      countedDb,
      cameoIds.map((cameoId) => ({ cameoId, userId: friend })),
      { record: true },
    );
    // cameos, the people involved (who exists, owners' age bands), grants, blocks, follows, and one insert for the audit trail.
    expect(statements.length).toBeLessThanOrEqual(6);
    const small = statements.length;

    statements.length = 0;
    await checkConsent(
      countedDb,
      cameoIds.slice(0, 4).map((cameoId) => ({ cameoId, userId: friend })),
      { record: true },
    );
    expect(statements.length).toBe(small);

    const reasons = outcomes.reduce<Record<string, number>>((tally, outcome) => {
      tally[outcome.reason] = (tally[outcome.reason] ?? 0) + 1;
      return tally;
    }, {});
    expect(reasons).toEqual({ ONLY_OWNER: 25, APPROVED: 13, NOT_APPROVED: 12, NOT_MUTUALS: 25, EVERYONE: 25 });
    expect(outcomes.find((outcome) => outcome.reason === 'EVERYONE')?.restrictions).toEqual({ text: '', tags: ['NO_VIOLENCE'] });
    expect(outcomes.find((outcome) => !outcome.allowed)?.restrictions).toBeNull();
    expect(await db.consentDecision.count({ where: { userId: friend } })).toBe(104);
  });

  it('records who, when and which policy version for an audit', async () => {
    const [cameoId] = cameoIds;
    await db.cameo.update({ where: { id: cameoId }, data: { policyVersion: 7 } });
    await checkConsent(db, [{ cameoId: cameoId!, userId: friend }], { record: true });
    const decision = await db.consentDecision.findFirstOrThrow({ where: { cameoId }, orderBy: { decidedAt: 'desc' } });
    expect(decision).toMatchObject({ userId: friend, allowed: false, reason: 'ONLY_OWNER', policy: 'ONLY_ME', policyVersion: 7 });
    expect(decision.decidedAt).toBeInstanceOf(Date);
  });

  it('answers unknown and malformed ids as not found, recording only well-formed ones', async () => {
    const before = await db.consentDecision.count();
    const outcomes = await checkConsent(
      db,
      [
        { cameoId: '00000000-0000-0000-0000-000000000000', userId: friend },
        { cameoId: 'nope', userId: friend },
      ],
      { record: true },
    );
    expect(outcomes.map((outcome) => outcome.reason)).toEqual(['CAMEO_NOT_FOUND', 'CAMEO_NOT_FOUND']);
    expect(await db.consentDecision.count()).toBe(before + 1);
  });
});

describe('checkConsent for accounts that do not exist', () => {
  it('refuses a deleted or never-created user, the owner included, with the same fixed number of statements', async () => {
    const leaver = await db.user.create({ data: { handle: 'leaver', displayName: 'leaver', passwordHash: 'x' } });
    const own = await db.cameo.create({
      data: {
        ownerId: leaver.id,
        kind: 'PET',
        name: 'rex',
        status: 'VERIFIED',
        verificationPhrase: 'p',
        uploadKey: 'key-leaver',
        policy: 'EVERYONE',
      },
    });
    const everyone = cameoIds[3]!;
    expect(
      (
        await checkConsent(
          db,
          [
            { cameoId: own.id, userId: leaver.id },
            { cameoId: everyone, userId: leaver.id },
          ],
          { record: false },
        )
      ).map((o) => o.reason),
    ).toEqual(['OWNER', 'EVERYONE']);
    // deleteAccount removes the row (the cameo cascades with it).
    await db.user.delete({ where: { id: leaver.id } });
    const never = '11111111-1111-4111-8111-111111111111';

    statements.length = 0;
    const outcomes = await checkConsent(
      countedDb,
      [
        { cameoId: own.id, userId: leaver.id },
        { cameoId: everyone, userId: leaver.id },
        { cameoId: everyone, userId: never },
        { cameoId: '00000000-0000-0000-0000-000000000000', userId: never },
        { cameoId: everyone, userId: 'not-a-uuid' },
        { cameoId: everyone, userId: friend },
      ],
      { record: true },
    );
    expect(outcomes.map((outcome) => [outcome.reason, outcome.allowed])).toEqual([
      ['UNKNOWN_USER', false],
      ['UNKNOWN_USER', false],
      ['UNKNOWN_USER', false],
      ['UNKNOWN_USER', false],
      ['UNKNOWN_USER', false],
      ['EVERYONE', true],
    ]);
    expect(outcomes.every((outcome) => outcome.allowed || outcome.restrictions === null)).toBe(true);
    // cameos, people, grants, blocks, follows, the audit insert: as many as for 100 known users.
    expect(statements.length).toBe(6);
    const recorded = await db.consentDecision.findMany({ where: { userId: { in: [leaver.id, never] } } });
    expect(recorded.map((decision) => decision.reason)).toEqual(['UNKNOWN_USER', 'UNKNOWN_USER', 'UNKNOWN_USER', 'UNKNOWN_USER']);
  });
});

describe('the internal consent route', () => {
  const url = () => `${baseUrl}${CONSENT_CHECKS_PATH}`;

  it('answers a service that proves itself', async () => {
    const token = signInternalToken(testSecrets.internalCallSecret, 'generations', 'users');
    const { decisions } = await callInternal<{ decisions: ConsentOutcome[] }>(url(), token, {
      checks: [{ cameoId: cameoIds[3], userId: friend }],
    });
    expect(decisions).toEqual([expect.objectContaining({ allowed: true, reason: 'EVERYONE', policy: 'EVERYONE' })]);
  });

  it('refuses calls without a valid service token, or for another service', async () => {
    const noToken: Record<string, string> = {};
    for (const headers of [
      noToken,
      { [INTERNAL_TOKEN_HEADER]: signInternalToken(testSecrets.internalCallSecret, 'generations', 'feed') },
      { [INTERNAL_TOKEN_HEADER]: signInternalToken('y'.repeat(40), 'generations', 'users') },
    ]) {
      const response = await fetch(url(), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ checks: [] }),
      });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: expect.objectContaining({ code: 'INTERNAL_TOKEN_REQUIRED' }) });
    }
  });

  it.each([
    [CONSENT_CHECKS_PATH, 'feed', { checks: [] }],
    [CONSENT_CHECKS_PATH, 'gateway', { checks: [] }],
    [SESSION_VERSIONS_PATH, 'generations', { userIds: [] }],
    [CONSENT_CHANGES_PATH, 'social', { since: new Date(0).toISOString() }],
    [USER_FACTS_PATH, 'worker', { userIds: [] }],
  ])('refuses %s to %s, a valid caller it does not name (403)', async (path, caller, body) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [INTERNAL_TOKEN_HEADER]: signInternalToken(testSecrets.internalCallSecret, caller, 'users'),
      },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: expect.objectContaining({ code: 'INTERNAL_CALLER_FORBIDDEN' }) });
  });

  it('answers each route’s named callers', async () => {
    for (const [path, callers] of Object.entries(USERS_INTERNAL_CALLERS)) {
      for (const caller of callers) {
        const response = await fetch(`${baseUrl}${path}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            [INTERNAL_TOKEN_HEADER]: signInternalToken(testSecrets.internalCallSecret, caller, 'users'),
          },
          body: JSON.stringify({ checks: [], userIds: [], since: new Date(0).toISOString() }),
        });
        expect([path, caller, response.status]).toEqual([path, caller, 200]);
      }
    }
  });

  it('refuses a malformed or oversized body', async () => {
    const token = signInternalToken(testSecrets.internalCallSecret, 'generations', 'users');
    const tooMany = Array.from({ length: 501 }, () => ({ cameoId: cameoIds[0], userId: friend }));
    for (const body of [{}, { checks: [{ cameoId: 1 }] }, { checks: tooMany }]) {
      await expect(callInternal(url(), token, body)).rejects.toThrow('BAD_REQUEST');
    }
  });
});

describe('the internal user-facts route', () => {
  it('answers plans and age bands to a service, and nothing without a token', async () => {
    const token = signInternalToken(testSecrets.internalCallSecret, 'generations', 'users');
    const { users } = await callInternal<{ users: { id: string; plan: string; ageBand: string }[] }>(
      `${baseUrl}/internal/user-facts`,
      token,
      {
        userIds: [owner, '00000000-0000-0000-0000-000000000000'],
      },
    );
    expect(users).toEqual([{ id: owner, plan: 'FREE', ageBand: 'ADULT' }]);
    const anonymous = await fetch(`${baseUrl}/internal/user-facts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userIds: [owner] }),
    });
    expect(anonymous.status).toBe(401);
    await expect(callInternal(`${baseUrl}/internal/user-facts`, token, { userIds: ['nope'] })).rejects.toThrow('BAD_REQUEST');
  });
});
