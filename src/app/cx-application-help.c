/* cx-application-help.c — CX Planner
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens the manual. The help viewer shows it as help:cxplan when the
 * desktop has one that can read the installed pages; where none can be
 * reached (a sandbox, a desktop without Yelp, an uninstalled run, or a
 * viewer that fails to start), the same pages open in the browser, from
 * the HTML copy built with them (help/html).
 */

#define G_LOG_DOMAIN "cx-application"

#include "config.h"

#include <glib/gi18n.h>

#include "cx-application.h"

/* The HTML copy of the manual: named by $CXPLAN_HELPDIR (tests, an
 * uninstalled run), else installed, else in the build tree it was built in */
static char *
find_help_html (const char *page)
{
  const char *const *languages = g_get_language_names ();
  const char *dirs[] = { g_getenv ("CXPLAN_HELPDIR"), CX_HELP_HTMLDIR, CX_BUILD_HELP_HTMLDIR };

  for (guint d = 0; d < G_N_ELEMENTS (dirs); d++)
    {
      if (dirs[d] == NULL || *dirs[d] == '\0')
        continue;

      /* The user's language first; "C", the untranslated pages, ends the list */
      for (guint l = 0; languages[l] != NULL; l++)
        {
          g_autofree char *index = g_build_filename (dirs[d], languages[l], "index.html", NULL);

          if (!g_file_test (index, G_FILE_TEST_IS_REGULAR))
            continue;

          if (page != NULL)
            {
              g_autofree char *name = g_strconcat (page, ".html", NULL);
              g_autofree char *path = g_build_filename (dirs[d], languages[l], name, NULL);

              if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
                return g_steal_pointer (&path);
            }

          return g_steal_pointer (&index);
        }
    }

  return NULL;
}

/* A page id is a file name of the manual: nothing that climbs out of it */
static gboolean
is_page_id (const char *page)
{
  if (page == NULL || *page == '\0')
    return FALSE;

  for (const char *p = page; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;

  return TRUE;
}

/* Whether the help viewer would find the pages: installed where Yelp looks
 * for help:cxplan, under a data folder of the desktop, in a language of
 * the user's or untranslated. Not so for an uninstalled run, or an install
 * into a prefix the desktop does not search. */
static gboolean
help_pages_installed (void)
{
  const char *const *languages = g_get_language_names ();
  const char *const *system_dirs = g_get_system_data_dirs ();
  g_autoptr(GPtrArray) dirs = g_ptr_array_new ();

  g_ptr_array_add (dirs, (gpointer) g_get_user_data_dir ());
  for (guint d = 0; system_dirs[d] != NULL; d++)
    g_ptr_array_add (dirs, (gpointer) system_dirs[d]);

  for (guint d = 0; d < dirs->len; d++)
    for (guint l = 0; languages[l] != NULL; l++)
      {
        g_autofree char *index = g_build_filename (g_ptr_array_index (dirs, d), "help",
                                                   languages[l], CX_HELP_ID, "index.page", NULL);

        if (g_file_test (index, G_FILE_TEST_IS_REGULAR))
          return TRUE;
      }

  return FALSE;
}

/* In a Flatpak sandbox the help viewer, if any, is the desktop's, which
 * cannot read the pages installed inside the app */
static gboolean
in_sandbox (void)
{
  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);
}

/**
 * cx_application_dup_help_html_uri:
 * @self: a #CxApplication
 * @page: (nullable): a page of the manual, such as `check-CX012`, or %NULL
 *   for its first page
 *
 * The manual's HTML copy, for a browser: @page, or the first page when
 * @page is %NULL or not in the copy, in the first of the user's languages
 * it is translated into.
 *
 * Returns: (transfer full) (nullable): a `file:` URI, or %NULL when no
 *   HTML copy of the manual is found
 */
char *
cx_application_dup_help_html_uri (CxApplication *self,
                                  const char    *page)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (CX_IS_APPLICATION (self), NULL);

  path = find_help_html (is_page_id (page) ? page : NULL);
  if (path == NULL)
    return NULL;

  return g_filename_to_uri (path, NULL, NULL);
}

