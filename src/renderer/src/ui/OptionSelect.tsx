import type { SelectHTMLAttributes } from 'react'

/**
 * A select over one of the closed vocabularies (`{ value, label }[]`): the value it reports is
 * always one of the options, so callers get the vocabulary's type back without a cast.
 */
export function OptionSelect<T extends string>(
  props: {
    options: readonly { value: T; label: string }[]
    value: NoInfer<T>
    onChange(value: NoInfer<T>): void
  } & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'>,
) {
  const { options, value, onChange, className, ...rest } = props
  return (
    <select
      {...rest}
      className={className ?? 'select'}
      value={value}
      onChange={(event) => {
        const picked = options.find((o) => o.value === event.target.value)
        if (picked) onChange(picked.value)
      }}
    >
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  )
}
