/* test-findings.c — each fix of a finding, from its row, and undone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each fix, applied through the fix button of the finding's own row in
 * the list: the plan changes as the fix says (or the keyboard goes to the
 * field to fill in, and what the user types there answers the finding),
 * the finding goes, and undo brings back the plan byte for byte.
 * Accepting and the filters: test-findings-list.c.
 */

#include "config.h"

#include <glib/gstdio.h>

#include "cx-finding-row.h"
#include "cx-fix.h"
#include "cx-gui-test.h"
#include "cx-step-panel-private.h"

/* ------------------------------------------------------------------ */
/* Plans made for a finding                                            */

#define OK_STEP(id) \
  "<step id=\"" id "\" owner=\"Team\"><title>Step " id "</title>" \
  "<expected level=\"3\"/><delivered level=\"3\"/></step>"

typedef struct
{
  const char *settings;  /* the settings element, or NULL */
  const char *lanes;     /* the lanes beyond "actions", or NULL */
  const char *before;
  const char *during;
  const char *after;
  const char *recovery;
} Fixture;

static char *
write_plan (const char    *dir,
            const char    *name,
            const Fixture *fixture)
{
  g_autofree char *file = g_strconcat (name, ".cxplan", NULL);
  char *path = g_build_filename (dir, file, NULL);
  g_autofree char *xml = NULL;

  xml = g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                         "<cxplan xmlns=\"urn:cxplan:plan:1\" version=\"1.1\">\n"
                         "  <title>%s</title>\n"
                         "  %s\n"
                         "  <lanes>"
                         "<lane id=\"actions\" kind=\"actions\"><name>Actions</name></lane>"
                         "%s</lanes>\n"
                         "  <phases>\n"
                         "    <phase kind=\"before\">%s</phase>\n"
                         "    <phase kind=\"during\">%s</phase>\n"
                         "    <phase kind=\"after\">%s</phase>\n"
                         "    <phase kind=\"recovery\">%s</phase>\n"
                         "  </phases>\n"
                         "</cxplan>\n",
                         name, fixture->settings != NULL ? fixture->settings : "",
                         fixture->lanes != NULL ? fixture->lanes : "",
                         fixture->before, fixture->during, fixture->after, fixture->recovery);
  g_assert_true (g_file_set_contents (path, xml, -1, NULL));

  return path;
}

/* ------------------------------------------------------------------ */
/* Each fix                                                            */

typedef struct
{
  const char *name;
  CxCheckId   check;
  CxFixKind   fix;
  Fixture     fixture;
  /* What the fix did, and what the user goes on to do where it left them */
  void      (*after) (CxWindow *window,
                      CxPlan   *plan);
} FixCase;

static void
after_add_recovery (CxWindow *window,
                    CxPlan   *plan)
{
  CxStep *recovery;

  g_assert_cmpuint (cx_plan_get_n_steps (plan, CX_PHASE_RECOVERY), ==, 1);
  recovery = cx_plan_get_step (plan, CX_PHASE_RECOVERY, 0);
  g_assert_cmpstr (cx_step_get_recovers (recovery), ==, "late");
  g_assert_cmpstr (cx_failure_get_leads_to (cx_step_get_failure (cx_plan_get_step (plan,
                                                                                    CX_PHASE_DURING,
                                                                                    0), 0)),
                   ==, cx_step_get_id (recovery));
  /* Its title, ready to type */
  g_assert_true (cx_step_panel_get_step (window->step_panel) == recovery);
  g_assert_true (cx_gui_test_has_focus_within (window, GTK_WIDGET (window->step_panel->title_row)));
}

static void
after_answer_there (CxWindow *window,
                    CxPlan   *plan)
{
  g_assert_cmpuint (cx_plan_get_n_steps (plan, CX_PHASE_RECOVERY), ==, 1);
  g_assert_cmpstr (cx_step_get_recovers (cx_plan_get_step (plan, CX_PHASE_RECOVERY, 0)), ==,
                   "late");
}

