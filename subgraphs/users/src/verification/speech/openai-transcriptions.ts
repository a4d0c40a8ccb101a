import { readFile } from 'node:fs/promises';
import { transcriptContains } from '../phrases';
import type { SpeechRecognizer } from './speech-recognizer';

export interface OpenAiTranscriptionOptions {
  /** OPENAI_BASE_URL: the API root. Default: https://api.openai.com/v1. */
  baseUrl: string;
  /** OPENAI_API_KEY. */
  apiKey: string;
  /** OPENAI_TRANSCRIPTION_MODEL. Default: gpt-4o-mini-transcribe. */
  model: string;
}

/**
 * OpenAI's audio transcriptions API (POST /audio/transcriptions, multipart: file, model;
 * answers `{ text }`). The phrase counts as heard when the transcript holds its words in order.
 */
export function createOpenAiTranscriptionRecognizer(options: OpenAiTranscriptionOptions): SpeechRecognizer {
  return {
    name: `OpenAI ${options.model}`,
    async listen(wavFile, phrase) {
      const form = new FormData();
      form.set('file', new Blob([await readFile(wavFile)], { type: 'audio/wav' }), 'recording.wav');
      form.set('model', options.model);
      form.set('language', 'en');
      form.set('response_format', 'json');
      const response = await fetch(`${options.baseUrl.replace(/\/$/, '')}/audio/transcriptions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${options.apiKey}` },
        body: form,
        signal: AbortSignal.timeout(60_000),
      });
      const body = (await response.json().catch(() => null)) as { text?: unknown; error?: { message?: string } } | null;
      if (!response.ok || typeof body?.text !== 'string') {
        throw new Error(`transcriptions API ${response.status}: ${body?.error?.message ?? 'no transcript'}`);
      }
      return { heard: transcriptContains(body.text, phrase), transcript: body.text };
    },
  };
}
