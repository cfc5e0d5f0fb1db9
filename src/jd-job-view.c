/* jd-job-view.c: everything about one job.
 *
 * A compact summary (the ID, status and disposition badges, when it was
 * created, priority, worker tag, app ID, E2), then two tabs: the outputs,
 * and the messages with a severity filter and a search. Each list sits
 * in its own scrolled window, so a job with 100,000 messages only ever
 * has a screenful of rows.
 *
 * "Completed" says nothing about success, so the disposition badge is the
 * one that carries colour: green, orange, red.
 *
 * What is done with the job as a whole (export, cancel) lives in
 * jd-job-view-actions.c.
 */
#define G_LOG_DOMAIN "jd-job-view"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-accessible.h"
#include "jd-job-view-private.h"
#include "jd-list-pacer.h"
#include "jd-message-row.h"
#include "jd-output-row.h"
#include "jd-time-format.h"
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

/* With the locale's digit grouping: "5,000" in English. */
static char *
format_count (guint count)
{
  return g_strdup_printf ("%'u", count);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (; *text != '\0'; text++)
    {
      if (!g_ascii_isspace (*text))
        return FALSE;
    }

  return TRUE;
}

static gboolean
job_not_started (JdJob *job)
{
  JdJobState state = job != NULL ? jd_job_get_state (job) : JD_JOB_STATE_UNKNOWN;

  return state == JD_JOB_STATE_QUEUED || state == JD_JOB_STATE_CREATED;
}

/* A value, or "Not given" dimmed when the Server left it out. */
static void
set_value (GtkLabel   *label,
           const char *value)
{
  if (value != NULL)
    {
      gtk_label_set_text (label, value);
      gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
    }
  else
    {
      gtk_label_set_text (label, _("Not given"));
      gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
    }
}

static void
set_badge (GtkLabel   *badge,
           const char *text,
           const char *style)
{
  static const char *const styles[] = { "success", "accent", "warning", "error", "neutral", "grey", "dim" };

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      if (g_str_equal (styles[i], style))
        gtk_widget_add_css_class (GTK_WIDGET (badge), styles[i]);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (badge), styles[i]);
    }

  gtk_label_set_text (badge, text);
}

/* ------------------------------------------------------------------ */
/* Times                                                               */

/* The app's one formatter (jd-time-format.c) writes them. */
char *
jd_job_view_format_relative (GDateTime *time,
                             GDateTime *now)
{
  return jd_time_format_relative (time, now);
}

char *
jd_job_view_format_created (GDateTime *created,
                            GDateTime *now)
{
  return jd_time_format_with_relative (created, JD_TIME_STYLE_LONG, now);
}

/* ------------------------------------------------------------------ */
/* Summary                                                             */

static void
update_status (JdJobView *self)
{
  const char *raw = jd_job_get_status (self->job);

  if (is_blank (raw))
    {
      set_badge (self->status_badge, _("Not given"), "dim");
      return;
    }

  switch (jd_job_get_state (self->job))
    {
    case JD_JOB_STATE_CREATED:
      set_badge (self->status_badge, _("Created"), "dim");
      break;
    case JD_JOB_STATE_QUEUED:
      set_badge (self->status_badge, _("Queued"), "dim");
      break;
    case JD_JOB_STATE_INITIALIZING:
      set_badge (self->status_badge, _("Initializing"), "accent");
      break;
    case JD_JOB_STATE_RUNNING:
      set_badge (self->status_badge, _("Running"), "accent");
      break;
    case JD_JOB_STATE_COMPLETED:
      set_badge (self->status_badge, _("Completed"), "neutral");
      break;
    case JD_JOB_STATE_CANCELLED:
      set_badge (self->status_badge, _("Cancelled"), "grey");
      break;
    case JD_JOB_STATE_ERROR:
      set_badge (self->status_badge, _("Error"), "error");
      break;
    case JD_JOB_STATE_UNKNOWN:
    default:
      /* An open set: show what the Server said. */
      set_badge (self->status_badge, raw, "neutral");
      break;
    }
}

