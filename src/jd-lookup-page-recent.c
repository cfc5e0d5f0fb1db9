/* jd-lookup-page-recent.c: the lookup page's recent lookups, below the
 * entry and in its popover; a row looks its job up again. */
#define G_LOG_DOMAIN "jd-lookup-page"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-lookup-page-private.h"

/* ------------------------------------------------------------------ */
/* Recent lookups                                                      */

static GtkWidget *
make_recent_row (const char *id)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), id);
  /* One line, cut short in a narrow window: an ID broken across lines
   * gets a hyphen it does not have. */
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  gtk_widget_add_css_class (row, "monospace");
  g_object_set_data_full (G_OBJECT (row), "job-id", g_strdup (id), g_free);
  return row;
}

static void
fill_recent_list (GtkListBox *list,
                  GListModel *history)
{
  GtkWidget *child;
  guint n = MIN (g_list_model_get_n_items (history), JD_HISTORY_RECENT);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JdHistoryItem) item = g_list_model_get_item (history, i);
      GtkWidget *row = make_recent_row (jd_history_item_get_job_id (item));
      const char *status = jd_history_item_get_status (item);

      if (*status != '\0')
        {
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), status);
          /* read after the ID, which names the row */
          gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, status, -1);
        }
      gtk_list_box_append (list, row);
    }
}

void
jd_lookup_page_update_recent (JdLookupPage *self)
{
  gboolean any;

  if (self->history == NULL)
    return;

  any = g_list_model_get_n_items (G_LIST_MODEL (self->history)) > 0;
  fill_recent_list (self->recent_list, G_LIST_MODEL (self->history));
  fill_recent_list (self->recent_popover_list, G_LIST_MODEL (self->history));
  gtk_widget_set_visible (self->recent_box, any);
  gtk_widget_set_sensitive (GTK_WIDGET (self->recent_button), any);
}

void
jd_lookup_page_on_history_changed (JdLookupPage *self)
{
  jd_lookup_page_update_recent (self);
}

static void
on_recent_row_activated_cb (JdLookupPage  *self,
                            GtkListBoxRow *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "job-id");

  gtk_popover_popdown (self->recent_popover);
  if (id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "lookup-page.look-up-id", "s", id);
}


void
jd_lookup_page_class_add_recent (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_recent_row_activated_cb);
}
