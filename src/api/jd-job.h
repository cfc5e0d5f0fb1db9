/* jd-job.h: one Alteryx Server job, as the JobView of GET /v3/jobs/{id}:
 * its summary (JdJobSummary: status, disposition, ...) with the workflow
 * it ran (app-id), its outputs, messages and the answer's JSON.
 *
 * Fields a Server leaves out stay "not given" instead of failing the
 * whole job.
 */
#pragma once

#include <gio/gio.h>

#include "jd-job-summary.h"

G_BEGIN_DECLS

#define JD_TYPE_JOB (jd_job_get_type ())
G_DECLARE_FINAL_TYPE (JdJob, jd_job, JD, JOB, JdJobSummary)

const char    *jd_job_get_app_id           (JdJob *self);
GListModel    *jd_job_get_outputs          (JdJob *self);
GListModel    *jd_job_get_messages         (JdJob *self);
gboolean       jd_job_get_messages_included (JdJob *self);
void           jd_job_set_messages         (JdJob      *self,
                                            GListModel *messages);
/* Elements of the Server's answer that could not be read: the UI says
 * "2 outputs could not be read" instead of leaving them out silently. */
guint          jd_job_get_n_unreadable_outputs  (JdJob *self);
guint          jd_job_get_n_unreadable_messages (JdJob *self);
/* The Server's answer the job was read from (GET /v3/jobs/{id}), as it
 * came; NULL when the job was made otherwise. */
GBytes        *jd_job_get_raw_json         (JdJob *self);


G_END_DECLS
