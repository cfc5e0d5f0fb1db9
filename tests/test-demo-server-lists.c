/* test-demo-server-lists.c: what JdDemoServer lists and sends, over real
 * HTTP: GET /v3/jobs with its filters and pages, the workflows, and the
 * output downloads in every format. */
#include "config.h"

#include <string.h>
#include <signal.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "jd-demo-data.h"
#include "jd-demo-server.h"
#include "jd-json-reader.h"
#include "jd-test-demo.h"
#include "jd-test-util.h"

/* GET /v3/jobs and /v3/workflows                                      */

static void
test_jobs_pagination (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(JsonNode) first = harness_get_json (h, "/v3/jobs?limit=10&allUsers=true");
  g_autoptr(JsonNode) last = harness_get_json (h, "/v3/jobs?offset=130&limit=10&allUsers=true");
  g_autoptr(JsonNode) active = harness_get_json (h, "/v3/jobs?statuses=Queued,Running&limit=100&allUsers=true");
  g_autoptr(JsonNode) by_name = harness_get_json (h, "/v3/jobs?workflowNames=Inventory%20Reconciliation&limit=100&sortField=Priority"
                                             "&allUsers=true");
  g_autoptr(Reply) bad = harness_get (h, "/v3/jobs?sortField=Colour", h->token);
  JsonObject *pagination;
  JsonArray *data;

  data = json_object_get_array_member (node_object (first), "data");
  pagination = json_object_get_object_member (node_object (first), "pagination");
  g_assert_cmpuint (json_array_get_length (data), ==, 10);
  g_assert_cmpint (json_object_get_int_member (pagination, "currentPage"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (pagination, "pageSize"), ==, 10);
  g_assert_cmpint (json_object_get_int_member (pagination, "totalItems"), ==, 140);
  g_assert_cmpint (json_object_get_int_member (pagination, "totalPages"), ==, 14);
  g_assert_true (json_object_get_boolean_member (pagination, "hasNextPage"));
  g_assert_false (json_object_get_boolean_member (pagination, "hasPreviousPage"));
  for (guint i = 0; i < json_array_get_length (data); i++)
    {
      JsonObject *job = json_array_get_object_element (data, i);

      /* PagedJobSummaryView: jobId, not id; no disposition or created
       * time. The contract test checks every field. */
      g_assert_true (jd_demo_data_is_object_id (json_object_get_string_member (job, "jobId")));
      g_assert_true (json_object_has_member (job, "workflowName"));
      g_assert_true (json_object_has_member (job, "queueTime"));
      g_assert_false (json_object_has_member (job, "id"));
      g_assert_false (json_object_has_member (job, "disposition"));
      g_assert_false (json_object_has_member (job, "createDate"));
    }

  data = json_object_get_array_member (node_object (last), "data");
  pagination = json_object_get_object_member (node_object (last), "pagination");
  g_assert_cmpuint (json_array_get_length (data), ==, 10);
  g_assert_cmpint (json_object_get_int_member (pagination, "currentPage"), ==, 14);
  g_assert_false (json_object_get_boolean_member (pagination, "hasNextPage"));
  g_assert_true (json_object_get_boolean_member (pagination, "hasPreviousPage"));

  data = json_object_get_array_member (node_object (active), "data");
  g_assert_cmpuint (json_array_get_length (data), >=, 3);
  for (guint i = 0; i < json_array_get_length (data); i++)
    {
      const char *status = json_object_get_string_member (json_array_get_object_element (data, i), "status");

      g_assert_true (g_str_equal (status, "Queued") || g_str_equal (status, "Running"));
    }

  data = json_object_get_array_member (node_object (by_name), "data");
  g_assert_cmpuint (json_array_get_length (data), ==, 65);
  for (guint i = 0; i < json_array_get_length (data); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (data, i), "workflowName"),
                     ==, "Inventory Reconciliation");

  reply_assert_has_message (bad, 400);
}

