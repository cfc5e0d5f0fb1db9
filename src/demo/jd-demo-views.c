/* jd-demo-views.c: the Server's objects, made of the sample data, as the
 * Server's published schemas name them field by field (DESIGN §1, and
 * tests/data/server-schema.json, which tests/test-contract.c holds every
 * answer against). No more fields, no fewer, no other spellings: the
 * sample server must never agree with a reader on a name a Server does
 * not use.
 */
#define G_LOG_DOMAIN "jd-demo-server"

#include "config.h"

#include <string.h>

#include "jd-demo-data.h"

/* "name":"value" */
static void
append_member (GString    *json,
               const char *name,
               const char *value)
{
  jd_demo_data_append_json_string (json, name);
  g_string_append_c (json, ':');
  jd_demo_data_append_json_string (json, value);
}

/* ,"name":"value" */
static void
append_next_member (GString    *json,
                    const char *name,
                    const char *value)
{
  g_string_append_c (json, ',');
  append_member (json, name, value);
}

/* ,"name":"2024-09-19T10:02:54.589Z", or null for 0 */
static void
append_time_member (GString    *json,
                    const char *name,
                    gint64      unix_ms)
{
  g_autofree char *text = NULL;

  if (unix_ms == 0)
    {
      g_string_append_printf (json, ",\"%s\":null", name);
      return;
    }

  text = jd_demo_data_format_time (unix_ms);
  append_next_member (json, name, text);
}

static void
append_boolean_member (GString    *json,
                       const char *name,
                       gboolean    value)
{
  g_string_append_printf (json, ",\"%s\":%s", name, value ? "true" : "false");
}

/* The ID of version @number of @workflow: its ID's first 16 digits and
 * the number. */
static char *
version_id (const JdDemoWorkflow *workflow,
            guint                 number)
{
  return g_strdup_printf ("%.16s%08x", workflow->id, number);
}

char *
jd_demo_data_format_duration (gint64 milliseconds)
{
  gint64 seconds;
  guint fraction;
  GString *text;

  g_return_val_if_fail (milliseconds >= 0, NULL);

  seconds = milliseconds / 1000;
  fraction = (guint) (milliseconds % 1000);
  text = g_string_new (NULL);

  if (seconds >= 86400)
    g_string_append_printf (text, "%" G_GINT64_FORMAT ".", seconds / 86400);
  g_string_append_printf (text, "%02d:%02d:%02d",
                          (int) (seconds / 3600 % 24), (int) (seconds / 60 % 60), (int) (seconds % 60));
  /* .NET writes seven digits of a fraction, and none for whole seconds */
  if (fraction != 0)
    g_string_append_printf (text, ".%03u0000", fraction);

  return g_string_free (text, FALSE);
}

char *
jd_demo_data_build_job_head (const JdDemoJob *job,
                             const char      *status,
                             const char      *disposition)
{
  GString *json = g_string_new ("{");

  append_member (json, "id", job->id);

  if (job->kind == JD_DEMO_KIND_SPARSE)
    {
      append_next_member (json, "status", status);
      return g_string_free (json, FALSE);
    }

  append_next_member (json, "appId", job->workflow->id);
  append_time_member (json, "createDateTime", job->create_ms);
  append_next_member (json, "status", status);
  append_next_member (json, "disposition", disposition);
  g_string_append (json, ",\"outputs\":[");

  if (g_str_equal (status, "Completed"))
    {
      for (guint i = 0; i < job->n_outputs; i++)
        {
          const JdDemoOutput *output = &job->outputs[i];

          if (i > 0)
            g_string_append_c (json, ',');
          g_string_append_c (json, '{');
          append_member (json, "id", output->id);
          g_string_append (json, ",\"availableFormats\":[");
          for (guint k = 0; output->formats[k] != NULL; k++)
            {
              if (k > 0)
                g_string_append_c (json, ',');
              jd_demo_data_append_json_string (json, output->formats[k]);
            }
          g_string_append_c (json, ']');
          append_next_member (json, "fileName", output->file_name);
          g_string_append_c (json, '}');
        }
    }
  g_string_append_c (json, ']');

  return g_string_free (json, FALSE);
}

