/* jd-object-id.c: finds the one job or workflow ID in text a user pasted. */
#define G_LOG_DOMAIN "jd-object-id"

#include "config.h"

#include <string.h>

#include "jd-client-error.h"
#include "jd-object-id.h"

/* Longer text is not something a user pasted to name one job. */
#define MAX_TEXT_LENGTH (64 * 1024)
/* How far before an ID we look for the word that names its kind. */
#define KIND_WORD_WINDOW 12

static gboolean
is_hex_run (const char *text,
            gsize       length)
{
  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isxdigit (text[i]))
        return FALSE;
    }

  return TRUE;
}

/* Whether one of the kind's words ("job", "workflow", "app") ends within
 * the few characters before the ID, as in "/jobs/", "jobId=" or "Job ". */
static gboolean
is_preceded_by_kind_word (const char     *text,
                          gsize           start,
                          JdObjectIdKind  kind)
{
  static const char * const job_words[] = { "job", NULL };
  static const char * const workflow_words[] = { "workflow", "app", NULL };
  const char * const *words = kind == JD_OBJECT_ID_WORKFLOW ? workflow_words : job_words;
  gsize window_start = start > KIND_WORD_WINDOW ? start - KIND_WORD_WINDOW : 0;

  for (guint w = 0; words[w] != NULL; w++)
    {
      gsize word_length = strlen (words[w]);

      for (gsize i = window_start; i + word_length <= start; i++)
        {
          if (g_ascii_strncasecmp (text + i, words[w], word_length) == 0)
            return TRUE;
        }
    }

  return FALSE;
}

/* Whether the candidate at position index repeats an earlier one. */
static gboolean
is_repeated (const char   *text,
             const GArray *starts,
             guint         index)
{
  gsize start = g_array_index (starts, gsize, index);

  for (guint i = 0; i < index; i++)
    {
      gsize other = g_array_index (starts, gsize, i);

      if (g_ascii_strncasecmp (text + start, text + other, JD_OBJECT_ID_LENGTH) == 0)
        return TRUE;
    }

  return FALSE;
}

/**
 * jd_object_id_is_valid:
 * @id: (nullable): a string
 *
 * Returns: whether @id is exactly 24 hexadecimal characters (either case)
 */
gboolean
jd_object_id_is_valid (const char *id)
{
  if (id == NULL)
    return FALSE;

  return strlen (id) == JD_OBJECT_ID_LENGTH && is_hex_run (id, JD_OBJECT_ID_LENGTH);
}

/**
 * jd_object_id_extract:
 * @text: (nullable): what the user typed or pasted
 * @kind: the kind of ID wanted
 * @error: return location for a #GError
 *
 * Finds the ID in @text: a run of exactly 24 hexadecimal characters with
 * no other letter or digit directly before or after it. The same ID given
 * twice counts once; when several different IDs appear, the one directly
 * after the kind's word ("jobs/", "Job ID: ", "workflow ") wins, if only
 * one is.
 *
 * Returns: (transfer full): the ID in lower case, or %NULL with
 *   %JD_CLIENT_ERROR_INVALID_INPUT
 */
char *
jd_object_id_extract (const char      *text,
                      JdObjectIdKind   kind,
                      GError         **error)
{
  const char *noun = kind == JD_OBJECT_ID_WORKFLOW ? "workflow" : "job";
  g_autoptr(GArray) starts = NULL;
  gsize length;
  gsize chosen = 0;
  guint n_distinct = 0;
  guint n_marked = 0;
  gsize i;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* a bounded strlen (): never walk far past what we accept */
  length = 0;
  while (text != NULL && length <= MAX_TEXT_LENGTH && text[length] != '\0')
    length++;

  if (length > MAX_TEXT_LENGTH)
    {
      g_set_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_INVALID_INPUT,
                   "This text is too long to be a %s ID; paste just the ID.", noun);
      return NULL;
    }

  /* trim white space without copying */
  while (length > 0 && g_ascii_isspace (text[0]))
    {
      text++;
      length--;
    }
  while (length > 0 && g_ascii_isspace (text[length - 1]))
    length--;

  if (length == 0)
    {
      g_set_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_INVALID_INPUT,
                   "Enter a %s ID.", noun);
      return NULL;
    }

  /* Each maximal run of ASCII letters and digits that is exactly 24
   * hexadecimal characters long is a candidate. */
  starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  i = 0;
  while (i < length)
    {
      gsize run_start;

      if (!g_ascii_isalnum (text[i]))
        {
          i++;
          continue;
        }

      run_start = i;
      while (i < length && g_ascii_isalnum (text[i]))
        i++;

      if (i - run_start == JD_OBJECT_ID_LENGTH &&
          is_hex_run (text + run_start, JD_OBJECT_ID_LENGTH))
        g_array_append_val (starts, run_start);
    }

  for (guint c = 0; c < starts->len; c++)
    {
      gsize start = g_array_index (starts, gsize, c);

      if (is_repeated (text, starts, c))
        continue;

      n_distinct++;
      if (n_distinct == 1)
        chosen = start;
    }

  if (n_distinct == 0)
    {
      g_set_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_INVALID_INPUT,
                   "No %s ID found: a %s ID has 24 letters and digits (0–9, a–f).",
                   noun, noun);
      return NULL;
    }

  if (n_distinct > 1)
    {
      /* "…/workflows/AAA/jobs/BBB": the kind's word tells which one is meant */
      for (guint c = 0; c < starts->len; c++)
        {
          gsize start = g_array_index (starts, gsize, c);

          if (!is_preceded_by_kind_word (text, start, kind))
            continue;

          if (n_marked > 0 &&
              g_ascii_strncasecmp (text + start, text + chosen, JD_OBJECT_ID_LENGTH) == 0)
            continue;

          n_marked++;
          chosen = start;
        }

      if (n_marked != 1)
        {
          g_set_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_INVALID_INPUT,
                       "This text holds several different %s IDs; paste just one.", noun);
          return NULL;
        }
    }

  return g_ascii_strdown (text + chosen, JD_OBJECT_ID_LENGTH);
}
