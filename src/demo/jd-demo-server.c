/* jd-demo-server.c: a SoupServer that plays an Alteryx Server.
 *
 * It answers the Web API calls Job Desk makes (OAuth 2 tokens, V3 jobs,
 * workflows and their jobs, the V1 output download, the Swagger document)
 * with the sample data of jd-demo-data.c, in the shapes of jd-demo-views.c
 * and with the refusals of jd-demo-request.c, on 127.0.0.1 only. It serves
 * from the caller's main context or from a thread of its own; what the
 * handlers and the caller share (tokens, cancelled jobs, the cache of large
 * answers, the last request's headers) sits behind one mutex, and the
 * counters are atomic, so tests may read them from any thread.
 */
#define G_LOG_DOMAIN "jd-demo-server"

#include "config.h"

#include <string.h>
#include <libsoup/soup.h>

#include "jd-demo-server-private.h"

G_DEFINE_FINAL_TYPE (JdDemoServer, jd_demo_server, G_TYPE_OBJECT)

/* ------------------------------------------------------------------ */
/* Requests                                                            */

static gboolean
segment_is (GPtrArray  *segments,
            guint       index,
            const char *literal)
{
  return index < segments->len &&
         g_ascii_strcasecmp (g_ptr_array_index (segments, index), literal) == 0;
}

static Route
find_route (GPtrArray   *segments,
            const char **first_id,
            const char **second_id)
{
  guint n = segments->len;

  *first_id = NULL;
  *second_id = NULL;

  if (!segment_is (segments, 0, "webapi"))
    return ROUTE_NONE;

  if (n == 3 && segment_is (segments, 1, "oauth2") && segment_is (segments, 2, "token"))
    return ROUTE_TOKEN;

  if (n == 4 && segment_is (segments, 1, "swagger") && segment_is (segments, 2, "docs") &&
      segment_is (segments, 3, "3"))
    return ROUTE_SWAGGER;

  if (segment_is (segments, 1, "v3") && segment_is (segments, 2, "jobs"))
    {
      if (n == 3)
        return ROUTE_JOBS;
      *first_id = n > 3 ? g_ptr_array_index (segments, 3) : NULL;
      if (n == 4)
        return ROUTE_JOB;
      if (n == 5 && segment_is (segments, 4, "messages"))
        return ROUTE_JOB_MESSAGES;
      return ROUTE_NONE;
    }

  if (segment_is (segments, 1, "v3") && segment_is (segments, 2, "workflows"))
    {
      if (n == 3)
        return ROUTE_WORKFLOWS;
      if (n == 4)
        {
          *first_id = g_ptr_array_index (segments, 3);
          return ROUTE_WORKFLOW;
        }
      if (n == 5 && segment_is (segments, 4, "jobs"))
        {
          *first_id = g_ptr_array_index (segments, 3);
          return ROUTE_WORKFLOW_JOBS;
        }
      return ROUTE_NONE;
    }

  if (n == 6 && segment_is (segments, 1, "v1") && segment_is (segments, 2, "jobs") &&
      segment_is (segments, 4, "output"))
    {
      *first_id = g_ptr_array_index (segments, 3);
      *second_id = g_ptr_array_index (segments, 5);
      return ROUTE_OUTPUT;
    }

  return ROUTE_NONE;
}

static void
copy_header_cb (const char *name,
                const char *value,
                gpointer    user_data)
{
  soup_message_headers_append (user_data, name, value);
}

static void
remember_headers (JdDemoServer      *self,
                  SoupServerMessage *msg)
{
  SoupMessageHeaders *copy = soup_message_headers_new (SOUP_MESSAGE_HEADERS_REQUEST);

  soup_message_headers_foreach (soup_server_message_get_request_headers (msg), copy_header_cb, copy);

  g_mutex_lock (&self->mutex);
  g_clear_pointer (&self->last_headers, soup_message_headers_unref);
  self->last_headers = copy;
  g_mutex_unlock (&self->mutex);
}

static void
cached_output_free (gpointer data)
{
  CachedOutput *cached = data;

  g_bytes_unref (cached->bytes);
  g_free (cached->content_type);
  g_free (cached->file_name);
  g_free (cached);
}

