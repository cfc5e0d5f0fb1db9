/* jd-test-demo.c: a JdDemoServer in a thread of its own, a session and a
 * Curator's token, for the test-demo-server*.c programs. */
#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "jd-test-demo.h"
#include "jd-test-util.h"

Reply *
harness_send (Harness    *h,
              const char *method,
              const char *path,
              const char *token,
              const char *form)
{
  return jd_test_send_request (h->session, jd_demo_server_get_base_url (h->server),
                               method, path, token, form);
}

Reply *
harness_get (Harness    *h,
     const char *path,
     const char *token)
{
  return harness_send (h, "GET", path, token, NULL);
}

JsonNode *
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

JsonObject *
node_object (JsonNode *node)
{
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_node_get_object (node);
}

JsonArray *
node_array (JsonNode *node)
{
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  return json_node_get_array (node);
}

/* The "message" of an error answer. */
void
reply_assert_message (Reply      *reply,
                guint       status,
                const char *message)
{
  g_autoptr(JsonNode) root = NULL;

  g_assert_cmpuint (reply->status, ==, status);
  root = reply_json (reply);
  g_assert_cmpstr (json_object_get_string_member_with_default (node_object (root), "message", NULL), ==, message);
}

void
reply_assert_has_message (Reply *reply,
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

char *
harness_request_token (Harness    *h,
               const char *key,
               const char *secret)
{
  g_autofree char *body = g_strdup_printf ("grant_type=client_credentials&client_id=%s&client_secret=%s", key, secret);
  g_autoptr(Reply) reply = harness_send (h, "POST", "/oauth2/token", NULL, body);
  g_autoptr(JsonNode) root = NULL;

  g_assert_cmpuint (reply->status, ==, 200);
  root = reply_json (reply);
  return g_strdup (json_object_get_string_member (node_object (root), "access_token"));
}

Harness *
harness_new (void)
{
  Harness *h = g_new0 (Harness, 1);
  g_autoptr(GError) error = NULL;

  h->server = jd_demo_server_new ();
  jd_demo_server_start_thread (h->server, 0, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (jd_demo_server_get_base_url (h->server), "http://127.0.0.1:"));
  g_assert_true (g_str_has_suffix (jd_demo_server_get_base_url (h->server), "/webapi"));

  h->session = jd_test_new_session ();
  h->token = harness_request_token (h, JD_DEMO_API_KEY, JD_DEMO_API_SECRET);

  return h;
}

void
harness_free (Harness *h)
{
  jd_demo_server_stop (h->server);
  g_assert_finalize_object (h->server);
  g_assert_finalize_object (h->session);
  g_free (h->token);
  g_free (h);
}

JsonNode *
harness_get_json (Harness    *h,
          const char *path)
{
  g_autoptr(Reply) reply = harness_get (h, path, h->token);

  g_assert_cmpuint (reply->status, ==, 200);
  return reply_json (reply);
}
