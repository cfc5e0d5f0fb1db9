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

/* Before any thread starts: caps glibc's malloc at two arenas. The
 * sliced parse runs on worker threads, and each thread's arena keeps
 * what it freed scattered where malloc_trim () cannot give it back
 * (measured: 19-23 MB retained after closing a 100,000-message job with
 * the default arenas, at most 13 MB with two). MALLOC_ARENA_MAX in the
 * environment still wins. */
void jd_memory_init (void);

/* Schedules malloc_trim (0) (where the C library has it) in about half
 * a second, once however often it is asked for. JD_NO_MALLOC_TRIM=1 in
 * the environment leaves it out, for measuring what it gives. */
void jd_memory_trim_soon (void);

/* How many times the trim ran (where the C library has no malloc_trim,
 * it ran and did nothing): for tests and the benchmark. */
guint jd_memory_get_n_trims (void);

G_END_DECLS
