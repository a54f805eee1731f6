/** POST /api/sign-in/verify: the mailed code opens a session (or asks which agency, if several). */
import { VerifyRequest } from '../contract/sign-in.js';
import { verifyCode } from '../services/sign-in.js';
import { clientIp, publicRoute } from './http-stack.js';
import { runtime, signInDeps } from './compose/http.js';

export const handler = publicRoute({ body: VerifyRequest }, async (request) => {
  const answer = await verifyCode(signInDeps(runtime()), request.body, clientIp(request.event));
  return { status: 200, body: answer };
});
