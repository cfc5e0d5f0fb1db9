/* jd-job-view-actions.c: what the job view does with the job as a whole.
 *
 * The menu in the summary ("Job actions") copies the Server's JSON,
 * saves the messages as CSV and copies a curl command for the lookup; a
 * running job can be cancelled and a queued one removed from the queue,
 * each after a confirmation, from the menu or from the button beside it.
 * After a cancel the view asks to be refreshed, since only the Server
 * knows how the job stands now.
 */
#define G_LOG_DOMAIN "jd-job-view"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-accessible.h"
#include "jd-job-export.h"
#include "jd-message-list.h"
#include "jd-job-view-private.h"

/* The response IDs of the confirmation. */
#define RESPONSE_KEEP "keep"
#define RESPONSE_CANCEL_JOB "cancel-job"

/* ------------------------------------------------------------------ */
/* Which actions apply                                                 */

static gboolean
job_is_running (JdJob *job)
{
  JdJobState state = job != NULL ? jd_job_summary_get_state (JD_JOB_SUMMARY (job)) : JD_JOB_STATE_UNKNOWN;

  return state == JD_JOB_STATE_RUNNING || state == JD_JOB_STATE_INITIALIZING;
}

static gboolean
job_is_waiting (JdJob *job)
{
  JdJobState state = job != NULL ? jd_job_summary_get_state (JD_JOB_SUMMARY (job)) : JD_JOB_STATE_UNKNOWN;

  return state == JD_JOB_STATE_QUEUED || state == JD_JOB_STATE_CREATED;
}

void
jd_job_view_update_job_actions (JdJobView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  JdJob *job = self->job;
  gboolean has_job = job != NULL;
  /* Once cancelled, the job shown is out of date until the refresh. */
  gboolean can_act = has_job && self->client != NULL && self->deleting_id == NULL && !self->acted;
  guint n_messages = 0;

  if (has_job && jd_job_get_messages (job) != NULL)
    n_messages = g_list_model_get_n_items (jd_job_get_messages (job));

  /* Status first: the answer shown lacks the messages until the full one
   * comes, and a copy of it would too. */
  gtk_widget_action_set_enabled (widget, "job-view.copy-json",
                                 has_job && jd_job_get_raw_json (job) != NULL && !self->copying_json &&
                                 !self->messages_pending);
  gtk_widget_action_set_enabled (widget, "job-view.save-messages-csv",
                                 n_messages > 0 && !self->saving_csv && self->csv_chooser == NULL);
  gtk_widget_action_set_enabled (widget, "job-view.copy-curl", has_job && self->client != NULL);
  gtk_widget_action_set_enabled (widget, "job-view.cancel-job", can_act && job_is_running (job));
  gtk_widget_action_set_enabled (widget, "job-view.remove-job", can_act && job_is_waiting (job));

  /* The button shows what applies, and stays while the request runs. */
  gtk_widget_set_visible (self->cancel_job_squeezer, job_is_running (job) && self->client != NULL && !self->acted);
  gtk_widget_set_visible (self->remove_job_squeezer, job_is_waiting (job) && self->client != NULL && !self->acted);
  gtk_widget_set_visible (GTK_WIDGET (self->actions_button), has_job);
}

static void
show_action_error (JdJobView  *self,
                   const char *message)
{
  if (message != NULL)
    gtk_label_set_text (self->action_error_label, message);
  gtk_revealer_set_reveal_child (self->action_error_revealer, message != NULL);
}

/* ------------------------------------------------------------------ */
/* Copy as JSON                                                        */

