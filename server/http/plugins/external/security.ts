// Security headers (helmet) tuned for an Outlook add-in: the task pane is an iframe inside Outlook on
// the web and loads office.js from Microsoft's CDN, so framing is allowed for Office hosts only.
import helmet from '@fastify/helmet';
import fp from 'fastify-plugin';

const OFFICE_CDN = 'https://appsforoffice.microsoft.com';
const ENTRA_LOGIN = 'https://login.microsoftonline.com';

// The hosts that frame add-in panes: Outlook on the web (work and consumer accounts), the
// cloud.microsoft domain Microsoft 365 is moving to, and the Office web shells.
export const OFFICE_FRAME_ANCESTORS = [
  "'self'",
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook.live.com',
  'https://*.outlook.com',
  'https://*.office.com',
  'https://*.office365.com',
  'https://*.officeapps.live.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
];

export default fp(
  async (app) => {
    await app.register(helmet, {
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", OFFICE_CDN],
          // Fluent UI (Griffel) inserts its atomic CSS at run time.
          styleSrc: ["'self'", "'unsafe-inline'", OFFICE_CDN],
          imgSrc: ["'self'", 'data:', OFFICE_CDN],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'", OFFICE_CDN, ENTRA_LOGIN],
          // office.js and MSAL open hidden frames to their own origins.
          frameSrc: ["'self'", OFFICE_CDN, ENTRA_LOGIN],
          frameAncestors: OFFICE_FRAME_ANCESTORS,
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
        },
      },
      // X-Frame-Options cannot list several origins; frame-ancestors above does the job instead.
      xFrameOptions: false,
      // The Office dialog API and the MSAL sign-in fallback open pop-ups that must keep their opener.
      crossOriginOpenerPolicy: false,
      // Outlook fetches the manifest's icons from its own origin.
      crossOriginResourcePolicy: { policy: 'cross-origin' },
    });
  },
  { name: 'security' },
);
