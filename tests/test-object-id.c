/* test-object-id.c: finding the one job or workflow ID in pasted text. */
#include "config.h"

#include <string.h>

#include "jd-client-error.h"
#include "jd-object-id.h"
#include "jd-test-util.h"

#define JOB_ID "66ebd18d3d6200007e000d8c"
#define APP_ID "5f3a0c9e1b2d4e0012345678"

/* Whatever the text, a success is exactly 24 lower-case hex characters. */
static void
assert_clean_id (const char *id)
{
  g_assert_nonnull (id);
  g_assert_cmpuint (strlen (id), ==, JD_OBJECT_ID_LENGTH);
  for (guint i = 0; id[i] != '\0'; i++)
    g_assert_true (g_ascii_isdigit (id[i]) || (id[i] >= 'a' && id[i] <= 'f'));
  g_assert_true (jd_object_id_is_valid (id));
}

static void
assert_extracts (const char     *text,
                 JdObjectIdKind  kind,
                 const char     *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = jd_object_id_extract (text, kind, &error);

  g_assert_no_error (error);
  assert_clean_id (id);
  g_assert_cmpstr (id, ==, expected);
}

static void
assert_refused (const char     *text,
                JdObjectIdKind  kind,
                const char     *expected_message)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = jd_object_id_extract (text, kind, &error);

  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_INVALID_INPUT);
  g_assert_null (id);
  if (expected_message != NULL)
    g_assert_cmpstr (error->message, ==, expected_message);
}

static void
test_is_valid (void)
{
  g_assert_true (jd_object_id_is_valid (JOB_ID));
  g_assert_true (jd_object_id_is_valid ("66EBD18D3D6200007E000D8C"));
  g_assert_false (jd_object_id_is_valid (NULL));
  g_assert_false (jd_object_id_is_valid (""));
  g_assert_false (jd_object_id_is_valid ("66ebd18d3d6200007e000d8"));
  g_assert_false (jd_object_id_is_valid ("66ebd18d3d6200007e000d8c0"));
  g_assert_false (jd_object_id_is_valid ("66ebd18d3d6200007e000d8g"));
  g_assert_false (jd_object_id_is_valid (" 66ebd18d3d6200007e000d8c"));
}

static void
test_plain (void)
{
  assert_extracts (JOB_ID, JD_OBJECT_ID_JOB, JOB_ID);
}

static void
test_upper_case (void)
{
  assert_extracts ("66EBD18D3D6200007E000D8C", JD_OBJECT_ID_JOB, JOB_ID);
}

static void
test_whitespace (void)
{
  assert_extracts ("  \t" JOB_ID "\n\r\n ", JD_OBJECT_ID_JOB, JOB_ID);
}

static void
test_sentence (void)
{
  assert_extracts ("Hi, the job " JOB_ID " failed again last night. Can you look?",
                   JD_OBJECT_ID_JOB, JOB_ID);
}

static void
test_server_url (void)
{
  assert_extracts ("https://ayx.example.com/gallery/#!/jobs/" JOB_ID "?x=1",
                   JD_OBJECT_ID_JOB, JOB_ID);
}

static void
test_email_line (void)
{
  assert_extracts ("> Subject: Job failed (ID: " JOB_ID ") - please check",
                   JD_OBJECT_ID_JOB, JOB_ID);
  assert_extracts ("jobId=" JOB_ID ";", JD_OBJECT_ID_JOB, JOB_ID);
}

static void
test_too_short (void)
{
  assert_refused ("66ebd18d3d6200007e000d8", JD_OBJECT_ID_JOB,
                  "No job ID found: a job ID has 24 letters and digits (0–9, a–f).");
}

static void
test_too_long (void)
{
  assert_refused ("66ebd18d3d6200007e000d8c0", JD_OBJECT_ID_JOB,
                  "No job ID found: a job ID has 24 letters and digits (0–9, a–f).");
}

static void
test_inside_word (void)
{
  /* 24 hex characters glued to other letters are part of something else */
  assert_refused ("x66ebd18d3d6200007e000d8c", JD_OBJECT_ID_JOB, NULL);
  assert_refused ("66ebd18d3d6200007e000d8cz", JD_OBJECT_ID_JOB, NULL);
  assert_refused ("token66ebd18d3d6200007e000d8cvalue", JD_OBJECT_ID_JOB, NULL);
}

static void
test_no_id (void)
{
  assert_refused ("my job from yesterday", JD_OBJECT_ID_JOB,
                  "No job ID found: a job ID has 24 letters and digits (0–9, a–f).");
  assert_refused ("my workflow", JD_OBJECT_ID_WORKFLOW,
                  "No workflow ID found: a workflow ID has 24 letters and digits (0–9, a–f).");
}

static void
test_several (void)
{
  assert_refused (JOB_ID " and 66ebd18d3d6200007e000d8d", JD_OBJECT_ID_JOB,
                  "This text holds several different job IDs; paste just one.");
  assert_refused (JOB_ID " " APP_ID, JD_OBJECT_ID_WORKFLOW,
                  "This text holds several different workflow IDs; paste just one.");
}

