/**
 * A test photo drawn in the page: left half red, right half blue, a green square at the
 * centre, so a pixel probe can tell exactly which part of the photo is under a screen point.
 */
export async function twoToneImageUrl(width: number, height: number): Promise<string> {
  const canvas = new OffscreenCanvas(width, height)
  const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D
  context.fillStyle = '#ff0000'
  context.fillRect(0, 0, width / 2, height)
  context.fillStyle = '#0000ff'
  context.fillRect(width / 2, 0, width / 2, height)
  context.fillStyle = '#00ff00'
  context.fillRect(width / 2 - 20, height / 2 - 20, 40, 40)
  return URL.createObjectURL(await canvas.convertToBlob({ type: 'image/png' }))
}

export type Colour = 'red' | 'blue' | 'green' | 'other'

/** The colour of the canvas pixel under a point given in CSS pixels of the canvas element. */
export function probe(canvas: HTMLCanvasElement, x: number, y: number): Colour {
  const ratio = canvas.width / canvas.getBoundingClientRect().width
  const context = canvas.getContext('2d') as CanvasRenderingContext2D
  const [r = 0, g = 0, b = 0] = context.getImageData(Math.round(x * ratio), Math.round(y * ratio), 1, 1).data
  if (r > 200 && g < 60 && b < 60) return 'red'
  if (b > 200 && r < 60 && g < 60) return 'blue'
  if (g > 200 && r < 60 && b < 60) return 'green'
  return 'other'
}
