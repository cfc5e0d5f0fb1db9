/* jd-job-summary-private.h: what only the JSON readers (and the tests that
 * build jobs by hand) use to fill a JdJobSummary or a JdJob. The UI reads
 * jobs; it never writes them. */
#pragma once

#include "jd-job-summary.h"
#include "jd-job.h"

G_BEGIN_DECLS

JdJobSummary *jd_job_summary_new                (const char   *id);
void          jd_job_summary_set_id             (JdJobSummary *self,
                                                 const char   *id);
void          jd_job_summary_set_created        (JdJobSummary *self,
                                                 GDateTime    *created);
void          jd_job_summary_set_status         (JdJobSummary *self,
                                                 const char   *status);
void          jd_job_summary_set_disposition    (JdJobSummary *self,
                                                 const char   *disposition);
void          jd_job_summary_set_priority       (JdJobSummary *self,
                                                 const char   *priority);
void          jd_job_summary_set_worker_tag     (JdJobSummary *self,
                                                 const char   *worker_tag);
void          jd_job_summary_set_run_with_e2    (JdJobSummary *self,
                                                 gboolean      run_with_e2);
void          jd_job_summary_set_workflow_name  (JdJobSummary *self,
                                                 const char   *name);
void          jd_job_summary_set_workflow_id    (JdJobSummary *self,
                                                 const char   *workflow_id);
void          jd_job_summary_set_submitted_by   (JdJobSummary *self,
                                                 const char   *submitted_by);
void          jd_job_summary_set_queue_time     (JdJobSummary *self,
                                                 GDateTime    *queue_time);
void          jd_job_summary_set_start_time     (JdJobSummary *self,
                                                 GDateTime    *start_time);
/* seconds < 0: the text could not be read */
void          jd_job_summary_set_execution_time (JdJobSummary *self,
                                                 const char   *text,
                                                 double        seconds);

JdJob        *jd_job_new                        (const char   *id);
void          jd_job_set_app_id                 (JdJob        *self,
                                                 const char   *app_id);
void          jd_job_set_outputs                (JdJob        *self,
                                                 GListModel   *outputs);
void          jd_job_set_raw_json               (JdJob        *self,
                                                 GBytes       *raw_json);
void          jd_job_set_n_unreadable_outputs   (JdJob        *self,
                                                 guint         n_unreadable);

G_END_DECLS
