/* jd-client-call.c: one request of a JdClient, from token to parsed answer.
 *
 * The steps, each asynchronous: wait for a token (shared with other calls),
 * send, follow a same-host redirect, renew the token once on 401, read the
 * body up to a limit (or stream it to a file), parse it on a worker thread.
 * Whatever happens, the task returns exactly once, and never with data
 * after the caller cancelled.
 */
#define G_LOG_DOMAIN "jd-client"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "jd-client-call.h"
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
  gpointer               parser_data;
  GDestroyNotify         parser_data_free;
  JdCallSubject          subject;
  char                  *subject_id;

  GFile                 *destination;
  GFileProgressCallback  progress;
  gpointer               progress_data;
  gboolean               destination_existed;
  GFileOutputStream     *output;

  GTask                 *task;          /* owns us as its task data */
  JdClient              *client;        /* the task's source object */
  GCancellable          *cancellable;   /* ours: the caller's and the deadline cancel it */
  gulong                 caller_cancelled_id;
  GSource               *deadline;
  GSource               *abort_source;
  gboolean               timed_out;
  gboolean               waiting_for_token;
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

void
jd_token_answer_free (JdTokenAnswer *answer)
{
  if (answer == NULL)
    return;

  if (answer->access_token != NULL)
    memset (answer->access_token, 0, strlen (answer->access_token));
  g_free (answer->access_token);
  g_free (answer);
}

