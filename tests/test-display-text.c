/* test-display-text.c: the caps and the visible controls of
 * src/jd-display-text.c, the one place that decides what a label is
 * given of a server's text. */
#include "config.h"

#include <string.h>

#include "jd-display-text.h"

static char *
repeat (const char *piece,
        guint       times)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < times; i++)
    g_string_append (out, piece);

  return g_string_free (out, FALSE);
}

/* The text without the breaks JD_DISPLAY_TEXT_BREAK_RUNS adds. */
static char *
without_breaks (const char *text)
{
  g_auto(GStrv) pieces = g_strsplit (text, "\u200B", -1);

  return g_strjoinv (NULL, pieces);
}

static void
test_plain_text_unchanged (void)
{
  const char *texts[] = {
    "", "Record count: 1,204", "Überweisung für März 2024",
    "顧客リスト.xlsx", "שלום עולם", "مرحبا", "👩‍💻", NULL,
  };

  for (guint i = 0; texts[i] != NULL; i++)
    {
      gboolean truncated = TRUE;
      g_autofree char *line = jd_display_text_for_line (texts[i], &truncated);
      g_autofree char *label = NULL;

      /* emoji keep their joiner in a label, which wraps; a single line
       * marks it (see hidden-made-visible) */
      if (strstr (texts[i], "\u200D") != NULL)
        continue;

      g_assert_cmpstr (line, ==, texts[i]);
      g_assert_false (truncated);
      label = jd_display_text_for_label (texts[i], &truncated);
      g_assert_cmpstr (label, ==, texts[i]);
      g_assert_false (truncated);
      g_assert_false (jd_display_text_has_hidden (texts[i], JD_DISPLAY_TEXT_NONE));
    }
}

static void
test_null_is_empty (void)
{
  g_autofree char *line = jd_display_text_for_line (NULL, NULL);
  g_autofree char *name = jd_display_text_safe_file_name (NULL);

  g_assert_cmpstr (line, ==, "");
  g_assert_cmpstr (name, ==, "");
  g_assert_false (jd_display_text_has_hidden (NULL, JD_DISPLAY_TEXT_NONE));
}

static void
test_long_word_capped (void)
{
  g_autofree char *word = repeat ("x", 60000);
  gboolean truncated = FALSE;
  g_autofree char *broken = jd_display_text_for_label (word, &truncated);
  g_autofree char *label = without_breaks (broken);
  g_autofree char *line = NULL;

  g_assert_true (truncated);
  g_assert_cmpuint (g_utf8_strlen (label, -1), ==, JD_DISPLAY_TEXT_MAX_CHARS + 1);
  g_assert_true (g_str_has_suffix (label, "…"));
  g_assert_true (strncmp (label, word, JD_DISPLAY_TEXT_MAX_CHARS) == 0);

  line = jd_display_text_for_line (word, &truncated);
  g_assert_true (truncated);
  g_assert_cmpuint (g_utf8_strlen (line, -1), ==, JD_DISPLAY_TEXT_MAX_LINE_CHARS + 1);
}

static void
test_long_runs_get_breaks (void)
{
  g_autofree char *word = repeat ("x", 100);
  g_autofree char *broken = jd_display_text_for_label (word, NULL);
  g_autofree char *spaced = jd_display_text_for_label ("a few short words, nothing to break", NULL);
  g_autofree char *line = jd_display_text_for_line (word, NULL);
  g_autofree char *expected = NULL;
  g_autofree char *run = repeat ("x", JD_DISPLAY_TEXT_MAX_RUN);

  /* every JD_DISPLAY_TEXT_MAX_RUN characters, never at the end */
  expected = g_strconcat (run, "\u200B", run, "\u200B", run, "\u200B", "xxxx", NULL);
  g_assert_cmpstr (broken, ==, expected);
  g_assert_cmpstr (spaced, ==, "a few short words, nothing to break");
  /* a single line does not wrap, a tooltip is read as it is: nothing added */
  g_assert_cmpstr (line, ==, word);
  {
    g_autofree char *tooltip = jd_display_text_for_tooltip (word, NULL);

    g_assert_cmpstr (tooltip, ==, word);
  }
}