static void
update_disposition (JdJobView *self)
{
  const char *raw = jd_job_get_disposition (self->job);

  if (is_blank (raw))
    {
      set_badge (self->disposition_badge, _("Not given"), "dim");
      return;
    }

  switch (jd_job_get_disposition_kind (self->job))
    {
    case JD_DISPOSITION_SUCCESS:
      set_badge (self->disposition_badge, _("Success"), "success");
      break;
    case JD_DISPOSITION_WARNING:
      set_badge (self->disposition_badge, _("Warning"), "warning");
      break;
    case JD_DISPOSITION_ERROR:
      set_badge (self->disposition_badge, _("Error"), "error");
      break;
    case JD_DISPOSITION_CANCELLED:
      set_badge (self->disposition_badge, _("Cancelled"), "grey");
      break;
    case JD_DISPOSITION_NONE:
      set_badge (self->disposition_badge, _("None"), "dim");
      break;
    case JD_DISPOSITION_UNKNOWN:
    default:
      set_badge (self->disposition_badge, raw, "neutral");
      break;
    }
}

static const char *
describe_priority (const char *priority)
{
  static const struct { const char *value; const char *words; } known[] = {
    { "Default",  N_("Default") },
    { "Low",      N_("Low") },
    { "Medium",   N_("Medium") },
    { "High",     N_("High") },
    { "Critical", N_("Critical") },
  };
  g_autofree char *trimmed = NULL;

  if (is_blank (priority))
    return NULL;

  trimmed = g_strstrip (g_strdup (priority));
  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    {
      if (g_ascii_strcasecmp (trimmed, known[i].value) == 0)
        return _(known[i].words);
    }

  /* An open set: show what the Server said. */
  return priority;
}

static void
update_created (JdJobView *self)
{
  GDateTime *created = self->job != NULL ? jd_job_get_created (self->job) : NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *text = NULL;
  g_autofree char *iso = NULL;

  if (created == NULL)
    {
      set_value (self->created_label, NULL);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->created_label), NULL);
      return;
    }

  now = g_date_time_new_now_utc ();
  text = jd_job_view_format_created (created, now);
  iso = g_date_time_format_iso8601 (created);
  set_value (self->created_label, text);
  /* As the Server gave it, for comparing with its logs. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->created_label), iso);
}

static gboolean
on_created_timeout_cb (gpointer user_data)
{
  JdJobView *self = user_data;

  /* "5 minutes ago" grows old while the window stays open. */
  update_created (self);
  return G_SOURCE_CONTINUE;
}

static void
update_summary (JdJobView *self)
{
  const char *app_id;
  const char *worker_tag;
  const char *e2 = NULL;

  if (self->job == NULL)
    {
      gtk_label_set_text (self->id_label, "");
      set_badge (self->status_badge, "", "dim");
      set_badge (self->disposition_badge, "", "dim");
      gtk_label_set_text (self->created_label, "");
      gtk_label_set_text (self->priority_label, "");
      gtk_label_set_text (self->worker_tag_label, "");
      gtk_label_set_text (self->app_id_label, "");
      gtk_label_set_text (self->e2_label, "");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "job-view.copy-job-id", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "job-view.copy-app-id", FALSE);
      jd_job_view_update_job_actions (self);
      return;
    }

  gtk_label_set_text (self->id_label, jd_job_get_id (self->job));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->id_label), jd_job_get_id (self->job));
  update_status (self);
  update_disposition (self);
  update_created (self);

  set_value (self->priority_label, describe_priority (jd_job_get_priority (self->job)));

  worker_tag = jd_job_get_worker_tag (self->job);
  set_value (self->worker_tag_label,
             worker_tag == NULL ? NULL : is_blank (worker_tag) ? _("None") : worker_tag);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->worker_tag_label),
                               is_blank (worker_tag) ? NULL : worker_tag);

  app_id = jd_job_get_app_id (self->job);
  set_value (self->app_id_label, is_blank (app_id) ? NULL : app_id);
  gtk_widget_set_visible (self->copy_app_id_button, !is_blank (app_id));

  if (jd_job_get_has_run_with_e2 (self->job))
    e2 = jd_job_get_run_with_e2 (self->job) ? _("Yes") : _("No");
  set_value (self->e2_label, e2);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "job-view.copy-job-id", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "job-view.copy-app-id", !is_blank (app_id));
  /* Cancelling follows the status. */
  jd_job_view_update_job_actions (self);
}

/* ------------------------------------------------------------------ */
/* Outputs                                                             */