static void
jd_call_free (JdCall *call)
{
  if (call->parser_data_free != NULL)
    call->parser_data_free (call->parser_data);
  g_free (call->method);
  g_free (call->path);
  g_free (call->subject_id);
  g_clear_object (&call->destination);
  g_clear_object (&call->output);
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
  call->limit = JD_CLIENT_MAX_RESPONSE_SIZE;

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
                      GFileProgressCallback  progress,
                      gpointer               progress_data)
{
  g_set_object (&call->destination, destination);
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
      return g_error_new_literal (JD_CLIENT_ERROR, JD_CLIENT_ERROR_CANCELLED,
                                  _("The request was cancelled."));
    }

  if (call->timed_out)
    {
      g_clear_error (&error);
      return g_error_new (JD_CLIENT_ERROR, JD_CLIENT_ERROR_TIMEOUT,
                          _("The server did not answer within %u seconds. It may be busy or unreachable; try again later."),
                          jd_client_get_timeout (call->client));
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
discard_output (JdCall *call)
{
  g_autoptr(GCancellable) cancelled = NULL;

  if (call->output == NULL)
    return;

  /* Closing with a cancelled cancellable makes GIO keep the original
   * file when there was one; a file we created ourselves goes away. */
  cancelled = g_cancellable_new ();
  g_cancellable_cancel (cancelled);
  g_output_stream_close (G_OUTPUT_STREAM (call->output), cancelled, NULL);
  g_clear_object (&call->output);

  if (!call->destination_existed)
    g_file_delete (call->destination, NULL, NULL);
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
  discard_output (call);
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
      call_return_error (call, g_error_new_literal (JD_CLIENT_ERROR, JD_CLIENT_ERROR_CANCELLED, "cancelled"));
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
      jd_client_forget_waiter (call->client, call->task);
      call_return_error (call, g_error_new_literal (JD_CLIENT_ERROR, JD_CLIENT_ERROR_CANCELLED, "cancelled"));
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

  call->deadline = g_timeout_source_new_seconds (jd_client_get_timeout (call->client));
  g_source_set_callback (call->deadline, on_deadline_cb, call, NULL);
  g_source_attach (call->deadline, g_task_get_context (call->task));
}

static void
on_cancellable_cancelled_cb (GCancellable *cancellable,
                             gpointer      user_data)
{
  schedule_abort (user_data);
}

/* ------------------------------------------------------------------ */
/* Errors in words                                                     */

static const char *
subject_noun (JdCall *call)
{
  switch (call->subject)
    {
    case JD_CALL_SUBJECT_JOB:
    case JD_CALL_SUBJECT_MESSAGES:
    case JD_CALL_SUBJECT_CANCEL_JOB:
      return _("job");
    case JD_CALL_SUBJECT_WORKFLOW:
      return _("workflow");
    case JD_CALL_SUBJECT_OUTPUT:
      return _("output");
    case JD_CALL_SUBJECT_NONE:
    case JD_CALL_SUBJECT_WORKFLOWS:
    case JD_CALL_SUBJECT_RECENT_JOBS:
    default:
      return _("item");
    }
}

static GError *
tls_error (JdCall       *call,
           const GError *cause)
{
  GTlsCertificateFlags flags = 0;
  const char *problem;

  if (call->message != NULL)
    flags = soup_message_get_tls_peer_certificate_errors (call->message);

  if (g_error_matches (cause, G_TLS_ERROR, G_TLS_ERROR_NOT_TLS))
    problem = _("The server does not speak HTTPS at this address. Check the port, or whether the address should start with http://.");
  else if (flags & G_TLS_CERTIFICATE_UNKNOWN_CA)
    problem = _("The server’s certificate is not signed by an authority this computer trusts (it may be self-signed). Ask your administrator for the certificate authority and install it on this computer.");
  else if (flags & G_TLS_CERTIFICATE_BAD_IDENTITY)
    problem = _("The server’s certificate belongs to another address. Check the server address.");
  else if (flags & G_TLS_CERTIFICATE_EXPIRED)
    problem = _("The server’s certificate has expired. Tell the server’s administrator.");
  else if (flags & G_TLS_CERTIFICATE_NOT_ACTIVATED)
    problem = _("The server’s certificate is not valid yet. Check this computer’s date and time.");
  else if (flags & G_TLS_CERTIFICATE_REVOKED)
    problem = _("The server’s certificate has been revoked. Tell the server’s administrator.");
  else if (flags & G_TLS_CERTIFICATE_INSECURE)
    problem = _("The server’s certificate uses insecure cryptography. Tell the server’s administrator.");
  else
    problem = _("The secure connection to the server failed. Check the address and try again.");

  return g_error_new (JD_CLIENT_ERROR, JD_CLIENT_ERROR_TLS,
                      "%s %s", problem, _("Job Desk sent nothing to it."));
}

static GError *
transport_error (JdCall       *call,
                 const GError *cause)
{
  const char *host = call->uri != NULL ? g_uri_get_host (call->uri) : "";

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_new_literal (JD_CLIENT_ERROR, JD_CLIENT_ERROR_CANCELLED, _("The request was cancelled."));

  if (cause->domain == G_TLS_ERROR ||
      (call->message != NULL && soup_message_get_tls_peer_certificate_errors (call->message) != 0))
    return tls_error (call, cause);

  if (cause->domain == G_RESOLVER_ERROR)
    return g_error_new (JD_CLIENT_ERROR, JD_CLIENT_ERROR_NETWORK,
                        _("The server “%s” could not be found. Check the address and your network connection."), host);

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    return g_error_new (JD_CLIENT_ERROR, JD_CLIENT_ERROR_NETWORK,
                        _("Nothing answers at “%s”. Check the address and port, or whether the server is running."), host);

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NETWORK_UNREACHABLE) ||
      g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_HOST_UNREACHABLE))
    return g_error_new_literal (JD_CLIENT_ERROR, JD_CLIENT_ERROR_NETWORK,
                                _("There is no network connection to the server. Check your network and try again."));

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_error_new_literal (JD_CLIENT_ERROR, JD_CLIENT_ERROR_TIMEOUT,
                                _("The server stopped answering. It may be busy or unreachable; try again later."));

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT))
    return g_error_new_literal (JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE,
                                _("The server’s answer was cut off before its end. Try again."));

  if (cause->domain == SOUP_SESSION_ERROR)
    return g_error_new_literal (JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE,
                                _("The server’s answer is not valid HTTP. A proxy or another program may be answering at this address."));

  return g_error_new (JD_CLIENT_ERROR, JD_CLIENT_ERROR_NETWORK,
                      _("The connection to the server was lost (%s). Check your network and try again."),
                      cause->message);
}

