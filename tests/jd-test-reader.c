/* jd-test-reader.c: what the JSON reader tests share. */
#include "config.h"

#include <string.h>

#include "jd-client-error.h"
#include "jd-json-reader.h"
#include "jd-test-reader.h"

GBytes *
jd_test_bytes_from_string (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

JdJob *
jd_test_read_job_string (const char  *json,
                         GError     **error)
{
  g_autoptr(GBytes) bytes = jd_test_bytes_from_string (json);

  return jd_json_read_job (bytes, error);
}

JdJob *
jd_test_read_job_ok (const char *json)
{
  g_autoptr(GError) error = NULL;
  JdJob *job = jd_test_read_job_string (json, &error);

  g_assert_no_error (error);
  g_assert_true (JD_IS_JOB (job));
  return job;
}

void
jd_test_assert_job_refused (const char *json,
                            const char *expected_message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdJob) job = jd_test_read_job_string (json, &error);

  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE);
  g_assert_null (job);
  if (expected_message != NULL)
    g_assert_cmpstr (error->message, ==, expected_message);
}

void
jd_test_assert_message (JdMessageList     *list,
                        guint              position,
                        guint              code,
                        JdMessageSeverity  severity,
                        const char        *text,
                        gint32             tool_id)
{
  g_autoptr(JdJobMessage) message = g_list_model_get_item (G_LIST_MODEL (list), position);

  g_assert_nonnull (message);
  g_assert_cmpuint (jd_job_message_get_code (message), ==, code);
  g_assert_cmpint (jd_job_message_get_severity (message), ==, severity);
  g_assert_cmpstr (jd_job_message_get_text (message), ==, text);
  g_assert_cmpint (jd_job_message_get_tool_id (message), ==, tool_id);
}

void
jd_test_assert_date (GDateTime  *date,
                     const char *expected_utc)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *text = NULL;

  g_assert_nonnull (date);
  utc = g_date_time_to_utc (date);
  text = g_date_time_format (utc, "%FT%T.%fZ");
  g_assert_cmpstr (text, ==, expected_utc);
}
