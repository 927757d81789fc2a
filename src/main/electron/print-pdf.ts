import type { BrowserWindow } from 'electron'
import type { Platform } from '../platform'
import { ServiceError } from '../services/service-error'

/**
 * The desktop's PDF: the window's own page printed through its print stylesheet, so the file is
 * the very view the app previews. The sheet's pages carry their own margins and page numbers,
 * hence none from the printer; backgrounds print so the colour swatches of the legend survive.
 */
export function printWithWindow(window: () => BrowserWindow | null): NonNullable<Platform['printToPdf']> {
  return async ({ paper, orientation }) => {
    const target = window()
    if (!target || target.isDestroyed()) throw new ServiceError('unavailable', 'The Stipple window is closed.')
    const pdf = await target.webContents.printToPDF({
      pageSize: paper === 'a4' ? 'A4' : 'Letter',
      landscape: orientation === 'landscape',
      printBackground: true,
      displayHeaderFooter: false,
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
      preferCSSPageSize: true,
      generateTaggedPDF: false,
      generateDocumentOutline: false,
    })
    return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength)
  }
}
