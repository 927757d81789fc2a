import { describe, expect, it } from 'vitest'
import { render } from 'vitest-browser-react'
import { createDispatch, type Handlers } from '../../src/main/bridge/dispatch'
import { createBridgeClient } from '../../src/renderer/src/bridge/bridge-client'
import { BridgeProvider } from '../../src/renderer/src/bridge/bridge-context'
import { PhotoCard } from '../../src/renderer/src/features/photos/PhotoCard'
import { PhotosProvider } from '../../src/renderer/src/features/photos/photos-context'
import { createPhotosStore } from '../../src/renderer/src/features/photos/photos-store'
import type { Photo } from '../../src/shared/photos/photo'
import type { ViewHint } from '../../src/shared/photos/suggest-view'
import { photoRecord } from '../fixtures/photo-record'
import '../../src/renderer/src/ui/tokens.css'
import '../../src/renderer/src/ui/base.css'
import '../../src/renderer/src/app/app.css'

const PATIENT_ID = '0b7e2f4a-1c3d-4e5f-8a9b-0c1d2e3f4a5b'
const PHOTO_ID = '6f1c7d0e-8a4b-4c52-9a39-2f0b8d6c1e11'

/** One untagged photo card over the real dispatch; `hint` is what main's metadata reading answers. */
async function renderCard(originalName: string, hint: ViewHint | null) {
  let photo: Photo = photoRecord({ id: PHOTO_ID, patientId: PATIENT_ID, view: 'other', originalName })
  const asked: string[] = []
  const dispatch = createDispatch({
    'photos.viewHint': ({ id }) => {
      asked.push(id)
      return hint
    },
    'photos.update': ({ fields }) => {
      photo = { ...photo, ...fields, revision: photo.revision + 1 }
      return photo
    },
    'photos.list': () => [photo],
  } as Partial<Handlers> as Handlers)
  const bridge = createBridgeClient((name, input) => dispatch(name, input))
  const store = createPhotosStore(bridge)
  const screen = await render(
    <BridgeProvider client={bridge}>
      <PhotosProvider store={store}>
        <ul>
          <PhotoCard photo={photo} picked={false} />
        </ul>
      </PhotosProvider>
    </BridgeProvider>,
  )
  return { screen, asked }
}

describe('the view suggested on a photo card', () => {
  it('comes from the photo itself when its name says nothing, with the reason', async () => {
    const { screen, asked } = await renderCard('IMG_4410.jpg', {
      view: 'top',
      reason: 'the phone was held flat over the head (its motion sensor)',
    })
    const button = screen.getByRole('button', { name: 'Tag as Top' })
    await expect.element(button).toBeVisible()
    await expect
      .element(button)
      .toHaveAttribute(
        'title',
        'From the photo itself: the phone was held flat over the head (its motion sensor), so top',
      )
    expect(asked).toEqual([PHOTO_ID])
  })

  it('offers nothing when neither the name nor the photo can tell', async () => {
    const { screen, asked } = await renderCard('IMG_4411.jpg', null)
    await expect.poll(() => asked).toEqual([PHOTO_ID])
    await expect.element(screen.getByRole('button', { name: /^Tag as/ })).not.toBeInTheDocument()
  })

  it('follows the name first, without asking for the photo’s metadata', async () => {
    const { screen, asked } = await renderCard('donor-area.jpg', { view: 'top', reason: 'flat' })
    await expect.element(screen.getByRole('button', { name: 'Tag as Donor area' })).toBeVisible()
    expect(asked).toEqual([])
  })
})