static void
update_outputs (JdJobView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->outputs_selection));
  g_autofree char *count = format_count (n);
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;

  /* Translators: a tab; %s is how many output files a job wrote */
  title = g_strdup_printf (_("Outputs (%s)"), count);
  adw_view_stack_page_set_title (self->outputs_page, title);

  summary = g_strdup_printf (ngettext ("%s file", "%s files", n), count);
  gtk_label_set_text (self->outputs_count_label, summary);

  /* A job that has not started has not had the chance to write. */
  adw_status_page_set_description (self->outputs_empty_page,
                                   job_not_started (self->job)
                                   ? _("This job has not started yet.")
                                   : _("This job wrote no files the server keeps."));
  gtk_stack_set_visible_child_name (self->outputs_stack, n > 0 ? "list" : "empty");
  gtk_widget_set_visible (self->outputs_toolbar, n > 0);
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
  jd_output_row_set_job_id (row, self->job != NULL ? jd_job_get_id (self->job) : NULL);
  jd_output_row_set_client (row, self->client);
  jd_output_row_set_output (row, gtk_list_item_get_item (item));
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
  g_autofree char *text = format_count (count);
  g_autofree char *accessible = NULL;

  gtk_label_set_text (count_label, text);

  /* Translators: a filter button, as in "Errors: 12 messages" */
  accessible = g_strdup_printf (ngettext ("%s: %s message", "%s: %s messages", count),
                                _(names[kind]), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (get_filter_toggle (self, kind)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
update_messages (JdJobView *self)
{
  JdMessageFilterModel *filter = self->message_filter;
  guint total = jd_message_filter_model_get_n_total (filter);
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (filter));
  gboolean included = self->job != NULL && jd_job_get_messages_included (self->job);
  g_autofree char *total_text = format_count (total);
  g_autofree char *shown_text = format_count (shown);
  g_autofree char *title = NULL;
  g_autofree char *count = NULL;

  /* Translators: a tab; %s is how many messages a job has */
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

  if (jd_message_filter_model_is_filtering (filter))
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

  if (total == 0)
    {
      if (job_not_started (self->job))
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
}

static void
on_messages_items_changed_cb (JdJobView  *self,
                              guint       position,
                              guint       removed,
                              guint       added,
                              GListModel *model)
{
  update_messages (self);
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
  update_messages (self);
}

static void
on_search_changed_cb (JdJobView      *self,
                      GtkSearchEntry *entry)
{
  jd_message_filter_model_set_search (self->message_filter,
                                      gtk_editable_get_text (GTK_EDITABLE (entry)));
  update_messages (self);
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

static void
set_loading_messages (JdJobView *self,
                      gboolean   loading)
{
  gtk_widget_set_visible (GTK_WIDGET (self->load_all_spinner), loading);
  gtk_spinner_set_spinning (self->load_all_spinner, loading);
  gtk_widget_set_visible (GTK_WIDGET (self->load_all_empty_spinner), loading);
  gtk_spinner_set_spinning (self->load_all_empty_spinner, loading);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "job-view.load-all-messages",
                                 !loading && self->job != NULL && self->client != NULL);
}

static void
show_messages_error (JdJobView  *self,
                     const char *message)
{
  if (message != NULL)
    gtk_label_set_text (self->messages_error_label, message);
  gtk_revealer_set_reveal_child (self->messages_error_revealer, message != NULL);
}

static void
cancel_loading_messages (JdJobView *self)
{
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  set_loading_messages (self, FALSE);
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
  set_loading_messages (self, FALSE);

  if (messages == NULL)
    {
      /* FORBIDDEN says that only Curators may, in words. */
      show_messages_error (self, error->message);
      return;
    }

  n = g_list_model_get_n_items (messages);
  jd_job_set_messages (self->job, messages);
  g_set_object (&self->loaded_messages, messages);

  count = format_count (n);
  toast = g_strdup_printf (ngettext ("%s message loaded", "%s messages loaded", n), count);
  jd_job_view_show_toast (self, toast);
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
      jd_message_filter_model_set_model (self->message_filter, jd_job_get_messages (job));
      update_messages (self);
    }
  else if (g_str_equal (name, "messages-included"))
    update_messages (self);
  else if (g_str_equal (name, "outputs"))
    gtk_no_selection_set_model (self->outputs_selection, jd_job_get_outputs (job));
  else
    update_summary (self);
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
    copy_text (self, jd_job_get_id (self->job), _("Job ID copied"));
}

static void
copy_app_id_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  JdJobView *self = JD_JOB_VIEW (widget);

  if (self->job != NULL && !is_blank (jd_job_get_app_id (self->job)))
    copy_text (self, jd_job_get_app_id (self->job), _("App ID copied"));
}