static void
on_pretty_json_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(JdJobView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  text = jd_job_export_pretty_json_finish (result, &error);

  /* The view went away meanwhile. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->copying_json = FALSE;
  jd_job_view_update_job_actions (self);

  if (text == NULL)
    {
      jd_job_view_show_toast (self, error->message);
      return;
    }

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  jd_job_view_show_toast (self, _("Job copied as JSON"));
}

static void
copy_json_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  JdJobView *self = JD_JOB_VIEW (widget);
  GListModel *loaded = NULL;
  GBytes *json;

  if (self->job == NULL || self->copying_json || (json = jd_job_get_raw_json (self->job)) == NULL)
    return;

  /* The Server's own JSON, every field of it, as it came; only the
   * layout is ours. Messages loaded since replace the ones it held, so
   * the copy has what the list shows. Re-indenting 11 MB takes a
   * moment: not here. */
  if (self->loaded_messages != NULL && self->loaded_messages == jd_job_get_messages (self->job) &&
      JD_IS_MESSAGE_LIST (self->loaded_messages))
    loaded = self->loaded_messages;
  /* A job larger than Job Desk reads: the status answer, with the first
   * messages the list shows. */
  else if (jd_job_view_messages_cut_off (self))
    loaded = jd_job_get_messages (self->job);
  self->copying_json = TRUE;
  jd_job_view_update_job_actions (self);
  if (self->export_cancellable == NULL)
    self->export_cancellable = g_cancellable_new ();
  jd_job_export_pretty_json_async (json, loaded, self->export_cancellable,
                                   on_pretty_json_cb, g_object_ref (self));
}

/* ------------------------------------------------------------------ */
/* Save Messages as CSV                                                */

static void
on_csv_saved_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(JdJobView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;
  g_autofree char *count = NULL;
  gint64 written;

  written = jd_job_export_save_messages_csv_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->saving_csv = FALSE;
  jd_job_view_update_job_actions (self);

  if (written < 0)
    {
      /* Translators: %s is why, as the system says it */
      toast = g_strdup_printf (_("The messages could not be saved: %s. Choose another place and try again."),
                               error->message);
      jd_job_view_show_toast (self, toast);
      return;
    }

  count = g_strdup_printf ("%'" G_GINT64_FORMAT, written);
  /* Translators: a toast; %s is how many messages were written to a file */
  toast = g_strdup_printf (ngettext ("Saved %s message", "Saved %s messages", (gulong) written), count);
  jd_job_view_show_toast (self, toast);
}

void
jd_job_view_save_messages_csv_to (JdJobView *self,
                                  GFile     *file)
{
  GListModel *messages;

  g_return_if_fail (JD_IS_JOB_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->job == NULL || self->saving_csv)
    return;

  /* Every message, whatever the filter shows: a file called "the job's
   * messages" that lacked some would mislead whoever opens it later,
   * and a spreadsheet filters as well as we do. */
  messages = jd_job_get_messages (self->job);
  self->saving_csv = TRUE;
  jd_job_view_update_job_actions (self);
  if (self->export_cancellable == NULL)
    self->export_cancellable = g_cancellable_new ();
  jd_job_export_save_messages_csv_async (messages, file, self->export_cancellable,
                                         on_csv_saved_cb, g_object_ref (self));
}

static void
on_csv_chooser_response_cb (JdJobView            *self,
                            int                   response,
                            GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&self->csv_chooser);
  jd_job_view_update_job_actions (self);

  if (file != NULL)
    jd_job_view_save_messages_csv_to (self, file);
}

