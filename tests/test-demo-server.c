/* test-demo-server.c: what JdDemoServer answers, over real HTTP.
 *
 * Most tests run the server in its own thread and talk to it with a plain
 * synchronous SoupSession, so that each reads top to bottom like a curl
 * session; one runs it in the test's main context with asynchronous
 * requests, and one runs the jobdesk-demo-server executable.
 */
#include "config.h"

#include <string.h>
#include <signal.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "jd-demo-data.h"
#include "jd-demo-server.h"
#include "jd-json-reader.h"
#include "jd-test-util.h"

#define JSON_CONTENT_TYPE "application/json; charset=utf-8"
#define DENIED            "Authorization has been denied for this request."

/* ------------------------------------------------------------------ */
/* Harness: a server in its own thread, a session, a Curator's token   */

typedef struct
{
  JdDemoServer *server;
  SoupSession  *session;
  char         *token;
} Harness;

typedef struct
{
  guint               status;
  GBytes             *body;
  SoupMessageHeaders *headers;
} Reply;

static void
reply_free (Reply *reply)
{
  g_bytes_unref (reply->body);
  soup_message_headers_unref (reply->headers);
  g_free (reply);
}

static Reply *
send_request (Harness    *h,
              const char *method,
              const char *path,
              const char *token,
              const char *body)
{
  g_autofree char *uri = g_strconcat (jd_demo_server_get_base_url (h->server), path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;
  Reply *reply;

  g_assert_nonnull (msg);
  headers = soup_message_get_request_headers (msg);
  soup_message_headers_replace (headers, "Accept", "application/json");
  if (token != NULL)
    {
      g_autofree char *value = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (headers, "Authorization", value);
    }
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (msg, "application/x-www-form-urlencoded", bytes);
    }

  reply = g_new0 (Reply, 1);
  reply->body = soup_session_send_and_read (h->session, msg, NULL, &error);
  g_assert_no_error (error);
  reply->status = soup_message_get_status (msg);
  reply->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));

  return reply;
}

static Reply *
get (Harness    *h,
     const char *path,
     const char *token)
{
  return send_request (h, "GET", path, token, NULL);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Reply, reply_free)

static JsonNode *
reply_json (Reply *reply)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (reply->body, &length);
  JsonNode *root;

  g_assert_cmpstr (soup_message_headers_get_one (reply->headers, "Content-Type"), ==, JSON_CONTENT_TYPE);
  json_parser_load_from_data (parser, data, (gssize) length, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_nonnull (root);

  return json_node_copy (root);
}

static JsonObject *
node_object (JsonNode *node)
{
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_node_get_object (node);
}

static JsonArray *
node_array (JsonNode *node)
{
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  return json_node_get_array (node);
}

/* The "message" of an error answer. */
static void
assert_message (Reply      *reply,
                guint       status,
                const char *message)
{
  g_autoptr(JsonNode) root = NULL;

  g_assert_cmpuint (reply->status, ==, status);
  root = reply_json (reply);
  g_assert_cmpstr (json_object_get_string_member_with_default (node_object (root), "message", NULL), ==, message);
}

static void
assert_has_message (Reply *reply,
                    guint  status)
{
  g_autoptr(JsonNode) root = NULL;
  const char *message;

  g_assert_cmpuint (reply->status, ==, status);
  root = reply_json (reply);
  message = json_object_get_string_member_with_default (node_object (root), "message", NULL);
  g_assert_nonnull (message);
  g_assert_cmpstr (message, !=, "");
}

static char *
request_token (Harness    *h,
               const char *key,
               const char *secret)
{
  g_autofree char *body = g_strdup_printf ("grant_type=client_credentials&client_id=%s&client_secret=%s", key, secret);
  g_autoptr(Reply) reply = send_request (h, "POST", "/oauth2/token", NULL, body);
  g_autoptr(JsonNode) root = NULL;

  g_assert_cmpuint (reply->status, ==, 200);
  root = reply_json (reply);
  return g_strdup (json_object_get_string_member (node_object (root), "access_token"));
}

/* No proxy: looking up the system's would read GSettings schemas, which
 * the isolated test directories do not have. */
static SoupSession *
new_session (void)
{
  SoupSession *session = soup_session_new ();

  soup_session_set_proxy_resolver (session, NULL);
  return session;
}

static Harness *
harness_new (void)
{
  Harness *h = g_new0 (Harness, 1);
  g_autoptr(GError) error = NULL;

  h->server = jd_demo_server_new ();
  jd_demo_server_start_thread (h->server, 0, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (jd_demo_server_get_base_url (h->server), "http://127.0.0.1:"));
  g_assert_true (g_str_has_suffix (jd_demo_server_get_base_url (h->server), "/webapi"));

  h->session = new_session ();
  h->token = request_token (h, JD_DEMO_API_KEY, JD_DEMO_API_SECRET);

  return h;
}

static void
harness_free (Harness *h)
{
  jd_demo_server_stop (h->server);
  g_assert_finalize_object (h->server);
  g_assert_finalize_object (h->session);
  g_free (h->token);
  g_free (h);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Harness, harness_free)

static JsonNode *
get_json (Harness    *h,
          const char *path)
{
  g_autoptr(Reply) reply = get (h, path, h->token);

  g_assert_cmpuint (reply->status, ==, 200);
  return reply_json (reply);
}

/* ------------------------------------------------------------------ */
/* Tokens                                                              */

static void
test_token_form_body (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(Reply) reply = send_request (h, "POST", "/oauth2/token", NULL,
                                         "grant_type=client_credentials&client_id=demo&client_secret=demo");
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  g_assert_cmpuint (reply->status, ==, 200);
  root = reply_json (reply);
  object = node_object (root);
  g_assert_cmpuint (strlen (json_object_get_string_member (object, "access_token")), >=, 32);
  g_assert_cmpstr (json_object_get_string_member (object, "token_type"), ==, "bearer");
  g_assert_cmpint (json_object_get_int_member (object, "expires_in"), ==, 3599);
  g_assert_cmpstr (soup_message_headers_get_one (reply->headers, "Cache-Control"), ==, "no-store");

  /* Every token is new. */
  g_assert_cmpstr (json_object_get_string_member (object, "access_token"), !=, h->token);
}