static gboolean
body_is_html (GBytes *bytes)
{
  gsize size = 0;
  const char *data = bytes != NULL ? g_bytes_get_data (bytes, &size) : NULL;
  gsize i = 0;

  while (i < size && g_ascii_isspace (data[i]))
    i++;

  return i < size && data[i] == '<';
}

static guint
parse_retry_after (SoupMessage *message)
{
  const char *value = soup_message_headers_get_one (soup_message_get_response_headers (message), "Retry-After");
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) now = NULL;
  guint64 seconds;

  if (value == NULL)
    return 0;

  if (g_ascii_string_to_unsigned (value, 10, 0, 24 * 3600, &seconds, NULL))
    return seconds;

  when = soup_date_time_new_from_http_string (value);
  if (when == NULL)
    return 0;

  now = g_date_time_new_now_utc ();
  seconds = MAX (0, g_date_time_difference (when, now) / G_USEC_PER_SEC);
  return MIN (seconds, 24 * 3600);
}

static GError *
status_error (JdCall *call,
              guint   status,
              GBytes *body)
{
  g_autofree char *said = NULL;
  g_autofree char *sentence = NULL;
  const char *id = call->subject_id != NULL ? call->subject_id : "";
  JdClientError code;
  gboolean html = body_is_html (body);

  if (body != NULL && !html)
    said = jd_json_read_error_message (body);

  switch (status)
    {
    case SOUP_STATUS_BAD_REQUEST:
      code = JD_CLIENT_ERROR_BAD_REQUEST;
      /* Mostly a job that ended meanwhile; the Server's words say which. */
      if (call->subject == JD_CALL_SUBJECT_CANCEL_JOB)
        sentence = g_strdup (_("The server would not cancel this job; it may have ended meanwhile. Refresh to see how it stands."));
      else
        sentence = g_strdup (_("The server refused the request as not valid. Check that the address is the Server’s Web API, or tell the server’s administrator if this keeps happening."));
      break;

    case SOUP_STATUS_UNAUTHORIZED:
      code = JD_CLIENT_ERROR_UNAUTHORIZED;
      if (jd_client_get_auth_kind (call->client) == JD_AUTH_ACCESS_TOKEN)
        sentence = g_strdup (_("The server refused the access token; it may have expired. Get a new token and paste it."));
      else
        sentence = g_strdup (_("The server no longer accepts your sign-in. Sign in again."));
      break;

    case SOUP_STATUS_FORBIDDEN:
      code = JD_CLIENT_ERROR_FORBIDDEN;
      if (call->subject == JD_CALL_SUBJECT_MESSAGES)
        sentence = g_strdup (_("Only Curators may load all messages of a job, and the server refused this account."));
      else if (call->subject == JD_CALL_SUBJECT_CANCEL_JOB)
        sentence = g_strdup (_("You may not cancel this job: only its owner or a Curator can."));
      else if (call->subject == JD_CALL_SUBJECT_WORKFLOWS)
        sentence = g_strdup (_("This account may not list workflows. Paste a workflow ID instead."));
      else if (call->subject == JD_CALL_SUBJECT_RECENT_JOBS)
        sentence = g_strdup (_("This account may not list recent jobs across workflows."));
      else
        sentence = g_strdup_printf (_("This account may not see this %s. Ask its owner to share it with you, or an administrator for access."),
                                    subject_noun (call));
      break;

    case SOUP_STATUS_NOT_FOUND:
      code = JD_CLIENT_ERROR_NOT_FOUND;
      if (call->subject == JD_CALL_SUBJECT_JOB || call->subject == JD_CALL_SUBJECT_MESSAGES ||
          call->subject == JD_CALL_SUBJECT_CANCEL_JOB)
        sentence = g_strdup_printf (_("There is no job %s on this server, or it is not shared with you: you see the jobs you ran and those of schedules shared with you. Check the ID, or ask the job’s owner to share its schedule."), id);
      else if (call->subject == JD_CALL_SUBJECT_WORKFLOW)
        sentence = g_strdup_printf (_("There is no workflow %s on this server, or it is not shared with you."), id);
      else if (call->subject == JD_CALL_SUBJECT_OUTPUT)
        sentence = g_strdup (_("This output is no longer on the server."));
      else if (call->subject == JD_CALL_SUBJECT_RECENT_JOBS || call->subject == JD_CALL_SUBJECT_WORKFLOWS)
        {
          code = JD_CLIENT_ERROR_NOT_SUPPORTED;
          sentence = g_strdup (_("This server does not offer this list."));
        }
      else
        sentence = g_strdup (_("The server does not know this address. Check that the address ends in /webapi."));
      break;

    case SOUP_STATUS_METHOD_NOT_ALLOWED:
    case SOUP_STATUS_NOT_IMPLEMENTED:
      code = JD_CLIENT_ERROR_NOT_SUPPORTED;
      sentence = g_strdup (_("This server does not support this request; it may be an older version. Check that the address is the Server’s Web API (it usually ends in /webapi), or ask the server’s administrator."));
      break;

    case SOUP_STATUS_REQUEST_TIMEOUT:
      code = JD_CLIENT_ERROR_TIMEOUT;
      sentence = g_strdup (_("The server gave up waiting for the request. Try again."));
      break;

    case 429: /* Too Many Requests: not named by libsoup 3.2 */
      {
        guint retry_after = parse_retry_after (call->message);

        jd_client_set_retry_after (call->client, retry_after);
        code = JD_CLIENT_ERROR_RATE_LIMITED;
        if (retry_after > 0)
          sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "The server is receiving too many requests. Try again in %u second.",
                                                   "The server is receiving too many requests. Try again in %u seconds.",
                                                   retry_after),
                                      retry_after);
        else
          sentence = g_strdup (_("The server is receiving too many requests. Try again in a minute."));
      }
      break;

    case SOUP_STATUS_BAD_GATEWAY:
    case SOUP_STATUS_GATEWAY_TIMEOUT:
      code = JD_CLIENT_ERROR_SERVER;
      sentence = g_strdup_printf (_("A gateway between you and the server got no answer from the server (error %u). The server may be down or restarting; try again later."), status);
      break;

    case SOUP_STATUS_SERVICE_UNAVAILABLE:
      code = JD_CLIENT_ERROR_SERVER;
      sentence = g_strdup (_("The server is unavailable right now (error 503); it may be restarting or under maintenance. Try again later."));
      break;

    default:
      if (status >= 500 && status < 600)
        {
          code = JD_CLIENT_ERROR_SERVER;
          sentence = g_strdup_printf (_("The server ran into an error of its own (error %u). Try again later, or tell the server’s administrator."), status);
        }
      else if (status >= 400 && status < 500)
        {
          code = JD_CLIENT_ERROR_BAD_REQUEST;
          sentence = g_strdup_printf (_("The server refused the request (error %u). Check the server address, or tell the server’s administrator if this keeps happening."), status);
        }
      else
        {
          code = JD_CLIENT_ERROR_BAD_RESPONSE;
          sentence = g_strdup_printf (_("The server gave an answer Job Desk does not understand (status %u). Check that the address is the Server’s Web API, or try again later."), status);
        }
      break;
    }

  if (said != NULL)
    return g_error_new (JD_CLIENT_ERROR, code, _("%s The server said: “%s”"), sentence, said);

  return g_error_new_literal (JD_CLIENT_ERROR, code, sentence);
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
          call_return_error (call, g_error_new_literal (JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE,
                                                        _("The server’s answer was cut off before its end. Try again.")));
          return;
        }

      bytes = g_byte_array_free_to_bytes (g_steal_pointer (&call->buffer));
      step.done (call, bytes);
      return;
    }

  if (call->received > (goffset) call->limit)
    {
      /* Token and error answers have a limit below 1 MB. */
      if (call->limit >= 1024 * 1024)
        call_return_error (call, g_error_new (JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE,
                                              _("The server’s answer is larger than %u MB, more than Job Desk reads."),
                                              (guint) (call->limit / (1024 * 1024))));
      else
        call_return_error (call, g_error_new (JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE,
                                              _("The server’s answer is larger than %u KB, more than Job Desk reads."),
                                              (guint) (call->limit / 1024)));
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

  result = call->parser (bytes, call->parser_data, &error);
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
  GError *error = NULL;
  gpointer parsed;

  parsed = g_task_propagate_pointer (G_TASK (result), &error);
  if (parsed == NULL)
    {
      /* The reader says what is wrong with the answer; the user also
       * needs to hear what to do about it. */
      if (g_error_matches (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE))
        {
          GError *told = g_error_new (JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE, "%s %s", error->message,
                                      _("Check that the address is the Server’s Web API, or try again later."));

          g_error_free (error);
          error = told;
        }
      call_return_error (call, error);
    }
  else
    call_return_pointer (call, parsed, g_object_unref);
}

