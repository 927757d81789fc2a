/** What a plan may hold; apart from the schema so the renderer shows the same limits on its fields. */
export const PLAN_LIMITS = {
  sessions: 40,
  treatmentsPerSession: 100,
  durationMin: { min: 15, max: 16 * 60 },
  practitioner: 120,
  notes: 5000,
  needleMm: { min: 0.05, max: 1.2 },
  perCm2: { min: 1, max: 600 },
  share: { min: 0.01, max: 2 },
  pigmentName: 80,
  sessionName: 80,
  pigmentLot: 60,
} as const