char *
jd_demo_data_build_job_tail (const JdDemoJob *job)
{
  GString *json = g_string_new (NULL);

  append_member (json, "priority", job->priority);

  if (job->kind == JD_DEMO_KIND_SPARSE)
    {
      /* An unknown priority and a field this app has never heard of: a
       * Server that strays from its schema, on purpose. */
      g_string_append (json, ",\"executionNode\":{\"name\":\"AYX-WORKER-07\",\"queue\":\"default\","
                             "\"lastHeartbeat\":null,\"slots\":[1,2]}}");
      return g_string_free (json, FALSE);
    }

  append_next_member (json, "workerTag", job->worker_tag);
  append_boolean_member (json, "runWithE2", job->run_with_e2);
  g_string_append_c (json, '}');

  return g_string_free (json, FALSE);
}

void
jd_demo_data_append_workflow_job (GString         *json,
                                  const JdDemoJob *job,
                                  const char      *status)
{
  g_string_append_c (json, '{');
  append_member (json, "id", job->id);
  append_time_member (json, "createDate", job->create_ms);
  append_next_member (json, "status", status);
  append_next_member (json, "priority", job->priority);
  append_next_member (json, "workerTag", job->worker_tag);
  append_boolean_member (json, "runWithE2", job->run_with_e2);
  g_string_append_c (json, '}');
}

void
jd_demo_data_append_job_summary (GString           *json,
                                 const JdDemoJob   *job,
                                 const char        *status,
                                 const JdDemoTimes *times)
{
  g_string_append_c (json, '{');
  append_member (json, "jobId", job->id);
  append_next_member (json, "status", status);
  append_next_member (json, "workflowName", job->workflow->name);
  append_next_member (json, "workflowId", job->workflow->id);
  append_next_member (json, "submittedBy", job->submitted_by->name);
  append_time_member (json, "startTime", times->start_ms);
  append_time_member (json, "queueTime", times->queue_ms);
  if (times->start_ms != 0 && times->end_ms >= times->start_ms)
    {
      g_autofree char *duration = jd_demo_data_format_duration (times->end_ms - times->start_ms);

      append_next_member (json, "executionTime", duration);
    }
  else
    {
      g_string_append (json, ",\"executionTime\":null");
    }
  append_next_member (json, "priority", job->priority);
  g_string_append_c (json, '}');
}

void
jd_demo_data_append_workflow (GString              *json,
                              const JdDemoWorkflow *workflow)
{
  g_string_append_c (json, '{');
  append_member (json, "id", workflow->id);
  append_next_member (json, "sourceAppId", workflow->source_app_id);
  append_next_member (json, "name", workflow->name);
  append_next_member (json, "ownerId", workflow->owner_id);
  append_next_member (json, "dateCreated", workflow->date_created);
  g_string_append_printf (json, ",\"publishedVersionNumber\":%u", workflow->published_version);
  append_boolean_member (json, "isAmp", workflow->is_amp);
  append_next_member (json, "executionMode", workflow->execution_mode);
  g_string_append_c (json, '}');
}

void
jd_demo_data_append_workflow_view (GString              *json,
                                   const JdDemoWorkflow *workflow)
{
  g_autoptr(GDateTime) created = g_date_time_new_from_iso8601 (workflow->date_created, NULL);
  g_autofree char *published = version_id (workflow, workflow->published_version);

  g_string_append_c (json, '{');
  append_member (json, "id", workflow->id);
  append_next_member (json, "name", workflow->name);
  append_next_member (json, "ownerId", workflow->owner_id);
  append_next_member (json, "dateCreated", workflow->date_created);
  g_string_append_printf (json, ",\"runCount\":%u", jd_demo_data_count_jobs (workflow));
  append_next_member (json, "workerTag", workflow->worker_tag);
  append_next_member (json, "comments", workflow->comments);
  append_next_member (json, "publishedVersionId", published);

  /* a new version every three weeks since the workflow was created */
  g_string_append (json, ",\"versions\":[");
  for (guint number = 1; number <= workflow->published_version; number++)
    {
      g_autofree char *id = version_id (workflow, number);
      gint64 created_ms = g_date_time_to_unix (created) * 1000 + (gint64) (number - 1) * 21 * G_TIME_SPAN_DAY / 1000;

      if (number > 1)
        g_string_append_c (json, ',');
      g_string_append_c (json, '{');
      append_member (json, "versionId", id);
      g_string_append_printf (json, ",\"versionNumber\":%u", number);
      append_time_member (json, "dateCreated", created_ms);
      append_boolean_member (json, "published", number == workflow->published_version);
      g_string_append_c (json, '}');
    }
  g_string_append_c (json, ']');

  append_boolean_member (json, "othersCanViewHistory", workflow->others_can_view_history);
  append_boolean_member (json, "othersCanExecute", workflow->others_can_execute);
  append_next_member (json, "executionMode", workflow->execution_mode);
  g_string_append_c (json, '}');
}
