/* test-ui-a11y.c: every control the user can reach has an accessible name.
 *
 * DESIGN §3: "Every control has an accessible name". Each case brings the
 * real window (or the sign-in dialog) into one state against the sample
 * server, then sweeps its widget tree: every mapped interactive control
 * (buttons of every kind, menu and split buttons, check buttons, switches,
 * drop-downs, entries, spin buttons, entry rows, scales) must have a name,
 * and the case fails listing every one that has none, with its type,
 * template id and place in the tree.
 *
 * A name is the accessible label property, a labelled-by relation to a
 * widget that has text (GTK 4.8 says an icon-only button is labelled by
 * its own nameless icon: that is no name), or text the control shows: a
 * button's label (or a label inside it), a check button's label, an entry
 * row's title. The insides of library composites (window controls, tab
 * bar, view switchers, popover menus, the text inside entries, entry rows,
 * drop-downs, spin buttons, scrollbars, toasts) are the library's business:
 * the sweep checks the composite where it is a control and does not
 * descend into it. Each control checked is logged with its name. */
#include "config.h"

#include <string.h>

#include "jd-broken-server.h"
#include "jd-job-view.h"
#include "jd-lookup-page.h"
#include "jd-message-row.h"
#include "jd-output-row.h"
#include "jd-sign-in-dialog.h"
#include "jd-ui-test-util.h"
#include "jd-window.h"
#include "jd-window-private.h"

#define WAIT_MS 20000

/* ------------------------------------------------------------------ */
/* The sweep                                                           */

typedef struct
{
  GtkWidget  *root;
  GPtrArray  *offenders;  /* char *: one line each */
  GHashTable *checked_ids; /* template ids of the controls checked */
  guint       n_checked;
} Sweep;

static gboolean
is_control (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) ||          /* toggle, link, … buttons too */
         GTK_IS_MENU_BUTTON (widget) ||
         GTK_IS_CHECK_BUTTON (widget) ||
         GTK_IS_SWITCH (widget) ||
         GTK_IS_DROP_DOWN (widget) ||
         GTK_IS_ENTRY (widget) ||
         GTK_IS_SEARCH_ENTRY (widget) ||
         GTK_IS_PASSWORD_ENTRY (widget) ||
         GTK_IS_SPIN_BUTTON (widget) ||
         ADW_IS_ENTRY_ROW (widget) ||        /* and AdwPasswordEntryRow */
         ADW_IS_SPLIT_BUTTON (widget) ||
         GTK_IS_SCALE (widget);
}

/* Library composites that are no control themselves, and whose parts are
 * the library's business. */
static gboolean
is_library_internal (GtkWidget *widget)
{
  static GType toast_widget;

  if (toast_widget == 0)
    toast_widget = g_type_from_name ("AdwToastWidget");

  return GTK_IS_WINDOW_CONTROLS (widget) ||
         ADW_IS_VIEW_SWITCHER (widget) ||
         ADW_IS_VIEW_SWITCHER_TITLE (widget) ||
         ADW_IS_VIEW_SWITCHER_BAR (widget) ||
         GTK_IS_POPOVER_MENU (widget) ||
         GTK_IS_SCROLLBAR (widget) ||
         GTK_IS_TEXT (widget) ||
         (toast_widget != 0 && G_TYPE_CHECK_INSTANCE_TYPE (widget, toast_widget));
}

static gboolean
non_empty (const char *text)
{
  return text != NULL && *text != '\0';
}

/* The label property, if set and not empty. */
static char *
label_property (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);

  if (!gtk_test_accessible_has_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL))
    return NULL;

  /* NULL when the label equals "", else the label as it is */
  return gtk_test_accessible_check_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL, "");
}

/* Text the control shows: a label (or a button content) inside it. */
static const char *
text_inside (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *text = NULL;

      if (GTK_IS_LABEL (child))
        text = gtk_label_get_text (GTK_LABEL (child));
      else if (ADW_IS_BUTTON_CONTENT (child))
        text = adw_button_content_get_label (ADW_BUTTON_CONTENT (child));
      if (non_empty (text))
        return text;

      text = text_inside (child);
      if (text != NULL)
        return text;
    }

  return NULL;
}

