// GET /api/auth/config : what the task pane needs to sign in (client id, authority, API scope), or
// that the server runs in development auth mode. Public: the pane asks before it has a token.
import type { FastifyPluginAsync } from 'fastify';
import type { AuthSettings } from '../../auth/settings';
import { authConfigResponse, type AuthConfigResponse } from '../schemas/auth-config';

export const AUTH_CONFIG_PATH = '/api/auth/config';

export function authConfigFor(settings: AuthSettings): AuthConfigResponse {
  if (settings.mode === 'development') return { mode: 'development', clientId: null, authority: null, apiScope: null };
  // Several allowed tenants: the pane signs in through the multi-tenant endpoint.
  const tenant = settings.allowedTenants.length > 1 ? 'organizations' : settings.tenantId;
  return {
    mode: 'entra',
    clientId: settings.clientId,
    authority: `https://login.microsoftonline.com/${tenant}`,
    apiScope: `${settings.audiences[0]}/${settings.requiredScope}`,
  };
}

const authConfig: FastifyPluginAsync = async (app) => {
  app.get<{ Reply: AuthConfigResponse }>(
    '/auth/config',
    {
      schema: {
        tags: ['system'],
        summary: 'How the task pane signs in (no token needed)',
        response: { 200: authConfigResponse },
      },
    },
    async () => authConfigFor(app.config.auth),
  );
};

export default authConfig;
