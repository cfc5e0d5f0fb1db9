/* jd-lookup-page-private.h: the lookup page's insides, shared by its
 * parts: the lookup itself (jd-lookup-page.c), the recent lookups
 * (jd-lookup-page-recent.c) and following a job (jd-lookup-page-follow.c). */
#pragma once

#include "jd-followed-jobs.h"
#include "jd-job-view.h"
#include "jd-lookup-page.h"

G_BEGIN_DECLS

struct _JdLookupPage
{
  AdwBin        parent_instance;

  GtkEntry     *job_entry;
  GtkRevealer  *entry_error_revealer;
  GtkLabel     *entry_error_label;
  GtkMenuButton *recent_button;
  GtkPopover   *recent_popover;
  GtkListBox   *recent_popover_list;
  GtkListBox   *recent_list;
  GtkWidget    *recent_box;
  GtkStack     *state_stack;
  GtkSpinner   *spinner;
  GtkLabel     *loading_label;
  AdwStatusPage *error_page;
  GtkWidget    *retry_button;
  GtkWidget    *sign_in_again_button;
  AdwBin       *job_view_bin;
  JdJobView    *job_view;     /* built with the first job */
  GtkRevealer  *follow_revealer;
  GtkSpinner   *follow_spinner;
  GtkImage     *follow_icon;
  GtkLabel     *follow_title;
  GtkLabel     *follow_detail;
  GtkButton    *follow_button;

  JdClient     *client;
  GSettings    *settings;
  JdHistory    *history;
  JdFollowedJobs *followed_jobs;
  JdJobFollower *follower;
  guint         follow_tick;
  GCancellable *cancellable;
  GCancellable *messages_cancellable; /* the full answer, after the status */
  guint         spinner_timeout;
  char         *current_id;
  char         *pending_id;     /* asked for while signed out */
  gboolean      look_up_when_mapped;  /* a restored tab, not shown yet */
  JdJob        *job;
  JdLookupState state;
  gboolean      failed_offline; /* the last lookup found no network */
};

/* jd-lookup-page.c: its parts ask it to act through its actions,
 * "lookup-page.look-up-id" (s) and "lookup-page.show-followed-job". */

/* jd-lookup-page-recent.c */
void           jd_lookup_page_update_recent     (JdLookupPage   *self);
void           jd_lookup_page_on_history_changed (JdLookupPage  *self);
void           jd_lookup_page_class_add_recent  (GtkWidgetClass *widget_class);

/* jd-lookup-page-follow.c */
void           jd_lookup_page_set_follower      (JdLookupPage   *self,
                                                 JdJobFollower  *follower);
/* A queued or running job is followed as soon as it is shown. */
void           jd_lookup_page_follow_if_active  (JdLookupPage   *self,
                                                 JdJob          *job);
void           jd_lookup_page_class_add_follow  (GtkWidgetClass *widget_class);

G_END_DECLS
