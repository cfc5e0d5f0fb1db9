/* jd-json-cut-off.c: the first part of a job's JSON, made whole again.
 *
 * One pass over the prefix, aware of strings and nesting, notes where the
 * messages array opens, where each of its elements ends, where it closes
 * and where each member of the root object after it ends. The prefix is
 * then cut at the last of those and closed with "]" and "}". The result
 * is parsed by the usual readers, which check everything else.
 */
#define G_LOG_DOMAIN "jd-json"

#include "config.h"

#include <string.h>

#include "jd-json-cut-off.h"
#include "jd-json-document.h"

typedef struct
{
  char   root;            /* '{' or '[' */
  guint  array_level;     /* depth inside the messages array, or 0 */
  gsize  array_open;      /* offset of its '[' */
  gsize  element_end;     /* just after its last complete element, or 0 */
  gboolean array_closed;
  gsize  member_end;      /* after the array: just before the last ',' at
                           * depth 1, or just after the array's ']' */
} Cut;

static gboolean
is_messages_key (const char *data,
                 gsize       start,
                 gsize       length)
{
  return length == strlen (JD_JSON_MESSAGES_MEMBER) &&
         g_ascii_strncasecmp (data + start, JD_JSON_MESSAGES_MEMBER, length) == 0;
}

/* FALSE when the bytes end anywhere the cut cannot be mended. */
static gboolean
scan (const char *data,
      gsize       length,
      Cut        *cut)
{
  gsize key_start = 0;
  gsize key_length = 0;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        continue;

      if (c == '"')
        {
          gsize start = ++i;

          while (i < length && data[i] != '"')
            i += data[i] == '\\' ? 2 : 1;
          if (i >= length)
            break;               /* cut inside a string */
          if (depth == 1 && cut->root == '{')
            {
              key_start = start;
              key_length = i - start;
            }
          /* a string element is complete too (and no message) */
          if (cut->array_level != 0 && !cut->array_closed && depth == cut->array_level)
            cut->element_end = i + 1;
          continue;
        }

      switch (c)
        {
        case '{':
        case '[':
          if (depth == 0)
            {
              if (cut->root != '\0')
                return FALSE;
              cut->root = c;
              if (c == '[')
                {
                  cut->array_level = 1;
                  cut->array_open = i;
                }
            }
          else if (depth == 1 && cut->root == '{' && c == '[' && cut->array_level == 0 &&
                   is_messages_key (data, key_start, key_length))
            {
              cut->array_level = 2;
              cut->array_open = i;
            }
          depth++;
          break;

        case '}':
        case ']':
          if (depth == 0)
            return FALSE;
          depth--;
          if (depth == 0)
            return FALSE;        /* the whole answer: nothing was cut */
          if (cut->array_level != 0 && !cut->array_closed)
            {
              if (depth == cut->array_level)
                cut->element_end = i + 1;
              else if (depth + 1 == cut->array_level)
                {
                  cut->array_closed = TRUE;
                  cut->member_end = i + 1;
                }
            }
          break;

        case ',':
          if (cut->array_closed && depth == 1)
            cut->member_end = i;
          break;

        default:
          break;
        }
    }

  return cut->array_level != 0 && (cut->array_closed ? depth >= 1 : depth >= cut->array_level);
}

GBytes *
jd_json_close_cut_off (GBytes   *prefix,
                       gboolean *in_messages)
{
  Cut cut = { 0 };
  const char *data;
  gsize length = 0;
  GString *closed;

  g_return_val_if_fail (prefix != NULL, NULL);

  data = g_bytes_get_data (prefix, &length);
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (data == NULL || !scan (data, length, &cut))
    return NULL;

  if (in_messages != NULL)
    *in_messages = !cut.array_closed;

  closed = g_string_sized_new (length + 2);
  if (cut.array_closed)
    {
      /* the messages are all there; members after them are dropped */
      g_string_append_len (closed, data, cut.member_end);
      g_string_append_c (closed, '}');
    }
  else
    {
      /* up to the last whole element, or an empty array */
      g_string_append_len (closed, data, cut.element_end != 0 ? cut.element_end : cut.array_open + 1);
      g_string_append_c (closed, ']');
      if (cut.root == '{')
        g_string_append_c (closed, '}');
    }

  return g_string_free_to_bytes (closed);
}
