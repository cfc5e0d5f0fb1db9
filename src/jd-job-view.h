/* jd-job-view.h: everything about one job: summary, outputs, messages. */
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
JdClient  *jd_job_view_get_client           (JdJobView *self);
void       jd_job_view_set_client           (JdJobView *self,
                                             JdClient  *client);
/* Where the message filter is kept ("message-filter"); may be NULL. */
GSettings *jd_job_view_get_settings         (JdJobView *self);
void       jd_job_view_set_settings         (JdJobView *self,
                                             GSettings *settings);
/* Copies every output file name, one per line; FALSE when there is none. */
gboolean   jd_job_view_copy_all_file_names  (JdJobView *self);

/* "19 September 2024, 12:02 (2 months ago)": local time, and how long
 * before now. */
char      *jd_job_view_format_created       (GDateTime *created,
                                             GDateTime *now);
/* "just now", "5 minutes ago", "yesterday", "2 months ago"; NULL for a
 * time after now (clocks disagree). */
char      *jd_job_view_format_relative      (GDateTime *time,
                                             GDateTime *now);

G_END_DECLS
