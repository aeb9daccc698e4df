/* main.c — the cxplan binary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "cx-application.h"
#include "cx-i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CxApplication) app = NULL;

  cx_i18n_init ();

  g_set_application_name (_("CX Planner"));
  app = cx_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