static void
save_messages_csv_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  JdJobView *self = JD_JOB_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *suggestion = NULL;

  if (self->job == NULL || self->saving_csv || self->csv_chooser != NULL)
    return;

  self->csv_chooser = gtk_file_chooser_native_new (_("Save Messages as CSV"),
                                                   GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                   GTK_FILE_CHOOSER_ACTION_SAVE,
                                                   _("_Save"),
                                                   _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->csv_chooser), TRUE);

  suggestion = jd_job_export_suggest_csv_name (jd_job_summary_get_id (JD_JOB_SUMMARY (self->job)));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->csv_chooser), suggestion);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("CSV Files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->csv_chooser), filter);

  g_signal_connect_object (self->csv_chooser, "response",
                           G_CALLBACK (on_csv_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  jd_job_view_update_job_actions (self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->csv_chooser));
}

/* ------------------------------------------------------------------ */
/* Copy curl Command                                                   */

static void
copy_curl_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  JdJobView *self = JD_JOB_VIEW (widget);
  g_autofree char *command = NULL;

  if (self->job == NULL || self->client == NULL)
    return;

  /* A placeholder where the token goes: the command lands in shell
   * histories, tickets and chats, and a real token would open the
   * Server to whoever reads it for an hour. */
  command = jd_job_export_curl_command (jd_client_get_base_url (self->client),
                                        jd_job_summary_get_id (JD_JOB_SUMMARY (self->job)));
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), command);
  jd_job_view_show_toast (self, _("curl command copied — replace YOUR_TOKEN with an access token"));
}

/* ------------------------------------------------------------------ */
/* Cancel, or remove from the queue                                    */

/* What the answer needs to know: the job may have moved on meanwhile,
 * and the toast says which of the two it was. */
typedef struct
{
  JdJobView *self;
  gboolean   removing;
} DeleteRequest;

static void
delete_request_free (DeleteRequest *request)
{
  g_object_unref (request->self);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeleteRequest, delete_request_free)

static void
on_job_deleted_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(DeleteRequest) request = user_data;
  JdJobView *self = request->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  jd_client_delete_job_finish (JD_CLIENT (source), result, &error);

  /* The view went away: nobody to tell. */
  if (jd_client_error_is_cancelled (error))
    return;

  id = g_steal_pointer (&self->deleting_id);
  g_clear_object (&self->delete_cancellable);

  if (error != NULL)
    {
      /* "You may not cancel this job: only its owner or a Curator can."
       * is too long for a toast, and worth reading twice. */
      show_action_error (self, error->message);
      jd_job_view_update_job_actions (self);
      return;
    }

  show_action_error (self, NULL);
  jd_job_view_show_toast (self, request->removing ? _("Job removed from the queue") : _("Job cancelled"));

  /* Only the Server knows how the job stands now; until the refresh
   * brings that, the job shown is out of date. */
  if (self->job != NULL && g_strcmp0 (jd_job_summary_get_id (JD_JOB_SUMMARY (self->job)), id) == 0)
    {
      self->acted = TRUE;
      jd_job_view_update_job_actions (self);
      jd_job_view_emit_refresh_requested (self);
    }
  else
    jd_job_view_update_job_actions (self);
}

static void
delete_job (JdJobView  *self,
            const char *job_id,
            gboolean    removing)
{
  DeleteRequest *request;

  if (self->client == NULL || self->deleting_id != NULL)
    return;

  show_action_error (self, NULL);
  self->deleting_id = g_strdup (job_id);
  self->delete_cancellable = g_cancellable_new ();
  jd_job_view_update_job_actions (self);

  request = g_new0 (DeleteRequest, 1);
  request->self = g_object_ref (self);
  request->removing = removing;
  jd_client_delete_job_async (self->client, job_id, self->delete_cancellable,
                              on_job_deleted_cb, request);
}

static void
on_confirm_response_cb (JdJobView        *self,
                        const char       *response,
                        AdwMessageDialog *dialog)
{
  g_autofree char *job_id = g_strdup (g_object_get_data (G_OBJECT (dialog), "jd-job-id"));
  gboolean removing = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "jd-removing"));

  if (self->confirm_dialog == dialog)
    g_clear_weak_pointer (&self->confirm_dialog);

  if (g_strcmp0 (response, RESPONSE_CANCEL_JOB) != 0 || job_id == NULL)
    return;

  delete_job (self, job_id, removing);
}