static void
after_add_to_phase (CxWindow *window,
                    CxPlan   *plan)
{
  g_assert_cmpuint (cx_plan_get_n_steps (plan, CX_PHASE_AFTER), ==, 1);
  g_assert_true (cx_step_panel_get_step (window->step_panel) ==
                 cx_plan_get_step (plan, CX_PHASE_AFTER, 0));
  g_assert_true (cx_gui_test_has_focus_within (window, GTK_WIDGET (window->step_panel->title_row)));
}

static void
after_focus_owner (CxWindow *window,
                   CxPlan   *plan)
{
  CxStep *step = cx_plan_get_step (plan, CX_PHASE_DURING, 0);

  /* Nothing changed yet: the owner field takes the keyboard */
  g_assert_cmpuint (cx_history_get_n_undo (cx_document_get_history (window->document)), ==, 0);
  g_assert_true (cx_step_panel_get_step (window->step_panel) == step);
  g_assert_true (cx_gui_test_has_focus_within (window, GTK_WIDGET (window->step_panel->owner_row)));
  cx_gui_test_type (GTK_EDITABLE (window->step_panel->owner_row), "Store team");
  g_assert_cmpstr (cx_step_get_owner (step), ==, "Store team");
}

static void
after_focus_level (CxWindow *window,
                   CxPlan   *plan)
{
  CxStep *step = cx_plan_get_step (plan, CX_PHASE_DURING, 0);

  g_assert_cmpuint (cx_history_get_n_undo (cx_document_get_history (window->document)), ==, 0);
  g_assert_true (cx_step_panel_get_step (window->step_panel) == step);
  /* The level missing is the expected one */
  g_assert_true (cx_gui_test_has_focus_within (window,
                                               GTK_WIDGET (window->step_panel->expected_row)));
  adw_combo_row_set_selected (window->step_panel->expected_row, 3);
  cx_gui_test_settle ();
  g_assert_cmpint (cx_step_get_expected_level (step), ==, 3);
}

static void
after_remove_reference (CxWindow *window,
                        CxPlan   *plan)
{
  g_assert_null (cx_step_get_persona (cx_plan_get_step (plan, CX_PHASE_DURING, 0)));
}

static void
after_choose_failures (CxWindow *window,
                       CxPlan   *plan)
{
  CxStep *recovery = cx_plan_get_step (plan, CX_PHASE_RECOVERY, 0);
  GtkWidget *button = window->step_panel->answer_button;
  GtkWidget *popover, *search, *list;

  g_assert_cmpuint (cx_history_get_n_undo (cx_document_get_history (window->document)), ==, 0);
  g_assert_true (cx_step_panel_get_step (window->step_panel) == recovery);
  g_assert_true (cx_gui_test_has_focus_within (window, button));

  /* The failure chosen by name, in the button's popover */
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button)));
  search = cx_gui_test_find_child (popover, GTK_TYPE_SEARCH_ENTRY);
  list = cx_gui_test_find_child (popover, GTK_TYPE_LIST_BOX);
  gtk_editable_set_text (GTK_EDITABLE (search), "voicemail");
  WAIT_FOR (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0) != NULL);
  g_signal_emit_by_name (list, "row-activated",
                         gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  cx_gui_test_settle ();
  g_assert_cmpstr (cx_step_get_recovers (recovery), ==, "voicemail");
}

static void
after_write_backstage (CxWindow *window,
                       CxPlan   *plan)
{
  CxStep *step = cx_plan_get_step (plan, CX_PHASE_DURING, 0);
  GtkWidget *editor = cx_map_view_get_editor (window->map_view);

  /* The step's backstage cell, open on the map */
  g_assert_cmpuint (cx_history_get_n_undo (cx_document_get_history (window->document)), ==, 0);
  g_assert_true (cx_map_view_get_selected_step (window->map_view) == step);
  g_assert_cmpstr (cx_lane_get_id (cx_map_view_get_cursor_lane (window->map_view)), ==, "back");
  g_assert_nonnull (editor);
  g_assert_true (cx_gui_test_has_focus_within (window, editor));
  gtk_editable_set_text (GTK_EDITABLE (editor), "Packs the parcel");
  g_signal_emit_by_name (editor, "activate");
  cx_gui_test_settle ();
  g_assert_cmpstr (cx_step_lookup_cell (step, "back"), ==, "Packs the parcel");
}

