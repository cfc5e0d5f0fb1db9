/* jd-job-export.h: a job in forms other programs read: the Server's JSON
 * pretty-printed, its messages as CSV, and a curl command for the lookup.
 *
 * No widgets here: the job view calls these, and the tests check the text
 * and the files they make.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Re-indents the Server's JSON (2 spaces) on a worker thread: an 11 MB job
 * takes a moment. Fails with G_IO_ERROR_INVALID_DATA on text that is not
 * JSON. messages, when not NULL, is a JdMessageList loaded since (through
 * the messages endpoint): it replaces the job's "messages" member, each
 * message in the Server's form (status, text, toolId). */
void      jd_job_export_pretty_json_async  (GBytes               *json,
                                            GListModel           *messages,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
char     *jd_job_export_pretty_json_finish (GAsyncResult         *result,
                                            GError              **error);
char     *jd_job_export_pretty_json        (GBytes               *json,
                                            GListModel           *messages,
                                            GError              **error);

/* Writes every message (a GListModel of JdJobMessage) as CSV (RFC 4180:
 * UTF-8, CRLF, a header row, columns Severity, Code, Tool ID, Message)
 * to file, replacing it only once everything is written. Returns how
 * many messages were written, or -1 with error set. */
gint64    jd_job_export_write_messages_csv (GListModel           *messages,
                                            GFile                *file,
                                            GCancellable         *cancellable,
                                            GError              **error);
/* The same on a worker thread. */
void      jd_job_export_save_messages_csv_async  (GListModel           *messages,
                                                  GFile                *file,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gint64    jd_job_export_save_messages_csv_finish (GAsyncResult         *result,
                                                  GError              **error);
/* One CSV field, quoted when it must be. */
char     *jd_job_export_csv_field          (const char           *text);
/* "job-66ebd18d3d6200007e000d8c-messages.csv" */
char     *jd_job_export_suggest_csv_name   (const char           *job_id);

/* The placeholder that stands where the access token would go. */
#define JD_JOB_EXPORT_TOKEN_PLACEHOLDER "YOUR_TOKEN"

/* curl -s -H 'Authorization: Bearer YOUR_TOKEN' -H 'Accept: application/json'
 *   'BASE/v3/jobs/ID?includeMessages=true'
 * Never with a real token: the command ends up in shells' histories. */
char     *jd_job_export_curl_command       (const char           *base_url,
                                            const char           *job_id);

G_END_DECLS
