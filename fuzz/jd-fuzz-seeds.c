/* jd-fuzz-seeds.c: writes the seed corpus of the fuzz targets.
 *
 * Usage: jd-fuzz-seeds TESTS_DATA_DIR JSON_DIR OBJECT_ID_DIR
 *
 * For fuzz-json-reader: every .json and .html sample in tests/data, the server's
 * answers (jobs, messages, workflow jobs, a job page, workflows, a token,
 * refusals, dates), each behind the byte that picks a reader. Answers
 * larger than 64 KB are left out: libFuzzer mutates small inputs faster.
 * For fuzz-object-id: sample IDs in the places users paste them from.
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "jd-demo-data.h"
#include "jd-demo-server.h"
#include "jd-fuzz.h"

#define MAX_SEED (64 * 1024)

static guint n_written;

static void
write_seed (const char   *dir,
            const char   *name,
            int           reader,
            const char   *data,
            gsize         size)
{
  g_autofree char *file_name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GString) bytes = NULL;
  g_autoptr(GError) error = NULL;

  if (size > MAX_SEED)
    return;

  bytes = g_string_sized_new (size + 1);
  if (reader >= 0)
    {
      g_string_append_c (bytes, (char) reader);
      file_name = g_strdup_printf ("%d-%s", reader, name);
    }
  else
    file_name = g_strdup (name);
  g_string_append_len (bytes, data, size);

  path = g_build_filename (dir, file_name, NULL);
  if (!g_file_set_contents (path, bytes->str, bytes->len, &error))
    g_error ("%s", error->message);
  n_written++;
}

static void
write_json (const char   *dir,
            const char   *name,
            int           reader,
            const char   *json)
{
  write_seed (dir, name, reader, json, strlen (json));
}

static char *
job_json (const JdDemoJob *job)
{
  g_autofree char *head = jd_demo_data_build_job_head (job, job->status, job->disposition);
  g_autofree char *tail = jd_demo_data_build_job_tail (job);
  GString *json = g_string_new (head);

  if (jd_demo_data_job_has_messages (job))
    {
      g_autoptr(GBytes) messages = jd_demo_data_build_messages (job, job->status, NULL);
      gsize size = 0;
      const char *data = g_bytes_get_data (messages, &size);

      g_string_append (json, ",\"messages\":");
      g_string_append_len (json, data, size);
    }
  g_string_append_c (json, ',');
  g_string_append (json, tail);

  return g_string_free (json, FALSE);
}

static void
write_tests_data (const char *data_dir,
                  const char *json_dir)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;

  dir = g_dir_open (data_dir, 0, &error);
  if (dir == NULL)
    g_error ("%s", error->message);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *contents = NULL;
      gsize size = 0;

      if (!g_str_has_suffix (name, ".json") && !g_str_has_suffix (name, ".html"))
        continue;

      path = g_build_filename (data_dir, name, NULL);
      if (!g_file_get_contents (path, &contents, &size, &error))
        g_error ("%s", error->message);

      /* each sample through every reader of JSON: a job read as a list is
       * news too */
      for (int reader = 0; reader < JD_FUZZ_N_READERS; reader++)
        {
          if (reader != JD_FUZZ_DATE && reader != JD_FUZZ_DURATION)
            write_seed (json_dir, name, reader, contents, size);
        }
    }
}

