import { describe, expect, it } from 'vitest'
import { validDesign, zone } from '../../../../test/fixtures/designs'
import { photoBackendsForEachTest } from '../../../../test/node/photo-backend'
import { tempDirsForEachTest } from '../../../../test/node/temp-dir'

const tempDir = tempDirsForEachTest()
const backend = photoBackendsForEachTest(tempDir)

describe('the design history holds clinical changes only', () => {
  it('writes no entry for showing, hiding or locking an object, and one for changing its density', async () => {
    const bed = backend()
    const photo = await bed.plainPhoto()
    const entries = () =>
      (bed.db.prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'design'").get() as { n: number }).n
    const first = bed.designs.save(photo.id, null, validDesign([zone()]))
    expect(entries()).toBe(1)
    const hidden = bed.designs.save(photo.id, first.revision, validDesign([zone({ hidden: true, locked: true })]))
    expect(entries()).toBe(1)
    bed.designs.save(photo.id, hidden.revision, validDesign([zone({ hidden: true, locked: true, density: 170 })]))
    expect(entries()).toBe(2)
  })
})
