/* test-map-findings.c — a step's findings in a popover over its badges
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The map shows a step's findings where they are drawn: Menu (or
 * Shift+F10, or a click on the badges) opens a popover with a row for
 * each, accepted ones included; a fix there is one undoable edit, and
 * accepted findings say so with their reason.
 */

#include "config.h"

#include "cx-finding-row.h"
#include "cx-fix.h"
#include "cx-gui-test.h"

/* The rows of the popover open over the map, in order */
static GPtrArray *
popover_rows (CxWindow *window)
{
  GPtrArray *rows = g_ptr_array_new ();
  GtkWidget *list;

  g_assert_nonnull (window->findings_popover);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->findings_popover)));
  list = cx_gui_test_find_child (GTK_WIDGET (window->findings_popover), GTK_TYPE_LIST_BOX);
  g_assert_nonnull (list);
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *child = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

      g_assert_true (CX_IS_FINDING_ROW (child));
      g_ptr_array_add (rows, child);
    }

  return rows;
}

static void
open_popover (CxWindow *window,
              CxStep   *step)
{
  cx_map_view_set_selected_step (window->map_view, step);
  gtk_widget_grab_focus (GTK_WIDGET (window->map_view));
  cx_gui_test_settle ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window->map_view),
                                             "map.show-findings", NULL));
  cx_gui_test_settle ();
}

/* Every step with findings lists them all, accepted ones too */
static void
test_rows (void)
{
  g_autofree char *path = cx_gui_test_sample_path ("team-gear-store.cxplan");
  CxWindow *window = cx_gui_test_new_window ();
  CxDocument *document = cx_gui_test_open_and_wait (window, path, CX_DOCUMENT_LOAD_AS_COPY);
  CxMapLayout *layout = cx_map_view_get_layout (window->map_view);
  g_autoptr(GBytes) original = cx_plan_to_bytes (cx_document_get_plan (document));
  g_autoptr(GBytes) after = NULL;
  guint n_steps = 0, n_accepted = 0;

  for (guint i = 0; i < cx_map_layout_get_n_steps (layout); i++)
    {
      CxStep *step = cx_map_layout_get_step (layout, i);
      g_autoptr(GPtrArray) findings = cx_map_view_get_step_findings (window->map_view, step);
      g_autoptr(GPtrArray) rows = NULL;
      GdkRectangle badges;

      g_assert_true (cx_map_view_get_step_badges_rect (window->map_view, step, &badges));
      if (findings->len == 0)
        continue;

      open_popover (window, step);
      rows = popover_rows (window);
      g_assert_cmpuint (rows->len, ==, findings->len);
      for (guint r = 0; r < rows->len; r++)
        {
          const CxFinding *shown = cx_finding_row_get_finding (g_ptr_array_index (rows, r));
          const CxFinding *finding = g_ptr_array_index (findings, r);

          g_assert_cmpint (shown->check, ==, finding->check);
          g_assert_cmpstr (shown->message, ==, finding->message);
          if (shown->accepted)
            {
              /* dimmed, with its reason */
              g_assert_true (gtk_widget_has_css_class (g_ptr_array_index (rows, r),
                                                       "cx-accepted"));
              g_assert_nonnull (shown->reason);
              n_accepted++;
            }
        }
      gtk_popover_popdown (window->findings_popover);
      cx_gui_test_settle ();
      g_assert_null (window->findings_popover);
      n_steps++;
    }

  /* The sample has findings on several steps, and accepts two */
  g_assert_cmpuint (n_steps, >=, 5);
  g_assert_cmpuint (n_accepted, ==, 2);
  /* Looking changes nothing */
  after = cx_plan_to_bytes (cx_document_get_plan (document));
  g_assert_true (g_bytes_equal (after, original));

  cx_gui_test_destroy_window (window);
}

/* How many findings of @check the map shows on @step */
static guint
count_step_findings (CxWindow  *window,
                     CxStep    *step,
                     CxCheckId  check)
{
  g_autoptr(GPtrArray) findings = cx_map_view_get_step_findings (window->map_view, step);
  guint n = 0;

  for (guint f = 0; f < findings->len; f++)
    n += ((const CxFinding *) g_ptr_array_index (findings, f))->check == check;

  return n;
}

