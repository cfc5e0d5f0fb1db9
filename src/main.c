/* main.c: starts Job Desk.
 *
 * Sets the locale and the message catalogues before anything is
 * translated (JdApplication translates its --help text and menus as it is
 * made). Started from a build folder (`_build/src/jobdesk`), it takes that
 * build's catalogues, settings schema and icons, which an installed
 * jobdesk finds in the system's folders.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <glib/gi18n.h>

#include "jd-application.h"
#include "jd-memory.h"
#include "jd-window.h"

/* For bench/: with JOBDESK_BENCH_FIRST_FRAME=1 the app prints the
 * CLOCK_MONOTONIC time (µs) at which the main window's frame clock ends
 * its first paint, and quits. Nothing happens without the variable. */
static void
on_bench_after_paint_cb (GdkFrameClock *clock,
                         GApplication  *app)
{
  g_signal_handlers_disconnect_by_func (clock, on_bench_after_paint_cb, app);
  printf ("%" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  g_application_quit (app);
}

static void
on_bench_realize_cb (GtkWidget *window,
                     gpointer   user_data)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_bench_after_paint_cb),
                    gtk_window_get_application (GTK_WINDOW (window)));
}

static void
on_bench_window_added_cb (GtkApplication *app,
                          GtkWindow      *window)
{
  /* The first main window; the sign-in dialog has a frame clock of its own. */
  if (!JD_IS_WINDOW (window))
    return;

  g_signal_handlers_disconnect_by_func (app, on_bench_window_added_cb, NULL);
  g_signal_connect (window, "realize", G_CALLBACK (on_bench_realize_cb), NULL);
}

/* The build folder this jobdesk runs from, or NULL when it is installed:
 * meson puts the executable in src/ beside the build's build.ninja. */
static char *
find_build_root (void)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = NULL;
  g_autofree char *root = NULL;
  g_autofree char *ninja = NULL;

  if (exe == NULL)
    return NULL;

  dir = g_path_get_dirname (exe);
  root = g_path_get_dirname (dir);
  ninja = g_build_filename (root, "build.ninja", NULL);
  if (!g_str_has_suffix (dir, G_DIR_SEPARATOR_S "src") ||
      !g_file_test (ninja, G_FILE_TEST_IS_REGULAR))
    return NULL;

  return g_steal_pointer (&root);
}

static void
on_startup_add_icons_cb (GApplication *app,
                         const char   *icons)
{
  /* The About window and the window list look the icon up by name. */
  gtk_icon_theme_add_search_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()), icons);
}

/* The build's compiled schema (in data/), ahead of any installed one. */
static void
use_build_schema (const char *root)
{
  g_autofree char *data = g_build_filename (root, "data", NULL);
  const char *dirs = g_getenv ("GSETTINGS_SCHEMA_DIR");

  if (dirs != NULL && *dirs != '\0')
    {
      g_autofree char *both = g_strjoin (G_SEARCHPATH_SEPARATOR_S, data, dirs, NULL);

      g_setenv ("GSETTINGS_SCHEMA_DIR", both, TRUE);
    }
  else
    g_setenv ("GSETTINGS_SCHEMA_DIR", data, TRUE);
}

static gboolean
schema_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);

  return schema != NULL;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(JdApplication) app = NULL;
  g_autofree char *build_root = find_build_root ();

  jd_memory_init ();
  setlocale (LC_ALL, "");
  if (build_root != NULL)
    {
      g_autofree char *po = g_build_filename (build_root, "po", NULL);

      bindtextdomain (GETTEXT_PACKAGE, po);
      use_build_schema (build_root);
    }
  else
    bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Without it GSettings would abort with a bare "not installed". */
  if (!schema_installed ())
    {
      /* Translators: %s is the application ID, e.g. io.github.jobdesk.JobDesk */
      g_printerr (_("Job Desk cannot start: its settings schema %s is not installed. "
                    "Install Job Desk with “meson install”, or start it from its build folder "
                    "such as _build/src/jobdesk."), APPLICATION_ID);
      g_printerr ("\n");
      return 1;
    }

  app = jd_application_new ();
  if (build_root != NULL)
    {
      /* data/icons/ holds the icons under this build's application ID. */
      g_signal_connect_data (app, "startup", G_CALLBACK (on_startup_add_icons_cb),
                             g_build_filename (build_root, "data", "icons", NULL),
                             (GClosureNotify) g_free, 0);
    }

  if (g_strcmp0 (g_getenv ("JOBDESK_BENCH_FIRST_FRAME"), "1") == 0)
    g_signal_connect (app, "window-added", G_CALLBACK (on_bench_window_added_cb), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
