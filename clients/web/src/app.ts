import {
  CameoError,
  CameoOfUserDocument,
  CreateGenerationDocument,
  FeedDocument,
  GenerationProgressDocument,
  MyCameosDocument,
  PublishGenerationDocument,
  SetCameoPolicyDocument,
  SignInDocument,
  SignUpDocument,
  CameoVerificationDocument,
  StartCameoVerificationDocument,
  UploadError,
  createCameoClient,
  uploadRecording,
  type ConsentPolicy,
  type FeedQuery,
} from '@cameo/sdk';

/** The Cameo web app: plain DOM on the SDK, served by the gateway at `/`. */
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const TOKEN_KEY = 'cameo.session';
const client = createCameoClient({ url: `${location.origin}/graphql`, token: localStorage.getItem(TOKEN_KEY) ?? undefined });
const message = (error: unknown) => (error instanceof CameoError ? error.message : String(error));

let feedCursor: string | null = null;
let feedDone = false;
let feedLoading = false;

function showApp(handle: string | null) {
  $('auth').hidden = handle !== null;
  $('app').hidden = handle === null;
  $('sign-out').hidden = handle === null;
  $('whoami').textContent = handle ? `@${handle}` : '';
}

async function signIn(create: boolean) {
  const handle = $<HTMLInputElement>('handle').value.trim().replace(/^@/, '');
  const password = $<HTMLInputElement>('password').value;
  $('auth-error').textContent = '';
  try {
    const auth = create
      ? (await client.request(SignUpDocument, { input: { handle, displayName: handle, password } })).signUp
      : (await client.request(SignInDocument, { handle, password })).signIn;
    localStorage.setItem(TOKEN_KEY, auth.token);
    localStorage.setItem(`${TOKEN_KEY}.handle`, auth.user.handle);
    client.setToken(auth.token);
    showApp(auth.user.handle);
    await reloadFeed();
  } catch (error) {
    $('auth-error').textContent = message(error);
  }
}

function renderPost(node: FeedQuery['feed']['edges'][number]['node']): HTMLLIElement {
  const item = document.createElement('li');
  item.dataset.id = node.id;
  const caption = document.createElement('strong');
  caption.textContent = node.caption;
  const meta = document.createElement('div');
  meta.className = 'meta';
  const cast = node.cameos.map((cameo) => `@${cameo.owner.handle}`).join(' ');
  meta.textContent = `@${node.creator.handle}${cast ? ` with ${cast}` : ''} · ♥ ${node.video.likeCount}`;
  item.append(caption, meta);
  if (node.video.videoUrl) {
    // A signed URL: the file's kind is in its path, before the query.
    const media = node.video.videoUrl.split('?')[0]!.endsWith('.mp4') ? document.createElement('video') : document.createElement('img');
    media.src = node.video.videoUrl;
    if (media instanceof HTMLImageElement) media.alt = node.caption;
    else media.controls = true;
    item.append(media);
  }
  return item;
}

async function loadMore() {
  if (feedLoading || feedDone) return;
  feedLoading = true;
  try {
    const { feed } = await client.request(FeedDocument, { kind: 'FOR_YOU', first: 5, after: feedCursor });
    const list = $('posts');
    for (const edge of feed.edges) if (!list.querySelector(`[data-id="${edge.node.id}"]`)) list.append(renderPost(edge.node));
    feedCursor = feed.pageInfo.endCursor;
    feedDone = !feed.pageInfo.hasNextPage;
  } finally {
    feedLoading = false;
  }
}

async function reloadFeed() {
  $('posts').replaceChildren();
  feedCursor = null;
  feedDone = false;
  await loadMore();
}

/** Infinite scroll: the next page loads as the end of the list comes into view. */
new IntersectionObserver((entries) => {
  if (entries.some((entry) => entry.isIntersecting) && !$('app').hidden) void loadMore();
}).observe($('feed-end'));

let current: string | null = null;

async function generate() {
  $('create-error').textContent = '';
  try {
    const cast = $<HTMLInputElement>('cast').value.trim().replace(/^@/, '');
    const cameoIds: string[] = [];
    if (cast) {
      const { userByHandle } = await client.request(CameoOfUserDocument, { handle: cast });
      if (!userByHandle?.cameo) throw new Error(`@${cast} has no cameo you may use.`);
      cameoIds.push(userByHandle.cameo.id);
    }
    const { createGeneration } = await client.request(CreateGenerationDocument, {
      input: { prompt: $<HTMLInputElement>('prompt').value, cameoIds },
    });
    current = createGeneration.id;
    $('job').hidden = false;
    $('publish-form').hidden = true;
    const bar = $<HTMLProgressElement>('job-progress');
    bar.value = 0;
    client.subscribe(
      GenerationProgressDocument,
      { id: createGeneration.id },
      {
        next: ({ generationProgress: step }) => {
          bar.value = step.progress;
          $('job-stage').textContent = `${step.progress}% ${step.stage}`;
          if (step.status === 'COMPLETED') $('publish-form').hidden = false;
          else if (step.status !== 'QUEUED' && step.status !== 'IN_PROGRESS')
            $('create-error').textContent = `The video ${step.status.toLowerCase()}: ${step.errorReason ?? ''}`;
        },
        error: (error) => ($('create-error').textContent = message(error)),
      },
    );
  } catch (error) {
    $('create-error').textContent = message(error);
  }
}

