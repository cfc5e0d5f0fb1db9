/* jd-job-private.h: what only the JSON readers use to fill a JdJob. */
#pragma once

#include "jd-job.h"

G_BEGIN_DECLS

JdJob *jd_job_new                 (const char *id);
void   jd_job_set_app_id          (JdJob      *self,
                                   const char *app_id);
void   jd_job_set_created         (JdJob      *self,
                                   GDateTime  *created);
void   jd_job_set_status          (JdJob      *self,
                                   const char *status);
void   jd_job_set_disposition     (JdJob      *self,
                                   const char *disposition);
void   jd_job_set_priority        (JdJob      *self,
                                   const char *priority);
void   jd_job_set_worker_tag      (JdJob      *self,
                                   const char *worker_tag);
void   jd_job_set_run_with_e2     (JdJob      *self,
                                   gboolean    run_with_e2);
void   jd_job_set_outputs         (JdJob      *self,
                                   GListModel *outputs);
void   jd_job_set_raw_json        (JdJob      *self,
                                   GBytes     *raw_json);
void   jd_job_set_n_unreadable_outputs (JdJob *self,
                                        guint  n_unreadable);

G_END_DECLS
