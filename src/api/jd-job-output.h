/* jd-job-output.h: one output file of a job, with the formats it can be
 * downloaded in.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define JD_TYPE_JOB_OUTPUT (jd_job_output_get_type ())
G_DECLARE_FINAL_TYPE (JdJobOutput, jd_job_output, JD, JOB_OUTPUT, GObject)

JdJobOutput        *jd_job_output_new           (const char         *id,
                                                 const char         *file_name,
                                                 const char * const *formats);
const char         *jd_job_output_get_id        (JdJobOutput *self);
const char         *jd_job_output_get_file_name (JdJobOutput *self);
const char * const *jd_job_output_get_formats   (JdJobOutput *self);

G_END_DECLS
