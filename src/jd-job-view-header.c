/* jd-job-view-header.c: the job view's summary: the ID, the status and
 * disposition badges, when the job was created, its priority, worker
 * tag, app ID and E2, and the name of its workflow.
 *
 * "Completed" says nothing about success, so the disposition badge is the
 * one that carries colour: green, orange, red.
 */
#define G_LOG_DOMAIN "jd-job-view"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-client-error.h"
#include "jd-display-text.h"
#include "jd-job-view-private.h"
#include "jd-time-format.h"
#include "jd-workflow-names.h"

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

/* With the locale's digit grouping: "5,000" in English. */
char *
jd_job_view_format_count (guint count)
{
  return g_strdup_printf ("%'u", count);
}

gboolean
jd_job_view_is_blank (const char *text)
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

gboolean
jd_job_view_job_not_started (JdJob *job)
{
  JdJobState state = job != NULL ? jd_job_summary_get_state (JD_JOB_SUMMARY (job)) : JD_JOB_STATE_UNKNOWN;

  return state == JD_JOB_STATE_QUEUED || state == JD_JOB_STATE_CREATED;
}

/* A value, or "Not given" dimmed when the Server left it out. */
static void
set_value (GtkLabel   *label,
           const char *value)
{
  if (value != NULL)
    {
      g_autofree char *shown = jd_display_text_for_line (value, NULL);  /* capped, controls visible */
      gtk_label_set_text (label, shown);
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
  g_autofree char *shown = jd_display_text_prepare (text, 60, JD_DISPLAY_TEXT_NONE, NULL);  /* badges do not ellipsize */

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      if (g_str_equal (styles[i], style))
        gtk_widget_add_css_class (GTK_WIDGET (badge), styles[i]);
      else
        gtk_widget_remove_css_class (GTK_WIDGET (badge), styles[i]);
    }

  gtk_label_set_text (badge, shown);
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
  const char *raw = jd_job_summary_get_status (JD_JOB_SUMMARY (self->job));

  if (jd_job_view_is_blank (raw))
    {
      set_badge (self->status_badge, _("Not given"), "dim");
      return;
    }

  switch (jd_job_summary_get_state (JD_JOB_SUMMARY (self->job)))
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
  const char *raw = jd_job_summary_get_disposition (JD_JOB_SUMMARY (self->job));

  if (jd_job_view_is_blank (raw))
    {
      set_badge (self->disposition_badge, _("Not given"), "dim");
      return;
    }

  switch (jd_job_summary_get_disposition_kind (JD_JOB_SUMMARY (self->job)))
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

  if (jd_job_view_is_blank (priority))
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
  GDateTime *created = self->job != NULL ? jd_job_summary_get_created (JD_JOB_SUMMARY (self->job)) : NULL;
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

gboolean
jd_job_view_on_created_timeout (gpointer user_data)
{
  JdJobView *self = user_data;

  /* "5 minutes ago" grows old while the window stays open. */
  update_created (self);
  return G_SOURCE_CONTINUE;
}

void
jd_job_view_update_summary (JdJobView *self)
{
  const char *app_id;
  const char *worker_tag;
  g_autofree char *tag_tip = NULL;
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
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "job-view.show-workflow-jobs", FALSE);
      jd_job_view_update_job_actions (self);
      return;
    }

  gtk_label_set_text (self->id_label, jd_job_summary_get_id (JD_JOB_SUMMARY (self->job)));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->id_label), jd_job_summary_get_id (JD_JOB_SUMMARY (self->job)));
  update_status (self);
  update_disposition (self);
  update_created (self);

  set_value (self->priority_label, describe_priority (jd_job_summary_get_priority (JD_JOB_SUMMARY (self->job))));

  worker_tag = jd_job_summary_get_worker_tag (JD_JOB_SUMMARY (self->job));
  set_value (self->worker_tag_label,
             worker_tag == NULL ? NULL : jd_job_view_is_blank (worker_tag) ? _("None") : worker_tag);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->worker_tag_label),
                               jd_job_view_is_blank (worker_tag) ? NULL
                               : (tag_tip = jd_display_text_for_tooltip (worker_tag, NULL)));

  app_id = jd_job_get_app_id (self->job);
  set_value (self->app_id_label, jd_job_view_is_blank (app_id) ? NULL : app_id);
  gtk_widget_set_visible (self->copy_app_id_button, !jd_job_view_is_blank (app_id));

  if (jd_job_summary_get_has_run_with_e2 (JD_JOB_SUMMARY (self->job)))
    e2 = jd_job_summary_get_run_with_e2 (JD_JOB_SUMMARY (self->job)) ? _("Yes") : _("No");
  set_value (self->e2_label, e2);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "job-view.copy-job-id", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "job-view.copy-app-id", !jd_job_view_is_blank (app_id));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "job-view.show-workflow-jobs", !jd_job_view_is_blank (app_id));
  /* Cancelling follows the status. */
  jd_job_view_update_job_actions (self);
}