static void
test_jobs_refusals (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autofree char *viewer = harness_request_token (h, JD_DEMO_VIEWER_API_KEY, JD_DEMO_VIEWER_API_SECRET);
  g_autoptr(Reply) by_viewer = harness_get (h, "/v3/jobs", viewer);
  g_autoptr(Reply) legacy = NULL;

  reply_assert_message (by_viewer, 403, DENIED);

  jd_demo_server_set_legacy (h->server, TRUE);
  legacy = harness_get (h, "/v3/jobs", h->token);
  reply_assert_has_message (legacy, 404);
}


/* The filters of GET /v3/jobs beyond the statuses: priorities, users (by
 * ID or by the name a row shows), allUsers; each value checked. */
static void
test_jobs_filters (void)
{
  static const char *const bad[] = {
    "?priorities=Urgent", "?allUsers=maybe", "?completedAfter=2024-13-01", "?completedBefore=yesterday",
  };
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(JsonNode) own = harness_get_json (h, "/v3/jobs?limit=200");
  g_autoptr(JsonNode) everyone = harness_get_json (h, "/v3/jobs?limit=200&allUsers=true");
  g_autoptr(JsonNode) by_name = harness_get_json (h, "/v3/jobs?limit=200&users=kenji%20watanabe");
  g_autoptr(JsonNode) by_id = harness_get_json (h, "/v3/jobs?limit=200&users=5e1f2a3b4c5d6e7f80910a1c");
  g_autoptr(JsonNode) nobody = harness_get_json (h, "/v3/jobs?limit=200&users=Nobody%20Atall");
  g_autoptr(JsonNode) urgent = harness_get_json (h, "/v3/jobs?limit=200&allUsers=true&priorities=critical,HIGH");
  JsonArray *data;

  data = json_object_get_array_member (node_object (own), "data");
  g_assert_cmpuint (json_array_get_length (data), >, 0);
  for (guint i = 0; i < json_array_get_length (data); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (data, i), "submittedBy"),
                     ==, JD_DEMO_USER_CURATOR_NAME);
  g_assert_cmpuint (json_array_get_length (data), <,
                    json_array_get_length (json_object_get_array_member (node_object (everyone), "data")));

  data = json_object_get_array_member (node_object (by_name), "data");
  g_assert_cmpuint (json_array_get_length (data), >, 0);
  g_assert_cmpuint (json_array_get_length (data), ==,
                    json_array_get_length (json_object_get_array_member (node_object (by_id), "data")));
  for (guint i = 0; i < json_array_get_length (data); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (data, i), "submittedBy"),
                     ==, "Kenji Watanabe");

  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (node_object (nobody), "data")), ==, 0);

  data = json_object_get_array_member (node_object (urgent), "data");
  g_assert_cmpuint (json_array_get_length (data), >, 0);
  for (guint i = 0; i < json_array_get_length (data); i++)
    {
      const char *priority = json_object_get_string_member (json_array_get_object_element (data, i), "priority");

      g_assert_true (g_str_equal (priority, "Critical") || g_str_equal (priority, "High"));
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *path = g_strconcat ("/v3/jobs", bad[i], NULL);
      g_autoptr(Reply) reply = harness_get (h, path, h->token);

      reply_assert_has_message (reply, 400);
    }
}

/* Times as a Server gives them: a queued job has no start, a running one
 * has no execution time, a finished one has both. */
static void
test_jobs_times (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(JsonNode) root = harness_get_json (h, "/v3/jobs?limit=200&allUsers=true");
  JsonArray *data = json_object_get_array_member (node_object (root), "data");
  guint seen = 0;

  for (guint i = 0; i < json_array_get_length (data); i++)
    {
      JsonObject *job = json_array_get_object_element (data, i);
      const char *id = json_object_get_string_member (job, "jobId");
      const char *status = json_object_get_string_member (job, "status");
      gboolean started = !json_object_get_null_member (job, "startTime");
      gboolean ended = !json_object_get_null_member (job, "executionTime");

      g_assert_false (json_object_get_null_member (job, "queueTime"));
      if (g_str_equal (status, "Queued") || g_str_equal (status, "Created"))
        g_assert_true (!started && !ended);
      else if (g_str_equal (status, "Running") || g_str_equal (status, "Initializing"))
        g_assert_true (started && !ended);
      else
        g_assert_true (started && ended);

      if (g_str_equal (id, JD_DEMO_JOB_LONG_QUEUED))
        {
          g_assert_cmpstr (json_object_get_string_member (job, "queueTime"), ==, "2024-06-02T08:00:00.000Z");
          seen++;
        }
      else if (g_str_equal (id, JD_DEMO_JOB_SUCCESS))
        {
          double seconds = 0;

          g_assert_true (jd_json_parse_duration (json_object_get_string_member (job, "executionTime"), &seconds));
          /* 12.8 s in all, of which it waited a little */
          g_assert_cmpfloat (seconds, >, 8);
          g_assert_cmpfloat (seconds, <, 12.8);
          seen++;
        }
    }
  g_assert_cmpuint (seen, ==, 2);
}

