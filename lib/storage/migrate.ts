import type { TStorage } from "./types";

export type TMoveFiles = {
  from: TStorage;
  to: TStorage;
  log?: (line: string) => void;
};

/**
 * Moves every file of `from` to `to`: copied, its SHA-256 and size checked against the
 * source's, and only then removed from the source. Resumable: a file already whole at the
 * destination with the same checksum (a run stopped after its copy) is not copied again; a
 * different file under the same key stops the move with both left as they are.
 */
export async function moveFiles({ from, to, log = () => {} }: TMoveFiles) {
  let moved = 0;
  let skipped = 0;
  for await (const key of from.list()) {
    const source = await from.stat({ key });
    if (!source) continue; // removed meanwhile
    const there = await to.stat({ key });
    if (there) {
      if (there.sha256 !== source.sha256 || there.bytes !== source.bytes)
        throw new Error(`${key}: a different file has this name in ${to.kind}; nothing changed`);
      skipped += 1;
    } else {
      const body = await from.get({ key });
      if (!body) continue;
      const copied = await to.put({ key, body });
      if (copied.sha256 !== source.sha256 || copied.bytes !== source.bytes) {
        await to.delete({ key });
        throw new Error(`${key}: the copy's checksum differs from the source's; copy removed`);
      }
      moved += 1;
      log(`${key}: ${copied.bytes} bytes, sha256 ${copied.sha256.slice(0, 12)}… verified`);
    }
    await from.delete({ key });
  }
  return { moved, skipped };
}
