/* jd-json-reader.h: pure functions from a Server's JSON to our models.
 *
 * Bytes in, objects or a GError (JD_CLIENT_ERROR_BAD_RESPONSE) out. They
 * touch no global state, so the client runs them on a worker thread.
 * They follow DESIGN §1 "Be tolerant, be honest": unknown fields are
 * ignored, missing or mistyped fields are "not given", open sets stay open.
 * Text longer than 64 KiB (a 50 MB "status") is "not given" as well: no
 * Server writes such a field, and the UI could not show it.
 */
#pragma once

#include <gio/gio.h>

#include "jd-job.h"
#include "jd-job-page.h"
#include "jd-workflow.h"

G_BEGIN_DECLS

JdJob      *jd_json_read_job           (GBytes  *bytes,
                                        GError **error);
/* an array, an object holding "messages", or one message object */
GListModel *jd_json_read_messages      (GBytes  *bytes,
                                        GError **error);
/* GET /v3/workflows/{id}/jobs: an array of WorkflowJobView, or an object
 * holding "jobs" or "data"; the page has no pagination */
JdJobPage  *jd_json_read_workflow_jobs (GBytes  *bytes,
                                        GError **error);
/* GET /v3/jobs: {data: [PagedJobSummaryView], pagination: PaginationInfo} */
JdJobPage  *jd_json_read_job_page      (GBytes  *bytes,
                                        GError **error);
/* GET /v3/workflows: items are JdWorkflow */
GListModel *jd_json_read_workflows     (GBytes  *bytes,
                                        GError **error);
/* GET /v3/workflows/{id}: a WorkflowView */
JdWorkflow *jd_json_read_workflow      (GBytes  *bytes,
                                        GError **error);
/* the token endpoint's answer; expires_in is 3600 when the Server leaves it out */
gboolean    jd_json_read_token         (GBytes  *bytes,
                                        char   **access_token,
                                        gint64  *expires_in,
                                        GError **error);
/* the sentence a refusal carries, if any: "message"/"Message" (any case),
 * OAuth 2's "error_description" or "error"; NULL when there is none */
char       *jd_json_read_error_message (GBytes  *bytes);
/* ISO 8601 with or without zone; no zone means UTC */
GDateTime  *jd_json_parse_date         (const char *text);
/* .NET TimeSpan text ("00:05:12", "1.02:03:04.5000000") or ISO 8601
 * ("PT5M12S"), in seconds; FALSE when it cannot be read */
gboolean    jd_json_parse_duration     (const char *text,
                                        double     *seconds);

G_END_DECLS