static void
test_workflow_get (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(JsonNode) sales = harness_get_json (h, "/v3/workflows/" JD_DEMO_WORKFLOW_SALES);
  g_autofree char *viewer = harness_request_token (h, JD_DEMO_VIEWER_API_KEY, JD_DEMO_VIEWER_API_SECRET);
  g_autoptr(Reply) by_viewer = harness_get (h, "/v3/workflows/" JD_DEMO_WORKFLOW_SALES, viewer);
  g_autoptr(Reply) unknown = harness_get (h, "/v3/workflows/" JD_DEMO_JOB_UNKNOWN, h->token);
  g_autoptr(Reply) malformed = harness_get (h, "/v3/workflows/sales", h->token);
  g_autoptr(Reply) no_token = harness_get (h, "/v3/workflows/" JD_DEMO_WORKFLOW_SALES, NULL);
  g_autoptr(Reply) post = harness_send (h, "POST", "/v3/workflows/" JD_DEMO_WORKFLOW_SALES, h->token, "x=1");
  JsonObject *workflow = node_object (sales);
  JsonArray *versions = json_object_get_array_member (workflow, "versions");

  g_assert_cmpstr (json_object_get_string_member (workflow, "id"), ==, JD_DEMO_WORKFLOW_SALES);
  g_assert_cmpstr (json_object_get_string_member (workflow, "name"), ==, "Weekly Sales Rollup");
  g_assert_cmpint (json_object_get_int_member (workflow, "runCount"), ==, 75);
  g_assert_cmpuint (json_array_get_length (versions), ==, 7);
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (versions, 6), "published"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (versions, 6), "versionId"),
                   ==, json_object_get_string_member (workflow, "publishedVersionId"));

  reply_assert_message (by_viewer, 403, DENIED);
  reply_assert_has_message (unknown, 404);
  reply_assert_message (malformed, 400, "The workflow ID is not valid.");
  reply_assert_message (no_token, 401, DENIED);
  g_assert_cmpuint (post->status, ==, 405);
}

static void
test_workflows_search (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(JsonNode) all = harness_get_json (h, "/v3/workflows?view=Default");
  g_autoptr(JsonNode) sales = harness_get_json (h, "/v3/workflows?name=sales&view=Default");
  g_autoptr(JsonNode) none = harness_get_json (h, "/v3/workflows?name=payroll");
  g_autofree char *viewer = harness_request_token (h, JD_DEMO_VIEWER_API_KEY, JD_DEMO_VIEWER_API_SECRET);
  g_autoptr(Reply) by_viewer = harness_get (h, "/v3/workflows", viewer);
  JsonObject *workflow;

  g_assert_cmpuint (json_array_get_length (node_array (all)), ==, 2);
  g_assert_cmpuint (json_array_get_length (node_array (none)), ==, 0);
  g_assert_cmpuint (json_array_get_length (node_array (sales)), ==, 1);

  workflow = json_array_get_object_element (node_array (sales), 0);
  g_assert_cmpstr (json_object_get_string_member (workflow, "id"), ==, JD_DEMO_WORKFLOW_SALES);
  g_assert_cmpstr (json_object_get_string_member (workflow, "name"), ==, "Weekly Sales Rollup");
  g_assert_true (json_object_has_member (workflow, "ownerId"));
  g_assert_true (json_object_has_member (workflow, "dateCreated"));
  g_assert_true (json_object_has_member (workflow, "publishedVersionNumber"));

  reply_assert_message (by_viewer, 403, DENIED);
}

