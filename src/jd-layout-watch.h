/* jd-layout-watch.h: notices jobs the window could not lay out in time,
 * so that their tabs are not reopened at the next start. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A job may take this long to show before its tab is not reopened. */
#define JD_LAYOUT_WATCH_DEADLINE_MS 5000

#define JD_TYPE_LAYOUT_WATCH (jd_layout_watch_get_type ())
G_DECLARE_FINAL_TYPE (JdLayoutWatch, jd_layout_watch, JD, LAYOUT_WATCH, GObject)

/* Keeps its marks in the "unsettled-tabs" key of settings. */
JdLayoutWatch *jd_layout_watch_new            (GSettings     *settings);
/* The job job_id has just arrived in widget: watch it being laid out.
 * Nothing for a widget not on screen. */
void           jd_layout_watch_job_arrived    (JdLayoutWatch *self,
                                               GtkWidget     *widget,
                                               const char    *job_id);
/* The jobs marked (not laid out in time, or not yet when the app
 * stopped), and forgets them: at a start, before reopening tabs. */
GStrv          jd_layout_watch_take_unsettled (JdLayoutWatch *self);
void           jd_layout_watch_set_deadline   (JdLayoutWatch *self,
                                               guint          milliseconds);

G_END_DECLS
