/* jd-demo-json.c: JSON text helpers of the sample data and the server.
 *
 * Apart from jd-demo-data.c so that jd-demo-messages.c can write its
 * messages without depending on the file that builds the job table.
 */
#define G_LOG_DOMAIN "jd-demo-server"

#include "config.h"

#include <string.h>

#include "jd-demo-json.h"

void
jd_demo_data_append_json_string (GString    *json,
                                 const char *text)
{
  static const char hex[] = "0123456789abcdef";

  g_string_append_c (json, '"');
  for (const guchar *p = (const guchar *) text; *p; p++)
    {
      switch (*p)
        {
        case '"':  g_string_append (json, "\\\""); break;
        case '\\': g_string_append (json, "\\\\"); break;
        case '\n': g_string_append (json, "\\n"); break;
        case '\r': g_string_append (json, "\\r"); break;
        case '\t': g_string_append (json, "\\t"); break;
        case '\b': g_string_append (json, "\\b"); break;
        case '\f': g_string_append (json, "\\f"); break;
        default:
          if (*p < 0x20)
            {
              g_string_append (json, "\\u00");
              g_string_append_c (json, hex[*p >> 4]);
              g_string_append_c (json, hex[*p & 0xf]);
            }
          else
            {
              /* UTF-8 passes through unchanged; the sources are valid. */
              g_string_append_c (json, (char) *p);
            }
          break;
        }
    }
  g_string_append_c (json, '"');
}

/* Thousands separators, as the engine writes counts. */
void
jd_demo_data_append_count (GString *out,
                           guint    value)
{
  char digits[16];
  gsize len;

  g_snprintf (digits, sizeof digits, "%u", value);
  len = strlen (digits);
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
}