static void
test_token_basic (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autofree char *uri = g_strconcat (jd_demo_server_get_base_url (h->server), "/oauth2/token", NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", uri);
  g_autoptr(GBytes) form = g_bytes_new_static ("grant_type=client_credentials", strlen ("grant_type=client_credentials"));
  g_autofree char *credentials = g_base64_encode ((const guchar *) "demo:demo", strlen ("demo:demo"));
  g_autofree char *authorization = g_strconcat ("Basic ", credentials, NULL);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", authorization);
  soup_message_set_request_body_from_bytes (msg, "application/x-www-form-urlencoded", form);
  body = soup_session_send_and_read (h->session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);

  text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  g_assert_nonnull (strstr (text, "\"access_token\":\""));
}

static void
test_token_bad_secret (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(Reply) reply = send_request (h, "POST", "/oauth2/token", NULL,
                                         "grant_type=client_credentials&client_id=demo&client_secret=wrong");
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  g_assert_cmpuint (reply->status, ==, 400);
  root = reply_json (reply);
  object = node_object (root);
  g_assert_cmpstr (json_object_get_string_member (object, "error"), ==, "invalid_client");
  g_assert_nonnull (json_object_get_string_member_with_default (object, "error_description", NULL));
  g_assert_false (json_object_has_member (object, "access_token"));
}

static void
test_token_unsupported_grant_type (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(Reply) reply = send_request (h, "POST", "/oauth2/token", NULL,
                                         "grant_type=password&username=demo&password=demo");
  g_autoptr(JsonNode) root = NULL;

  g_assert_cmpuint (reply->status, ==, 400);
  root = reply_json (reply);
  g_assert_cmpstr (json_object_get_string_member (node_object (root), "error"), ==, "unsupported_grant_type");
}

static void
test_token_basic_only (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(Reply) reply = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *uri = g_strconcat (jd_demo_server_get_base_url (h->server), "/oauth2/token", NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", uri);
  g_autoptr(GBytes) form = g_bytes_new_static ("grant_type=client_credentials", strlen ("grant_type=client_credentials"));
  g_autofree char *credentials = g_base64_encode ((const guchar *) "viewer:viewer", strlen ("viewer:viewer"));
  g_autofree char *authorization = g_strconcat ("Basic ", credentials, NULL);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;

  jd_demo_server_set_basic_auth_only (h->server, TRUE);

  reply = send_request (h, "POST", "/oauth2/token", NULL,
                        "grant_type=client_credentials&client_id=demo&client_secret=demo");
  g_assert_cmpuint (reply->status, ==, 400);
  root = reply_json (reply);
  g_assert_cmpstr (json_object_get_string_member (node_object (root), "error"), ==, "invalid_request");

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", authorization);
  soup_message_set_request_body_from_bytes (msg, "application/x-www-form-urlencoded", form);
  body = soup_session_send_and_read (h->session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
}

static void
test_token_wrong_method (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(Reply) reply = get (h, "/oauth2/token", NULL);

  g_assert_cmpuint (reply->status, ==, 405);
  g_assert_cmpstr (soup_message_headers_get_one (reply->headers, "Allow"), ==, "POST");
}

/* ------------------------------------------------------------------ */
/* Authorization                                                       */

static void
test_auth_no_token (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(Reply) reply = get (h, "/v3/jobs/" JD_DEMO_JOB_SUCCESS, NULL);
  g_autoptr(Reply) made_up = get (h, "/v3/jobs/" JD_DEMO_JOB_SUCCESS, "not-a-token");

  assert_message (reply, 401, DENIED);
  g_assert_cmpstr (soup_message_headers_get_one (reply->headers, "WWW-Authenticate"), ==, "Bearer");
  assert_message (made_up, 401, DENIED);
}

static void
test_auth_token_lifetime (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(Reply) before = NULL;
  g_autoptr(Reply) after = NULL;
  g_autoptr(Reply) old_token = NULL;
  g_autofree char *token = NULL;

  jd_demo_server_set_token_lifetime (h->server, 1);
  token = request_token (h, JD_DEMO_API_KEY, JD_DEMO_API_SECRET);

  before = get (h, "/v3/jobs/" JD_DEMO_JOB_SUCCESS, token);
  g_assert_cmpuint (before->status, ==, 200);

  g_usleep (1200 * 1000);
  after = get (h, "/v3/jobs/" JD_DEMO_JOB_SUCCESS, token);
  assert_message (after, 401, DENIED);

  /* Tokens issued before the change keep their hour. */
  old_token = get (h, "/v3/jobs/" JD_DEMO_JOB_SUCCESS, h->token);
  g_assert_cmpuint (old_token->status, ==, 200);
}

static void
test_auth_expire_tokens (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(Reply) expired = NULL;
  g_autoptr(Reply) renewed = NULL;
  g_autofree char *token = NULL;

  jd_demo_server_expire_tokens (h->server);
  expired = get (h, "/v3/jobs/" JD_DEMO_JOB_SUCCESS, h->token);
  assert_message (expired, 401, DENIED);

  token = request_token (h, JD_DEMO_API_KEY, JD_DEMO_API_SECRET);
  renewed = get (h, "/v3/jobs/" JD_DEMO_JOB_SUCCESS, token);
  g_assert_cmpuint (renewed->status, ==, 200);
}

/* ------------------------------------------------------------------ */
/* One job                                                             */

static void
test_job_fields (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(JsonNode) root = get_json (h, "/v3/jobs/" JD_DEMO_JOB_SUCCESS);
  JsonObject *job = node_object (root);
  JsonArray *outputs;
  JsonArray *messages;
  gboolean long_name = FALSE, german = FALSE, japanese = FALSE, unc = FALSE, local = FALSE;

  g_assert_cmpstr (json_object_get_string_member (job, "id"), ==, JD_DEMO_JOB_SUCCESS);
  g_assert_cmpstr (json_object_get_string_member (job, "appId"), ==, JD_DEMO_WORKFLOW_SALES);
  g_assert_cmpstr (json_object_get_string_member (job, "createDateTime"), ==, "2024-09-19T10:02:54.589Z");
  g_assert_cmpstr (json_object_get_string_member (job, "status"), ==, "Completed");
  g_assert_cmpstr (json_object_get_string_member (job, "disposition"), ==, "Success");
  g_assert_cmpstr (json_object_get_string_member (job, "priority"), ==, "Default");
  g_assert_cmpstr (json_object_get_string_member (job, "workerTag"), ==, "");
  g_assert_true (json_object_get_boolean_member (job, "runWithE2"));

  outputs = json_object_get_array_member (job, "outputs");
  g_assert_cmpuint (json_array_get_length (outputs), ==, 3);
  for (guint i = 0; i < json_array_get_length (outputs); i++)
    {
      JsonObject *output = json_array_get_object_element (outputs, i);
      const char *file_name = json_object_get_string_member (output, "fileName");

      g_assert_true (jd_demo_data_is_object_id (json_object_get_string_member (output, "id")));
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (output, "availableFormats")), >=, 2);
      g_assert_true (g_utf8_validate (file_name, -1, NULL));
      long_name |= strlen (file_name) > 120;
      german |= strstr (file_name, "Übersicht") != NULL;
      japanese |= strstr (file_name, "販売レポート") != NULL;
      unc |= g_str_has_prefix (file_name, "\\\\fileserver\\share\\finance\\");
      local |= g_str_has_prefix (file_name, "C:\\ProgramData\\");
    }
  g_assert_true (long_name && german && japanese && unc && local);

  messages = json_object_get_array_member (job, "messages");
  g_assert_cmpuint (json_array_get_length (messages), ==, 12);
  for (guint i = 0; i < json_array_get_length (messages); i++)
    {
      JsonObject *message = json_array_get_object_element (messages, i);

      g_assert_cmpint (json_node_get_value_type (json_object_get_member (message, "status")), ==, G_TYPE_INT64);
      g_assert_cmpint (json_node_get_value_type (json_object_get_member (message, "toolId")), ==, G_TYPE_INT64);
      g_assert_cmpstr (json_object_get_string_member (message, "text"), !=, "");
    }
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (messages, 0), "toolId"), ==, -1);
}