async function publish() {
  if (!current) return;
  const id = current;
  try {
    await client.request(PublishGenerationDocument, { id, caption: $<HTMLInputElement>('caption').value });
    $('publish-form').hidden = true;
    $('job-stage').textContent = 'Published: it appears in feeds in a moment.';
    // The feed learns of new posts from events; look again until it is there.
    for (let attempt = 0; attempt < 30 && !$('posts').querySelector(`[data-id="${id}"]`); attempt++) {
      await reloadFeed();
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } catch (error) {
    $('create-error').textContent = message(error);
  }
}

async function savePolicy() {
  $('policy-status').textContent = '';
  try {
    const { myCameos } = await client.request(MyCameosDocument);
    const own = myCameos.find((cameo) => cameo.kind === 'PERSON' && cameo.status === 'VERIFIED');
    if (!own) throw new Error('Record and verify your cameo first.');
    const policy = $<HTMLSelectElement>('policy').value as ConsentPolicy;
    await client.request(SetCameoPolicyDocument, { cameoId: own.id, input: { policy } });
    $('policy-status').textContent = 'Saved.';
  } catch (error) {
    $('policy-status').textContent = message(error);
  }
}

let recordingCameo: { id: string; uploadUrl: string } | undefined;

/** A new personal cameo: shows the phrase to record, then takes the recording. */
async function startCameo() {
  $('cameo-status').textContent = '';
  try {
    const { startCameoVerification: cameo } = await client.request(StartCameoVerificationDocument, { input: { kind: 'PERSON' } });
    recordingCameo = { id: cameo.id, uploadUrl: cameo.uploadUrl! };
    $('phrase').textContent = cameo.verificationPhrase ?? '';
    $('cameo-phrase').hidden = false;
    $('cameo-form').hidden = false;
  } catch (error) {
    $('cameo-status').textContent = message(error);
  }
}

/** Uploads the chosen recording (tus, resumable) with a progress bar, then waits for the verdict. */
async function uploadCameo() {
  const file = $<HTMLInputElement>('cameo-file').files?.[0];
  if (!recordingCameo || !file) return;
  const progress = $<HTMLProgressElement>('cameo-progress');
  progress.hidden = false;
  $('cameo-status').textContent = 'Uploading…';
  try {
    // A rejected cameo gets a fresh signed URL for the next try.
    const { cameo: current } = await client.request(CameoVerificationDocument, { id: recordingCameo.id });
    await uploadRecording({
      url: new URL(current?.uploadUrl ?? recordingCameo.uploadUrl, location.origin).href,
      file,
      contentType: file.type || 'video/mp4',
      onProgress: (sent, total) => (progress.value = (sent / total) * 100),
    });
    $('cameo-status').textContent = 'Verifying…';
    for (;;) {
      const { cameo } = await client.request(CameoVerificationDocument, { id: recordingCameo.id });
      if (cameo?.status === 'VERIFIED') {
        $('cameo-status').textContent = 'Verified: your cameo is ready.';
        $('cameo-form').hidden = true;
        return;
      }
      if (cameo?.status === 'REJECTED') {
        $('cameo-status').textContent = `Not verified: ${cameo.rejectionReason ?? ''} Record again and upload.`;
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  } catch (error) {
    $('cameo-status').textContent = error instanceof UploadError ? `Upload refused: ${error.message}` : message(error);
  } finally {
    progress.hidden = true;
  }
}

$('auth-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void signIn(false);
});
$('sign-up').addEventListener('click', () => void signIn(true));
$('sign-out').addEventListener('click', () => {
  localStorage.removeItem(TOKEN_KEY);
  client.setToken(undefined);
  showApp(null);
});
$('create-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void generate();
});
$('publish-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void publish();
});
$('save-policy').addEventListener('click', () => void savePolicy());
$('start-cameo').addEventListener('click', () => void startCameo());
$('cameo-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void uploadCameo();
});

const handle = localStorage.getItem(TOKEN_KEY) ? localStorage.getItem(`${TOKEN_KEY}.handle`) : null;
showApp(handle);
if (handle) void reloadFeed();
