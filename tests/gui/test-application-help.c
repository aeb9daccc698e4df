/* test-application-help.c — opening the manual, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The program runs on a desktop of its own: the system's data folders
 * without their applications, and in their place a "browser" for HTML
 * files and, in subprocesses, a "help viewer" for help: URIs (with the
 * manual's pages where it looks, or not), each a script that writes down
 * the URI it was started with. So the tests see
 * what F1 really opens, through GIO's own choice of handler, as a desktop
 * with or without Yelp would.
 */

#include "config.h"

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "cx-gui-test.h"

/* The test's desktop, shared with its subprocess: see set_up_desktop() */
static char *desktop_root;

/* ------------------------------------------------------------------ */
/* The desktop                                                         */

/* A handler for @mime_type named @name, which records its URI in @name.log;
 * listed in @cache as update-desktop-database would list it (GIO reads a
 * handler's MIME types from there) */
static void
write_handler (const char *data_home,
               const char *name,
               const char *mime_type,
               GString    *cache)
{
  g_autofree char *script = g_build_filename (desktop_root, name, NULL);
  g_autofree char *log = g_strconcat (script, ".log", NULL);
  g_autofree char *script_text = NULL;
  g_autofree char *desktop_dir = g_build_filename (data_home, "applications", NULL);
  g_autofree char *desktop_name = g_strconcat ("cxplan-test-", name, ".desktop", NULL);
  g_autofree char *desktop_path = g_build_filename (desktop_dir, desktop_name, NULL);
  g_autofree char *desktop_text = NULL;
  g_autoptr(GError) error = NULL;

  /* Written whole, then moved, so a test never reads half of it */
  script_text = g_strdup_printf ("#!/bin/sh\n"
                                 "printf '%%s\\n' \"$1\" > '%s.tmp' && mv '%s.tmp' '%s'\n",
                                 log, log, log);
  g_file_set_contents (script, script_text, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (script, 0755), ==, 0);

  desktop_text = g_strdup_printf ("[Desktop Entry]\n"
                                  "Type=Application\n"
                                  "Name=%s\n"
                                  "Exec=%s %%u\n"
                                  "MimeType=%s;\n"
                                  "NoDisplay=true\n",
                                  name, script, mime_type);
  g_assert_cmpint (g_mkdir_with_parents (desktop_dir, 0700), ==, 0);
  g_file_set_contents (desktop_path, desktop_text, -1, &error);
  g_assert_no_error (error);

  g_string_append_printf (cache, "%s=%s;\n", mime_type, desktop_name);
}

/* Before GTK and GIO read them: XDG folders that hold what the system's
 * do (icons, MIME types, schemas) but no application, and a browser for
 * HTML files; with $CX_TEST_HELP_VIEWER, a help viewer too */
