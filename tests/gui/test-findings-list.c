/* test-findings-list.c — accepting a finding, and narrowing the list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A warning accepted through its row's menu and the dialog's reason moves
 * to the accepted section at the end of the list, dimmed, with its reason
 * and Stop Accepting, the list changed in place; it keeps its reason
 * through saving and opening; Stop Accepting brings it back, and undo
 * accepts it again. The severity and check filters and the search narrow
 * the list, "No findings match" offers to clear them, and the header's
 * counts stay those of the whole plan.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#ifdef CX_GUI_TEST_HAVE_XTEST
#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>
#endif

#include "cx-finding-item.h"
#include "cx-finding-row.h"
#include "cx-gui-test.h"

/* The row of the over-promise (CX002) finding, accepted or not */
static GtkWidget *
row_of (CxWindow *window,
        gboolean  accepted)
{
  const CxFinding *finding = cx_gui_test_plan_finding (window, CX_CHECK_OVER_PROMISE, NULL);

  g_assert_nonnull (finding);
  return cx_gui_test_finding_row (window, finding, accepted);
}

/* ------------------------------------------------------------------ */
/* Accepting                                                           */

static gboolean
menu_has (GMenuModel *menu,
          const char *label,
          const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *item_label = NULL;
      g_autofree char *item_action = NULL;

      g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &item_label);
      g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &item_action);
      if (g_strcmp0 (item_label, label) == 0 && g_strcmp0 (item_action, action) == 0)
        return TRUE;
    }

  return FALSE;
}

/* The items the list view shows, held */
static GPtrArray *
shown_items (CxWindow *window)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (cx_gui_test_findings_list (window)));
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));

  return items;
}

/* Every item of @before but those of @except is still shown, the same
 * object: the list was changed in place, not made again */
static void
assert_kept (CxWindow        *window,
             GPtrArray       *before,
             const CxFinding *except)
{
  g_autoptr(GPtrArray) now = shown_items (window);
  guint kept = 0;

  for (guint i = 0; i < before->len; i++)
    {
      CxFindingItem *item = g_ptr_array_index (before, i);

      if (item->finding == NULL || cx_gui_test_same_place (item->finding, except))
        continue;
      g_assert_true (g_ptr_array_find (now, item, NULL));
      kept++;
    }
  g_assert_cmpuint (kept, >, 0);
}

static const CxFinding *
selected_finding (CxWindow *window)
{
  GtkSingleSelection *selection =
    GTK_SINGLE_SELECTION (gtk_list_view_get_model (cx_gui_test_findings_list (window)));
  gpointer item = gtk_single_selection_get_selected_item (selection);

  return item != NULL ? CX_FINDING_ITEM (item)->finding : NULL;
}

