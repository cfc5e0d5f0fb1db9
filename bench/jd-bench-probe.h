/* jd-bench-probe.h: what the window benchmark looks with (jd-bench-probe.c):
 * waiting on the main loop, the longest gap in it, the window's frames,
 * the process's memory, and the widgets of the job view. */
#pragma once

#include <gtk/gtk.h>

#include "jd-message-filter-model.h"

G_BEGIN_DECLS

typedef gboolean (*Condition) (gpointer data);

/* Iterates the main loop until condition holds or the time is up. */
gboolean wait_for (Condition condition,
                   gpointer  data,
                   guint     timeout_ms);
void     spin     (guint     ms);

/* The longest time between two runs of a 1 ms timeout. */
typedef struct
{
  guint  id;
  gint64 last;
  gint64 last_cpu;
  gint64 max_gap;
  gint64 max_gap_end;
  gint64 max_busy;   /* the most CPU time the main thread used in one gap */
} GapProbe;

/* CPU time of the calling thread, µs */
gint64 thread_cpu_time (void);
void gap_probe_start (GapProbe *probe);
void gap_probe_stop  (GapProbe *probe);

/* Frames of one window. */
typedef struct
{
  guint  n_paints;
  gint64 last_paint;
} Frames;

/* JD_BENCH_VERBOSE: frame phases over 5 ms */
void   on_phase_start_cb (GdkFrameClock *clock,
                          gpointer       data);
void   on_phase_end_cb   (GdkFrameClock *clock,
                          const char    *name);
void   on_after_paint_cb (GdkFrameClock *clock,
                          Frames        *frames);
/* The time of the first paint after the count `after`, or 0. */
gint64 wait_for_paint    (Frames        *frames,
                          guint          after,
                          guint          timeout_ms);

/* a field of /proc/self/status ("VmRSS:"), in kB, or -1 */
gint64   read_status_kb (const char *field);
/* VmHWM back to VmRSS; FALSE where /proc/self/clear_refs is not writable */
gboolean reset_peak     (void);
double   mb             (gint64      kb);

GtkWidget            *find_by_type        (GtkWidget *root,
                                           GType      type);
JdMessageFilterModel *find_message_filter (GtkWidget *root);
/* the messages list widget has been handed every item of its filter */
gboolean              list_filled         (gpointer   data);

G_END_DECLS
