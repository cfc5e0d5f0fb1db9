/* jd-demo-server-auth.c: the sample server's OAuth 2 token endpoint
 * (client credentials, in the body or as Basic authentication) and the
 * bearer check every other route goes through; the Curator and the viewer
 * account get different roles.
 */
#define G_LOG_DOMAIN "jd-demo-server"

#include "config.h"

#include <string.h>
#include <libsoup/soup.h>

#include "jd-demo-server-private.h"

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

void
jd_demo_server_handle_token (JdDemoServer      *self,
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
gboolean
jd_demo_server_authorize (JdDemoServer      *self,
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

gboolean
jd_demo_server_require_curator (SoupServerMessage *msg,
                                Role               role)
{
  if (role == ROLE_CURATOR)
    return TRUE;

  jd_demo_respond_message (msg, SOUP_STATUS_FORBIDDEN, JD_DEMO_DENIED_MESSAGE);
  return FALSE;
}

