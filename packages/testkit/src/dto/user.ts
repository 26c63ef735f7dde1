import type {
  MeOutput as MeOutputDto,
  TeamMembershipOutput as TeamMembershipOutputDto,
  TeamOutputDto,
} from '../generated/dto.generated';

/** The authenticated user (`MeOutput`). */
export type MeOutput = MeOutputDto;

/** A team (`TeamOutputDto`). */
export type TeamOutput = TeamOutputDto;

/** Team role (`TeamMembershipOutput.role`). */
export type TeamRole = TeamMembershipOutputDto['role'];

/** A team membership (`TeamMembershipOutput`). */
export type TeamMembershipOutput = TeamMembershipOutputDto;
