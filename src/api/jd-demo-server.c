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

#include "jd-demo-data.h"
#include "jd-demo-request.h"
#include "jd-demo-server.h"

#define DEFAULT_TOKEN_LIFETIME 3599
#define DEFAULT_PROGRESS_STEP  20000
/* GET /v3/jobs pages by this many jobs when no limit is given. */
#define DEFAULT_PAGE_SIZE      20

typedef enum
{
  ROLE_VIEWER,
  ROLE_CURATOR,
} Role;

typedef struct
{
  gint64 expires_at;    /* monotonic µs */
  Role   role;
} Token;

/* What a DELETE did to a job. */
typedef struct
{
  const char *status;
  const char *disposition;
  gboolean    removed;
  gint64      cancelled_ms;   /* Unix time in ms */
} Override;

/* A generated output, kept because the large ones take a moment. */
typedef struct
{
  GBytes *bytes;
  char   *content_type;
  char   *file_name;
} CachedOutput;

typedef enum
{
  ROUTE_NONE,
  ROUTE_TOKEN,
  ROUTE_SWAGGER,
  ROUTE_JOBS,
  ROUTE_JOB,
  ROUTE_JOB_MESSAGES,
  ROUTE_WORKFLOWS,
  ROUTE_WORKFLOW,
  ROUTE_WORKFLOW_JOBS,
  ROUTE_OUTPUT,
} Route;

/* One row of a job list, with the state this server gives the job now. */
typedef struct
{
  const JdDemoJob *job;
  const char      *status;
  const char      *disposition;
  JdDemoTimes      times;
} ListedJob;

typedef enum
{
  SORT_CREATE_DATE,
  SORT_APP_NAME,
  SORT_COMPLETION,
  SORT_PRIORITY,
  SORT_STATUS,
} SortField;

typedef struct
{
  SortField field;
  gboolean  ascending;
} SortOrder;

struct _JdDemoServer
{
  GObject             parent_instance;

  /* Only the thread that serves touches these. */
  SoupServer         *server;
  GMainContext       *thread_context;
  GThread            *thread;
  guint               requested_port;
  gint                stopping;          /* atomic */

  GMutex              mutex;
  GCond               cond;

  /* Guarded by mutex. */
  gboolean            thread_ready;
  GError             *thread_error;
  char               *base_url;
  guint               token_lifetime;
  guint               progress_step;
  gboolean            basic_only;
  gboolean            legacy;
  GHashTable         *tokens;            /* token → Token */
  GPtrArray          *issued_tokens;     /* every token ever issued, for tests */
  GHashTable         *overrides;         /* job ID → Override */
  GHashTable         *cache;             /* key → GBytes (messages) */
  GHashTable         *output_cache;      /* key → CachedOutput */
  gint64              progress_started;  /* monotonic µs; 0: not looked up yet */
  gint64              progress_started_ms; /* the same moment, Unix time in ms */
  SoupMessageHeaders *last_headers;

  gint                request_count;     /* atomic */
  gint                token_request_count;
};

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

/* ------------------------------------------------------------------ */
/* Tokens                                                              */

static gboolean
credentials_role (const char *key,
                  const char *secret,
                  Role       *role)
{
  if (g_strcmp0 (key, JD_DEMO_API_KEY) == 0 && g_strcmp0 (secret, JD_DEMO_API_SECRET) == 0)
    {
      *role = ROLE_CURATOR;
      return TRUE;
    }

  if (g_strcmp0 (key, JD_DEMO_VIEWER_API_KEY) == 0 && g_strcmp0 (secret, JD_DEMO_VIEWER_API_SECRET) == 0)
    {
      *role = ROLE_VIEWER;
      return TRUE;
    }

  return FALSE;
}

/* The key and secret of "Authorization: Basic …", which RFC 6749 has
 * form-encoded before they are joined with ':'. */
static gboolean
parse_basic (SoupServerMessage  *msg,
             char              **key,
             char              **secret)
{
  const char *header = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                     "Authorization");
  g_autofree guchar *decoded = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;
  char *colon;

  if (header == NULL || g_ascii_strncasecmp (header, "Basic ", 6) != 0)
    return FALSE;

  header += 6;
  while (*header == ' ')
    header++;

  decoded = g_base64_decode (header, &length);
  if (decoded == NULL || length == 0)
    return FALSE;

  text = g_strndup ((const char *) decoded, length);
  colon = strchr (text, ':');
  if (colon == NULL)
    return FALSE;
  *colon = '\0';

  *key = g_uri_unescape_string (text, NULL);
  *secret = g_uri_unescape_string (colon + 1, NULL);
  if (*key == NULL || *secret == NULL)
    {
      g_clear_pointer (key, g_free);
      g_clear_pointer (secret, g_free);
      *key = g_strdup (text);
      *secret = g_strdup (colon + 1);
    }

  return TRUE;
}