/* attachment; filename="ASCII fallback"; filename*=UTF-8''… (RFC 6266),
 * since many of the names are German or Japanese. */
static char *
content_disposition (const char *file_name)
{
  g_autofree char *ascii = g_str_to_ascii (file_name, "C");
  GString *value = g_string_new ("attachment; ");

  for (char *p = ascii; *p; p++)
    {
      if (*p == '?' || *p == '"' || *p == '\\' || (guchar) *p < 0x20)
        *p = '_';
    }

  soup_header_g_string_append_param_quoted (value, "filename", ascii);
  if (!g_str_equal (ascii, file_name))
    {
      g_string_append (value, "; ");
      soup_header_g_string_append_param (value, "filename", file_name);
    }

  return g_string_free (value, FALSE);
}

static void
handle_output (JdDemoServer      *self,
               SoupServerMessage *msg,
               GHashTable        *query,
               const char        *job_id,
               const char        *output_id)
{
  const char *format = jd_demo_query_get (query, "format");
  const JdDemoJob *job;
  const JdDemoOutput *output = NULL;
  const char *status;
  const char *disposition;
  g_autofree char *key = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *content_type = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *attachment = NULL;
  SoupMessageHeaders *headers;
  CachedOutput *cached;

  job = jd_demo_server_find_job (self, msg, job_id, FALSE, &status, &disposition);
  if (job == NULL)
    return;

  /* Only a completed job shows its outputs. */
  if (jd_demo_status_is (status, "Completed"))
    output = jd_demo_data_find_output (job, output_id);
  if (output == NULL)
    {
      jd_demo_respond_messagef (msg, SOUP_STATUS_NOT_FOUND, "The job has no output with the ID %s.", output_id);
      return;
    }

  if (format == NULL || *format == '\0')
    {
      jd_demo_respond_message (msg, SOUP_STATUS_BAD_REQUEST, "The format parameter is required.");
      return;
    }
  if (!jd_demo_data_output_has_format (output, format))
    {
      g_autofree char *offered = g_strjoinv (", ", (char **) output->formats);

      jd_demo_respond_messagef (msg, SOUP_STATUS_BAD_REQUEST,
                        "The format '%s' is not available for this output; it is available as %s.",
                        format, offered);
      return;
    }

  key = g_strdup_printf ("%s|%s|%s", job->id, output->id, format);
  g_mutex_lock (&self->mutex);
  cached = g_hash_table_lookup (self->output_cache, key);
  if (cached != NULL)
    {
      bytes = g_bytes_ref (cached->bytes);
      content_type = g_strdup (cached->content_type);
      file_name = g_strdup (cached->file_name);
    }
  g_mutex_unlock (&self->mutex);

  if (bytes == NULL)
    {
      bytes = jd_demo_data_build_output (job, output, format, &content_type, &file_name);
      g_assert (bytes != NULL);

      cached = g_new0 (CachedOutput, 1);
      cached->bytes = g_bytes_ref (bytes);
      cached->content_type = g_strdup (content_type);
      cached->file_name = g_strdup (file_name);
      g_mutex_lock (&self->mutex);
      g_hash_table_replace (self->output_cache, g_steal_pointer (&key), cached);
      g_mutex_unlock (&self->mutex);
    }

  headers = soup_server_message_get_response_headers (msg);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_replace (headers, "Content-Type", content_type);
  attachment = content_disposition (file_name);
  soup_message_headers_replace (headers, "Content-Disposition", attachment);
  soup_message_body_append_bytes (soup_server_message_get_response_body (msg), bytes);
}

