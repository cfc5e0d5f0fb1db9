/* jd-ui-test-a11y.c: what a screen reader hears of the widgets.
 *
 * jd_ui_test_accessible_name () reads a widget's accessible name the way
 * GTK 4.8's AT-SPI bridge computes it for the bus; the sweep reads every
 * control and row on screen below a root with it and fails on a name a
 * reader would stumble over (see tests/test-ui-a11y.c). */
#include "config.h"

#include <string.h>

#include "jd-ui-test-a11y.h"
#include "jd-ui-test-util.h"

/* ------------------------------------------------------------------ */
/* Accessible names as the bus gives them                              */

/* gtk_at_context_get_name () in GTK 4.8 (gtk/gtkatcontext.c), which the
 * AT-SPI bridge answers the Name property with:
 *   1. the label property, if set;
 *   2. for each widget of the labelled-by relation, in order, its label
 *      property (and, as below, its fallback; not its own relations);
 *   3. for the abstract "range" role, which no widget has, its value;
 *   4. hidden (HIDDEN state true): nothing more;
 *   5. when nothing was found so far and the role is not structural
 *      (generic, group, list item, …): the type name, "GtkImage".
 * The pieces are joined with spaces. Checked against the bus with
 * pyatspi (see tests/test-ui-a11y.c). */

static gboolean
is_structural_role (GtkAccessibleRole role)
{
  switch ((int) role)
    {
    case GTK_ACCESSIBLE_ROLE_FORM:
    case GTK_ACCESSIBLE_ROLE_GROUP:
    case GTK_ACCESSIBLE_ROLE_GENERIC:
    case GTK_ACCESSIBLE_ROLE_LANDMARK:
    case GTK_ACCESSIBLE_ROLE_LIST_ITEM:
    case GTK_ACCESSIBLE_ROLE_REGION:
    case GTK_ACCESSIBLE_ROLE_SEARCH:
    case GTK_ACCESSIBLE_ROLE_SEPARATOR:
      return TRUE;
    default:
      return FALSE;
    }
}

/* The value of a string property as GTK prints it, or NULL if unset. */
static char *
string_property (GtkAccessible         *accessible,
                 GtkAccessibleProperty  property)
{
  char *text;

  if (!gtk_test_accessible_has_property (accessible, property))
    return NULL;
  /* NULL when it equals the expected value, else the value printed */
  text = gtk_test_accessible_check_property (accessible, property, "");
  return text != NULL ? text : g_strdup ("");
}

static gboolean
is_hidden (GtkAccessible *accessible)
{
  g_autofree char *differs = NULL;

  if (!gtk_test_accessible_has_state (accessible, GTK_ACCESSIBLE_STATE_HIDDEN))
    return FALSE;
  differs = gtk_test_accessible_check_state (accessible, GTK_ACCESSIBLE_STATE_HIDDEN, FALSE);
  return differs != NULL;
}

/* Fills table with "Type<0x…>" (as GTK prints a reference) -> widget for
 * tree and everything below it (popovers too). */