static char *
new_token (void)
{
  g_autofree char *first = g_uuid_string_random ();
  g_autofree char *second = g_uuid_string_random ();
  GString *token = g_string_new (NULL);

  for (const char *p = first; *p; p++)
    {
      if (*p != '-')
        g_string_append_c (token, *p);
    }
  for (const char *p = second; *p; p++)
    {
      if (*p != '-')
        g_string_append_c (token, *p);
    }

  return g_string_free (token, FALSE);
}

/* Keeps the table small; call with the mutex held. */
static void
forget_expired_tokens_locked (JdDemoServer *self)
{
  gint64 now = g_get_monotonic_time ();
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->tokens);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      if (((Token *) value)->expires_at <= now)
        g_hash_table_iter_remove (&iter);
    }
}

static void
handle_token (JdDemoServer      *self,
              SoupServerMessage *msg)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) flat = soup_message_body_flatten (body);
  g_autofree char *text = g_strndup (g_bytes_get_data (flat, NULL), g_bytes_get_size (flat));
  g_autoptr(GHashTable) form = soup_form_decode (text);
  const char *grant_type = g_hash_table_lookup (form, "grant_type");
  g_autofree char *basic_key = NULL;
  g_autofree char *basic_secret = NULL;
  const char *key;
  const char *secret;
  gboolean basic;
  gboolean basic_only;
  guint lifetime;
  g_autofree char *token = NULL;
  Token *entry;
  GString *json;
  Role role;

  if (grant_type == NULL)
    {
      jd_demo_respond_oauth_error (msg, "invalid_request", "The grant_type parameter is missing.");
      return;
    }
  if (!g_str_equal (grant_type, "client_credentials"))
    {
      jd_demo_respond_oauth_error (msg, "unsupported_grant_type", NULL);
      return;
    }

  g_mutex_lock (&self->mutex);
  basic_only = self->basic_only;
  lifetime = self->token_lifetime;
  g_mutex_unlock (&self->mutex);

  basic = parse_basic (msg, &basic_key, &basic_secret);
  if (basic)
    {
      key = basic_key;
      secret = basic_secret;
    }
  else if (basic_only)
    {
      jd_demo_respond_oauth_error (msg, "invalid_request",
                           "This server takes the client credentials only with HTTP Basic authentication.");
      return;
    }
  else
    {
      key = g_hash_table_lookup (form, "client_id");
      secret = g_hash_table_lookup (form, "client_secret");
    }

  if (key == NULL || secret == NULL || !credentials_role (key, secret, &role))
    {
      g_debug ("token refused (%s credentials)", basic ? "Basic" : "form");
      jd_demo_respond_oauth_error (msg, "invalid_client",
                           key == NULL || secret == NULL
                           ? "The client credentials are missing."
                           : "The API key or secret is not valid, or the user has no API access.");
      return;
    }

  token = new_token ();
  entry = g_new0 (Token, 1);
  entry->role = role;
  entry->expires_at = g_get_monotonic_time () + (gint64) lifetime * G_USEC_PER_SEC;

  g_mutex_lock (&self->mutex);
  forget_expired_tokens_locked (self);
  g_hash_table_insert (self->tokens, g_strdup (token), entry);
  g_ptr_array_add (self->issued_tokens, g_strdup (token));
  g_mutex_unlock (&self->mutex);

  g_debug ("issued a token for a %s (%s credentials, %u s)",
           role == ROLE_CURATOR ? "Curator" : "viewer", basic ? "Basic" : "form", lifetime);

  json = g_string_new ("{\"access_token\":");
  jd_demo_data_append_json_string (json, token);
  g_string_append_printf (json, ",\"token_type\":\"bearer\",\"expires_in\":%u}", lifetime);

  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Cache-Control", "no-store");
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Pragma", "no-cache");
  jd_demo_respond_json_take (msg, SOUP_STATUS_OK, g_string_free (json, FALSE));
}