/* A fix in the popover: one edit, the finding gone, and undo gives back
 * the plan byte for byte */
static void
test_fix (void)
{
  g_autofree char *path = cx_gui_test_sample_path ("team-gear-store.cxplan");
  CxWindow *window = cx_gui_test_new_window ();
  CxDocument *document = cx_gui_test_open_and_wait (window, path, CX_DOCUMENT_LOAD_AS_COPY);
  CxPlan *plan = cx_document_get_plan (document);
  CxMapLayout *layout = cx_map_view_get_layout (window->map_view);
  g_autoptr(GBytes) original = cx_plan_to_bytes (plan);
  g_autoptr(GBytes) fixed = NULL;
  g_autoptr(GBytes) undone = NULL;
  CxStep *step = NULL;
  CxCheckId check = 0;
  guint index = 0, n_before = 0;

  /* The first step with a finding whose fix edits the plan */
  for (guint i = 0; step == NULL && i < cx_map_layout_get_n_steps (layout); i++)
    {
      CxStep *candidate = cx_map_layout_get_step (layout, i);
      g_autoptr(GPtrArray) findings = cx_map_view_get_step_findings (window->map_view, candidate);

      for (guint f = 0; findings != NULL && f < findings->len; f++)
        {
          const CxFinding *finding = g_ptr_array_index (findings, f);

          if (!finding->accepted && cx_fix_edits_plan (cx_finding_get_fix (plan, finding)))
            {
              step = candidate;
              check = finding->check;
              index = f;
              break;
            }
        }
    }
  g_assert_nonnull (step);
  n_before = count_step_findings (window, step, check);

  open_popover (window, step);
  {
    g_autoptr(GPtrArray) rows = popover_rows (window);
    GtkWidget *row = g_ptr_array_index (rows, index);
    const CxFinding *finding = cx_finding_row_get_finding (CX_FINDING_ROW (row));
    GtkWidget *button = cx_gui_test_find_button (row, cx_fix_get_label (cx_finding_get_fix (plan,
                                                                                           finding)),
                                                 NULL);

    g_assert_nonnull (button);
    cx_gui_test_click (button);
  }
  cx_gui_test_settle ();

  /* The popover went; the plan changed, as one edit. The document checks
   * a changed plan 40 ms later: check now, not on how fast the loop ran */
  g_assert_null (window->findings_popover);
  cx_document_check_now (document);
  cx_gui_test_settle ();
  fixed = cx_plan_to_bytes (plan);
  g_assert_false (g_bytes_equal (fixed, original));
  /* the map shows it once it has laid the changed plan out */
  WAIT_FOR (count_step_findings (window, step, check) < n_before);

  cx_gui_test_activate (window, "win.undo", NULL);
  undone = cx_plan_to_bytes (plan);
  g_assert_true (g_bytes_equal (undone, original));

  cx_gui_test_destroy_window (window);
}

/* Nothing to show: no popover, and a bell */
static void
test_no_findings (void)
{
  g_autofree char *path = cx_gui_test_sample_path ("team-gear-store.cxplan");
  CxWindow *window = cx_gui_test_new_window ();
  CxMapLayout *layout;

  cx_gui_test_open_and_wait (window, path, CX_DOCUMENT_LOAD_AS_COPY);
  layout = cx_map_view_get_layout (window->map_view);
  for (guint i = 0; i < cx_map_layout_get_n_steps (layout); i++)
    {
      CxStep *step = cx_map_layout_get_step (layout, i);
      g_autoptr(GPtrArray) findings = cx_map_view_get_step_findings (window->map_view, step);

      if (findings->len > 0)
        continue;
      open_popover (window, step);
      g_assert_null (window->findings_popover);
      break;
    }

  cx_gui_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  if (!cx_gui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/cxplan/map-findings/rows", test_rows);
  g_test_add_func ("/cxplan/map-findings/fix", test_fix);
  g_test_add_func ("/cxplan/map-findings/no-findings", test_no_findings);

  return cx_gui_test_run ();
}
