import { memo } from 'react'
import type { DesignObject } from '../../../../shared/design/design-types'
import type { DrawingProps } from '../../shapes/drawing'
import { componentsOf } from '../../shapes/shape-components'

/**
 * One design object drawn in image pixels by its kind's component, with the preview of its soft
 * edge or width in real mm. Memoised: panning, or editing another object, does not recompute a
 * hairline's curve and band.
 */
export const DesignShape = memo(function DesignShape(props: DrawingProps<DesignObject>) {
  const { Drawing } = componentsOf(props.object)
  return <Drawing {...props} />
})