static void
set_up_desktop (void)
{
  const char *system_dirs = g_getenv ("XDG_DATA_DIRS");
  g_autofree char *data_home = NULL;
  g_autofree char *config_home = NULL;
  g_autofree char *cache_path = NULL;
  g_autoptr(GString) cache = NULL;
  g_autoptr(GError) error = NULL;

  if (g_getenv ("CX_TEST_DESKTOP") != NULL)
    desktop_root = g_strdup (g_getenv ("CX_TEST_DESKTOP"));  /* a subprocess */
  else
    {
      g_auto(GStrv) dirs = NULL;
      g_autoptr(GPtrArray) farms = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *data_dirs = NULL;

      desktop_root = g_dir_make_tmp ("cxplan-test-help-XXXXXX", &error);
      g_assert_no_error (error);

      if (system_dirs == NULL || *system_dirs == '\0')
        system_dirs = "/usr/local/share:/usr/share";
      dirs = g_strsplit (system_dirs, ":", -1);
      for (guint i = 0; dirs[i] != NULL; i++)
        {
          g_autoptr(GDir) dir = g_dir_open (dirs[i], 0, NULL);
          char *farm = g_strdup_printf ("%s/data-%u", desktop_root, i);
          const char *name;

          g_assert_cmpint (g_mkdir (farm, 0700), ==, 0);
          g_ptr_array_add (farms, farm);
          while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
            {
              g_autofree char *target = g_build_filename (dirs[i], name, NULL);
              g_autofree char *link = g_build_filename (farm, name, NULL);

              if (!g_str_equal (name, "applications"))
                g_assert_cmpint (symlink (target, link), ==, 0);
            }
        }
      g_ptr_array_add (farms, NULL);

      data_dirs = g_strjoinv (":", (char **) farms->pdata);
      g_setenv ("XDG_DATA_DIRS", data_dirs, TRUE);
      g_setenv ("XDG_CONFIG_DIRS", desktop_root, TRUE);
      g_setenv ("CX_TEST_DESKTOP", desktop_root, TRUE);
    }

  /* A home of its own for each process, with its own handlers */
  data_home = g_strdup_printf ("%s/home-%d", desktop_root, (int) getpid ());
  config_home = g_strdup_printf ("%s/config-%d", desktop_root, (int) getpid ());
  g_assert_cmpint (g_mkdir_with_parents (config_home, 0700), ==, 0);
  cache = g_string_new ("[MIME Cache]\n");
  write_handler (data_home, "browser", "text/html", cache);
  if (g_getenv ("CX_TEST_HELP_VIEWER") != NULL)
    write_handler (data_home, "help-viewer", "x-scheme-handler/help", cache);
  if (g_getenv ("CX_TEST_HELP_INSTALLED") != NULL)
    {
      /* The pages where the help viewer looks for help:cxplan */
      g_autofree char *help_dir = g_build_filename (data_home, "help", "C", NULL);
      g_autofree char *link = g_build_filename (help_dir, CX_HELP_ID, NULL);

      g_assert_cmpint (g_mkdir_with_parents (help_dir, 0700), ==, 0);
      g_assert_cmpint (symlink (CX_SOURCE_DATADIR "/../help/C", link), ==, 0);
    }
  cache_path = g_build_filename (data_home, "applications", "mimeinfo.cache", NULL);
  g_file_set_contents (cache_path, cache->str, -1, &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* ------------------------------------------------------------------ */
/* What was opened                                                     */

static char *
handler_log_path (const char *name)
{
  return g_strdup_printf ("%s/%s.log", desktop_root, name);
}

static void
forget_launches (void)
{
  g_autofree char *browser = handler_log_path ("browser");
  g_autofree char *viewer = handler_log_path ("help-viewer");

  g_unlink (browser);
  g_unlink (viewer);
}

/* Waits for the handler @name to be started, and returns the URI it was
 * given (GIO gives a local file as a path: it is read as a browser would) */
static char *
wait_for_launch (const char *name)
{
  g_autofree char *path = handler_log_path (name);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  WAIT_FOR (g_file_test (path, G_FILE_TEST_EXISTS));
  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (text, "\n"));
  text[strlen (text) - 1] = '\0';

  if (g_str_has_prefix (text, "help:"))
    return g_steal_pointer (&text);

  file = g_file_new_for_commandline_arg (text);
  return g_file_get_uri (file);
}

static gboolean
was_launched (const char *name)
{
  g_autofree char *path = handler_log_path (name);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* The file URI of @page.html in the language @lang of the HTML copy at @dir */
static char *
html_uri (const char *dir,
          const char *lang,
          const char *page)
{
  g_autofree char *name = g_strconcat (page, ".html", NULL);
  g_autofree char *path = g_build_filename (dir, lang, name, NULL);

  return g_filename_to_uri (path, NULL, NULL);
}

/* ------------------------------------------------------------------ */
/* Tests                                                               */

static GMenuModel *
find_menu_with_action (GtkWidget  *widget,
                       const char *action)
{
  if (GTK_IS_MENU_BUTTON (widget))
    {
      GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget));
      GMenuModel *menu = NULL;

      if (GTK_IS_POPOVER_MENU (popover))
        menu = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (popover));

      for (gint s = 0; menu != NULL && s < g_menu_model_get_n_items (menu); s++)
        {
          g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, s, G_MENU_LINK_SECTION);

          for (gint i = 0; section != NULL && i < g_menu_model_get_n_items (section); i++)
            {
              g_autofree char *name = NULL;

              if (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s",
                                                   &name) &&
                  g_str_equal (name, action))
                return menu;
            }
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GMenuModel *menu = find_menu_with_action (child, action);

      if (menu != NULL)
        return menu;
    }

  return NULL;
}

