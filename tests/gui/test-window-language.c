/* test-window-language.c — the window in German or Spanish, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   test-window-language LANG (de or es) [GTest options]
 *
 * Runs the window with LANGUAGE=LANG and LANG=ll_LL.UTF-8 against the
 * build tree's catalogue (CXPLAN_LOCALEDIR), as main.c binds it, and
 * finds that language's words, written out here, on the welcome page, the
 * header bar, the primary menu, the checks' findings and the templates
 * New Plan offers. Without the catalogue or the locale the test fails.
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
/* What each language's user sees, as its translators wrote it           */

typedef struct
{
  const char *language;
  const char *locale;
  const char *welcome;
  const char *open;
  const char *menu[5];      /* Save, Save As…, Undo, Keyboard Shortcuts, About */
  const char *english;      /* a menu item that must not be there */
  const char *cx002;        /* CX002 on the sample's first step */
  const char *template_title;
  const char *template_description;   /* its start */
} Language;

static const Language languages[] = {
  { "de", "de_DE.UTF-8", "Eine Customer Journey planen", "_Öffnen",
    { "_Speichern", "Speichern _unter …", "_Rückgängig", "_Tastenkürzel",
      "_Info zu CX Planner" },
    "_Save",
    "Der Schritt „Check stock on the store's website“ verspricht Niveau 4, liefert aber 2 "
    "(Lücke 2)",
    "Ein Besuch in unserem Geschäft", "Ausgangspunkt für eine Reise im Ladengeschäft" },
  { "es", "es_ES.UTF-8", "Planificar un recorrido del cliente", "_Abrir",
    { "_Guardar", "Guardar _como…", "Des_hacer", "Atajos del _teclado",
      "Acerca _de CX Planner" },
    "_Save",
    "el paso “Check stock on the store's website” promete el nivel 4 pero entrega 2 "
    "(brecha de 2)",
    "Una visita a nuestra tienda", "Punto de partida para un recorrido en una tienda física" },
};

static const Language *language;

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
                   language->welcome);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (window->open_label_button)), ==,
                   language->open);

  /* The header bar's menus, the primary menu with GNOME's words for its
   * common items */
  find_menus (window->header_bar, menus);
  for (guint i = 0; i < menus->len; i++)
    collect_labels (menus->pdata[i], labels);
  g_assert_cmpuint (labels->len, >=, 12);
  for (guint i = 0; i < G_N_ELEMENTS (language->menu); i++)
    if (!has_label (labels, language->menu[i]))
      g_error ("no “%s” in the header bar's menus", language->menu[i]);
  g_assert_false (has_label (labels, language->english));

  cx_gui_test_destroy_window (window);
}

/* A plan's findings come from the checks in the language, their ids unchanged */
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

      if (g_str_equal (finding->message, language->cx002))
        {
          g_assert_cmpstr (cx_check_info (finding->check)->id, ==, "CX002");
          seen = TRUE;
        }
    }
  g_assert_true (seen);

  cx_gui_test_destroy_window (window);
}

/* New Plan offers the templates by their names in the language */
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
          g_assert_cmpstr (template_->title, ==, language->template_title);
          g_assert_true (g_str_has_prefix (template_->description,
                                           language->template_description));
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
  g_autofree char *prefix = NULL;
  const char *messages;

  g_assert_nonnull (localedir);
  for (guint i = 0; argc > 1 && i < G_N_ELEMENTS (languages); i++)
    if (g_str_equal (argv[1], languages[i].language))
      language = &languages[i];
  if (language == NULL)
    g_error ("usage: %s de|es [GTest options]", argv[0]);
  /* GTest reads the rest */
  argv[1] = argv[0];
  argc--;
  argv++;
  mo = g_build_filename (localedir, language->language, "LC_MESSAGES", GETTEXT_PACKAGE ".mo",
                         NULL);

  /* What the language's user has; GTK's initialization sets the locale
   * from it */
  g_unsetenv ("LC_ALL");
  g_unsetenv ("LC_MESSAGES");
  g_setenv ("LANGUAGE", language->language, TRUE);
  g_setenv ("LANG", language->locale, TRUE);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (!cx_gui_test_init (&argc, &argv))
    return 0;

  /* No silent pass in English */
  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    g_error ("%s was not built", mo);
  messages = setlocale (LC_MESSAGES, NULL);
  prefix = g_strndup (language->locale, 5);
  if (messages == NULL || !g_str_has_prefix (messages, prefix))
    g_error ("the locale %s is not installed (build-aux/dev.sh installs locales-all)",
             language->locale);

  g_test_add_func ("/window-language/welcome", test_welcome);
  g_test_add_func ("/window-language/findings", test_findings);
  g_test_add_func ("/window-language/templates", test_templates);

  return cx_gui_test_run ();
}
