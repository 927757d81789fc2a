import type { Section } from './where-you-were'

export interface TourStep {
  /** A CSS selector of the real element the step points at; the workspace when it is not on screen. */
  target: string
  title: string
  body: string
  /** What the step shows: the sample patient open, on a tab. */
  shows?: { sample: true; section: Section }
}

/** A short tour over the real screens: the sample patient is opened so each tab has something to show. */
export const TOUR_STEPS: readonly TourStep[] = [
  {
    target: '[data-tour="welcome"]',
    title: 'Welcome to Stipple',
    body: 'A case goes photos → calibrate → design → plan → review → design sheet. This tour shows each on a sample patient; skip it any time with Esc.',
  },
  {
    target: '[data-tour="patients"]',
    title: 'Your patients',
    body: 'Records are listed here; search by name. The sample patient is made up, marked as a sample and kept out of your records, exports and backup counts.',
  },
  {
    target: '[data-tour="tabs"]',
    title: 'A patient’s work',
    body: 'Record, Photos, Plan, Review and History hold the case from consultation to follow-up.',
    shows: { sample: true, section: 'record' },
  },
  {
    target: '[data-tour="photos-toolbar"]',
    title: 'Photos and head charts',
    body: 'Import the patient’s photos, or add a head chart to design before the first photo (a phone or e-mail consultation). Open a picture to draw the hairline, zones, scars and landmarks.',
    shows: { sample: true, section: 'photos' },
  },
  {
    target: '.patient-tabs__panel',
    title: 'The plan',
    body: 'Sessions as pigment layers: dates from a protocol, the zones each session treats and how much, with warnings and their reasons.',
    shows: { sample: true, section: 'plan' },
  },
  {
    target: '.patient-tabs__panel',
    title: 'Review',
    body: 'Each designed view with its session layers, the fade over the years, compare, and comment pins for a clinician.',
    shows: { sample: true, section: 'review' },
  },
  {
    target: '[data-tour="sheet"]',
    title: 'The design sheet',
    body: 'The consultation sheet: each view with its design, the plan, figures and price, to print or save as PDF.',
    shows: { sample: true, section: 'record' },
  },
  {
    target: '[data-tour="help"]',
    title: 'Help is here',
    body: 'Keyboard shortcuts, this tour and the sample patient (open, remove, bring back) are in Help.',
  },
]