static void
test_job_without_messages (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(JsonNode) without = get_json (h, "/v3/jobs/" JD_DEMO_JOB_SUCCESS "?includeMessages=false");
  g_autoptr(JsonNode) with = get_json (h, "/v3/jobs/" JD_DEMO_JOB_SUCCESS "?includeMessages=true");
  g_autoptr(JsonNode) empty = get_json (h, "/v3/jobs/" JD_DEMO_JOB_NO_MESSAGES);
  g_autoptr(Reply) bad = get (h, "/v3/jobs/" JD_DEMO_JOB_SUCCESS "?includeMessages=sometimes", h->token);

  g_assert_false (json_object_has_member (node_object (without), "messages"));
  g_assert_true (json_object_has_member (node_object (without), "outputs"));
  g_assert_true (json_object_has_member (node_object (with), "messages"));

  /* A job that said nothing has an empty array, not a missing member. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (node_object (empty), "messages")), ==, 0);
  assert_has_message (bad, 400);
}

static void
test_job_unknown (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(Reply) unknown = get (h, "/v3/jobs/" JD_DEMO_JOB_UNKNOWN, h->token);
  g_autoptr(Reply) malformed = get (h, "/v3/jobs/not-a-job-id", h->token);

  assert_has_message (unknown, 404);
  assert_message (malformed, 400, "The job ID is not valid.");
}

static void
test_job_sparse (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(JsonNode) root = get_json (h, "/v3/jobs/" JD_DEMO_JOB_SPARSE);
  JsonObject *job = node_object (root);

  g_assert_cmpstr (json_object_get_string_member (job, "status"), ==, "Complete");
  g_assert_cmpstr (json_object_get_string_member (job, "priority"), ==, "Urgent");
  g_assert_false (json_object_has_member (job, "appId"));
  g_assert_false (json_object_has_member (job, "createDateTime"));
  g_assert_false (json_object_has_member (job, "disposition"));
  g_assert_false (json_object_has_member (job, "outputs"));
  g_assert_false (json_object_has_member (job, "messages"));
  g_assert_true (json_object_has_member (job, "executionNode"));
}

static void
test_job_every_state (void)
{
  static const struct { const char *id; const char *status; const char *disposition; } jobs[] = {
    { JD_DEMO_JOB_SUCCESS, "Completed", "Success" },
    { JD_DEMO_JOB_WARNING, "Completed", "Warning" },
    { JD_DEMO_JOB_ERROR, "Completed", "Error" },
    { JD_DEMO_JOB_FAILED, "Error", "Error" },
    { JD_DEMO_JOB_CANCELLED, "Cancelled", "Cancelled" },
    { JD_DEMO_JOB_QUEUED, "Queued", "None" },
    { JD_DEMO_JOB_RUNNING, "Running", "None" },
    { JD_DEMO_JOB_CREATED, "Created", "None" },
    { JD_DEMO_JOB_INITIALIZING, "Initializing", "None" },
    { JD_DEMO_JOB_NO_MESSAGES, "Completed", "Success" },
  };
  g_autoptr(Harness) h = harness_new ();

  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    {
      g_autofree char *path = g_strconcat ("/v3/jobs/", jobs[i].id, NULL);
      g_autoptr(JsonNode) root = get_json (h, path);
      JsonObject *job = node_object (root);

      g_assert_cmpstr (json_object_get_string_member (job, "status"), ==, jobs[i].status);
      g_assert_cmpstr (json_object_get_string_member (job, "disposition"), ==, jobs[i].disposition);
      /* Only a completed job lists outputs. */
      if (!g_str_equal (jobs[i].status, "Completed"))
        g_assert_cmpuint (json_array_get_length (json_object_get_array_member (job, "outputs")), ==, 0);
    }
}

static void
test_job_many_messages (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(JsonNode) root = get_json (h, "/v3/jobs/" JD_DEMO_JOB_MANY_MESSAGES);
  JsonArray *messages = json_object_get_array_member (node_object (root), "messages");
  static const gint64 codes[] = { 1, 2, 3, 4, 5, 6, 8, 9, 20, 21 };
  gboolean seen[G_N_ELEMENTS (codes)] = { FALSE };
  guint transient = 0;
  guint engine = 0;

  g_assert_cmpuint (json_array_get_length (messages), ==, 5000);
  for (guint i = 0; i < json_array_get_length (messages); i++)
    {
      JsonObject *message = json_array_get_object_element (messages, i);
      gint64 code = json_object_get_int_member (message, "status");

      if (code & 0x40000000)
        transient++;
      if (json_object_get_int_member (message, "toolId") == -1)
        engine++;
      for (guint k = 0; k < G_N_ELEMENTS (codes); k++)
        seen[k] |= (code & ~0x40000000) == codes[k];
    }

  for (guint k = 0; k < G_N_ELEMENTS (codes); k++)
    g_assert_true (seen[k]);
  g_assert_cmpuint (transient, >, 0);
  g_assert_cmpuint (engine, >, 0);
}

static void
test_job_huge (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(Reply) reply = get (h, "/v3/jobs/" JD_DEMO_JOB_HUGE, h->token);
  g_autoptr(Reply) again = get (h, "/v3/jobs/" JD_DEMO_JOB_HUGE, h->token);
  g_autoptr(JsonNode) root = NULL;
  JsonArray *messages;

  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_cmpuint (g_bytes_get_size (reply->body), >, 10 * 1000 * 1000);
  g_assert_cmpuint (g_bytes_get_size (reply->body), <, 13 * 1000 * 1000);
  g_assert_cmpint (soup_message_headers_get_content_length (reply->headers), ==, g_bytes_get_size (reply->body));

  root = reply_json (reply);
  messages = json_object_get_array_member (node_object (root), "messages");
  g_assert_cmpuint (json_array_get_length (messages), ==, 100000);
  g_assert_cmpstr (json_object_get_string_member (node_object (root), "disposition"), ==, "Warning");

  /* From the cache, the same bytes. */
  g_assert_true (g_bytes_equal (reply->body, again->body));
}

static void
test_job_progressing (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonNode) last = NULL;
  gint64 deadline;
  JsonObject *job;

  jd_demo_server_set_progress_step (h->server, 100);

  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < deadline)
    {
      const char *status;

      g_clear_pointer (&last, json_node_unref);
      last = get_json (h, "/v3/jobs/" JD_DEMO_JOB_PROGRESSING);
      job = node_object (last);
      status = json_object_get_string_member (job, "status");

      if (seen->len == 0 || !g_str_equal (g_ptr_array_index (seen, seen->len - 1), status))
        {
          g_ptr_array_add (seen, g_strdup (status));
          if (g_str_equal (status, "Queued") || g_str_equal (status, "Running"))
            {
              g_assert_cmpstr (json_object_get_string_member (job, "disposition"), ==, "None");
              g_assert_cmpuint (json_array_get_length (json_object_get_array_member (job, "outputs")), ==, 0);
            }
        }

      if (g_str_equal (status, "Completed"))
        break;
      g_usleep (5 * 1000);
    }

  g_assert_cmpuint (seen->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, "Queued");
  g_assert_cmpstr (g_ptr_array_index (seen, 1), ==, "Running");
  g_assert_cmpstr (g_ptr_array_index (seen, 2), ==, "Completed");

  job = node_object (last);
  g_assert_cmpstr (json_object_get_string_member (job, "disposition"), ==, "Success");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (job, "outputs")), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (job, "messages")), >, 4);
}