/* A widget that names another by a labelled-by relation must have text
 * to give: GTK 4.8 says an icon button is labelled by its own icon. */
static gboolean
gives_a_name (GtkWidget *widget)
{
  g_autofree char *label = label_property (widget);

  if (label != NULL)
    return TRUE;
  if (GTK_IS_LABEL (widget))
    return non_empty (gtk_label_get_text (GTK_LABEL (widget)));
  return text_inside (widget) != NULL;
}

/* The widget of tree that refs (the relation as GTK prints it: "Type<0x…>"
 * for each widget) names and that has text to give, or NULL. */
static GtkWidget *
find_labeller (GtkWidget  *tree,
               const char *refs)
{
  g_autofree char *printed = g_strdup_printf ("%s<%p>", G_OBJECT_TYPE_NAME (tree), (gpointer) tree);

  if (strstr (refs, printed) != NULL && gives_a_name (tree))
    return tree;

  for (GtkWidget *child = gtk_widget_get_first_child (tree);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_labeller (child, refs);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The widget that labels this one by a labelled-by relation and has text,
 * or NULL. */
static GtkWidget *
labelled_by (GtkWidget *widget)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);
  g_autofree char *refs = NULL;

  if (!gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return NULL;

  /* NULL when the list is empty, else the list as it is */
  refs = gtk_test_accessible_check_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY, NULL);
  if (refs == NULL)
    return NULL;
  return find_labeller (GTK_WIDGET (gtk_widget_get_root (widget)), refs);
}

/* How the control is named ("label “Copy job ID”", …), or NULL. */
static char *
describe_name (GtkWidget *widget)
{
  g_autofree char *label = label_property (widget);
  GtkWidget *labeller;
  const char *shown = NULL;

  if (label != NULL)
    return g_strdup_printf ("label “%s”", label);
  labeller = labelled_by (widget);
  if (labeller != NULL)
    {
      g_autofree char *given = label_property (labeller);

      if (given == NULL && GTK_IS_LABEL (labeller))
        given = g_strdup (gtk_label_get_text (GTK_LABEL (labeller)));
      if (given == NULL)
        given = g_strdup (text_inside (labeller));
      return g_strdup_printf ("labelled by %s “%s”", G_OBJECT_TYPE_NAME (labeller), given);
    }

  if (GTK_IS_BUTTON (widget))
    shown = gtk_button_get_label (GTK_BUTTON (widget));
  else if (GTK_IS_MENU_BUTTON (widget))
    shown = gtk_menu_button_get_label (GTK_MENU_BUTTON (widget));
  else if (ADW_IS_SPLIT_BUTTON (widget))
    shown = adw_split_button_get_label (ADW_SPLIT_BUTTON (widget));
  else if (GTK_IS_CHECK_BUTTON (widget))
    shown = gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));
  else if (ADW_IS_ENTRY_ROW (widget))
    {
      shown = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
      return non_empty (shown) ? g_strdup_printf ("title “%s”", shown) : NULL;
    }
  else
    return NULL;

  if (non_empty (shown))
    return g_strdup_printf ("shows “%s”", shown);
  /* Labels inside a button of other content (a box of a label and a
   * count) do not name it: GTK 4.8 then gives its type name,
   * "GtkToggleButton", to screen readers. */
  return NULL;
}

/* The id the template or .ui file gave it; not GtkBuilder's own
 * "___object_N___" for objects without one. */
static const char *
template_id (GtkWidget *widget)
{
  const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget));

  return id != NULL && !g_str_has_prefix (id, "___object_") ? id : NULL;
}

/* "JdWindow > AdwToastOverlay#toast_overlay > GtkBox[0] > …": each step
 * with its template id, or else its place among its siblings. */
