/* jd-job-view.c: everything about one job.
 *
 * A compact summary (the ID, status and disposition badges, when it was
 * created, priority, worker tag, app ID, E2), then two tabs: the outputs,
 * and the messages with a severity filter and a search. Each list sits
 * in its own scrolled window, so a job with 100,000 messages only ever
 * has a screenful of rows.
 *
 * A job that ended in Error or Warning leads with what failed it, above
 * the tabs (jd-job-lead.c). The summary lives in
 * jd-job-view-header.c, the Messages tab in jd-job-view-messages.c, and
 * what is done with the job as a whole (export, cancel) in
 * jd-job-view-actions.c.
 */
#define G_LOG_DOMAIN "jd-job-view"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-accessible.h"
#include "jd-job-view-private.h"
#include "jd-list-pacer.h"
#include "jd-memory.h"
#include "jd-output-row.h"
#include "jd-toast.h"

enum {
  PROP_0,
  PROP_JOB,
  PROP_CLIENT,
  PROP_SETTINGS,
  N_PROPS
};

enum {
  REFRESH_REQUESTED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (JdJobView, jd_job_view, ADW_TYPE_BIN)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

void
jd_job_view_show_toast (JdJobView  *self,
                        const char *title)
{
  jd_toast_show (GTK_WIDGET (self), title);
}

/* ------------------------------------------------------------------ */
/* Outputs                                                             */

static void
update_outputs (JdJobView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->outputs_selection));
  g_autofree char *count = jd_job_view_format_count (n);
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  guint unreadable;

  /* Translators: a tab; %s is how many output files a job wrote */
  title = g_strdup_printf (_("Outputs (%s)"), count);
  adw_view_stack_page_set_title (self->outputs_page, title);

  summary = g_strdup_printf (ngettext ("%s file", "%s files", n), count);
  gtk_label_set_text (self->outputs_count_label, summary);

  /* A job that has not started has not had the chance to write. */
  adw_status_page_set_description (self->outputs_empty_page,
                                   jd_job_view_job_not_started (self->job)
                                   ? _("This job has not started yet.")
                                   : _("This job wrote no files the server keeps."));
  gtk_stack_set_visible_child_name (self->outputs_stack, n > 0 ? "list" : "empty");
  gtk_widget_set_visible (self->outputs_toolbar, n > 0);

  /* Never silently less than the Server sent. */
  unreadable = self->job != NULL ? jd_job_get_n_unreadable_outputs (self->job) : 0;
  if (unreadable > 0)
    {
      g_autofree char *n_text = jd_job_view_format_count (unreadable);
      g_autofree char *sentence = NULL;

      /* Translators: %s is a number of output files */
      sentence = g_strdup_printf (ngettext ("%s output could not be read.",
                                            "%s outputs could not be read.", unreadable),
                                  n_text);
      gtk_label_set_text (self->outputs_unreadable_label, sentence);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->outputs_unreadable_label), unreadable > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "job-view.copy-all-file-names", n > 0);
}

static void
on_outputs_items_changed_cb (JdJobView  *self,
                             guint       position,
                             guint       removed,
                             guint       added,
                             GListModel *model)
{
  update_outputs (self);
}

static void
on_output_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    JdJobView                *self)
{
  gtk_list_item_set_child (item, jd_output_row_new ());
  gtk_list_item_set_activatable (item, FALSE);
}

static void
on_output_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   JdJobView                *self)
{
  JdOutputRow *row = JD_OUTPUT_ROW (gtk_list_item_get_child (item));

  /* The job and client first: with them the row finds its download. */
  jd_output_row_set_job_id (row, self->job != NULL ? jd_job_summary_get_id (JD_JOB_SUMMARY (self->job)) : NULL);
  jd_output_row_set_client (row, self->client);
  jd_output_row_set_output (row, gtk_list_item_get_item (item));
}

/* ------------------------------------------------------------------ */
/* The job                                                             */

static void
on_job_notify_cb (JdJobView  *self,
                  GParamSpec *pspec,
                  JdJob      *job)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "messages"))
    {
      /* Other messages: the lead walks them anew. */
      jd_job_lead_update (self->lead, NULL, FALSE, NULL);
      jd_message_filter_model_set_model (self->message_filter, jd_job_get_messages (job));
      jd_job_view_update_messages (self);
    }
  else if (g_str_equal (name, "messages-included") || g_str_equal (name, "n-unreadable-messages"))
    jd_job_view_update_messages (self);
  else if (g_str_equal (name, "outputs"))
    gtk_no_selection_set_model (self->outputs_selection, jd_job_get_outputs (job));
  else if (g_str_equal (name, "n-unreadable-outputs"))
    update_outputs (self);
  else
    {
      jd_job_view_update_summary (self);
      jd_job_view_update_lead (self);
    }
}