/* ------------------------------------------------------------------ */
/* Messages endpoint                                                   */

static void
test_messages_curator (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(JsonNode) messages = get_json (h, "/v3/jobs/" JD_DEMO_JOB_WARNING "/messages");
  g_autoptr(JsonNode) queued = get_json (h, "/v3/jobs/" JD_DEMO_JOB_QUEUED "/messages");
  g_autoptr(Reply) unknown = get (h, "/v3/jobs/" JD_DEMO_JOB_UNKNOWN "/messages", h->token);

  g_assert_cmpuint (json_array_get_length (node_array (messages)), ==, 12);
  g_assert_cmpuint (json_array_get_length (node_array (queued)), ==, 0);
  assert_has_message (unknown, 404);
}

static void
test_messages_viewer_forbidden (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autofree char *viewer = request_token (h, JD_DEMO_VIEWER_API_KEY, JD_DEMO_VIEWER_API_SECRET);
  g_autoptr(Reply) messages = get (h, "/v3/jobs/" JD_DEMO_JOB_SUCCESS "/messages", viewer);
  g_autoptr(Reply) job = get (h, "/v3/jobs/" JD_DEMO_JOB_SUCCESS, viewer);

  assert_message (messages, 403, DENIED);
  /* A viewer still sees the job itself, messages included. */
  g_assert_cmpuint (job->status, ==, 200);
}

/* ------------------------------------------------------------------ */
/* Jobs of a workflow                                                  */

static JsonArray *
workflow_jobs (Harness    *h,
               JsonNode  **keep,
               const char *workflow_id,
               const char *query)
{
  g_autofree char *path = g_strdup_printf ("/v3/workflows/%s/jobs%s", workflow_id, query);

  *keep = get_json (h, path);
  return node_array (*keep);
}

static void
test_workflow_jobs_paging (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(JsonNode) all_node = NULL;
  g_autoptr(JsonNode) page_node = NULL;
  g_autoptr(JsonNode) asc_node = NULL;
  g_autoptr(JsonNode) inventory_node = NULL;
  JsonArray *all = workflow_jobs (h, &all_node, JD_DEMO_WORKFLOW_SALES, "");
  JsonArray *page = workflow_jobs (h, &page_node, JD_DEMO_WORKFLOW_SALES, "?offset=10&limit=20");
  JsonArray *asc = workflow_jobs (h, &asc_node, JD_DEMO_WORKFLOW_SALES, "?sortField=createDate&direction=asc");
  JsonArray *inventory = workflow_jobs (h, &inventory_node, JD_DEMO_WORKFLOW_INVENTORY, "");
  guint n = json_array_get_length (all);

  g_assert_cmpuint (n, ==, 75);
  g_assert_cmpuint (json_array_get_length (inventory), ==, 65);
  g_assert_cmpuint (json_array_get_length (page), ==, 20);
  g_assert_cmpuint (json_array_get_length (asc), ==, n);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *job = json_array_get_object_element (all, i);
      const char *id = json_object_get_string_member (job, "id");

      /* WorkflowJobView: createDate, no disposition, no outputs; the
       * contract test checks every field. */
      g_assert_true (json_object_has_member (job, "createDate"));
      g_assert_true (json_object_has_member (job, "priority"));
      g_assert_true (json_object_has_member (job, "workerTag"));
      g_assert_true (json_object_has_member (job, "runWithE2"));
      g_assert_false (json_object_has_member (job, "disposition"));
      g_assert_false (json_object_has_member (job, "outputs"));

      /* Newest first by default. */
      if (i > 0)
        g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (all, i - 1), "createDate"),
                         >, json_object_get_string_member (job, "createDate"));
      if (i >= 10 && i < 30)
        g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (page, i - 10), "id"), ==, id);
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (asc, n - 1 - i), "id"), ==, id);
    }
}

static void
test_workflow_jobs_filters (void)
{
  static const struct { const char *query; const char *status; } filters[] = {
    { "?status=Complete", "Completed" },
    { "?status=Error", "Error" },
    { "?status=Running", "Running" },
    { "?status=queued", "Queued" },
  };
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(JsonNode) warnings_node = NULL;
  JsonArray *warnings;

  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    {
      g_autoptr(JsonNode) node = NULL;
      JsonArray *jobs = workflow_jobs (h, &node, JD_DEMO_WORKFLOW_SALES, filters[i].query);

      g_assert_cmpuint (json_array_get_length (jobs), >, 0);
      for (guint k = 0; k < json_array_get_length (jobs); k++)
        g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (jobs, k), "status"),
                         ==, filters[i].status);
    }

  warnings = workflow_jobs (h, &warnings_node, JD_DEMO_WORKFLOW_INVENTORY, "?resultCode=Warning&limit=5");
  g_assert_cmpuint (json_array_get_length (warnings), ==, 5);
  for (guint k = 0; k < json_array_get_length (warnings); k++)
    {
      const char *id = json_object_get_string_member (json_array_get_object_element (warnings, k), "id");
      g_autofree char *path = g_strconcat ("/v3/jobs/", id, "?includeMessages=false", NULL);
      g_autoptr(JsonNode) job = get_json (h, path);

      g_assert_cmpstr (json_object_get_string_member (node_object (job), "disposition"), ==, "Warning");
    }
}

static void
test_workflow_jobs_bad_requests (void)
{
  static const char *const bad[] = {
    "?offset=-1", "?offset=abc", "?limit=-5", "?limit=ten", "?direction=sideways",
    "?sortField=colour", "?status=Sleeping", "?resultCode=Maybe",
  };
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(Reply) unknown = get (h, "/v3/workflows/" JD_DEMO_JOB_UNKNOWN "/jobs", h->token);
  g_autoptr(Reply) no_token = get (h, "/v3/workflows/" JD_DEMO_WORKFLOW_SALES "/jobs", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *path = g_strconcat ("/v3/workflows/" JD_DEMO_WORKFLOW_SALES "/jobs", bad[i], NULL);
      g_autoptr(Reply) reply = get (h, path, h->token);

      assert_has_message (reply, 400);
    }

  assert_has_message (unknown, 404);
  assert_message (no_token, 401, DENIED);
}

/* Every job in a list answers GET /v3/jobs/{id}, and names its workflow. */
static void
test_workflow_jobs_all_answer (void)
{
  static const char *const workflows[] = { JD_DEMO_WORKFLOW_SALES, JD_DEMO_WORKFLOW_INVENTORY };
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint w = 0; w < G_N_ELEMENTS (workflows); w++)
    {
      g_autoptr(JsonNode) node = NULL;
      JsonArray *jobs = workflow_jobs (h, &node, workflows[w], "");

      for (guint i = 0; i < json_array_get_length (jobs); i++)
        {
          JsonObject *summary = json_array_get_object_element (jobs, i);
          const char *id = json_object_get_string_member (summary, "id");
          g_autofree char *path = g_strconcat ("/v3/jobs/", id, "?includeMessages=false", NULL);
          g_autoptr(JsonNode) job = get_json (h, path);
          const char *created = json_object_get_string_member (node_object (job), "createDateTime");

          g_assert_true (jd_demo_data_is_object_id (id));
          g_assert_true (g_hash_table_add (ids, g_strdup (id)));
          g_assert_cmpstr (json_object_get_string_member (node_object (job), "appId"), ==, workflows[w]);
          g_assert_cmpstr (json_object_get_string_member (summary, "createDate"), ==, created);
          g_assert_true (g_str_has_prefix (created, "2024-") || g_str_has_prefix (created, "2025-") ||
                         g_str_has_prefix (created, "2026-"));
          g_assert_true (g_str_has_suffix (created, "Z") && strlen (created) == 24);
        }
    }

  g_assert_cmpuint (g_hash_table_size (ids), ==, 75 + 65);
}

