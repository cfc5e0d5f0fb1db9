/* test-json-reader-values.c: the small answers and values: tokens, the
 * sentence of a refusal, dates. */
#include "config.h"

#include <string.h>

#include "jd-client-error.h"
#include "jd-job-message.h"
#include "jd-job-output.h"
#include "jd-job-page.h"
#include "jd-json-reader.h"
#include "jd-message-list.h"
#include "jd-test-util.h"
#include "jd-job-summary.h"
#include "jd-workflow.h"
#include "jd-test-reader.h"

/* Tokens */

static void
assert_token (const char *json,
              const char *expected_token,
              gint64      expected_expires_in)
{
  g_autoptr(GBytes) bytes = jd_test_bytes_from_string (json);
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  gint64 expires_in = 0;

  g_assert_true (jd_json_read_token (bytes, &token, &expires_in, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, expected_token);
  g_assert_cmpint (expires_in, ==, expected_expires_in);
}

static void
assert_token_refused (const char *json)
{
  g_autoptr(GBytes) bytes = jd_test_bytes_from_string (json);
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  gint64 expires_in = -7;

  g_assert_false (jd_json_read_token (bytes, &token, &expires_in, &error));
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE);
  g_assert_cmpstr (error->message, ==, "The server’s answer holds no access token.");
  g_assert_null (token);
  g_assert_cmpint (expires_in, ==, -7);
}

