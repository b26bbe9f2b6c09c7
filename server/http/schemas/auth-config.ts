// Schema of GET /api/auth/config, how the task pane signs in, and the type of the JSON it describes.
import { nullableString, type JsonOf } from './common';

export const authConfigResponse = {
  type: 'object',
  required: ['mode', 'clientId', 'authority', 'apiScope'],
  description: 'Development mode needs no token',
  properties: {
    mode: { type: 'string', enum: ['development', 'entra'] },
    clientId: nullableString,
    authority: nullableString,
    apiScope: { ...nullableString, description: "The API scope the pane asks a token for, e.g. 'api://<client id>/access_as_user'" },
  },
} as const;
/** GET /api/auth/config (no token needed). */
export type AuthConfigResponse = JsonOf<typeof authConfigResponse>;
