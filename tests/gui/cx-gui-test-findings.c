/* cx-gui-test-findings.c — the findings list, as the GUI tests see it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rows the list shows for a finding (the list view makes rows only
 * for what is in view: the tests' plans are small), and the findings of
 * the plan checked.
 */

#include "config.h"

#include "cx-finding-row.h"
#include "cx-gui-test.h"

/* Opens @path in a new window, the findings list shown and laid out */
CxWindow *
cx_gui_test_open_findings (const char *path)
{
  CxWindow *window = cx_gui_test_new_window ();

  cx_gui_test_open_and_wait (window, path, CX_DOCUMENT_LOAD_DEFAULT);
  cx_gui_test_activate (window, "win.show-findings", NULL);
  cx_gui_test_wait_for_allocation (GTK_WIDGET (cx_gui_test_findings_list (window)));
  cx_gui_test_settle ();

  return window;
}

/* Whether two findings are of one check at one place (the same finding
 * of a plan checked again) */
gboolean
cx_gui_test_same_place (const CxFinding *a,
                        const CxFinding *b)
{
  return a->check == b->check && a->target == b->target && a->phase == b->phase &&
         a->index == b->index && g_strcmp0 (a->step_id, b->step_id) == 0 &&
         g_strcmp0 (a->failure_id, b->failure_id) == 0;
}

static GtkWidget *
find_finding_row (GtkWidget       *root,
                  const CxFinding *like,
                  gboolean         accepted)
{
  if (!gtk_widget_get_visible (root))
    return NULL;
  if (CX_IS_FINDING_ROW (root))
    {
      const CxFinding *finding = cx_finding_row_get_finding (CX_FINDING_ROW (root));

      return finding != NULL && cx_gui_test_same_place (finding, like) &&
             finding->accepted == accepted ? root : NULL;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = find_finding_row (child, like, accepted);

      if (row != NULL)
        return row;
    }

  return NULL;
}

/* The row of the list that shows @like, accepted or not, once it does */
GtkWidget *
cx_gui_test_finding_row (CxWindow        *window,
                         const CxFinding *like,
                         gboolean         accepted)
{
  GtkWidget *row = NULL;

  cx_gui_test_settle ();
  WAIT_FOR ((row = find_finding_row (GTK_WIDGET (window->findings_panel), like, accepted))
            != NULL);

  return row;
}

/* The plan's finding at @like's place, or (@like NULL) its first of @check */
const CxFinding *
cx_gui_test_plan_finding (CxWindow        *window,
                          CxCheckId        check,
                          const CxFinding *like)
{
  GPtrArray *findings = cx_document_get_findings (window->document);

  for (guint i = 0; i < findings->len; i++)
    {
      const CxFinding *finding = g_ptr_array_index (findings, i);

      if (like != NULL ? cx_gui_test_same_place (finding, like) : finding->check == check)
        return finding;
    }

  return NULL;
}

/* How many findings the list shows at @like's place */
guint
cx_gui_test_n_listed_at (CxWindow        *window,
                         const CxFinding *like)
{
  guint n = 0;

  for (guint i = 0; i < cx_findings_panel_get_n_findings (window->findings_panel); i++)
    n += cx_gui_test_same_place (cx_findings_panel_get_finding (window->findings_panel, i), like);

  return n;
}

/* How many findings of @check the list shows */
guint
cx_gui_test_n_listed (CxWindow  *window,
                      CxCheckId  check)
{
  guint n = 0;

  for (guint i = 0; i < cx_findings_panel_get_n_findings (window->findings_panel); i++)
    n += cx_findings_panel_get_finding (window->findings_panel, i)->check == check;

  return n;
}

/* Whether a visible label under @root says @text */
gboolean
cx_gui_test_shows_label (GtkWidget  *root,
                         const char *text)
{
  if (!gtk_widget_get_visible (root))
    return FALSE;
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (cx_gui_test_shows_label (child, text))
      return TRUE;

  return FALSE;
}