static void
collect_printed (GtkWidget  *tree,
                 GHashTable *table)
{
  g_hash_table_insert (table, g_strdup_printf ("%s<%p>", G_OBJECT_TYPE_NAME (tree), (gpointer) tree), tree);
  for (GtkWidget *child = gtk_widget_get_first_child (tree);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_printed (child, table);
}

static void
accumulate_name (GtkWidget *widget,
                 GPtrArray *names,
                 gboolean   recurse)
{
  GtkAccessible *accessible = GTK_ACCESSIBLE (widget);
  GtkAccessibleRole role = gtk_accessible_get_accessible_role (accessible);
  char *label = string_property (accessible, GTK_ACCESSIBLE_PROPERTY_LABEL);

  if (label != NULL)
    g_ptr_array_add (names, label);

  if (recurse && gtk_test_accessible_has_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    {
      /* NULL when the list is empty, else the list printed */
      g_autofree char *refs = gtk_test_accessible_check_relation (accessible, GTK_ACCESSIBLE_RELATION_LABELLED_BY, NULL);
      /* "GtkImage<0x…>GtkLabel<0x…>": one widget after another */
      g_auto(GStrv) tokens = g_strsplit (refs != NULL ? refs : "", ">", -1);
      g_autoptr(GHashTable) printed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      collect_printed (GTK_WIDGET (gtk_widget_get_root (widget)), printed);
      for (guint i = 0; tokens[i] != NULL; i++)
        {
          g_autofree char *token = g_strconcat (g_strstrip (tokens[i]), ">", NULL);
          GtkWidget *other = g_hash_table_lookup (printed, token);

          /* a widget outside the window: not met in any case of ours */
          if (*tokens[i] != '\0' && other == NULL)
            g_error ("%s<%p> is labelled by %s, which is not in its window", G_OBJECT_TYPE_NAME (widget), (gpointer) widget, token);
          if (other != NULL)
            accumulate_name (other, names, FALSE);
        }
    }

  if (is_hidden (accessible))
    return;
  if (names->len != 0)
    return;
  if (!is_structural_role (role))
    g_ptr_array_add (names, g_strdup (G_OBJECT_TYPE_NAME (widget)));
}

char *
jd_ui_test_accessible_name (GtkWidget  *widget,
                            GPtrArray **parts)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GString *name = g_string_new (NULL);

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  accumulate_name (widget, names, TRUE);
  for (guint i = 0; i < names->len; i++)
    {
      if (i > 0)
        g_string_append_c (name, ' ');
      g_string_append (name, names->pdata[i]);
    }

  if (parts != NULL)
    *parts = g_steal_pointer (&names);
  return g_string_free (name, FALSE);
}

/* ------------------------------------------------------------------ */
/* The sweep                                                           */

typedef struct
{
  GtkWidget  *root;
  GPtrArray  *offenders;   /* char *: one line each */
  GHashTable *checked_ids; /* template ids of the controls checked */
  GPtrArray  *mnemonics;   /* char *: texts shown with a mnemonic, "_Sign In" */
  GPtrArray  *row_names;   /* char *: what each row read, in tree order */
  guint       n_checked;
} Sweep;

static gboolean
is_control (GtkWidget *widget)
{
  static GType model_button;

  if (model_button == 0)
    model_button = g_type_from_name ("GtkModelButton");

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
         GTK_IS_SCALE (widget) ||
         (model_button != 0 && G_TYPE_CHECK_INSTANCE_TYPE (widget, model_button)); /* menu items */
}

/* A row of a list box, or of a list, grid or column view (GTK 4.8 calls
 * its rows, table rows and grid cells GtkListItemWidget; a column view's
 * cells are GtkColumnViewCell, its titles GtkColumnViewTitle). */
static gboolean
is_row (GtkWidget *widget)
{
  static GType item_widget, column_view_cell, column_view_title;

  if (item_widget == 0)
    {
      item_widget = g_type_from_name ("GtkListItemWidget");
      column_view_cell = g_type_from_name ("GtkColumnViewCell");
      column_view_title = g_type_from_name ("GtkColumnViewTitle");
    }

  return GTK_IS_LIST_BOX_ROW (widget) ||
         (item_widget != 0 && G_TYPE_CHECK_INSTANCE_TYPE (widget, item_widget)) ||
         (column_view_cell != 0 && G_TYPE_CHECK_INSTANCE_TYPE (widget, column_view_cell)) ||
         (column_view_title != 0 && G_TYPE_CHECK_INSTANCE_TYPE (widget, column_view_title));
}

/* A container a reader announces by its name as it enters it ("list
 * Messages", "table …"): a layout box in a grid's role (a flow box, read
 * "table GtkFlowBox" with a "table cell GtkFlowBoxChild" for each child)
 * is one too. */
static gboolean
is_named_container (GtkWidget *widget)
{
  switch ((int) gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)))
    {
    case GTK_ACCESSIBLE_ROLE_LIST:
    case GTK_ACCESSIBLE_ROLE_GRID:
    case GTK_ACCESSIBLE_ROLE_GRID_CELL:
    case GTK_ACCESSIBLE_ROLE_TABLE:
    case GTK_ACCESSIBLE_ROLE_TREE_GRID:
      return TRUE;
    default:
      return FALSE;
    }
}

/* What a reader never meets as such: the text inside an entry (its
 * entry is the control), scrollbars, toasts (announced, and gone). */
