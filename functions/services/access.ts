/** Who may see what: a filer their own agency, a reviewer the regions inside theirs. */
import { ForbiddenError } from './errors.js';
import type { Caller } from './model.js';

/**
 * 行政区划代码 nest: 330000 (province) holds 3301xx, 330100 (prefecture) holds 330102. A
 * reviewer's region holds itself and everything below it.
 */
export function regionContains(outer: string, inner: string): boolean {
  if (outer.endsWith('0000')) return inner.startsWith(outer.slice(0, 2));
  if (outer.endsWith('00')) return inner.startsWith(outer.slice(0, 4));
  return outer === inner;
}

/** The agency the caller may act for: a filer's own; a reviewer's only for reading, in region. */
export function agencyInScope(caller: Caller, agencyId: string | undefined, agencyRegion?: string): void {
  if (caller.role === 'filer') {
    if (agencyId !== undefined && agencyId !== caller.agencyId) {
      throw new ForbiddenError('您只能查看和填报本单位的报告');
    }
    return;
  }
  if (agencyRegion === undefined || !regionContains(caller.region, agencyRegion)) {
    throw new ForbiddenError('该单位不在您主管的区域内');
  }
}

export function regionInScope(caller: Caller, region: string): void {
  if (caller.role !== 'reviewer') throw new ForbiddenError('只有主管部门可以查看区域的填报情况');
  if (!regionContains(caller.region, region)) throw new ForbiddenError('该区域不在您的主管范围内');
}

export function filerOnly(caller: Caller): Extract<Caller, { role: 'filer' }> {
  if (caller.role !== 'filer') throw new ForbiddenError('主管部门不能代替填报单位保存或提交报告');
  return caller;
}
