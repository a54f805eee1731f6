/**
 * The stamped copy (盖章件): after submitting, the filer uploads the signed and stamped paper
 * copy of the newest revision. Two calls around a direct upload to the private bucket:
 *
 * 1. `requestStampedUpload` checks the declared type and size (domain/stamped-copy.ts) and
 *    presigns a PUT whose signature covers Content-Type and Content-Length, under a key in the
 *    agency's own prefix naming the revision: S3 refuses any other type or size.
 * 2. `confirmStampedUpload` looks at what was really stored (size, type, first bytes: the magic
 *    number must match the type) and records it on the revision; a bad object is deleted.
 *
 * Reviewers get presigned GET links valid a few minutes (`stampedCopyLinks`). Nothing here ever
 * touches the public site.
 */
import { randomUUID } from 'node:crypto';
import type { StampedCopyInfo, StampedCopyLink, StampedUploadRequest, StampedUploadTicket } from '../contract/stamped-copy.js';
import { isFiled } from '../domain/filing-status.js';
import {
  STAMPED_COPY_MAX_BYTES,
  STAMPED_COPY_SNIFF_BYTES,
  STAMPED_COPY_TYPES,
  isStampedCopyType,
  stampedCopyContentProblem,
  stampedCopyProblem,
} from '../domain/stamped-copy.js';
import { filerOnly } from './access.js';
import { InputError, NotFoundError, StateConflictError } from './errors.js';
import type { Caller, StoredStampedCopy } from './model.js';
import type { Clock, FilingStore } from './ports.js';
import type { StampedCopyFiles, StampedCopyStore } from './stamped-copy-ports.js';

export interface StampedCopyDeps {
  store: FilingStore;
  clock: Clock;
  stamped: StampedCopyStore;
  files: StampedCopyFiles;
}

const PREFIX = 'stamped-copies';

/** `stamped-copies/<agency>/<year>/r<revision>/<uuid>.<ext>`: the caller's prefix is checked on confirm. */
export function stampedCopyKey(agencyId: string, year: number, revision: number, type: keyof typeof STAMPED_COPY_TYPES, id: string = randomUUID()): string {
  return `${PREFIX}/${agencyId}/${year}/r${revision}/${id}.${STAMPED_COPY_TYPES[type].extension}`;
}

const KEY_PATTERN = /^stamped-copies\/([^/]+)\/(\d{4})\/r(\d{1,6})\/[0-9a-f-]{36}\.(pdf|jpg|png)$/;

/** The newest revision, which the copy must be of: only once submitted, never while returned. */
async function revisionToStamp(deps: StampedCopyDeps, agencyId: string, year: number): Promise<number> {
  const filing = await deps.store.getFiling(agencyId, year);
  if (!filing || filing.latestRevision === 0) throw new StateConflictError('请先提交报告，再上传该版本的盖章件');
  if (filing.status === 'returned') throw new StateConflictError('报告已被退回，请修改并重新提交后再上传盖章件');
  if (!isFiled(filing.status)) throw new StateConflictError('请先提交报告，再上传该版本的盖章件');
  return filing.latestRevision;
}

export async function requestStampedUpload(
  deps: StampedCopyDeps,
  caller: Caller,
  input: { year: number } & StampedUploadRequest,
): Promise<StampedUploadTicket> {
  const filer = filerOnly(caller);
  const problem = stampedCopyProblem({ name: input.fileName, type: input.contentType, size: input.size });
  if (problem || !isStampedCopyType(input.contentType)) throw new InputError(problem ?? '文件格式不受支持');
  const revision = await revisionToStamp(deps, filer.agencyId, input.year);
  const key = stampedCopyKey(filer.agencyId, input.year, revision, input.contentType);
  const signed = await deps.files.presignUpload({ key, contentType: input.contentType, size: input.size });
  return { uploadId: key, revision, method: 'PUT', url: signed.url, headers: signed.headers, expiresAt: signed.expiresAt };
}

export async function confirmStampedUpload(
  deps: StampedCopyDeps,
  caller: Caller,
  input: { year: number; uploadId: string; fileName: string },
): Promise<StampedCopyInfo> {
  const filer = filerOnly(caller);
  const match = KEY_PATTERN.exec(input.uploadId);
  // Only the caller's own prefix: a filer never confirms (or learns about) another agency's object.
  if (!match || match[1] !== filer.agencyId || Number(match[2]) !== input.year) throw new InputError('上传编号无效，请重新选择文件上传');
  const revision = Number(match[3]);
  const found = await deps.files.inspect(input.uploadId, STAMPED_COPY_SNIFF_BYTES);
  if (!found) throw new NotFoundError('没有找到上传的文件（上传可能未完成），请重新上传');
  const problem =
    stampedCopyProblem({ name: input.fileName, type: found.contentType, size: found.size }) ??
    stampedCopyContentProblem(found.head, found.contentType, input.fileName);
  if (problem || found.size > STAMPED_COPY_MAX_BYTES) {
    await deps.files.remove(input.uploadId);
    throw new InputError(problem ?? '文件超过 10 MB 的上限');
  }
  const agency = await deps.store.getAgency(filer.agencyId);
  if (!agency) throw new NotFoundError(`单位 ${filer.agencyId} 已不在单位名录中，请联系主管部门`);
  const at = deps.clock().toISOString();
  const copy: StoredStampedCopy = {
    key: input.uploadId,
    revision,
    fileName: input.fileName,
    contentType: found.contentType,
    size: found.size,
    uploadedAt: at,
  };
  const ok = await deps.stamped.record({
    agencyId: agency.id,
    region: agency.region,
    year: input.year,
    copy,
    event: {
      type: 'filing.stamped-copy',
      at,
      region: agency.region,
      agencyId: agency.id,
      year: input.year,
      actor: caller.tokenHash.slice(0, 12),
      detail: { revision, fileName: copy.fileName, contentType: copy.contentType, size: copy.size },
    },
  });
  if (!ok) throw new NotFoundError(`没有第 ${revision} 版报告`);
  return publicInfo(copy);
}

export function publicInfo(copy: StoredStampedCopy): StampedCopyInfo {
  const { key: _key, ...info } = copy;
  return info;
}

/** Links for the reviewer, newest revision first; each expires within minutes. */
export async function stampedCopyLinks(files: StampedCopyFiles, copies: readonly StoredStampedCopy[]): Promise<StampedCopyLink[]> {
  const sorted = [...copies].sort((a, b) => b.revision - a.revision);
  return Promise.all(
    sorted.map(async (copy) => ({
      ...publicInfo(copy),
      ...(await files.presignDownload({ key: copy.key, fileName: copy.fileName, contentType: copy.contentType })),
    })),
  );
}