static void
after_remove_accept (CxWindow *window,
                     CxPlan   *plan)
{
  g_assert_cmpuint (cx_plan_get_n_accepts (plan), ==, 0);
}

#define FAILURE(attrs, mode) \
  "<failure id=\"" attrs "><mode>" mode "</mode></failure>"

static const FixCase fix_cases[] = {
  { "cx003", CX_CHECK_UNRECOVERED_FAILURE, CX_FIX_ADD_RECOVERY_STEP,
    { NULL, NULL, OK_STEP ("b1"),
      "<step id=\"d1\" owner=\"Team\"><title>Deliver</title>"
      "<expected level=\"3\"/><delivered level=\"3\"/>"
      FAILURE ("late\" severity=\"9\" occurrence=\"5\" detection=\"5\"", "The parcel is late")
      "</step>",
      OK_STEP ("a1"), "" },
    after_add_recovery },
  { "cx016", CX_CHECK_UNANSWERED_LEADS_TO, CX_FIX_ADD_TO_RECOVERY,
    { NULL, NULL, OK_STEP ("b1"),
      "<step id=\"d1\" owner=\"Team\"><title>Deliver</title>"
      "<expected level=\"3\"/><delivered level=\"3\"/>"
      FAILURE ("late\" severity=\"2\" occurrence=\"1\" detection=\"1\" leads-to=\"r1\"",
               "The parcel is late")
      "</step>",
      OK_STEP ("a1"),
      "<step id=\"r1\" owner=\"Team\"><title>Call back</title></step>" },
    after_answer_there },
  { "cx004", CX_CHECK_EMPTY_PHASE, CX_FIX_ADD_STEP_TO_PHASE,
    { NULL, NULL, OK_STEP ("b1"), OK_STEP ("d1"), "", "" },
    after_add_to_phase },
  { "cx005", CX_CHECK_UNOWNED_STEP, CX_FIX_FOCUS_OWNER,
    { NULL, NULL, OK_STEP ("b1"),
      "<step id=\"d1\"><title>Deliver</title><expected level=\"3\"/><delivered level=\"3\"/>"
      "</step>",
      OK_STEP ("a1"), "" },
    after_focus_owner },
  { "cx010", CX_CHECK_UNASSESSED_STEP, CX_FIX_FOCUS_LEVEL,
    { NULL, NULL, OK_STEP ("b1"),
      "<step id=\"d1\" owner=\"Team\"><title>Deliver</title><delivered level=\"3\"/></step>",
      OK_STEP ("a1"), "" },
    after_focus_level },
  { "cx008", CX_CHECK_BROKEN_REFERENCE, CX_FIX_REMOVE_REFERENCE,
    { NULL, NULL, OK_STEP ("b1"),
      "<step id=\"d1\" owner=\"Team\" persona=\"nobody\"><title>Deliver</title>"
      "<expected level=\"3\"/><delivered level=\"3\"/></step>",
      OK_STEP ("a1"), "" },
    after_remove_reference },
  { "cx011", CX_CHECK_IDLE_RECOVERY, CX_FIX_CHOOSE_FAILURES,
    { NULL, NULL, OK_STEP ("b1"),
      "<step id=\"d1\" owner=\"Team\"><title>Call the store</title>"
      "<expected level=\"3\"/><delivered level=\"3\"/>"
      FAILURE ("voicemail\" severity=\"2\" occurrence=\"1\" detection=\"1\"",
               "Calls go to voicemail")
      "</step>",
      OK_STEP ("a1"),
      "<step id=\"r1\" owner=\"Team\"><title>Call back</title></step>" },
    after_choose_failures },
  { "cx021", CX_CHECK_BLUEPRINT_GAP, CX_FIX_WRITE_BACKSTAGE,
    { NULL,
      "<lane id=\"front\" kind=\"frontstage\"><name>Frontstage</name></lane>"
      "<lane id=\"back\" kind=\"backstage\"><name>Backstage</name></lane>",
      OK_STEP ("b1"),
      "<step id=\"d1\" owner=\"Team\"><title>Hand over the parcel</title>"
      "<expected level=\"3\"/><delivered level=\"3\"/>"
      "<cell lane=\"front\">The courier rings</cell></step>",
      OK_STEP ("a1"), "" },
    after_write_backstage },
  { "cx022", CX_CHECK_STALE_ACCEPT, CX_FIX_REMOVE_ACCEPT,
    { "<settings><accept check=\"CX005\" ref=\"gone\">Not ours</accept></settings>",
      NULL, OK_STEP ("b1"), OK_STEP ("d1"), OK_STEP ("a1"), "" },
    after_remove_accept },
};

