/* jd-job-view-fixture.h: what the job view's tests share: a job view in
 * a window of its own against the sample server, and ways to look into it. */
#pragma once

#include "jd-job-view.h"
#include "jd-lookup-page.h"
#include "jd-ui-test-util.h"

G_BEGIN_DECLS

#define WAIT_MS 20000

typedef struct
{
  JdApplication *app;
  JdDemoServer  *server;
  JdClient      *client;
  GtkWindow     *window;
  GtkWidget     *overlay;
  JdJobView     *view;
  JdJob         *job;
} Fixture;

typedef struct
{
  JdJob    *job;
  GError   *error;
  gboolean  done;
} JobWait;

/* For jd_client_get_job_async () with a JobWait. */
void        on_job_cb          (GObject       *source,
                                GAsyncResult  *result,
                                gpointer       user_data);
gboolean    job_wait_done      (gpointer       data);
/* A job over real HTTP, as the lookup page gets it. */
JdJob      *fetch_job          (JdClient      *client,
                                const char    *id,
                                gboolean       include_messages);

/* data: GINT_TO_POINTER (TRUE) for the viewer account */
void        fixture_set_up     (Fixture       *fixture,
                                gconstpointer  data);
void        fixture_tear_down  (Fixture       *fixture,
                                gconstpointer  data);
void        show_job           (Fixture       *fixture,
                                const char    *id,
                                gboolean       include_messages);
GtkWidget  *find               (Fixture       *fixture,
                                const char    *id);
const char *label_text         (Fixture       *fixture,
                                const char    *id);
gboolean    wait_for_toast     (Fixture       *fixture,
                                const char    *text);
GPtrArray  *wait_for_rows      (GtkWidget     *list,
                                GType          type,
                                guint          count);
GListModel *filter_model       (Fixture       *fixture);
const char *stack_page         (Fixture       *fixture,
                                const char    *stack_id);
/* Clicks a response of the confirmation, as the user would. */
void        respond            (Fixture       *fixture,
                                const char    *label);
/* For jd_ui_test_wait_for () with a Fixture: the 5,000 messages of
 * JD_DEMO_JOB_MANY_MESSAGES are in the job and the list. */
gboolean    messages_loaded    (gpointer       data);
/* For jd_ui_test_wait_for () with a JdLookupPage. */
gboolean    lookup_shows_job   (gpointer       data);

void        screenshot_window  (GtkWindow     *window,
                                const char    *dir,
                                const char    *name);
void        screenshot         (Fixture       *fixture,
                                const char    *dir,
                                const char    *name);

G_END_DECLS
