/* jd-job-cells.c: the cells job lists share, as closures of their list
 * item templates: times, durations, status, result, priority.
 *
 * The status and result styles live here and only here, so that every
 * list colours a job the same way.
 */
#define G_LOG_DOMAIN "jd-job-cells"

#include "config.h"

#include <glib/gi18n.h>

#include "jd-accessible.h"
#include "jd-job-cells.h"
#include "jd-job-summary.h"
#include "jd-time-format.h"

#define DAYS_PER_MONTH 30
#define DAYS_PER_YEAR 365

/* The app's one relative-time formatter: calendar days and months. */
static char *
format_relative (GDateTime *when)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return jd_time_format_relative (when, now);
}

char *
jd_job_cells_format_duration (gint64 seconds)
{
  gint64 minutes = seconds / 60;
  gint64 hours = minutes / 60;
  gint64 days = hours / 24;

  if (seconds < 0)
    seconds = 0;

  if (seconds < 60)
    /* Translators: a duration in seconds, e.g. “45 s” */
    return g_strdup_printf (C_("duration", "%d s"), (int) seconds);
  if (minutes < 60)
    {
      if (seconds % 60 == 0 || minutes >= 10)
        /* Translators: a duration in minutes, e.g. “12 min” */
        return g_strdup_printf (C_("duration", "%d min"), (int) minutes);
      /* Translators: a duration in minutes and seconds, e.g. “3 min 5 s” */
      return g_strdup_printf (C_("duration", "%d min %d s"), (int) minutes, (int) (seconds % 60));
    }
  if (hours < 24)
    {
      if (minutes % 60 == 0)
        /* Translators: a duration in hours, e.g. “3 h” */
        return g_strdup_printf (C_("duration", "%d h"), (int) hours);
      /* Translators: a duration in hours and minutes, e.g. “3 h 5 min” */
      return g_strdup_printf (C_("duration", "%d h %d min"), (int) hours, (int) (minutes % 60));
    }
  if (days < 31)
    {
      g_autofree char *day_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", days), (int) days);

      if (hours % 24 == 0 || days >= 7)
        return g_steal_pointer (&day_text);
      /* Translators: days, then hours, e.g. “2 days 5 h” */
      return g_strdup_printf (C_("duration", "%s %d h"), day_text, (int) (hours % 24));
    }
  if (days < DAYS_PER_YEAR)
    {
      gint64 months = days / DAYS_PER_MONTH;

      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d month", "%d months", months), (int) months);
    }
  else
    {
      gint64 years = days / DAYS_PER_YEAR;
      gint64 months = (days % DAYS_PER_YEAR) / DAYS_PER_MONTH;
      g_autofree char *year_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d year", "%d years", years), (int) years);
      g_autofree char *month_text = NULL;

      if (months == 0)
        return g_steal_pointer (&year_text);
      month_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d month", "%d months", months), (int) months);
      /* Translators: years, then months, e.g. “2 years 6 months” */
      return g_strdup_printf (C_("duration", "%s %s"), year_text, month_text);
    }
}

static gint64
seconds_since (GDateTime *when)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_difference (now, when) / G_TIME_SPAN_SECOND;
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

char *
jd_job_cells_started_text (GtkListItem *item,
                           GDateTime   *start_time)
{
  if (start_time == NULL)
    return g_strdup (_("Not started"));

  return jd_job_cells_created_text (item, start_time);
}

char *
jd_job_cells_duration_text (GtkListItem *item,
                            JdJobState   state,
                            GDateTime   *queue_time,
                            GDateTime   *start_time,
                            double       execution_time,
                            const char  *execution_time_text)
{
  g_autofree char *span = NULL;

  /* What the Server measured comes first. */
  if (execution_time >= 0)
    return jd_job_cells_format_duration ((gint64) execution_time);

  /* A job a worker has not started has only waited, however long: it
   * has not been running. */
  if (start_time == NULL && queue_time != NULL &&
      (state == JD_JOB_STATE_QUEUED || state == JD_JOB_STATE_CREATED))
    {
      span = jd_job_cells_format_duration (seconds_since (queue_time));
      /* Translators: how long a job has waited for a worker, e.g. “Queued for 5 months” */
      return g_strdup_printf (_("Queued for %s"), span);
    }

  if (start_time != NULL &&
      (state == JD_JOB_STATE_RUNNING || state == JD_JOB_STATE_INITIALIZING))
    {
      span = jd_job_cells_format_duration (seconds_since (start_time));
      /* Translators: how long a job has been running, e.g. “Running for 3 h 5 min” */
      return g_strdup_printf (_("Running for %s"), span);
    }

  /* Sent, but in a form we cannot read: show it as it came. */
  if (execution_time_text != NULL && *execution_time_text != '\0')
    return g_strdup (execution_time_text);

  return g_strdup ("—");
}

