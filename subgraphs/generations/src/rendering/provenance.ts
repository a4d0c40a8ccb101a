import { createHash, createHmac } from 'node:crypto';

/**
 * A C2PA-style provenance manifest stored beside every output: who made it, whose likeness it
 * casts, which model, a hash of the prompt (not the prompt), when, the watermark label, and a
 * hash of the file, signed with the platform secret so a tampered manifest is detectable.
 */
export interface ProvenanceInput {
  generationId: string;
  creatorId: string;
  cameos: { cameoId: string; ownerId: string; policyVersion: number }[];
  model: string;
  prompt: string;
  watermark: string;
  file: { bytes: Uint8Array; contentType: string };
  createdAt: Date;
}

export function buildManifest(input: ProvenanceInput, signingSecret: string) {
  const claim = {
    format: input.file.contentType,
    claim_generator: 'cameo-platform',
    instance_id: `cameo:generation:${input.generationId}`,
    assertions: [
      {
        label: 'c2pa.actions',
        data: {
          actions: [
            {
              action: 'c2pa.created',
              softwareAgent: input.model,
              when: input.createdAt.toISOString(),
              digitalSourceType: 'trainedAlgorithmicMedia',
            },
          ],
        },
      },
      { label: 'c2pa.hash.data', data: { alg: 'sha256', hash: createHash('sha256').update(input.file.bytes).digest('hex') } },
      { label: 'cameo.creator', data: { userId: input.creatorId } },
      { label: 'cameo.cast', data: input.cameos },
      { label: 'cameo.prompt', data: { sha256: createHash('sha256').update(input.prompt).digest('hex') } },
      { label: 'cameo.watermark', data: { label: input.watermark } },
    ],
  };
  const signature = createHmac('sha256', signingSecret).update(JSON.stringify(claim)).digest('hex');
  return { claim, signature: { alg: 'HS256', value: signature } };
}

/** The summary the API exposes (Generation.provenance; its manifestUrl is signed per viewer from the row's manifestKey). */
export function provenanceSummary(input: ProvenanceInput) {
  return {
    creatorId: input.creatorId,
    cameoOwnerIds: [...new Set(input.cameos.map((cameo) => cameo.ownerId))],
    model: input.model,
    promptSha256: createHash('sha256').update(input.prompt).digest('hex'),
    createdAt: input.createdAt.toISOString(),
  };
}
