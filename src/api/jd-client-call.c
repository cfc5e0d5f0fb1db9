/* jd-client-call.c: one request of a JdClient, from token to parsed answer.
 *
 * The steps, each asynchronous: wait for a token (shared with other calls,
 * through the token source), send, follow a same-host redirect, renew the
 * token once on 401, read the body up to a limit (or hand it to a
 * download), parse it on a worker thread. Whatever happens, the task
 * returns exactly once, and never with data after the caller cancelled.
 * The words for each failure are in jd-call-wording.c.
 */
#define G_LOG_DOMAIN "jd-client"

#include "config.h"

#include <string.h>

#include "jd-client-address.h"
#include "jd-client-call.h"
#include "jd-client-error.h"
#include "jd-download.h"
#include "jd-json-reader.h"

#define READ_CHUNK        (64 * 1024)
#define ERROR_BODY_LIMIT  (64 * 1024)
#define MAX_REDIRECTS     5

struct _JdCall
{
  JdCallKind             kind;
  char                  *method;
  char                  *path;
  JdCallParser           parser;
  /* for the first max_response_size bytes of a larger answer, or NULL */
  JdCallParser           cut_off_parser;
  gboolean               cut_off;
  gpointer               parser_data;
  GDestroyNotify         parser_data_free;
  JdCallSubject          subject;
  char                  *subject_id;

  GFile                 *destination;
  char                  *format;
  GFileProgressCallback  progress;
  gpointer               progress_data;

  /* From the context */
  SoupSession           *session;
  JdTokenSource         *tokens;
  guint                  timeout;
  gsize                  max_response_size;

  GTask                 *task;          /* owns us as its task data */
  GCancellable          *cancellable;   /* ours: the caller's and the deadline cancel it */
  gulong                 caller_cancelled_id;
  GSource               *deadline;
  GSource               *abort_source;
  gboolean               timed_out;
  gboolean               waiting_for_token;
  guint                  wait_id;       /* in the token source's queue */
  gboolean               returned;

  char                  *token;
  gboolean               renewed_after_401;
  gboolean               tried_basic;
  guint                  redirects;
  GUri                  *uri;
  SoupMessage           *message;
  GInputStream          *body;
  GByteArray            *buffer;
  gsize                  limit;
  goffset                expected;      /* Content-Length, or -1 */
  goffset                received;
};

static void call_send (JdCall *call);
static void on_json_body_cb (JdCall *call,
                             GBytes *bytes);

void
jd_call_free (JdCall *call)
{
  if (call->parser_data_free != NULL)
    call->parser_data_free (call->parser_data);
  g_free (call->method);
  g_free (call->path);
  g_free (call->subject_id);
  g_clear_object (&call->destination);
  g_free (call->format);
  g_clear_object (&call->session);
  g_clear_object (&call->tokens);
  g_clear_object (&call->cancellable);
  g_assert (call->deadline == NULL);
  g_assert (call->abort_source == NULL);
  if (call->token != NULL)
    memset (call->token, 0, strlen (call->token));
  g_free (call->token);
  g_clear_pointer (&call->uri, g_uri_unref);
  g_clear_object (&call->message);
  g_clear_object (&call->body);
  g_clear_pointer (&call->buffer, g_byte_array_unref);
  g_free (call);
}

JdCall *
jd_call_new (JdCallKind  kind,
             const char *method,
             const char *path)
{
  JdCall *call = g_new0 (JdCall, 1);

  call->kind = kind;
  call->method = g_strdup (method);
  call->path = g_strdup (path);
  call->expected = -1;

  return call;
}

void
jd_call_set_parser (JdCall         *call,
                    JdCallParser    parser,
                    gpointer        data,
                    GDestroyNotify  data_free)
{
  call->parser = parser;
  call->parser_data = data;
  call->parser_data_free = data_free;
}

void
jd_call_set_cut_off_parser (JdCall       *call,
                            JdCallParser  parser)
{
  call->cut_off_parser = parser;
}

void
jd_call_set_subject (JdCall        *call,
                     JdCallSubject  subject,
                     const char    *id)
{
  call->subject = subject;
  g_free (call->subject_id);
  call->subject_id = g_strdup (id);
}

void
jd_call_set_download (JdCall                *call,
                      GFile                 *destination,
                      const char            *format,
                      GFileProgressCallback  progress,
                      gpointer               progress_data)
{
  g_set_object (&call->destination, destination);
  g_free (call->format);
  call->format = g_strdup (format);
  call->progress = progress;
  call->progress_data = progress_data;
}