/* Checks the bearer token; answers 401 when there is no live one. */
static gboolean
authorize (JdDemoServer      *self,
           SoupServerMessage *msg,
           Role              *role)
{
  const char *header = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                     "Authorization");
  g_autofree char *token = NULL;
  gboolean valid = FALSE;

  if (header != NULL && g_ascii_strncasecmp (header, "Bearer ", 7) == 0)
    token = g_strstrip (g_strdup (header + 7));

  if (token != NULL)
    {
      Token *entry;

      g_mutex_lock (&self->mutex);
      entry = g_hash_table_lookup (self->tokens, token);
      if (entry != NULL && entry->expires_at > g_get_monotonic_time ())
        {
          *role = entry->role;
          valid = TRUE;
        }
      g_mutex_unlock (&self->mutex);
    }

  if (!valid)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "WWW-Authenticate", "Bearer");
      jd_demo_respond_message (msg, SOUP_STATUS_UNAUTHORIZED, JD_DEMO_DENIED_MESSAGE);
    }

  return valid;
}

static gboolean
require_curator (SoupServerMessage *msg,
                 Role               role)
{
  if (role == ROLE_CURATOR)
    return TRUE;

  jd_demo_respond_message (msg, SOUP_STATUS_FORBIDDEN, JD_DEMO_DENIED_MESSAGE);
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Job state                                                           */

/* The state the job has on this server now: the data's, changed by a
 * DELETE, or the progressing job's clock. FALSE when a DELETE removed it.
 * Call with the mutex held. */
static gboolean
job_state_locked (JdDemoServer     *self,
                  const JdDemoJob  *job,
                  gboolean          start_clock,
                  const char      **status,
                  const char      **disposition)
{
  Override *override = g_hash_table_lookup (self->overrides, job->id);

  if (override != NULL)
    {
      *status = override->status;
      *disposition = override->disposition;
      return !override->removed;
    }

  if (job->kind == JD_DEMO_KIND_PROGRESSING)
    {
      gint64 now = g_get_monotonic_time ();
      gint64 step = (gint64) self->progress_step * 1000;
      gint64 elapsed;

      if (self->progress_started == 0 && start_clock)
        {
          self->progress_started = now;
          self->progress_started_ms = g_get_real_time () / 1000;
        }
      elapsed = self->progress_started != 0 ? now - self->progress_started : 0;

      if (elapsed < step)
        {
          *status = "Queued";
          *disposition = "None";
        }
      else if (elapsed < 2 * step)
        {
          *status = "Running";
          *disposition = "None";
        }
      else
        {
          *status = job->status;
          *disposition = job->disposition;
        }
      return TRUE;
    }

  *status = job->status;
  *disposition = job->disposition;
  return TRUE;
}

static gboolean
job_state (JdDemoServer     *self,
           const JdDemoJob  *job,
           gboolean          start_clock,
           const char      **status,
           const char      **disposition)
{
  gboolean exists;

  g_mutex_lock (&self->mutex);
  exists = job_state_locked (self, job, start_clock, status, disposition);
  g_mutex_unlock (&self->mutex);

  return exists;
}

/* When the job was queued, started and ended, in the state
 * job_state_locked () gave it. Call with the mutex held. */
static void
job_times_locked (JdDemoServer    *self,
                  const JdDemoJob *job,
                  const char      *status,
                  JdDemoTimes     *times)
{
  Override *override = g_hash_table_lookup (self->overrides, job->id);

  jd_demo_data_get_times (job, times);

  if (override != NULL)
    {
      /* cancelled while it ran: it ended then */
      times->end_ms = times->start_ms != 0 ? override->cancelled_ms : 0;
    }
  else if (job->kind == JD_DEMO_KIND_PROGRESSING)
    {
      gint64 step_ms = self->progress_step;

      times->queue_ms = self->progress_started != 0 ? self->progress_started_ms : job->create_ms;
      times->start_ms = 0;
      times->end_ms = 0;
      if (!jd_demo_status_is (status, "Queued"))
        times->start_ms = times->queue_ms + step_ms;
      if (jd_demo_status_is (status, "Completed"))
        times->end_ms = times->start_ms + step_ms;
    }
}

/* Looks the job up and answers 400 or 404 when there is none. */
static const JdDemoJob *
find_job (JdDemoServer      *self,
          SoupServerMessage *msg,
          const char        *id,
          gboolean           start_clock,
          const char       **status,
          const char       **disposition)
{
  const JdDemoJob *job;

  if (!jd_demo_data_is_object_id (id))
    {
      jd_demo_respond_message (msg, SOUP_STATUS_BAD_REQUEST, "The job ID is not valid.");
      return NULL;
    }

  job = jd_demo_data_find_job (id);
  if (job == NULL || !job_state (self, job, start_clock, status, disposition))
    {
      jd_demo_respond_messagef (msg, SOUP_STATUS_NOT_FOUND, "No job was found with the ID %s.", id);
      return NULL;
    }

  return job;
}

/* The messages array, generated once per job and state. */
static GBytes *
dup_messages (JdDemoServer    *self,
              const JdDemoJob *job,
              const char      *status)
{
  g_autofree char *key = g_strdup_printf ("%s|%s", job->id, status);
  GBytes *bytes;
  GBytes *existing;

  g_mutex_lock (&self->mutex);
  bytes = g_hash_table_lookup (self->cache, key);
  if (bytes != NULL)
    g_bytes_ref (bytes);
  g_mutex_unlock (&self->mutex);

  if (bytes != NULL)
    return bytes;

  /* Built without the lock: 100,000 messages take a moment, and the
   * result is the same whoever builds it. */
  bytes = jd_demo_data_build_messages (job, status, NULL);

  g_mutex_lock (&self->mutex);
  existing = g_hash_table_lookup (self->cache, key);
  if (existing != NULL)
    {
      g_bytes_unref (bytes);
      bytes = g_bytes_ref (existing);
    }
  else
    {
      g_hash_table_insert (self->cache, g_steal_pointer (&key), g_bytes_ref (bytes));
    }
  g_mutex_unlock (&self->mutex);

  return bytes;
}

/* ------------------------------------------------------------------ */
/* Handlers                                                            */

/* A JobView of the job as it stands. */
static void
respond_job (JdDemoServer      *self,
             SoupServerMessage *msg,
             const JdDemoJob   *job,
             const char        *status,
             const char        *disposition,
             gboolean           with_messages)
{
  char *head = jd_demo_data_build_job_head (job, status, disposition);
  char *tail = jd_demo_data_build_job_tail (job);
  SoupMessageBody *body;

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Content-Type", JD_DEMO_JSON_CONTENT_TYPE);

  /* Chunks, so that a cached 11 MB array goes out without a copy. */
  body = soup_server_message_get_response_body (msg);
  soup_message_body_append_take (body, (guchar *) head, strlen (head));
  if (with_messages && jd_demo_data_job_has_messages (job))
    {
      g_autoptr(GBytes) messages = dup_messages (self, job, status);

      soup_message_body_append (body, SOUP_MEMORY_STATIC, ",\"messages\":", strlen (",\"messages\":"));
      soup_message_body_append_bytes (body, messages);
    }
  soup_message_body_append (body, SOUP_MEMORY_STATIC, ",", 1);
  soup_message_body_append_take (body, (guchar *) tail, strlen (tail));
}

static void
handle_get_job (JdDemoServer      *self,
                SoupServerMessage *msg,
                GHashTable        *query,
                const char        *id)
{
  const char *include = jd_demo_query_get (query, "includeMessages");
  gboolean with_messages = TRUE;
  const char *status;
  const char *disposition;
  const JdDemoJob *job;

  if (include != NULL)
    {
      if (g_ascii_strcasecmp (include, "false") == 0)
        with_messages = FALSE;
      else if (g_ascii_strcasecmp (include, "true") != 0)
        {
          jd_demo_respond_messagef (msg, SOUP_STATUS_BAD_REQUEST,
                            "The value '%s' is not valid for includeMessages.", include);
          return;
        }
    }

  job = find_job (self, msg, id, TRUE, &status, &disposition);
  if (job == NULL)
    return;

  respond_job (self, msg, job, status, disposition, with_messages);
}

static void
handle_get_messages (JdDemoServer      *self,
                     SoupServerMessage *msg,
                     const char        *id)
{
  g_autoptr(GBytes) messages = NULL;
  const char *status;
  const char *disposition;
  const JdDemoJob *job;

  job = find_job (self, msg, id, TRUE, &status, &disposition);
  if (job == NULL)
    return;

  messages = dup_messages (self, job, status);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Content-Type", JD_DEMO_JSON_CONTENT_TYPE);
  soup_message_body_append_bytes (soup_server_message_get_response_body (msg), messages);
}

static void
handle_delete_job (JdDemoServer      *self,
                   SoupServerMessage *msg,
                   const char        *id)
{
  const char *status;
  const char *disposition;
  const JdDemoJob *job;
  gboolean exists;
  gboolean changed = FALSE;
  gboolean removed = FALSE;

  if (!jd_demo_data_is_object_id (id))
    {
      jd_demo_respond_message (msg, SOUP_STATUS_BAD_REQUEST, "The job ID is not valid.");
      return;
    }

  job = jd_demo_data_find_job (id);

  /* Check and change in one step, so that two DELETEs cannot both win. */
  g_mutex_lock (&self->mutex);
  exists = job != NULL && job_state_locked (self, job, FALSE, &status, &disposition);
  if (exists)
    {
      removed = jd_demo_status_is (status, "Queued") || jd_demo_status_is (status, "Created");
      changed = removed || jd_demo_status_is (status, "Running") || jd_demo_status_is (status, "Initializing");

      if (changed)
        {
          Override *override = g_new0 (Override, 1);

          override->status = "Cancelled";
          override->disposition = "Cancelled";
          override->removed = removed;
          override->cancelled_ms = g_get_real_time () / 1000;
          g_hash_table_replace (self->overrides, g_strdup (job->id), override);
        }
    }
  g_mutex_unlock (&self->mutex);

  if (!exists)
    jd_demo_respond_messagef (msg, SOUP_STATUS_NOT_FOUND, "No job was found with the ID %s.", id);
  else if (!changed)
    jd_demo_respond_message (msg, SOUP_STATUS_BAD_REQUEST, "The job has already finished.");
  else
    {
      g_debug ("job %s %s", job->id, removed ? "removed from the queue" : "cancelled");
      /* The Swagger answers the JobView as the job now stands. */
      respond_job (self, msg, job, "Cancelled", "Cancelled", TRUE);
    }
}

static int
priority_rank (const char *priority)
{
  static const char *const order[] = { "Low", "Default", "Medium", "High", "Critical" };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      if (jd_demo_status_is (priority, order[i]))
        return (int) i;
    }

  return G_N_ELEMENTS (order);
}

