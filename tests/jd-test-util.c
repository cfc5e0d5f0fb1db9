/* jd-test-util.c: small helpers shared by the test programs. */
#include "config.h"

#include <string.h>

#include "jd-test-util.h"

static gboolean
on_timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
jd_test_spin_until (const gboolean *flag,
                    guint           timeout_ms)
{
  GMainContext *context = g_main_context_get_thread_default ();
  gboolean timed_out = FALSE;
  GSource *source;

  source = g_timeout_source_new (timeout_ms);
  g_source_set_callback (source, on_timeout_cb, &timed_out, NULL);
  g_source_attach (source, context);

  while (!*flag && !timed_out)
    g_main_context_iteration (context, TRUE);

  g_source_destroy (source);
  g_source_unref (source);

  return *flag;
}

void
jd_test_spin_for (guint milliseconds)
{
  gboolean never = FALSE;

  jd_test_spin_until (&never, milliseconds);
}

void
jd_test_async_ready_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  JdTestAsync *async = user_data;

  g_assert_false (async->done);
  async->result = g_object_ref (result);
  async->done = TRUE;
}

guint
jd_test_slowdown (void)
{
  const char *value = g_getenv ("JD_TEST_SLOWDOWN");
  guint64 factor = 1;

  if (value == NULL || !g_ascii_string_to_unsigned (value, 10, 1, 100, &factor, NULL))
    return 1;

  return (guint) factor;
}

gint64
jd_test_bound_us (guint ms,
                  guint ceiling_ms)
{
  gint64 bound = (gint64) ms * jd_test_slowdown () + JD_TEST_LOAD_SLACK_MS;

  if (ceiling_ms != 0)
    {
      /* a bound at or past the ceiling could not fail when it should */
      g_assert_cmpuint (ms, <, ceiling_ms);
      bound = MIN (bound, (gint64) ceiling_ms);
    }

  return bound * 1000;
}

GAsyncResult *
jd_test_wait_result (JdTestAsync *async,
                     guint        timeout_ms)
{
  timeout_ms *= jd_test_slowdown ();
  if (!jd_test_spin_until (&async->done, timeout_ms))
    g_error ("no answer within %u ms", timeout_ms);

  return async->result;
}

void
jd_test_async_clear (JdTestAsync *async)
{
  g_clear_object (&async->result);
  async->done = FALSE;
}

GBytes *
jd_test_load_data (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("%s", error->message);

  return g_bytes_new_take (contents, length);
}

void
jd_test_reply_free (JdTestReply *reply)
{
  g_clear_pointer (&reply->body, g_bytes_unref);
  g_clear_pointer (&reply->headers, soup_message_headers_unref);
  g_free (reply);
}

SoupSession *
jd_test_new_session (void)
{
  SoupSession *session = soup_session_new ();

  soup_session_set_proxy_resolver (session, NULL);
  return session;
}

JdTestReply *
jd_test_send_request (SoupSession *session,
                      const char  *base_url,
                      const char  *method,
                      const char  *path,
                      const char  *token,
                      const char  *form)
{
  g_autofree char *uri = g_strconcat (base_url, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;
  JdTestReply *reply;

  g_assert_nonnull (msg);
  headers = soup_message_get_request_headers (msg);
  soup_message_headers_replace (headers, "Accept", "application/json");
  if (token != NULL)
    {
      g_autofree char *value = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_replace (headers, "Authorization", value);
    }
  if (form != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (form, strlen (form));

      soup_message_set_request_body_from_bytes (msg, SOUP_FORM_MIME_TYPE_URLENCODED, bytes);
    }

  reply = g_new0 (JdTestReply, 1);
  reply->body = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  reply->status = soup_message_get_status (msg);
  reply->headers = soup_message_headers_ref (soup_message_get_response_headers (msg));

  return reply;
}

guint
jd_test_listen_loopback (SoupServer *server)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GSocket) socket = NULL;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, &error);
  g_assert_no_error (error);
  g_assert_true (g_socket_bind (socket, address, TRUE, &error));
  g_assert_true (g_socket_listen (socket, &error));
  bound = g_socket_get_local_address (socket, &error);
  g_assert_no_error (error);
  g_assert_true (soup_server_listen_socket (server, socket, 0, &error));

  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

#define GET_WAIT_MS 20000

JdJob *
jd_test_get_job (JdClient    *client,
                 const char  *id,
                 gboolean     with_messages,
                 GError     **error)
{
  JdTestAsync async = { 0 };
  JdJob *job;

  jd_client_get_job_async (client, id, with_messages, NULL, jd_test_async_ready_cb, &async);
  job = jd_client_get_job_finish (client, jd_test_wait_result (&async, GET_WAIT_MS), error);
  jd_test_async_clear (&async);
  return job;
}

GListModel *
jd_test_get_job_messages (JdClient    *client,
                          const char  *id,
                          GError     **error)
{
  JdTestAsync async = { 0 };
  GListModel *messages;

  jd_client_get_job_messages_async (client, id, NULL, jd_test_async_ready_cb, &async);
  messages = jd_client_get_job_messages_finish (client, jd_test_wait_result (&async, GET_WAIT_MS), error);
  jd_test_async_clear (&async);
  return messages;
}
