/* jd-job-cells.c: the cells job lists share, as closures of their list
 * item templates: created time, status, priority. */
#define G_LOG_DOMAIN "jd-job-cells"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-accessible.h"
#include "jd-job-cells.h"
#include "jd-workflow-job.h"

static char *
format_relative (GDateTime *when)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GTimeSpan span = g_date_time_difference (now, when);
  gint64 minutes = span / G_TIME_SPAN_MINUTE;
  gint64 hours = span / G_TIME_SPAN_HOUR;
  gint64 days = span / G_TIME_SPAN_DAY;

  if (span < 0)
    return g_strdup (_("in the future"));
  if (minutes < 1)
    return g_strdup (_("just now"));
  if (hours < 1)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute ago", "%d minutes ago", minutes), (int) minutes);
  if (days < 1)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour ago", "%d hours ago", hours), (int) hours);
  if (days < 45)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day ago", "%d days ago", days), (int) days);
  if (days < 365)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d month ago", "%d months ago", days / 30), (int) (days / 30));

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d year ago", "%d years ago", days / 365), (int) (days / 365));
}

char *
jd_job_cells_created_text (GtkListItem *item,
              GDateTime   *created)
{
  g_autoptr(GDateTime) local = NULL;

  if (created == NULL)
    return g_strdup (_("Not given"));

  local = g_date_time_to_local (created);
  /* Translators: the date and time a job was created, in a list; see
   * g_date_time_format() */
  return g_date_time_format (local, C_("created time", "%-d %b %Y, %H:%M"));
}

char *
jd_job_cells_created_tooltip (GtkListItem *item,
                 GDateTime   *created)
{
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *full = NULL;
  g_autofree char *relative = NULL;

  if (created == NULL)
    return NULL;

  local = g_date_time_to_local (created);
  /* Translators: a job's created time in full; see g_date_time_format() */
  full = g_date_time_format (local, C_("created time", "%A, %-d %B %Y, %H:%M:%S"));
  relative = format_relative (created);

  /* Translators: a full date, then how long ago it was */
  return g_strdup_printf (_("%s (%s)"), full, relative);
}

static char *
result_text (JdWorkflowJob *job)
{
  const char *disposition = jd_workflow_job_get_disposition (job);

  switch (jd_workflow_job_get_disposition_kind (job))
    {
    case JD_DISPOSITION_SUCCESS:   return g_strdup (C_("job result", "Success"));
    case JD_DISPOSITION_WARNING:   return g_strdup (C_("job result", "Warning"));
    case JD_DISPOSITION_ERROR:     return g_strdup (C_("job result", "Error"));
    case JD_DISPOSITION_CANCELLED: return g_strdup (C_("job result", "Cancelled"));
    case JD_DISPOSITION_NONE:      return g_strdup (C_("job result", "None"));
    case JD_DISPOSITION_UNKNOWN:
    default:
      return disposition != NULL && *disposition != '\0' ? g_strdup (disposition) : NULL;
    }
}

/* A table row reads its job's ID, status and result (the result shows
 * only as a colour on the workflow page). Done where the status cell is
 * bound, which is again whenever the status changes. */
static void
name_job_row (GtkListItem *item,
              const char  *status_text)
{
  JdWorkflowJob *job = gtk_list_item_get_item (item);
  g_autofree char *result = NULL;
  g_autofree char *name = NULL;

  if (!JD_IS_WORKFLOW_JOB (job) || gtk_list_item_get_child (item) == NULL)
    return;

  /* Job lists seldom carry the result ("disposition"): then none is read. */
  result = result_text (job);
  if (result == NULL)
    /* Translators: how a screen reader reads a row of a job list: the
     * job ID and its status ("Completed") */
    name = g_strdup_printf (_("Job %s, %s"), jd_workflow_job_get_id (job), status_text);
  else
    /* Translators: how a screen reader reads a row of a job list: the
     * job ID, its status ("Completed") and its result ("Warning") */
    name = g_strdup_printf (_("Job %s, %s, result %s"), jd_workflow_job_get_id (job), status_text, result);
  jd_accessible_name_list_row (gtk_list_item_get_child (item), name);
}