static int
compare_listed (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const ListedJob *left = a;
  const ListedJob *right = b;
  const SortOrder *order = user_data;
  int result = 0;

  switch (order->field)
    {
    case SORT_APP_NAME:
      result = g_strcmp0 (left->job->workflow->name, right->job->workflow->name);
      break;
    case SORT_COMPLETION:
      result = (left->job->complete_ms > right->job->complete_ms) - (left->job->complete_ms < right->job->complete_ms);
      break;
    case SORT_PRIORITY:
      result = priority_rank (left->job->priority) - priority_rank (right->job->priority);
      break;
    case SORT_STATUS:
      result = g_ascii_strcasecmp (left->status, right->status);
      break;
    case SORT_CREATE_DATE:
    default:
      break;
    }

  /* Ties, and the default, go by creation time, then by ID. */
  if (result == 0)
    result = (left->job->create_ms > right->job->create_ms) - (left->job->create_ms < right->job->create_ms);
  if (result == 0)
    result = strcmp (left->job->id, right->job->id);

  return order->ascending ? result : -result;
}

static gboolean
parse_sort_field (SoupServerMessage *msg,
                  GHashTable        *query,
                  gboolean           all_fields,
                  SortField         *field)
{
  static const struct { const char *name; SortField field; } fields[] = {
    { "createDate", SORT_CREATE_DATE },
    { "createDateTime", SORT_CREATE_DATE },
    { "status", SORT_STATUS },
    { "priority", SORT_PRIORITY },
    { "appName", SORT_APP_NAME },
    { "completionDateTime", SORT_COMPLETION },
  };
  const char *text = jd_demo_query_get (query, "sortField");
  guint n_fields = all_fields ? G_N_ELEMENTS (fields) : 4;

  *field = SORT_CREATE_DATE;
  if (text == NULL)
    return TRUE;

  for (guint i = 0; i < n_fields; i++)
    {
      if (g_ascii_strcasecmp (text, fields[i].name) == 0)
        {
          *field = fields[i].field;
          return TRUE;
        }
    }

  jd_demo_respond_messagef (msg, SOUP_STATUS_BAD_REQUEST, "The value '%s' is not valid for sortField.", text);
  return FALSE;
}

