/* test-a11y.c — what a screen reader hears, and the keyboard alone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs with GTK's accessibility test backend (GTK_A11Y=test), asserting
 * the names, roles and states of the window's controls through
 * gtk_test_accessible_*(), and drives a whole session with real keys
 * (XTest): build a step, write a cell, save — no pointer.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>

#ifdef CX_GUI_TEST_HAVE_XTEST
#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>
#endif

#include "cx-finding-row.h"
#include "cx-gui-test.h"
#include "cx-map-view-private.h"

static GtkWidget *
find_action_button (GtkWidget  *root,
                    const char *action)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) &&
          g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action) == 0)
        return child;
      found = find_action_button (child, action);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_names_and_roles (void)
{
  g_autofree char *path = cx_gui_test_sample_path ("team-gear-store.cxplan");
  CxWindow *window = cx_gui_test_new_window ();
  CxDocument *document = cx_gui_test_open_and_wait (window, path, CX_DOCUMENT_LOAD_AS_COPY);
  CxPlan *plan = cx_document_get_plan (document);
  CxStep *step = cx_plan_get_step (plan, CX_PHASE_BEFORE, 1);
  g_autofree char *description = NULL;
  GtkWidget *open, *list_view, *list, *row, *owner;
  GtkSingleSelection *selection;

  /* A button with a mnemonic says its name once, without the underline */
  open = find_action_button (GTK_WIDGET (window->header_bar), "win.open");
  g_assert_nonnull (open);
  gtk_test_accessible_assert_property (open, GTK_ACCESSIBLE_PROPERTY_LABEL, "Open");

  /* The map is an image named by the plan; it tells the step selected in full */
  gtk_test_accessible_assert_role (window->map_view, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (window->map_view, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       cx_plan_get_title (plan));
  cx_map_view_set_selected_step (window->map_view, step);
  description = _cx_map_view_describe_step (window->map_view, step);
  gtk_test_accessible_assert_property (window->map_view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       description);
  g_assert_nonnull (strstr (description, cx_step_get_title (step)));
  g_assert_nonnull (strstr (description, "Before, step 2 of 3"));
  g_assert_nonnull (strstr (description, "Expected: "));
  g_assert_nonnull (strstr (description, "Emotion: "));
  g_assert_nonnull (strstr (description, "Failure: "));
  g_assert_nonnull (strstr (description, "Findings: "));

  /* The cursor's lane is told too */
  cx_map_view_set_cursor_lane (window->map_view, cx_plan_get_lane (plan, 0));
  g_clear_pointer (&description, g_free);
  description = _cx_map_view_describe_step (window->map_view, step);
  g_assert_nonnull (strstr (description, "Lane Customer actions: "));
  gtk_test_accessible_assert_property (window->map_view, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       description);

  /* The step editor's lists are named by their groups, not "GtkListBox" */
  _cx_window_show_step (window, TRUE);
  cx_gui_test_settle ();
  row = cx_gui_test_find_row (GTK_WIDGET (window->step_panel), ADW_TYPE_ENTRY_ROW, "Title");
  list = gtk_widget_get_ancestor (row, GTK_TYPE_LIST_BOX);
  g_assert_nonnull (list);
  gtk_test_accessible_assert_property (list, GTK_ACCESSIBLE_PROPERTY_LABEL, "Step");

  /* A finding's row, where the keyboard is, says the finding and whether
   * it is chosen */
  _cx_window_show_findings (window);
  cx_gui_test_settle ();
  list_view = GTK_WIDGET (cx_gui_test_findings_list (window));
  selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (list_view)));
  gtk_single_selection_set_selected (selection, 0);
  cx_gui_test_settle ();
  row = cx_gui_test_find_child (list_view, CX_TYPE_FINDING_ROW);
  g_assert_nonnull (row);
  owner = gtk_widget_get_parent (row);
  g_assert_nonnull (cx_finding_row_get_summary (CX_FINDING_ROW (row)));
  gtk_test_accessible_assert_property (owner, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       cx_finding_row_get_summary (CX_FINDING_ROW (row)));
  gtk_test_accessible_assert_state (owner, GTK_ACCESSIBLE_STATE_SELECTED, TRUE);
  gtk_single_selection_set_selected (selection, 1);
  cx_gui_test_settle ();
  gtk_test_accessible_assert_state (owner, GTK_ACCESSIBLE_STATE_SELECTED, FALSE);

  cx_gui_test_destroy_window (window);
}