/* F1 and the primary menu both open the manual */
static void
test_help_reachable (void)
{
  CxApplication *application = cx_gui_test_get_application ();
  CxWindow *window = cx_gui_test_new_window ();
  g_auto(GStrv) accels = NULL;

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (application), "help"));
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (application), "app.help");
  g_assert_true (g_strv_contains ((const char *const *) accels, "F1"));
  g_assert_nonnull (find_menu_with_action (GTK_WIDGET (window), "app.help"));

  cx_gui_test_destroy_window (window);
}

/* With no help viewer: the HTML copy, the page asked for or the first */
static void
test_uri_without_viewer (void)
{
  CxApplication *application = cx_gui_test_get_application ();
  const char *dir = g_getenv ("CXPLAN_HELPDIR");
  g_autoptr(GAppInfo) viewer = g_app_info_get_default_for_uri_scheme ("help");
  const char *pages[][2] = {
    { NULL, "index" },
    { "check-CX012", "check-CX012" },
    { "accept", "accept" },
    { "no-such-page", "index" },
    { "../../etc/passwd", "index" },
    { "", "index" },
  };

  g_assert_nonnull (dir);
  g_assert_null (viewer);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autofree char *uri = cx_application_dup_help_uri (application, pages[i][0]);
      g_autofree char *expected = html_uri (dir, "C", pages[i][1]);

      g_assert_cmpstr (uri, ==, expected);
    }
}

/* $CXPLAN_HELPDIR first; without a copy there, the installed one, else this
 * build's; in the user's language where there is a translation */