static void
on_json_body_cb (JdCall *call,
                 GBytes *bytes)
{
  g_autoptr(GTask) parse = NULL;

  if (body_is_html (bytes))
    {
      call_return_error (call, g_error_new_literal (JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE,
                                                    _("The server answered with a web page instead of data. A proxy or login page may stand in front of the Server’s Web API.")));
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

  if (body_is_html (bytes))
    {
      call_return_error (call, g_error_new_literal (JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE,
                                                    _("This address answers with a web page, not with the Server’s Web API. The Web API address usually ends in /webapi.")));
      return;
    }

  if (!jd_json_read_token (bytes, &answer->access_token, &answer->expires_in, &error))
    {
      call_return_error (call, g_error_new (JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE,
                                            _("The server’s sign-in answer holds no access token. Check that the address is the Server’s Web API.")));
      return;
    }

  if (call->kind == JD_CALL_TOKEN)
    call_return_pointer (call, g_steal_pointer (&answer), (GDestroyNotify) jd_token_answer_free);
  else
    call_return_true (call);
}

static GError *
token_refused_error (JdCall *call,
                     GBytes *bytes)
{
  g_autofree char *said = body_is_html (bytes) ? NULL : jd_json_read_error_message (bytes);
  const char *sentence = _("The server refused the API key and secret. Check them in the Server under My Profile → Keys. An administrator must first give your account API access.");

  if (said != NULL)
    return g_error_new (JD_CLIENT_ERROR, JD_CLIENT_ERROR_UNAUTHORIZED, _("%s The server said: “%s”"), sentence, said);

  return g_error_new_literal (JD_CLIENT_ERROR, JD_CLIENT_ERROR_UNAUTHORIZED, sentence);
}

static void
on_token_refused_body_cb (JdCall *call,
                          GBytes *bytes)
{
  call_return_error (call, token_refused_error (call, bytes));
}

static void
on_token_error_body_cb (JdCall *call,
                        GBytes *bytes)
{
  guint status = soup_message_get_status (call->message);

  if (status == SOUP_STATUS_NOT_FOUND || status == SOUP_STATUS_METHOD_NOT_ALLOWED)
    {
      call_return_error (call, g_error_new_literal (JD_CLIENT_ERROR, JD_CLIENT_ERROR_NOT_FOUND,
                                                    _("No Alteryx Server Web API answers at this address. The Web API address usually ends in /webapi.")));
      return;
    }

  call_return_error (call, status_error (call, status, bytes));
}

/* ------------------------------------------------------------------ */
/* Downloading                                                         */

static void write_next_chunk (JdCall *call);

static void
on_output_closed_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  JdCall *call = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_output_stream_close_finish (G_OUTPUT_STREAM (source), result, &error))
    {
      g_clear_object (&call->output);
      if (!call->destination_existed)
        g_file_delete (call->destination, NULL, NULL);
      call_return_error (call, g_error_new (JD_CLIENT_ERROR, JD_CLIENT_ERROR_FILE,
                                            _("The file could not be saved: %s"), error->message));
      return;
    }

  g_clear_object (&call->output);
  call_return_true (call);
}