static void
confirm (JdJobView *self,
         gboolean   removing)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *job_id;
  GtkWidget *dialog;

  if (self->job == NULL || self->confirm_dialog != NULL)
    return;

  job_id = jd_job_summary_get_id (JD_JOB_SUMMARY (self->job));

  if (removing)
    {
      dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       _("Remove This Job From the Queue?"), NULL);
      /* Translators: %s is a job ID */
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("Job %s will not run, and the server will no longer know it."),
                                      job_id);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        RESPONSE_KEEP, _("_Keep in Queue"),
                                        RESPONSE_CANCEL_JOB, _("_Remove From Queue"),
                                        NULL);
    }
  else
    {
      dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       _("Cancel This Job?"), NULL);
      /* Translators: %s is a job ID */
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("Job %s will stop where it is now. Outputs it has not finished writing may be missing or incomplete."),
                                      job_id);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        RESPONSE_KEEP, _("_Keep Running"),
                                        RESPONSE_CANCEL_JOB, _("_Cancel Job"),
                                        NULL);
    }

  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), RESPONSE_CANCEL_JOB,
                                              ADW_RESPONSE_DESTRUCTIVE);
  /* Enter and Escape both keep the job: stopping it takes a click. */
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), RESPONSE_KEEP);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), RESPONSE_KEEP);
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);

  /* The dialog acts on the job it names, even if the view moves on. */
  g_object_set_data_full (G_OBJECT (dialog), "jd-job-id", g_strdup (job_id), g_free);
  g_object_set_data (G_OBJECT (dialog), "jd-removing", GINT_TO_POINTER (removing));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_confirm_response_cb), self,
                           G_CONNECT_SWAPPED);

  g_set_weak_pointer (&self->confirm_dialog, ADW_MESSAGE_DIALOG (dialog));
  jd_accessible_fix_mnemonic_buttons (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
cancel_job_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  confirm (JD_JOB_VIEW (widget), FALSE);
}

static void
remove_job_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  confirm (JD_JOB_VIEW (widget), TRUE);
}

static void
dismiss_action_error_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  show_action_error (JD_JOB_VIEW (widget), NULL);
}

/* ------------------------------------------------------------------ */
/* Setting up and tearing down                                         */

void
jd_job_view_class_add_job_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "job-view.copy-json", NULL, copy_json_action);
  gtk_widget_class_install_action (widget_class, "job-view.save-messages-csv", NULL, save_messages_csv_action);
  gtk_widget_class_install_action (widget_class, "job-view.copy-curl", NULL, copy_curl_action);
  gtk_widget_class_install_action (widget_class, "job-view.cancel-job", NULL, cancel_job_action);
  gtk_widget_class_install_action (widget_class, "job-view.remove-job", NULL, remove_job_action);
  gtk_widget_class_install_action (widget_class, "job-view.dismiss-action-error", NULL, dismiss_action_error_action);
}

void
jd_job_view_dispose_job_actions (JdJobView *self)
{
  /* Copies and saves under way stop here; a DELETE already sent has
   * reached the Server or not, and cancelling only stops our waiting. */
  g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);
  g_cancellable_cancel (self->delete_cancellable);
  g_clear_object (&self->delete_cancellable);
  g_clear_pointer (&self->deleting_id, g_free);

  if (self->confirm_dialog != NULL)
    {
      AdwMessageDialog *dialog = self->confirm_dialog;

      g_clear_weak_pointer (&self->confirm_dialog);
      g_signal_handlers_disconnect_by_data (dialog, self);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }

  if (self->csv_chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->csv_chooser));
      g_clear_object (&self->csv_chooser);
    }
}

AdwMessageDialog *
jd_job_view_get_confirm_dialog (JdJobView *self)
{
  g_return_val_if_fail (JD_IS_JOB_VIEW (self), NULL);

  return self->confirm_dialog;
}

GtkFileChooserNative *
jd_job_view_get_csv_chooser (JdJobView *self)
{
  g_return_val_if_fail (JD_IS_JOB_VIEW (self), NULL);

  return self->csv_chooser;
}
