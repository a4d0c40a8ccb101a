import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';

/**
 * A local stand-in for OpenAI's Videos API contract (POST /videos, GET /videos/{id},
 * GET /videos/{id}/content) and its audio transcriptions API (POST /audio/transcriptions),
 * strict about what it accepts. A render advances 25 % per status
 * poll; a prompt containing "FAIL" ends failed. It records every accepted request.
 */
export async function startOpenAiContractServer(apiKey: string) {
  const app = express();
  const jobs = new Map<string, { polls: number; failed: boolean }>();
  const requests: { model: string; prompt: string; seconds: string; size: string }[] = [];
  const refuse = (res: express.Response, status: number, message: string) =>
    res.status(status).json({ error: { message, type: 'invalid_request_error' } });
  app.use((req, res, next) => (req.path === '/audio/transcriptions' ? next() : express.json()(req, res, next)));
  app.use((req, res, next) =>
    req.header('authorization') === `Bearer ${apiKey}` ? next() : refuse(res, 401, 'Incorrect API key provided.'),
  );
  app.post('/videos', (req, res) => {
    const { model, prompt, seconds, size } = req.body ?? {};
    if (typeof model !== 'string' || !model) return refuse(res, 400, 'model is required');
    if (typeof prompt !== 'string' || !prompt) return refuse(res, 400, 'prompt is required');
    if (!['4', '8', '12'].includes(seconds)) return refuse(res, 400, "seconds must be one of '4', '8', '12'");
    if (!['720x1280', '1280x720', '1024x1792', '1792x1024'].includes(size)) return refuse(res, 400, 'unsupported size');
    const id = `video_${jobs.size + 1}`;
    jobs.set(id, { polls: 0, failed: prompt.includes('FAIL') });
    requests.push({ model, prompt, seconds, size });
    res.json({ id, object: 'video', model, status: 'queued', progress: 0, seconds, size });
  });
  app.get('/videos/:id', (req, res) => {
    const job = jobs.get(req.params.id);
    if (!job) return refuse(res, 404, 'video not found');
    job.polls++;
    const progress = Math.min(100, job.polls * 25);
    if (job.failed && progress >= 50)
      return res.json({ id: req.params.id, status: 'failed', progress, error: { message: 'moderation blocked this video' } });
    res.json({ id: req.params.id, status: progress >= 100 ? 'completed' : 'in_progress', progress });
  });
  app.get('/videos/:id/content', (req, res) => {
    const job = jobs.get(req.params.id);
    if (!job || job.polls < 4 || job.failed) return refuse(res, 404, 'content not ready');
    // An MP4 starts with an `ftyp` box: size, "ftyp", brand.
    const ftyp = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypmp42'), Buffer.alloc(12)]);
    res.type('video/mp4').send(Buffer.concat([ftyp, Buffer.from(`rendered ${req.params.id}`)]));
  });
  // POST /audio/transcriptions (multipart: file, model, optional language and
  // response_format): what the audio says is given by the test (`transcripts`, by the
  // uploaded file's byte length), as the real API would hear it; a WAV is required.
  const transcriptions: { model: string; bytes: number; fileName: string }[] = [];
  const transcripts = new Map<number, string>();
  app.post('/audio/transcriptions', async (req, res) => {
    const type = req.header('content-type') ?? '';
    if (!type.startsWith('multipart/form-data')) return refuse(res, 400, 'multipart/form-data required');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const form = await new Response(Buffer.concat(chunks), { headers: { 'content-type': type } }).formData();
    const model = form.get('model');
    const file = form.get('file');
    if (typeof model !== 'string' || !['whisper-1', 'gpt-4o-transcribe', 'gpt-4o-mini-transcribe'].includes(model)) {
      return refuse(res, 400, 'model must be whisper-1, gpt-4o-transcribe or gpt-4o-mini-transcribe');
    }
    if (!(file instanceof Blob)) return refuse(res, 400, 'file is required');
    const bytes = Buffer.from(await file.arrayBuffer());
    if (bytes.toString('latin1', 0, 4) !== 'RIFF' || bytes.toString('latin1', 8, 12) !== 'WAVE')
      return refuse(res, 400, 'Invalid file format.');
    transcriptions.push({ model, bytes: bytes.length, fileName: (file as File).name });
    res.json({ text: transcripts.get(bytes.length) ?? '' });
  });
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    transcriptions,
    /** What the transcriptions API "hears" in a WAV file of this many bytes. */
    transcripts,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