static char *
describe_place (GtkWidget *widget,
                GtkWidget *root)
{
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func (g_free);
  GString *path = g_string_new (NULL);

  for (GtkWidget *w = widget; w != NULL; w = gtk_widget_get_parent (w))
    {
      const char *id = template_id (w);
      GtkWidget *parent = gtk_widget_get_parent (w);

      if (id != NULL)
        g_ptr_array_add (steps, g_strdup_printf ("%s#%s", G_OBJECT_TYPE_NAME (w), id));
      else if (parent != NULL && w != root)
        {
          guint index = 0;

          for (GtkWidget *s = gtk_widget_get_first_child (parent); s != w; s = gtk_widget_get_next_sibling (s))
            index++;
          g_ptr_array_add (steps, g_strdup_printf ("%s[%u]", G_OBJECT_TYPE_NAME (w), index));
        }
      else
        g_ptr_array_add (steps, g_strdup (G_OBJECT_TYPE_NAME (w)));

      if (w == root)
        break;
    }

  for (guint i = steps->len; i > 0; i--)
    {
      g_string_append (path, steps->pdata[i - 1]);
      if (i > 1)
        g_string_append (path, " > ");
    }

  return g_string_free (path, FALSE);
}

/* A label inside widget with a mnemonic for button (or a button content
 * with one). */
static gboolean
has_mnemonic_label (GtkWidget *widget,
                    GtkWidget *button)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_label_get_use_underline (GTK_LABEL (child)) &&
          gtk_label_get_mnemonic_widget (GTK_LABEL (child)) == button)
        return TRUE;
      if (ADW_IS_BUTTON_CONTENT (child) && adw_button_content_get_use_underline (ADW_BUTTON_CONTENT (child)))
        return TRUE;
      if (has_mnemonic_label (child, button))
        return TRUE;
    }
  return FALSE;
}

/* GTK 4.8 reads a button with a mnemonic label and a label property by
 * both: "Cancel Cancel", "_Look Up Look Up" (src/jd-accessible.c). */
