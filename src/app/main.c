/* main.c — the cxplan binary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>

#include "cx-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CxApplication) app = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, CX_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("CX Planner"));
  app = cx_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
