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
  const char *localedir;

  setlocale (LC_ALL, "");
  /* CXPLAN_LOCALEDIR points an uninstalled run (and the tests) at a build
   * tree's catalogues, _build/po; installed runs use CX_LOCALEDIR. */
  localedir = g_getenv ("CXPLAN_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    localedir = CX_LOCALEDIR;
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("CX Planner"));
  app = cx_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
