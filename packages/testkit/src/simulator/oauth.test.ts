import { describe, expect, it } from 'vitest';
import { harness, INVALID_TOKEN, me, publicTokens } from '../../test/support/oauth-harness';
import { OAUTH_CONFIDENTIAL_CLIENT_ID, OAUTH_PUBLIC_CLIENT_ID } from './oauth';

describe('OAuth controls', () => {
  it('refuses to approve as a user that does not exist, and lists the clients', () => {
    const { simulator } = harness();
    expect(() => simulator.oauth.approveAs(7)).toThrow('approveAs(7): no such user. Seeded users: 1001, 1002.');
    expect(simulator.oauth.clients.map((client) => client.clientId)).toEqual([
      OAUTH_CONFIDENTIAL_CLIENT_ID,
      OAUTH_PUBLIC_CLIENT_ID,
    ]);
  });

  it('forgets codes, tokens and the approving user on reset()', async () => {
    const { simulator } = harness();
    simulator.oauth.approveAs(1002);
    const tokens = await publicTokens(simulator);
    simulator.reset();
    expect(await me(simulator, tokens.access_token)).toMatchObject(INVALID_TOKEN);
    const again = await publicTokens(simulator, 'PROFILE_READ');
    expect((await me(simulator, again.access_token)).body).toMatchObject({ data: { id: 1001 } });
  });
});
