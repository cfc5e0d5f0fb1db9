/* jd-job-list-state.c: the GType of JdJobListState. */
#include "config.h"

#include "jd-job-list-state.h"

G_DEFINE_ENUM_TYPE (JdJobListState, jd_job_list_state,
                    G_DEFINE_ENUM_VALUE (JD_JOB_LIST_STATE_SIGNED_OUT, "signed-out"),
                    G_DEFINE_ENUM_VALUE (JD_JOB_LIST_STATE_IDLE, "idle"),
                    G_DEFINE_ENUM_VALUE (JD_JOB_LIST_STATE_LOADING, "loading"),
                    G_DEFINE_ENUM_VALUE (JD_JOB_LIST_STATE_JOBS, "jobs"),
                    G_DEFINE_ENUM_VALUE (JD_JOB_LIST_STATE_NO_JOBS, "no-jobs"),
                    G_DEFINE_ENUM_VALUE (JD_JOB_LIST_STATE_ERROR, "error"),
                    G_DEFINE_ENUM_VALUE (JD_JOB_LIST_STATE_UNAVAILABLE, "unavailable"))
