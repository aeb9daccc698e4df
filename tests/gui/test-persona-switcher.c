/* test-persona-switcher.c — one persona's journey on the map and in the findings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The switcher in the header bar (and win.show-persona) shows the steps
 * of one persona and those of every persona, on the map and in the
 * findings list, and follows the plan: a step given to another persona
 * leaves the journey, the persona shown deleted shows every step again.
 */

#include "config.h"

#include "cx-edit.h"
#include "cx-gui-test.h"

static gboolean
in_journey (CxPlan     *plan,
            const char *step_id,
            const char *persona)
{
  GObject *step = step_id != NULL ? cx_plan_lookup_id (plan, step_id) : NULL;
  const char *own;

  if (!CX_IS_STEP (step))
    return TRUE;
  own = cx_step_get_persona (CX_STEP (step));

  return own == NULL || g_strcmp0 (own, persona) == 0;
}

/* A finding flagged at a persona belongs to that persona's journey only */
static gboolean
finding_in_journey (CxPlan          *plan,
                    const CxFinding *finding,
                    const char      *persona)
{
  if (persona == NULL)
    return TRUE;
  if (finding->target == CX_TARGET_PERSONA)
    return g_strcmp0 (finding->persona_id, persona) == 0;

  return in_journey (plan, finding->step_id, persona);
}

static void
assert_journey (CxWindow   *window,
                const char *persona)
{
  CxPlan *plan = cx_document_get_plan (window->document);
  GPtrArray *findings = cx_document_get_findings (window->document);
  CxMapLayout *layout = cx_map_view_get_layout (window->map_view);
  guint n_steps = 0, n_findings = 0;

  for (CxPhase phase = 0; phase < CX_N_PHASES; phase++)
    for (guint i = 0; i < cx_plan_get_n_steps (plan, phase); i++)
      {
        CxStep *step = cx_plan_get_step (plan, phase, i);
        gboolean in = persona == NULL || in_journey (plan, cx_step_get_id (step), persona);

        g_assert_cmpint (cx_map_layout_shows_step (layout, step), ==, in);
        n_steps += in;
      }
  g_assert_cmpuint (cx_map_layout_get_n_steps (layout), ==, n_steps);

  for (guint i = 0; i < findings->len; i++)
    {
      const CxFinding *finding = g_ptr_array_index (findings, i);

      n_findings += finding_in_journey (plan, finding, persona);
    }
  g_assert_cmpuint (cx_findings_panel_get_n_findings (window->findings_panel), ==, n_findings);
  for (guint i = 0; i < n_findings; i++)
    {
      const CxFinding *finding = cx_findings_panel_get_finding (window->findings_panel, i);

      g_assert_true (finding_in_journey (plan, finding, persona));
    }
}

static const char *
persona_state (CxWindow *window)
{
  static char state[64];
  g_autoptr(GVariant) value = g_action_group_get_action_state (G_ACTION_GROUP (window),
                                                               "show-persona");

  g_strlcpy (state, g_variant_get_string (value, NULL), sizeof state);
  return state;
}