static void
copy_all_file_names_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  jd_job_view_copy_all_file_names (JD_JOB_VIEW (widget));
}

static void
load_all_messages_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  JdJobView *self = JD_JOB_VIEW (widget);

  if (self->job == NULL || self->client == NULL || self->load_cancellable != NULL)
    return;

  show_messages_error (self, NULL);
  self->load_cancellable = g_cancellable_new ();
  set_loading_messages (self, TRUE);

  jd_client_get_job_messages_async (self->client,
                                    jd_job_get_id (self->job),
                                    self->load_cancellable,
                                    on_messages_loaded_cb,
                                    g_object_ref (self));
}

static void
dismiss_messages_error_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  show_messages_error (JD_JOB_VIEW (widget), NULL);
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
  update_messages (self);
}

static void
search_messages_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  JdJobView *self = JD_JOB_VIEW (widget);

  if (self->job == NULL || jd_message_filter_model_get_n_total (self->message_filter) == 0)
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, "messages");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
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

  g_type_ensure (JD_TYPE_MESSAGE_FILTER_MODEL);
  g_type_ensure (JD_TYPE_LIST_PACER);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/jobdesk/JobDesk/jd-job-view.ui");
  gtk_widget_class_bind_template_child (widget_class, JdJobView, id_label);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, status_badge);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, disposition_badge);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, created_label);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, priority_label);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, worker_tag_label);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, app_id_label);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, copy_app_id_button);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, e2_label);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, view_stack);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, outputs_page);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, messages_page);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, outputs_toolbar);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, outputs_count_label);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, outputs_stack);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, outputs_empty_page);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, outputs_list);
  gtk_widget_class_bind_template_child (widget_class, JdJobView, outputs_selection);
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
  gtk_widget_class_bind_template_callback (widget_class, on_message_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_message_bind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_message_unbind_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);

  gtk_widget_class_install_action (widget_class, "job-view.copy-job-id", NULL, copy_job_id_action);
  gtk_widget_class_install_action (widget_class, "job-view.copy-app-id", NULL, copy_app_id_action);
  gtk_widget_class_install_action (widget_class, "job-view.copy-all-file-names", NULL, copy_all_file_names_action);
  gtk_widget_class_install_action (widget_class, "job-view.load-all-messages", NULL, load_all_messages_action);
  gtk_widget_class_install_action (widget_class, "job-view.dismiss-messages-error", NULL, dismiss_messages_error_action);
  gtk_widget_class_install_action (widget_class, "job-view.show-all-messages", NULL, show_all_messages_action);
  gtk_widget_class_install_action (widget_class, "job-view.search-messages", NULL, search_messages_action);
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
  g_signal_connect_object (self->message_filter, "items-changed",
                           G_CALLBACK (on_messages_items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->message_filter, "notify::kind",
                           G_CALLBACK (on_filter_kind_changed_cb), self,
                           G_CONNECT_SWAPPED);

  /* Typing in the message list goes to the search. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->messages_list));

  update_summary (self);
  update_outputs (self);
  update_messages (self);
  set_loading_messages (self, FALSE);
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
            g_strcmp0 (jd_job_get_id (self->job), jd_job_get_id (job)) == 0;

  cancel_loading_messages (self);
  show_messages_error (self, NULL);

  g_set_object (&self->job, job);
  g_clear_object (&self->loaded_messages);
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
    self->created_timeout = g_timeout_add_seconds (60, on_created_timeout_cb, self);
  else if (job == NULL)
    g_clear_handle_id (&self->created_timeout, g_source_remove);

  update_summary (self);
  update_outputs (self);
  update_messages (self);
  set_loading_messages (self, FALSE);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_JOB]);
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
  cancel_loading_messages (self);
  jd_job_view_update_job_actions (self);
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
