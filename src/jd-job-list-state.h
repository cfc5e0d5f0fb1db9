/* jd-job-list-state.h: what a job list shows (JdJobList and the pages
 * built on it): an enum, so that callers compare values, not the names
 * of stack pages. */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  JD_JOB_LIST_STATE_SIGNED_OUT,
  JD_JOB_LIST_STATE_IDLE,         /* nothing asked for yet */
  JD_JOB_LIST_STATE_LOADING,      /* the spinner: a slow answer on its way */
  JD_JOB_LIST_STATE_JOBS,
  JD_JOB_LIST_STATE_NO_JOBS,      /* none, or none that could be read */
  JD_JOB_LIST_STATE_ERROR,
  JD_JOB_LIST_STATE_UNAVAILABLE,  /* the Server has no such list for us */
} JdJobListState;

GType jd_job_list_state_get_type (void);
#define JD_TYPE_JOB_LIST_STATE (jd_job_list_state_get_type ())

G_END_DECLS
