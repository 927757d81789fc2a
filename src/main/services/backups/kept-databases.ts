import fs from 'node:fs'
import path from 'node:path'
import { DATABASE_FILE } from '../../db/database'

const SHA256_TEXT = /[0-9a-f]{64}/g
const CHUNK_BYTES = 8 * 1024 * 1024

/** Every 64-hex-digit run in a file, read in chunks that overlap so none is split. */
function hexNamesIn(file: string, into: Set<string>) {
  const handle = fs.openSync(file, 'r')
  try {
    const buffer = Buffer.alloc(CHUNK_BYTES)
    let position = 0
    for (;;) {
      const read = fs.readSync(handle, buffer, 0, CHUNK_BYTES, position)
      if (read === 0) break
      for (const match of buffer.toString('latin1', 0, read).matchAll(SHA256_TEXT)) into.add(match[0])
      if (read < CHUNK_BYTES) break
      position += read - 63
    }
  } finally {
    fs.closeSync(handle)
  }
}

/**
 * The photo files the databases set aside in the data folder (`stipple.sqlite3.damaged-…` and
 * their logs) may name. A damaged file cannot be trusted to open, so its bytes are read as they
 * are: a photo's SHA-256 is stored as text, and any run of 64 hex digits counts. Naming too many
 * only keeps a file longer; naming too few would lose a photo the user may still get back.
 */
export function photoFilesKeptDatabasesName(dataDir: string): Set<string> {
  const named = new Set<string>()
  for (const name of fs.readdirSync(dataDir)) {
    if (!name.startsWith(`${DATABASE_FILE}.damaged-`)) continue
    try {
      hexNamesIn(path.join(dataDir, name), named)
    } catch (error) {
      console.error(`Could not read ${name} for the photos it names:`, error)
    }
  }
  return named
}