static void
on_chunk_written_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  JdCall *call = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_output_stream_write_all_finish (G_OUTPUT_STREAM (source), result, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        call_return_error (call, transport_error (call, error));
      else
        call_return_error (call, g_error_new (JD_CLIENT_ERROR, JD_CLIENT_ERROR_FILE,
                                              _("The file could not be saved: %s"), error->message));
      return;
    }

  if (call->progress != NULL)
    call->progress (call->received, call->expected, call->progress_data);

  write_next_chunk (call);
}

static void
on_download_chunk_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  JdCall *call = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize size;

  bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);
  if (call->returned)
    return;

  if (bytes == NULL)
    {
      call_return_error (call, transport_error (call, error));
      return;
    }

  size = g_bytes_get_size (bytes);
  if (size == 0)
    {
      if (call->expected >= 0 && call->received < call->expected)
        {
          call_return_error (call, g_error_new_literal (JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE,
                                                        _("The download was cut off before its end. Try again.")));
          return;
        }

      g_output_stream_close_async (G_OUTPUT_STREAM (call->output), G_PRIORITY_DEFAULT,
                                   call->cancellable, on_output_closed_cb, call);
      return;
    }

  /* A download may take long; what must not happen is silence. */
  arm_deadline (call);
  call->received += size;
  g_output_stream_write_all_async (G_OUTPUT_STREAM (call->output),
                                   g_bytes_get_data (bytes, NULL), size,
                                   G_PRIORITY_DEFAULT, call->cancellable,
                                   on_chunk_written_cb, call);
  /* write_all_async does not keep the buffer alive */
  g_object_set_data_full (G_OBJECT (call->output), "jd-chunk",
                          g_steal_pointer (&bytes), (GDestroyNotify) g_bytes_unref);
}