static gboolean
is_library_internal (GtkWidget *widget)
{
  static GType toast_widget;

  if (toast_widget == 0)
    toast_widget = g_type_from_name ("AdwToastWidget");

  return GTK_IS_SCROLLBAR (widget) ||
         GTK_IS_TEXT (widget) ||
         (toast_widget != 0 && G_TYPE_CHECK_INSTANCE_TYPE (widget, toast_widget));
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

/* Every text below root shown with a mnemonic ("_Keep Running"), as it is
 * written: a name holding one speaks the underscore. */
static void
collect_mnemonics (GtkWidget *root,
                   GPtrArray *mnemonics)
{
  const char *text = NULL;

  if (GTK_IS_LABEL (root) && gtk_label_get_use_underline (GTK_LABEL (root)))
    text = gtk_label_get_label (GTK_LABEL (root));
  else if (GTK_IS_BUTTON (root) && gtk_button_get_use_underline (GTK_BUTTON (root)))
    text = gtk_button_get_label (GTK_BUTTON (root));
  else if (ADW_IS_BUTTON_CONTENT (root) && adw_button_content_get_use_underline (ADW_BUTTON_CONTENT (root)))
    text = adw_button_content_get_label (ADW_BUTTON_CONTENT (root));
  if (text != NULL && strchr (text, '_') != NULL)
    g_ptr_array_add (mnemonics, g_strdup (text));

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_mnemonics (child, mnemonics);
}

static char *
without_underscores (const char *text)
{
  g_auto(GStrv) pieces = g_strsplit (text, "_", -1);

  return g_strjoinv ("", pieces);
}

/* What is wrong with a name as a reader speaks it, or NULL:
 * - empty;
 * - a type name ("GtkImage", "GtkListItemWidget"): GTK's fallback;
 * - twice: two of its pieces the same, but for underscores ("Server
 *   address Server address", "_Keep Running Keep Running"), or a piece
 *   that is its two halves;
 * - a mnemonic underscore: a word that starts with one, or the text of
 *   a mnemonic label (file names keep theirs: "sales_2024.csv"). */
static char *
name_fault (const char *name,
            GPtrArray  *parts,
            GPtrArray  *mnemonics)
{
  g_auto(GStrv) words = g_strsplit_set (name, " \t\n", -1);
  g_autofree char *stripped = g_strstrip (g_strdup (name));

  if (*stripped == '\0')
    return g_strdup ("no name");

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && g_type_from_name (words[i]) != 0)
      return g_strdup_printf ("the type name “%s”", words[i]);

  for (guint i = 0; i < parts->len; i++)
    {
      g_autofree char *a = without_underscores (parts->pdata[i]);
      gsize len = strlen (a);

      for (guint j = i + 1; j < parts->len; j++)
        {
          g_autofree char *b = without_underscores (parts->pdata[j]);

          if (g_str_equal (a, b))
            return g_strdup_printf ("named twice (“%s” and “%s”)", (char *) parts->pdata[i], (char *) parts->pdata[j]);
        }
      if (len > 2 && len % 2 == 1 && a[len / 2] == ' ' && strncmp (a, a + len / 2 + 1, len / 2) == 0)
        return g_strdup ("named twice");
    }

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] == '_' && g_ascii_isalnum (words[i][1]))
      return g_strdup_printf ("a mnemonic underscore (“%s”)", words[i]);
  for (guint i = 0; i < mnemonics->len; i++)
    if (strstr (name, mnemonics->pdata[i]) != NULL)
      return g_strdup_printf ("a mnemonic underscore (“%s”)", (char *) mnemonics->pdata[i]);

  return NULL;
}

