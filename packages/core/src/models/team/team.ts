import * as v from 'valibot';
import { TEAM_ROLES } from '../../generated/spec-facts.generated';
import { IdSchema } from '../id';

/** Team membership roles. */
export const TeamRoleSchema = v.picklist(TEAM_ROLES);

/** Team membership role: `MEMBER`, `ADMIN` or `OWNER`. */
export type TeamRole = v.InferOutput<typeof TeamRoleSchema>;

/** Team DTO schema (`TeamOutputDto`): lenient to unknown fields, strict on the ones used. */
export const TeamDtoSchema = v.object({
  id: IdSchema,
  name: v.string(),
  slug: v.nullish(v.string()),
  isOrganization: v.optional(v.boolean(), false),
  parentId: v.nullish(IdSchema),
  bio: v.nullish(v.string()),
  timeZone: v.nullish(v.string()),
  weekStart: v.nullish(v.string()),
});

/** Team DTO as the API sends it. */
export type TeamDto = v.InferInput<typeof TeamDtoSchema>;

/** Schema mapping a team DTO to the team fields of the `Team` domain model. */
export const TeamSchema = v.pipe(
  TeamDtoSchema,
  v.transform((dto) => ({
    id: dto.id,
    name: dto.name,
    slug: dto.slug ?? null,
    isOrganization: dto.isOrganization,
    parentId: dto.parentId ?? null,
    bio: dto.bio ?? null,
    timeZone: dto.timeZone ?? null,
    weekStart: dto.weekStart ?? null,
  })),
);

/** Team membership DTO schema (`TeamMembershipOutput`). */
export const TeamMembershipDtoSchema = v.object({
  id: IdSchema,
  userId: IdSchema,
  teamId: IdSchema,
  accepted: v.boolean(),
  role: TeamRoleSchema,
  user: v.object({
    email: v.string(),
    username: v.nullish(v.string()),
    name: v.nullish(v.string()),
    avatarUrl: v.nullish(v.string()),
  }),
});

/** Team membership DTO as the API sends it. */
export type TeamMembershipDto = v.InferInput<typeof TeamMembershipDtoSchema>;

/** Schema mapping a membership DTO to the `TeamMember` domain model. */
export const TeamMemberSchema = v.pipe(
  TeamMembershipDtoSchema,
  v.transform((dto) => ({
    membershipId: dto.id,
    userId: dto.userId,
    teamId: dto.teamId,
    role: dto.role,
    accepted: dto.accepted,
    email: dto.user.email,
    name: dto.user.name ?? null,
    username: dto.user.username ?? null,
    avatarUrl: dto.user.avatarUrl ?? null,
  })),
);

/** A member of a team (domain model). */
export type TeamMember = v.InferOutput<typeof TeamMemberSchema>;

/**
 * Schema of the memberships list: the spec types `data` as one object, the API returns an array (docs/CALCOM-API.md §9.8); both
 * are accepted.
 */
export const TeamMembersSchema = v.pipe(
  v.union([v.array(TeamMemberSchema), TeamMemberSchema]),
  v.transform((members) => (Array.isArray(members) ? members : [members])),
);

/** A Cal.com team (domain model). `listTeams` adds the caller's `role`; `getTeam` adds `members`. */
export type Team = v.InferOutput<typeof TeamSchema> & {
  /** The authenticated user's role in the team, when known. */
  role?: TeamRole;
  /** The team's members, when requested. */
  members?: TeamMember[];
};
