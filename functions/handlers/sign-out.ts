/** POST /api/sign-out: ends the caller's session (its token stops working at once). */
import { signOut } from '../services/sign-in.js';
import { authenticatedRoute } from './http-stack.js';

export const handler = authenticatedRoute({}, async (_request, caller, deps) => {
  await signOut(deps, caller);
  return { status: 200, body: { signedOut: true } };
});
