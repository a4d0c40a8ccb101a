import { builder } from '../builder';
import type { UsersContext } from '../context';
import { CameoKindEnum, CameoStatusEnum, CheckResultEnum, ConsentPolicyEnum } from './enums';
import type { User as UserRow } from '../generated/prisma/client.js';
import { User, isUuid } from './user';

const isOwner = (cameo: { ownerId: string }, ctx: UsersContext) => ctx.viewer?.userId === cameo.ownerId;

/** Whether the viewer may use the cameo (owners always see their own). */
export async function viewerMayUse(cameo: { id: string; ownerId: string }, ctx: UsersContext): Promise<boolean> {
  if (isOwner(cameo, ctx)) return true;
  if (!ctx.viewer) return false;
  return (await ctx.consent.load({ cameoId: cameo.id, userId: ctx.viewer.userId })).allowed;
}

export const Restrictions = builder.objectRef<{ text: string; tags: string[] }>('CameoRestrictions').implement({
  description: 'What the owner allows others to make with the cameo; travels with every use.',
  fields: (t) => ({
    text: t.exposeString('text', { description: 'Free text written by the owner.' }),
    tags: t.exposeStringList('tags', { description: 'Structured toggles, e.g. NO_POLITICAL_CONTENT.' }),
  }),
});

const Recording = builder
  .objectRef<{ sizeBytes: number; durationMs: number | null; transcript: string | null }>('CameoRecording')
  .implement({
    description: 'The uploaded recording, as the server measured it.',
    fields: (t) => ({
      sizeBytes: t.exposeInt('sizeBytes'),
      durationMs: t.exposeInt('durationMs', { nullable: true, description: 'Measured from the file; null until the media check ran.' }),
      transcript: t.exposeString('transcript', { nullable: true, description: 'What the speech check heard; null until it ran.' }),
    }),
  });

/** Upload targets exist only while a recording is awaited (or may be recorded again). */
const awaitsRecording = (status: string) => status === 'AWAITING_RECORDING' || status === 'REJECTED';

