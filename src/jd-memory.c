/* jd-memory.c: memory a big job held, given back to the system (see the
 * header for why). */
#define G_LOG_DOMAIN "jd-memory"

#include "config.h"

#if HAVE_MALLOC_TRIM
#include <malloc.h>
#endif

#include "jd-memory.h"

/* Long enough for the job, its lists and its rows to be finalized after
 * whatever dropped the first of them; short enough that a user looking
 * at the system monitor sees it. */
#define TRIM_DELAY_MS 500

static guint trim_source;
static guint n_trims;

static gboolean
on_trim_cb (gpointer user_data)
{
  trim_source = 0;

  if (g_getenv ("JD_NO_MALLOC_TRIM") != NULL)
    return G_SOURCE_REMOVE;

  n_trims++;
#if HAVE_MALLOC_TRIM
  {
    gint64 start = g_get_monotonic_time ();

    malloc_trim (0);
    g_debug ("malloc_trim took %" G_GINT64_FORMAT " µs", g_get_monotonic_time () - start);
  }
#endif

  return G_SOURCE_REMOVE;
}

void
jd_memory_init (void)
{
#if HAVE_MALLOC_TRIM && defined (M_ARENA_MAX)
  if (g_getenv ("MALLOC_ARENA_MAX") == NULL)
    mallopt (M_ARENA_MAX, 1);
#endif
}

void
jd_memory_trim_soon (void)
{
  if (trim_source != 0)
    return;

  trim_source = g_timeout_add_full (G_PRIORITY_LOW, TRIM_DELAY_MS, on_trim_cb, NULL, NULL);
  g_source_set_name_by_id (trim_source, "[jobdesk] malloc_trim");
}

guint
jd_memory_get_n_trims (void)
{
  return n_trims;
}