/* Reads the widget's name as the bus does and notes what is wrong. */
static void
check_name (Sweep      *sweep,
            GtkWidget  *widget,
            const char *what)
{
  const char *id = template_id (widget);
  g_autoptr(GPtrArray) parts = NULL;
  g_autofree char *name = jd_ui_test_accessible_name (widget, &parts);
  g_autofree char *fault = name_fault (name, parts, sweep->mnemonics);

  sweep->n_checked++;
  if (id != NULL)
    g_hash_table_add (sweep->checked_ids, g_strdup (id));
  if (g_str_equal (what, "row"))
    g_ptr_array_add (sweep->row_names, g_strdup (name));

  if (fault == NULL)
    g_test_message ("  %s %s#%s: “%s”", what, G_OBJECT_TYPE_NAME (widget), id != NULL ? id : "-", name);
  else
    {
      g_autofree char *place = describe_place (widget, sweep->root);
      const char *tooltip = gtk_widget_get_tooltip_text (widget);
      g_autofree char *hint = tooltip != NULL ? g_strdup_printf (", tooltip “%s”", tooltip) : g_strdup ("");

      g_ptr_array_add (sweep->offenders,
                       g_strdup_printf ("%s %s (id %s%s) reads “%s”: %s, at %s",
                                        what, G_OBJECT_TYPE_NAME (widget), id != NULL ? id : "none",
                                        hint, name, fault, place));
    }
}

/* A widget of ours that is neither control nor row (a page, a row's
 * box) may have no name, but never its type's ("filler JdMessageRow"
 * inside each message, as GTK 4.8 reads an AdwBin). */
static void
check_type_name (Sweep     *sweep,
                 GtkWidget *widget)
{
  g_autofree char *name = jd_ui_test_accessible_name (widget, NULL);
  g_autofree char *place = NULL;

  if (strstr (name, G_OBJECT_TYPE_NAME (widget)) == NULL)
    return;
  place = describe_place (widget, sweep->root);
  g_ptr_array_add (sweep->offenders,
                   g_strdup_printf ("widget %s reads its type name “%s”, at %s",
                                    G_OBJECT_TYPE_NAME (widget), name, place));
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

  if (is_library_internal (widget))
    return;

  /* A composite is met by a reader as itself and by its parts that take
   * focus (a drop-down's button, a password row's reveal button, a
   * menu's items, a tab's close button): both are checked. */
  if (is_control (widget))
    check_name (sweep, widget, "control");
  else if (is_row (widget))
    check_name (sweep, widget, "row");
  else if (is_named_container (widget))
    check_name (sweep, widget, "container");
  else if (g_str_has_prefix (G_OBJECT_TYPE_NAME (widget), "Jd"))
    check_type_name (sweep, widget);

  sweep_children (sweep, widget);
}

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

guint
jd_ui_test_assert_all_named (GtkWidget          *root,
                             const char *const  *expected_ids,
                             GPtrArray         **row_names)
{
  Sweep sweep = { root, g_ptr_array_new_with_free_func (g_free),
                  g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
                  g_ptr_array_new_with_free_func (g_free), g_ptr_array_new_with_free_func (g_free), 0 };
  ShownWait shown = { root, expected_ids };

  /* Let lists and revealers settle into what the user sees: what the case
   * is about on screen (slower under sanitizers), then a little more. */
  jd_ui_test_wait_for (all_shown, &shown, 5000);
  jd_ui_test_spin (300);
  g_assert_true (gtk_widget_get_mapped (root));
  collect_mnemonics (root, sweep.mnemonics);
  sweep_widget (&sweep, root);

  g_test_message ("%u controls and rows checked in %s, %u misnamed",
                  sweep.n_checked, G_OBJECT_TYPE_NAME (root), sweep.offenders->len);
  for (guint i = 0; i < sweep.offenders->len; i++)
    g_test_message ("misnamed: %s", (const char *) sweep.offenders->pdata[i]);

  for (guint i = 0; expected_ids != NULL && expected_ids[i] != NULL; i++)
    if (!g_hash_table_contains (sweep.checked_ids, expected_ids[i]))
      g_test_fail_printf ("the sweep did not meet the control “%s”: is it shown?", expected_ids[i]);

  if (sweep.offenders->len > 0)
    g_test_fail_printf ("%u controls or rows without one good accessible name (listed above)", sweep.offenders->len);

  g_ptr_array_unref (sweep.offenders);
  g_ptr_array_unref (sweep.mnemonics);
  if (row_names != NULL)
    *row_names = sweep.row_names;
  else
    g_ptr_array_unref (sweep.row_names);
  g_hash_table_unref (sweep.checked_ids);
  return sweep.n_checked;
}
