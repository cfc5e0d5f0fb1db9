/* jd-demo-server-main.c: jobdesk-demo-server, the demo server on its own.
 *
 * Serves the sample Alteryx Server on 127.0.0.1 until SIGINT or SIGTERM,
 * so that the app, curl or Postman can be pointed at it. The first line
 * of output is the base URL alone, for scripts; the rest says what there
 * is to try.
 */
#define G_LOG_DOMAIN "jd-demo-server"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <glib-unix.h>

#include "jd-demo-data.h"
#include "jd-demo-server.h"

static gboolean
on_signal_cb (gpointer user_data)
{
  GMainLoop *loop = user_data;

  g_main_loop_quit (loop);
  return G_SOURCE_CONTINUE;
}

static void
print_welcome (JdDemoServer *server,
               guint         token_lifetime,
               guint         progress_step)
{
  const char *base_url = jd_demo_server_get_base_url (server);
  g_autofree char *jobs = jd_demo_server_describe_jobs ();
  const JdDemoWorkflow *workflows;
  guint n_workflows;

  g_print ("%s\n\n", base_url);
  g_print ("Job Desk demo server %s: a pretend Alteryx Server with sample data.\n\n", PACKAGE_VERSION);
  g_print ("Web API address:  %s\n", base_url);
  g_print ("Curator:          API key \"%s\", API secret \"%s\"\n", JD_DEMO_API_KEY, JD_DEMO_API_SECRET);
  g_print ("Not a Curator:    API key \"%s\", API secret \"%s\" (no messages endpoint, no job lists, no workflows)\n",
           JD_DEMO_VIEWER_API_KEY, JD_DEMO_VIEWER_API_SECRET);
  g_print ("Tokens live %u s; the progressing job changes state every %u ms.\n\n",
           token_lifetime, progress_step);

  g_print ("Sample jobs:\n%s\n", jobs);

  g_print ("Workflows:\n");
  workflows = jd_demo_data_get_workflows (&n_workflows);
  for (guint i = 0; i < n_workflows; i++)
    g_print ("%s  %s, %u jobs\n", workflows[i].id, workflows[i].name, jd_demo_data_count_jobs (&workflows[i]));

  g_print ("\nTry it:\n");
  g_print ("  TOKEN=$(curl -s -d grant_type=client_credentials -d client_id=%s -d client_secret=%s %s/oauth2/token"
           " | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')\n",
           JD_DEMO_API_KEY, JD_DEMO_API_SECRET, base_url);
  g_print ("  curl -s -H \"Authorization: Bearer $TOKEN\" %s/v3/jobs/%s\n\n", base_url, JD_DEMO_JOB_SUCCESS);
  g_print ("Press Ctrl+C to stop.\n");

  fflush (stdout);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDemoServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  int port = 0;
  int token_lifetime = 3599;
  int progress_step = 20000;
  guint sigint_id;
  guint sigterm_id;
  const GOptionEntry entries[] = {
    { "port", 'p', 0, G_OPTION_ARG_INT, &port,
      "Port to listen on, on 127.0.0.1 (default: any free port)", "N" },
    { "token-lifetime", 0, 0, G_OPTION_ARG_INT, &token_lifetime,
      "Seconds an access token lives (default: 3599)", "SECONDS" },
    { "progress-step", 0, 0, G_OPTION_ARG_INT, &progress_step,
      "Milliseconds the progressing job stays queued, then running (default: 20000)", "MS" },
    { NULL }
  };

  setlocale (LC_ALL, "");

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, "Plays an Alteryx Server with sample jobs on 127.0.0.1.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (port < 0 || port > G_MAXUINT16)
    {
      g_printerr ("The port must be between 0 and %u.\n", G_MAXUINT16);
      return 2;
    }
  if (token_lifetime < 1)
    {
      g_printerr ("The token lifetime must be at least one second.\n");
      return 2;
    }
  if (progress_step < 0)
    {
      g_printerr ("The progress step must not be negative.\n");
      return 2;
    }

  server = jd_demo_server_new ();
  jd_demo_server_set_token_lifetime (server, (guint) token_lifetime);
  jd_demo_server_set_progress_step (server, (guint) progress_step);
  if (!jd_demo_server_listen (server, (guint) port, &error))
    {
      g_printerr ("Could not listen on 127.0.0.1:%d: %s\n", port, error->message);
      return 1;
    }

  print_welcome (server, (guint) token_lifetime, (guint) progress_step);

  loop = g_main_loop_new (NULL, FALSE);
  sigint_id = g_unix_signal_add (SIGINT, on_signal_cb, loop);
  sigterm_id = g_unix_signal_add (SIGTERM, on_signal_cb, loop);
  g_main_loop_run (loop);

  g_source_remove (sigint_id);
  g_source_remove (sigterm_id);
  jd_demo_server_stop (server);

  return 0;
}