static void
write_next_chunk (JdCall *call)
{
  g_input_stream_read_bytes_async (call->body, READ_CHUNK * 4, G_PRIORITY_DEFAULT,
                                   call->cancellable, on_download_chunk_cb, call);
}

static void
on_output_opened_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  JdCall *call = user_data;
  g_autoptr(GError) error = NULL;

  call->output = g_file_replace_finish (G_FILE (source), result, &error);
  if (call->output == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        call_return_error (call, transport_error (call, error));
      else
        call_return_error (call, g_error_new (JD_CLIENT_ERROR, JD_CLIENT_ERROR_FILE,
                                              _("The file could not be saved: %s"), error->message));
      return;
    }

  write_next_chunk (call);
}

static void
on_destination_checked_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  JdCall *call = user_data;
  g_autoptr(GFileInfo) info = NULL;

  info = g_file_query_info_finish (G_FILE (source), result, NULL);
  call->destination_existed = info != NULL;

  if (g_cancellable_is_cancelled (call->cancellable))
    {
      call_return_error (call, g_error_new_literal (JD_CLIENT_ERROR, JD_CLIENT_ERROR_CANCELLED, "cancelled"));
      return;
    }

  g_file_replace_async (call->destination, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                        G_PRIORITY_DEFAULT, call->cancellable, on_output_opened_cb, call);
}

static void
start_download (JdCall *call)
{
  call->expected = soup_message_headers_get_content_length (soup_message_get_response_headers (call->message));
  if (call->expected <= 0)
    call->expected = -1;
  call->received = 0;

  g_file_query_info_async (call->destination, G_FILE_ATTRIBUTE_STANDARD_TYPE,
                           G_FILE_QUERY_INFO_NONE, G_PRIORITY_DEFAULT,
                           call->cancellable, on_destination_checked_cb, call);
}

/* ------------------------------------------------------------------ */
/* Sending                                                             */

