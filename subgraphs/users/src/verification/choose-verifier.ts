import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { ConfigError, type CameoVerifierEnv } from '@cameo/kernel/env';
import type { Logger } from '@cameo/kernel/logger';
import type { LikenessChecker } from './likeness';
import { createOpenAiTranscriptionRecognizer } from './speech/openai-transcriptions';
import { POCKETSPHINX_MODEL_DIR, createPocketsphinxRecognizer } from './speech/pocketsphinx';
import { createDevVerifier, createRecordingVerifier, type CameoVerifier } from './verifier';

/** Whether `file` exists and, for a command name, is an executable on PATH. */
function installed(command: string): boolean {
  const candidates = command.includes('/')
    ? [command]
    : (process.env.PATH ?? '').split(path.delimiter).map((dir) => path.join(dir, command));
  return candidates.some((candidate) => {
    try {
      accessSync(candidate, command.includes('/') ? constants.R_OK : constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** Whether the offline speech check can run here: ffmpeg, pocketsphinx and its English model. */
export const offlineSpeechCheckInstalled = () =>
  installed('ffmpeg') && installed('pocketsphinx_continuous') && installed(`${POCKETSPHINX_MODEL_DIR}/cmudict-en-us.dict`);

/**
 * The verifier CAMEO_VERIFIER names (see CameoVerifierEnv), said once in the log. Unset: the
 * offline check when its tools are installed, else the dev verifier — outside production
 * only; production never starts with a verifier that checks nothing.
 */
export function chooseVerifier(env: CameoVerifierEnv, logger: Logger, likeness?: LikenessChecker): CameoVerifier {
  let verifier: CameoVerifier;
  if (env.kind === 'openai') {
    if (!installed('ffmpeg')) throw new ConfigError('CAMEO_VERIFIER=openai needs ffmpeg (to extract the audio)');
    const recognizer = createOpenAiTranscriptionRecognizer({
      baseUrl: env.openAiBaseUrl,
      apiKey: env.openAiApiKey!,
      model: env.transcriptionModel,
    });
    verifier = createRecordingVerifier({ recognizer, likeness });
  } else if (env.kind === 'offline' || (env.kind === undefined && (env.production || offlineSpeechCheckInstalled()))) {
    if (!offlineSpeechCheckInstalled()) {
      throw new ConfigError(
        'refusing to start: the offline cameo verifier needs ffmpeg, pocketsphinx and pocketsphinx-en-us (apt-get install ffmpeg pocketsphinx pocketsphinx-en-us), or set CAMEO_VERIFIER=openai',
      );
    }
    verifier = createRecordingVerifier({ recognizer: createPocketsphinxRecognizer(), likeness });
  } else {
    verifier = createDevVerifier(logger);
    if (env.kind === undefined) {
      logger.error(
        'cameo verification is OFF: ffmpeg or pocketsphinx is not installed, so the dev verifier accepts every recording (set CAMEO_VERIFIER to choose)',
      );
    }
  }
  logger.info(`cameo verifier: ${verifier.description}`);
  return verifier;
}