/* A warning, CX002 over-promise, at d1; an info, CX005 unowned-step, at d2 */
static const char accept_plan[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<cxplan xmlns=\"urn:cxplan:plan:1\" version=\"1.1\">\n"
  "  <title>Accepting</title>\n"
  "  <lanes><lane id=\"actions\" kind=\"actions\"><name>Actions</name></lane></lanes>\n"
  "  <phases>\n"
  "    <phase kind=\"before\"><step id=\"b1\" owner=\"Team\"><title>Browse</title>"
  "<expected level=\"3\"/><delivered level=\"3\"/></step></phase>\n"
  "    <phase kind=\"during\"><step id=\"d1\" owner=\"Team\"><title>Promise next-day delivery"
  "</title><expected level=\"5\"/><delivered level=\"1\"/></step>"
  "<step id=\"d2\"><title>Deliver</title><expected level=\"3\"/><delivered level=\"3\"/>"
  "</step></phase>\n"
  "    <phase kind=\"after\"><step id=\"a1\" owner=\"Team\"><title>Follow up</title>"
  "<expected level=\"3\"/><delivered level=\"3\"/></step></phase>\n"
  "    <phase kind=\"recovery\"/>\n"
  "  </phases>\n"
  "</cxplan>\n";

static char *
write_accept_plan (const char *dir)
{
  char *path = g_build_filename (dir, "accept.cxplan", NULL);

  g_assert_true (g_file_set_contents (path, accept_plan, -1, NULL));

  return path;
}

static void
test_accept (void)
{
  const char *reason = "Next-day delivery is the courier's promise, not ours";
  g_autofree char *dir = g_dir_make_tmp ("cx-findings-XXXXXX", NULL);
  g_autofree char *path = write_accept_plan (dir);
  CxWindow *window = cx_gui_test_open_findings (path);
  CxWindow *reopened;
  CxPlan *plan = cx_document_get_plan (window->document);
  CxHistory *history = cx_document_get_history (window->document);
  g_autoptr(CxFinding) chosen = NULL;
  GPtrArray *before;
  AdwMessageDialog *dialog;
  GtkWidget *entry, *menu_button, *stop;
  GtkWidget *row;
  const CxFinding *finding;
  guint n;

  n = cx_findings_panel_get_n_findings (window->findings_panel);
  g_assert_cmpuint (cx_gui_test_n_listed (window, CX_CHECK_OVER_PROMISE), ==, 1);
  g_assert_cmpuint (cx_findings_panel_get_n_accepted (window->findings_panel), ==, 0);

  /* Another finding is chosen: accepting this one keeps it chosen */
  for (guint i = 0; i < n; i++)
    if (cx_findings_panel_get_finding (window->findings_panel, i)->check == CX_CHECK_UNOWNED_STEP)
      g_assert_true (cx_findings_panel_activate_index (window->findings_panel, i));
  chosen = cx_finding_copy (selected_finding (window));
  g_assert_cmpint (chosen->check, ==, CX_CHECK_UNOWNED_STEP);

  /* Accept… in the row's menu */
  row = row_of (window, FALSE);
  menu_button = cx_gui_test_find_child (row, GTK_TYPE_MENU_BUTTON);
  g_assert_true (menu_has (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button)),
                           "Accept…", "row.accept"));
  g_assert_true (gtk_widget_activate_action (row, "row.accept", NULL));
  cx_gui_test_settle ();

  /* The dialog asks for a reason: a blank one is not one */
  WAIT_FOR ((dialog = cx_gui_test_find_message_dialog (window)) != NULL);
  entry = adw_message_dialog_get_extra_child (dialog);
  g_assert_true (GTK_IS_EDITABLE (entry));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "accept"));
  cx_gui_test_type (GTK_EDITABLE (entry), "  ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "accept"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  cx_gui_test_type (GTK_EDITABLE (entry), reason);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "accept"));
  before = shown_items (window);
  cx_gui_test_respond (dialog, "accept");
  cx_document_check_now (window->document);
  cx_gui_test_settle ();
  /* The list was changed in place: only the finding accepted moved */
  assert_kept (window, before, cx_gui_test_plan_finding (window, CX_CHECK_OVER_PROMISE, NULL));
  g_clear_pointer (&before, g_ptr_array_unref);

  /* The plan says so; the finding is accepted, with its reason */
  g_assert_cmpuint (cx_plan_get_n_accepts (plan), ==, 1);
  g_assert_cmpuint (cx_history_get_n_undo (history), ==, 1);
  finding = cx_gui_test_plan_finding (window, CX_CHECK_OVER_PROMISE, NULL);
  g_assert_true (finding->accepted);
  g_assert_cmpstr (finding->reason, ==, reason);

  /* It moved to the accepted section, at the end, under its heading */
  g_assert_cmpuint (cx_findings_panel_get_n_findings (window->findings_panel), ==, n);
  g_assert_cmpuint (cx_findings_panel_get_n_accepted (window->findings_panel), ==, 1);
  finding = cx_findings_panel_get_finding (window->findings_panel, n - 1);
  g_assert_cmpint (finding->check, ==, CX_CHECK_OVER_PROMISE);
  g_assert_true (finding->accepted);
  for (guint i = 0; i < n - 1; i++)
    g_assert_false (cx_findings_panel_get_finding (window->findings_panel, i)->accepted);
  /* The list was changed in place: the finding chosen still is */
  g_assert_nonnull (selected_finding (window));
  g_assert_true (cx_finding_same (selected_finding (window), chosen));

  g_assert_true (cx_gui_test_shows_label (GTK_WIDGET (cx_gui_test_findings_list (window)),
                                          "Accepted (1)"));

  /* Its row: dimmed, with the reason and Stop Accepting */
  row = row_of (window, TRUE);
  g_assert_true (gtk_widget_has_css_class (row, "cx-accepted"));
  {
    g_autofree char *text = g_strdup_printf ("Accepted: %s", reason);

    g_assert_true (cx_gui_test_shows_label (row, text));
  }
  stop = cx_gui_test_find_button (row, "Stop Accepting", NULL);
  g_assert_nonnull (stop);
  g_assert_true (gtk_widget_get_visible (stop));

  /* Saved and opened again: still accepted, with the same reason */
  cx_gui_test_activate (window, "win.save", NULL);
  WAIT_FOR (!cx_document_get_modified (window->document));
  reopened = cx_gui_test_new_window ();
  cx_gui_test_open_and_wait (reopened, path, CX_DOCUMENT_LOAD_AS_COPY);
  finding = cx_gui_test_plan_finding (reopened, CX_CHECK_OVER_PROMISE, NULL);
  g_assert_true (finding->accepted);
  g_assert_cmpstr (finding->reason, ==, reason);
  g_assert_cmpuint (cx_findings_panel_get_n_accepted (reopened->findings_panel), ==, 1);
  cx_gui_test_destroy_window (reopened);

  /* Stop Accepting brings it back among the others */
  before = shown_items (window);
  cx_gui_test_click (stop);
  cx_document_check_now (window->document);
  cx_gui_test_settle ();
  assert_kept (window, before, cx_gui_test_plan_finding (window, CX_CHECK_OVER_PROMISE, NULL));
  g_clear_pointer (&before, g_ptr_array_unref);
  finding = cx_gui_test_plan_finding (window, CX_CHECK_OVER_PROMISE, NULL);
  g_assert_false (finding->accepted);
  g_assert_cmpuint (cx_plan_get_n_accepts (plan), ==, 0);
  g_assert_cmpuint (cx_findings_panel_get_n_accepted (window->findings_panel), ==, 0);
  g_assert_cmpuint (cx_findings_panel_get_n_findings (window->findings_panel), ==, n);
  row_of (window, FALSE);

  /* ... and undo accepts it again, with its reason */
  cx_gui_test_activate (window, "win.undo", NULL);
  cx_document_check_now (window->document);
  cx_gui_test_settle ();
  finding = cx_gui_test_plan_finding (window, CX_CHECK_OVER_PROMISE, NULL);
  g_assert_true (finding->accepted);
  g_assert_cmpstr (finding->reason, ==, reason);
  g_assert_cmpuint (cx_findings_panel_get_n_accepted (window->findings_panel), ==, 1);
  row_of (window, TRUE);

  cx_gui_test_destroy_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

/* ------------------------------------------------------------------ */
/* Filters and search                                                  */

static GtkWidget *
find_by_tooltip (GtkWidget  *root,
                 GType       type,
                 const char *tooltip)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) &&
          g_strcmp0 (gtk_widget_get_tooltip_text (child), tooltip) == 0)
        return child;
      found = find_by_tooltip (child, type, tooltip);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static char *