/* ------------------------------------------------------------------ */
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
      g_autoptr(JsonNode) root = get_json (h, job_path);
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
              g_autoptr(Reply) reply = get (h, path, h->token);
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
  g_autoptr(Reply) not_offered = get (h, "/v1/jobs/" JD_DEMO_JOB_WARNING "/output/66ebd1b23d6200007e000e11?format=Pdf", h->token);
  g_autoptr(Reply) no_format = get (h, "/v1/jobs/" JD_DEMO_JOB_WARNING "/output/66ebd1b23d6200007e000e11", h->token);
  g_autoptr(Reply) unknown_output = get (h, "/v1/jobs/" JD_DEMO_JOB_WARNING "/output/66ebd1b23d6200007e000fff?format=Csv", h->token);
  g_autoptr(Reply) unknown_job = get (h, "/v1/jobs/" JD_DEMO_JOB_UNKNOWN "/output/66ebd1b23d6200007e000e11?format=Csv", h->token);
  g_autoptr(Reply) no_token = get (h, "/v1/jobs/" JD_DEMO_JOB_WARNING "/output/66ebd1b23d6200007e000e11?format=Csv", NULL);

  assert_has_message (not_offered, 400);
  assert_has_message (no_format, 400);
  assert_has_message (unknown_output, 404);
  assert_has_message (unknown_job, 404);
  assert_message (no_token, 401, DENIED);
}

/* ------------------------------------------------------------------ */
/* DELETE                                                              */

static void
test_delete_running_job (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(Reply) cancel = send_request (h, "DELETE", "/v3/jobs/" JD_DEMO_JOB_RUNNING, h->token, NULL);
  g_autoptr(Reply) again = send_request (h, "DELETE", "/v3/jobs/" JD_DEMO_JOB_RUNNING, h->token, NULL);
  g_autoptr(JsonNode) root = get_json (h, "/v3/jobs/" JD_DEMO_JOB_RUNNING);
  g_autoptr(JsonNode) list = NULL;
  JsonArray *jobs;
  JsonArray *messages;
  gboolean listed = FALSE;

  /* The JobView of the job as it now stands */
  g_assert_cmpuint (cancel->status, ==, 200);
  {
    g_autoptr(JsonNode) answer = reply_json (cancel);

    g_assert_cmpstr (json_object_get_string_member (node_object (answer), "id"), ==, JD_DEMO_JOB_RUNNING);
    g_assert_cmpstr (json_object_get_string_member (node_object (answer), "status"), ==, "Cancelled");
  }

  g_assert_cmpstr (json_object_get_string_member (node_object (root), "status"), ==, "Cancelled");
  g_assert_cmpstr (json_object_get_string_member (node_object (root), "disposition"), ==, "Cancelled");
  messages = json_object_get_array_member (node_object (root), "messages");
  g_assert_nonnull (strstr (json_object_get_string_member (json_array_get_object_element (messages, json_array_get_length (messages) - 1), "text"),
                            "cancelled"));

  assert_message (again, 400, "The job has already finished.");

  jobs = workflow_jobs (h, &list, JD_DEMO_WORKFLOW_SALES, "?status=Cancelled");
  for (guint i = 0; i < json_array_get_length (jobs); i++)
    listed |= g_str_equal (json_object_get_string_member (json_array_get_object_element (jobs, i), "id"), JD_DEMO_JOB_RUNNING);
  g_assert_true (listed);
}

static void
test_delete_queued_job (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(Reply) remove = send_request (h, "DELETE", "/v3/jobs/" JD_DEMO_JOB_QUEUED, h->token, NULL);
  g_autoptr(Reply) gone = get (h, "/v3/jobs/" JD_DEMO_JOB_QUEUED, h->token);
  g_autoptr(Reply) created = send_request (h, "DELETE", "/v3/jobs/" JD_DEMO_JOB_CREATED, h->token, NULL);
  g_autoptr(JsonNode) list = NULL;
  JsonArray *jobs;

  g_assert_cmpuint (remove->status, ==, 200);
  {
    g_autoptr(JsonNode) answer = reply_json (remove);

    g_assert_cmpstr (json_object_get_string_member (node_object (answer), "status"), ==, "Cancelled");
    g_assert_cmpstr (json_object_get_string_member (node_object (answer), "disposition"), ==, "Cancelled");
  }
  assert_has_message (gone, 404);
  g_assert_cmpuint (created->status, ==, 200);

  jobs = workflow_jobs (h, &list, JD_DEMO_WORKFLOW_SALES, "");
  g_assert_cmpuint (json_array_get_length (jobs), ==, 74);

  /* State belongs to one server: a new one has the job again. */
  {
    g_autoptr(Harness) other = harness_new ();
    g_autoptr(Reply) back = get (other, "/v3/jobs/" JD_DEMO_JOB_QUEUED, other->token);

    g_assert_cmpuint (back->status, ==, 200);
  }
}

static void
test_delete_refusals (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autofree char *viewer = request_token (h, JD_DEMO_VIEWER_API_KEY, JD_DEMO_VIEWER_API_SECRET);
  g_autoptr(Reply) finished = send_request (h, "DELETE", "/v3/jobs/" JD_DEMO_JOB_SUCCESS, h->token, NULL);
  g_autoptr(Reply) failed = send_request (h, "DELETE", "/v3/jobs/" JD_DEMO_JOB_FAILED, h->token, NULL);
  g_autoptr(Reply) by_viewer = send_request (h, "DELETE", "/v3/jobs/" JD_DEMO_JOB_RUNNING, viewer, NULL);
  g_autoptr(Reply) unknown = send_request (h, "DELETE", "/v3/jobs/" JD_DEMO_JOB_UNKNOWN, h->token, NULL);
  g_autoptr(Reply) no_token = send_request (h, "DELETE", "/v3/jobs/" JD_DEMO_JOB_RUNNING, NULL, NULL);
  g_autoptr(JsonNode) still = get_json (h, "/v3/jobs/" JD_DEMO_JOB_RUNNING);

  assert_message (finished, 400, "The job has already finished.");
  assert_message (failed, 400, "The job has already finished.");
  assert_message (by_viewer, 403, DENIED);
  assert_has_message (unknown, 404);
  assert_message (no_token, 401, DENIED);
  g_assert_cmpstr (json_object_get_string_member (node_object (still), "status"), ==, "Running");
}

/* ------------------------------------------------------------------ */
/* GET /v3/jobs and /v3/workflows                                      */