/**
 * cx_application_dup_help_uri:
 * @self: a #CxApplication
 * @page: (nullable): a page of the manual, such as `check-CX012`, or %NULL
 *   for its first page
 *
 * Where the manual opens: `help:cxplan` or `help:cxplan/PAGE` when the
 * desktop has a handler for `help:` URIs that can read the pages (they are
 * installed where it looks, and this is not a sandbox); else the HTML
 * copy, as cx_application_dup_help_html_uri() finds it; else, with no HTML
 * copy either, the help viewer if there is one.
 *
 * Returns: (transfer full) (nullable): a URI, or %NULL when there is
 *   neither a help viewer nor an HTML copy
 */
char *
cx_application_dup_help_uri (CxApplication *self,
                             const char    *page)
{
  g_autoptr(GAppInfo) viewer = NULL;
  g_autofree char *html = NULL;

  g_return_val_if_fail (CX_IS_APPLICATION (self), NULL);

  viewer = g_app_info_get_default_for_uri_scheme ("help");
  if (viewer == NULL || in_sandbox () || !help_pages_installed ())
    {
      html = cx_application_dup_help_html_uri (self, page);
      if (html != NULL || viewer == NULL)
        return g_steal_pointer (&html);
    }

  if (is_page_id (page))
    return g_strconcat ("help:" CX_HELP_ID "/", page, NULL);

  return g_strdup ("help:" CX_HELP_ID);
}

/* ------------------------------------------------------------------ */
/* Showing it                                                          */

typedef struct
{
  CxApplication *application;
  GtkWindow *parent;  /* a weak pointer */
  char *page;
  char *uri;
} ShowHelp;

static void
show_help_free (ShowHelp *show)
{
  g_clear_weak_pointer (&show->parent);
  g_clear_object (&show->application);
  g_free (show->page);
  g_free (show->uri);
  g_free (show);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ShowHelp, show_help_free)

static void
show_help_error (GtkWindow  *parent,
                 const char *detail)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("The Manual Could Not Be Opened"),
                                                       detail));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void show_help_uri (ShowHelp *show);

static void
help_shown_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ShowHelp) show = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *html = NULL;

  /* A parent window that went away meanwhile is no harm to the call */
  if (gtk_show_uri_full_finish (show->parent, result, &error))
    return;

  /* A help viewer that does not start: the browser, then */
  if (g_str_has_prefix (show->uri, "help:"))
    html = cx_application_dup_help_html_uri (show->application, show->page);

  if (html == NULL)
    {
      g_message ("Could not open %s: %s", show->uri, error->message);
      show_help_error (show->parent, error->message);
      return;
    }

  g_free (show->uri);
  show->uri = g_steal_pointer (&html);
  show_help_uri (g_steal_pointer (&show));
}

static void
show_help_uri (ShowHelp *show)
{
  gtk_show_uri_full (show->parent, show->uri, GDK_CURRENT_TIME, NULL, help_shown_cb, show);
}

/**
 * cx_application_show_help:
 * @self: a #CxApplication
 * @parent: (nullable): the window asking
 * @page: (nullable): a page of the manual, or %NULL for its first page
 *
 * Opens the manual at @page: in the help viewer, or where none can be
 * reached, in the browser (cx_application_dup_help_uri()). Says so over
 * @parent when it cannot be opened at all.
 */
void
cx_application_show_help (CxApplication *self,
                          GtkWindow     *parent,
                          const char    *page)
{
  ShowHelp *show;
  char *uri;

  g_return_if_fail (CX_IS_APPLICATION (self));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  uri = cx_application_dup_help_uri (self, page);
  if (uri == NULL)
    {
      show_help_error (parent, _("No help viewer is installed, and the manual’s pages "
                                 "were not found. Install Yelp, or reinstall CX Planner."));
      return;
    }

  show = g_new0 (ShowHelp, 1);
  show->application = g_object_ref (self);
  g_set_weak_pointer (&show->parent, parent);
  show->page = g_strdup (page);
  show->uri = uri;
  show_help_uri (show);
}
