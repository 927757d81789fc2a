const HUGE_PAGES = 'glibc.malloc.hugetlb=1'

/**
 * A decode process's environment with glibc's malloc asked to back its large blocks with
 * transparent huge pages, where the kernel grants them on request (`madvise`, the default of
 * most distributions). A decode's buffers (an original, libjpeg's coefficients, libvips' pixels)
 * are fresh memory, each freed block handed back to the kernel, and every 4 KB page of them is
 * a page fault when first written: on the virtual machines these figures come from that cost
 * 3–4 ms a megabyte and 0.1–0.2 ms with 2 MB pages (bench/hostile-corpus.bench.ts's import of
 * the large archive went from 4.6–5.7 s to 3.2–3.7 s). glibc reads the setting only at start,
 * hence the environment. Where malloc is not glibc's (macOS, Windows, Electron's own
 * processes, which use Chromium's allocator) nothing reads it.
 */
export function withHugePages(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const tunables = env.GLIBC_TUNABLES
  if (tunables?.includes('glibc.malloc.hugetlb=')) return env
  return { ...env, GLIBC_TUNABLES: tunables ? `${tunables}:${HUGE_PAGES}` : HUGE_PAGES }
}
