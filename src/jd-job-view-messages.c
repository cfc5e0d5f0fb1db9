/* jd-job-view-messages.c: the job view's Messages tab: the severity
 * filter with its counts, the search, "Load All Messages", and the row
 * that says the messages are still on their way.
 */
#define G_LOG_DOMAIN "jd-job-view"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-job-view-private.h"
#include "jd-message-list.h"
#include "jd-message-row.h"
#include "jd-toast.h"

/* The lead                                                            */

/* The lead tab sits beside the messages: it shows the first error among
 * them, or that they are still on their way, or why they did not come. */
void
jd_job_view_update_lead (JdJobView *self)
{
  gboolean leads = jd_job_lead_wants (self->job);
  gboolean warning = jd_job_lead_is_warning (self->job);

  adw_view_stack_page_set_visible (self->lead_page, leads);
  if (!leads)
    {
      if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "lead") == 0)
        adw_view_stack_set_visible_child_name (self->view_stack, "outputs");
      jd_job_lead_update (self->lead, NULL, FALSE, NULL);
      return;
    }

  adw_view_stack_page_set_title (self->lead_page, warning ? _("Warning") : _("Error"));
  adw_view_stack_page_set_icon_name (self->lead_page, warning ? "dialog-warning-symbolic" : "dialog-error-symbolic");
  jd_job_lead_update (self->lead, self->job, self->messages_pending,
                      gtk_revealer_get_reveal_child (self->messages_error_revealer)
                      ? gtk_label_get_text (self->messages_error_label) : NULL);
}

/* ------------------------------------------------------------------ */
/* Messages                                                            */

static GtkToggleButton *
get_filter_toggle (JdJobView           *self,
                   JdMessageFilterKind  kind)
{
  switch (kind)
    {
    case JD_MESSAGE_FILTER_ERRORS:
      return self->errors_toggle;
    case JD_MESSAGE_FILTER_WARNINGS:
      return self->warnings_toggle;
    case JD_MESSAGE_FILTER_FILES:
      return self->files_toggle;
    case JD_MESSAGE_FILTER_INFO:
      return self->info_toggle;
    case JD_MESSAGE_FILTER_ALL:
    default:
      return self->all_toggle;
    }
}

