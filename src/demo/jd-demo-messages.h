/* jd-demo-messages.h: the messages of the sample jobs (jd-demo-messages.c),
 * as the engine writes them.
 */
#pragma once

#include <glib.h>

#include "jd-demo-job.h"

G_BEGIN_DECLS

/* The messages array as the job shows it in @status (a job cancelled by a
 * request gets a closing message; the progressing job grows). */
GBytes                *jd_demo_data_build_messages     (const JdDemoJob      *job,
                                                        const char           *status,
                                                        guint                *n_messages);
/* How many messages that array has, without writing it. */
guint                  jd_demo_data_count_messages     (const JdDemoJob      *job,
                                                        const char           *status);
/* How many messages JD_DEMO_JOB_HUGE has: 100,000, or what the
 * environment variable JD_DEMO_HUGE_MESSAGES (1 to 5,000,000) says when
 * the process first asks (the benchmark's million-message job). */
guint                  jd_demo_data_huge_count         (void);
/* FALSE when the job's JSON never has a "messages" member. */
gboolean               jd_demo_data_job_has_messages   (const JdDemoJob      *job);

G_END_DECLS