static void
handle_swagger (JdDemoServer      *self,
                SoupServerMessage *msg)
{
  g_autofree char *base_url = NULL;
  g_autoptr(GUri) uri = NULL;
  GString *json;
  int port = -1;

  g_mutex_lock (&self->mutex);
  base_url = g_strdup (self->base_url);
  g_mutex_unlock (&self->mutex);

  if (base_url != NULL && (uri = g_uri_parse (base_url, G_URI_FLAGS_NONE, NULL)) != NULL)
    port = g_uri_get_port (uri);

  json = g_string_new (NULL);
  g_string_append_printf (json,
    "{\"swagger\":\"2.0\","
    "\"info\":{\"version\":\"3\",\"title\":\"Alteryx Server API V3\","
    "\"description\":\"Sample data served by Job Desk's demo server " PACKAGE_VERSION "\"},"
    "\"host\":\"127.0.0.1:%d\",\"basePath\":\"/webapi\",\"schemes\":[\"http\"],"
    "\"securityDefinitions\":{\"oauth2\":{\"type\":\"oauth2\",\"flow\":\"application\","
    "\"tokenUrl\":\"/webapi/oauth2/token\",\"scopes\":{}}},"
    "\"paths\":{"
    "\"/v3/jobs\":{\"get\":{\"tags\":[\"Jobs\"],\"summary\":\"Lists recent jobs\",\"operationId\":\"Jobs_GetJobs\"}},"
    "\"/v3/jobs/{jobId}\":{"
      "\"get\":{\"tags\":[\"Jobs\"],\"summary\":\"Retrieves a job\",\"operationId\":\"Jobs_GetJob\"},"
      "\"delete\":{\"tags\":[\"Jobs\"],\"summary\":\"Cancels a job\",\"operationId\":\"Jobs_CancelJob\"}},"
    "\"/v3/jobs/{jobId}/messages\":{\"get\":{\"tags\":[\"Jobs\"],\"summary\":\"Retrieves the messages of a job\","
      "\"operationId\":\"Jobs_GetJobMessages\"}},"
    "\"/v3/workflows\":{\"get\":{\"tags\":[\"Workflows\"],\"summary\":\"Searches workflows\","
      "\"operationId\":\"Workflows_GetWorkflows\"}},"
    "\"/v3/workflows/{workflowId}\":{\"get\":{\"tags\":[\"Workflows\"],\"summary\":\"Retrieves a workflow\","
      "\"operationId\":\"Workflows_GetWorkflow\"}},"
    "\"/v3/workflows/{workflowId}/jobs\":{\"get\":{\"tags\":[\"Workflows\"],"
      "\"summary\":\"Lists the jobs of a workflow\",\"operationId\":\"Workflows_GetJobsForWorkflow\"}}"
    "}}", port);

  jd_demo_respond_json_take (msg, SOUP_STATUS_OK, g_string_free (json, FALSE));
}

