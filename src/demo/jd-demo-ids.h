/* jd-demo-ids.h: the names the sample server answers to: its accounts,
 * jobs, workflows and users. The data (jd-demo-data.c) builds its tables
 * with them and the tests look them up; neither needs the server for it.
 */
#pragma once

/* Sample credentials: a Curator, and a user who is not one. */
#define JD_DEMO_API_KEY           "demo"
#define JD_DEMO_API_SECRET        "demo"
#define JD_DEMO_VIEWER_API_KEY    "viewer"
#define JD_DEMO_VIEWER_API_SECRET "viewer"

/* Sample jobs (24 hexadecimal characters each). */
#define JD_DEMO_JOB_SUCCESS        "66ebd18d3d6200007e000d8c" /* Completed, Success, outputs, a few messages */
#define JD_DEMO_JOB_WARNING        "66ebd18d3d6200007e000d8d" /* Completed, Warning */
#define JD_DEMO_JOB_ERROR          "66ebd18d3d6200007e000d8e" /* Completed, Error */
#define JD_DEMO_JOB_FAILED         "66ebd18d3d6200007e000d8f" /* status Error */
#define JD_DEMO_JOB_CANCELLED      "66ebd18d3d6200007e000d90" /* Cancelled, Cancelled */
#define JD_DEMO_JOB_QUEUED         "66ebd18d3d6200007e000d91" /* Queued, None */
#define JD_DEMO_JOB_RUNNING        "66ebd18d3d6200007e000d92" /* Running, None */
#define JD_DEMO_JOB_CREATED        "66ebd18d3d6200007e000d93" /* Created */
#define JD_DEMO_JOB_INITIALIZING   "66ebd18d3d6200007e000d94" /* Initializing */
#define JD_DEMO_JOB_NO_MESSAGES    "66ebd18d3d6200007e000d95" /* Completed, Success, no messages */
#define JD_DEMO_JOB_MANY_MESSAGES  "66ebd18d3d6200007e000d96" /* 5,000 messages of every severity */
#define JD_DEMO_JOB_HUGE           "66ebd18d3d6200007e000d97" /* 100,000 messages, about 11 MB */
#define JD_DEMO_JOB_PROGRESSING    "66ebd18d3d6200007e000d98" /* Queued -> Running -> Completed */
#define JD_DEMO_JOB_SPARSE         "66ebd18d3d6200007e000d99" /* most fields missing, "Complete", unknown priority */
#define JD_DEMO_JOB_LONG_QUEUED    "66ebd18d3d6200007e000d9a" /* Queued since June 2024: no worker has its tag */
#define JD_DEMO_JOB_UNKNOWN        "000000000000000000000000" /* never exists: 404 */

/* Sample workflows, each with more than 60 jobs. GET /v3/workflows/{id}
 * answers the Curator, and refuses the other account with 403. */
#define JD_DEMO_WORKFLOW_SALES     "5f3a0c9e1b2d4e0012345678"
#define JD_DEMO_WORKFLOW_INVENTORY "5f3a0c9e1b2d4e0012345679"

/* The users the sample accounts sign in as. A PagedJobSummaryView names
 * who submitted a job (submittedBy); GET /v3/jobs lists the caller's own
 * jobs unless it asks for allUsers or names users (by ID or name). */
#define JD_DEMO_USER_CURATOR_ID    "5e1f2a3b4c5d6e7f80910a1b"
#define JD_DEMO_USER_CURATOR_NAME  "Dana Whitfield"
#define JD_DEMO_USER_VIEWER_ID     "5e1f2a3b4c5d6e7f80910a1e"
#define JD_DEMO_USER_VIEWER_NAME   "Lukas Brandt"