/* ------------------------------------------------------------------ */
/* Ending                                                              */

static void
stop_timers (JdCall *call)
{
  if (call->deadline != NULL)
    {
      g_source_destroy (call->deadline);
      g_clear_pointer (&call->deadline, g_source_unref);
    }

  if (call->abort_source != NULL)
    {
      g_source_destroy (call->abort_source);
      g_clear_pointer (&call->abort_source, g_source_unref);
    }
}

/* Replaces whatever went wrong with what the caller must hear: they
 * cancelled, or the deadline passed. */
static GError *
final_error (JdCall *call,
             GError *error)
{
  GCancellable *caller = g_task_get_cancellable (call->task);

  if (caller != NULL && g_cancellable_is_cancelled (caller))
    {
      g_clear_error (&error);
      return jd_call_wording_cancelled ();
    }

  if (call->timed_out)
    {
      g_clear_error (&error);
      return jd_call_wording_timeout (call->timeout);
    }

  return error;
}

static void
call_finish (JdCall *call)
{
  GCancellable *caller = g_task_get_cancellable (call->task);

  call->returned = TRUE;
  stop_timers (call);

  if (call->caller_cancelled_id != 0)
    {
      g_cancellable_disconnect (caller, call->caller_cancelled_id);
      call->caller_cancelled_id = 0;
    }

  /* Stop whatever is still under way: a body nobody will read. */
  g_cancellable_cancel (call->cancellable);
  g_clear_object (&call->body);
}

static void
call_return_error (JdCall *call,
                   GError *error)
{
  GTask *task = call->task;

  if (call->returned)
    {
      g_error_free (error);
      return;
    }

  error = final_error (call, error);
  g_debug ("%s %s failed: %s", call->method, call->path, error->message);
  call_finish (call);
  g_task_return_error (task, error);
  g_object_unref (task);
}

static void
call_return_pointer (JdCall         *call,
                     gpointer        result,
                     GDestroyNotify  result_free)
{
  GTask *task = call->task;
  GCancellable *caller = g_task_get_cancellable (task);

  if (call->returned)
    {
      result_free (result);
      return;
    }

  /* A cancelled call never delivers data. */
  if ((caller != NULL && g_cancellable_is_cancelled (caller)) || call->timed_out)
    {
      result_free (result);
      call_return_error (call, jd_call_wording_cancelled ());
      return;
    }

  call_finish (call);
  g_task_return_pointer (task, result, result_free);
  g_object_unref (task);
}

static void
no_free (gpointer data)
{
}

static void
call_return_true (JdCall *call)
{
  call_return_pointer (call, GINT_TO_POINTER (TRUE), no_free);
}

/* ------------------------------------------------------------------ */
/* Cancellation and deadline                                           */

/* A call that waits for a token has nothing in flight to cancel: it must
 * leave the queue and answer by itself. */
static gboolean
on_abort_cb (gpointer user_data)
{
  JdCall *call = user_data;

  g_clear_pointer (&call->abort_source, g_source_unref);

  if (call->waiting_for_token && !call->returned)
    {
      call->waiting_for_token = FALSE;
      jd_token_source_cancel_wait (call->tokens, call->wait_id);
      call->wait_id = 0;
      call_return_error (call, jd_call_wording_cancelled ());
    }

  return G_SOURCE_REMOVE;
}

static void
schedule_abort (JdCall *call)
{
  if (call->abort_source != NULL || call->returned)
    return;

  call->abort_source = g_idle_source_new ();
  g_source_set_callback (call->abort_source, on_abort_cb, call, NULL);
  g_source_attach (call->abort_source, g_task_get_context (call->task));
}

static void
on_caller_cancelled_cb (GCancellable *caller,
                        gpointer      user_data)
{
  JdCall *call = user_data;

  g_cancellable_cancel (call->cancellable);
}

static gboolean
on_deadline_cb (gpointer user_data)
{
  JdCall *call = user_data;

  g_clear_pointer (&call->deadline, g_source_unref);
  g_debug ("%s %s: deadline passed", call->method, call->path);
  call->timed_out = TRUE;
  g_cancellable_cancel (call->cancellable);
  schedule_abort (call);

  return G_SOURCE_REMOVE;
}

static void
arm_deadline (JdCall *call)
{
  if (call->deadline != NULL)
    {
      g_source_destroy (call->deadline);
      g_clear_pointer (&call->deadline, g_source_unref);
    }

  call->deadline = g_timeout_source_new_seconds (call->timeout);
  g_source_set_callback (call->deadline, on_deadline_cb, call, NULL);
  g_source_attach (call->deadline, g_task_get_context (call->task));
}