counts_text (CxWindow *window)
{
  return g_strdup_printf ("%s %s %s", gtk_label_get_text (window->error_count_label),
                          gtk_label_get_text (window->warning_count_label),
                          gtk_label_get_text (window->info_count_label));
}

/* How many of the plan's findings hold to @severity and @check (-1: any) */
static guint
count_findings (CxWindow *window,
                int       severity,
                int       check)
{
  GPtrArray *findings = cx_document_get_findings (window->document);
  guint n = 0;

  for (guint i = 0; i < findings->len; i++)
    {
      const CxFinding *finding = g_ptr_array_index (findings, i);

      n += (severity < 0 || (int) finding->severity == severity) &&
           (check < 0 || (int) finding->check == check);
    }

  return n;
}

static void
assert_listed (CxWindow *window,
               int       severity,
               int       check)
{
  guint n = cx_findings_panel_get_n_findings (window->findings_panel);

  g_assert_cmpuint (n, ==, count_findings (window, severity, check));
  for (guint i = 0; i < n; i++)
    {
      const CxFinding *finding = cx_findings_panel_get_finding (window->findings_panel, i);

      if (severity >= 0)
        g_assert_cmpint (finding->severity, ==, severity);
      if (check >= 0)
        g_assert_cmpint (finding->check, ==, check);
    }
}

