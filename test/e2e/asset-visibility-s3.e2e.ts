import { createTestDatabase, type TestDatabase } from '@cameo/test-helpers/database';
import { graphql, ok, until } from '@cameo/test-helpers/graphql';
import { startStack, type TestStack } from '@cameo/test-helpers/stack';
import { signUp, verifiedCameo, type TestUser } from '@cameo/test-helpers/users';

/**
 * Rendered files on S3-compatible storage (OBJECT_STORAGE=s3; the bucket is the stack's S3
 * contract server): the files land in the bucket, never on disk, and /assets still decides who
 * may see a file at every request — only then does it answer with a presigned URL, valid one
 * minute, at which the bucket serves the bytes.
 */
let database: TestDatabase;
let stack: TestStack;
let creator: TestUser, stranger: TestUser;
const gql = (user: TestUser | null, query: string, variables?: Record<string, unknown>) =>
  graphql(stack.gatewayUrl, query, { token: user?.token, variables });
const VIEW = `query ($id: ID!) { generation(id: $id) { status videoUrl provenance { manifestUrl } } }`;
const keyOf = (url: string) => new URL(url, 'http://x').pathname.split('/').pop()!;

beforeAll(async () => {
  database = await createTestDatabase('e2e_asset_visibility_s3');
  stack = await startStack(database.url, { objectStorage: 's3' });
  [creator, stranger] = await Promise.all([signUp(stack.gatewayUrl, 'creator'), signUp(stack.gatewayUrl, 'stranger')]);
});
afterAll(async () => {
  await stack?.stop();
  await database?.drop();
});

it('stores a render in the bucket and hands a presigned URL only to a viewer who may see it', async () => {
  const { createGeneration } = await ok(
    gql(creator, `mutation { createGeneration(input: { prompt: "a lighthouse", seconds: 1 }) { id } }`),
  );
  const id = createGeneration.id as string;
  await until('rendered', async () => (await ok(gql(creator, VIEW, { id }))).generation.status === 'COMPLETED');
  const { videoUrl, provenance } = (await ok(gql(creator, VIEW, { id }))).generation;
  expect([...stack.s3!.objects.keys()].sort()).toEqual([keyOf(videoUrl), keyOf(provenance.manifestUrl)].sort());

  // The creator's signed URL: a redirect to the bucket, which serves the GIF.
  const redirect = await fetch(`${stack.origin}${videoUrl}`, { redirect: 'manual' });
  expect(redirect.status).toBe(302);
  expect(redirect.headers.get('cache-control')).toBe('private, no-store');
  const presigned = redirect.headers.get('location')!;
  expect(presigned.startsWith(`${stack.s3!.url}/cameo/${keyOf(videoUrl)}?`)).toBe(true);
  expect(presigned).toContain('X-Amz-Expires=60');
  const file = await fetch(presigned);
  expect(file.status).toBe(200);
  expect(file.headers.get('content-type')).toBe('image/gif');
  expect(
    Buffer.from(await file.arrayBuffer())
      .subarray(0, 6)
      .toString(),
  ).toBe('GIF89a');

  // A draft: the stranger sees no URL, and the creator's URL replayed without its signature,
  // or the bucket without one, gives nothing.
  expect((await gql(stranger, VIEW, { id })).data?.generation).toBeNull();
  expect((await fetch(`${stack.origin}/assets/${keyOf(videoUrl)}`, { redirect: 'manual' })).status).toBe(404);
  expect((await fetch(`${stack.s3!.url}/cameo/${keyOf(videoUrl)}`)).status).toBe(403);

  // Published: the stranger gets a URL of their own and, through it, the file.
  await ok(gql(creator, `mutation ($id: ID!) { publishGeneration(id: $id, caption: "look") { id } }`, { id }));
  const seen = (await ok(gql(stranger, VIEW, { id }))).generation;
  const strangerRedirect = await fetch(`${stack.origin}${seen.videoUrl}`, { redirect: 'manual' });
  expect(strangerRedirect.status).toBe(302);
  expect((await fetch(strangerRedirect.headers.get('location')!)).status).toBe(200);
});

it('takes cameo recordings by tus into the bucket (multipart), verifies them from there, and purges them with the cameo', async () => {
  const owner = await signUp(stack.gatewayUrl, 'recorder');
  const cameoId = await verifiedCameo(stack.gatewayUrl, owner, 'PET', 'Rex');
  const recording = [...stack.s3!.objects.keys()].find((key) => /^[0-9a-f]{32}-[0-9a-f]{16}$/.test(key));
  expect(recording).toBeDefined();
  expect(stack.s3!.objects.get(recording!)!.body.subarray(4, 8).toString()).toBe('ftyp');
  await ok(gql(owner, `mutation ($id: ID!) { deleteCameo(cameoId: $id) }`, { id: cameoId }));
  expect(stack.s3!.objects.has(recording!)).toBe(false);
});