/* Downloads                                                           */

static const char *
expected_content_type (const char *format,
                       const char *file_name)
{
  if (g_str_equal (format, "Csv"))
    return "text/csv; charset=utf-8";
  if (g_str_equal (format, "Html"))
    return "text/html; charset=utf-8";
  if (g_str_equal (format, "Pdf"))
    return "application/pdf";
  if (g_str_equal (format, "Xlsx"))
    return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  if (g_str_equal (format, "Docx"))
    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  if (g_str_equal (format, "Zip"))
    return "application/zip";
  return "application/octet-stream";
}

/* The magic a file of this format starts with. */
static const char *
expected_magic (const char *format,
                const char *file_name)
{
  if (g_str_equal (format, "Raw"))
    {
      if (g_str_has_suffix (file_name, ".xlsx") || g_str_has_suffix (file_name, ".docx"))
        return "PK\x03\x04";
      if (g_str_has_suffix (file_name, ".pdf"))
        return "%PDF-";
      if (g_str_has_suffix (file_name, ".html"))
        return "<!DOCTYPE html>";
      if (g_str_has_suffix (file_name, ".yxdb"))
        return "Alteryx Database File";
      return NULL;
    }
  if (g_str_equal (format, "Xlsx") || g_str_equal (format, "Docx") || g_str_equal (format, "Zip"))
    return "PK\x03\x04";
  if (g_str_equal (format, "Pdf"))
    return "%PDF-";
  if (g_str_equal (format, "Html"))
    return "<!DOCTYPE html>";
  if (g_str_equal (format, "Yxdb"))
    return "Alteryx Database File";
  return NULL;
}

static guint32
read_le32 (const guint8 *p)
{
  return p[0] | (p[1] << 8) | (p[2] << 16) | ((guint32) p[3] << 24);
}

/* The first entry of a ZIP archive is whole and its CRC-32 is right. */
static void
assert_zip (GBytes *body)
{
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (body, &length);
  guint32 crc, size, name_length, extra_length;

  g_assert_cmpuint (length, >, 30 + 22);
  g_assert_cmpmem (data, 4, "PK\x03\x04", 4);
  crc = read_le32 (data + 14);
  size = read_le32 (data + 18);
  name_length = data[26] | (data[27] << 8);
  extra_length = data[28] | (data[29] << 8);
  g_assert_cmpuint (30 + name_length + extra_length + size, <=, length);
  g_assert_cmpuint (jd_demo_data_crc32 (0, data + 30 + name_length + extra_length, size), ==, crc);

  /* The end of the central directory closes the archive. */
  g_assert_cmpmem (data + length - 22, 4, "PK\x05\x06", 4);
}