static gboolean
status_matches (const char *job_status,
                const char *wanted)
{
  return g_strcmp0 (jd_demo_canonical_status (job_status), wanted) == 0;
}

/* The jobs of @workflow (all workflows when NULL) that exist now. */
static GArray *
list_jobs (JdDemoServer         *self,
           const JdDemoWorkflow *workflow)
{
  GArray *listed = g_array_new (FALSE, FALSE, sizeof (ListedJob));
  const JdDemoJob **jobs;
  guint n_jobs;

  jobs = jd_demo_data_get_jobs (&n_jobs);

  g_mutex_lock (&self->mutex);
  for (guint i = 0; i < n_jobs; i++)
    {
      ListedJob item = { jobs[i], NULL, NULL, { 0, } };

      if (jobs[i]->workflow == NULL || (workflow != NULL && jobs[i]->workflow != workflow))
        continue;
      if (job_state_locked (self, jobs[i], FALSE, &item.status, &item.disposition))
        {
          job_times_locked (self, jobs[i], item.status, &item.times);
          g_array_append_val (listed, item);
        }
    }
  g_mutex_unlock (&self->mutex);

  return listed;
}

/* Looks the workflow up and answers 400 or 404 when there is none. */
static const JdDemoWorkflow *
find_workflow (SoupServerMessage *msg,
               const char        *id)
{
  const JdDemoWorkflow *workflow;

  if (!jd_demo_data_is_object_id (id))
    {
      jd_demo_respond_message (msg, SOUP_STATUS_BAD_REQUEST, "The workflow ID is not valid.");
      return NULL;
    }

  workflow = jd_demo_data_find_workflow (id);
  if (workflow == NULL)
    jd_demo_respond_messagef (msg, SOUP_STATUS_NOT_FOUND, "No workflow was found with the ID %s.", id);

  return workflow;
}