static void
write_demo_answers (const char *json_dir)
{
  guint n_jobs = 0;
  guint n_workflows = 0;
  const JdDemoJob **jobs = jd_demo_data_get_jobs (&n_jobs);
  const JdDemoWorkflow *workflows = jd_demo_data_get_workflows (&n_workflows);
  g_autoptr(GString) list = g_string_new ("[");
  g_autoptr(GString) summaries = g_string_new ("[");
  g_autoptr(GString) page = NULL;
  g_autoptr(GString) workflow_list = g_string_new ("[");
  g_autoptr(GString) workflow = g_string_new (NULL);
  guint n_listed = 0;

  for (guint i = 0; i < n_jobs; i++)
    {
      const JdDemoJob *job = jobs[i];

      /* the named samples, and a few generated ones */
      if (job->kind == JD_DEMO_KIND_GENERATED && i % 5 != 0)
        continue;

      {
        g_autofree char *json = job_json (job);
        g_autofree char *name = g_strdup_printf ("demo-job-%s.json", job->id);

        write_json (json_dir, name, JD_FUZZ_JOB, json);
      }

      if (jd_demo_data_job_has_messages (job))
        {
          g_autoptr(GBytes) messages = jd_demo_data_build_messages (job, job->status, NULL);
          g_autofree char *name = g_strdup_printf ("demo-messages-%s.json", job->id);
          gsize size = 0;
          const char *data = g_bytes_get_data (messages, &size);

          write_seed (json_dir, name, JD_FUZZ_MESSAGES, data, size);
        }

      /* lists hold the jobs of workflows, as the server's do */
      if (job->kind == JD_DEMO_KIND_GENERATED && n_listed < 20)
        {
          JdDemoTimes times;

          if (n_listed++ > 0)
            {
              g_string_append_c (list, ',');
              g_string_append_c (summaries, ',');
            }
          jd_demo_data_append_workflow_job (list, job, job->status);
          jd_demo_data_get_times (job, &times);
          jd_demo_data_append_job_summary (summaries, job, job->status, &times);
        }
    }
  g_string_append_c (list, ']');
  g_string_append_c (summaries, ']');
  write_json (json_dir, "demo-workflow-jobs.json", JD_FUZZ_WORKFLOW_JOBS, list->str);

  page = g_string_new ("{\"data\":");
  g_string_append (page, summaries->str);
  g_string_append (page, ",\"pagination\":{\"currentPage\":1,\"pageSize\":20,\"totalItems\":123,"
                         "\"totalPages\":7,\"hasNextPage\":true,\"hasPreviousPage\":false}}");
  write_json (json_dir, "demo-job-page.json", JD_FUZZ_JOB_PAGE, page->str);

  for (guint i = 0; i < n_workflows; i++)
    {
      if (i > 0)
        g_string_append_c (workflow_list, ',');
      jd_demo_data_append_workflow (workflow_list, &workflows[i]);
    }
  g_string_append_c (workflow_list, ']');
  write_json (json_dir, "demo-workflows.json", JD_FUZZ_WORKFLOWS, workflow_list->str);

  jd_demo_data_append_workflow_view (workflow, &workflows[0]);
  write_json (json_dir, "demo-workflow.json", JD_FUZZ_WORKFLOW, workflow->str);

  write_json (json_dir, "demo-token.json", JD_FUZZ_TOKEN,
              "{\"access_token\":\"3f2a9c0d1e4b5a6978877665544332211\",\"token_type\":\"bearer\",\"expires_in\":3599}");
  write_json (json_dir, "demo-token-string-expiry.json", JD_FUZZ_TOKEN,
              "{\"access_token\":\"abc\",\"expires_in\":\"3599\"}");
  write_json (json_dir, "demo-oauth-error.json", JD_FUZZ_ERROR_MESSAGE,
              "{\"error\":\"invalid_client\",\"error_description\":\"The API key or secret is not valid, or the user has no API access.\"}");
  write_json (json_dir, "demo-message-error.json", JD_FUZZ_ERROR_MESSAGE,
              "{\"Message\":\"Authorization has been denied for this request.\"}");
  write_json (json_dir, "demo-nested-error.json", JD_FUZZ_ERROR_MESSAGE,
              "{\"error\":{\"message\":\"Nested \\u00e9rror\\n with lines\"}}");
  write_json (json_dir, "demo-string-error.json", JD_FUZZ_ERROR_MESSAGE,
              "\"Authorization has been denied for this request.\"");

  write_json (json_dir, "date-zulu", JD_FUZZ_DATE, "2024-09-19T10:02:54.589Z");
  write_json (json_dir, "date-no-zone", JD_FUZZ_DATE, "2024-09-19T10:02:54");
  write_json (json_dir, "date-offset", JD_FUZZ_DATE, "2024-09-19T12:02:54+02:00");
  write_json (json_dir, "date-dotnet-default", JD_FUZZ_DATE, "0001-01-01T00:00:00");

  write_json (json_dir, "duration-timespan", JD_FUZZ_DURATION, "00:05:12.4810000");
  write_json (json_dir, "duration-days", JD_FUZZ_DURATION, "1.02:03:04.5000000");
  write_json (json_dir, "duration-general", JD_FUZZ_DURATION, "1:02:03:04");
  write_json (json_dir, "duration-iso", JD_FUZZ_DURATION, "P1DT2H3M4.5S");
}

static void
write_object_ids (const char *dir)
{
  const char *templates[] = {
    "%s",
    "  %s\n",
    "%S",
    "https://ayx.example.com/gallery/#!/jobs/%s",
    "https://ayx.example.com/webapi/v3/workflows/" JD_DEMO_WORKFLOW_SALES "/jobs/%s",
    "https://ayx.example.com/gallery/app/Sales/" JD_DEMO_WORKFLOW_SALES "?jobId=%s",
    "Your job %s finished with warnings.",
    "Job ID: %s, workflow " JD_DEMO_WORKFLOW_INVENTORY,
    "%s %s",
    "%s/../%s",
    "x%sx",
    "%s" JD_DEMO_JOB_WARNING,
  };

  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *name = g_strdup_printf ("id-%02u", i);

      for (const char *p = templates[i]; *p != '\0'; p++)
        {
          if (p[0] == '%' && p[1] == 's')
            {
              g_string_append (text, JD_DEMO_JOB_SUCCESS);
              p++;
            }
          else if (p[0] == '%' && p[1] == 'S')
            {
              g_autofree char *upper = g_ascii_strup (JD_DEMO_JOB_SUCCESS, -1);

              g_string_append (text, upper);
              p++;
            }
          else
            g_string_append_c (text, *p);
        }

      write_seed (dir, name, -1, text->str, text->len);
    }
}

int
main (int   argc,
      char *argv[])
{
  if (argc != 4)
    {
      g_printerr ("Usage: %s TESTS_DATA_DIR JSON_DIR OBJECT_ID_DIR\n", argv[0]);
      return 2;
    }

  g_mkdir_with_parents (argv[2], 0755);
  g_mkdir_with_parents (argv[3], 0755);

  write_tests_data (argv[1], argv[2]);
  write_demo_answers (argv[2]);
  write_object_ids (argv[3]);

  g_print ("%u seed files\n", n_written);
  return 0;
}
