import type { GenerationsEnv } from '@cameo/kernel/env';
import type { VideoModelAdapter } from './adapter';
import { createLocalAdapter } from './local-adapter';
import { createOpenAiAdapter } from './openai-adapter';

/** The adapter VIDEO_MODEL names. */
export function adapterFromSettings(settings: GenerationsEnv): VideoModelAdapter {
  return settings.videoModel === 'openai'
    ? createOpenAiAdapter({ baseUrl: settings.openAiBaseUrl, apiKey: settings.openAiApiKey! })
    : createLocalAdapter();
}