static void
test_same_twice (void)
{
  assert_extracts (JOB_ID " (again: " JOB_ID ")", JD_OBJECT_ID_JOB, JOB_ID);
  assert_extracts (JOB_ID " 66EBD18D3D6200007E000D8C", JD_OBJECT_ID_JOB, JOB_ID);
}

static void
test_url_with_app_and_job (void)
{
  const char *url = "https://ayx.example.com/gallery/#!/app/" APP_ID "/jobs/" JOB_ID;

  assert_extracts (url, JD_OBJECT_ID_JOB, JOB_ID);
  assert_extracts (url, JD_OBJECT_ID_WORKFLOW, APP_ID);
  assert_extracts ("https://ayx.example.com/webapi/v3/workflows/" APP_ID "/jobs/" JOB_ID,
                   JD_OBJECT_ID_WORKFLOW, APP_ID);
}

static void
test_kind_word_picks_one (void)
{
  assert_extracts ("workflow " APP_ID ", Job ID: " JOB_ID, JD_OBJECT_ID_JOB, JOB_ID);
  assert_extracts ("workflow " APP_ID ", Job ID: " JOB_ID, JD_OBJECT_ID_WORKFLOW, APP_ID);
  /* both marked as jobs: still ambiguous */
  assert_refused ("job " APP_ID " job " JOB_ID, JD_OBJECT_ID_JOB, NULL);
}

static void
test_empty (void)
{
  assert_refused (NULL, JD_OBJECT_ID_JOB, "Enter a job ID.");
  assert_refused ("", JD_OBJECT_ID_JOB, "Enter a job ID.");
  assert_refused (" \t\n ", JD_OBJECT_ID_JOB, "Enter a job ID.");
  assert_refused ("", JD_OBJECT_ID_WORKFLOW, "Enter a workflow ID.");
}

static void
test_path_escape (void)
{
  /* whatever surrounds it, only the 24 characters go on into a URL */
  assert_extracts ("../" JOB_ID "/..", JD_OBJECT_ID_JOB, JOB_ID);
  assert_extracts (JOB_ID "%2F..", JD_OBJECT_ID_JOB, JOB_ID);
  assert_extracts ("/../../" JOB_ID "?../../etc/passwd#", JD_OBJECT_ID_JOB, JOB_ID);
  assert_refused ("../..%2F", JD_OBJECT_ID_JOB, NULL);
}

static void
test_non_ascii_neighbours (void)
{
  /* letters outside ASCII do not glue to an ID */
  assert_extracts ("«" JOB_ID "»", JD_OBJECT_ID_JOB, JOB_ID);
  assert_extracts ("Job\u00a0" JOB_ID, JD_OBJECT_ID_JOB, JOB_ID);
}

static void
test_huge_text (void)
{
  g_autofree char *text = g_strnfill (64 * 1024 + 1, ' ');

  memcpy (text + 100, JOB_ID, strlen (JOB_ID));
  assert_refused (text, JD_OBJECT_ID_JOB, NULL);
}

static void
test_many_candidates (void)
{
  /* the most candidates 64 KiB can hold, all the same: still quick */
  g_autoptr(GString) text = g_string_new (NULL);

  while (text->len + 25 <= 64 * 1024)
    g_string_append (text, JOB_ID " ");

  assert_extracts (text->str, JD_OBJECT_ID_JOB, JOB_ID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/api/object-id/is-valid", test_is_valid);
  g_test_add_func ("/api/object-id/extract/plain", test_plain);
  g_test_add_func ("/api/object-id/extract/upper-case-is-lowered", test_upper_case);
  g_test_add_func ("/api/object-id/extract/white-space-is-trimmed", test_whitespace);
  g_test_add_func ("/api/object-id/extract/inside-a-sentence", test_sentence);
  g_test_add_func ("/api/object-id/extract/inside-a-server-url", test_server_url);
  g_test_add_func ("/api/object-id/extract/e-mail-line", test_email_line);
  g_test_add_func ("/api/object-id/extract/23-characters-refused", test_too_short);
  g_test_add_func ("/api/object-id/extract/25-characters-refused", test_too_long);
  g_test_add_func ("/api/object-id/extract/inside-a-longer-word-refused", test_inside_word);
  g_test_add_func ("/api/object-id/extract/no-id-refused", test_no_id);
  g_test_add_func ("/api/object-id/extract/several-different-refused", test_several);
  g_test_add_func ("/api/object-id/extract/same-id-twice-accepted", test_same_twice);
  g_test_add_func ("/api/object-id/extract/url-with-app-and-job-picks-by-kind", test_url_with_app_and_job);
  g_test_add_func ("/api/object-id/extract/kind-word-picks-one", test_kind_word_picks_one);
  g_test_add_func ("/api/object-id/extract/empty-refused", test_empty);
  g_test_add_func ("/api/object-id/extract/path-escape-gives-clean-id", test_path_escape);
  g_test_add_func ("/api/object-id/extract/non-ascii-neighbours", test_non_ascii_neighbours);
  g_test_add_func ("/api/object-id/extract/huge-text-refused", test_huge_text);
  g_test_add_func ("/api/object-id/extract/many-candidates", test_many_candidates);

  return g_test_run ();
}