static guint
check_position (GtkDropDown *dropdown,
                const char  *id)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (model), i), id))
      return i;

  g_error ("no %s in the check filter", id);
}

static void
test_filters (void)
{
  g_autofree char *path = cx_gui_test_sample_path ("team-gear-store.cxplan");
  CxWindow *window = cx_gui_test_open_findings (path);
  GtkWidget *panel = GTK_WIDGET (window->findings_panel);
  g_autofree char *counts = counts_text (window);
  GtkWidget *severity, *check, *search_button, *search_bar, *entry, *stack, *clear;
  guint n_all = cx_findings_panel_get_n_findings (window->findings_panel);
  guint n_checks = 0;
  int check_id;

  severity = find_by_tooltip (panel, GTK_TYPE_DROP_DOWN, "Show Findings of a Severity");
  check = find_by_tooltip (panel, GTK_TYPE_DROP_DOWN, "Show Findings of a Check");
  search_button = find_by_tooltip (panel, GTK_TYPE_TOGGLE_BUTTON, "Search Findings");
  search_bar = cx_gui_test_find_child (panel, GTK_TYPE_SEARCH_BAR);
  entry = gtk_search_bar_get_child (GTK_SEARCH_BAR (search_bar));
  stack = gtk_widget_get_ancestor (GTK_WIDGET (cx_gui_test_findings_list (window)), GTK_TYPE_STACK);
  g_assert_nonnull (severity);
  g_assert_nonnull (check);
  g_assert_nonnull (search_button);
  g_assert_true (GTK_IS_SEARCH_ENTRY (entry));

  /* Every control says what it is */
  gtk_test_accessible_assert_property (severity, GTK_ACCESSIBLE_PROPERTY_LABEL, "Severity");
  gtk_test_accessible_assert_property (check, GTK_ACCESSIBLE_PROPERTY_LABEL, "Check");
  gtk_test_accessible_assert_property (search_button, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Search Findings");
  gtk_test_accessible_assert_property (entry, GTK_ACCESSIBLE_PROPERTY_LABEL, "Search Findings");

  g_assert_cmpuint (n_all, ==, cx_document_get_findings (window->document)->len);
  g_assert_cmpuint (n_all, >, 5);

  /* The check filter lists the checks that have findings, and only them */
  for (CxCheckId id = 0; id < CX_N_CHECKS; id++)
    n_checks += count_findings (window, -1, id) > 0;
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (check))),
                    ==, n_checks + 1);

  /* Warnings only */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (severity), 2);
  cx_gui_test_settle ();
  assert_listed (window, CX_SEVERITY_WARNING, -1);
  g_assert_cmpuint (cx_findings_panel_get_n_findings (window->findings_panel), <, n_all);
  g_assert_cmpstr (counts_text (window), ==, counts);

  /* Info, and one check of info */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (severity), 3);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (check), check_position (GTK_DROP_DOWN (check),
                                                                     "CX005"));
  cx_gui_test_settle ();
  assert_listed (window, CX_SEVERITY_INFO, CX_CHECK_UNOWNED_STEP);
  g_assert_cmpuint (cx_findings_panel_get_n_findings (window->findings_panel), >, 0);

  /* Errors of an info check: none match, and the filters can be cleared */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (severity), 1);
  cx_gui_test_settle ();
  g_assert_cmpuint (cx_findings_panel_get_n_findings (window->findings_panel), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "none-match");
  clear = cx_gui_test_find_button (panel, "_Clear Filters", NULL);
  g_assert_nonnull (clear);
  g_assert_true (gtk_widget_get_visible (clear));
  g_assert_cmpstr (counts_text (window), ==, counts);
  cx_gui_test_click (clear);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "list");
  g_assert_cmpuint (cx_findings_panel_get_n_findings (window->findings_panel), ==, n_all);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (severity)), ==, 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (check)), ==, 0);

  /* A check alone */
  check_id = ((CxFinding *) g_ptr_array_index (cx_document_get_findings (window->document),
                                               0))->check;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (check),
                              check_position (GTK_DROP_DOWN (check),
                                              cx_check_info (check_id)->id));
  cx_gui_test_settle ();
  assert_listed (window, -1, check_id);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (check), 0);
  cx_gui_test_settle ();

  /* The search: opened from its button (typing in the list opens it too),
   * by check id whatever the case */
  g_assert_true (gtk_search_bar_get_key_capture_widget (GTK_SEARCH_BAR (search_bar)) ==
                 GTK_WIDGET (cx_gui_test_findings_list (window)));
  cx_gui_test_click (search_button);
  g_assert_true (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (search_bar)));
  cx_gui_test_type (GTK_EDITABLE (entry), "cx005");
  WAIT_FOR (cx_findings_panel_get_n_findings (window->findings_panel) ==
            count_findings (window, -1, CX_CHECK_UNOWNED_STEP));
  assert_listed (window, -1, CX_CHECK_UNOWNED_STEP);

  /* ... and by a step's title: its findings, and those that name it */
  {
    const CxFinding *first = NULL;
    GPtrArray *findings = cx_document_get_findings (window->document);
    const char *title;
    guint at_step = 0;

    for (guint i = 0; i < findings->len && first == NULL; i++)
      if (((CxFinding *) g_ptr_array_index (findings, i))->step_id != NULL)
        first = g_ptr_array_index (findings, i);
    g_assert_nonnull (first);
    title = cx_step_get_title (CX_STEP (cx_plan_lookup_id (cx_document_get_plan (window->document),
                                                           first->step_id)));
    for (guint i = 0; i < findings->len; i++)
      at_step += g_strcmp0 (((CxFinding *) g_ptr_array_index (findings, i))->step_id,
                            first->step_id) == 0;

    gtk_editable_set_text (GTK_EDITABLE (entry), title);
    WAIT_FOR (cx_findings_panel_get_n_findings (window->findings_panel) < n_all &&
              cx_findings_panel_get_n_findings (window->findings_panel) >= at_step);
    for (guint i = 0; i < cx_findings_panel_get_n_findings (window->findings_panel); i++)
      {
        const CxFinding *finding = cx_findings_panel_get_finding (window->findings_panel, i);
        GObject *step = finding->step_id != NULL
                        ? cx_plan_lookup_id (cx_document_get_plan (window->document),
                                             finding->step_id)
                        : NULL;
        g_autofree char *message = g_utf8_casefold (finding->message, -1);
        g_autofree char *step_title = CX_IS_STEP (step)
                                      ? g_utf8_casefold (cx_step_get_title (CX_STEP (step)), -1)
                                      : NULL;
        g_autofree char *folded = g_utf8_casefold (title, -1);

        g_assert_true (strstr (message, folded) != NULL ||
                       (step_title != NULL && strstr (step_title, folded) != NULL));
      }
  }
  g_assert_cmpstr (counts_text (window), ==, counts);

  /* Ending the search shows all again */
  cx_findings_panel_clear_filters (window->findings_panel);
  cx_gui_test_settle ();
  g_assert_false (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (search_bar)));
  g_assert_cmpuint (cx_findings_panel_get_n_findings (window->findings_panel), ==, n_all);

  /* Another plan opened in the window shows all its findings */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (severity), 2);
  cx_gui_test_type (GTK_EDITABLE (entry), "a");
  cx_gui_test_settle ();
  g_assert_cmpuint (cx_findings_panel_get_n_findings (window->findings_panel), <, n_all);
  {
    g_autofree char *other = cx_gui_test_sample_path ("online-order-return.cxplan");

    cx_gui_test_open_and_wait (window, other, CX_DOCUMENT_LOAD_AS_COPY);
  }
  cx_gui_test_settle ();
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (severity)), ==, 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (check)), ==, 0);
  g_assert_false (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (search_bar)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_cmpuint (cx_findings_panel_get_n_findings (window->findings_panel), ==,
                    cx_document_get_findings (window->document)->len);

  cx_gui_test_destroy_window (window);
}