static void
test_fix (gconstpointer data)
{
  const FixCase *fix_case = data;
  g_autofree char *dir = g_dir_make_tmp ("cx-findings-XXXXXX", NULL);
  g_autofree char *path = write_plan (dir, fix_case->name, &fix_case->fixture);
  CxWindow *window = cx_gui_test_open_findings (path);
  CxPlan *plan = cx_document_get_plan (window->document);
  CxHistory *history = cx_document_get_history (window->document);
  g_autoptr(GBytes) original = cx_plan_to_bytes (plan);
  g_autoptr(GBytes) now = NULL;
  g_autoptr(CxFinding) target = NULL;
  GtkWidget *row, *button;

  g_assert_nonnull (cx_gui_test_plan_finding (window, fix_case->check, NULL));
  target = cx_finding_copy (cx_gui_test_plan_finding (window, fix_case->check, NULL));
  g_assert_cmpint (cx_finding_get_fix (plan, target), ==, fix_case->fix);
  g_assert_cmpuint (cx_gui_test_n_listed_at (window, target), ==, 1);

  /* The row's own button, saying what it does */
  row = cx_gui_test_finding_row (window, target, FALSE);
  button = cx_gui_test_find_button (row, cx_fix_get_label (fix_case->fix), NULL);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  cx_gui_test_click (button);

  /* One step of undo, when the fix edits the plan */
  if (cx_fix_edits_plan (fix_case->fix))
    g_assert_cmpuint (cx_history_get_n_undo (history), ==, 1);
  fix_case->after (window, plan);

  /* The finding goes, from the plan's findings and from the list */
  cx_document_check_now (window->document);
  cx_gui_test_settle ();
  g_assert_null (cx_gui_test_plan_finding (window, fix_case->check, target));
  g_assert_cmpuint (cx_gui_test_n_listed_at (window, target), ==, 0);

  /* Undone, the plan is what it was, byte for byte, and so is the finding */
  g_assert_true (cx_history_get_can_undo (history));
  while (cx_history_get_can_undo (history))
    cx_gui_test_activate (window, "win.undo", NULL);
  now = cx_plan_to_bytes (plan);
  g_assert_true (g_bytes_equal (now, original));
  cx_document_check_now (window->document);
  cx_gui_test_settle ();
  g_assert_cmpuint (cx_gui_test_n_listed_at (window, target), ==, 1);

  cx_gui_test_destroy_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  if (!cx_gui_test_init (&argc, &argv))
    return 0;

  for (guint i = 0; i < G_N_ELEMENTS (fix_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/cxplan/findings/fix/%s", fix_cases[i].name);

      g_test_add_data_func (name, &fix_cases[i], test_fix);
    }

  return cx_gui_test_run ();
}