static gboolean
named_twice (GtkWidget *widget)
{
  return GTK_IS_BUTTON (widget) && has_mnemonic_label (widget, widget) &&
         gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
check_control (Sweep     *sweep,
               GtkWidget *widget)
{
  const char *id = template_id (widget);
  g_autofree char *name = named_twice (widget) ? NULL : describe_name (widget);

  sweep->n_checked++;
  if (id != NULL)
    g_hash_table_add (sweep->checked_ids, g_strdup (id));

  if (name != NULL)
    g_test_message ("  %s#%s: %s", G_OBJECT_TYPE_NAME (widget), id != NULL ? id : "-", name);
  else
    {
      g_autofree char *place = describe_place (widget, sweep->root);
      const char *tooltip = gtk_widget_get_tooltip_text (widget);
      g_autofree char *hint = tooltip != NULL ? g_strdup_printf (", tooltip “%s”", tooltip) : g_strdup ("");

      g_ptr_array_add (sweep->offenders,
                       g_strdup_printf ("%s (id %s%s) at %s",
                                        G_OBJECT_TYPE_NAME (widget), id != NULL ? id : "none", hint, place));
    }
}

static void sweep_widget (Sweep     *sweep,
                          GtkWidget *widget);

static void
sweep_children (Sweep     *sweep,
                GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    sweep_widget (sweep, child);
}

static void
sweep_widget (Sweep     *sweep,
              GtkWidget *widget)
{
  /* What is not on screen cannot be met, nor anything inside it. */
  if (!gtk_widget_get_mapped (widget))
    return;

  if (is_control (widget))
    {
      /* the composite itself, not its parts */
      check_control (sweep, widget);
      return;
    }

  if (is_library_internal (widget))
    return;

  if (ADW_IS_TAB_BAR (widget))
    {
      /* the tabs are the library's; the action widgets are ours */
      GtkWidget *start = adw_tab_bar_get_start_action_widget (ADW_TAB_BAR (widget));
      GtkWidget *end = adw_tab_bar_get_end_action_widget (ADW_TAB_BAR (widget));

      if (start != NULL)
        sweep_widget (sweep, start);
      if (end != NULL)
        sweep_widget (sweep, end);
      return;
    }

  if (GTK_IS_POPOVER (widget))
    {
      /* only what was put in it */
      GtkWidget *child = gtk_popover_get_child (GTK_POPOVER (widget));

      if (child != NULL)
        sweep_widget (sweep, child);
      return;
    }

  sweep_children (sweep, widget);
}

/* Sweeps root; fails the test listing every control without a name. The
 * controls with these template ids must have been among those checked, so
 * that a case cannot pass by not showing what it is about. Returns how
 * many controls were checked. */
/* Some widget below root with this template id is on screen. */
static gboolean
mapped_with_id (GtkWidget  *root,
                const char *id)
{
  if (!gtk_widget_get_mapped (root))
    return FALSE;
  if (g_strcmp0 (template_id (root), id) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (mapped_with_id (child, id))
      return TRUE;

  return FALSE;
}

typedef struct
{
  GtkWidget         *root;
  const char *const *ids;
} ShownWait;

static gboolean
all_shown (gpointer data)
{
  ShownWait *wait = data;

  for (guint i = 0; wait->ids != NULL && wait->ids[i] != NULL; i++)
    if (!mapped_with_id (wait->root, wait->ids[i]))
      return FALSE;
  return TRUE;
}

static guint
assert_all_named (GtkWidget  *root,
                  const char *const *expected_ids)
{
  Sweep sweep = { root, g_ptr_array_new_with_free_func (g_free),
                  g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL), 0 };
  ShownWait shown = { root, expected_ids };

  /* Let lists and revealers settle into what the user sees: what the case
   * is about on screen (slower under sanitizers), then a little more. */
  jd_ui_test_wait_for (all_shown, &shown, 5000);
  jd_ui_test_spin (300);
  g_assert_true (gtk_widget_get_mapped (root));
  sweep_widget (&sweep, root);

  g_test_message ("%u controls checked in %s, %u without a name",
                  sweep.n_checked, G_OBJECT_TYPE_NAME (root), sweep.offenders->len);
  for (guint i = 0; i < sweep.offenders->len; i++)
    g_test_message ("no accessible name: %s", (const char *) sweep.offenders->pdata[i]);

  for (guint i = 0; expected_ids != NULL && expected_ids[i] != NULL; i++)
    if (!g_hash_table_contains (sweep.checked_ids, expected_ids[i]))
      g_test_fail_printf ("the sweep did not meet the control “%s”: is it shown?", expected_ids[i]);

  if (sweep.offenders->len > 0)
    g_test_fail_printf ("%u controls without an accessible name (listed above)", sweep.offenders->len);

  g_ptr_array_unref (sweep.offenders);
  g_hash_table_unref (sweep.checked_ids);
  return sweep.n_checked;
}

/* ------------------------------------------------------------------ */
/* The window against the sample server                                */

typedef struct
{
  JdApplication *app;
  JdDemoServer  *server;
  JdClient      *client;
  JdWindow      *window;
  JdLookupPage  *page;
} Fixture;

static void
set_up (Fixture *fixture,
        int      width,
        int      height)
{
  fixture->app = jd_ui_test_app_new ();
  fixture->server = jd_ui_test_demo_server_new ();
  fixture->client = jd_ui_test_demo_client_new (fixture->server, FALSE);
  jd_application_set_client (fixture->app, fixture->client);

  fixture->window = jd_application_new_window (fixture->app);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), width, height);
  gtk_window_present (GTK_WINDOW (fixture->window));
  fixture->page = jd_window_get_lookup_page (fixture->window);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  set_up (fixture, 1100, 800);
}

/* As on a phone: squeezed buttons show their icons alone. */
static void
fixture_set_up_narrow (Fixture       *fixture,
                       gconstpointer  data)
{
  set_up (fixture, 360, 720);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (fixture->app));
       l != NULL;
       l = gtk_application_get_windows (GTK_APPLICATION (fixture->app)))
    gtk_window_destroy (l->data);
  jd_ui_test_spin (50);
  jd_application_set_client (fixture->app, NULL);
  g_clear_object (&fixture->client);
  jd_demo_server_stop (fixture->server);
  g_clear_object (&fixture->server);
  g_clear_object (&fixture->app);
}

typedef struct
{
  JdLookupPage *page;
  const char   *state;
  const char   *id;
} PageWait;