static void
on_request_cb (SoupServer        *server,
               SoupServerMessage *msg,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  JdDemoServer *self = user_data;
  g_autoptr(GPtrArray) segments = jd_demo_split_path (path);
  const char *first_id;
  const char *second_id;
  gboolean legacy;
  Route route;
  Role role;

  g_atomic_int_inc (&self->request_count);
  route = find_route (segments, &first_id, &second_id);

  if (route == ROUTE_TOKEN)
    g_atomic_int_inc (&self->token_request_count);
  else
    remember_headers (self, msg);

  g_mutex_lock (&self->mutex);
  legacy = self->legacy;
  g_mutex_unlock (&self->mutex);

  switch (route)
    {
    case ROUTE_TOKEN:
      if (!jd_demo_method_is (msg, SOUP_METHOD_POST))
        jd_demo_respond_method_not_allowed (msg, "POST");
      else
        jd_demo_server_handle_token (self, msg);
      break;

    case ROUTE_SWAGGER:
      if (!jd_demo_method_is (msg, SOUP_METHOD_GET))
        jd_demo_respond_method_not_allowed (msg, "GET");
      else
        handle_swagger (self, msg);
      break;

    case ROUTE_JOBS:
      if (legacy)
        jd_demo_respond_not_found (msg);
      else if (!jd_demo_method_is (msg, SOUP_METHOD_GET))
        jd_demo_respond_method_not_allowed (msg, "GET");
      else if (jd_demo_server_authorize (self, msg, &role) && jd_demo_server_require_curator (msg, role))
        jd_demo_server_handle_jobs (self, msg, query, role);
      break;

    case ROUTE_JOB:
      if (jd_demo_method_is (msg, SOUP_METHOD_GET))
        {
          if (jd_demo_server_authorize (self, msg, &role))
            jd_demo_server_handle_get_job (self, msg, query, first_id);
        }
      else if (jd_demo_method_is (msg, SOUP_METHOD_DELETE))
        {
          if (jd_demo_server_authorize (self, msg, &role) && jd_demo_server_require_curator (msg, role))
            jd_demo_server_handle_delete_job (self, msg, first_id);
        }
      else
        {
          jd_demo_respond_method_not_allowed (msg, "GET, DELETE");
        }
      break;

    case ROUTE_JOB_MESSAGES:
      if (!jd_demo_method_is (msg, SOUP_METHOD_GET))
        jd_demo_respond_method_not_allowed (msg, "GET");
      else if (jd_demo_server_authorize (self, msg, &role) && jd_demo_server_require_curator (msg, role))
        jd_demo_server_handle_get_messages (self, msg, first_id);
      break;

    case ROUTE_WORKFLOWS:
      if (!jd_demo_method_is (msg, SOUP_METHOD_GET))
        jd_demo_respond_method_not_allowed (msg, "GET");
      else if (jd_demo_server_authorize (self, msg, &role) && jd_demo_server_require_curator (msg, role))
        jd_demo_server_handle_workflows (self, msg, query);
      break;

    case ROUTE_WORKFLOW:
      /* Curators only: the other sample account is refused, as Servers
       * refuse workflows that are not shared with an account. */
      if (!jd_demo_method_is (msg, SOUP_METHOD_GET))
        jd_demo_respond_method_not_allowed (msg, "GET");
      else if (jd_demo_server_authorize (self, msg, &role) && jd_demo_server_require_curator (msg, role))
        jd_demo_server_handle_get_workflow (self, msg, first_id);
      break;

    case ROUTE_WORKFLOW_JOBS:
      if (!jd_demo_method_is (msg, SOUP_METHOD_GET))
        jd_demo_respond_method_not_allowed (msg, "GET");
      else if (jd_demo_server_authorize (self, msg, &role))
        jd_demo_server_handle_workflow_jobs (self, msg, query, first_id);
      break;

    case ROUTE_OUTPUT:
      if (!jd_demo_method_is (msg, SOUP_METHOD_GET))
        jd_demo_respond_method_not_allowed (msg, "GET");
      else if (jd_demo_server_authorize (self, msg, &role))
        handle_output (self, msg, query, first_id, second_id);
      break;

    case ROUTE_NONE:
    default:
      jd_demo_respond_not_found (msg);
      break;
    }

  /* Paths carry IDs only; tokens and secrets travel in headers and bodies. */
  g_debug ("%s %s → %u", soup_server_message_get_method (msg), path,
           soup_server_message_get_status (msg));
}

/* ------------------------------------------------------------------ */
/* Serving                                                             */

/* The socket is made here rather than by soup_server_listen (), so that
 * the port comes from our own address lookup: soup_server_get_uris ()
 * leaks an address in libsoup 3.2. */
static SoupServer *
create_server (JdDemoServer  *self,
               guint          port,
               GError       **error)
{
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GSocketAddress) bound = NULL;
  guint actual_port;

  loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  address = g_inet_socket_address_new (loopback, port);

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, error);
  if (socket == NULL ||
      !g_socket_bind (socket, address, TRUE, error) ||
      !g_socket_listen (socket, error) ||
      (bound = g_socket_get_local_address (socket, error)) == NULL)
    return NULL;

  actual_port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));

  server = soup_server_new ("server-header", "JobDeskDemo/" PACKAGE_VERSION, NULL);
  soup_server_add_handler (server, NULL, on_request_cb, self, NULL);
  if (!soup_server_listen_socket (server, socket, 0, error))
    return NULL;

  g_mutex_lock (&self->mutex);
  g_free (self->base_url);
  self->base_url = g_strdup_printf ("http://127.0.0.1:%u/webapi", actual_port);
  g_mutex_unlock (&self->mutex);

  g_debug ("listening on 127.0.0.1:%u", actual_port);

  return g_steal_pointer (&server);
}

