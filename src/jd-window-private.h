/* jd-window-private.h: the window's parts, for the tests. */
#pragma once

#include "jd-lookup-page.h"
#include "jd-window.h"
#include "jd-workflow-page.h"

G_BEGIN_DECLS

JdLookupPage   *jd_window_get_lookup_page    (JdWindow *self);
JdWorkflowPage *jd_window_get_workflow_page  (JdWindow *self);
GtkWindow      *jd_window_get_sign_in_dialog (JdWindow *self);
AdwViewStack   *jd_window_get_view_stack     (JdWindow *self);

G_END_DECLS