/* ------------------------------------------------------------------ */
/* Actions                                                             */

static void
copy_text (JdJobView  *self,
           const char *text,
           const char *toast)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  jd_job_view_show_toast (self, toast);
}

static void
copy_job_id_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  JdJobView *self = JD_JOB_VIEW (widget);

  if (self->job != NULL)
    copy_text (self, jd_job_summary_get_id (JD_JOB_SUMMARY (self->job)), _("Job ID copied"));
}

static void
copy_app_id_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  JdJobView *self = JD_JOB_VIEW (widget);

  if (self->job != NULL && !jd_job_view_is_blank (jd_job_get_app_id (self->job)))
    copy_text (self, jd_job_get_app_id (self->job), _("App ID copied"));
}

static void
copy_all_file_names_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  jd_job_view_copy_all_file_names (JD_JOB_VIEW (widget));
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
jd_job_view_dispose (GObject *object)
{
  JdJobView *self = (JdJobView *)object;

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_handle_id (&self->created_timeout, g_source_remove);
  g_cancellable_cancel (self->workflow_cancellable);
  g_clear_object (&self->workflow_cancellable);
  g_clear_pointer (&self->workflow_name, g_free);
  jd_job_view_dispose_job_actions (self);

  if (self->settings != NULL)
    g_settings_unbind (self->message_filter, "kind");

  if (self->job_signals != NULL)
    g_signal_group_set_target (self->job_signals, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_JOB_VIEW);

  g_clear_object (&self->job_signals);
  g_clear_object (&self->job);
  g_clear_object (&self->loaded_messages);
  g_clear_object (&self->client);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (jd_job_view_parent_class)->dispose (object);
}

static void
jd_job_view_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  JdJobView *self = JD_JOB_VIEW (object);

  switch (prop_id)
    {
    case PROP_JOB:
      g_value_set_object (value, self->job);
      break;

    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_job_view_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  JdJobView *self = JD_JOB_VIEW (object);

  switch (prop_id)
    {
    case PROP_JOB:
      jd_job_view_set_job (self, g_value_get_object (value));
      break;

    case PROP_CLIENT:
      jd_job_view_set_client (self, g_value_get_object (value));
      break;

    case PROP_SETTINGS:
      jd_job_view_set_settings (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_job_view_class_init (JdJobViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_job_view_dispose;
  object_class->get_property = jd_job_view_get_property;
  object_class->set_property = jd_job_view_set_property;

  properties[PROP_JOB] =
    g_param_spec_object ("job", NULL, NULL,
                         JD_TYPE_JOB,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* the client of the job's Server: downloads and "Load All Messages" */
  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         JD_TYPE_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* the app's settings, which keep the message filter */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * JdJobView::refresh-requested:
   *
   * The job changed on the Server because of something done here (it
   * was cancelled, or removed from the queue): whoever shows it should
   * look it up again.
   */
  signals[REFRESH_REQUESTED] =
    g_signal_new ("refresh-requested",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  g_type_ensure (JD_TYPE_JOB_LEAD);
  g_type_ensure (JD_TYPE_MESSAGE_FILTER_MODEL);
  g_type_ensure (JD_TYPE_LIST_PACER);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jobdesk/JobDesk/jd-job-view.ui");
  /* a box of ours, not a "filler" read by its type name */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, id_label);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, status_badge);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, disposition_badge);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, created_label);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, priority_label);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, worker_tag_label);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, app_id_label);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, copy_app_id_button);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, e2_label);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, workflow_label);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, workflow_button);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, lead_page);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, lead);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, view_stack);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, outputs_page);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, messages_page);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, outputs_toolbar);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, outputs_count_label);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, outputs_stack);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, outputs_empty_page);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, outputs_list);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, outputs_selection);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, outputs_unreadable_label);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, messages_toolbar);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, all_toggle);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, errors_toggle);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, warnings_toggle);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, files_toggle);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, info_toggle);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, all_count);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, errors_count);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, warnings_count);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, files_count);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, info_count);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, messages_count_label);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, messages_note_label);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, load_all_button);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, load_all_spinner);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, load_all_empty_button);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, load_all_empty_spinner);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, messages_error_revealer);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, messages_error_label);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, messages_stack);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, messages_empty_page);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, messages_list);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, message_filter);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, cancel_job_squeezer);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, remove_job_squeezer);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, actions_button);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, action_error_revealer);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, action_error_label);

  gtk_widget_class_bind_template_callback (widget_class, on_output_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_output_bind_cb);

  gtk_widget_class_install_action (widget_class, "job-view.copy-job-id", NULL, copy_job_id_action);
  gtk_widget_class_install_action (widget_class, "job-view.copy-app-id", NULL, copy_app_id_action);
  gtk_widget_class_install_action (widget_class, "job-view.copy-all-file-names", NULL, copy_all_file_names_action);
  jd_job_view_class_add_message_actions (widget_class);
  jd_job_view_class_add_header_actions (widget_class);
  jd_job_view_class_add_job_actions (widget_class);

  /* Ctrl+F while the focus is in the job view. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "job-view.search-messages", NULL);
}

static void
jd_job_view_init (JdJobView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  jd_accessible_fix_mnemonic_buttons (GTK_WIDGET (self));

  self->job_signals = g_signal_group_new (JD_TYPE_JOB);
  g_signal_group_connect_swapped (self->job_signals, "notify",
                                  G_CALLBACK (on_job_notify_cb), self);

  g_signal_connect_object (self->outputs_selection, "items-changed",
                           G_CALLBACK (on_outputs_items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  jd_job_view_init_messages (self);

  {
    g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/jobdesk/JobDesk/jd-job-view-menu.ui");

    gtk_menu_button_set_menu_model (self->actions_button,
                                    G_MENU_MODEL (gtk_builder_get_object (builder, "actions_menu")));
  }

  jd_job_view_update_summary (self);
  update_outputs (self);
  jd_job_view_update_messages (self);
  jd_job_view_set_loading_messages (self, FALSE);
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */

GtkWidget *
jd_job_view_new (void)
{
  return g_object_new (JD_TYPE_JOB_VIEW, NULL);
}

JdJob *
jd_job_view_get_job (JdJobView *self)
{
  g_return_val_if_fail (JD_IS_JOB_VIEW (self), NULL);

  return self->job;
}

void
jd_job_view_set_job (JdJobView *self,
                     JdJob     *job)
{
  gboolean same_id;

  g_return_if_fail (JD_IS_JOB_VIEW (self));
  g_return_if_fail (job == NULL || JD_IS_JOB (job));

  if (self->job == job)
    return;

  /* A refresh brings the same job anew: keep the search then. */
  same_id = self->job != NULL && job != NULL &&
            g_strcmp0 (jd_job_summary_get_id (JD_JOB_SUMMARY (self->job)), jd_job_summary_get_id (JD_JOB_SUMMARY (job))) == 0;

  jd_job_view_cancel_loading_messages (self);
  jd_job_view_show_messages_error (self, NULL);
  /* Whoever sets a job with its messages still coming says so after. */
  self->messages_pending = FALSE;

  /* A job of many outputs leaves much memory behind when let go: give it
   * back (the message lists do the same for many messages). */
  if (self->job != NULL &&
      g_list_model_get_n_items (jd_job_get_outputs (self->job)) >= JD_MEMORY_BIG_LIST)
    jd_memory_trim_soon ();
  g_set_object (&self->job, job);
  g_clear_object (&self->loaded_messages);
  jd_job_lead_update (self->lead, NULL, FALSE, NULL);
  /* A new answer from the Server: what it says about the job is current. */
  self->acted = FALSE;
  if (!same_id)
    gtk_revealer_set_reveal_child (self->action_error_revealer, FALSE);
  g_signal_group_set_target (self->job_signals, job);

  if (!same_id)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      jd_message_filter_model_set_search (self->message_filter, NULL);
    }

  gtk_no_selection_set_model (self->outputs_selection, job != NULL ? jd_job_get_outputs (job) : NULL);
  jd_message_filter_model_set_model (self->message_filter, job != NULL ? jd_job_get_messages (job) : NULL);

  if (job != NULL && self->created_timeout == 0)
    self->created_timeout = g_timeout_add_seconds (60, jd_job_view_on_created_timeout, self);
  else if (job == NULL)
    g_clear_handle_id (&self->created_timeout, g_source_remove);

  jd_job_view_update_summary (self);
  jd_job_view_update_workflow (self);
  update_outputs (self);
  jd_job_view_update_messages (self);
  jd_job_view_set_loading_messages (self, FALSE);

  /* A new job opens on what matters most: what failed it, with the
   * outputs one click away; a good one on its outputs. A refresh of the
   * same job keeps the tab the user chose. */
  if (!same_id)
    adw_view_stack_set_visible_child_name (self->view_stack,
                                           jd_job_lead_wants (self->job) ? "lead" : "outputs");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOB]);
}