static void
on_cancellable_cancelled_cb (GCancellable *cancellable,
                             gpointer      user_data)
{
  schedule_abort (user_data);
}

static GError *
transport_error (JdCall       *call,
                 const GError *cause)
{
  const char *host = call->uri != NULL ? g_uri_get_host (call->uri) : NULL;
  GTlsCertificateFlags flags = 0;

  if (call->message != NULL)
    flags = soup_message_get_tls_peer_certificate_errors (call->message);

  return jd_call_wording_transport (cause, host, flags);
}

static GError *
status_error (JdCall *call,
              guint   status,
              GBytes *body)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (call->message);

  return jd_call_wording_status (status, call->subject, call->subject_id,
                                 jd_token_source_get_auth_kind (call->tokens) == JD_AUTH_ACCESS_TOKEN,
                                 soup_message_headers_get_one (headers, "Retry-After"),
                                 body);
}

/* ------------------------------------------------------------------ */
/* Reading the body                                                    */

typedef void (*BodyDone) (JdCall *call, GBytes *bytes);

static void read_next_chunk (JdCall *call, BodyDone done);

typedef struct
{
  JdCall   *call;
  BodyDone  done;
} ReadStep;

static void
on_chunk_read_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  ReadStep step = *(ReadStep *) user_data;
  JdCall *call = step.call;
  g_autoptr(GError) error = NULL;
  gssize n;

  g_free (user_data);

  n = g_input_stream_read_finish (G_INPUT_STREAM (source), result, &error);
  if (call->returned)
    return;

  if (n < 0)
    {
      g_byte_array_set_size (call->buffer, call->received);
      call_return_error (call, transport_error (call, error));
      return;
    }

  call->received += n;
  g_byte_array_set_size (call->buffer, call->received);

  if (n == 0)
    {
      g_autoptr(GBytes) bytes = NULL;

      if (call->expected >= 0 && call->received < call->expected)
        {
          call_return_error (call, jd_call_wording_cut_off ());
          return;
        }

      bytes = g_byte_array_free_to_bytes (g_steal_pointer (&call->buffer));
      step.done (call, bytes);
      return;
    }

  if (call->received > (goffset) call->limit)
    {
      /* A job past the limit: its first messages, where they can be
       * read; the rest of the answer is never read. */
      if (step.done == on_json_body_cb && call->cut_off_parser != NULL)
        {
          g_autoptr(GBytes) bytes = NULL;

          g_byte_array_set_size (call->buffer, call->limit);
          bytes = g_byte_array_free_to_bytes (g_steal_pointer (&call->buffer));
          call->cut_off = TRUE;
          step.done (call, bytes);
          return;
        }
      call_return_error (call, jd_call_wording_too_large (call->limit));
      return;
    }

  read_next_chunk (call, step.done);
}

static void
read_next_chunk (JdCall   *call,
                 BodyDone  done)
{
  ReadStep *step = g_new (ReadStep, 1);
  gsize chunk = READ_CHUNK;

  /* Bigger steps for big answers keep the number of main-loop turns low. */
  if (call->received > 1024 * 1024)
    chunk = 1024 * 1024;

  step->call = call;
  step->done = done;
  g_byte_array_set_size (call->buffer, call->received + chunk);
  g_input_stream_read_async (call->body,
                             call->buffer->data + call->received,
                             chunk,
                             G_PRIORITY_DEFAULT,
                             call->cancellable,
                             on_chunk_read_cb,
                             step);
}

static void
read_body (JdCall   *call,
           gsize     limit,
           BodyDone  done)
{
  goffset length = soup_message_headers_get_content_length (soup_message_get_response_headers (call->message));

  call->limit = limit;
  call->received = 0;
  call->expected = length > 0 ? length : -1;
  g_clear_pointer (&call->buffer, g_byte_array_unref);
  /* Trust a Content-Length only as far as the limit. */
  call->buffer = g_byte_array_sized_new (call->expected > 0 ? MIN ((gsize) call->expected, limit) + 1 : READ_CHUNK);

  if (soup_message_get_status (call->message) == SOUP_STATUS_NO_CONTENT || g_str_equal (call->method, "HEAD"))
    {
      g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);

      done (call, empty);
      return;
    }

  read_next_chunk (call, done);
}

/* ------------------------------------------------------------------ */
/* After the body                                                      */