static gpointer
serve_thread (gpointer data)
{
  JdDemoServer *self = data;
  GMainContext *context = self->thread_context;
  SoupServer *server;
  GError *error = NULL;

  g_main_context_push_thread_default (context);

  server = create_server (self, self->requested_port, &error);

  g_mutex_lock (&self->mutex);
  self->thread_error = error;
  self->thread_ready = TRUE;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->mutex);

  if (server != NULL)
    {
      /* A flag and a wake-up, not a GMainLoop: a quit that came before
       * the loop ran would be lost. */
      while (!g_atomic_int_get (&self->stopping))
        g_main_context_iteration (context, TRUE);

      soup_server_disconnect (server);
      g_object_unref (server);
    }

  /* Let the closed connections finish their sources. */
  while (g_main_context_iteration (context, FALSE))
    ;

  g_main_context_pop_thread_default (context);

  return NULL;
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
jd_demo_server_dispose (GObject *object)
{
  JdDemoServer *self = (JdDemoServer *) object;

  jd_demo_server_stop (self);

  G_OBJECT_CLASS (jd_demo_server_parent_class)->dispose (object);
}

static void
jd_demo_server_finalize (GObject *object)
{
  JdDemoServer *self = (JdDemoServer *) object;

  g_clear_pointer (&self->tokens, g_hash_table_unref);
  g_clear_pointer (&self->issued_tokens, g_ptr_array_unref);
  g_clear_pointer (&self->overrides, g_hash_table_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->output_cache, g_hash_table_unref);
  g_clear_pointer (&self->last_headers, soup_message_headers_unref);
  g_clear_pointer (&self->base_url, g_free);
  g_clear_error (&self->thread_error);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);

  G_OBJECT_CLASS (jd_demo_server_parent_class)->finalize (object);
}

static void
jd_demo_server_class_init (JdDemoServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jd_demo_server_dispose;
  object_class->finalize = jd_demo_server_finalize;
}

static void
jd_demo_server_init (JdDemoServer *self)
{
  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);

  self->token_lifetime = DEFAULT_TOKEN_LIFETIME;
  self->progress_step = DEFAULT_PROGRESS_STEP;
  self->tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->issued_tokens = g_ptr_array_new_with_free_func (g_free);
  self->overrides = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  self->output_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, cached_output_free);
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */

JdDemoServer *
jd_demo_server_new (void)
{
  return g_object_new (JD_TYPE_DEMO_SERVER, NULL);
}

