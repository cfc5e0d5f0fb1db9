/* jd-request-path.c: the query part of a request's path.
 *
 * Values are escaped into their parameter; NULL and empty ones are left
 * out of the request.
 */
#include "config.h"

#include <string.h>

#include "jd-request-path.h"

void
jd_request_path_append_query (GString    *path,
                              const char *name,
                              const char *value)
{
  g_autofree char *escaped = NULL;

  if (value == NULL || *value == '\0')
    return;

  escaped = g_uri_escape_string (value, NULL, FALSE);
  g_string_append_c (path, strchr (path->str, '?') != NULL ? '&' : '?');
  g_string_append_printf (path, "%s=%s", name, escaped);
}

/* A day as the Server takes it: yyyy-MM-dd, in the date's own zone. */
void
jd_request_path_append_date_query (GString    *path,
                                   const char *name,
                                   GDateTime  *date)
{
  g_autofree char *day = NULL;

  if (date == NULL)
    return;

  day = g_date_time_format (date, "%Y-%m-%d");
  jd_request_path_append_query (path, name, day);
}

/* Sorting and paging, which both lists of jobs take alike. */
void
jd_request_path_append_page_query (GString         *path,
                                   const char      *sort_field,
                                   gboolean         ascending,
                                   guint            offset,
                                   guint            limit)
{
  char number[32];

  jd_request_path_append_query (path, "sortField", sort_field);
  if (sort_field != NULL)
    jd_request_path_append_query (path, "direction", ascending ? "asc" : "desc");
  if (offset > 0)
    {
      g_snprintf (number, sizeof number, "%u", offset);
      jd_request_path_append_query (path, "offset", number);
    }
  if (limit > 0)
    {
      g_snprintf (number, sizeof number, "%u", limit);
      jd_request_path_append_query (path, "limit", number);
    }
}
