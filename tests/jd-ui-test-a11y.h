/* jd-ui-test-a11y.h: what a screen reader hears of the widgets. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The accessible name as GTK 4.8's AT-SPI bridge computes it and a screen
 * reader speaks it (needs GTK_A11Y=test, which keeps the attributes
 * readable). The pieces it was joined from, in order, go into parts when
 * it is not NULL: each one a label property, a labelled-by widget's label
 * property, or the type name GTK falls back to. */
char  *jd_ui_test_accessible_name  (GtkWidget          *widget,
                                    GPtrArray         **parts);

/* Sweeps root: every control and row on screen below it (popovers and
 * the parts of composites that take focus too) must read one name, not
 * empty, not a type name, not twice, without a mnemonic underscore; the
 * case fails listing every one that does not. The controls with these
 * template ids must have been among those checked, so that a case cannot
 * pass by not showing what it is about. What each row read goes into
 * row_names when it is not NULL. Returns how many were checked. */
guint  jd_ui_test_assert_all_named (GtkWidget          *root,
                                    const char *const  *expected_ids,
                                    GPtrArray         **row_names);

G_END_DECLS