static gboolean result_known (const char *disposition);

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

/* A table row reads its job's ID, status and result (the result shows
 * only as a colour on the workflow page). Done where the status cell is
 * bound, which is again whenever the status changes. */
static void
name_job_row (GtkListItem *item,
              const char  *status)
{
  JdJobSummary *job = gtk_list_item_get_item (item);
  const char *disposition;
  g_autofree char *result = NULL;
  g_autofree char *name = NULL;

  if (!JD_IS_JOB_SUMMARY (job) || gtk_list_item_get_child (item) == NULL)
    return;

  /* Job lists seldom carry the result ("disposition"): then none is read. */
  disposition = jd_job_summary_get_disposition (job);
  if (result_known (disposition))
    result = jd_job_cells_result_text (item, disposition, jd_job_summary_get_disposition_kind (job));
  if (result == NULL)
    /* Translators: how a screen reader reads a row of a job list: the
     * job ID and its status ("Completed") */
    name = g_strdup_printf (_("Job %s, %s"), jd_job_summary_get_id (job), status);
  else
    /* Translators: how a screen reader reads a row of a job list: the
     * job ID, its status ("Completed") and its result ("Warning") */
    name = g_strdup_printf (_("Job %s, %s, result %s"), jd_job_summary_get_id (job), status, result);
  jd_accessible_name_list_row (gtk_list_item_get_child (item), name);
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
jd_job_cells_status_icon_name (GtkListItem   *item,
                               JdJobState     state,
                               JdDisposition  disposition)
{
  switch (state)
    {
    case JD_JOB_STATE_CREATED:
    case JD_JOB_STATE_QUEUED:       return g_strdup ("preferences-system-time-symbolic");
    case JD_JOB_STATE_INITIALIZING:
    case JD_JOB_STATE_RUNNING:      return g_strdup ("media-playback-start-symbolic");
    case JD_JOB_STATE_COMPLETED:
      /* "Completed" says the job ended, not that it went well: a check
       * mark only for a known success. */
      switch (disposition)
        {
        case JD_DISPOSITION_SUCCESS:   return g_strdup ("emblem-ok-symbolic");
        case JD_DISPOSITION_WARNING:   return g_strdup ("dialog-warning-symbolic");
        case JD_DISPOSITION_ERROR:     return g_strdup ("dialog-error-symbolic");
        case JD_DISPOSITION_CANCELLED: return g_strdup ("process-stop-symbolic");
        case JD_DISPOSITION_NONE:
        case JD_DISPOSITION_UNKNOWN:
        default:                       return g_strdup ("media-playback-stop-symbolic");
        }
    case JD_JOB_STATE_CANCELLED:    return g_strdup ("process-stop-symbolic");
    case JD_JOB_STATE_ERROR:        return g_strdup ("dialog-error-symbolic");
    case JD_JOB_STATE_UNKNOWN:
    default:                        return g_strdup ("dialog-question-symbolic");
    }
}

/* The colour of a result; NULL for none. */
static const char *
disposition_color (JdDisposition disposition)
{
  switch (disposition)
    {
    case JD_DISPOSITION_SUCCESS: return "success";
    case JD_DISPOSITION_WARNING: return "warning";
    case JD_DISPOSITION_ERROR:   return "error";
    case JD_DISPOSITION_CANCELLED:
    case JD_DISPOSITION_NONE:
    case JD_DISPOSITION_UNKNOWN:
    default:                     return NULL;
    }
}

static GStrv
one_class (const char *name)
{
  GStrv classes = g_new0 (char *, 2);

  classes[0] = g_strdup (name);
  return classes;
}

GStrv
jd_job_cells_status_css_classes (GtkListItem   *item,
                                 JdJobState     state,
                                 JdDisposition  disposition)
{
  const char *color = "dim-label";

  switch (state)
    {
    case JD_JOB_STATE_ERROR:
      color = "error";
      break;

    case JD_JOB_STATE_INITIALIZING:
    case JD_JOB_STATE_RUNNING:
      color = "accent";
      break;

    case JD_JOB_STATE_COMPLETED:
      /* "Completed" alone says nothing about success: only a known
       * result earns a colour, and an unknown one stays quiet. */
      color = disposition_color (disposition);
      if (color == NULL)
        color = "dim-label";
      break;

    case JD_JOB_STATE_CREATED:
    case JD_JOB_STATE_QUEUED:
    case JD_JOB_STATE_CANCELLED:
    case JD_JOB_STATE_UNKNOWN:
    default:
      break;
    }

  return one_class (color);
}

static gboolean
result_known (const char *disposition)
{
  return disposition != NULL && *disposition != '\0';
}

char *
jd_job_cells_result_text (GtkListItem   *item,
                          const char    *disposition,
                          JdDisposition  kind)
{
  if (!result_known (disposition))
    return g_strdup (_("Result not known"));

  switch (kind)
    {
    case JD_DISPOSITION_SUCCESS:   return g_strdup (C_("job result", "Success"));
    case JD_DISPOSITION_WARNING:   return g_strdup (C_("job result", "Warning"));
    case JD_DISPOSITION_ERROR:     return g_strdup (C_("job result", "Error"));
    case JD_DISPOSITION_CANCELLED: return g_strdup (C_("job result", "Cancelled"));
    case JD_DISPOSITION_NONE:      return g_strdup (C_("job result", "None"));
    case JD_DISPOSITION_UNKNOWN:
    default:
      /* An open set: show what the Server sent. */
      return g_strdup (disposition);
    }
}

char *
jd_job_cells_result_tooltip (GtkListItem *item,
                             const char  *disposition)
{
  if (result_known (disposition))
    return NULL;

  return g_strdup (_("The server’s list does not say how this job ended. Open the job to find out."));
}

GStrv
jd_job_cells_result_css_classes (GtkListItem   *item,
                                 const char    *disposition,
                                 JdDisposition  kind)
{
  const char *color = disposition_color (kind);

  /* Not known, or none to speak of: quieter than a result. */
  if (!result_known (disposition) || color == NULL)
    color = "dim-label";

  return one_class (color);
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

char *
jd_job_cells_or_dash (GtkListItem *item,
                      const char  *text)
{
  /* Text from the Server goes into a plain label: never markup. */
  return g_strdup (text != NULL && *text != '\0' ? text : "—");
}

char *
jd_job_cells_or_not_given (GtkListItem *item,
                           const char  *text)
{
  return g_strdup (text != NULL && *text != '\0' ? text : _("Not given"));
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

static GtkListItemFactory *
filter_factory (const char *resource)
{
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();

  gtk_builder_cscope_add_callback_symbol (GTK_BUILDER_CSCOPE (scope), "selected_opacity",
                                          G_CALLBACK (jd_job_cells_selected_opacity));
  return gtk_builder_list_item_factory_new_from_resource (scope, resource);
}

void
jd_job_cells_setup_filter (GtkDropDown *dropdown)
{
  g_autoptr(GtkListItemFactory) button = filter_factory ("/io/github/jobdesk/JobDesk/jd-filter-button-item.ui");
  g_autoptr(GtkListItemFactory) list = filter_factory ("/io/github/jobdesk/JobDesk/jd-filter-list-item.ui");

  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));

  gtk_drop_down_set_factory (dropdown, button);
  gtk_drop_down_set_list_factory (dropdown, list);
}

void
jd_job_cells_bind (GtkWidgetClass *widget_class)
{
  static const struct { const char *name; GCallback callback; } cells[] = {
    { "created_text", G_CALLBACK (jd_job_cells_created_text) },
    { "created_tooltip", G_CALLBACK (jd_job_cells_created_tooltip) },
    { "started_text", G_CALLBACK (jd_job_cells_started_text) },
    { "duration_text", G_CALLBACK (jd_job_cells_duration_text) },
    { "status_text", G_CALLBACK (jd_job_cells_status_text) },
    { "status_icon_name", G_CALLBACK (jd_job_cells_status_icon_name) },
    { "status_css_classes", G_CALLBACK (jd_job_cells_status_css_classes) },
    { "result_text", G_CALLBACK (jd_job_cells_result_text) },
    { "result_tooltip", G_CALLBACK (jd_job_cells_result_tooltip) },
    { "result_css_classes", G_CALLBACK (jd_job_cells_result_css_classes) },
    { "priority_text", G_CALLBACK (jd_job_cells_priority_text) },
    { "or_dash", G_CALLBACK (jd_job_cells_or_dash) },
    { "or_not_given", G_CALLBACK (jd_job_cells_or_not_given) },
    { "selected_opacity", G_CALLBACK (jd_job_cells_selected_opacity) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    gtk_widget_class_bind_template_callback_full (widget_class, cells[i].name, cells[i].callback);
}
