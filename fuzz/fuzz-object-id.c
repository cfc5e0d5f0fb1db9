/* fuzz-object-id.c: libFuzzer target for finding a job or workflow ID in
 * pasted text.
 *
 * Besides crashes and sanitizer reports, it checks what the extraction
 * promises: either an ID of exactly 24 lower-case hexadecimal characters
 * that the text holds, or an INVALID_INPUT error; and the same answer for
 * the same text.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "jd-client-error.h"
#include "jd-object-id.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
check_kind (const char     *text,
            JdObjectIdKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) again_error = NULL;
  g_autofree char *id = jd_object_id_extract (text, kind, &error);
  g_autofree char *again = jd_object_id_extract (text, kind, &again_error);
  g_autofree char *lower = NULL;

  g_assert_cmpstr (id, ==, again);

  if (id == NULL)
    {
      g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_INVALID_INPUT);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return;
    }

  g_assert_no_error (error);
  g_assert_true (jd_object_id_is_valid (id));
  for (const char *p = id; *p != '\0'; p++)
    g_assert_true (g_ascii_isdigit (*p) || (*p >= 'a' && *p <= 'f'));
  lower = g_ascii_strdown (text, -1);
  g_assert_nonnull (strstr (lower, id));
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  /* a copy of exactly size + 1 bytes: reading past its NUL is caught */
  g_autofree char *text = g_strndup ((const char *) data, size);

  check_kind (text, JD_OBJECT_ID_JOB);
  check_kind (text, JD_OBJECT_ID_WORKFLOW);
  g_assert_true (jd_object_id_is_valid (text) == (strlen (text) == JD_OBJECT_ID_LENGTH &&
                                                    strspn (text, "0123456789abcdefABCDEF") == JD_OBJECT_ID_LENGTH));

  return 0;
}
