/* jd-message-matcher.c: which messages a severity and a search keep.
 *
 * Reads the compact JdMessageList in place: no object per message, and
 * no allocation per message unless the search text is not ASCII. The
 * tool label ("Tool 12") is matched once per tool, not once per message.
 */
#define G_LOG_DOMAIN "jd-message-matcher"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "jd-message-matcher.h"

/* Tool IDs from -1 (the engine) up to this have their answer in an
 * array; others (rare) in a hash table. */
#define TOOL_MEMO_SIZE 4096

/* How many messages between two looks at the cancellable. */
#define CANCEL_STRIDE 8192

enum { TOOL_UNKNOWN, TOOL_NO, TOOL_YES };

G_DEFINE_ENUM_TYPE (JdMessageFilterKind, jd_message_filter_kind,
  G_DEFINE_ENUM_VALUE (JD_MESSAGE_FILTER_ALL, "all"),
  G_DEFINE_ENUM_VALUE (JD_MESSAGE_FILTER_ERRORS, "errors"),
  G_DEFINE_ENUM_VALUE (JD_MESSAGE_FILTER_WARNINGS, "warnings"),
  G_DEFINE_ENUM_VALUE (JD_MESSAGE_FILTER_FILES, "files"),
  G_DEFINE_ENUM_VALUE (JD_MESSAGE_FILTER_INFO, "info"))

/* ------------------------------------------------------------------ */
/* Tool labels                                                         */

char *
jd_message_dup_tool_label (gint32 tool_id)
{
  if (tool_id == JD_JOB_MESSAGE_NO_TOOL)
    return NULL;

  /* The engine reports as tool -1. */
  if (tool_id == -1)
    return g_strdup (_("Engine"));

  /* Translators: a tool of a workflow, by its number */
  return g_strdup_printf (_("Tool %d"), tool_id);
}

struct _JdMessageMatcher
{
  JdMessageList       *list;
  JdMessageFilterKind  kind;
  char                *needle;
  gsize                needle_length;
  gboolean             needle_is_ascii;
  /* "rR": the needle's first character in both cases, for strpbrk () */
  char                 first[3];
  guint8               tool_memo[TOOL_MEMO_SIZE];
  GHashTable          *tool_memo_rest;
};

/* needle is lower-case ASCII; bytes of multi-byte UTF-8 sequences in
 * haystack are all >= 0x80, so they can never match part of it. */
static gboolean
ascii_contains (JdMessageMatcher *self,
                const char       *haystack)
{
  for (const char *p = strpbrk (haystack, self->first); p != NULL; p = strpbrk (p + 1, self->first))
    {
      if (self->needle_length == 1 ||
          g_ascii_strncasecmp (p + 1, self->needle + 1, self->needle_length - 1) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
folded_contains (const char *haystack,
                 const char *folded_needle)
{
  g_autofree char *folded = g_utf8_casefold (haystack, -1);

  return strstr (folded, folded_needle) != NULL;
}

static gboolean
text_matches (JdMessageMatcher *self,
              const char       *text)
{
  if (text == NULL)
    return FALSE;

  if (self->needle_is_ascii)
    return ascii_contains (self, text);

  return folded_contains (text, self->needle);
}

/* Few distinct tools write many messages: decide once per tool. */
static gboolean
tool_matches (JdMessageMatcher *self,
              gint32            tool_id)
{
  g_autofree char *label = NULL;
  guint8 answer = TOOL_UNKNOWN;
  gboolean in_array = tool_id >= -1 && tool_id < TOOL_MEMO_SIZE - 1;

  if (tool_id == JD_JOB_MESSAGE_NO_TOOL)
    return FALSE;

  if (in_array)
    answer = self->tool_memo[tool_id + 1];
  else if (self->tool_memo_rest != NULL)
    answer = (guint8) GPOINTER_TO_UINT (g_hash_table_lookup (self->tool_memo_rest, GINT_TO_POINTER (tool_id)));
  if (answer != TOOL_UNKNOWN)
    return answer == TOOL_YES;

  label = jd_message_dup_tool_label (tool_id);
  answer = folded_contains (label, self->needle) ? TOOL_YES : TOOL_NO;
  if (in_array)
    self->tool_memo[tool_id + 1] = answer;
  else
    {
      if (self->tool_memo_rest == NULL)
        self->tool_memo_rest = g_hash_table_new (NULL, NULL);
      g_hash_table_insert (self->tool_memo_rest, GINT_TO_POINTER (tool_id), GUINT_TO_POINTER (answer));
    }

  return answer == TOOL_YES;
}

static gboolean
position_matches (JdMessageMatcher *self,
                  guint             position)
{
  if (self->kind != JD_MESSAGE_FILTER_ALL)
    {
      JdMessageSeverity severity = jd_message_list_get_severity (self->list, position);

      if (severity != (JdMessageSeverity) (self->kind - 1))
        return FALSE;
    }

  if (self->needle == NULL)
    return TRUE;

  return text_matches (self, jd_message_list_get_text (self->list, position)) ||
         tool_matches (self, jd_message_list_get_tool_id (self->list, position));
}

JdMessageMatcher *
jd_message_matcher_new (JdMessageList       *list,
                        JdMessageFilterKind  kind,
                        const char          *needle,
                        gboolean             needle_is_ascii)
{
  JdMessageMatcher *self;

  g_return_val_if_fail (JD_IS_MESSAGE_LIST (list), NULL);
  g_return_val_if_fail (needle == NULL || *needle != '\0', NULL);

  self = g_new0 (JdMessageMatcher, 1);
  self->list = g_object_ref (list);
  self->kind = kind;
  self->needle = g_strdup (needle);
  self->needle_length = needle != NULL ? strlen (needle) : 0;
  self->needle_is_ascii = needle_is_ascii;
  if (needle != NULL && needle_is_ascii)
    {
      self->first[0] = needle[0];
      self->first[1] = g_ascii_toupper (needle[0]);
    }

  return self;
}

void
jd_message_matcher_free (JdMessageMatcher *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->list);
  g_clear_pointer (&self->tool_memo_rest, g_hash_table_unref);
  g_free (self->needle);
  g_free (self);
}

GArray *
jd_message_matcher_run (JdMessageMatcher *self,
                        GArray           *among,
                        GCancellable     *cancellable)
{
  guint n = among != NULL ? among->len : g_list_model_get_n_items (G_LIST_MODEL (self->list));
  GArray *positions = g_array_sized_new (FALSE, FALSE, sizeof (guint), MIN (n, 1024));

  for (guint i = 0; i < n; i++)
    {
      guint position = among != NULL ? g_array_index (among, guint, i) : i;

      if (i % CANCEL_STRIDE == CANCEL_STRIDE - 1 && g_cancellable_is_cancelled (cancellable))
        {
          g_array_unref (positions);
          return NULL;
        }
      if (position_matches (self, position))
        g_array_append_val (positions, position);
    }

  return positions;
}
