/* test-new-plan.c — New Plan: blank, or from each bundled template
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * From the welcome page the plan opens in the window; from a window with
 * a plan (Ctrl+N), in a new one. The plan is untitled as its template is,
 * has no file, counts as unsaved, and was created now.
 */

#include "config.h"

#include <string.h>

#include "cx-gui-test.h"
#include "cx-new-plan-dialog.h"
#include "cx-templates.h"

static CxNewPlanDialog *
find_new_plan_dialog (CxWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (CX_IS_NEW_PLAN_DIALOG (toplevel) &&
          gtk_window_get_transient_for (GTK_WINDOW (toplevel)) == GTK_WINDOW (window))
        return CX_NEW_PLAN_DIALOG (toplevel);
    }

  return NULL;
}

/* Chooses @template in the dialog as a click on its row does, and Create */
static void
choose_template (CxWindow         *window,
                 const CxTemplate *template_)
{
  CxNewPlanDialog *dialog;
  const char *title;
  GtkWidget *row;

  cx_gui_test_activate (window, "win.new-plan", NULL);
  dialog = find_new_plan_dialog (window);
  g_assert_nonnull (dialog);
  cx_gui_test_wait_for_allocation (GTK_WIDGET (dialog));
  g_assert_cmpstr (cx_new_plan_dialog_get_template (dialog), ==, CX_TEMPLATE_BLANK);

  title = g_str_equal (template_->name, CX_TEMPLATE_BLANK) ? "Blank Plan" : template_->title;
  row = cx_gui_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, title);
  g_assert_nonnull (row);
  if (template_->description != NULL)
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                              template_->description));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_signal_emit_by_name (row, "activate");
  cx_gui_test_settle ();
  /* Chosen, not yet made: the blank plan's row was chosen already */
  if (!g_str_equal (template_->name, CX_TEMPLATE_BLANK))
    {
      g_assert_nonnull (dialog);
      g_assert_cmpstr (cx_new_plan_dialog_get_template (dialog), ==, template_->name);
      cx_gui_test_click (cx_gui_test_find_button (GTK_WIDGET (dialog), "C_reate", NULL));
    }
  /* A row activated when chosen creates the plan, as Create does */
  WAIT_FOR (dialog == NULL);
}

static void
assert_new_plan (CxWindow         *window,
                 const CxTemplate *template_,
                 GDateTime        *before)
{
  CxDocument *document = window->document;
  CxPlan *plan = cx_document_get_plan (document);
  g_autoptr(CxPlan) expected = cx_template_new_plan (template_->name, NULL, NULL);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) created = NULL;
  guint n_steps = 0;

  /* Untitled, no file, unsaved, created now */
  g_assert_null (cx_document_get_file (document));
  g_assert_true (cx_document_get_modified (document));
  g_assert_cmpstr (cx_plan_get_title (plan), ==, template_->title);
  created = g_date_time_new_from_iso8601 (cx_plan_get_created (plan), utc);
  g_assert_nonnull (created);
  g_assert_cmpint (g_date_time_difference (created, before), >, -G_USEC_PER_SEC);
  g_assert_cmpint (g_date_time_difference (created, before), <, 60 * G_USEC_PER_SEC);

  /* The template's lanes and steps */
  g_assert_cmpuint (cx_plan_get_n_lanes (plan), ==, cx_plan_get_n_lanes (expected));
  for (guint i = 0; i < cx_plan_get_n_lanes (plan); i++)
    g_assert_cmpint (cx_lane_get_kind (cx_plan_get_lane (plan, i)), ==,
                     cx_lane_get_kind (cx_plan_get_lane (expected, i)));
  for (CxPhase phase = 0; phase < CX_N_PHASES; phase++)
    n_steps += cx_plan_get_n_steps (plan, phase);
  g_assert_cmpuint (n_steps, ==, template_->n_steps);
  g_assert_cmpuint (cx_plan_get_n_personas (plan), ==, cx_plan_get_n_personas (expected));

  /* The window says it is new */
  g_assert_cmpstr (adw_window_title_get_subtitle (window->window_title), ==,
                   "New plan, not saved yet");
}

static void
test_new_plan (gconstpointer data)
{
  const char *name = data;
  g_autoptr(GPtrArray) templates = cx_templates_list ();
  g_autoptr(GDateTime) before = g_date_time_new_now_utc ();
  const CxTemplate *template_ = NULL;
  CxWindow *window = cx_gui_test_new_window ();
  CxWindow *other = NULL;
  CxDocument *first;

  for (guint i = 0; i < templates->len; i++)
    if (g_str_equal (((CxTemplate *) g_ptr_array_index (templates, i))->name, name))
      template_ = g_ptr_array_index (templates, i);
  g_assert_nonnull (template_);

  /* From the welcome page: in this window */
  choose_template (window, template_);
  WAIT_FOR (window->document != NULL);
  assert_new_plan (window, template_, before);
  first = window->document;

  /* With a plan shown (Ctrl+N): in a new window, this one kept */
  choose_template (window, template_);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (cx_gui_test_get_application ()));
       l != NULL; l = l->next)
    if (CX_IS_WINDOW (l->data) && l->data != window)
      other = g_object_ref (l->data);
  g_assert_nonnull (other);
  g_assert_true (window->document == first);
  g_assert_nonnull (other->document);
  g_assert_true (other->document != first);
  assert_new_plan (other, template_, before);

  cx_gui_test_destroy_window (other);
  cx_gui_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) templates = NULL;

  if (!cx_gui_test_init (&argc, &argv))
    return 0;

  templates = cx_templates_list ();
  for (guint i = 0; i < templates->len; i++)
    {
      const CxTemplate *template_ = g_ptr_array_index (templates, i);
      g_autofree char *test_path = g_strdup_printf ("/new-plan/%s", template_->name);

      g_test_add_data_func_full (test_path, g_strdup (template_->name), test_new_plan, g_free);
    }

  return cx_gui_test_run ();
}