static gboolean
content_type_is_json (SoupMessage  *message,
                      GError      **error)
{
  const char *type = soup_message_headers_get_content_type (soup_message_get_response_headers (message), NULL);

  /* No type, or a generic one: let the parser decide. */
  if (type == NULL ||
      g_str_has_suffix (type, "json") ||
      g_str_has_suffix (type, "+json") ||
      g_ascii_strcasecmp (type, "text/plain") == 0 ||
      g_ascii_strcasecmp (type, "application/octet-stream") == 0)
    return TRUE;

  if (g_ascii_strcasecmp (type, "text/html") == 0 || g_ascii_strcasecmp (type, "application/xhtml+xml") == 0)
    g_set_error_literal (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE,
                         _("The server answered with a web page instead of data. A proxy or login page may stand in front of the Server’s Web API."));
  else
    g_set_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE,
                 _("The server answered in a format Job Desk cannot read (%s) instead of JSON."), type);

  return FALSE;
}

static gboolean
same_origin (GUri *a,
             GUri *b)
{
  return g_ascii_strcasecmp (g_uri_get_scheme (a), g_uri_get_scheme (b)) == 0 &&
         g_ascii_strcasecmp (g_uri_get_host (a), g_uri_get_host (b)) == 0 &&
         g_uri_get_port (a) == g_uri_get_port (b);
}

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
      call_return_error (call, g_error_new (JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE,
                                            _("The server sent Job Desk elsewhere without saying where (status %u)."), status));
      return FALSE;
    }

  if (!same_origin (call->uri, target))
    {
      call_return_error (call, g_error_new (JD_CLIENT_ERROR, JD_CLIENT_ERROR_REDIRECT,
                                            _("The server sent Job Desk on to another address (%s). Job Desk did not follow, so your credentials went nowhere else. If the server moved, sign in with its new address."),
                                            g_uri_get_host (target) != NULL ? g_uri_get_host (target) : location));
      return FALSE;
    }

  if (++call->redirects > MAX_REDIRECTS)
    {
      call_return_error (call, g_error_new_literal (JD_CLIENT_ERROR, JD_CLIENT_ERROR_REDIRECT,
                                                    _("The server keeps sending Job Desk around in a circle of addresses. Tell the server’s administrator.")));
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
retry_with_new_token (JdCall *call)
{
  g_autofree char *token = NULL;

  jd_client_token_rejected (call->client, call->token);
  call->renewed_after_401 = TRUE;

  if (jd_client_acquire_token (call->client, call->task, FALSE, &token))
    {
      g_free (call->token);
      call->token = g_steal_pointer (&token);
      call_send (call);
    }
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
      jd_client_get_auth_kind (call->client) == JD_AUTH_API_KEY &&
      !call->renewed_after_401)
    {
      g_debug ("%s %s: token refused, renewing it once", call->method, call->path);
      g_clear_object (&call->body);
      retry_with_new_token (call);
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
      if (!content_type_is_json (call->message, &type_error))
        {
          call_return_error (call, g_steal_pointer (&type_error));
          return;
        }
      read_body (call, jd_client_get_max_response_size (call->client), on_json_body_cb);
      break;

    case JD_CALL_TOKEN:
    case JD_CALL_SIGN_IN_KEY:
    default:
      g_assert_not_reached ();
    }
}

static GBytes *
token_form (JdCall *call)
{
  const char *key, *secret;
  g_autofree char *form = NULL;
  GBytes *bytes;

  jd_client_get_key_pair (call->client, &key, &secret);

  if (call->tried_basic)
    form = soup_form_encode ("grant_type", "client_credentials", NULL);
  else
    form = soup_form_encode ("grant_type", "client_credentials",
                             "client_id", key,
                             "client_secret", secret,
                             NULL);

  bytes = g_bytes_new (form, strlen (form));
  memset (form, 0, strlen (form));
  return bytes;
}