static void
handle_workflow_jobs (JdDemoServer      *self,
                      SoupServerMessage *msg,
                      GHashTable        *query,
                      const char        *workflow_id)
{
  const JdDemoWorkflow *workflow;
  const char *status_filter = jd_demo_query_get (query, "status");
  const char *result_filter = jd_demo_query_get (query, "resultCode");
  const char *wanted_status = NULL;
  g_autoptr(GArray) listed = NULL;
  SortOrder order;
  guint offset = 0;
  guint limit = 0;
  guint shown = 0;
  GString *json;

  workflow = find_workflow (msg, workflow_id);
  if (workflow == NULL)
    return;

  if (!parse_sort_field (msg, query, FALSE, &order.field) ||
      !jd_demo_query_get_direction (msg, query, &order.ascending) ||
      !jd_demo_query_get_uint (msg, query, "offset", &offset) ||
      !jd_demo_query_get_uint (msg, query, "limit", &limit))
    return;

  if (status_filter != NULL && (wanted_status = jd_demo_canonical_status (status_filter)) == NULL)
    {
      jd_demo_respond_messagef (msg, SOUP_STATUS_BAD_REQUEST, "The value '%s' is not valid for status.", status_filter);
      return;
    }

  if (result_filter != NULL &&
      !jd_demo_status_is (result_filter, "Success") && !jd_demo_status_is (result_filter, "Warning") &&
      !jd_demo_status_is (result_filter, "Error") && !jd_demo_status_is (result_filter, "Cancelled") &&
      !jd_demo_status_is (result_filter, "None"))
    {
      jd_demo_respond_messagef (msg, SOUP_STATUS_BAD_REQUEST, "The value '%s' is not valid for resultCode.", result_filter);
      return;
    }

  listed = list_jobs (self, workflow);
  g_array_sort_with_data (listed, compare_listed, &order);

  json = g_string_new ("[");
  for (guint i = 0, matched = 0; i < listed->len; i++)
    {
      const ListedJob *item = &g_array_index (listed, ListedJob, i);

      if (wanted_status != NULL && !status_matches (item->status, wanted_status))
        continue;
      if (result_filter != NULL && !jd_demo_status_is (item->disposition, result_filter))
        continue;

      /* A limit of 0 (or none) means every job. */
      if (matched++ < offset || (limit > 0 && shown >= limit))
        continue;

      if (shown++ > 0)
        g_string_append_c (json, ',');
      jd_demo_data_append_workflow_job (json, item->job, item->status);
    }
  g_string_append_c (json, ']');

  jd_demo_respond_json_take (msg, SOUP_STATUS_OK, g_string_free (json, FALSE));
}

/* What GET /v3/jobs was asked for. */
typedef struct
{
  GStrv      statuses;        /* canonical */
  GStrv      workflow_names;
  GStrv      priorities;      /* canonical */
  GPtrArray *users;           /* const JdDemoUser; NULL: any */
  gint64     after;           /* completed, Unix ms; G_MININT64: any */
  gint64     before;          /* G_MAXINT64: any */
} JobsFilter;

