/* jd-job.h: one Alteryx Server job, as the JobView of GET /v3/jobs/{id}.
 *
 * Fields a Server leaves out stay "not given" (NULL strings, a NULL date,
 * has-run-with-e2 FALSE) instead of failing the whole job.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* status is an open set: the raw string is kept; the kind is our reading of it */
typedef enum
{
  JD_JOB_STATE_UNKNOWN,
  JD_JOB_STATE_CREATED,
  JD_JOB_STATE_QUEUED,
  JD_JOB_STATE_INITIALIZING,
  JD_JOB_STATE_RUNNING,
  JD_JOB_STATE_COMPLETED,
  JD_JOB_STATE_CANCELLED,
  JD_JOB_STATE_ERROR,
} JdJobState;

typedef enum
{
  JD_DISPOSITION_UNKNOWN,
  JD_DISPOSITION_NONE,
  JD_DISPOSITION_SUCCESS,
  JD_DISPOSITION_WARNING,
  JD_DISPOSITION_ERROR,
  JD_DISPOSITION_CANCELLED,
} JdDisposition;

#define JD_TYPE_JOB (jd_job_get_type ())
G_DECLARE_FINAL_TYPE (JdJob, jd_job, JD, JOB, GObject)

const char    *jd_job_get_id               (JdJob *self);
const char    *jd_job_get_app_id           (JdJob *self);
GDateTime     *jd_job_get_created          (JdJob *self);
const char    *jd_job_get_status           (JdJob *self);
JdJobState     jd_job_get_state            (JdJob *self);
const char    *jd_job_get_disposition      (JdJob *self);
JdDisposition  jd_job_get_disposition_kind (JdJob *self);
const char    *jd_job_get_priority         (JdJob *self);
const char    *jd_job_get_worker_tag       (JdJob *self);
gboolean       jd_job_get_has_run_with_e2  (JdJob *self);
gboolean       jd_job_get_run_with_e2      (JdJob *self);
GListModel    *jd_job_get_outputs          (JdJob *self);
GListModel    *jd_job_get_messages         (JdJob *self);
gboolean       jd_job_get_messages_included (JdJob *self);
void           jd_job_set_messages         (JdJob      *self,
                                            GListModel *messages);
gboolean       jd_job_is_finished          (JdJob *self);
/* Elements of the Server's answer that could not be read: the UI says
 * "2 outputs could not be read" instead of leaving them out silently. */
guint          jd_job_get_n_unreadable_outputs  (JdJob *self);
guint          jd_job_get_n_unreadable_messages (JdJob *self);
/* The Server's answer the job was read from (GET /v3/jobs/{id}), as it
 * came; NULL when the job was made otherwise. */
GBytes        *jd_job_get_raw_json         (JdJob *self);

JdJobState     jd_job_state_from_string       (const char *status);
JdDisposition  jd_disposition_from_string     (const char *disposition);

G_END_DECLS