static void
on_error_body_cb (JdCall *call,
                  GBytes *bytes)
{
  call_return_error (call, status_error (call, soup_message_get_status (call->message), bytes));
}

static void
parse_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  JdCall *call = g_object_get_data (G_OBJECT (task), "jd-call");
  GBytes *bytes = task_data;
  GError *error = NULL;
  gpointer result;

  result = (call->cut_off ? call->cut_off_parser : call->parser) (bytes, call->parser_data, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, g_object_unref);
}

static void
on_parsed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  JdCall *call = user_data;
  g_autoptr(GError) error = NULL;
  gpointer parsed;

  parsed = g_task_propagate_pointer (G_TASK (result), &error);
  /* what was cut off could not be mended: too large, as it was */
  if (parsed == NULL && call->cut_off)
    call_return_error (call, jd_call_wording_too_large (call->limit));
  else if (parsed == NULL)
    call_return_error (call, jd_call_wording_unreadable (error));
  else
    call_return_pointer (call, parsed, g_object_unref);
}

static void
on_json_body_cb (JdCall *call,
                 GBytes *bytes)
{
  g_autoptr(GTask) parse = NULL;

  if (jd_call_wording_body_is_html (bytes))
    {
      call_return_error (call, jd_call_wording_web_page (FALSE));
      return;
    }

  if (call->kind == JD_CALL_SIGN_IN_TOKEN)
    {
      call_return_true (call);
      return;
    }

  g_assert (call->parser != NULL);

  /* The parse runs on a worker thread; the call stays alive because its
   * task waits for this one. */
  parse = g_task_new (NULL, NULL, on_parsed_cb, call);
  g_task_set_source_tag (parse, parse_in_thread);
  g_task_set_task_data (parse, g_bytes_ref (bytes), (GDestroyNotify) g_bytes_unref);
  g_object_set_data (G_OBJECT (parse), "jd-call", call);
  g_task_run_in_thread (parse, parse_in_thread);
}

static void
on_token_body_cb (JdCall *call,
                  GBytes *bytes)
{
  g_autoptr(JdTokenAnswer) answer = g_new0 (JdTokenAnswer, 1);
  g_autoptr(GError) error = NULL;

  if (jd_call_wording_body_is_html (bytes))
    {
      call_return_error (call, jd_call_wording_web_page (TRUE));
      return;
    }

  if (!jd_json_read_token (bytes, &answer->access_token, &answer->expires_in, &error))
    {
      call_return_error (call, jd_call_wording_no_token ());
      return;
    }

  if (call->kind == JD_CALL_TOKEN)
    call_return_pointer (call, g_steal_pointer (&answer), (GDestroyNotify) jd_token_answer_free);
  else
    call_return_true (call);
}

static void
on_token_refused_body_cb (JdCall *call,
                          GBytes *bytes)
{
  call_return_error (call, jd_call_wording_token_refused (bytes));
}

static void
on_token_error_body_cb (JdCall *call,
                        GBytes *bytes)
{
  guint status = soup_message_get_status (call->message);

  if (status == SOUP_STATUS_NOT_FOUND || status == SOUP_STATUS_METHOD_NOT_ALLOWED)
    {
      call_return_error (call, jd_call_wording_no_web_api ());
      return;
    }

  call_return_error (call, status_error (call, status, bytes));
}

/* ------------------------------------------------------------------ */
/* Downloading                                                         */

static void
on_download_activity (gpointer user_data)
{
  arm_deadline (user_data);
}

static void
on_downloaded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  JdCall *call = user_data;
  g_autoptr(GError) error = NULL;

  if (jd_download_finish (result, &error))
    {
      call_return_true (call);
      return;
    }

  /* What the answer or the file did is worded; a failed read is worded
   * here, where the connection is known. */
  if (error->domain == JD_CLIENT_ERROR)
    call_return_error (call, g_steal_pointer (&error));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
    call_return_error (call, jd_call_wording_download_cut_off ());
  else
    call_return_error (call, transport_error (call, error));
}

static void
start_download (JdCall *call)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (call->message);
  JdDownloadSpec spec = { 0 };

  spec.body = call->body;
  spec.content_type = soup_message_headers_get_content_type (headers, NULL);
  spec.expected = soup_message_headers_get_content_length (headers);
  spec.format = call->format;
  spec.destination = call->destination;
  spec.progress = call->progress;
  spec.progress_data = call->progress_data;
  spec.activity = on_download_activity;
  spec.activity_data = call;

  /* The call outlives the download: its task waits for this one. */
  jd_download_start (&spec, call->cancellable, on_downloaded_cb, call);
}