/* ------------------------------------------------------------------ */
/* Typing in the list searches it                                      */

#ifdef CX_GUI_TEST_HAVE_XTEST

static Display *
x_display (void)
{
  return gdk_x11_display_get_xdisplay (gdk_display_get_default ());
}

/* Taps @keysym, as a key would; then lets the window see it */
static void
tap (KeySym keysym)
{
  KeyCode keycode = XKeysymToKeycode (x_display (), keysym);

  g_assert_cmpuint (keycode, !=, 0);
  XTestFakeKeyEvent (x_display (), keycode, True, CurrentTime);
  XTestFakeKeyEvent (x_display (), keycode, False, CurrentTime);
  XSync (x_display (), False);
  cx_gui_test_settle ();
}

static void
test_type_to_search (void)
{
  g_autofree char *path = cx_gui_test_sample_path ("team-gear-store.cxplan");
  int event_base, error_base, major, minor;
  CxWindow *window;
  GtkWidget *list_view, *search_bar, *entry;
  guint n_all;

  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()) ||
      !XTestQueryExtension (x_display (), &event_base, &error_base, &major, &minor))
    {
      g_test_skip ("needs an X11 display with XTest to send keys to");
      return;
    }

  window = cx_gui_test_open_findings (path);
  list_view = GTK_WIDGET (cx_gui_test_findings_list (window));
  search_bar = gtk_widget_get_ancestor (list_view, GTK_TYPE_BOX);
  search_bar = cx_gui_test_find_child (search_bar, GTK_TYPE_SEARCH_BAR);
  entry = gtk_search_bar_get_child (GTK_SEARCH_BAR (search_bar));
  n_all = cx_findings_panel_get_n_findings (window->findings_panel);
  gtk_window_present (GTK_WINDOW (window));

  /* Show Findings puts the keyboard in the list */
  cx_gui_test_activate (window, "win.show-findings", NULL);
  WAIT_FOR (cx_gui_test_has_focus_within (window, list_view));
  g_assert_false (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (search_bar)));

  /* A letter typed there opens the search with it, and the list narrows */
  tap (XK_c);
  tap (XK_x);
  tap (XK_0);
  tap (XK_0);
  tap (XK_5);
  WAIT_FOR (gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (search_bar)));
  WAIT_FOR (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), "cx005") == 0);
  WAIT_FOR (cx_findings_panel_get_n_findings (window->findings_panel) < n_all);
  for (guint i = 0; i < cx_findings_panel_get_n_findings (window->findings_panel); i++)
    g_assert_cmpint (cx_findings_panel_get_finding (window->findings_panel, i)->check, ==,
                     CX_CHECK_UNOWNED_STEP);

  /* Escape ends the search: every finding again */
  tap (XK_Escape);
  WAIT_FOR (!gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (search_bar)));
  WAIT_FOR (cx_findings_panel_get_n_findings (window->findings_panel) == n_all);

  cx_gui_test_destroy_window (window);
}

#else

static void
test_type_to_search (void)
{
  g_test_skip ("built without XTest (libxtst-dev) to send keys with");
}

#endif

int
main (int    argc,
      char **argv)
{
  if (!cx_gui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/cxplan/findings/accept", test_accept);
  g_test_add_func ("/cxplan/findings/filters", test_filters);
  g_test_add_func ("/cxplan/findings/type-to-search", test_type_to_search);

  return cx_gui_test_run ();
}