/* ------------------------------------------------------------------ */
/* The workflow                                                        */

static void
show_workflow_name (JdJobView  *self,
                    const char *name)
{
  gboolean shown = !jd_job_view_is_blank (name);

  g_free (self->workflow_name);
  self->workflow_name = shown ? g_strdup (name) : NULL;
  gtk_label_set_text (self->workflow_label, shown ? name : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->workflow_label), shown ? name : NULL);
  /* Without a name the App ID beneath says which workflow it is. */
  gtk_widget_set_visible (GTK_WIDGET (self->workflow_label), shown);
}

static void
on_workflow_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(JdJobView) self = user_data;
  g_autoptr(JdWorkflow) workflow = NULL;
  g_autoptr(GError) error = NULL;
  JdClient *client = JD_CLIENT (source);
  const char *base_url = jd_client_get_base_url (client);
  const char *app_id;

  workflow = jd_client_get_workflow_finish (client, result, &error);
  if (jd_client_error_is_cancelled (error))
    return;

  g_clear_object (&self->workflow_cancellable);
  app_id = self->job != NULL ? jd_job_get_app_id (self->job) : NULL;

  if (workflow != NULL)
    {
      /* Kept under the ID the job gives, which is what is looked up. */
      if (app_id != NULL)
        jd_workflow_names_store (base_url, app_id, jd_workflow_get_name (workflow));
      show_workflow_name (self, jd_workflow_get_name (workflow));
      return;
    }

  /* A viewer may not see the workflow, and a deleted one is gone: the ID
   * says which it is, with no error to act on. Both answers hold, so
   * they are kept; anything else (no network, an expired sign-in) is
   * asked again with the next job. */
  if (app_id != NULL &&
      (g_error_matches (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_FORBIDDEN) ||
       g_error_matches (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_NOT_FOUND)))
    jd_workflow_names_store (base_url, app_id, NULL);

  g_debug ("No name for workflow %s: %s", app_id, error->message);
  show_workflow_name (self, NULL);
}

void
jd_job_view_update_workflow (JdJobView *self)
{
  const char *app_id = self->job != NULL ? jd_job_get_app_id (self->job) : NULL;
  const char *name = NULL;

  g_cancellable_cancel (self->workflow_cancellable);
  g_clear_object (&self->workflow_cancellable);

  if (jd_job_view_is_blank (app_id) || self->client == NULL)
    {
      show_workflow_name (self, NULL);
      return;
    }

  if (jd_workflow_names_lookup (jd_client_get_base_url (self->client), app_id, &name))
    {
      show_workflow_name (self, name);
      return;
    }

  /* A refresh of the same job keeps the name it had while asking. */
  if (self->workflow_name == NULL)
    show_workflow_name (self, NULL);

  self->workflow_cancellable = g_cancellable_new ();
  jd_client_get_workflow_async (self->client, app_id, self->workflow_cancellable,
                                on_workflow_cb, g_object_ref (self));
}

/* To the Workflow Jobs page, with this job picked out among them. The
 * window does it (win.open-workflow-jobs); a view outside one has none. */
static void
show_workflow_jobs_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  JdJobView *self = JD_JOB_VIEW (widget);
  const char *app_id = self->job != NULL ? jd_job_get_app_id (self->job) : NULL;

  if (jd_job_view_is_blank (app_id))
    return;

  if (!gtk_widget_activate_action (widget, "win.open-workflow-jobs", "(ss)",
                                   app_id, jd_job_summary_get_id (JD_JOB_SUMMARY (self->job))))
    g_debug ("No window to show the jobs of workflow %s", app_id);
}

void
jd_job_view_class_add_header_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "job-view.show-workflow-jobs", NULL,
                                   show_workflow_jobs_action);
}