static void
test_jobs_pagination (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(JsonNode) first = get_json (h, "/v3/jobs?limit=10&allUsers=true");
  g_autoptr(JsonNode) last = get_json (h, "/v3/jobs?offset=130&limit=10&allUsers=true");
  g_autoptr(JsonNode) active = get_json (h, "/v3/jobs?statuses=Queued,Running&limit=100&allUsers=true");
  g_autoptr(JsonNode) by_name = get_json (h, "/v3/jobs?workflowNames=Inventory%20Reconciliation&limit=100&sortField=Priority"
                                             "&allUsers=true");
  g_autoptr(Reply) bad = get (h, "/v3/jobs?sortField=Colour", h->token);
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

  assert_has_message (bad, 400);
}

static void
test_jobs_refusals (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autofree char *viewer = request_token (h, JD_DEMO_VIEWER_API_KEY, JD_DEMO_VIEWER_API_SECRET);
  g_autoptr(Reply) by_viewer = get (h, "/v3/jobs", viewer);
  g_autoptr(Reply) legacy = NULL;

  assert_message (by_viewer, 403, DENIED);

  jd_demo_server_set_legacy (h->server, TRUE);
  legacy = get (h, "/v3/jobs", h->token);
  assert_has_message (legacy, 404);
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
  g_autoptr(JsonNode) own = get_json (h, "/v3/jobs?limit=200");
  g_autoptr(JsonNode) everyone = get_json (h, "/v3/jobs?limit=200&allUsers=true");
  g_autoptr(JsonNode) by_name = get_json (h, "/v3/jobs?limit=200&users=kenji%20watanabe");
  g_autoptr(JsonNode) by_id = get_json (h, "/v3/jobs?limit=200&users=5e1f2a3b4c5d6e7f80910a1c");
  g_autoptr(JsonNode) nobody = get_json (h, "/v3/jobs?limit=200&users=Nobody%20Atall");
  g_autoptr(JsonNode) urgent = get_json (h, "/v3/jobs?limit=200&allUsers=true&priorities=critical,HIGH");
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
      g_autoptr(Reply) reply = get (h, path, h->token);

      assert_has_message (reply, 400);
    }
}

/* Times as a Server gives them: a queued job has no start, a running one
 * has no execution time, a finished one has both. */
static void
test_jobs_times (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(JsonNode) root = get_json (h, "/v3/jobs?limit=200&allUsers=true");
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
  g_autoptr(JsonNode) sales = get_json (h, "/v3/workflows/" JD_DEMO_WORKFLOW_SALES);
  g_autofree char *viewer = request_token (h, JD_DEMO_VIEWER_API_KEY, JD_DEMO_VIEWER_API_SECRET);
  g_autoptr(Reply) by_viewer = get (h, "/v3/workflows/" JD_DEMO_WORKFLOW_SALES, viewer);
  g_autoptr(Reply) unknown = get (h, "/v3/workflows/" JD_DEMO_JOB_UNKNOWN, h->token);
  g_autoptr(Reply) malformed = get (h, "/v3/workflows/sales", h->token);
  g_autoptr(Reply) no_token = get (h, "/v3/workflows/" JD_DEMO_WORKFLOW_SALES, NULL);
  g_autoptr(Reply) post = send_request (h, "POST", "/v3/workflows/" JD_DEMO_WORKFLOW_SALES, h->token, "x=1");
  JsonObject *workflow = node_object (sales);
  JsonArray *versions = json_object_get_array_member (workflow, "versions");

  g_assert_cmpstr (json_object_get_string_member (workflow, "id"), ==, JD_DEMO_WORKFLOW_SALES);
  g_assert_cmpstr (json_object_get_string_member (workflow, "name"), ==, "Weekly Sales Rollup");
  g_assert_cmpint (json_object_get_int_member (workflow, "runCount"), ==, 75);
  g_assert_cmpuint (json_array_get_length (versions), ==, 7);
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (versions, 6), "published"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (versions, 6), "versionId"),
                   ==, json_object_get_string_member (workflow, "publishedVersionId"));

  assert_message (by_viewer, 403, DENIED);
  assert_has_message (unknown, 404);
  assert_message (malformed, 400, "The workflow ID is not valid.");
  assert_message (no_token, 401, DENIED);
  g_assert_cmpuint (post->status, ==, 405);
}

static void
test_workflows_search (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(JsonNode) all = get_json (h, "/v3/workflows?view=Default");
  g_autoptr(JsonNode) sales = get_json (h, "/v3/workflows?name=sales&view=Default");
  g_autoptr(JsonNode) none = get_json (h, "/v3/workflows?name=payroll");
  g_autofree char *viewer = request_token (h, JD_DEMO_VIEWER_API_KEY, JD_DEMO_VIEWER_API_SECRET);
  g_autoptr(Reply) by_viewer = get (h, "/v3/workflows", viewer);
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

  assert_message (by_viewer, 403, DENIED);
}

/* ------------------------------------------------------------------ */
/* The rest of the surface                                             */

static void
test_swagger (void)
{
  static const char *const paths[] = { "//swagger/docs/3", "/swagger/docs/3" };
  g_autoptr(Harness) h = harness_new ();

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(Reply) reply = get (h, paths[i], NULL);
      g_autoptr(JsonNode) root = NULL;
      JsonObject *info;

      g_assert_cmpuint (reply->status, ==, 200);
      root = reply_json (reply);
      g_assert_cmpstr (json_object_get_string_member (node_object (root), "swagger"), ==, "2.0");
      info = json_object_get_object_member (node_object (root), "info");
      g_assert_cmpstr (json_object_get_string_member (info, "title"), ==, "Alteryx Server API V3");
    }
}

static void
test_not_found_and_wrong_method (void)
{
  g_autoptr(Harness) h = harness_new ();
  g_autoptr(Reply) nothing = get (h, "/v4/jobs", h->token);
  g_autoptr(Reply) deeper = get (h, "/v3/jobs/" JD_DEMO_JOB_SUCCESS "/outputs", h->token);
  g_autoptr(Reply) put = send_request (h, "PUT", "/v3/jobs/" JD_DEMO_JOB_SUCCESS, h->token, "x=1");
  g_autoptr(Reply) post = send_request (h, "POST", "/v3/workflows", h->token, "x=1");

  assert_message (nothing, 404, "No HTTP resource was found that matches the request URI.");
  assert_message (deeper, 404, "No HTTP resource was found that matches the request URI.");
  assert_has_message (put, 405);
  g_assert_cmpstr (soup_message_headers_get_one (put->headers, "Allow"), ==, "GET, DELETE");
  assert_has_message (post, 405);
}

static void
test_counters_and_headers (void)
{
  g_autoptr(Harness) h = harness_new ();
  guint requests = jd_demo_server_get_request_count (h->server);
  guint tokens = jd_demo_server_get_token_request_count (h->server);
  g_autofree char *expected = g_strconcat ("Bearer ", h->token, NULL);
  g_autofree char *authorization = NULL;
  g_autofree char *accept = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *token = NULL;

  /* The harness asked for one token. */
  g_assert_cmpuint (requests, ==, 1);
  g_assert_cmpuint (tokens, ==, 1);

  {
    g_autoptr(Reply) a = get (h, "/v3/jobs/" JD_DEMO_JOB_SUCCESS, h->token);
    g_autoptr(Reply) b = get (h, "/swagger/docs/3", h->token);
  }

  /* Token requests count, but do not replace the remembered headers. */
  token = request_token (h, JD_DEMO_VIEWER_API_KEY, JD_DEMO_VIEWER_API_SECRET);

  g_assert_cmpuint (jd_demo_server_get_request_count (h->server), ==, requests + 3);
  g_assert_cmpuint (jd_demo_server_get_token_request_count (h->server), ==, tokens + 1);

  authorization = jd_demo_server_dup_last_header (h->server, "Authorization");
  accept = jd_demo_server_dup_last_header (h->server, "accept");
  missing = jd_demo_server_dup_last_header (h->server, "X-Not-Sent");
  g_assert_cmpstr (authorization, ==, expected);
  g_assert_cmpstr (accept, ==, "application/json");
  g_assert_null (missing);
}