static void
test_download_every_format (void)
{
  static const char *const jobs[] = { JD_DEMO_JOB_SUCCESS, JD_DEMO_JOB_WARNING, JD_DEMO_JOB_HUGE };
  g_autoptr(Harness) h = harness_new ();
  gsize largest = 0;
  guint downloads = 0;

  for (guint j = 0; j < G_N_ELEMENTS (jobs); j++)
    {
      g_autofree char *job_path = g_strconcat ("/v3/jobs/", jobs[j], "?includeMessages=false", NULL);
      g_autoptr(JsonNode) root = harness_get_json (h, job_path);
      JsonArray *outputs = json_object_get_array_member (node_object (root), "outputs");

      for (guint i = 0; i < json_array_get_length (outputs); i++)
        {
          JsonObject *output = json_array_get_object_element (outputs, i);
          const char *output_id = json_object_get_string_member (output, "id");
          const char *file_name = json_object_get_string_member (output, "fileName");
          JsonArray *formats = json_object_get_array_member (output, "availableFormats");

          for (guint f = 0; f < json_array_get_length (formats); f++)
            {
              const char *format = json_array_get_string_element (formats, f);
              g_autofree char *path = g_strdup_printf ("/v1/jobs/%s/output/%s?format=%s", jobs[j], output_id, format);
              g_autoptr(Reply) reply = harness_get (h, path, h->token);
              g_autoptr(GHashTable) params = NULL;
              g_autofree char *disposition = NULL;
              const char *magic = expected_magic (format, file_name);
              gsize length = 0;
              const char *data = g_bytes_get_data (reply->body, &length);
              const char *saved_as;

              g_test_message ("%s %s %s", jobs[j], output_id, format);
              g_assert_cmpuint (reply->status, ==, 200);
              g_assert_cmpuint (length, >, 0);
              g_assert_cmpint (soup_message_headers_get_content_length (reply->headers), ==, length);
              g_assert_cmpstr (soup_message_headers_get_one (reply->headers, "Content-Type"), ==,
                               expected_content_type (format, file_name));

              g_assert_true (soup_message_headers_get_content_disposition (reply->headers, &disposition, &params));
              g_assert_cmpstr (disposition, ==, "attachment");
              saved_as = g_hash_table_lookup (params, "filename");
              g_assert_nonnull (saved_as);
              if (g_str_equal (format, "Raw"))
                {
                  g_assert_true (g_str_has_suffix (file_name, saved_as));
                }
              else
                {
                  g_autofree char *extension = g_ascii_strdown (format, -1);

                  g_assert_true (g_str_has_suffix (saved_as, extension));
                }

              if (magic != NULL)
                {
                  g_assert_cmpuint (length, >=, strlen (magic));
                  g_assert_cmpmem (data, strlen (magic), magic, strlen (magic));
                }
              if (magic != NULL && g_str_has_prefix (magic, "PK"))
                assert_zip (reply->body);
              if (g_str_equal (format, "Csv"))
                g_assert_true (g_utf8_validate (data, (gssize) length, NULL));

              largest = MAX (largest, length);
              downloads++;
            }
        }
    }

  g_assert_cmpuint (downloads, >=, 20);
  /* Large enough that a download shows progress. */
  g_assert_cmpuint (largest, >, 1500 * 1000);
}

static void
test_download_refusals (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(Reply) not_offered = harness_get (h, "/v1/jobs/" JD_DEMO_JOB_WARNING "/output/66ebd1b23d6200007e000e11?format=Pdf", h->token);
  g_autoptr(Reply) no_format = harness_get (h, "/v1/jobs/" JD_DEMO_JOB_WARNING "/output/66ebd1b23d6200007e000e11", h->token);
  g_autoptr(Reply) unknown_output = harness_get (h, "/v1/jobs/" JD_DEMO_JOB_WARNING "/output/66ebd1b23d6200007e000fff?format=Csv", h->token);
  g_autoptr(Reply) unknown_job = harness_get (h, "/v1/jobs/" JD_DEMO_JOB_UNKNOWN "/output/66ebd1b23d6200007e000e11?format=Csv", h->token);
  g_autoptr(Reply) no_token = harness_get (h, "/v1/jobs/" JD_DEMO_JOB_WARNING "/output/66ebd1b23d6200007e000e11?format=Csv", NULL);

  reply_assert_has_message (not_offered, 400);
  reply_assert_has_message (no_format, 400);
  reply_assert_has_message (unknown_output, 404);
  reply_assert_has_message (unknown_job, 404);
  reply_assert_message (no_token, 401, DENIED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/api/demo-server/download/every-format", test_download_every_format);
  g_test_add_func ("/api/demo-server/download/refusals", test_download_refusals);
  g_test_add_func ("/api/demo-server/jobs/pagination", test_jobs_pagination);
  g_test_add_func ("/api/demo-server/jobs/refusals-and-legacy", test_jobs_refusals);
  g_test_add_func ("/api/demo-server/jobs/filters", test_jobs_filters);
  g_test_add_func ("/api/demo-server/jobs/times", test_jobs_times);
  g_test_add_func ("/api/demo-server/workflows/search", test_workflows_search);
  g_test_add_func ("/api/demo-server/workflow/get", test_workflow_get);

  return g_test_run ();
}