static gboolean
page_in_state (gpointer data)
{
  PageWait *wait = data;
  JdJob *job = jd_lookup_page_get_job (wait->page);

  if (g_strcmp0 (jd_lookup_state_to_child_name (jd_lookup_page_get_state (wait->page)), wait->state) != 0)
    return FALSE;
  return wait->id == NULL || (job != NULL && g_strcmp0 (jd_job_get_id (job), wait->id) == 0);
}

/* Looks up id in the current tab and waits for the job (or the error). */
static void
look_up (Fixture    *fixture,
         const char *id,
         const char *state)
{
  PageWait wait = { NULL, state, g_str_equal (state, "job") ? id : NULL };

  jd_window_open_job (fixture->window, id);
  fixture->page = wait.page = jd_window_get_lookup_page (fixture->window);
  g_assert_true (jd_ui_test_wait_for (page_in_state, &wait, WAIT_MS));
}

typedef struct
{
  GtkWidget *root;
  GType      type;
} MappedWait;

static gboolean
mapped_one_of_type (gpointer data)
{
  MappedWait *wait = data;
  g_autoptr(GPtrArray) found = jd_ui_test_find_all (wait->root, wait->type);

  for (guint i = 0; i < found->len; i++)
    if (gtk_widget_get_mapped (found->pdata[i]))
      return TRUE;
  return FALSE;
}

/* Waits until a list shows at least one row of this type. */
static void
wait_for_rows (GtkWidget *root,
               GType      type)
{
  MappedWait wait = { root, type };

  g_assert_true (jd_ui_test_wait_for (mapped_one_of_type, &wait, WAIT_MS));
}

static GtkWidget *
job_view (Fixture *fixture)
{
  GtkWidget *view = jd_ui_test_find_by_type (GTK_WIDGET (fixture->page), JD_TYPE_JOB_VIEW);

  g_assert_nonnull (view);
  return view;
}

/* Opens the menu button's popover and sweeps what was put in it (the
 * window's sweep stops at the menu button, a control). */
static void
assert_popover_named (GtkWidget         *menu_button,
                      const char *const *expected_ids)
{
  GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button));

  g_assert_nonnull (popover);
  gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
  g_assert_true (jd_ui_test_wait_for ((JdUiTestCondition) gtk_widget_get_mapped, popover, WAIT_MS));
  assert_all_named (GTK_WIDGET (popover), expected_ids);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (menu_button));
}

/* A finished job: its header, facts, outputs with their rows, the menus'
 * buttons in the header bar and the job header. */
static void
test_job (Fixture       *fixture,
          gconstpointer  data)
{
  const char *expected[] = {
    "refresh_button", "menu_button", "job_entry", "recent_button", "look_up_button",
    "copy_id_button", "actions_button", "copy_app_id_button", "copy_all_button",
    "save_button", "copy_button", NULL
  };

  look_up (fixture, JD_DEMO_JOB_SUCCESS, "job");
  wait_for_rows (job_view (fixture), JD_TYPE_OUTPUT_ROW);
  assert_all_named (GTK_WIDGET (fixture->window), expected);
}

/* The same, narrow: what squeezes in shows its icon alone. */
static void
test_job_narrow (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *expected[] = { "job_entry", "copy_id_button", "actions_button", "copy_button", NULL };

  look_up (fixture, JD_DEMO_JOB_SUCCESS, "job");
  wait_for_rows (job_view (fixture), JD_TYPE_OUTPUT_ROW);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), <, 500);
  assert_all_named (GTK_WIDGET (fixture->window), expected);
}

/* A queued job, narrow: Remove From Queue as an icon. */
static void
test_queued_job_narrow (Fixture       *fixture,
                        gconstpointer  data)
{
  const char *expected[] = { "remove_job_icon_button", "actions_button", NULL };

  look_up (fixture, JD_DEMO_JOB_QUEUED, "job");
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (fixture->window)), <, 500);
  assert_all_named (GTK_WIDGET (fixture->window), expected);
}

/* While a lookup, or a page of a workflow's jobs, is under way: their
 * Cancel buttons. A server that never answers keeps them there. */