static void
jobs_filter_clear (JobsFilter *filter)
{
  g_clear_pointer (&filter->statuses, g_strfreev);
  g_clear_pointer (&filter->workflow_names, g_strfreev);
  g_clear_pointer (&filter->priorities, g_strfreev);
  g_clear_pointer (&filter->users, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (JobsFilter, jobs_filter_clear)

/* Reads the filters of the query; answers 400 for what is not valid. The
 * caller's own jobs, unless allUsers or users say otherwise. */
static gboolean
jobs_filter_parse (SoupServerMessage *msg,
                   GHashTable        *query,
                   Role               role,
                   JobsFilter        *filter)
{
  g_auto(GStrv) users = NULL;
  gboolean all_users;

  filter->after = G_MININT64;
  filter->before = G_MAXINT64;

  if (!jd_demo_query_get_list (msg, query, "statuses", jd_demo_canonical_status, &filter->statuses) ||
      !jd_demo_query_get_list (msg, query, "workflowNames", NULL, &filter->workflow_names) ||
      !jd_demo_query_get_list (msg, query, "priorities", jd_demo_canonical_priority, &filter->priorities) ||
      !jd_demo_query_get_list (msg, query, "users", NULL, &users) ||
      !jd_demo_query_get_boolean (msg, query, "allUsers", &all_users) ||
      !jd_demo_query_get_date (msg, query, "completedAfter", &filter->after) ||
      !jd_demo_query_get_date (msg, query, "completedBefore", &filter->before))
    return FALSE;

  if (users != NULL)
    {
      /* a user this Server does not know has no jobs */
      filter->users = g_ptr_array_new ();
      for (guint i = 0; users[i] != NULL; i++)
        {
          const JdDemoUser *user = jd_demo_data_find_user (users[i]);

          if (user != NULL)
            g_ptr_array_add (filter->users, (gpointer) user);
        }
    }
  else if (!all_users)
    {
      filter->users = g_ptr_array_new ();
      g_ptr_array_add (filter->users, (gpointer) jd_demo_data_find_user (role == ROLE_CURATOR
                                                                         ? JD_DEMO_USER_CURATOR_ID
                                                                         : JD_DEMO_USER_VIEWER_ID));
    }

  return TRUE;
}

static gboolean
any_equal (GStrv       values,
           const char *value)
{
  for (guint k = 0; values[k] != NULL; k++)
    {
      if (g_ascii_strcasecmp (values[k], value) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
jobs_filter_matches (const JobsFilter *filter,
                     const ListedJob  *item)
{
  if (filter->statuses != NULL &&
      (jd_demo_canonical_status (item->status) == NULL || !any_equal (filter->statuses, jd_demo_canonical_status (item->status))))
    return FALSE;

  if (filter->workflow_names != NULL && !any_equal (filter->workflow_names, item->job->workflow->name))
    return FALSE;

  if (filter->priorities != NULL && !any_equal (filter->priorities, item->job->priority))
    return FALSE;

  if (filter->users != NULL && !g_ptr_array_find (filter->users, item->job->submitted_by, NULL))
    return FALSE;

  if (filter->after != G_MININT64 || filter->before != G_MAXINT64)
    {
      gboolean finished = item->job->complete_ms != 0 && g_str_equal (item->status, item->job->status);

      return finished && item->job->complete_ms >= filter->after && item->job->complete_ms < filter->before;
    }

  return TRUE;
}

static void
handle_jobs (JdDemoServer      *self,
             SoupServerMessage *msg,
             GHashTable        *query,
             Role               role)
{
  g_auto(JobsFilter) filter = { 0, };
  g_autoptr(GArray) listed = NULL;
  g_autoptr(GPtrArray) matching = g_ptr_array_new ();
  SortOrder order;
  guint offset = 0;
  guint limit = 0;
  guint total_pages;
  GString *json;

  if (!parse_sort_field (msg, query, TRUE, &order.field) ||
      !jd_demo_query_get_direction (msg, query, &order.ascending) ||
      !jd_demo_query_get_uint (msg, query, "offset", &offset) ||
      !jd_demo_query_get_uint (msg, query, "limit", &limit) ||
      !jobs_filter_parse (msg, query, role, &filter))
    return;

  if (limit == 0)
    limit = DEFAULT_PAGE_SIZE;

  listed = list_jobs (self, NULL);
  g_array_sort_with_data (listed, compare_listed, &order);

  for (guint i = 0; i < listed->len; i++)
    {
      ListedJob *item = &g_array_index (listed, ListedJob, i);

      if (jobs_filter_matches (&filter, item))
        g_ptr_array_add (matching, item);
    }

  json = g_string_new ("{\"data\":[");
  for (guint i = offset; i < matching->len && i < (guint64) offset + limit; i++)
    {
      const ListedJob *item = g_ptr_array_index (matching, i);

      if (i > offset)
        g_string_append_c (json, ',');
      jd_demo_data_append_job_summary (json, item->job, item->status, &item->times);
    }

  total_pages = (matching->len + limit - 1) / limit;
  g_string_append_printf (json,
                          "],\"pagination\":{\"currentPage\":%u,\"pageSize\":%u,\"totalItems\":%u,"
                          "\"totalPages\":%u,\"hasNextPage\":%s,\"hasPreviousPage\":%s}}",
                          offset / limit + 1, limit, matching->len, total_pages,
                          (guint64) offset + limit < matching->len ? "true" : "false",
                          offset > 0 ? "true" : "false");

  jd_demo_respond_json_take (msg, SOUP_STATUS_OK, g_string_free (json, FALSE));
}

static void
handle_workflows (JdDemoServer      *self,
                  SoupServerMessage *msg,
                  GHashTable        *query)
{
  const char *name = jd_demo_query_get (query, "name");
  const char *view = jd_demo_query_get (query, "view");
  g_autofree char *wanted = NULL;
  const JdDemoWorkflow *workflows;
  guint n_workflows;
  gboolean first = TRUE;
  GString *json;

  /* Both views answer ReducedWorkflowView, the one object the Swagger
   * names for this list. */
  if (view != NULL && g_ascii_strcasecmp (view, "Full") != 0 && g_ascii_strcasecmp (view, "Default") != 0)
    {
      jd_demo_respond_messagef (msg, SOUP_STATUS_BAD_REQUEST, "The value '%s' is not valid for view.", view);
      return;
    }

  if (name != NULL && g_utf8_validate (name, -1, NULL))
    wanted = g_utf8_casefold (name, -1);

  workflows = jd_demo_data_get_workflows (&n_workflows);
  json = g_string_new ("[");
  for (guint i = 0; i < n_workflows; i++)
    {
      g_autofree char *folded = g_utf8_casefold (workflows[i].name, -1);

      if (name != NULL && (wanted == NULL || strstr (folded, wanted) == NULL))
        continue;

      if (!first)
        g_string_append_c (json, ',');
      first = FALSE;
      jd_demo_data_append_workflow (json, &workflows[i]);
    }
  g_string_append_c (json, ']');

  jd_demo_respond_json_take (msg, SOUP_STATUS_OK, g_string_free (json, FALSE));
}

static void
handle_get_workflow (JdDemoServer      *self,
                     SoupServerMessage *msg,
                     const char        *workflow_id)
{
  const JdDemoWorkflow *workflow;
  GString *json;

  workflow = find_workflow (msg, workflow_id);
  if (workflow == NULL)
    return;

  json = g_string_new (NULL);
  jd_demo_data_append_workflow_view (json, workflow);
  jd_demo_respond_json_take (msg, SOUP_STATUS_OK, g_string_free (json, FALSE));
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

  job = find_job (self, msg, job_id, FALSE, &status, &disposition);
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
        handle_token (self, msg);
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
      else if (authorize (self, msg, &role) && require_curator (msg, role))
        handle_jobs (self, msg, query, role);
      break;

    case ROUTE_JOB:
      if (jd_demo_method_is (msg, SOUP_METHOD_GET))
        {
          if (authorize (self, msg, &role))
            handle_get_job (self, msg, query, first_id);
        }
      else if (jd_demo_method_is (msg, SOUP_METHOD_DELETE))
        {
          if (authorize (self, msg, &role) && require_curator (msg, role))
            handle_delete_job (self, msg, first_id);
        }
      else
        {
          jd_demo_respond_method_not_allowed (msg, "GET, DELETE");
        }
      break;

    case ROUTE_JOB_MESSAGES:
      if (!jd_demo_method_is (msg, SOUP_METHOD_GET))
        jd_demo_respond_method_not_allowed (msg, "GET");
      else if (authorize (self, msg, &role) && require_curator (msg, role))
        handle_get_messages (self, msg, first_id);
      break;

    case ROUTE_WORKFLOWS:
      if (!jd_demo_method_is (msg, SOUP_METHOD_GET))
        jd_demo_respond_method_not_allowed (msg, "GET");
      else if (authorize (self, msg, &role) && require_curator (msg, role))
        handle_workflows (self, msg, query);
      break;

    case ROUTE_WORKFLOW:
      /* Curators only: the other sample account is refused, as Servers
       * refuse workflows that are not shared with an account. */
      if (!jd_demo_method_is (msg, SOUP_METHOD_GET))
        jd_demo_respond_method_not_allowed (msg, "GET");
      else if (authorize (self, msg, &role) && require_curator (msg, role))
        handle_get_workflow (self, msg, first_id);
      break;

    case ROUTE_WORKFLOW_JOBS:
      if (!jd_demo_method_is (msg, SOUP_METHOD_GET))
        jd_demo_respond_method_not_allowed (msg, "GET");
      else if (authorize (self, msg, &role))
        handle_workflow_jobs (self, msg, query, first_id);
      break;

    case ROUTE_OUTPUT:
      if (!jd_demo_method_is (msg, SOUP_METHOD_GET))
        jd_demo_respond_method_not_allowed (msg, "GET");
      else if (authorize (self, msg, &role))
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