static void
test_html_lookup (void)
{
  CxApplication *application = cx_gui_test_get_application ();
  g_autofree char *saved_dir = g_strdup (g_getenv ("CXPLAN_HELPDIR"));
  g_autofree char *saved_language = g_strdup (g_getenv ("LANGUAGE"));
  g_autofree char *dir = g_build_filename (desktop_root, "help-copy", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *expected = NULL;

  /* A folder with no copy in it: the next one along is used */
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_setenv ("CXPLAN_HELPDIR", dir, TRUE);
  uri = cx_application_dup_help_html_uri (application, NULL);
  if (g_file_test (CX_HELP_HTMLDIR "/C/index.html", G_FILE_TEST_EXISTS))
    expected = html_uri (CX_HELP_HTMLDIR, "C", "index");
  else
    expected = html_uri (CX_BUILD_HELP_HTMLDIR, "C", "index");
  g_assert_cmpstr (uri, ==, expected);

  /* A copy in German and the untranslated one */
  for (guint i = 0; i < 2; i++)
    {
      const char *lang = i == 0 ? "C" : "de";
      g_autofree char *lang_dir = g_build_filename (dir, lang, NULL);
      g_autofree char *index = g_build_filename (lang_dir, "index.html", NULL);

      g_assert_cmpint (g_mkdir_with_parents (lang_dir, 0700), ==, 0);
      g_file_set_contents (index, "<html/>", -1, &error);
      g_assert_no_error (error);
    }

  g_setenv ("LANGUAGE", "de_DE:en", TRUE);
  g_clear_pointer (&uri, g_free);
  g_clear_pointer (&expected, g_free);
  uri = cx_application_dup_help_html_uri (application, "check-CX012");
  expected = html_uri (dir, "de", "index");
  g_assert_cmpstr (uri, ==, expected);

  g_setenv ("LANGUAGE", "fr:en", TRUE);
  g_clear_pointer (&uri, g_free);
  g_clear_pointer (&expected, g_free);
  uri = cx_application_dup_help_html_uri (application, NULL);
  expected = html_uri (dir, "C", "index");
  g_assert_cmpstr (uri, ==, expected);

  if (saved_language != NULL)
    g_setenv ("LANGUAGE", saved_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  g_setenv ("CXPLAN_HELPDIR", saved_dir, TRUE);
}

/* The <title> of an HTML page of the copy */
static char *
html_page_title (const char *uri)
{
  g_autofree char *path = g_filename_from_uri (uri, NULL, NULL);
  g_autofree char *html = NULL;
  g_autoptr(GError) error = NULL;
  const char *start, *end;

  g_assert_nonnull (path);
  g_file_get_contents (path, &html, NULL, &error);
  g_assert_no_error (error);
  start = strstr (html, "<title>");
  g_assert_nonnull (start);
  start += strlen ("<title>");
  end = strstr (start, "</title>");
  g_assert_nonnull (end);

  return g_strndup (start, end - start);
}

/* A reader of each language of help/LINGUAS gets this build's pages in it:
 * F1 and a finding's help open the translated page, not the English one */
static void
test_html_in_users_language (void)
{
  CxApplication *application = cx_gui_test_get_application ();
  const char *dir = g_getenv ("CXPLAN_HELPDIR");
  g_autofree char *saved_language = g_strdup (g_getenv ("LANGUAGE"));
  g_auto(GStrv) languages = g_strsplit (g_getenv ("CX_HELP_LANGUAGES") != NULL ?
                                        g_getenv ("CX_HELP_LANGUAGES") : "", " ", -1);
  const char *pages[] = { NULL, "check-CX012", "accept" };
  guint n_languages = 0;

  for (guint l = 0; languages[l] != NULL; l++)
    {
      g_autofree char *language = NULL;

      if (*languages[l] == '\0')
        continue;
      n_languages++;
      /* As a desktop session sets it: the region first, English after */
      language = g_strdup_printf ("%s_XX.UTF-8:%s:en", languages[l], languages[l]);
      g_setenv ("LANGUAGE", language, TRUE);

      for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
        {
          const char *page = pages[i] != NULL ? pages[i] : "index";
          g_autofree char *uri = cx_application_dup_help_uri (application, pages[i]);
          g_autofree char *expected = html_uri (dir, languages[l], page);
          g_autofree char *english = html_uri (dir, "C", page);
          g_autofree char *title = NULL;
          g_autofree char *english_title = NULL;

          g_assert_cmpstr (uri, ==, expected);
          title = html_page_title (uri);
          english_title = html_page_title (english);
          g_assert_cmpstr (title, !=, english_title);
        }
    }

  if (saved_language != NULL)
    g_setenv ("LANGUAGE", saved_language, TRUE);
  else
    g_unsetenv ("LANGUAGE");

  if (n_languages == 0)
    g_test_skip ("help/LINGUAS lists no translation");
}

/* app.help with no help viewer starts the browser on the HTML copy */
static void
test_activate_without_viewer (void)
{
  CxApplication *application = cx_gui_test_get_application ();
  CxWindow *window = cx_gui_test_new_window ();
  g_autofree char *expected = html_uri (g_getenv ("CXPLAN_HELPDIR"), "C", "index");
  g_autofree char *opened = NULL;

  forget_launches ();
  g_action_group_activate_action (G_ACTION_GROUP (application), "help", NULL);
  opened = wait_for_launch ("browser");
  g_assert_cmpstr (opened, ==, expected);
  g_assert_false (was_launched ("help-viewer"));

  /* Opened without a word: no message over the window */
  cx_gui_test_settle ();
  g_assert_null (cx_gui_test_find_message_dialog (window));

  /* The page opened is one of the manual's */
  g_assert_true (g_str_has_prefix (opened, "file://"));
  {
    g_autofree char *path = g_filename_from_uri (opened, NULL, NULL);

    g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  }

  cx_gui_test_destroy_window (window);
}

/* Runs the current test again in a subprocess whose desktop has a help
 * viewer from its start, and the pages installed for it if @installed */
static void
run_with_viewer (gboolean installed)
{
  g_setenv ("CX_TEST_HELP_VIEWER", "1", TRUE);
  if (installed)
    g_setenv ("CX_TEST_HELP_INSTALLED", "1", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("CX_TEST_HELP_VIEWER");
  g_unsetenv ("CX_TEST_HELP_INSTALLED");
  g_test_trap_assert_passed ();
}

/* With a help viewer and the pages where it looks: help:cxplan, and no
 * browser */
static void
test_with_viewer (void)
{
  CxApplication *application;
  CxWindow *window;
  g_autofree char *uri = NULL;
  g_autofree char *page_uri = NULL;
  g_autofree char *opened = NULL;

  if (!g_test_subprocess ())
    {
      run_with_viewer (TRUE);
      return;
    }

  application = cx_gui_test_get_application ();
  uri = cx_application_dup_help_uri (application, NULL);
  g_assert_cmpstr (uri, ==, "help:" CX_HELP_ID);
  page_uri = cx_application_dup_help_uri (application, "check-CX012");
  g_assert_cmpstr (page_uri, ==, "help:" CX_HELP_ID "/check-CX012");

  window = cx_gui_test_new_window ();
  forget_launches ();
  g_action_group_activate_action (G_ACTION_GROUP (application), "help", NULL);
  opened = wait_for_launch ("help-viewer");
  g_assert_cmpstr (opened, ==, "help:" CX_HELP_ID);
  g_assert_false (was_launched ("browser"));

  cx_gui_test_destroy_window (window);
}

/* With a help viewer that would not find the pages (an uninstalled run):
 * the HTML copy in the browser, as with no viewer */
static void
test_viewer_without_pages (void)
{
  CxApplication *application;
  CxWindow *window;
  g_autofree char *expected = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *opened = NULL;

  if (!g_test_subprocess ())
    {
      run_with_viewer (FALSE);
      return;
    }

  application = cx_gui_test_get_application ();
  expected = html_uri (g_getenv ("CXPLAN_HELPDIR"), "C", "index");
  uri = cx_application_dup_help_uri (application, NULL);
  g_assert_cmpstr (uri, ==, expected);

  window = cx_gui_test_new_window ();
  forget_launches ();
  g_action_group_activate_action (G_ACTION_GROUP (application), "help", NULL);
  opened = wait_for_launch ("browser");
  g_assert_cmpstr (opened, ==, expected);
  g_assert_false (was_launched ("help-viewer"));

  cx_gui_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  gboolean owner = g_getenv ("CX_TEST_DESKTOP") == NULL;
  int status;

  set_up_desktop ();

  if (!cx_gui_test_init (&argc, &argv))
    {
      if (owner)
        remove_tree (desktop_root);
      return 0;
    }

  g_test_add_func ("/cxplan/application-help/reachable", test_help_reachable);
  g_test_add_func ("/cxplan/application-help/uri-without-viewer", test_uri_without_viewer);
  g_test_add_func ("/cxplan/application-help/html-lookup", test_html_lookup);
  g_test_add_func ("/cxplan/application-help/in-users-language", test_html_in_users_language);
  g_test_add_func ("/cxplan/application-help/activate-without-viewer",
                   test_activate_without_viewer);
  g_test_add_func ("/cxplan/application-help/with-viewer", test_with_viewer);
  g_test_add_func ("/cxplan/application-help/viewer-without-pages", test_viewer_without_pages);

  status = cx_gui_test_run ();

  if (owner)
    remove_tree (desktop_root);
  g_free (desktop_root);

  return status;
}
