/* jd-memory.h: memory a big job held, given back to the system.
 *
 * glibc's malloc keeps what a program frees for its next allocations: a
 * job of 100,000 messages leaves tens of megabytes in its arenas (the
 * parse ran on worker threads, each with an arena of its own) after the
 * job is gone. Whoever drops something big asks for a trim; it runs once,
 * a little later, when the rest of what went with it is freed too.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Lists at least this long count as big. */
#define JD_MEMORY_BIG_LIST 10000

/* Before any thread starts: one malloc arena for the whole process. The
 * sliced parse runs on worker threads, and each thread's own arena keeps
 * what it freed scattered where malloc_trim () cannot give it back.
 * Measured with bench/jd-bench-memory (ten lookups of a 100,000-message
 * job, then a tab of it closed), beside a 55 MB idle window: default
 * arenas +31 MB kept and +7 MB growth over the ten; two arenas +34 MB and
 * +24 MB; one arena +6 to +7 MB and +0.1 MB, at the same parse CPU time on two
 * cores. MALLOC_ARENA_MAX in the environment still wins. */
void jd_memory_init (void);

/* Schedules malloc_trim (0) (where the C library has it) in about half
 * a second, once however often it is asked for. JD_NO_MALLOC_TRIM=1 in
 * the environment leaves it out, for measuring what it gives. */
void jd_memory_trim_soon (void);

/* How many times the trim ran (where the C library has no malloc_trim,
 * it ran and did nothing): for tests and the benchmark. */
guint jd_memory_get_n_trims (void);

G_END_DECLS