static void
test_loading (Fixture       *fixture,
              gconstpointer  data)
{
  const char *expected[] = { "job_entry", "cancel_button", NULL };
  const char *workflow_expected[] = { "workflow_entry", "cancel_button", NULL };
  g_autoptr(JdBrokenServer) silent = jd_broken_server_new (NULL);
  g_autoptr(JdClient) client = NULL;
  JdWorkflowPage *workflow_page;

  jd_broken_server_set_scenario (silent, "never-answers");
  client = jd_client_new (NULL, jd_broken_server_get_base_url (silent));
  jd_client_set_access_token (client, "t0ken");
  jd_client_set_timeout (client, 300);
  jd_application_set_client (fixture->app, client);

  jd_window_open_job (fixture->window, JD_DEMO_JOB_SUCCESS);
  fixture->page = jd_window_get_lookup_page (fixture->window);
  g_assert_true (jd_ui_test_wait_for_string (fixture->page, "state", "loading", WAIT_MS));
  assert_all_named (GTK_WIDGET (fixture->window), expected);
  g_assert_cmpint (jd_lookup_page_get_state (fixture->page), ==, JD_LOOKUP_STATE_LOADING);
  jd_lookup_page_cancel (fixture->page);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-workflow-jobs", NULL));
  workflow_page = jd_window_get_workflow_page (fixture->window);
  jd_workflow_page_show_workflow (workflow_page, JD_DEMO_WORKFLOW_SALES);
  g_assert_true (jd_workflow_page_is_loading (workflow_page));
  assert_all_named (GTK_WIDGET (fixture->window), workflow_expected);
  g_assert_true (jd_workflow_page_is_loading (workflow_page));
  jd_workflow_page_cancel (workflow_page);

  jd_application_set_client (fixture->app, fixture->client);
  jd_broken_server_stop (silent);
}

/* The Messages page with its filter, search and message rows. */
static void
test_messages (Fixture       *fixture,
               gconstpointer  data)
{
  const char *expected[] = {
    "all_toggle", "errors_toggle", "warnings_toggle", "files_toggle", "info_toggle",
    "search_entry", "copy_button", NULL
  };
  const char *no_match_expected[] = { "search_entry", "all_toggle", NULL };
  GtkWidget *view;

  look_up (fixture, JD_DEMO_JOB_MANY_MESSAGES, "job");
  view = job_view (fixture);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (jd_ui_test_find_by_id (view, "view_stack")), "messages");
  wait_for_rows (view, JD_TYPE_MESSAGE_ROW);
  assert_all_named (GTK_WIDGET (fixture->window), expected);

  /* a search nothing matches: "Show All Messages" */
  gtk_editable_set_text (GTK_EDITABLE (jd_ui_test_find_by_id (view, "search_entry")), "no message says this");
  g_assert_true (jd_ui_test_wait_for_string (jd_ui_test_find_by_id (view, "messages_stack"),
                                             "visible-child-name", "no-match", WAIT_MS));
  assert_all_named (GTK_WIDGET (fixture->window), no_match_expected);
}

/* A running job: the follow bar and Cancel Job. */
static void
test_running_job (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *expected[] = { "follow_button", "cancel_job_button", "actions_button", NULL };

  look_up (fixture, JD_DEMO_JOB_RUNNING, "job");
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (jd_ui_test_find_by_id (GTK_WIDGET (fixture->page), "follow_revealer"))));
  assert_all_named (GTK_WIDGET (fixture->window), expected);

  /* and once it is no longer followed */
  g_signal_emit_by_name (jd_ui_test_find_by_id (GTK_WIDGET (fixture->page), "follow_button"), "clicked");
  assert_all_named (GTK_WIDGET (fixture->window), expected);
}

/* A job that is not there: the error page. */
static void
test_error (Fixture       *fixture,
            gconstpointer  data)
{
  const char *expected[] = { "job_entry", "retry_button", NULL };

  look_up (fixture, JD_DEMO_JOB_UNKNOWN, "error");
  assert_all_named (GTK_WIDGET (fixture->window), expected);
}

