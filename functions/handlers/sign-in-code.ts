/** POST /api/sign-in/code: mails a sign-in code if the address is registered (same answer either way). */
import { CodeRequest } from '../contract/sign-in.js';
import { requestCode } from '../services/sign-in.js';
import { clientIp, publicRoute } from './http-stack.js';
import { runtime, signInDeps } from './compose/http.js';

export const handler = publicRoute({ body: CodeRequest }, async (request) => {
  const answer = await requestCode(signInDeps(runtime()), request.body, clientIp(request.event));
  return { status: 202, body: answer };
});
