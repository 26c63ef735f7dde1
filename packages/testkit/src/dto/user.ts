/** The authenticated user (`MeOutput`). */
export interface MeOutput {
  id: number;
  username: string;
  email: string;
  name: string | null;
  avatarUrl: string | null;
  bio: string | null;
  timeFormat: number;
  defaultScheduleId: number | null;
  weekStart: string;
  timeZone: string;
  organizationId: number | null;
  organization?: { id: number; isPlatform: boolean };
}

/** A team (`TeamOutputDto`). */
export interface TeamOutput {
  id: number;
  parentId?: number;
  name: string;
  slug?: string;
  logoUrl?: string;
  calVideoLogo?: string;
  appLogo?: string;
  appIconLogo?: string;
  bio?: string;
  hideBranding?: boolean;
  isOrganization: boolean;
  isPrivate?: boolean;
  hideBookATeamMember?: boolean;
  metadata?: Record<string, unknown>;
  theme?: string;
  brandColor?: string;
  darkBrandColor?: string;
  bannerUrl?: string;
  timeFormat?: number;
  timeZone?: string;
  weekStart?: string;
}

/** Team role (`TeamMembershipOutput.role`). */
export type TeamRole = 'MEMBER' | 'OWNER' | 'ADMIN';

/** A team membership (`TeamMembershipOutput`). */
export interface TeamMembershipOutput {
  id: number;
  userId: number;
  teamId: number;
  accepted: boolean;
  role: TeamRole;
  disableImpersonation?: boolean;
  user: { email: string; avatarUrl?: string; username?: string; name?: string; bio?: string };
}