/* ------------------------------------------------------------------ */
/* Sending                                                             */

/* Returns TRUE when the redirect was followed; otherwise the call ended. */
static gboolean
follow_redirect (JdCall *call)
{
  const char *location = soup_message_headers_get_one (soup_message_get_response_headers (call->message), "Location");
  g_autoptr(GUri) target = NULL;
  guint status = soup_message_get_status (call->message);

  if (location != NULL)
    target = g_uri_parse_relative (call->uri, location, G_URI_FLAGS_ENCODED, NULL);

  if (target == NULL)
    {
      call_return_error (call, jd_call_wording_redirect_nowhere (status));
      return FALSE;
    }

  if (!jd_client_address_same_origin (call->uri, target))
    {
      call_return_error (call, jd_call_wording_redirect_elsewhere (target, location));
      return FALSE;
    }

  if (++call->redirects > MAX_REDIRECTS)
    {
      call_return_error (call, jd_call_wording_redirect_loop ());
      return FALSE;
    }

  if (status == SOUP_STATUS_SEE_OTHER)
    {
      g_free (call->method);
      call->method = g_strdup ("GET");
    }

  g_uri_unref (call->uri);
  call->uri = g_steal_pointer (&target);
  g_debug ("Following a redirect to %s", g_uri_get_path (call->uri));
  call_send (call);
  return TRUE;
}

static void
on_token_ready (const char   *token,
                const GError *error,
                gpointer      user_data)
{
  JdCall *call = user_data;

  call->waiting_for_token = FALSE;
  call->wait_id = 0;
  if (call->returned)
    return;

  if (token == NULL)
    {
      call_return_error (call, g_error_copy (error));
      return;
    }

  if (call->kind == JD_CALL_SIGN_IN_KEY)
    {
      call_return_true (call);
      return;
    }

  g_free (call->token);
  call->token = g_strdup (token);
  call_send (call);
}

/* Sends at once when a token is ready; otherwise waits in the token
 * source's queue (and answers from there). */
static void
acquire_token_and_send (JdCall   *call,
                        gboolean  force_new)
{
  g_autofree char *token = NULL;
  g_autoptr(GError) error = NULL;

  if (jd_token_source_acquire (call->tokens, force_new, &token,
                               on_token_ready, call, &call->wait_id, &error))
    {
      g_free (call->token);
      call->token = g_steal_pointer (&token);
      call_send (call);
    }
  else if (error != NULL)
    call_return_error (call, g_steal_pointer (&error));
  else
    call->waiting_for_token = TRUE;
}

static void
on_sent_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  JdCall *call = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) type_error = NULL;
  guint status;

  call->body = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (call->returned)
    return;

  if (call->body == NULL)
    {
      call_return_error (call, transport_error (call, error));
      return;
    }

  status = soup_message_get_status (call->message);
  g_debug ("%s %s → %u", call->method, g_uri_get_path (call->uri), status);

  if (SOUP_STATUS_IS_REDIRECTION (status) && status != SOUP_STATUS_NOT_MODIFIED)
    {
      g_clear_object (&call->body);
      follow_redirect (call);
      return;
    }

  if (call->kind == JD_CALL_TOKEN || call->kind == JD_CALL_SIGN_IN_KEY)
    {
      if (status == SOUP_STATUS_BAD_REQUEST || status == SOUP_STATUS_UNAUTHORIZED)
        {
          if (!call->tried_basic)
            {
              /* Some Servers want the key and secret as HTTP Basic. */
              call->tried_basic = TRUE;
              g_clear_object (&call->body);
              call_send (call);
              return;
            }

          read_body (call, ERROR_BODY_LIMIT, on_token_refused_body_cb);
          return;
        }

      if (!SOUP_STATUS_IS_SUCCESSFUL (status))
        {
          read_body (call, ERROR_BODY_LIMIT, on_token_error_body_cb);
          return;
        }

      read_body (call, ERROR_BODY_LIMIT, on_token_body_cb);
      return;
    }

  if (status == SOUP_STATUS_UNAUTHORIZED &&
      jd_token_source_get_auth_kind (call->tokens) == JD_AUTH_API_KEY &&
      !call->renewed_after_401)
    {
      g_debug ("%s %s: token refused, renewing it once", call->method, call->path);
      g_clear_object (&call->body);
      jd_token_source_reject (call->tokens, call->token);
      call->renewed_after_401 = TRUE;
      acquire_token_and_send (call, FALSE);
      return;
    }

  if (call->kind == JD_CALL_SIGN_IN_TOKEN && status == SOUP_STATUS_NOT_FOUND)
    status = SOUP_STATUS_OK;

  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      read_body (call, ERROR_BODY_LIMIT, on_error_body_cb);
      return;
    }

  switch (call->kind)
    {
    case JD_CALL_DOWNLOAD:
      start_download (call);
      break;

    case JD_CALL_NO_BODY:
      call_return_true (call);
      break;

    case JD_CALL_SIGN_IN_TOKEN:
      read_body (call, ERROR_BODY_LIMIT, on_json_body_cb);
      break;

    case JD_CALL_JSON:
      type_error = jd_call_wording_not_json (soup_message_headers_get_content_type (soup_message_get_response_headers (call->message), NULL));
      if (type_error != NULL)
        {
          call_return_error (call, g_steal_pointer (&type_error));
          return;
        }
      read_body (call, call->max_response_size, on_json_body_cb);
      break;

    case JD_CALL_TOKEN:
    case JD_CALL_SIGN_IN_KEY:
    default:
      g_assert_not_reached ();
    }
}

