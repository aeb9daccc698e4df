/* cx-application.c — CX Planner
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens files from the command line (a file already open brings its
 * window forward), holds the application actions, and sets every
 * accelerator of the application in one table. The drafts left by a
 * crash are offered by cx-application-drafts.c.
 */

#define G_LOG_DOMAIN "cx-application"

#include "config.h"

#include <glib/gi18n.h>

#include "cx-application-private.h"
#include "cx-resources.h"

G_DEFINE_FINAL_TYPE (CxApplication, cx_application, ADW_TYPE_APPLICATION)

/* Every accelerator, in one place; the shortcuts window lists them */
static const struct
{
  const char *action;
  const char *accels[4];
} accelerators[] = {
  { "app.new-window",          { "<Shift><Control>n", NULL } },
  { "win.new-plan",            { "<Control>n", NULL } },
  { "win.undo",                { "<Control>z", NULL } },
  { "win.redo",                { "<Shift><Control>z", "<Control>y", NULL } },
  { "win.insert-step",         { "<Control>Return", "<Control>KP_Enter", NULL } },
  { "win.duplicate-step",      { "<Control>d", NULL } },
  { "win.move-step-left",      { "<Alt>Left", NULL } },
  { "win.move-step-right",     { "<Alt>Right", NULL } },
  { "win.add-failure",         { "<Shift><Control>f", NULL } },
  { "win.add-lane",            { "<Shift><Control>l", NULL } },
  { "win.add-persona",         { "<Shift><Control>p", NULL } },
  { "win.plan-properties",     { "<Alt>Return", NULL } },
  { "win.find",                { "<Control>f", NULL } },
  { "win.focus-next-region",   { "F6", NULL } },
  { "win.focus-previous-region", { "<Shift>F6", NULL } },
  { "win.find-next",           { "<Control>g", NULL } },
  { "win.find-previous",       { "<Shift><Control>g", NULL } },
  { "app.quit",                { "<Control>q", NULL } },
  { "app.help",                { "F1", NULL } },
  { "win.open",                { "<Control>o", NULL } },
  { "win.save",                { "<Control>s", NULL } },
  { "win.save-as",             { "<Shift><Control>s", NULL } },
  { "win.export",              { "<Control>e", NULL } },
  { "win.print",               { "<Control>p", NULL } },
  { "win.show-side-panel",     { "F9", NULL } },
  { "win.show-findings",       { "<Control>i", NULL } },
  { "win.show-help-overlay",   { "<Control>question", NULL } },
  { "window.close",            { "<Control>w", NULL } },
  { "map.zoom-in",             { "<Control>plus", "<Control>equal", "<Control>KP_Add", NULL } },
  { "map.zoom-out",            { "<Control>minus", "<Control>KP_Subtract", NULL } },
  { "map.zoom-reset",          { "<Control>0", "<Control>KP_0", NULL } },
};

/**
 * cx_application_find_window_for_file:
 * @self: a #CxApplication
 * @file: a file
 *
 * Returns: (transfer none) (nullable): the window showing @file
 */
CxWindow *
cx_application_find_window_for_file (CxApplication *self,
                                     GFile         *file)
{
  g_return_val_if_fail (CX_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (CX_IS_WINDOW (l->data) && cx_window_has_file (l->data, file))
      return l->data;

  return NULL;
}

static CxWindow *
cx_application_get_active_cx_window (CxApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  return CX_IS_WINDOW (window) ? CX_WINDOW (window) : NULL;
}

/* A window to open a file in: one showing nothing, else a new one */
static CxWindow *
cx_application_get_empty_window (CxApplication *self)
{
  CxWindow *window;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (CX_IS_WINDOW (l->data) && cx_window_is_empty (l->data))
      return l->data;

  window = cx_window_new (GTK_APPLICATION (self));
  return window;
}

/* ------------------------------------------------------------------ */
/* Actions                                                             */

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  CxApplication *self = user_data;
  g_autoptr(GList) windows = NULL;

  /* Each window asks about its own unsaved changes; the application
   * ends when the last one is gone */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
new_window_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  gtk_window_present (GTK_WINDOW (cx_window_new (GTK_APPLICATION (user_data))));
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  CxApplication *self = user_data;
  CxWindow *window = cx_application_get_active_cx_window (self);

  if (window == NULL)
    window = cx_window_new (GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.open", NULL);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  CxApplication *self = user_data;
  const char *developers[] = { _("The CX Planner authors"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "modal", TRUE,
                        "application-name", _("CX Planner"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The CX Planner authors"),
                        "developers", developers,
                        "comments", _("Plan customer experiences as journey maps, "
                                      "and check them for design problems"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
help_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  CxApplication *self = user_data;

  cx_application_show_help (self, gtk_application_get_active_window (GTK_APPLICATION (self)),
                            NULL);
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = quit_action },
  { .name = "new-window", .activate = new_window_action },
  { .name = "open", .activate = open_action },
  { .name = "about", .activate = about_action },
  { .name = "help", .activate = help_action },
};

/* ------------------------------------------------------------------ */
/* GApplication                                                        */

static void
cx_application_startup (GApplication *application)
{
  CxApplication *self = CX_APPLICATION (application);

  G_APPLICATION_CLASS (cx_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);

  for (guint i = 0; i < G_N_ELEMENTS (accelerators); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accelerators[i].action,
                                           accelerators[i].accels);

  /* An uninstalled run finds the application's icon in the source tree */
  if (gdk_display_get_default () != NULL)
    {
      GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());

      if (!gtk_icon_theme_has_icon (theme, APP_ID))
        gtk_icon_theme_add_search_path (theme, CX_SOURCE_DATADIR "/icons");
    }

  gtk_window_set_default_icon_name (APP_ID);

  _cx_application_drafts_startup (self);
}

static void
cx_application_activate (GApplication *application)
{
  CxApplication *self = CX_APPLICATION (application);
  CxWindow *window = cx_application_get_active_cx_window (self);

  if (window == NULL)
    window = cx_window_new (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (window));
}

static void
cx_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  CxApplication *self = CX_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      CxWindow *window = cx_application_find_window_for_file (self, files[i]);

      if (window == NULL)
        {
          window = cx_application_get_empty_window (self);
          cx_window_open_file (window, files[i], CX_DOCUMENT_LOAD_DEFAULT);
        }

      gtk_window_present (GTK_WINDOW (window));
    }
}

static void
cx_application_dispose (GObject *object)
{
  _cx_application_drafts_dispose (CX_APPLICATION (object));

  G_OBJECT_CLASS (cx_application_parent_class)->dispose (object);
}

static void
cx_application_class_init (CxApplicationClass *klass)
{
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = cx_application_dispose;

  application_class->startup = cx_application_startup;
  application_class->activate = cx_application_activate;
  application_class->open = cx_application_open;

  /* The templates of every widget, before any is made */
  cx_register_resource ();
}

static void
cx_application_init (CxApplication *self)
{
}

/**
 * cx_application_new:
 *
 * Returns: (transfer full): the application
 */
CxApplication *
cx_application_new (void)
{
  return g_object_new (CX_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/cxplan/Planner",
                       NULL);
}
