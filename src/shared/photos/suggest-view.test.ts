import { describe, expect, it } from 'vitest'
import { suggestView } from './suggest-view'

describe('the view suggested from a photo’s file name', () => {
  it('reads the words clinics name their photos with', () => {
    expect(suggestView({ originalName: 'ana_front_2026.jpg' })).toBe('front')
    expect(suggestView({ originalName: 'Crown-after.HEIC' })).toBe('crown')
    expect(suggestView({ originalName: 'donorArea.png' })).toBe('donor')
    expect(suggestView({ originalName: 'left side.jpg' })).toBe('left')
    expect(suggestView({ originalName: 'RIGHT.jpeg' })).toBe('right')
    expect(suggestView({ originalName: 'top view.webp' })).toBe('top')
  })

  it('prefers the more specific view when two are named, and says nothing when none is', () => {
    expect(suggestView({ originalName: 'back of crown.jpg' })).toBe('crown')
    expect(suggestView({ originalName: 'IMG_4821.jpg' })).toBeNull()
    // Whole words only: "leftover" and "frontier" name no view.
    expect(suggestView({ originalName: 'leftover frontier.jpg' })).toBeNull()
  })
})
