/* jd-fuzz.h: what the fuzz targets share. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The first byte of a fuzz-json-reader input picks the reader. */
typedef enum
{
  JD_FUZZ_JOB,
  JD_FUZZ_MESSAGES,
  JD_FUZZ_WORKFLOW_JOBS,
  JD_FUZZ_JOB_PAGE,
  JD_FUZZ_WORKFLOWS,
  JD_FUZZ_TOKEN,
  JD_FUZZ_ERROR_MESSAGE,
  JD_FUZZ_DATE,
  JD_FUZZ_WORKFLOW,
  JD_FUZZ_DURATION,
  JD_FUZZ_N_READERS
} JdFuzzReader;

G_END_DECLS