gboolean
jd_demo_server_listen (JdDemoServer  *self,
                       guint          port,
                       GError       **error)
{
  g_return_val_if_fail (JD_IS_DEMO_SERVER (self), FALSE);
  g_return_val_if_fail (self->server == NULL && self->thread == NULL, FALSE);
  g_return_val_if_fail (port <= G_MAXUINT16, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self->server = create_server (self, port, error);

  return self->server != NULL;
}

gboolean
jd_demo_server_start_thread (JdDemoServer  *self,
                             guint          port,
                             GError       **error)
{
  GError *thread_error;

  g_return_val_if_fail (JD_IS_DEMO_SERVER (self), FALSE);
  g_return_val_if_fail (self->server == NULL && self->thread == NULL, FALSE);
  g_return_val_if_fail (port <= G_MAXUINT16, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  self->requested_port = port;
  g_atomic_int_set (&self->stopping, FALSE);
  self->thread_context = g_main_context_new ();

  g_mutex_lock (&self->mutex);
  self->thread_ready = FALSE;
  self->thread = g_thread_new ("jd-demo-server", serve_thread, self);
  while (!self->thread_ready)
    g_cond_wait (&self->cond, &self->mutex);
  thread_error = g_steal_pointer (&self->thread_error);
  g_mutex_unlock (&self->mutex);

  if (thread_error != NULL)
    {
      g_thread_join (g_steal_pointer (&self->thread));
      g_clear_pointer (&self->thread_context, g_main_context_unref);
      g_propagate_error (error, thread_error);
      return FALSE;
    }

  return TRUE;
}

/* libsoup 3.2 leaks the server side of each connection that closes
 * (fixed in 3.3): valgrind shows sockets from g_socket_accept () in
 * libsoup's listener that nothing here can free. */
void
jd_demo_server_stop (JdDemoServer *self)
{
  g_return_if_fail (JD_IS_DEMO_SERVER (self));

  if (self->thread != NULL)
    {
      g_atomic_int_set (&self->stopping, TRUE);
      g_main_context_wakeup (self->thread_context);
      g_thread_join (g_steal_pointer (&self->thread));
      g_clear_pointer (&self->thread_context, g_main_context_unref);
    }

  if (self->server != NULL)
    {
      soup_server_disconnect (self->server);
      g_clear_object (&self->server);
    }
}

const char *
jd_demo_server_get_base_url (JdDemoServer *self)
{
  const char *base_url;

  g_return_val_if_fail (JD_IS_DEMO_SERVER (self), NULL);

  /* Written once, before listen or start_thread returns. */
  g_mutex_lock (&self->mutex);
  base_url = self->base_url;
  g_mutex_unlock (&self->mutex);

  return base_url;
}

void
jd_demo_server_set_token_lifetime (JdDemoServer *self,
                                   guint         seconds)
{
  g_return_if_fail (JD_IS_DEMO_SERVER (self));

  g_mutex_lock (&self->mutex);
  self->token_lifetime = seconds;
  g_mutex_unlock (&self->mutex);
}

void
jd_demo_server_set_progress_step (JdDemoServer *self,
                                  guint         milliseconds)
{
  g_return_if_fail (JD_IS_DEMO_SERVER (self));

  g_mutex_lock (&self->mutex);
  self->progress_step = milliseconds;
  g_mutex_unlock (&self->mutex);
}

void
jd_demo_server_set_basic_auth_only (JdDemoServer *self,
                                    gboolean      basic_only)
{
  g_return_if_fail (JD_IS_DEMO_SERVER (self));

  g_mutex_lock (&self->mutex);
  self->basic_only = !!basic_only;
  g_mutex_unlock (&self->mutex);
}

void
jd_demo_server_set_legacy (JdDemoServer *self,
                           gboolean      legacy)
{
  g_return_if_fail (JD_IS_DEMO_SERVER (self));

  g_mutex_lock (&self->mutex);
  self->legacy = !!legacy;
  g_mutex_unlock (&self->mutex);
}

void
jd_demo_server_expire_tokens (JdDemoServer *self)
{
  g_return_if_fail (JD_IS_DEMO_SERVER (self));

  g_mutex_lock (&self->mutex);
  g_hash_table_remove_all (self->tokens);
  g_mutex_unlock (&self->mutex);
}

guint
jd_demo_server_get_request_count (JdDemoServer *self)
{
  g_return_val_if_fail (JD_IS_DEMO_SERVER (self), 0);

  return (guint) g_atomic_int_get (&self->request_count);
}

guint
jd_demo_server_get_token_request_count (JdDemoServer *self)
{
  g_return_val_if_fail (JD_IS_DEMO_SERVER (self), 0);

  return (guint) g_atomic_int_get (&self->token_request_count);
}

char **
jd_demo_server_dup_issued_tokens (JdDemoServer *self)
{
  g_autoptr(GStrvBuilder) builder = NULL;

  g_return_val_if_fail (JD_IS_DEMO_SERVER (self), NULL);

  builder = g_strv_builder_new ();
  g_mutex_lock (&self->mutex);
  for (guint i = 0; i < self->issued_tokens->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->issued_tokens, i));
  g_mutex_unlock (&self->mutex);

  return g_strv_builder_end (builder);
}

char *
jd_demo_server_dup_last_header (JdDemoServer *self,
                                const char   *name)
{
  char *value = NULL;

  g_return_val_if_fail (JD_IS_DEMO_SERVER (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  g_mutex_lock (&self->mutex);
  if (self->last_headers != NULL)
    value = g_strdup (soup_message_headers_get_list (self->last_headers, name));
  g_mutex_unlock (&self->mutex);

  return value;
}

char *
jd_demo_server_describe_jobs (void)
{
  return jd_demo_data_describe_jobs ();
}
