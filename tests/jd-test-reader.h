/* jd-test-reader.h: what the JSON reader tests share (test-json-reader-*.c). */
#pragma once

#include "jd-job.h"
#include "jd-message-list.h"

G_BEGIN_DECLS

#define JD_TEST_JOB_ID "66ebd18d3d6200007e000d8c"

GBytes *jd_test_bytes_from_string  (const char         *text);
JdJob  *jd_test_read_job_string    (const char         *json,
                                    GError            **error);
/* reads a job that must read, with the ID JD_TEST_JOB_ID */
JdJob  *jd_test_read_job_ok        (const char         *json);
/* a job the reader refuses with BAD_RESPONSE and this sentence */
void    jd_test_assert_job_refused (const char         *json,
                                    const char         *message);
void    jd_test_assert_message     (JdMessageList      *list,
                                    guint               position,
                                    guint               code,
                                    JdMessageSeverity   severity,
                                    const char         *text,
                                    gint32              tool_id);
/* the date is this instant, formatted in UTC as "%FT%T.%fZ" */
void    jd_test_assert_date        (GDateTime          *date,
                                    const char         *expected_utc);

G_END_DECLS
