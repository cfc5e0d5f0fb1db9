/* jd-layout-watch.c: jobs the window could not lay out in time.
 *
 * A job stays in "unsettled-tabs" from the moment it arrives until the
 * frame that lays it out has been painted and the main loop got back to
 * idle. If that takes longer than the deadline (a message the text layout
 * chokes on), or Job Desk is killed meanwhile, the mark stays, and the next
 * start does not reopen the tab: one job cannot freeze every start. The
 * mark is written before the layout, as a frozen app may never write
 * anything again.
 */
#define G_LOG_DOMAIN "jd-layout-watch"

#include "config.h"

#include "jd-layout-watch.h"

struct _JdLayoutWatch
{
  GObject    parent_instance;

  GSettings *settings;
  GPtrArray *watches;     /* Watch */
  guint      deadline_ms;
};

G_DEFINE_FINAL_TYPE (JdLayoutWatch, jd_layout_watch, G_TYPE_OBJECT)

typedef struct
{
  JdLayoutWatch *owner;
  char          *job_id;
  gint64         arrived;
  GdkFrameClock *clock;
  gulong         paint_id;
  guint          idle_id;
} Watch;

static void
set_unsettled (JdLayoutWatch *self,
               const char    *job_id,
               gboolean       unsettled)
{
  g_auto(GStrv) ids = g_settings_get_strv (self->settings, "unsettled-tabs");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  gboolean present = g_strv_contains ((const char * const *) ids, job_id);

  if (present == unsettled)
    return;

  for (guint i = 0; ids[i] != NULL; i++)
    if (g_strcmp0 (ids[i], job_id) != 0)
      g_strv_builder_add (builder, ids[i]);
  if (unsettled)
    g_strv_builder_add (builder, job_id);

  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "unsettled-tabs", (const char * const *) updated);
}

static void
watch_free (gpointer data)
{
  Watch *watch = data;

  /* A window going away may have had its clock run_dispose ()d, which
   * drops the handler already. */
  if (watch->paint_id != 0 && g_signal_handler_is_connected (watch->clock, watch->paint_id))
    g_signal_handler_disconnect (watch->clock, watch->paint_id);
  g_clear_handle_id (&watch->idle_id, g_source_remove);
  g_clear_object (&watch->clock);
  g_free (watch->job_id);
  g_free (watch);
}

static gboolean
on_idle_cb (gpointer user_data)
{
  Watch *watch = user_data;
  JdLayoutWatch *self = watch->owner;
  gint64 elapsed_ms = (g_get_monotonic_time () - watch->arrived) / 1000;

  watch->idle_id = 0;
  if (elapsed_ms <= self->deadline_ms)
    set_unsettled (self, watch->job_id, FALSE);
  else
    g_debug ("Job %s took %" G_GINT64_FORMAT " ms to show; its tab will not be reopened",
             watch->job_id, elapsed_ms);

  g_ptr_array_remove (self->watches, watch);
  return G_SOURCE_REMOVE;
}

/* The frame that laid the job out is painted: idle comes next, after
 * whatever that frame left to do. */
static void
on_painted_cb (GdkFrameClock *clock,
               Watch         *watch)
{
  g_clear_signal_handler (&watch->paint_id, watch->clock);
  watch->idle_id = g_idle_add_full (G_PRIORITY_LOW, on_idle_cb, watch, NULL);
}

void
jd_layout_watch_job_arrived (JdLayoutWatch *self,
                             GtkWidget     *widget,
                             const char    *job_id)
{
  GdkFrameClock *clock;
  Watch *watch;

  g_return_if_fail (JD_IS_LAYOUT_WATCH (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (job_id != NULL);

  /* Only a job being laid out on screen can freeze the window. */
  clock = gtk_widget_get_frame_clock (widget);
  if (clock == NULL || !gtk_widget_get_mapped (widget))
    return;

  set_unsettled (self, job_id, TRUE);

  watch = g_new0 (Watch, 1);
  watch->owner = self;
  watch->job_id = g_strdup (job_id);
  watch->arrived = g_get_monotonic_time ();
  watch->clock = g_object_ref (clock);
  watch->paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_painted_cb), watch);
  g_ptr_array_add (self->watches, watch);
}

GStrv
jd_layout_watch_take_unsettled (JdLayoutWatch *self)
{
  GStrv ids;

  g_return_val_if_fail (JD_IS_LAYOUT_WATCH (self), NULL);

  ids = g_settings_get_strv (self->settings, "unsettled-tabs");
  g_settings_reset (self->settings, "unsettled-tabs");
  return ids;
}

void
jd_layout_watch_set_deadline (JdLayoutWatch *self,
                              guint          milliseconds)
{
  g_return_if_fail (JD_IS_LAYOUT_WATCH (self));
  self->deadline_ms = milliseconds;
}

static void
jd_layout_watch_finalize (GObject *object)
{
  JdLayoutWatch *self = JD_LAYOUT_WATCH (object);

  /* A watch still waiting keeps its mark: the window went first. */
  g_clear_pointer (&self->watches, g_ptr_array_unref);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (jd_layout_watch_parent_class)->finalize (object);
}

static void
jd_layout_watch_class_init (JdLayoutWatchClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jd_layout_watch_finalize;
}

static void
jd_layout_watch_init (JdLayoutWatch *self)
{
  self->watches = g_ptr_array_new_with_free_func (watch_free);
  self->deadline_ms = JD_LAYOUT_WATCH_DEADLINE_MS;
}

JdLayoutWatch *
jd_layout_watch_new (GSettings *settings)
{
  JdLayoutWatch *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (JD_TYPE_LAYOUT_WATCH, NULL);
  self->settings = g_object_ref (settings);
  return self;
}