static void
update_filter_button (JdJobView           *self,
                      JdMessageFilterKind  kind,
                      GtkLabel            *count_label,
                      guint                count)
{
  static const char *const names[] = { N_("All"), N_("Errors"), N_("Warnings"), N_("Files"), N_("Info") };
  g_autofree char *text = jd_job_view_format_count (count);
  g_autofree char *accessible = NULL;

  gtk_label_set_text (count_label, text);

  /* Translators: a filter button, as in "Errors: 12 messages" */
  accessible = g_strdup_printf (ngettext ("%s: %s message", "%s: %s messages", count),
                                _(names[kind]), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (get_filter_toggle (self, kind)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

gboolean
jd_job_view_messages_cut_off (JdJobView *self)
{
  GListModel *messages = self->job != NULL ? jd_job_get_messages (self->job) : NULL;

  return JD_IS_MESSAGE_LIST (messages) && jd_message_list_get_cut_off (JD_MESSAGE_LIST (messages));
}

/* Never silently less than the Server sent: messages that could not be
 * read, and those past what Job Desk reads; one sentence a line. */
static void
update_note (JdJobView *self,
             guint      total)
{
  guint unreadable = self->job != NULL ? jd_job_get_n_unreadable_messages (self->job) : 0;
  g_autoptr(GString) note = g_string_new (NULL);

  if (unreadable > 0)
    {
      g_autofree char *n_text = jd_job_view_format_count (unreadable);

      /* Translators: %s is a number of messages */
      g_string_append_printf (note, ngettext ("%s message could not be read.",
                                              "%s messages could not be read.", unreadable),
                              n_text);
    }

  if (jd_job_view_messages_cut_off (self))
    {
      g_autofree char *n_text = jd_job_view_format_count (total);
      g_autofree char *size = g_format_size_full (self->client != NULL ? jd_client_get_max_response_size (self->client)
                                                                        : JD_CLIENT_MAX_RESPONSE_SIZE,
                                                  G_FORMAT_SIZE_IEC_UNITS);

      if (note->len > 0)
        g_string_append_c (note, '\n');
      /* Translators: the first %s is how many messages are shown, the
       * second the most Job Desk reads of one answer ("256.0 MiB") */
      g_string_append_printf (note, ngettext ("Showing the first %s message only. The job’s answer is larger than the %s Job Desk reads; the rest is left out.",
                                              "Showing the first %s messages only. The job’s answer is larger than the %s Job Desk reads; the rest are left out.",
                                              total),
                              n_text, size);
    }

  gtk_label_set_text (self->messages_note_label, note->str);
  gtk_widget_set_visible (GTK_WIDGET (self->messages_note_label), note->len > 0);
}

void
jd_job_view_update_messages (JdJobView *self)
{
  JdMessageFilterModel *filter = self->message_filter;
  guint total = jd_message_filter_model_get_n_total (filter);
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (filter));
  gboolean included = self->job != NULL && jd_job_get_messages_included (self->job);
  g_autofree char *total_text = jd_job_view_format_count (total);
  g_autofree char *shown_text = jd_job_view_format_count (shown);
  g_autofree char *title = NULL;
  g_autofree char *count = NULL;

  /* Translators: a tab; %s is how many messages a job has */
  if (total == 0 && self->messages_pending)
    title = g_strdup (_("Messages"));
  else
    title = g_strdup_printf (_("Messages (%s)"), total_text);
  adw_view_stack_page_set_title (self->messages_page, title);

  update_filter_button (self, JD_MESSAGE_FILTER_ALL, self->all_count, total);
  update_filter_button (self, JD_MESSAGE_FILTER_ERRORS, self->errors_count,
                        jd_message_filter_model_count_severity (filter, JD_MESSAGE_SEVERITY_ERROR));
  update_filter_button (self, JD_MESSAGE_FILTER_WARNINGS, self->warnings_count,
                        jd_message_filter_model_count_severity (filter, JD_MESSAGE_SEVERITY_WARNING));
  update_filter_button (self, JD_MESSAGE_FILTER_FILES, self->files_count,
                        jd_message_filter_model_count_severity (filter, JD_MESSAGE_SEVERITY_FILE));
  update_filter_button (self, JD_MESSAGE_FILTER_INFO, self->info_count,
                        jd_message_filter_model_count_severity (filter, JD_MESSAGE_SEVERITY_INFO));

  if (jd_message_filter_model_get_busy (filter))
    {
      /* Translators: while a search looks through a big job's messages;
       * %s is how many the job has */
      count = g_strdup_printf (ngettext ("Searching %s message…", "Searching %s messages…", total),
                               total_text);
    }
  else if (jd_message_filter_model_is_filtering (filter))
    {
      /* Translators: the first %s is how many messages the filter shows,
       * the second how many the job has */
      count = g_strdup_printf (ngettext ("Showing %s of %s message", "Showing %s of %s messages", total),
                               shown_text, total_text);
    }
  else
    count = g_strdup_printf (ngettext ("%s message", "%s messages", total), total_text);
  gtk_label_set_text (self->messages_count_label, count);

  gtk_widget_set_visible (self->messages_toolbar, total > 0);

  update_note (self, total);

  if (total == 0 && self->messages_pending)
    gtk_stack_set_visible_child_name (self->messages_stack, "loading");
  else if (total == 0)
    {
      if (jd_job_view_job_not_started (self->job))
        adw_status_page_set_description (self->messages_empty_page, _("This job has not started yet."));
      else
        adw_status_page_set_description (self->messages_empty_page,
                                         included || self->job == NULL
                                         ? _("This job wrote no messages.")
                                         : _("The server did not send messages with this job."));
      gtk_widget_set_visible (self->load_all_empty_button, !included && self->job != NULL);
      gtk_stack_set_visible_child_name (self->messages_stack, "empty");
    }
  else
    gtk_stack_set_visible_child_name (self->messages_stack, shown > 0 ? "list" : "no-match");

  /* "Save Messages as CSV…" needs messages. */
  jd_job_view_update_job_actions (self);
  /* The lead shows the first error among them. */
  jd_job_view_update_lead (self);
}

static void
on_messages_items_changed_cb (JdJobView  *self,
                              guint       position,
                              guint       removed,
                              guint       added,
                              GListModel *model)
{
  jd_job_view_update_messages (self);
}

static void
sync_filter_toggles (JdJobView *self)
{
  JdMessageFilterKind kind = jd_message_filter_model_get_kind (self->message_filter);
  GtkToggleButton *toggle = get_filter_toggle (self, kind);

  if (!gtk_toggle_button_get_active (toggle))
    gtk_toggle_button_set_active (toggle, TRUE);
}

static void
on_filter_toggled_cb (JdJobView       *self,
                      GtkToggleButton *toggle)
{
  if (!gtk_toggle_button_get_active (toggle))
    return;

  for (JdMessageFilterKind kind = JD_MESSAGE_FILTER_ALL; kind < N_FILTERS; kind++)
    {
      if (get_filter_toggle (self, kind) == toggle)
        {
          jd_message_filter_model_set_kind (self->message_filter, kind);
          break;
        }
    }
}

static void
on_filter_kind_changed_cb (JdJobView            *self,
                           GParamSpec           *pspec,
                           JdMessageFilterModel *filter)
{
  sync_filter_toggles (self);
  jd_job_view_update_messages (self);
}

static void
on_search_changed_cb (JdJobView      *self,
                      GtkSearchEntry *entry)
{
  jd_message_filter_model_set_search (self->message_filter,
                                      gtk_editable_get_text (GTK_EDITABLE (entry)));
  jd_job_view_update_messages (self);
}

static void
on_stop_search_cb (JdJobView      *self,
                   GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
on_message_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     JdJobView                *self)
{
  gtk_list_item_set_child (item, jd_message_row_new ());
  gtk_list_item_set_activatable (item, FALSE);
}

static void
on_message_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    JdJobView                *self)
{
  jd_message_row_set_message (JD_MESSAGE_ROW (gtk_list_item_get_child (item)),
                              gtk_list_item_get_item (item));
}

static void
on_message_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      JdJobView                *self)
{
  jd_message_row_set_message (JD_MESSAGE_ROW (gtk_list_item_get_child (item)), NULL);
}