static void
test_persona_switcher (void)
{
  g_autofree char *path = cx_gui_test_sample_path ("team-gear-store.cxplan");
  g_autofree char *blank = g_build_filename (CX_SOURCE_DATADIR, "templates", "blank.cxplan",
                                             NULL);
  CxWindow *window = cx_gui_test_new_window ();
  CxDocument *document;
  CxPlan *plan;
  GtkDropDown *switcher = window->persona_switcher;
  GListModel *names;
  CxStep *step;
  guint n_all;

  /* No plan, or a plan without personas: no switcher */
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (switcher)));
  {
    CxWindow *other = cx_gui_test_new_window ();

    cx_gui_test_open_and_wait (other, blank, CX_DOCUMENT_LOAD_DEFAULT);
    g_assert_false (gtk_widget_is_visible (GTK_WIDGET (other->persona_switcher)));
    cx_gui_test_destroy_window (other);
  }

  document = cx_gui_test_open_and_wait (window, path, CX_DOCUMENT_LOAD_AS_COPY);
  plan = cx_document_get_plan (document);
  cx_gui_test_settle ();
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (switcher)));
  gtk_test_accessible_assert_property (GTK_WIDGET (switcher), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Persona shown");
  names = gtk_drop_down_get_model (switcher);
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, cx_plan_get_n_personas (plan) + 1);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 1), ==,
                   cx_persona_get_name (cx_plan_get_persona (plan, 0)));
  g_assert_cmpstr (persona_state (window), ==, "");
  assert_journey (window, NULL);
  n_all = cx_map_layout_get_n_steps (cx_map_view_get_layout (window->map_view));

  /* The coach's journey, chosen in the switcher */
  g_assert_cmpstr (cx_persona_get_id (cx_plan_get_persona (plan, 0)), ==, "coach");
  gtk_drop_down_set_selected (switcher, 1);
  cx_gui_test_settle ();
  g_assert_cmpstr (persona_state (window), ==, "coach");
  assert_journey (window, "coach");
  g_assert_cmpuint (cx_map_layout_get_n_steps (cx_map_view_get_layout (window->map_view)), <,
                    n_all);

  /* The parent's, by the action as a script would */
  cx_gui_test_activate (window, "win.show-persona", g_variant_new_string ("parent"));
  g_assert_cmpuint (gtk_drop_down_get_selected (switcher), ==, 2);
  assert_journey (window, "parent");

  /* A step given to the other persona leaves the journey, on the map and
   * in the findings */
  step = cx_map_layout_get_step (cx_map_view_get_layout (window->map_view), 0);
  if (cx_step_get_persona (step) == NULL)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (cx_edit_set_text (cx_document_get_history (document), step, "persona",
                                       "coach", 0, &error));
      WAIT_FOR (!cx_map_layout_shows_step (cx_map_view_get_layout (window->map_view), step));
      cx_gui_test_settle ();
      assert_journey (window, "parent");
      cx_gui_test_activate (window, "win.undo", NULL);
      assert_journey (window, "parent");
    }

  /* The persona shown deleted: every step again; undo keeps every step */
  cx_gui_test_activate (window, "win.delete-persona", g_variant_new_string ("parent"));
  g_assert_cmpstr (persona_state (window), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (switcher)), ==,
                    cx_plan_get_n_personas (plan) + 1);
  assert_journey (window, NULL);
  cx_gui_test_activate (window, "win.undo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (switcher)), ==,
                    cx_plan_get_n_personas (plan) + 1);

  /* Every persona, chosen again */
  cx_gui_test_activate (window, "win.show-persona", g_variant_new_string ("coach"));
  gtk_drop_down_set_selected (switcher, 0);
  cx_gui_test_settle ();
  g_assert_cmpstr (persona_state (window), ==, "");
  assert_journey (window, NULL);

  /* A persona the plan lacks is not shown */
  cx_gui_test_activate (window, "win.show-persona", g_variant_new_string ("nobody"));
  g_assert_cmpstr (persona_state (window), ==, "");

  cx_gui_test_destroy_window (window);
}

/* Whether a label under @widget is cut short */
static gboolean
has_ellipsized_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (widget))))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (has_ellipsized_label (child))
        return TRUE;
    }

  return FALSE;
}

/* Narrow, the names give way to an icon, then to the main menu; wide,
 * the main menu has no personas */
static void
check_width (int      width,
             gboolean names,
             gboolean in_menu)
{
  g_autofree char *path = cx_gui_test_sample_path ("team-gear-store.cxplan");
  CxWindow *window = cx_gui_test_new_window_sized (width, 700);
  GMenuModel *section;

  cx_gui_test_open_and_wait (window, path, CX_DOCUMENT_LOAD_AS_COPY);
  WAIT_FOR (gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (window))) == width);
  cx_gui_test_settle ();

  section = G_MENU_MODEL (window->persona_menu_section);
  g_assert_cmpint (gtk_widget_get_mapped (GTK_WIDGET (window->persona_switcher)), ==, names);
  g_assert_cmpint (g_menu_model_get_n_items (section), ==, in_menu ? 1 : 0);
  /* Shown, the name is whole ("Every …" was what a window of 1200 pixels
   * showed, while the title took more room than its text needed), and so
   * is the plan's title */
  if (names)
    {
      g_assert_false (has_ellipsized_label (GTK_WIDGET (window->persona_switcher)));
      g_assert_false (has_ellipsized_label (GTK_WIDGET (window->window_title)));
    }
  if (in_menu)
    {
      g_autoptr(GMenuModel) personas = g_menu_model_get_item_link (section, 0, G_MENU_LINK_SUBMENU);
      g_autoptr(GVariant) target = NULL;

      /* Every persona, then each of the plan's, as radio items of the action */
      g_assert_cmpint (g_menu_model_get_n_items (personas), ==,
                       cx_plan_get_n_personas (cx_document_get_plan (window->document)) + 1);
      target = g_menu_model_get_item_attribute_value (personas, 1, G_MENU_ATTRIBUTE_TARGET,
                                                      G_VARIANT_TYPE_STRING);
      g_assert_cmpstr (g_variant_get_string (target, NULL), ==, "coach");
      cx_gui_test_activate (window, "win.show-persona", g_variant_new_string ("coach"));
      assert_journey (window, "coach");
    }

  cx_gui_test_destroy_window (window);
}

static void
test_narrow (void)
{
  check_width (360, FALSE, TRUE);
}

static void
test_wide (void)
{
  check_width (1200, TRUE, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  if (!cx_gui_test_init (&argc, &argv))
    return 0;

  g_test_add_func ("/persona-switcher/journey", test_persona_switcher);
  g_test_add_func ("/persona-switcher/narrow", test_narrow);
  g_test_add_func ("/persona-switcher/wide", test_wide);

  return cx_gui_test_run ();
}
