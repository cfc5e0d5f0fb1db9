/* jd-job-view.h: everything about one job: summary, outputs, messages,
 * and what can be done with it: export it, cancel it.
 *
 * Signal "refresh-requested" (no arguments): the job changed on the
 * Server because of something done in the view (it was cancelled, or
 * removed from the queue), so whoever shows it should look it up again
 * and set the new JdJob. A job removed from the queue is then gone, and
 * the lookup answers "not found".
 *
 * Actions (job-view.*): copy-json, save-messages-csv, copy-curl,
 * cancel-job (a running job, after a confirmation), remove-job (a queued
 * one, likewise), show-messages ("errors", "warnings" or "all": the
 * Messages tab with that filter), show-workflow-jobs (activates the
 * window's win.open-workflow-jobs (ss): the app ID and this job's ID),
 * besides the copy and message actions.
 *
 * A job whose disposition is Error or Warning (or whose status is Error)
 * opens on its lead, the first error and warning; any other job on its
 * outputs.
 */
#pragma once

#include <adwaita.h>

#include "jd-client.h"
#include "jd-job.h"

G_BEGIN_DECLS

#define JD_TYPE_JOB_VIEW (jd_job_view_get_type ())
G_DECLARE_FINAL_TYPE (JdJobView, jd_job_view, JD, JOB_VIEW, AdwBin)

GtkWidget *jd_job_view_new                  (void);
JdJob     *jd_job_view_get_job              (JdJobView *self);
void       jd_job_view_set_job              (JdJobView *self,
                                             JdJob     *job);
/* Status first: the job was shown from an answer without its messages,
 * and the full answer is on its way. Meanwhile the Messages tab (and the
 * lead of a failed job) say "Loading messages…"; setting the job again
 * ends it. */
void       jd_job_view_set_messages_pending (JdJobView *self,
                                             gboolean   pending);
gboolean   jd_job_view_get_messages_pending (JdJobView *self);
/* The full answer did not come: says so in the Messages tab, in a sentence. */
void       jd_job_view_messages_failed      (JdJobView  *self,
                                             const char *sentence);
JdClient  *jd_job_view_get_client           (JdJobView *self);
void       jd_job_view_set_client           (JdJobView *self,
                                             JdClient  *client);
/* Where the message filter is kept ("message-filter"); may be NULL. */
GSettings *jd_job_view_get_settings         (JdJobView *self);
void       jd_job_view_set_settings         (JdJobView *self,
                                             GSettings *settings);
/* Writes every message of the job (not only those the filter shows) as
 * CSV to file on a worker thread, then says so in a toast; what
 * "Save Messages as CSV…" does after its file chooser. */
void       jd_job_view_save_messages_csv_to (JdJobView *self,
                                             GFile     *file);
/* Copies every output file name, one per line; FALSE when there is none. */
gboolean   jd_job_view_copy_all_file_names  (JdJobView *self);

/* "19 September 2024, 12:02 (2 months ago)": local time, and how long
 * before now. */
char      *jd_job_view_format_created       (GDateTime *created,
                                             GDateTime *now);
/* "just now", "5 minutes ago", "yesterday", "2 months ago"; "in the
 * future" for a time after now (clocks disagree). */
char      *jd_job_view_format_relative      (GDateTime *time,
                                             GDateTime *now);

G_END_DECLS
