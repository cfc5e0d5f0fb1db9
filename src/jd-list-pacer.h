/* jd-list-pacer.h: hands a list view the items of a model a few at a time.
 *
 * A list view of GTK 4.8 makes, binds and measures a row widget for every
 * item near the top that it learns of in one items-changed, all before the
 * next frame. A pacer between a large model and the view passes small
 * changes on as they are, but turns a large one into a few items now and
 * a few more each frame, so no frame waits for dozens of new rows.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define JD_TYPE_LIST_PACER (jd_list_pacer_get_type ())
G_DECLARE_FINAL_TYPE (JdListPacer, jd_list_pacer, JD, LIST_PACER, GObject)

JdListPacer *jd_list_pacer_new           (GListModel  *model);
GListModel  *jd_list_pacer_get_model     (JdListPacer *self);
void         jd_list_pacer_set_model     (JdListPacer *self,
                                          GListModel  *model);
/* The view whose frames set the pace (optional). */
GtkWidget   *jd_list_pacer_get_widget    (JdListPacer *self);
void         jd_list_pacer_set_widget    (JdListPacer *self,
                                          GtkWidget   *widget);
/* Whether every item of the model has reached the view. */
gboolean     jd_list_pacer_is_caught_up  (JdListPacer *self);

G_END_DECLS