export const Cameo = builder.prismaObject('Cameo', {
  description: 'A verified likeness (a person, pet or object) that its owner lets others use.',
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.expose('kind', { type: CameoKindEnum }),
    name: t.exposeString('name'),
    status: t.expose('status', { type: CameoStatusEnum }),
    // Not t.relation: Pothos cannot see an owner loaded by resolveReference and would read the
    // cameo and its owner again. Elsewhere the owner is one batched findUnique per request.
    owner: t.field({
      type: User,
      resolve: (cameo, _args, ctx) =>
        'owner' in cameo && cameo.owner ? (cameo.owner as UserRow) : ctx.db.user.findUniqueOrThrow({ where: { id: cameo.ownerId } }),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    // Owner-only fields: null for everyone else.
    rejectionReason: t.string({
      nullable: true,
      description: 'Why verification failed, in a sentence. Owner only.',
      resolve: (cameo, _args, ctx) => (isOwner(cameo, ctx) ? cameo.rejectionReason : null),
    }),
    rejectionCode: t.string({
      nullable: true,
      description:
        'Why verification failed, for programs: RECORDING_UNREADABLE, RECORDING_UNSUPPORTED_CONTAINER, RECORDING_TOO_SHORT, RECORDING_TOO_LONG, RECORDING_NO_VIDEO, RECORDING_NO_AUDIO, RECORDING_UNSUPPORTED_CODEC, RECORDING_TOO_LARGE, PHRASE_NOT_HEARD, LIVENESS_FAILED, LIKENESS_FAILED or VERIFICATION_FAILED. Owner only.',
      resolve: (cameo, _args, ctx) => (isOwner(cameo, ctx) ? cameo.rejectionCode : null),
    }),
    mediaCheck: t.expose('mediaCheck', {
      type: CheckResultEnum,
      description: 'The server read the file: container, tracks, codecs, 3-30 s, size.',
    }),
    speechCheck: t.expose('speechCheck', { type: CheckResultEnum, description: 'The verification phrase was heard in the audio.' }),
    livenessCheck: t.expose('livenessCheck', {
      type: CheckResultEnum,
      description: 'A live person was recorded. NOT_CHECKED unless an adapter is configured.',
    }),
    likenessCheck: t.expose('likenessCheck', {
      type: CheckResultEnum,
      description: 'The face matches the account’s other cameos. NOT_CHECKED unless an adapter is configured.',
    }),
    verificationPhrase: t.string({
      nullable: true,
      description: 'The phrase to say in the recording. Owner only.',
      resolve: (cameo, _args, ctx) => (isOwner(cameo, ctx) ? cameo.verificationPhrase : null),
    }),
    uploadUrl: t.string({
      nullable: true,
      description:
        'Where to upload the recording, by the tus protocol (POST to create, PATCH to send; resumable), relative to the gateway: signed for you and valid one hour (ask again for a fresh one). Null once a recording is pending or verified. Owner only.',
      resolve: (cameo, _args, ctx) =>
        isOwner(cameo, ctx) && awaitsRecording(cameo.status) ? ctx.uploadUrls.sign(cameo.uploadKey, cameo.ownerId) : null,
    }),
    recording: t.field({
      type: Recording,
      nullable: true,
      description: 'The likeness recording. Owner only; purged when the cameo is deleted.',
      resolve: (cameo, _args, ctx) =>
        isOwner(cameo, ctx) && cameo.recordingKey && cameo.recordingBytes !== null
          ? { sizeBytes: cameo.recordingBytes, durationMs: cameo.durationMs, transcript: cameo.transcript }
          : null,
    }),
    policy: t.field({
      type: ConsentPolicyEnum,
      nullable: true,
      description: 'Who may use the cameo. Owner only.',
      resolve: (cameo, _args, ctx) => (isOwner(cameo, ctx) ? cameo.policy : null),
    }),
    policyVersion: t.int({
      nullable: true,
      description: 'Bumped on every policy or grant change. Owner only.',
      resolve: (cameo, _args, ctx) => (isOwner(cameo, ctx) ? cameo.policyVersion : null),
    }),
    approvedUsers: t.prismaField({
      type: ['User'],
      nullable: true,
      description: 'Users granted access under the APPROVED policy. Owner only.',
      resolve: async (query, cameo, _args, ctx) => {
        if (!isOwner(cameo, ctx)) return null;
        const grants = await ctx.db.cameoGrant.findMany({
          where: { cameoId: cameo.id },
          orderBy: { createdAt: 'asc' },
          select: { grantee: query },
        });
        return grants.map((grant) => grant.grantee);
      },
    }),
    restrictions: t.field({
      type: Restrictions,
      nullable: true,
      description: 'The owner’s restrictions. Visible to the owner and to users who may use the cameo.',
      resolve: async (cameo, _args, ctx) =>
        (await viewerMayUse(cameo, ctx)) ? { text: cameo.restrictionsText, tags: cameo.restrictionTags } : null,
    }),
  }),
});

builder.asEntity(Cameo, {
  key: builder.selection<{ id: string }>('id'),
  // Other subgraphs reference cameos used in videos; the owner-only fields stay guarded above.
  // The owner comes with it, in the same statement (relationJoins): a feed page shows each cast member's handle.
  resolveReference: (ref, ctx) => (isUuid(ref.id) ? ctx.db.cameo.findUnique({ where: { id: ref.id }, include: { owner: true } }) : null),
});

builder.queryFields((t) => ({
  cameo: t.prismaField({
    type: 'Cameo',
    nullable: true,
    description: 'A cameo you own or may use; null otherwise.',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, { id }, ctx) => {
      if (!isUuid(String(id))) return null;
      const cameo = await ctx.db.cameo.findUnique({ ...query, where: { id: String(id) } });
      return cameo && (await viewerMayUse(cameo, ctx)) ? cameo : null;
    },
  }),
  myCameos: t.prismaField({
    type: ['Cameo'],
    description: 'Your cameos, newest first. Empty when signed out.',
    resolve: (query, _root, _args, ctx) =>
      ctx.viewer ? ctx.db.cameo.findMany({ ...query, where: { ownerId: ctx.viewer.userId }, orderBy: { createdAt: 'desc' } }) : [],
  }),
}));

builder.prismaObjectField('User', 'cameo', (t) =>
  t.prismaField({
    type: 'Cameo',
    nullable: true,
    description: 'This person’s own verified cameo, when it is yours or you may use it; null otherwise.',
    resolve: async (query, user, _args, ctx) => {
      const cameo = await ctx.db.cameo.findUnique({ ...query, where: { personOwnerId: user.id } });
      return cameo && cameo.status === 'VERIFIED' && (await viewerMayUse(cameo, ctx)) ? cameo : null;
    },
  }),
);
