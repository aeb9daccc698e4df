/* test-window-german.c — the window in German, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs the window with LANGUAGE=de and LANG=de_DE.UTF-8 against the build
 * tree's catalogue (CXPLAN_LOCALEDIR), as main.c binds it, and finds the
 * German of the welcome page, the header bar, the primary menu, the
 * checks' findings and the templates New Plan offers. Without the catalogue or the locale the test fails.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "cx-gui-test.h"
#include "cx-templates.h"

/* The menu of @button: its own model, or its popover menu's */
static GMenuModel *
menu_of (GtkMenuButton *button)
{
  GtkPopover *popover = gtk_menu_button_get_popover (button);

  if (gtk_menu_button_get_menu_model (button) != NULL)
    return gtk_menu_button_get_menu_model (button);
  if (GTK_IS_POPOVER_MENU (popover))
    return gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover));

  return NULL;
}

/* The menus of the menu buttons under @widget, into @menus */
static void
find_menus (GtkWidget *widget,
            GPtrArray *menus)
{
  if (GTK_IS_MENU_BUTTON (widget) && menu_of (GTK_MENU_BUTTON (widget)) != NULL)
    g_ptr_array_add (menus, menu_of (GTK_MENU_BUTTON (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_menus (child, menus);
}

/* Every item's label of @model and its sections, into @labels */
static void
collect_labels (GMenuModel *model,
                GPtrArray  *labels)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr(GMenuModel) section = NULL;
      char *label = NULL;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        g_ptr_array_add (labels, label);
      section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      if (section != NULL)
        collect_labels (section, labels);
    }
}

static gboolean
has_label (GPtrArray  *labels,
           const char *label)
{
  return g_ptr_array_find_with_equal_func (labels, label, g_str_equal, NULL);
}

/* ------------------------------------------------------------------ */

static void
test_welcome (void)
{
  CxWindow *window = cx_gui_test_new_window ();
  GtkWidget *welcome = gtk_stack_get_child_by_name (window->main_stack, "welcome");
  g_autoptr(GPtrArray) menus = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (ADW_IS_STATUS_PAGE (welcome));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (welcome)), ==,
                   "Eine Customer Journey planen");
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (window->open_label_button)), ==,
                   "_Öffnen");

  /* The header bar's menus, the primary menu with GNOME's German for its
   * common items */
  find_menus (window->header_bar, menus);
  for (guint i = 0; i < menus->len; i++)
    collect_labels (menus->pdata[i], labels);
  g_assert_cmpuint (labels->len, >=, 12);
  g_assert_true (has_label (labels, "_Speichern"));
  g_assert_true (has_label (labels, "Speichern _unter …"));
  g_assert_true (has_label (labels, "_Rückgängig"));
  g_assert_true (has_label (labels, "_Tastenkürzel"));
  g_assert_true (has_label (labels, "_Info zu CX Planner"));
  g_assert_false (has_label (labels, "_Save"));

  cx_gui_test_destroy_window (window);
}

/* A plan's findings come from the checks in German, their ids unchanged */
static void
test_findings (void)
{
  g_autofree char *path = cx_gui_test_sample_path ("team-gear-store.cxplan");
  CxWindow *window = cx_gui_test_new_window ();
  gboolean seen = FALSE;
  guint n;

  cx_gui_test_open_and_wait (window, path, CX_DOCUMENT_LOAD_DEFAULT);

  n = cx_findings_panel_get_n_findings (window->findings_panel);
  g_assert_cmpuint (n, >, 10);
  for (guint i = 0; i < n; i++)
    {
      const CxFinding *finding = cx_findings_panel_get_finding (window->findings_panel, i);

      if (g_str_equal (finding->message, "Der Schritt „Check stock on the store's website“ "
                                         "verspricht Niveau 4, liefert aber 2 (Lücke 2)"))
        {
          g_assert_cmpstr (cx_check_info (finding->check)->id, ==, "CX002");
          seen = TRUE;
        }
    }
  g_assert_true (seen);

  cx_gui_test_destroy_window (window);
}

/* New Plan offers the templates by their German names */
static void
test_templates (void)
{
  g_autoptr(GPtrArray) templates = cx_templates_list ();
  gboolean seen = FALSE;

  for (guint i = 0; i < templates->len; i++)
    {
      const CxTemplate *template_ = g_ptr_array_index (templates, i);

      if (g_str_equal (template_->name, "retail-visit"))
        {
          g_assert_cmpstr (template_->title, ==, "Ein Besuch in unserem Geschäft");
          g_assert_true (g_str_has_prefix (template_->description,
                                           "Ausgangspunkt für eine Reise im Ladengeschäft"));
          seen = TRUE;
        }
    }
  g_assert_true (seen);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("CXPLAN_LOCALEDIR");
  g_autofree char *mo = NULL;
  const char *messages;

  g_assert_nonnull (localedir);
  mo = g_build_filename (localedir, "de", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);

  /* What a German user has; GTK's initialization sets the locale from it */
  g_unsetenv ("LC_ALL");
  g_unsetenv ("LC_MESSAGES");
  g_setenv ("LANGUAGE", "de", TRUE);
  g_setenv ("LANG", "de_DE.UTF-8", TRUE);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!cx_gui_test_init (&argc, &argv))
    return 0;

  /* No silent pass in English */
  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    g_error ("%s was not built", mo);
  messages = setlocale (LC_MESSAGES, NULL);
  if (messages == NULL || !g_str_has_prefix (messages, "de_DE"))
    g_error ("the locale de_DE.UTF-8 is not installed (build-aux/dev.sh installs locales-all)");

  g_test_add_func ("/window-german/welcome", test_welcome);
  g_test_add_func ("/window-german/findings", test_findings);
  g_test_add_func ("/window-german/templates", test_templates);

  return cx_gui_test_run ();
}