static void
test_token_valid (void)
{
  g_autoptr(GBytes) bytes = jd_test_load_data ("token.json");
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  gint64 expires_in = 0;

  g_assert_true (jd_json_read_token (bytes, &token, &expires_in, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (token, ==, "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJkZW1vIn0.c2lnbmF0dXJl");
  g_assert_cmpint (expires_in, ==, 3599);

  /* the outputs are optional */
  g_assert_true (jd_json_read_token (bytes, NULL, NULL, NULL));
}

static void
test_token_expires_in (void)
{
  assert_token ("{\"access_token\": \"abc\"}", "abc", 3600);
  assert_token ("{\"access_token\": \"abc\", \"expires_in\": \"1800\"}", "abc", 1800);
  assert_token ("{\"access_token\": \"abc\", \"expires_in\": 1799.0}", "abc", 1799);
  assert_token ("{\"access_token\": \"abc\", \"expires_in\": 0}", "abc", 3600);
  assert_token ("{\"access_token\": \"abc\", \"expires_in\": -5}", "abc", 3600);
  assert_token ("{\"access_token\": \"abc\", \"expires_in\": \"soon\"}", "abc", 3600);
  assert_token ("{\"access_token\": \"abc\", \"expires_in\": null}", "abc", 3600);
  assert_token ("{\"access_token\": \"abc\", \"expires_in\": 9007199254740993}", "abc", G_MAXINT32);
}

static void
test_token_missing (void)
{
  assert_token_refused ("{\"token_type\": \"bearer\", \"expires_in\": 3599}");
  assert_token_refused ("{\"access_token\": \"\"}");
  assert_token_refused ("{\"access_token\": null}");
  assert_token_refused ("{\"access_token\": 12345}");
  assert_token_refused ("{\"access_token\": \"abc\\r\\nX-Evil: 1\"}");
  assert_token_refused ("[{\"access_token\": \"abc\"}]");
}

static void
test_token_oauth_error (void)
{
  g_autoptr(GBytes) bytes = jd_test_load_data ("token-oauth-error.json");
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *message = NULL;

  g_assert_false (jd_json_read_token (bytes, &token, NULL, &error));
  g_assert_error (error, JD_CLIENT_ERROR, JD_CLIENT_ERROR_BAD_RESPONSE);

  message = jd_json_read_error_message (bytes);
  g_assert_cmpstr (message, ==, "The client credentials are invalid.");
}


/* The sentence of a refusal */

static void
assert_error_message (const char *body,
                      const char *expected)
{
  g_autoptr(GBytes) bytes = jd_test_bytes_from_string (body);
  g_autofree char *message = jd_json_read_error_message (bytes);

  g_assert_cmpstr (message, ==, expected);
}

static void
test_error_message_any_case (void)
{
  assert_error_message ("{\"message\": \"Job not found\"}", "Job not found");
  assert_error_message ("{\"Message\": \"Authorization has been denied for this request.\"}",
                        "Authorization has been denied for this request.");
  assert_error_message ("{\"MESSAGE\": \"Shouting\"}", "Shouting");
  assert_error_message ("{\"Message\": \"An error has occurred.\", \"ExceptionMessage\": \"x\"}",
                        "An error has occurred.");
}

static void
test_error_message_oauth (void)
{
  assert_error_message ("{\"error\": \"invalid_client\", \"error_description\": \"Bad key\"}", "Bad key");
  assert_error_message ("{\"error\": \"invalid_client\"}", "invalid_client");
  assert_error_message ("{\"error\": \"invalid_client\", \"error_description\": \"\"}", "invalid_client");
  assert_error_message ("{\"error\": {\"message\": \"Nested\"}}", "Nested");
  assert_error_message ("{\"message\": \"First\", \"error_description\": \"Second\"}", "First");
}

static void
test_error_message_none (void)
{
  g_autoptr(GBytes) html = jd_test_load_data ("proxy-502.html");
  g_autoptr(GBytes) empty = g_bytes_new (NULL, 0);
  g_autofree char *from_html = jd_json_read_error_message (html);
  g_autofree char *from_empty = jd_json_read_error_message (empty);
  g_autofree char *from_null = jd_json_read_error_message (NULL);

  g_assert_null (from_html);
  g_assert_null (from_empty);
  g_assert_null (from_null);
  assert_error_message ("Service Unavailable", NULL);
  assert_error_message ("{}", NULL);
  assert_error_message ("{\"message\": 42}", NULL);
  assert_error_message ("{\"message\": \"   \"}", NULL);
  assert_error_message ("[{\"message\": \"in an array\"}]", NULL);
  assert_error_message ("{\"message\": \"x\"", NULL);
}

static void
test_error_message_tidy (void)
{
  g_autofree char *long_text = g_strnfill (1000, 'x');
  g_autofree char *long_body = g_strdup_printf ("{\"message\": \"%s\"}", long_text);
  g_autoptr(GBytes) bytes = jd_test_bytes_from_string (long_body);
  g_autofree char *message = jd_json_read_error_message (bytes);

  g_assert_cmpuint (g_utf8_strlen (message, -1), ==, 300);
  g_assert_true (g_str_has_suffix (message, "…"));

  assert_error_message ("{\"message\": \"  Line one\\n\\tline two \\r\\n\"}", "Line one line two");
  assert_error_message ("\"A bare sentence.\"", "A bare sentence.");
}


/* Dates */

static void
assert_parsed_date (const char *text,
                    const char *expected_utc)
{
  g_autoptr(GDateTime) date = jd_json_parse_date (text);

  if (expected_utc == NULL)
    g_assert_null (date);
  else
    jd_test_assert_date (date, expected_utc);
}

static void
test_date_formats (void)
{
  assert_parsed_date ("2024-09-19T10:02:54Z", "2024-09-19T10:02:54.000000Z");
  assert_parsed_date ("2024-09-19T12:02:54+02:00", "2024-09-19T10:02:54.000000Z");
  assert_parsed_date ("2024-09-19T05:02:54-0500", "2024-09-19T10:02:54.000000Z");
  assert_parsed_date ("2024-09-19T10:02:54", "2024-09-19T10:02:54.000000Z");
  assert_parsed_date ("2024-09-19T10:02:54.589Z", "2024-09-19T10:02:54.589000Z");
  assert_parsed_date ("2024-09-19T10:02:54.5890000", "2024-09-19T10:02:54.589000Z");
  assert_parsed_date ("  2024-09-19T10:02:54Z \n", "2024-09-19T10:02:54.000000Z");
}

static void
test_date_garbage (void)
{
  assert_parsed_date (NULL, NULL);
  assert_parsed_date ("", NULL);
  assert_parsed_date ("   ", NULL);
  assert_parsed_date ("yesterday", NULL);
  assert_parsed_date ("2024-13-45T10:02:54Z", NULL);
  assert_parsed_date ("2024-09-19T10:02:54Zjunk", NULL);
  assert_parsed_date ("2024-09-19T10:02:54.00000000000000000000000000000000000000000000000000000000000000000Z", NULL);
  /* .NET's DateTime.MinValue: the Server had no date */
  assert_parsed_date ("0001-01-01T00:00:00", NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/api/json-reader/token/valid", test_token_valid);
  g_test_add_func ("/api/json-reader/token/expires-in-forms", test_token_expires_in);
  g_test_add_func ("/api/json-reader/token/missing-access-token", test_token_missing);
  g_test_add_func ("/api/json-reader/token/oauth-error", test_token_oauth_error);
  g_test_add_func ("/api/json-reader/error-message/message-in-any-case", test_error_message_any_case);
  g_test_add_func ("/api/json-reader/error-message/oauth", test_error_message_oauth);
  g_test_add_func ("/api/json-reader/error-message/none", test_error_message_none);
  g_test_add_func ("/api/json-reader/error-message/tidied", test_error_message_tidy);
  g_test_add_func ("/api/json-reader/date/formats", test_date_formats);
  g_test_add_func ("/api/json-reader/date/garbage-is-null", test_date_garbage);

  return g_test_run ();
}
