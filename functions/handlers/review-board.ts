/** GET /api/regions/{region}/board?year=YYYY[&format=csv] (reviewers): every agency's state. */
import { z } from 'zod';
import { getBoard } from '../services/review.js';
import { RegionCode } from '../domain/agency.js';
import { boardCsv } from '../render/board-csv.js';
import { authenticatedRoute } from './http-stack.js';
import { attachment, YearQuery } from './route-params.js';
import { reviewDeps } from './compose/http.js';

const Path = z.strictObject({ region: RegionCode });
const Query = z.strictObject({ year: YearQuery, format: z.enum(['json', 'csv']).optional() });

export const handler = authenticatedRoute({ path: Path, query: Query }, async (request, caller, deps) => {
  const board = await getBoard(reviewDeps(deps), caller, request.path.region, request.query.year);
  if (request.query.format !== 'csv') return { status: 200, body: board };
  return {
    status: 200,
    body: undefined,
    text: boardCsv(board),
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': attachment(`${board.region}-${board.year}-填报情况.csv`),
    },
  };
});