/* F6 goes round the map, the side panel and the header bar */
static void
test_regions (void)
{
  g_autofree char *path = cx_gui_test_sample_path ("team-gear-store.cxplan");
  CxWindow *window = cx_gui_test_new_window ();
  GtkWidget *side;

  cx_gui_test_open_and_wait (window, path, CX_DOCUMENT_LOAD_AS_COPY);
  cx_gui_test_wait_for_allocation (GTK_WIDGET (window->map_view));
  gtk_widget_grab_focus (GTK_WIDGET (window->map_view));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-next-region", NULL));
  side = GTK_WIDGET (window->side_stack);
  g_assert_true (cx_gui_test_has_focus_within (window, side));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-next-region", NULL));
  g_assert_true (cx_gui_test_has_focus_within (window, window->header_bar));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-next-region", NULL));
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (window->map_view)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-previous-region",
                                             NULL));
  g_assert_true (cx_gui_test_has_focus_within (window, window->header_bar));

  cx_gui_test_destroy_window (window);
}

/* The window at @width: the side panel beside the map or over it, the
 * header bar folded or not */
static void
check_width (int      width,
             gboolean folded,
             gboolean icon_open,
             gboolean one_count)
{
  g_autofree char *path = cx_gui_test_sample_path ("team-gear-store.cxplan");
  g_autofree char *layout = NULL;
  CxWindow *window;
  int map_width;

  /* GNOME's own title bar: only the close button */
  g_object_get (gtk_settings_get_default (), "gtk-decoration-layout", &layout, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", ":close", NULL);
  window = cx_gui_test_new_window_sized (width, 700);
  cx_gui_test_open_and_wait (window, path, CX_DOCUMENT_LOAD_AS_COPY);
  /* The window's own allocation is its surface less the shadows drawn
   * around it without a window manager */
  WAIT_FOR (gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (window))) == width &&
            adw_flap_get_folded (window->flap) == folded);
  cx_gui_test_settle ();
  map_width = gtk_widget_get_width (GTK_WIDGET (window->map_view));

  /* Nothing runs over: the window is as narrow as asked */
  g_assert_cmpint (gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (window))), ==, width);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, width);
  width = gtk_widget_get_width (GTK_WIDGET (window));
  g_assert_cmpint (gtk_widget_get_mapped (window->open_icon_button), ==, icon_open);
  g_assert_cmpint (gtk_widget_get_mapped (window->open_label_button), ==, !icon_open);
  g_assert_cmpint (gtk_widget_get_mapped (window->compact_counts_box), ==, one_count);
  g_assert_cmpint (gtk_widget_get_mapped (window->counts_box), ==, !one_count);

  /* The lane-name column narrows in a narrow window: at 360 px it leaves
   * the map more than half of the view (208 px of 360 did not) */
  {
    CxMapLayout *map = cx_map_view_get_layout (window->map_view);
    double names = cx_map_layout_get_header_width (map);

    g_assert_cmpint (cx_map_view_get_narrow (window->map_view), ==, width < 600);
    if (width < 600)
      g_assert_cmpfloat (names, <=, map_width / 2.5);
    else
      g_assert_cmpfloat (names, >=, 200);
  }

  if (folded)
    {
      /* The map has the whole width; the panel comes over it, and goes */
      g_assert_false (adw_flap_get_reveal_flap (window->flap));
      g_assert_cmpint (map_width, >=, width - 20);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-side-panel",
                                                 NULL));
      g_assert_true (adw_flap_get_reveal_flap (window->flap));
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window->map_view)), >=, width - 20);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-side-panel",
                                                 NULL));
      g_assert_false (adw_flap_get_reveal_flap (window->flap));
      /* ...without changing the choice for a wide window */
      g_assert_true (window->show_side_panel);
    }
  else
    {
      /* Beside the map, which keeps most of the width */
      g_assert_true (adw_flap_get_reveal_flap (window->flap));
      g_assert_cmpint (map_width, >=, width / 2);
    }

  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", layout, NULL);
  cx_gui_test_destroy_window (window);
}

static void
test_width_360 (void)
{
  /* Folded all the way: Open an icon, the counts one badge */
  check_width (360, TRUE, TRUE, TRUE);
}

static void
test_width_700 (void)
{
  /* The panel over the map; the header bar folded as at 360 */
  check_width (700, TRUE, TRUE, TRUE);
}

static void
test_width_1200 (void)
{
  check_width (1200, FALSE, FALSE, FALSE);
}

#ifdef CX_GUI_TEST_HAVE_XTEST

static Display *
x_display (void)
{
  return gdk_x11_display_get_xdisplay (gdk_display_get_default ());
}