static void
call_send (JdCall *call)
{
  SoupMessageHeaders *headers;

  g_clear_object (&call->message);
  g_clear_object (&call->body);

  /* NULL for an address libsoup cannot send to; redirects are checked
   * before, so this is the last guard, not the first. */
  call->message = soup_message_new_from_uri (call->method, call->uri);
  if (call->message == NULL)
    {
      call_return_error (call, jd_call_wording_invalid_address (NULL));
      return;
    }

  soup_message_add_flags (call->message, SOUP_MESSAGE_NO_REDIRECT);
  headers = soup_message_get_request_headers (call->message);

  if (call->kind == JD_CALL_DOWNLOAD)
    soup_message_headers_replace (headers, "Accept", "*/*");
  else
    soup_message_headers_replace (headers, "Accept", "application/json");

  if (call->kind == JD_CALL_TOKEN || call->kind == JD_CALL_SIGN_IN_KEY)
    {
      g_autoptr(GBytes) form = jd_token_source_dup_request_form (call->tokens, !call->tried_basic);

      soup_message_set_request_body_from_bytes (call->message, SOUP_FORM_MIME_TYPE_URLENCODED, form);
      if (call->tried_basic)
        {
          g_autofree char *basic = jd_token_source_dup_basic_header (call->tokens);

          soup_message_headers_replace (headers, "Authorization", basic);
          memset (basic, 0, strlen (basic));
        }
    }
  else
    {
      g_autofree char *bearer = g_strconcat ("Bearer ", call->token, NULL);

      soup_message_headers_replace (headers, "Authorization", bearer);
      memset (bearer, 0, strlen (bearer));
    }

  soup_session_send_async (call->session, call->message,
                           G_PRIORITY_DEFAULT, call->cancellable,
                           on_sent_cb, call);
}

/* ------------------------------------------------------------------ */
/* Starting                                                            */

void
jd_call_start (JdCall              *call,
               const JdCallContext *context,
               GTask               *task)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  GCancellable *caller = g_task_get_cancellable (task);

  call->task = task;
  g_task_set_task_data (task, call, (GDestroyNotify) jd_call_free);

  call->session = g_object_ref (context->session);
  call->tokens = g_object_ref (context->tokens);
  call->timeout = context->timeout;
  call->max_response_size = context->max_response_size;

  call->cancellable = g_cancellable_new ();
  g_signal_connect (call->cancellable, "cancelled", G_CALLBACK (on_cancellable_cancelled_cb), call);
  arm_deadline (call);

  url = g_strconcat (context->base_url, call->path, NULL);
  call->uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, &error);
  if (call->uri == NULL)
    {
      call_return_error (call, jd_call_wording_invalid_address (error));
      return;
    }

  if (caller != NULL)
    {
      call->caller_cancelled_id = g_cancellable_connect (caller, G_CALLBACK (on_caller_cancelled_cb), call, NULL);
      if (g_cancellable_is_cancelled (caller))
        {
          /* Nothing is in flight: the abort source answers. */
          call->waiting_for_token = TRUE;
          return;
        }
    }

  if (call->kind == JD_CALL_TOKEN)
    {
      call_send (call);
      return;
    }

  acquire_token_and_send (call, call->kind == JD_CALL_SIGN_IN_KEY);
}
