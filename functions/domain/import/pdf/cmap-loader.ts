/**
 * PDF.js's predefined character maps from a loader the caller gives (the form: its own lazy
 * chunks), instead of URLs PDF.js fetches itself. PDF.js asks its BinaryDataFactory (the
 * getDocument option of the pinned version) for `cMapUrl` + `<name>.bcmap`; other kinds (standard
 * font data) are declined, which PDF.js survives: text extraction does not need them.
 */

/** The packed (.bcmap) bytes of a predefined CMap, e.g. `UniGB-UCS2-H`. */
export type CMapLoader = (name: string) => Promise<Uint8Array>;

export interface PdfReadOptions {
  readonly cMaps?: CMapLoader;
}

const BASE = 'cmaps/';

/** getDocument options that make PDF.js read CMaps through `load`. */
export function cMapOptions(load: CMapLoader): Record<string, unknown> {
  class LoaderBinaryDataFactory {
    async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
      const name = /^([\w-]+)\.bcmap$/.exec(filename)?.[1];
      if (kind !== 'cMapUrl' || !name) throw new Error(`PDF data not available here: ${kind} ${filename}`);
      return load(name);
    }
  }
  return { cMapUrl: BASE, cMapPacked: true, useWorkerFetch: false, BinaryDataFactory: LoaderBinaryDataFactory };
}
