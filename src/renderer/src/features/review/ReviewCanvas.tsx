import type { ReactNode } from 'react'
import { pxPerMm } from '../../../../shared/photos/calibration'
import { useBridge } from '../../bridge/bridge-context'
import type { ViewportStore } from '../../canvas/viewport-store'
import { PhotoCanvas } from '../canvas/PhotoCanvas'
import type { PigmentSource } from '../canvas/view-cache'
import { DesignOverlay } from './DesignOverlay'
import type { ReviewView } from './review-data'

const NO_MEASUREMENTS = [] as const

/**
 * One review canvas: the photo with the session layers multiplied in, the saved design over it
 * and whatever the caller adds on top (comment pins). Pan and zoom come from `store`; two
 * canvases given one store move together.
 */
export function ReviewCanvas(props: {
  store: ViewportStore
  view: ReviewView
  showDesign: boolean
  pigment: PigmentSource | null
  label: string
  children?: ReactNode
}) {
  const bridge = useBridge()
  const { photo, design } = props.view
  return (
    <PhotoCanvas
      viewport={props.store}
      imageUrl={bridge.photoUrl(photo.sha256, 'working')}
      calibration={photo.calibration}
      measurements={NO_MEASUREMENTS}
      label={props.label}
      pigment={props.pigment}
    >
      {props.showDesign && (
        <DesignOverlay
          canvas={props.store}
          document={design.document}
          designId={design.id}
          pxPerMm={pxPerMm(photo.calibration)}
          // Over simulated pigment the zones' tint would change the colour being judged.
          tint={!props.pigment}
        />
      )}
      {props.children}
    </PhotoCanvas>
  )
}