static char *
basic_credentials (JdCall *call)
{
  const char *key, *secret;
  g_autofree char *pair = NULL;
  g_autofree char *encoded = NULL;
  char *header;

  jd_client_get_key_pair (call->client, &key, &secret);
  pair = g_strconcat (key, ":", secret, NULL);
  encoded = g_base64_encode ((const guchar *) pair, strlen (pair));
  header = g_strconcat ("Basic ", encoded, NULL);
  memset (pair, 0, strlen (pair));
  memset (encoded, 0, strlen (encoded));

  return header;
}

static void
call_send (JdCall *call)
{
  SoupMessageHeaders *headers;

  g_clear_object (&call->message);
  g_clear_object (&call->body);

  call->message = soup_message_new_from_uri (call->method, call->uri);
  soup_message_add_flags (call->message, SOUP_MESSAGE_NO_REDIRECT);
  headers = soup_message_get_request_headers (call->message);

  if (call->kind == JD_CALL_DOWNLOAD)
    soup_message_headers_replace (headers, "Accept", "*/*");
  else
    soup_message_headers_replace (headers, "Accept", "application/json");

  if (call->kind == JD_CALL_TOKEN || call->kind == JD_CALL_SIGN_IN_KEY)
    {
      g_autoptr(GBytes) form = token_form (call);

      soup_message_set_request_body_from_bytes (call->message, SOUP_FORM_MIME_TYPE_URLENCODED, form);
      if (call->tried_basic)
        {
          g_autofree char *basic = basic_credentials (call);

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

  soup_session_send_async (jd_client_get_session (call->client), call->message,
                           G_PRIORITY_DEFAULT, call->cancellable,
                           on_sent_cb, call);
}

void
jd_call_token_ready (GTask      *task,
                     const char *token)
{
  JdCall *call = g_task_get_task_data (task);

  call->waiting_for_token = FALSE;
  if (call->returned)
    return;

  if (call->kind == JD_CALL_SIGN_IN_KEY)
    {
      call_return_true (call);
      return;
    }

  g_free (call->token);
  call->token = g_strdup (token);
  call_send (call);
}

void
jd_call_token_failed (GTask        *task,
                      const GError *error)
{
  JdCall *call = g_task_get_task_data (task);

  call->waiting_for_token = FALSE;
  if (call->returned)
    return;

  call_return_error (call, g_error_copy (error));
}

/* ------------------------------------------------------------------ */
/* Starting                                                            */

static gboolean
check_transport (JdCall  *call,
                 GError **error)
{
  const char *base = jd_client_get_base_url (call->client);

  if (g_ascii_strncasecmp (base, "http://", 7) == 0 &&
      !jd_client_is_loopback_url (base) &&
      !jd_client_get_allow_insecure (call->client))
    {
      g_set_error_literal (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_INSECURE,
                           _("This address uses plain HTTP, so your credentials would travel unencrypted. Use an https:// address, or allow unencrypted connections for this server."));
      return FALSE;
    }

  return TRUE;
}

void
jd_call_start (JdCall *call,
               GTask  *task)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *token = NULL;
  GCancellable *caller = g_task_get_cancellable (task);

  call->task = task;
  call->client = JD_CLIENT (g_task_get_source_object (task));
  g_task_set_task_data (task, call, (GDestroyNotify) jd_call_free);

  call->cancellable = g_cancellable_new ();
  g_signal_connect (call->cancellable, "cancelled", G_CALLBACK (on_cancellable_cancelled_cb), call);
  arm_deadline (call);

  url = g_strconcat (jd_client_get_base_url (call->client), call->path, NULL);
  call->uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, &error);
  if (call->uri == NULL)
    {
      call_return_error (call, g_error_new (JD_CLIENT_ERROR, JD_CLIENT_ERROR_INVALID_INPUT,
                                            _("The request address is not valid: %s"), error->message));
      return;
    }

  if (!check_transport (call, &error))
    {
      call_return_error (call, g_steal_pointer (&error));
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

  if (jd_client_acquire_token (call->client, task, call->kind == JD_CALL_SIGN_IN_KEY, &token))
    {
      call->token = g_steal_pointer (&token);
      call_send (call);
    }
  else if (!call->returned)
    call->waiting_for_token = TRUE;
}