/* A fresh window: the empty page with recent lookups. */
static void
test_empty_with_recent_lookups (Fixture       *fixture,
                                gconstpointer  data)
{
  const char *expected[] = { "job_entry", "recent_button", "look_up_button", NULL };
  JdHistory *history = jd_application_get_history (fixture->app);

  jd_history_clear (history);
  look_up (fixture, JD_DEMO_JOB_SUCCESS, "job");
  look_up (fixture, JD_DEMO_JOB_WARNING, "job");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-tab", NULL));
  fixture->page = jd_window_get_lookup_page (fixture->window);
  g_assert_cmpint (jd_lookup_page_get_state (fixture->page), ==, JD_LOOKUP_STATE_EMPTY);
  g_assert_true (gtk_widget_get_visible (jd_ui_test_find_by_id (GTK_WIDGET (fixture->page), "recent_box")));
  assert_all_named (GTK_WIDGET (fixture->window), expected);

  /* and the recent lookups' popover */
  assert_popover_named (jd_ui_test_find_by_id (GTK_WIDGET (fixture->page), "recent_button"), NULL);
}

/* Signed out: the job page and the workflow page say so. */
static void
test_signed_out (Fixture       *fixture,
                 gconstpointer  data)
{
  jd_application_set_client (fixture->app, NULL);
  g_assert_cmpint (jd_lookup_page_get_state (fixture->page), ==, JD_LOOKUP_STATE_SIGNED_OUT);
  /* the header bar's, the entry's and the page's own */
  g_assert_cmpuint (assert_all_named (GTK_WIDGET (fixture->window), NULL), >=, 7);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-workflow-jobs", NULL));
  g_assert_cmpstr (jd_workflow_page_get_state (jd_window_get_workflow_page (fixture->window)), ==, "signed-out");
  g_assert_cmpuint (assert_all_named (GTK_WIDGET (fixture->window), NULL), >=, 7);
}

static gboolean
workflow_jobs_shown (gpointer data)
{
  JdWorkflowPage *page = data;

  return !jd_workflow_page_is_loading (page) && g_strcmp0 (jd_workflow_page_get_state (page), "jobs") == 0;
}

/* A workflow's jobs: entry, browse button, filters, the list, the pager. */
static void
test_workflow (Fixture       *fixture,
               gconstpointer  data)
{
  const char *expected[] = {
    "workflow_entry", "browse_button", "show_button",
    "status_dropdown", "result_dropdown", "sort_dropdown", "previous_button", "next_button", NULL
  };
  const char *browse_expected[] = { "browse_search", NULL };
  JdWorkflowPage *page;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-workflow-jobs", NULL));
  page = jd_window_get_workflow_page (fixture->window);
  jd_workflow_page_show_workflow (page, JD_DEMO_WORKFLOW_SALES);
  g_assert_true (jd_ui_test_wait_for (workflow_jobs_shown, page, WAIT_MS));
  assert_all_named (GTK_WIDGET (fixture->window), expected);

  /* and the popover that lists the workflows */
  assert_popover_named (jd_ui_test_find_by_id (GTK_WIDGET (page), "browse_button"), browse_expected);
}

/* The history, with entries. */
static void
test_history (Fixture       *fixture,
              gconstpointer  data)
{
  const char *expected[] = { "search_entry", "clear_button", NULL };
  JdHistoryPage *page;

  jd_history_clear (jd_application_get_history (fixture->app));
  look_up (fixture, JD_DEMO_JOB_SUCCESS, "job");
  look_up (fixture, JD_DEMO_JOB_ERROR, "job");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-history", NULL));
  page = jd_window_get_history_page (fixture->window);
  g_assert_cmpuint (g_list_model_get_n_items (jd_history_page_get_shown (page)), ==, 2);
  assert_all_named (GTK_WIDGET (fixture->window), expected);
}

static gboolean
recent_jobs_shown (gpointer data)
{
  JdRecentJobsPage *page = data;

  return !jd_recent_jobs_page_is_loading (page) && g_strcmp0 (jd_recent_jobs_page_get_state (page), "jobs") == 0;
}