static gboolean
can_send_input (void)
{
  int event_base, error_base, major, minor;

  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()) ||
      !XTestQueryExtension (x_display (), &event_base, &error_base, &major, &minor))
    {
      g_test_skip ("needs an X11 display with XTest to send keys to");
      return FALSE;
    }

  return TRUE;
}

static void
key (KeySym   keysym,
     gboolean press)
{
  KeyCode keycode = XKeysymToKeycode (x_display (), keysym);

  g_assert_cmpuint (keycode, !=, 0);
  XTestFakeKeyEvent (x_display (), keycode, press, CurrentTime);
}

/* Taps @keysym with the modifiers held; then lets the window see it */
static void
tap (KeySym   keysym,
     gboolean control,
     gboolean shift)
{
  if (control)
    key (XK_Control_L, TRUE);
  if (shift)
    key (XK_Shift_L, TRUE);
  key (keysym, TRUE);
  key (keysym, FALSE);
  if (shift)
    key (XK_Shift_L, FALSE);
  if (control)
    key (XK_Control_L, FALSE);
  XSync (x_display (), False);
  cx_gui_test_settle ();
}

/* Lower-case letters and spaces, typed */
static void
type_text (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    tap (*p == ' ' ? XK_space : XStringToKeysym ((char[]) { *p, '\0' }), FALSE, FALSE);
}

static void
test_keyboard_session (void)
{
  g_autofree char *blank = g_build_filename (CX_SOURCE_DATADIR, "templates", "blank.cxplan",
                                             NULL);
  g_autofree char *dir = g_dir_make_tmp ("cx-a11y-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "plan.cxplan", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(CxPlan) saved = NULL;
  CxWindow *window;
  CxDocument *document;
  CxStep *step;

  if (!can_send_input ())
    return;

  g_assert_true (g_file_get_contents (blank, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  window = cx_gui_test_new_window ();
  document = cx_gui_test_open_and_wait (window, path, CX_DOCUMENT_LOAD_DEFAULT);
  cx_gui_test_wait_for_allocation (GTK_WIDGET (window->map_view));
  gtk_window_present (GTK_WINDOW (window));
  WAIT_FOR (gtk_widget_has_focus (GTK_WIDGET (window->map_view)));

  /* Ctrl+Enter: a step, its title ready to type */
  tap (XK_Return, TRUE, FALSE);
  WAIT_FOR ((step = cx_map_view_get_selected_step (window->map_view)) != NULL);
  type_text ("ask a friend");
  WAIT_FOR (g_strcmp0 (cx_step_get_title (step), "ask a friend") == 0);

  /* Back to the map (Shift+F6), down to the first lane, write its cell */
  tap (XK_F6, FALSE, TRUE);
  WAIT_FOR (gtk_widget_has_focus (GTK_WIDGET (window->map_view)));
  tap (XK_Down, FALSE, FALSE);
  WAIT_FOR (cx_map_view_get_cursor_lane (window->map_view) != NULL);
  tap (XK_Return, FALSE, FALSE);
  WAIT_FOR (cx_map_view_get_editor (window->map_view) != NULL);
  type_text ("sends a message");
  tap (XK_Return, FALSE, FALSE);
  WAIT_FOR (cx_map_view_get_editor (window->map_view) == NULL);
  g_assert_cmpstr (cx_step_lookup_cell (step, "actions"), ==, "sends a message");

  /* The checks saw it: the new step has no owner (CX005) */
  cx_document_check_now (document);
  g_assert_cmpuint (cx_document_get_findings (document)->len, >, 0);

  /* Ctrl+S saves it */
  tap (XK_s, TRUE, FALSE);
  WAIT_FOR (!cx_document_get_modified (document));
  saved = cx_gui_test_read_plan (path);
  g_assert_true (cx_plan_equal (saved, cx_document_get_plan (document)));

  cx_gui_test_destroy_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

#else

static void
test_keyboard_session (void)
{
  g_test_skip ("built without XTest (libxtst-dev) to send keys with");
}

#endif

int
main (int   argc,
      char *argv[])
{
  if (!cx_gui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/cxplan/a11y/names-and-roles", test_names_and_roles);
  g_test_add_func ("/cxplan/a11y/regions", test_regions);
  g_test_add_func ("/cxplan/a11y/keyboard-session", test_keyboard_session);
  g_test_add_func ("/cxplan/a11y/width-360", test_width_360);
  g_test_add_func ("/cxplan/a11y/width-700", test_width_700);
  g_test_add_func ("/cxplan/a11y/width-1200", test_width_1200);

  return cx_gui_test_run ();
}