void
jd_job_view_set_loading_messages (JdJobView *self,
                      gboolean   loading)
{
  gtk_widget_set_visible (GTK_WIDGET (self->load_all_spinner), loading);
  gtk_spinner_set_spinning (self->load_all_spinner, loading);
  gtk_widget_set_visible (GTK_WIDGET (self->load_all_empty_spinner), loading);
  gtk_spinner_set_spinning (self->load_all_empty_spinner, loading);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "job-view.load-all-messages",
                                 !loading && self->job != NULL && self->client != NULL);
}

void
jd_job_view_show_messages_error (JdJobView  *self,
                     const char *message)
{
  if (message != NULL)
    gtk_label_set_text (self->messages_error_label, message);
  gtk_revealer_set_reveal_child (self->messages_error_revealer, message != NULL);
}

void
jd_job_view_cancel_loading_messages (JdJobView *self)
{
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  jd_job_view_set_loading_messages (self, FALSE);
}

static void
on_messages_loaded_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(JdJobView) self = user_data;
  g_autoptr(GListModel) messages = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  g_autofree char *toast = NULL;
  guint n;

  messages = jd_client_get_job_messages_finish (JD_CLIENT (source), result, &error);

  /* Another job, or the view went away. */
  if (jd_client_error_is_cancelled (error))
    return;

  g_clear_object (&self->load_cancellable);
  jd_job_view_set_loading_messages (self, FALSE);

  if (messages == NULL)
    {
      /* FORBIDDEN says that only Curators may, in words. */
      jd_job_view_show_messages_error (self, error->message);
      return;
    }

  n = g_list_model_get_n_items (messages);
  jd_job_set_messages (self->job, messages);
  g_set_object (&self->loaded_messages, messages);

  count = jd_job_view_format_count (n);
  toast = g_strdup_printf (ngettext ("%s message loaded", "%s messages loaded", n), count);
  jd_toast_show (GTK_WIDGET (self), toast);
}

