/* jd-demo-request.c: reading a request and answering it, as the Server
 * does: JSON with {"message": ...} for refusals, OAuth 2 errors, 405 with
 * Allow, and query values checked as ASP.NET checks them (names in any
 * case, 400 for a value that is not valid). For JdDemoServer's handlers.
 */
#define G_LOG_DOMAIN "jd-demo-server"

#include "config.h"

#include <string.h>

#include "jd-demo-data.h"
#include "jd-demo-request.h"

/* ------------------------------------------------------------------ */
/* Answers                                                             */

void
jd_demo_respond_json_take (SoupServerMessage *msg,
                           guint              status,
                           char              *json)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Content-Type", JD_DEMO_JSON_CONTENT_TYPE);
  soup_message_body_append_take (soup_server_message_get_response_body (msg),
                                 (guchar *) json, strlen (json));
}

void
jd_demo_respond_message (SoupServerMessage *msg,
                         guint              status,
                         const char        *message)
{
  GString *json = g_string_new ("{\"message\":");

  jd_demo_data_append_json_string (json, message);
  g_string_append_c (json, '}');
  jd_demo_respond_json_take (msg, status, g_string_free (json, FALSE));
}

void
jd_demo_respond_messagef (SoupServerMessage *msg,
                          guint              status,
                          const char        *format,
                          ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  jd_demo_respond_message (msg, status, message);
}

void
jd_demo_respond_oauth_error (SoupServerMessage *msg,
                             const char        *error,
                             const char        *description)
{
  GString *json = g_string_new ("{\"error\":");

  jd_demo_data_append_json_string (json, error);
  if (description != NULL)
    {
      g_string_append (json, ",\"error_description\":");
      jd_demo_data_append_json_string (json, description);
    }
  g_string_append_c (json, '}');
  jd_demo_respond_json_take (msg, SOUP_STATUS_BAD_REQUEST, g_string_free (json, FALSE));
}

void
jd_demo_respond_not_found (SoupServerMessage *msg)
{
  jd_demo_respond_message (msg, SOUP_STATUS_NOT_FOUND, JD_DEMO_NO_RESOURCE);
}

void
jd_demo_respond_method_not_allowed (SoupServerMessage *msg,
                                    const char        *allow)
{
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow", allow);
  jd_demo_respond_messagef (msg, SOUP_STATUS_METHOD_NOT_ALLOWED,
                    "The requested resource does not support http method '%s'.",
                    soup_server_message_get_method (msg));
}

/* ------------------------------------------------------------------ */
/* Requests                                                            */

/* The path's segments, unescaped, without empty ones: the Server's own
 * Swagger address has a double slash, and clients add trailing ones. */
GPtrArray *
jd_demo_split_path (const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  GPtrArray *segments = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *segment;

      if (parts[i][0] == '\0')
        continue;

      segment = g_uri_unescape_string (parts[i], NULL);
      g_ptr_array_add (segments, segment != NULL ? segment : g_strdup (parts[i]));
    }

  return segments;
}

/* Query names are matched without regard to case, as ASP.NET does. */
const char *
jd_demo_query_get (GHashTable *query,
                   const char *name)
{
  GHashTableIter iter;
  gpointer key, value;

  if (query == NULL)
    return NULL;

  g_hash_table_iter_init (&iter, query);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (g_ascii_strcasecmp (key, name) == 0)
        return value;
    }

  return NULL;
}

/* Reads an optional non-negative number; answers 400 for anything else. */
gboolean
jd_demo_query_get_uint (SoupServerMessage *msg,
                        GHashTable        *query,
                        const char        *name,
                        guint             *value)
{
  const char *text = jd_demo_query_get (query, name);
  guint64 number;

  if (text == NULL)
    return TRUE;

  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT, &number, NULL))
    {
      jd_demo_respond_messagef (msg, SOUP_STATUS_BAD_REQUEST,
                        "The value '%s' is not valid for %s.", text, name);
      return FALSE;
    }

  *value = (guint) number;
  return TRUE;
}

gboolean
jd_demo_query_get_direction (SoupServerMessage *msg,
                             GHashTable        *query,
                             gboolean          *ascending)
{
  const char *text = jd_demo_query_get (query, "direction");

  *ascending = FALSE;
  if (text == NULL || g_ascii_strcasecmp (text, "desc") == 0 ||
      g_ascii_strcasecmp (text, "descending") == 0)
    return TRUE;

  if (g_ascii_strcasecmp (text, "asc") == 0 || g_ascii_strcasecmp (text, "ascending") == 0)
    {
      *ascending = TRUE;
      return TRUE;
    }

  jd_demo_respond_messagef (msg, SOUP_STATUS_BAD_REQUEST,
                    "The value '%s' is not valid for direction.", text);
  return FALSE;
}