/* The server in the test's own main context, answering several requests
 * at once. */
static void
test_listen_in_main_context (void)
{
  g_autoptr(JdDemoServer) server = jd_demo_server_new ();
  g_autoptr(SoupSession) session = new_session ();
  g_autoptr(GError) error = NULL;
  JdTestAsync async[4] = { { 0 } };
  g_autoptr(SoupMessage) token_msg = NULL;
  g_autoptr(GBytes) token_body = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *authorization = NULL;
  g_autofree char *token_uri = NULL;
  SoupMessage *messages[4];

  jd_demo_server_listen (server, 0, &error);
  g_assert_no_error (error);

  token_uri = g_strconcat (jd_demo_server_get_base_url (server), "/oauth2/token", NULL);
  token_msg = soup_message_new_from_encoded_form ("POST", token_uri,
                                                  soup_form_encode ("grant_type", "client_credentials",
                                                                    "client_id", JD_DEMO_API_KEY,
                                                                    "client_secret", JD_DEMO_API_SECRET,
                                                                    NULL));
  soup_session_send_and_read_async (session, token_msg, G_PRIORITY_DEFAULT, NULL, jd_test_async_ready_cb, &async[0]);
  token_body = soup_session_send_and_read_finish (session, jd_test_wait_result (&async[0], 5000), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (token_msg), ==, 200);
  json_parser_load_from_data (parser, g_bytes_get_data (token_body, NULL), (gssize) g_bytes_get_size (token_body), &error);
  g_assert_no_error (error);
  authorization = g_strconcat ("Bearer ",
                               json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)), "access_token"),
                               NULL);
  jd_test_async_clear (&async[0]);

  for (guint i = 0; i < G_N_ELEMENTS (messages); i++)
    {
      static const char *const ids[] = { JD_DEMO_JOB_SUCCESS, JD_DEMO_JOB_MANY_MESSAGES, JD_DEMO_JOB_WARNING, JD_DEMO_JOB_UNKNOWN };
      g_autofree char *uri = g_strconcat (jd_demo_server_get_base_url (server), "/v3/jobs/", ids[i], NULL);

      messages[i] = soup_message_new ("GET", uri);
      soup_message_headers_replace (soup_message_get_request_headers (messages[i]), "Authorization", authorization);
      soup_session_send_and_read_async (session, messages[i], G_PRIORITY_DEFAULT, NULL, jd_test_async_ready_cb, &async[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (messages); i++)
    {
      g_autoptr(GBytes) body = soup_session_send_and_read_finish (session, jd_test_wait_result (&async[i], 10000), &error);

      g_assert_no_error (error);
      g_assert_cmpuint (g_bytes_get_size (body), >, 0);
      g_assert_cmpuint (soup_message_get_status (messages[i]), ==, i == 3 ? 404 : 200);
      jd_test_async_clear (&async[i]);
      g_object_unref (messages[i]);
    }

  g_assert_cmpuint (jd_demo_server_get_request_count (server), ==, 5);

  jd_demo_server_stop (server);
  g_assert_finalize_object (g_steal_pointer (&server));
}

/* ------------------------------------------------------------------ */
/* Data and logging                                                    */

static void
test_describe_jobs (void)
{
  static const char *const ids[] = {
    JD_DEMO_JOB_SUCCESS, JD_DEMO_JOB_WARNING, JD_DEMO_JOB_ERROR, JD_DEMO_JOB_FAILED,
    JD_DEMO_JOB_CANCELLED, JD_DEMO_JOB_QUEUED, JD_DEMO_JOB_RUNNING, JD_DEMO_JOB_CREATED,
    JD_DEMO_JOB_INITIALIZING, JD_DEMO_JOB_NO_MESSAGES, JD_DEMO_JOB_MANY_MESSAGES,
    JD_DEMO_JOB_HUGE, JD_DEMO_JOB_PROGRESSING, JD_DEMO_JOB_SPARSE,
  };
  g_autofree char *text = jd_demo_server_describe_jobs ();
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n_lines = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '\0')
        continue;
      n_lines++;
      g_assert_cmpuint (strlen (lines[i]), >, 28);
      g_assert_true (g_ascii_isxdigit (lines[i][0]));
      g_assert_cmpmem (lines[i] + 24, 2, "  ", 2);
    }
  g_assert_cmpuint (n_lines, >=, G_N_ELEMENTS (ids));

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_assert_nonnull (strstr (text, ids[i]));
  g_assert_nonnull (strstr (text, JD_DEMO_JOB_SUCCESS "  Completed, Success: 3 outputs, 12 messages"));
}

static void
test_data_deterministic (void)
{
  const JdDemoJob *job = jd_demo_data_find_job (JD_DEMO_JOB_MANY_MESSAGES);
  g_autoptr(GBytes) first = jd_demo_data_build_messages (job, job->status, NULL);
  g_autoptr(GBytes) second = jd_demo_data_build_messages (job, job->status, NULL);
  const JdDemoJob **jobs;
  guint n_jobs;

  g_assert_true (g_bytes_equal (first, second));
  g_assert_cmpuint (jd_demo_data_crc32 (0, (const guint8 *) "123456789", 9), ==, 0xcbf43926);

  /* Upper-case IDs find the same job. */
  g_assert_true (jd_demo_data_find_job ("66EBD18D3D6200007E000D8C") == jd_demo_data_find_job (JD_DEMO_JOB_SUCCESS));
  g_assert_null (jd_demo_data_find_job (JD_DEMO_JOB_UNKNOWN));

  jobs = jd_demo_data_get_jobs (&n_jobs);
  g_assert_cmpuint (n_jobs, ==, 15 + 67 + 59);
  for (guint i = 0; i < n_jobs; i++)
    {
      g_autofree char *head = jd_demo_data_build_job_head (jobs[i], jobs[i]->status, jobs[i]->disposition);
      g_autofree char *again = jd_demo_data_build_job_head (jobs[i], jobs[i]->status, jobs[i]->disposition);

      g_assert_cmpstr (head, ==, again);
      g_assert_true (jd_demo_data_is_object_id (jobs[i]->id));
    }
}

static GMutex log_mutex;
static GString *captured_log;