/* ------------------------------------------------------------------ */
/* Actions                                                             */

static void
load_all_messages_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  JdJobView *self = JD_JOB_VIEW (widget);

  if (self->job == NULL || self->client == NULL || self->load_cancellable != NULL)
    return;

  jd_job_view_show_messages_error (self, NULL);
  self->load_cancellable = g_cancellable_new ();
  jd_job_view_set_loading_messages (self, TRUE);

  jd_client_get_job_messages_async (self->client,
                                    jd_job_summary_get_id (JD_JOB_SUMMARY (self->job)),
                                    self->load_cancellable,
                                    on_messages_loaded_cb,
                                    g_object_ref (self));
}

static void
dismiss_messages_error_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  jd_job_view_show_messages_error (JD_JOB_VIEW (widget), NULL);
}

static void
show_all_messages_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  JdJobView *self = JD_JOB_VIEW (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  jd_message_filter_model_set_search (self->message_filter, NULL);
  jd_message_filter_model_set_kind (self->message_filter, JD_MESSAGE_FILTER_ALL);
  jd_job_view_update_messages (self);
}

/* From the lead: the Messages tab, with only this severity (or all). */
static void
show_messages_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  JdJobView *self = JD_JOB_VIEW (widget);
  const char *kind = g_variant_get_string (parameter, NULL);
  JdMessageFilterKind filter = JD_MESSAGE_FILTER_ALL;

  if (g_str_equal (kind, "errors"))
    filter = JD_MESSAGE_FILTER_ERRORS;
  else if (g_str_equal (kind, "warnings"))
    filter = JD_MESSAGE_FILTER_WARNINGS;

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  jd_message_filter_model_set_search (self->message_filter, NULL);
  jd_message_filter_model_set_kind (self->message_filter, filter);
  jd_job_view_update_messages (self);
  adw_view_stack_set_visible_child_name (self->view_stack, "messages");
}

static void
search_messages_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  JdJobView *self = JD_JOB_VIEW (widget);

  if (self->job == NULL)
    return;

  /* Messages still on their way: the tab says so; there is nothing to
   * search yet. */
  if (jd_message_filter_model_get_n_total (self->message_filter) == 0)
    {
      if (self->messages_pending)
        adw_view_stack_set_visible_child_name (self->view_stack, "messages");
      return;
    }

  adw_view_stack_set_visible_child_name (self->view_stack, "messages");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* ------------------------------------------------------------------ */
/* Set-up                                                              */

void
jd_job_view_class_add_message_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_message_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_message_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_message_unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);

  gtk_widget_class_install_action (widget_class, "job-view.load-all-messages", NULL, load_all_messages_action);
  gtk_widget_class_install_action (widget_class, "job-view.dismiss-messages-error", NULL, dismiss_messages_error_action);
  gtk_widget_class_install_action (widget_class, "job-view.show-all-messages", NULL, show_all_messages_action);
  gtk_widget_class_install_action (widget_class, "job-view.show-messages", "s", show_messages_action);
  gtk_widget_class_install_action (widget_class, "job-view.search-messages", NULL, search_messages_action);
}

void
jd_job_view_init_messages (JdJobView *self)
{
  g_signal_connect_object (self->message_filter, "items-changed",
                           G_CALLBACK (on_messages_items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* a search of a big job, done on a worker thread */
  g_signal_connect_object (self->message_filter, "notify::busy",
                           G_CALLBACK (jd_job_view_update_messages), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->message_filter, "notify::kind",
                           G_CALLBACK (on_filter_kind_changed_cb), self,
                           G_CONNECT_SWAPPED);

  /* Typing in the message list goes to the search. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->messages_list));

  /* The flow box only places the filter and the search: its own children
   * are no stops for the keyboard. */
  gtk_widget_set_focusable (gtk_widget_get_parent (GTK_WIDGET (self->search_entry)), FALSE);
  gtk_widget_set_focusable (gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (self->all_toggle))), FALSE);
}