/* yyyy-MM-dd as the Unix time in ms of that day's start (UTC). */
gboolean
jd_demo_query_get_date (SoupServerMessage *msg,
                        GHashTable        *query,
                        const char        *name,
                        gint64            *unix_ms)
{
  const char *text = jd_demo_query_get (query, name);
  g_autoptr(GDateTime) date = NULL;
  guint64 year, month, day;
  g_auto(GStrv) parts = NULL;

  if (text == NULL)
    return TRUE;

  parts = g_strsplit (text, "-", -1);
  if (g_strv_length (parts) == 3 && strlen (parts[0]) == 4 && strlen (parts[1]) == 2 && strlen (parts[2]) == 2 &&
      g_ascii_string_to_unsigned (parts[0], 10, 1, 9999, &year, NULL) &&
      g_ascii_string_to_unsigned (parts[1], 10, 1, 12, &month, NULL) &&
      g_ascii_string_to_unsigned (parts[2], 10, 1, 31, &day, NULL))
    date = g_date_time_new_utc ((int) year, (int) month, (int) day, 0, 0, 0);

  if (date == NULL)
    {
      jd_demo_respond_messagef (msg, SOUP_STATUS_BAD_REQUEST, "The value '%s' is not valid for %s.", text, name);
      return FALSE;
    }

  *unix_ms = g_date_time_to_unix (date) * 1000;
  return TRUE;
}

/* A comma-separated list of the query (NULL when not given or empty),
 * each value trimmed and, with canonical, replaced by its canonical
 * spelling; answers 400 for a value canonical does not know. */
gboolean
jd_demo_query_get_list (SoupServerMessage   *msg,
                        GHashTable          *query,
                        const char          *name,
                        const char        *(*canonical) (const char *value),
                        GStrv               *list)
{
  const char *text = jd_demo_query_get (query, name);
  g_auto(GStrv) values = NULL;

  *list = NULL;
  if (text == NULL || *text == '\0')
    return TRUE;

  values = g_strsplit (text, ",", -1);
  for (guint i = 0; values[i] != NULL; i++)
    {
      const char *known;

      g_strstrip (values[i]);
      if (canonical == NULL)
        continue;

      known = canonical (values[i]);
      if (known == NULL)
        {
          jd_demo_respond_messagef (msg, SOUP_STATUS_BAD_REQUEST, "The value '%s' is not valid for %s.", values[i], name);
          return FALSE;
        }
      g_free (values[i]);
      values[i] = g_strdup (known);
    }

  *list = g_steal_pointer (&values);
  return TRUE;
}

gboolean
jd_demo_query_get_boolean (SoupServerMessage *msg,
                           GHashTable        *query,
                           const char        *name,
                           gboolean          *value)
{
  const char *text = jd_demo_query_get (query, name);

  *value = FALSE;
  if (text == NULL || g_ascii_strcasecmp (text, "false") == 0)
    return TRUE;

  if (g_ascii_strcasecmp (text, "true") == 0)
    {
      *value = TRUE;
      return TRUE;
    }

  jd_demo_respond_messagef (msg, SOUP_STATUS_BAD_REQUEST, "The value '%s' is not valid for %s.", text, name);
  return FALSE;
}

gboolean
jd_demo_status_is (const char *status,
                   const char *name)
{
  return status != NULL && g_ascii_strcasecmp (status, name) == 0;
}

/* "Complete" is what the query says, "Completed" what the job says. */
const char *
jd_demo_canonical_status (const char *name)
{
  static const char *const statuses[] = {
    "Created", "Queued", "Initializing", "Running", "Completed", "Cancelled", "Error",
  };

  if (jd_demo_status_is (name, "Complete"))
    return "Completed";

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      if (jd_demo_status_is (name, statuses[i]))
        return statuses[i];
    }

  return NULL;
}

/* The priorities a Server knows, as it writes them. */
const char *
jd_demo_canonical_priority (const char *name)
{
  static const char *const priorities[] = { "Low", "Default", "Medium", "High", "Critical" };

  for (guint i = 0; i < G_N_ELEMENTS (priorities); i++)
    {
      if (jd_demo_status_is (name, priorities[i]))
        return priorities[i];
    }

  return NULL;
}

gboolean
jd_demo_method_is (SoupServerMessage *msg,
                   const char        *method)
{
  const char *actual = soup_server_message_get_method (msg);

  if (g_str_equal (method, SOUP_METHOD_GET) && g_str_equal (actual, SOUP_METHOD_HEAD))
    return TRUE;

  return g_str_equal (actual, method);
}