/* The recent jobs of all workflows. */
static void
test_recent_jobs (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *expected[] = { "status_dropdown", "sort_dropdown", "reload_button", "next_button", NULL };
  AdwViewStack *stack = jd_window_get_view_stack (fixture->window);

  adw_view_stack_set_visible_child_name (stack, "recent");
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "recent");
  g_assert_true (jd_ui_test_wait_for (recent_jobs_shown, jd_window_get_recent_jobs_page (fixture->window), WAIT_MS));
  assert_all_named (GTK_WIDGET (fixture->window), expected);
}

/* ------------------------------------------------------------------ */
/* The sign-in dialog                                                  */

static JdSignInDialog *
open_sign_in (Fixture *fixture)
{
  JdSignInDialog *dialog;

  jd_window_show_sign_in (fixture->window, NULL);
  dialog = JD_SIGN_IN_DIALOG (jd_window_get_sign_in_dialog (fixture->window));
  g_assert_nonnull (dialog);
  return dialog;
}

static void
type_into (JdSignInDialog *dialog,
           const char     *id,
           const char     *text)
{
  gtk_editable_set_text (GTK_EDITABLE (jd_ui_test_find_by_id (GTK_WIDGET (dialog), id)), text);
}

/* API key and secret; an address without a scheme brings a suggestion. */
static void
test_sign_in_api_key (Fixture       *fixture,
                      gconstpointer  data)
{
  const char *expected[] = {
    "cancel_button", "sign_in_button", "server_row", "use_suggestion_button",
    "api_key_toggle", "access_token_toggle", "key_row", "secret_row", "demo_button", NULL
  };
  JdSignInDialog *dialog = open_sign_in (fixture);

  jd_sign_in_dialog_set_kind (dialog, JD_AUTH_API_KEY);
  type_into (dialog, "server_row", "ayx.example.com");
  assert_all_named (GTK_WIDGET (dialog), expected);
}

/* An access token; an unencrypted address brings its switch. */
static void
test_sign_in_access_token (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *expected[] = {
    "cancel_button", "sign_in_button", "server_row", "allow_insecure_switch",
    "api_key_toggle", "access_token_toggle", "token_row", "demo_button", NULL
  };
  JdSignInDialog *dialog = open_sign_in (fixture);

  jd_sign_in_dialog_set_kind (dialog, JD_AUTH_ACCESS_TOKEN);
  type_into (dialog, "server_row", "http://ayx.example.com/webapi");
  assert_all_named (GTK_WIDGET (dialog), expected);
}

int
main (int   argc,
      char *argv[])
{
  /* Every case runs even after one fails, so that one run lists every
   * control without a name, in every state. */
  g_autofree char **args = g_new0 (char *, argc + 2);
  int n_args = argc + 1;

  memcpy (args, argv, argc * sizeof (char *));
  args[argc] = (char *) "--keep-going";
  argv = args;

  /* The test AT context keeps accessible properties readable (the
   * default, none, keeps none). */
  g_setenv ("GTK_A11Y", "test", TRUE);
  jd_ui_test_init (&n_args, &argv);

#define ADD(path, func) \
  g_test_add ("/ui/a11y/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("window/job", test_job);
  g_test_add ("/ui/a11y/window/job-narrow", Fixture, NULL, fixture_set_up_narrow, test_job_narrow, fixture_tear_down);
  g_test_add ("/ui/a11y/window/queued-job-narrow", Fixture, NULL, fixture_set_up_narrow, test_queued_job_narrow, fixture_tear_down);
  ADD ("window/loading", test_loading);
  ADD ("window/messages", test_messages);
  ADD ("window/running-job", test_running_job);
  ADD ("window/error", test_error);
  ADD ("window/empty-with-recent-lookups", test_empty_with_recent_lookups);
  ADD ("window/signed-out", test_signed_out);
  ADD ("window/workflow", test_workflow);
  ADD ("window/history", test_history);
  ADD ("window/recent-jobs", test_recent_jobs);
  ADD ("sign-in/api-key", test_sign_in_api_key);
  ADD ("sign-in/access-token", test_sign_in_access_token);
#undef ADD

  return g_test_run ();
}