static GLogWriterOutput
capture_writer (GLogLevelFlags   log_level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  g_mutex_lock (&log_mutex);
  if (captured_log != NULL)
    {
      for (gsize i = 0; i < n_fields; i++)
        {
          if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0)
            {
              g_string_append (captured_log, fields[i].value);
              g_string_append_c (captured_log, '\n');
            }
        }
    }
  g_mutex_unlock (&log_mutex);

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static void
test_debug_log_has_no_secrets (void)
{
  g_autoptr(Harness) h = NULL;
  g_autofree char *log = NULL;
  g_autofree char *basic = g_base64_encode ((const guchar *) "demo:demo", strlen ("demo:demo"));

  g_mutex_lock (&log_mutex);
  captured_log = g_string_new (NULL);
  g_mutex_unlock (&log_mutex);

  h = harness_new ();
  {
    g_autoptr(Reply) job = get (h, "/v3/jobs/" JD_DEMO_JOB_SUCCESS, h->token);
    g_autoptr(Reply) refused = send_request (h, "POST", "/oauth2/token", NULL,
                                             "grant_type=client_credentials&client_id=demo&client_secret=hunter2");
  }
  g_clear_pointer (&h, harness_free);

  g_mutex_lock (&log_mutex);
  log = g_string_free (g_steal_pointer (&captured_log), FALSE);
  g_mutex_unlock (&log_mutex);

  g_assert_nonnull (strstr (log, "/v3/jobs/" JD_DEMO_JOB_SUCCESS));
  g_assert_null (strstr (log, "hunter2"));
  g_assert_null (strstr (log, basic));
  g_assert_null (strstr (log, "Bearer"));
}

/* ------------------------------------------------------------------ */
/* The executable                                                      */

static void
test_executable (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) output = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  g_autofree char *rest = NULL;
  JdTestAsync async = { 0 };

  if (g_getenv ("JD_DEMO_SERVER_PATH") != NULL)
    path = g_strdup (g_getenv ("JD_DEMO_SERVER_PATH"));
  else
    path = g_test_build_filename (G_TEST_BUILT, "..", "src", "demo", "jobdesk-demo-server", NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("jobdesk-demo-server has not been built");
      return;
    }

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                              path, "--port", "0", "--token-lifetime", "60", "--progress-step", "500", NULL);
  g_assert_no_error (error);

  output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  g_data_input_stream_read_line_async (output, G_PRIORITY_DEFAULT, NULL, jd_test_async_ready_cb, &async);
  line = g_data_input_stream_read_line_finish_utf8 (output, jd_test_wait_result (&async, 10000), NULL, &error);
  g_assert_no_error (error);
  jd_test_async_clear (&async);

  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "http://127.0.0.1:"));
  g_assert_true (g_str_has_suffix (line, "/webapi"));

  /* It serves at that address. */
  {
    g_autoptr(SoupSession) session = new_session ();
    g_autofree char *uri = g_strconcat (line, "//swagger/docs/3", NULL);
    g_autoptr(SoupMessage) msg = soup_message_new ("GET", uri);
    g_autoptr(GBytes) body = soup_session_send_and_read (session, msg, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  }

  g_subprocess_send_signal (process, SIGTERM);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);

  /* The rest names the credentials, the jobs and a curl example. */
  rest = g_data_input_stream_read_upto (output, "", 0, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rest);
  g_assert_nonnull (strstr (rest, "Curator"));
  g_assert_nonnull (strstr (rest, JD_DEMO_JOB_HUGE));
  g_assert_nonnull (strstr (rest, JD_DEMO_WORKFLOW_INVENTORY));
  g_assert_nonnull (strstr (rest, "curl "));
}

int
main (int   argc,
      char *argv[])
{
  g_log_set_writer_func (capture_writer, NULL, NULL);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/api/demo-server/token/form-body", test_token_form_body);
  g_test_add_func ("/api/demo-server/token/basic", test_token_basic);
  g_test_add_func ("/api/demo-server/token/bad-secret", test_token_bad_secret);
  g_test_add_func ("/api/demo-server/token/unsupported-grant-type", test_token_unsupported_grant_type);
  g_test_add_func ("/api/demo-server/token/basic-only", test_token_basic_only);
  g_test_add_func ("/api/demo-server/token/wrong-method", test_token_wrong_method);
  g_test_add_func ("/api/demo-server/auth/no-token", test_auth_no_token);
  g_test_add_func ("/api/demo-server/auth/token-lifetime", test_auth_token_lifetime);
  g_test_add_func ("/api/demo-server/auth/expire-tokens", test_auth_expire_tokens);
  g_test_add_func ("/api/demo-server/job/fields", test_job_fields);
  g_test_add_func ("/api/demo-server/job/without-messages", test_job_without_messages);
  g_test_add_func ("/api/demo-server/job/unknown", test_job_unknown);
  g_test_add_func ("/api/demo-server/job/sparse", test_job_sparse);
  g_test_add_func ("/api/demo-server/job/every-state", test_job_every_state);
  g_test_add_func ("/api/demo-server/job/many-messages", test_job_many_messages);
  g_test_add_func ("/api/demo-server/job/huge", test_job_huge);
  g_test_add_func ("/api/demo-server/job/progressing", test_job_progressing);
  g_test_add_func ("/api/demo-server/messages/curator", test_messages_curator);
  g_test_add_func ("/api/demo-server/messages/viewer-forbidden", test_messages_viewer_forbidden);
  g_test_add_func ("/api/demo-server/workflow-jobs/paging", test_workflow_jobs_paging);
  g_test_add_func ("/api/demo-server/workflow-jobs/filters", test_workflow_jobs_filters);
  g_test_add_func ("/api/demo-server/workflow-jobs/bad-requests", test_workflow_jobs_bad_requests);
  g_test_add_func ("/api/demo-server/workflow-jobs/every-job-answers", test_workflow_jobs_all_answer);
  g_test_add_func ("/api/demo-server/download/every-format", test_download_every_format);
  g_test_add_func ("/api/demo-server/download/refusals", test_download_refusals);
  g_test_add_func ("/api/demo-server/delete/running-job-is-cancelled", test_delete_running_job);
  g_test_add_func ("/api/demo-server/delete/queued-job-is-removed", test_delete_queued_job);
  g_test_add_func ("/api/demo-server/delete/refusals", test_delete_refusals);
  g_test_add_func ("/api/demo-server/jobs/pagination", test_jobs_pagination);
  g_test_add_func ("/api/demo-server/jobs/refusals-and-legacy", test_jobs_refusals);
  g_test_add_func ("/api/demo-server/jobs/filters", test_jobs_filters);
  g_test_add_func ("/api/demo-server/jobs/times", test_jobs_times);
  g_test_add_func ("/api/demo-server/workflows/search", test_workflows_search);
  g_test_add_func ("/api/demo-server/workflow/get", test_workflow_get);
  g_test_add_func ("/api/demo-server/swagger", test_swagger);
  g_test_add_func ("/api/demo-server/not-found-and-wrong-method", test_not_found_and_wrong_method);
  g_test_add_func ("/api/demo-server/counters-and-last-headers", test_counters_and_headers);
  g_test_add_func ("/api/demo-server/listen-in-main-context", test_listen_in_main_context);
  g_test_add_func ("/api/demo-server/describe-jobs", test_describe_jobs);
  g_test_add_func ("/api/demo-server/data-is-deterministic", test_data_deterministic);
  g_test_add_func ("/api/demo-server/debug-log-has-no-secrets", test_debug_log_has_no_secrets);
  g_test_add_func ("/api/demo-server/executable-prints-base-url", test_executable);

  return g_test_run ();
}
