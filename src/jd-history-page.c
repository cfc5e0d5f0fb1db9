/* jd-history-page.c: every job looked up, searchable, one click to reopen.
 *
 * A filtered view of JdHistory (at most 500 rows, so a GtkListBox bound to
 * the model is enough); clearing asks first.
 */
#define G_LOG_DOMAIN "jd-history-page"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "jd-accessible.h"
#include "jd-history-page.h"
#include "jd-time-format.h"

struct _JdHistoryPage
{
  AdwBin             parent_instance;

  GtkSearchEntry    *search_entry;
  GtkButton         *clear_button;
  GtkStack          *stack;
  GtkListBox        *list_box;

  JdHistory         *history;
  GtkFilterListModel *filtered;
  GtkCustomFilter   *filter;
  char              *needle;   /* case-folded */
};

enum {
  JOB_ACTIVATED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (JdHistoryPage, jd_history_page, ADW_TYPE_BIN)

static guint signals[N_SIGNALS];

static gboolean
match_item (gpointer item,
            gpointer user_data)
{
  JdHistoryPage *self = user_data;
  g_autofree char *status = NULL;

  if (self->needle == NULL)
    return TRUE;

  if (strstr (jd_history_item_get_job_id (item), self->needle) != NULL)
    return TRUE;

  status = g_utf8_casefold (jd_history_item_get_status (item), -1);
  return strstr (status, self->needle) != NULL;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  JdHistoryItem *entry = item;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *when = jd_time_format_relative (jd_history_item_get_time (entry), now);
  g_autofree char *subtitle = NULL;
  const char *status = jd_history_item_get_status (entry);
  GtkWidget *row = adw_action_row_new ();

  if (*status != '\0')
    /* status, then when it was looked up: "Completed · Success — 5 minutes ago" */
    subtitle = g_strdup_printf (_("%s — looked up %s"), status, when);
  else
    subtitle = g_strdup_printf (_("Looked up %s"), when);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), jd_history_item_get_job_id (entry));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_add_css_class (row, "monospace-title");
  g_object_set_data_full (G_OBJECT (row), "job-id", g_strdup (jd_history_item_get_job_id (entry)), g_free);
  return row;
}

static void
update_state (JdHistoryPage *self)
{
  guint all = self->history != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->history)) : 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  gtk_widget_set_sensitive (GTK_WIDGET (self->clear_button), all > 0);
  gtk_stack_set_visible_child_name (self->stack, all == 0 ? "empty" : shown == 0 ? "no-match" : "list");
}

static void
on_items_changed_cb (JdHistoryPage *self)
{
  update_state (self);
}

static void
on_search_changed_cb (JdHistoryPage *self)
{
  jd_history_page_set_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_row_activated_cb (JdHistoryPage *self,
                     GtkListBoxRow *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "job-id");

  if (id != NULL)
    g_signal_emit (self, signals[JOB_ACTIVATED], 0, id);
}

static void
on_clear_response_cb (JdHistoryPage *self,
                      const char    *response)
{
  if (g_strcmp0 (response, "clear") == 0)
    jd_history_page_clear (self);
}

static void
on_clear_clicked_cb (JdHistoryPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->history));
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The %u job in the history will be forgotten. Open tabs stay open.",
                                       "All %u jobs in the history will be forgotten. Open tabs stay open.",
                                       n),
                          n);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Clear History?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "clear", _("C_lear History"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "clear", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_clear_response_cb), self, G_CONNECT_SWAPPED);
  jd_accessible_fix_mnemonic_buttons (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
jd_history_page_dispose (GObject *object)
{
  JdHistoryPage *self = JD_HISTORY_PAGE (object);

  gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_HISTORY_PAGE);
  g_clear_object (&self->filtered);

  G_OBJECT_CLASS (jd_history_page_parent_class)->dispose (object);
}

static void
jd_history_page_finalize (GObject *object)
{
  JdHistoryPage *self = JD_HISTORY_PAGE (object);

  g_clear_object (&self->history);
  g_free (self->needle);

  G_OBJECT_CLASS (jd_history_page_parent_class)->finalize (object);
}

static void
jd_history_page_class_init (JdHistoryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_history_page_dispose;
  object_class->finalize = jd_history_page_finalize;

  signals[JOB_ACTIVATED] =
    g_signal_new ("job-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jobdesk/JobDesk/jd-history-page.ui");
  /* a box of ours, not a "filler" read by its type name */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
  gtk_widget_class_bind_template_child (widget_class, JdHistoryPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, JdHistoryPage, clear_button);
  gtk_widget_class_bind_template_child (widget_class, JdHistoryPage, stack);
  gtk_widget_class_bind_template_child (widget_class, JdHistoryPage, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_clicked_cb);
}

static void
jd_history_page_init (JdHistoryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  jd_accessible_fix_mnemonic_buttons (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (match_item, self, NULL);
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (on_items_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->filtered), create_row, self, NULL);
  update_state (self);
}

GtkWidget *
jd_history_page_new (void)
{
  return g_object_new (JD_TYPE_HISTORY_PAGE, NULL);
}

JdHistory *
jd_history_page_get_history (JdHistoryPage *self)
{
  g_return_val_if_fail (JD_IS_HISTORY_PAGE (self), NULL);
  return self->history;
}

void
jd_history_page_set_history (JdHistoryPage *self,
                             JdHistory     *history)
{
  g_return_if_fail (JD_IS_HISTORY_PAGE (self));

  if (!g_set_object (&self->history, history))
    return;

  gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (history));
  update_state (self);
}

void
jd_history_page_set_search (JdHistoryPage *self,
                            const char    *text)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (JD_IS_HISTORY_PAGE (self));

  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_free (self->needle);
  self->needle = *stripped != '\0' ? g_utf8_casefold (stripped, -1) : NULL;

  /* Setting the text passes through "" on the way: not a search. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), stripped) != 0 &&
      g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text) != 0)
    {
      g_signal_handlers_block_by_func (self->search_entry, on_search_changed_cb, self);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
      g_signal_handlers_unblock_by_func (self->search_entry, on_search_changed_cb, self);
    }

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_state (self);
}

GListModel *
jd_history_page_get_shown (JdHistoryPage *self)
{
  g_return_val_if_fail (JD_IS_HISTORY_PAGE (self), NULL);
  return G_LIST_MODEL (self->filtered);
}

void
jd_history_page_clear (JdHistoryPage *self)
{
  g_return_if_fail (JD_IS_HISTORY_PAGE (self));

  if (self->history != NULL)
    jd_history_clear (self->history);
}