static char *
status_text (const char *status,
             JdJobState  state)
{
  switch (state)
    {
    case JD_JOB_STATE_CREATED:      return g_strdup (C_("job status", "Created"));
    case JD_JOB_STATE_QUEUED:       return g_strdup (C_("job status", "Queued"));
    case JD_JOB_STATE_INITIALIZING: return g_strdup (C_("job status", "Initializing"));
    case JD_JOB_STATE_RUNNING:      return g_strdup (C_("job status", "Running"));
    case JD_JOB_STATE_COMPLETED:    return g_strdup (C_("job status", "Completed"));
    case JD_JOB_STATE_CANCELLED:    return g_strdup (C_("job status", "Cancelled"));
    case JD_JOB_STATE_ERROR:        return g_strdup (C_("job status", "Error"));
    case JD_JOB_STATE_UNKNOWN:
    default:
      /* An open set: show what the Server sent. */
      return g_strdup (status != NULL && *status != '\0' ? status : _("Not given"));
    }
}

char *
jd_job_cells_status_text (GtkListItem *item,
                          const char  *status,
                          JdJobState   state)
{
  char *text = status_text (status, state);

  name_job_row (item, text);
  return text;
}

char *
jd_job_cells_status_icon_name (GtkListItem *item,
                  JdJobState   state)
{
  switch (state)
    {
    case JD_JOB_STATE_CREATED:
    case JD_JOB_STATE_QUEUED:       return g_strdup ("preferences-system-time-symbolic");
    case JD_JOB_STATE_INITIALIZING:
    case JD_JOB_STATE_RUNNING:      return g_strdup ("media-playback-start-symbolic");
    case JD_JOB_STATE_COMPLETED:    return g_strdup ("emblem-ok-symbolic");
    case JD_JOB_STATE_CANCELLED:    return g_strdup ("process-stop-symbolic");
    case JD_JOB_STATE_ERROR:        return g_strdup ("dialog-error-symbolic");
    case JD_JOB_STATE_UNKNOWN:
    default:                        return g_strdup ("dialog-question-symbolic");
    }
}

char *
jd_job_cells_priority_text (GtkListItem *item,
               const char  *priority)
{
  static const struct { const char *value; const char *text; } known[] = {
    { "Default",  NC_("job priority", "Default") },
    { "Low",      NC_("job priority", "Low") },
    { "Medium",   NC_("job priority", "Medium") },
    { "High",     NC_("job priority", "High") },
    { "Critical", NC_("job priority", "Critical") },
  };

  if (priority == NULL || *priority == '\0')
    return g_strdup ("—");

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (g_ascii_strcasecmp (priority, known[i].value) == 0)
      return g_strdup (g_dpgettext2 (GETTEXT_PACKAGE, "job priority", known[i].text));

  return g_strdup (priority);
}

/* The check mark beside the chosen item of a drop-down's list keeps its
 * place when hidden, so the list does not change width. */
double
jd_job_cells_selected_opacity (GtkListItem *item,
                  gboolean     selected)
{
  /* and, bound with the item, each row of the list reads its text */
  if (gtk_list_item_get_child (item) != NULL)
    jd_accessible_label_list_row (gtk_list_item_get_child (item), NULL, NULL);
  return selected ? 1.0 : 0.0;
}

void
jd_job_cells_bind (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback_full (widget_class, "created_text", G_CALLBACK (jd_job_cells_created_text));
  gtk_widget_class_bind_template_callback_full (widget_class, "created_tooltip", G_CALLBACK (jd_job_cells_created_tooltip));
  gtk_widget_class_bind_template_callback_full (widget_class, "status_text", G_CALLBACK (jd_job_cells_status_text));
  gtk_widget_class_bind_template_callback_full (widget_class, "status_icon_name", G_CALLBACK (jd_job_cells_status_icon_name));
  gtk_widget_class_bind_template_callback_full (widget_class, "priority_text", G_CALLBACK (jd_job_cells_priority_text));
  gtk_widget_class_bind_template_callback_full (widget_class, "selected_opacity", G_CALLBACK (jd_job_cells_selected_opacity));
}