void
jd_job_view_set_messages_pending (JdJobView *self,
                                  gboolean   pending)
{
  g_return_if_fail (JD_IS_JOB_VIEW (self));

  pending = !!pending;
  if (self->messages_pending == pending)
    return;

  self->messages_pending = pending;
  jd_job_view_update_messages (self);
}

gboolean
jd_job_view_get_messages_pending (JdJobView *self)
{
  g_return_val_if_fail (JD_IS_JOB_VIEW (self), FALSE);

  return self->messages_pending;
}

void
jd_job_view_messages_failed (JdJobView  *self,
                             const char *sentence)
{
  g_return_if_fail (JD_IS_JOB_VIEW (self));
  g_return_if_fail (sentence != NULL);

  self->messages_pending = FALSE;
  jd_job_view_show_messages_error (self, sentence);
  jd_job_view_update_messages (self);
}

JdClient *
jd_job_view_get_client (JdJobView *self)
{
  g_return_val_if_fail (JD_IS_JOB_VIEW (self), NULL);

  return self->client;
}

void
jd_job_view_set_client (JdJobView *self,
                        JdClient  *client)
{
  g_return_if_fail (JD_IS_JOB_VIEW (self));
  g_return_if_fail (client == NULL || JD_IS_CLIENT (client));

  if (!g_set_object (&self->client, client))
    return;

  /* An answer from the old Server does not belong here. */
  jd_job_view_cancel_loading_messages (self);
  jd_job_view_update_job_actions (self);
  jd_job_view_update_workflow (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

GSettings *
jd_job_view_get_settings (JdJobView *self)
{
  g_return_val_if_fail (JD_IS_JOB_VIEW (self), NULL);

  return self->settings;
}

void
jd_job_view_set_settings (JdJobView *self,
                          GSettings *settings)
{
  g_return_if_fail (JD_IS_JOB_VIEW (self));
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));

  if (self->settings == settings)
    return;

  if (self->settings != NULL)
    g_settings_unbind (self->message_filter, "kind");

  g_set_object (&self->settings, settings);

  /* The enum nicks match the key's, so the key binds as it is. */
  if (settings != NULL)
    g_settings_bind (settings, "message-filter",
                     self->message_filter, "kind",
                     G_SETTINGS_BIND_DEFAULT);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SETTINGS]);
}

gboolean
jd_job_view_copy_all_file_names (JdJobView *self)
{
  g_autoptr(GString) names = NULL;
  g_autofree char *toast = NULL;
  GListModel *outputs;
  guint n_copied = 0;
  guint n;

  g_return_val_if_fail (JD_IS_JOB_VIEW (self), FALSE);

  outputs = G_LIST_MODEL (self->outputs_selection);
  n = g_list_model_get_n_items (outputs);
  names = g_string_new (NULL);

  /* In the order of the list, one per line. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JdJobOutput) output = g_list_model_get_item (outputs, i);
      const char *file_name = jd_job_output_get_file_name (output);

      if (file_name == NULL)
        continue;

      if (n_copied > 0)
        g_string_append_c (names, '\n');
      g_string_append (names, file_name);
      n_copied++;
    }

  if (n_copied == 0)
    return FALSE;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), names->str);

  /* Translators: a toast; %u is how many file names were copied */
  toast = g_strdup_printf (ngettext ("%u file name copied", "%u file names copied", n_copied), n_copied);
  jd_job_view_show_toast (self, toast);

  return TRUE;
}

void
jd_job_view_emit_refresh_requested (JdJobView *self)
{
  g_return_if_fail (JD_IS_JOB_VIEW (self));

  g_signal_emit (self, signals[REFRESH_REQUESTED], 0);
}
