import { crc32 } from 'node:zlib';
import { rsSampleFiles } from './shared-data.js';

/**
 * The real RS rows for a test suite, or null outside CI when they are missing (the suite then skips and says
 * so on stderr). Under CI=true a missing folder throws: the data must be there.
 */
export function rsSampleForTests(): { dir: string; files: Map<string, string> } | null {
  const sample = rsSampleFiles();
  if (sample !== null) return sample;
  const message =
    'the RS sample rows are missing: set KOTEI_SHARED_DIR to the folder holding data/rs-2024-mhlw (default <repository>/../shared)';
  if (process.env.CI === 'true') throw new Error(message);
  process.stderr.write(`\nSKIPPED: ${message}\n\n`);
  return null;
}

/** A zip of the given entries (stored, UTF-8 names flagged as RS's are), for tests. */
export function zipOf(entries: readonly { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const fileName = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