static void
test_cap_counts_characters (void)
{
  /* three bytes a character: the cap is in characters, never mid-character */
  g_autofree char *text = repeat ("日", 5000);
  gboolean truncated = FALSE;
  g_autofree char *shown = jd_display_text_prepare (text, 10, JD_DISPLAY_TEXT_NONE, &truncated);

  g_assert_true (truncated);
  g_assert_cmpstr (shown, ==, "日日日日日日日日日日…");

  /* exactly at the cap: nothing left out */
  g_clear_pointer (&shown, g_free);
  shown = jd_display_text_prepare ("abcdefghij", 10, JD_DISPLAY_TEXT_NONE, &truncated);
  g_assert_false (truncated);
  g_assert_cmpstr (shown, ==, "abcdefghij");
}

static void
test_hidden_made_visible (void)
{
  const struct {
    const char *text;
    const char *shown;
  } cases[] = {
    { "invoice\u202Eslx.exe",            "invoice⟨U+202E⟩slx.exe" },
    { "a\u202Ab\u202Bc\u202Cd\u202De",   "a⟨U+202A⟩b⟨U+202B⟩c⟨U+202C⟩d⟨U+202D⟩e" },
    { "\u2066x\u2067y\u2068z\u2069",     "⟨U+2066⟩x⟨U+2067⟩y⟨U+2068⟩z⟨U+2069⟩" },
    { "l\u200Er\u200Fa\u061C",           "l⟨U+200E⟩r⟨U+200F⟩a⟨U+061C⟩" },
    { "zero\u200Bwidth\u200C\u200D",     "zero⟨U+200B⟩width⟨U+200C⟩⟨U+200D⟩" },
    { "\uFEFFbom",                        "⟨U+FEFF⟩bom" },
    { "bell\a esc\x1b del\x7f",           "bell␇ esc␛ del␡" },
    { "c1\xc2\x85next",                   "c1⟨U+0085⟩next" },
    { "filler\u3164",                     "filler⟨U+3164⟩" },
    { "tag\xf3\xa0\x80\x81",              "tag⟨U+E0001⟩" },
    { "two\nlines\tand\r\nmore",          "two⏎lines and⏎more" },
    { "para\u2029graph",                  "para⏎graph" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = jd_display_text_for_line (cases[i].text, NULL);

      g_test_message ("%s", cases[i].shown);
      g_assert_cmpstr (shown, ==, cases[i].shown);
      g_assert_true (jd_display_text_has_hidden (cases[i].text, JD_DISPLAY_TEXT_NONE));
    }
}

static void
test_multi_line_keeps_breaks (void)
{
  g_autofree char *shown = jd_display_text_for_label ("one\ntwo\r\nthree\tfour\rfive\u2028six\u202E", NULL);

  g_assert_cmpstr (shown, ==, "one\ntwo\nthree\tfour\nfive\nsix⟨U+202E⟩");
  g_assert_false (jd_display_text_has_hidden ("one\ntwo\r\nthree\tfour", JD_DISPLAY_TEXT_MULTI_LINE));
  g_assert_true (jd_display_text_has_hidden ("one\ntwo", JD_DISPLAY_TEXT_NONE));
}

static void
test_visible_format_characters_kept (void)
{
  /* the Arabic number sign prints; it is no disguise */
  g_autofree char *shown = jd_display_text_for_line ("\u0600" "123", NULL);

  g_assert_cmpstr (shown, ==, "\u0600" "123");
  g_assert_false (jd_display_text_is_hidden_char (0x0600));
  g_assert_true (jd_display_text_is_hidden_char (0x202E));
  g_assert_true (jd_display_text_is_hidden_char (0x0000));
  g_assert_true (jd_display_text_is_hidden_char (0x009F));
  g_assert_false (jd_display_text_is_hidden_char (' '));
  g_assert_false (jd_display_text_is_hidden_char (0x00E9));
}

static void
test_marker_never_split (void)
{
  gboolean truncated = FALSE;
  /* the cap falls inside the marker: it is left out whole */
  g_autofree char *shown = jd_display_text_prepare ("abc\u202Edef", 6, JD_DISPLAY_TEXT_NONE, &truncated);

  g_assert_true (truncated);
  g_assert_cmpstr (shown, ==, "abc…");
}

static void
test_invalid_utf8_repaired (void)
{
  g_autofree char *shown = jd_display_text_for_line ("caf\xe9 ok", NULL);

  g_assert_true (g_utf8_validate (shown, -1, NULL));
  g_assert_cmpstr (shown, ==, "caf\uFFFD ok");
  g_assert_true (jd_display_text_has_hidden ("caf\xe9", JD_DISPLAY_TEXT_NONE));
}

static void
test_huge_text_costs_its_cap (void)
{
  /* 50 MB of invalid UTF-8 is repaired only as far as it is shown */
  gsize size = 50 * 1024 * 1024;
  g_autofree char *text = g_malloc (size + 1);
  g_autofree char *shown = NULL;
  g_autofree char *unbroken = NULL;
  gboolean truncated = FALSE;
  gint64 start;
  gint64 elapsed;

  memset (text, 0xff, size);
  text[size] = '\0';

  start = g_get_monotonic_time ();
  shown = jd_display_text_for_label (text, &truncated);
  elapsed = g_get_monotonic_time () - start;

  /* the figure, not an assertion: timing is the benchmark's business */
  g_test_message ("50 MB of invalid bytes prepared in %" G_GINT64_FORMAT " µs", elapsed);
  g_assert_true (truncated);
  g_assert_true (g_utf8_validate (shown, -1, NULL));
  unbroken = without_breaks (shown);
  g_assert_cmpuint (g_utf8_strlen (unbroken, -1), ==, JD_DISPLAY_TEXT_MAX_CHARS + 1);
}

static void
test_safe_file_name (void)
{
  const struct {
    const char *name;
    const char *safe;
  } cases[] = {
    { "invoice\u202Eslx.exe",          "invoiceslx.exe" },
    { "report\u2066.pdf\u2069.exe",    "report.pdf.exe" },
    { "a\u200Bb\uFEFFc\u200E.csv",      "abc.csv" },
    { "tab\there\nand\rline.txt",      "tab_here_and_line.txt" },
    { "bell\a.txt",                    "bell_.txt" },
    { "dir/evil\\name.csv",            "dir_evil_name.csv" },
    { ".bashrc",                       "_bashrc" },
    { "..",                            "_." },
    { "  spaced  .csv  ",              "spaced  .csv" },
    { "\u202E",                        "" },
    { "顧客リスト.xlsx",                "顧客リスト.xlsx" },
    { "Sales Q1.yxdb",                 "Sales Q1.yxdb" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *safe = jd_display_text_safe_file_name (cases[i].name);

      g_assert_cmpstr (safe, ==, cases[i].safe);
    }
}

static void
test_safe_file_name_length (void)
{
  g_autofree char *stem = repeat ("名", 20000);
  g_autofree char *name = g_strconcat (stem, ".xlsx", NULL);
  g_autofree char *safe = jd_display_text_safe_file_name (name);
  g_autofree char *plain = NULL;
  g_autofree char *no_extension = repeat ("a", 60000);

  g_assert_cmpuint (strlen (safe), <=, JD_DISPLAY_TEXT_MAX_FILE_NAME);
  g_assert_true (g_utf8_validate (safe, -1, NULL));
  g_assert_true (g_str_has_suffix (safe, "名.xlsx"));

  plain = jd_display_text_safe_file_name (no_extension);
  g_assert_cmpuint (strlen (plain), ==, JD_DISPLAY_TEXT_MAX_FILE_NAME);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/display-text/plain-text-unchanged", test_plain_text_unchanged);
  g_test_add_func ("/display-text/null-is-empty", test_null_is_empty);
  g_test_add_func ("/display-text/long-word-capped", test_long_word_capped);
  g_test_add_func ("/display-text/long-runs-get-breaks", test_long_runs_get_breaks);
  g_test_add_func ("/display-text/cap-counts-characters", test_cap_counts_characters);
  g_test_add_func ("/display-text/hidden-made-visible", test_hidden_made_visible);
  g_test_add_func ("/display-text/multi-line-keeps-breaks", test_multi_line_keeps_breaks);
  g_test_add_func ("/display-text/visible-format-characters-kept", test_visible_format_characters_kept);
  g_test_add_func ("/display-text/marker-never-split", test_marker_never_split);
  g_test_add_func ("/display-text/invalid-utf8-repaired", test_invalid_utf8_repaired);
  g_test_add_func ("/display-text/huge-text-costs-its-cap", test_huge_text_costs_its_cap);
  g_test_add_func ("/display-text/safe-file-name", test_safe_file_name);
  g_test_add_func ("/display-text/safe-file-name-length", test_safe_file_name_length);

  return g_test_run ();
}
