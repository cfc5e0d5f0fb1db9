/* jd-client-parsers.c: what the client makes of each answer, on the
 * call's worker thread: the JSON readers, the checks that the answer is
 * the object asked for, and a job or its messages past the client's limit
 * read up to it (closed after the last whole message, jd-json-cut-off.c).
 */
#define G_LOG_DOMAIN "jd-client"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "jd-client-error.h"
#include "jd-client-parsers.h"
#include "jd-job-summary-private.h"
#include "jd-json-cut-off.h"
#include "jd-json-reader.h"
#include "jd-message-list.h"

gpointer
jd_client_parse_job (GBytes   *bytes,
                     gpointer  data,
                     GError  **error)
{
  g_autoptr(JdJob) job = jd_json_read_job (bytes, error);
  const char *wanted = data;

  if (job == NULL)
    return NULL;

  /* The answer must be the job we asked for; a proxy cache that mixes
   * answers up must not show the wrong job under this ID. */
  if (g_ascii_strcasecmp (jd_job_summary_get_id (JD_JOB_SUMMARY (job)), wanted) != 0)
    {
      g_set_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE,
                   _("The server answered with a different job (%s)."), jd_job_summary_get_id (JD_JOB_SUMMARY (job)));
      return NULL;
    }

  /* "Copy as JSON" gives the Server's own words; a reference, not a copy. */
  jd_job_set_raw_json (job, bytes);

  return g_steal_pointer (&job);
}

gpointer
jd_client_parse_messages (GBytes   *bytes,
                          gpointer  data,
                          GError  **error)
{
  return jd_json_read_messages (bytes, error);
}

/* The first part of an answer past the client's limit, closed after its
 * last whole message; the list says it holds only the first messages. */
static GBytes *
close_cut_off (GBytes   *bytes,
               gboolean *in_messages,
               GError  **error)
{
  GBytes *closed = jd_json_close_cut_off (bytes, in_messages);

  if (closed == NULL)
    g_set_error_literal (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE,
                         "cut off outside the messages");
  return closed;
}

static void
mark_cut_off (GListModel *messages,
              gboolean    in_messages)
{
  if (in_messages && JD_IS_MESSAGE_LIST (messages))
    jd_message_list_set_cut_off (JD_MESSAGE_LIST (messages));
}

gpointer
jd_client_parse_job_cut_off (GBytes   *bytes,
                             gpointer  data,
                             GError  **error)
{
  gboolean in_messages = FALSE;
  g_autoptr(GBytes) closed = close_cut_off (bytes, &in_messages, error);
  JdJob *job = closed != NULL ? jd_client_parse_job (closed, data, error) : NULL;

  if (job == NULL)
    return NULL;

  /* not the Server's own words: nothing to "Copy as JSON" */
  jd_job_set_raw_json (job, NULL);
  mark_cut_off (jd_job_get_messages (job), in_messages);
  return job;
}

gpointer
jd_client_parse_messages_cut_off (GBytes   *bytes,
                                  gpointer  data,
                                  GError  **error)
{
  gboolean in_messages = FALSE;
  g_autoptr(GBytes) closed = close_cut_off (bytes, &in_messages, error);
  GListModel *messages = closed != NULL ? jd_json_read_messages (closed, error) : NULL;

  if (messages != NULL)
    mark_cut_off (messages, in_messages);
  return messages;
}

gpointer
jd_client_parse_workflow_jobs (GBytes   *bytes,
                               gpointer  data,
                               GError  **error)
{
  const char *result_code = data;
  JdJobPage *page = jd_json_read_workflow_jobs (bytes, error);

  /* WorkflowJobView has no result; when the Server chose the rows by
   * their result (resultCode), that is their result. */
  if (page != NULL && result_code != NULL)
    {
      GListModel *jobs = jd_job_page_get_jobs (page);
      guint n = g_list_model_get_n_items (jobs);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(JdJobSummary) job = g_list_model_get_item (jobs, i);

          if (jd_job_summary_get_disposition (job) == NULL)
            jd_job_summary_set_disposition (job, result_code);
        }
    }

  return page;
}

gpointer
jd_client_parse_job_page (GBytes   *bytes,
                          gpointer  data,
                          GError  **error)
{
  return jd_json_read_job_page (bytes, error);
}

gpointer
jd_client_parse_workflows (GBytes   *bytes,
                           gpointer  data,
                           GError  **error)
{
  return jd_json_read_workflows (bytes, error);
}

gpointer
jd_client_parse_workflow (GBytes   *bytes,
                          gpointer  data,
                          GError  **error)
{
  g_autoptr(JdWorkflow) workflow = jd_json_read_workflow (bytes, error);
  const char *wanted = data;

  if (workflow == NULL)
    return NULL;

  /* As with jobs: never show another workflow under this ID. */
  if (g_ascii_strcasecmp (jd_workflow_get_id (workflow), wanted) != 0)
    {
      g_set_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE,
                   _("The server answered with a different workflow (%s)."), jd_workflow_get_id (workflow));
      return NULL;
    }

  return g_steal_pointer (&workflow);
}
