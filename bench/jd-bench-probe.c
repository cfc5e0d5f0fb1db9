/* jd-bench-probe.c: what the window benchmark (jd-bench.c) looks with:
 * the main loop, its gaps, the frames, memory and the job view's widgets. */
#define G_LOG_DOMAIN "jd-bench"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "jd-bench-probe.h"

/* ------------------------------------------------------------------ */
/* Main loop helpers                                                   */

static gboolean
on_wait_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
wait_for (Condition condition,
          gpointer  data,
          guint     timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, on_wait_timeout_cb, &timed_out);
  gboolean ok;

  while (!(ok = condition (data)) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);

  return ok;
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

void
spin (guint ms)
{
  wait_for (never, NULL, ms);
}


/* CPU time of the calling thread, µs: a gap in which the main thread
 * used little CPU was the machine's doing, not ours. */
gint64
thread_cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static gboolean
on_gap_tick_cb (gpointer data)
{
  GapProbe *probe = data;
  gint64 now = g_get_monotonic_time ();
  gint64 cpu = thread_cpu_time ();

  if (g_getenv ("JD_BENCH_VERBOSE") != NULL && now - probe->last > 8000)
    g_printerr ("    gap %.1f ms (main thread busy %.1f ms) ending at %" G_GINT64_FORMAT "\n", (now - probe->last) / 1000.0,
                (cpu - probe->last_cpu) / 1000.0, now / 1000);
  probe->max_busy = MAX (probe->max_busy, cpu - probe->last_cpu);
  probe->last_cpu = cpu;
  if (now - probe->last > probe->max_gap)
    {
      probe->max_gap = now - probe->last;
      probe->max_gap_end = now;
    }
  probe->last = now;

  return G_SOURCE_CONTINUE;
}

void
gap_probe_start (GapProbe *probe)
{
  probe->last = g_get_monotonic_time ();
  probe->last_cpu = thread_cpu_time ();
  probe->max_busy = 0;
  probe->max_gap = 0;
  probe->max_gap_end = 0;
  probe->id = g_timeout_add (1, on_gap_tick_cb, probe);
}

void
gap_probe_stop (GapProbe *probe)
{
  /* the stretch since the last tick counts too */
  on_gap_tick_cb (probe);
  g_clear_handle_id (&probe->id, g_source_remove);
}


static gint64 phase_start;

void
on_phase_start_cb (GdkFrameClock *clock,
                   gpointer       data)
{
  phase_start = g_get_monotonic_time ();
}

void
on_phase_end_cb (GdkFrameClock *clock,
                 const char    *name)
{
  gint64 now = g_get_monotonic_time ();

  if (now - phase_start > 5000)
    g_printerr ("    frame phase up to %s: %.1f ms, ending at %" G_GINT64_FORMAT "\n", name, (now - phase_start) / 1000.0, now / 1000);
  phase_start = now;
}

void
on_after_paint_cb (GdkFrameClock *clock,
                   Frames        *frames)
{
  frames->n_paints++;
  frames->last_paint = g_get_monotonic_time ();
}

typedef struct
{
  Frames *frames;
  guint   after;
} FrameWait;

static gboolean
painted_since (gpointer data)
{
  FrameWait *wait = data;

  return wait->frames->n_paints > wait->after;
}

/* The time of the first paint after the count `after`, or 0. */
gint64
wait_for_paint (Frames *frames,
                guint   after,
                guint   timeout_ms)
{
  FrameWait wait = { frames, after };

  if (!wait_for (painted_since, &wait, timeout_ms))
    return 0;

  return frames->last_paint;
}

/* ------------------------------------------------------------------ */
/* Memory                                                              */

gint64
read_status_kb (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;

  line = strstr (status, field);
  if (line == NULL)
    return -1;

  return g_ascii_strtoll (line + strlen (field) + 1, NULL, 10);
}

gboolean
reset_peak (void)
{
  FILE *file = fopen ("/proc/self/clear_refs", "w");
  gboolean ok;

  if (file == NULL)
    return FALSE;

  /* "5" resets VmHWM to the current VmRSS (Linux 4.0) */
  ok = fputs ("5", file) >= 0;
  return fclose (file) == 0 && ok;
}

double
mb (gint64 kb)
{
  return kb / 1024.0;
}

/* ------------------------------------------------------------------ */
/* Widgets                                                             */

GtkWidget *
find_by_type (GtkWidget *root,
              GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The JdMessageFilterModel under the job view's messages list, through
 * whatever models stand between (a selection model, …). */
JdMessageFilterModel *
find_message_filter (GtkWidget *root)
{
  if (GTK_IS_LIST_VIEW (root) || GTK_IS_GRID_VIEW (root))
    {
      g_autoptr(GObject) model = NULL;

      g_object_get (root, "model", &model, NULL);
      while (model != NULL && !JD_IS_MESSAGE_FILTER_MODEL (model) &&
             g_object_class_find_property (G_OBJECT_GET_CLASS (model), "model") != NULL)
        {
          GObject *inner = NULL;

          g_object_get (model, "model", &inner, NULL);
          g_object_unref (model);
          model = inner;
        }

      if (model != NULL && JD_IS_MESSAGE_FILTER_MODEL (model))
        return JD_MESSAGE_FILTER_MODEL (model);   /* the view holds it */
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      JdMessageFilterModel *found = find_message_filter (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* How many messages the job view's list widget has been handed so far,
 * and how many the filter holds: a view may be given a long list a few
 * items at a time. */
static void
count_list_items (GtkWidget *root,
                  guint     *in_view,
                  guint     *in_filter)
{
  if (GTK_IS_LIST_VIEW (root) || GTK_IS_GRID_VIEW (root))
    {
      JdMessageFilterModel *filter = find_message_filter (root);

      if (filter != NULL)
        {
          g_autoptr(GListModel) model = NULL;

          g_object_get (root, "model", &model, NULL);
          *in_view = g_list_model_get_n_items (model);
          *in_filter = g_list_model_get_n_items (G_LIST_MODEL (filter));
          return;
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count_list_items (child, in_view, in_filter);
}

gboolean
list_filled (gpointer data)
{
  guint in_view = 0, in_filter = 0;

  count_list_items (data, &in_view, &in_filter);
  return in_view == in_filter;
}
