/** GET /api/health */
import { publicRoute } from './http-stack.js';

export const handler = publicRoute({}, async () => ({ status: 200, body: { status: 'ok' } }));
